"""`smscli completion SHELL`: print the TAB-completion script of bash, zsh, fish or PowerShell."""

from __future__ import annotations

import enum

import typer

from smscli.cli.shells import SCRIPTS

Shell = enum.Enum("Shell", {name: name for name in SCRIPTS}, type=str)

app = typer.Typer(name="completion", add_completion=False)


@app.command()
def completion(shell: Shell = typer.Argument(..., help="bash, zsh, fish or powershell", show_default=False)) -> None:
    """Print the completion script of SHELL. Install: see the README (Shell completion).

    bash:        eval "$(smscli completion bash)"        (in ~/.bashrc)
    zsh:         smscli completion zsh > "${fpath[1]}/_smscli"
    fish:        smscli completion fish > ~/.config/fish/completions/smscli.fish
    powershell:  smscli completion powershell | Out-String | Invoke-Expression
    """
    typer.echo(SCRIPTS[shell.value], nl=False)
