"""`smscli completion bash|zsh|fish|powershell`: the completion script of one shell, named, never guessed.

The scripts speak Typer's completion protocol (the shell runs `smscli` with `_SMSCLI_COMPLETE` set
and the command line in COMP_WORDS/COMP_CWORD or `_TYPER_COMPLETE_ARGS`), answered by
smscli.cli.complete. The bash script also passes COMP_LINE and COMP_POINT, so that words bash splits
at `:` and `=` (ARNs, `file://`, `--output=json`) complete whole. `completions/` in the repository holds
the output of this command for each shell (tests/test_completion.py keeps it current).
"""

from __future__ import annotations

PROG = "smscli"
VARIABLE = "_SMSCLI_COMPLETE"

_BASH = """\
# bash completion for smscli (source it, or put it in /etc/bash_completion.d or
# ~/.local/share/bash-completion/completions/smscli)
_smscli_completion() {
    local IFS=$'\\n'
    COMPREPLY=( $( env COMP_WORDS="${COMP_WORDS[*]}" \\
                   COMP_CWORD=$COMP_CWORD \\
                   COMP_LINE="$COMP_LINE" \\
                   COMP_POINT=$COMP_POINT \\
                   _SMSCLI_COMPLETE=complete_bash $1 ) )
    # `Name=`, `file://docs/`: the word goes on, so no space after it
    if [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *[=/] ]]; then
        compopt -o nospace
    fi
    return 0
}

complete -o default -F _smscli_completion smscli
"""

_ZSH = """\
#compdef smscli
# zsh completion for smscli (save as _smscli in a directory of $fpath, then compinit)

_smscli_completion() {
  eval $(env _TYPER_COMPLETE_ARGS="${words[1,$CURRENT]}" _SMSCLI_COMPLETE=complete_zsh smscli)
}

compdef _smscli_completion smscli
"""

_FISH = """\
# fish completion for smscli (save as ~/.config/fish/completions/smscli.fish)
complete --command smscli --no-files --arguments "(env _SMSCLI_COMPLETE=complete_fish _TYPER_COMPLETE_FISH_ACTION=get-args _TYPER_COMPLETE_ARGS=(commandline -cp) smscli)" --condition "env _SMSCLI_COMPLETE=complete_fish _TYPER_COMPLETE_FISH_ACTION=is-args _TYPER_COMPLETE_ARGS=(commandline -cp) smscli"
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
