# fish completion for smscli (save as ~/.config/fish/completions/smscli.fish)
complete --command smscli --no-files --arguments "(env _SMSCLI_COMPLETE=complete_fish _TYPER_COMPLETE_FISH_ACTION=get-args _TYPER_COMPLETE_ARGS=(commandline -cp) smscli)" --condition "env _SMSCLI_COMPLETE=complete_fish _TYPER_COMPLETE_FISH_ACTION=is-args _TYPER_COMPLETE_ARGS=(commandline -cp) smscli"
