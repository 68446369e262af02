"""The local commands (not API operations), built with Typer: `smscli configure ...`."""

from __future__ import annotations

from smscli.parsing.argv import GlobalArgs


def typer_app(command: str):
    if command == "configure":
        from smscli.cli.configure import app

        return app
    if command == "sim":
        from smscli.cli.sim import app

        return app
    if command == "parts":
        from smscli.cli.parts import app

        return app
    if command == "completion":
        from smscli.cli.completion import app

        return app
    raise KeyError(command)


def run_local(command: str, args: list[str], globals_: GlobalArgs) -> int:
    """Run a local command's Typer app; its usage errors exit 252 like every bad command line."""
    import typer.main

    click_command = typer.main.get_command(typer_app(command))
    if not args:
        args = ["--help"]  # as `smscli` alone: help, and success
    try:
        click_command.main(args=args, prog_name=f"smscli {command}", standalone_mode=True, obj=globals_)
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
        return 252 if code == 2 else code
    return 0
