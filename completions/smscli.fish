# fish completion for smscli (save as ~/.config/fish/completions/smscli.fish)
function __smscli_complete
    set -l line (commandline -cp)
    set -l candidates (env _SMSCLI_COMPLETE=complete_fish _TYPER_COMPLETE_FISH_ACTION=get-args _TYPER_COMPLETE_ARGS="$line" smscli)
    if set -q candidates[1]
        printf '%s\n' $candidates
    else  # nothing smscli knows (a free value, `parts --file`): file names
        __fish_complete_path (commandline -ct)
    end
end
complete --command smscli --no-files --keep-order --arguments "(__smscli_complete)"
