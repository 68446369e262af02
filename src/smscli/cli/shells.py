"""`smscli completion bash|zsh|fish|powershell`: the completion script of one shell, named, never guessed.

The scripts speak Typer's completion protocol (the shell runs `smscli` with `_SMSCLI_COMPLETE` set
and the command line in COMP_WORDS/COMP_CWORD or `_TYPER_COMPLETE_ARGS`), answered by
smscli.cli.complete, with these additions:
- bash: the script also passes COMP_LINE and COMP_POINT, so that words bash splits at `:` and `=`
  (ARNs, `file://`, `--output=json`, `Name=status`) are read whole, and the part of the word readline
  replaces ($2, as _SMSCLI_COMPLETE_CUR), so that the candidates start where that part does
  (`Name=<TAB>` -> `status`, not `Name==status`); it reads the candidates line by line (no glob
  expansion), keeps their order (`-o nosort`, bash 4.4 and later) and adds no space after `Name=` or
  a folder.
- zsh: `complete_zsh` answers zsh code that the script evals (`compadd` with the candidates in their
  order, their help, no space after `Name=`). The file works autoloaded from $fpath (it completes
  from the first TAB) and sourced.
- fish: candidates with their help (`value<TAB>help`), kept in their order (`--keep-order`), from
  one run of smscli per TAB (file names when it has none).
Candidates come in a meaningful order (an operation's own options, then the global ones), so no
script lets its shell sort them. `completions/` in the repository holds the output of this command for
each shell (tests/test_completion.py keeps it current).
"""

from __future__ import annotations

PROG = "smscli"
VARIABLE = "_SMSCLI_COMPLETE"

_BASH = """\
# bash completion for smscli (source it, or put it in /etc/bash_completion.d or
# ~/.local/share/bash-completion/completions/smscli)
_smscli_completion() {
    local IFS=$'\\n' reply
    COMPREPLY=()
    while read -r reply; do
        COMPREPLY+=("$reply")
    done < <(env COMP_WORDS="${COMP_WORDS[*]}" \\
                 COMP_CWORD=$COMP_CWORD \\
                 COMP_LINE="$COMP_LINE" \\
                 COMP_POINT=$COMP_POINT \\
                 _SMSCLI_COMPLETE_CUR="$2" \\
                 _SMSCLI_COMPLETE=complete_bash $1)
    # `Name=`, `file://docs/`: the word goes on, so no space after it
    if [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *[=/] ]]; then
        compopt -o nospace 2>/dev/null
    fi
    return 0
}

# Candidates come in their own order (a command's options, then the global ones): not sorted (bash 4.4+).
complete -o nosort -o default -F _smscli_completion smscli 2>/dev/null ||
    complete -o default -F _smscli_completion smscli
"""

_ZSH = """\
#compdef smscli
# zsh completion for smscli (save as _smscli in a directory of $fpath before compinit runs, or source
# it after compinit)

_smscli() {
  eval "$(env _TYPER_COMPLETE_ARGS="${words[1,$CURRENT]}" _SMSCLI_COMPLETE=complete_zsh smscli)"
}

if [[ "${funcstack[1]}" == _smscli ]]; then  # autoloaded by the first TAB: complete it too
  _smscli "$@"
else
  compdef _smscli smscli
fi
"""

_FISH = """\
# fish completion for smscli (save as ~/.config/fish/completions/smscli.fish)
function __smscli_complete
    set -l line (commandline -cp)
    set -l candidates (env _SMSCLI_COMPLETE=complete_fish _TYPER_COMPLETE_FISH_ACTION=get-args _TYPER_COMPLETE_ARGS="$line" smscli)
    if set -q candidates[1]
        printf '%s\\n' $candidates
    else  # nothing smscli knows (a free value, `parts --file`): file names
        __fish_complete_path (commandline -ct)
    end
end
complete --command smscli --no-files --keep-order --arguments "(__smscli_complete)"
"""

_POWERSHELL = """\
# PowerShell completion for smscli (dot-source it from your $PROFILE)
Import-Module PSReadLine
Set-PSReadLineKeyHandler -Chord Tab -Function MenuComplete
$scriptblock = {
    param($wordToComplete, $commandAst, $cursorPosition)
    $Env:_SMSCLI_COMPLETE = "complete_powershell"
    $Env:_TYPER_COMPLETE_ARGS = $commandAst.ToString()
    $Env:_TYPER_COMPLETE_WORD_TO_COMPLETE = $wordToComplete
    smscli | ForEach-Object {
        $commandArray = $_ -Split ":::"
        $command = $commandArray[0]
        $helpString = $commandArray[1]
        [System.Management.Automation.CompletionResult]::new(
            $command, $command, 'ParameterValue', $helpString)
    }
    $Env:_SMSCLI_COMPLETE = ""
    $Env:_TYPER_COMPLETE_ARGS = ""
    $Env:_TYPER_COMPLETE_WORD_TO_COMPLETE = ""
}
Register-ArgumentCompleter -Native -CommandName smscli -ScriptBlock $scriptblock
"""

SCRIPTS = {"bash": _BASH, "zsh": _ZSH, "fish": _FISH, "powershell": _POWERSHELL}
# Where each script lives in the repository's completions/ folder.
FILE_NAMES = {"bash": "smscli.bash", "zsh": "_smscli", "fish": "smscli.fish", "powershell": "smscli.ps1"}
