"""`smscli`'s entry point: route the command line, and map every failure to its exit code.

The AWS API operations go through smscli's own AWS-CLI-compatible parser (smscli.parsing), which
needs no CLI framework and so starts fast; the local commands (`configure`, ...) are Typer apps
run by cli/app.py. As in the AWS CLI, `smscli` alone is a usage error (252: "the following
arguments are required: command"); `smscli help`, `--help` and `-h` are the list of commands, and
`smscli help <command> [<subcommand>]` is the help `smscli <command> [<subcommand>] help` shows.
This is the only place that exits.

Ctrl-C is exit 130 with no traceback wherever it lands once `entry` runs: it installs its SIGINT
handler before anything else is imported, catches the KeyboardInterrupt around everything (the
imports and TAB completion included), and an interrupt that a framework turned into another exit
(Click alone makes it "Aborted!", exit 1) is still 130. A second Ctrl-C while smscli stops is ignored.
Before `entry` (the interpreter's own start-up and three small module imports) Python's rules apply.
"""

from __future__ import annotations

import sys

_interrupted = False  # set by the SIGINT handler: the exit is 130 whatever became of the KeyboardInterrupt


def _on_interrupt(signum, frame):
    global _interrupted
    _interrupted = True
    raise KeyboardInterrupt


def entry() -> None:
    import signal

    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:  # not when SIGINT is ignored (nohup, &)
        signal.signal(signal.SIGINT, _on_interrupt)
    completing = False
    try:
        import os

        completing = "_SMSCLI_COMPLETE" in os.environ
        if completing:  # TAB completion: answered without the rest of the CLI
            from smscli.cli.complete import run

            code = run()
        else:
            code = main(sys.argv[1:])
    except KeyboardInterrupt:
        code = _stop_interrupted(quiet=completing)
    if _interrupted:
        code = 130
    sys.exit(code)


def _stop_interrupted(quiet: bool = False) -> int:
    import signal

    if signal.getsignal(signal.SIGINT) is _on_interrupt:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C while stopping changes nothing
    if not quiet:
        sys.stderr.write("\n")
    return 130


def main(argv: list[str]) -> int:
    debug = "--debug" in argv
    try:
        code = _route(argv)
        return 130 if _interrupted else code
    except KeyboardInterrupt:
        return _stop_interrupted()
    except BrokenPipeError:
        _silence_stdout()
        return 0
    except Exception as error:  # every failure is reported, never a bare traceback
        from smscli.errors import SmscliError
        from smscli.render.errors import format_error

        if debug and not isinstance(error, SmscliError):
            import traceback

            traceback.print_exc()
        sys.stderr.write(format_error(error))
        return error.exit_code if isinstance(error, SmscliError) else 255


def _route(argv: list[str]) -> int:
    from smscli.parsing.argv import split_globals

    globals_ = split_globals(argv)
    if globals_.get("version"):
        import platform

        from smscli import __version__

        sys.stdout.write(f"smscli/{__version__} Python/{platform.python_version()} {platform.system()}/{platform.release()}\n")
        return 0
    rest = globals_.rest
    if not rest:  # as `aws` alone
        from smscli.errors import UsageError

        raise UsageError("the following arguments are required: command")
    if rest[0] in ("--help", "-h") or rest == ["help"]:
        from smscli.cli.help import root_help

        sys.stdout.write(root_help())
        return 0
    if rest[0] == "help":
        return _help_of(rest[1], rest[2:])
    command = rest[0]
    from smscli.cli.help import LOCAL_COMMANDS

    if command in LOCAL_COMMANDS:
        from smscli.cli.app import run_local

        return run_local(command, rest[1:], globals_)
    from smscli import spec

    op = spec.command_names().get(command)
    if op is not None and rest[1:] == ["help"]:  # its help, without loading what running it needs
        return _help_of(command, [])
    if op is not None:
        from smscli.cli.operation import run_operation

        return run_operation(op, rest[1:], globals_)
    raise _unknown_command(command)


def _help_of(command: str, words: list[str]) -> int:
    """`smscli help create-pool`, `smscli help sim clock`: the help `smscli <command> ... help` shows."""
    from smscli import spec
    from smscli.cli.help import LOCAL_COMMANDS

    if command in LOCAL_COMMANDS:
        from smscli.cli.app import local_help

        sys.stdout.write(local_help(command, words))
        return 0
    op = spec.command_names().get(command)
    if op is None:
        raise _unknown_command(command)
    if words:
        from smscli.errors import UsageError

        raise UsageError(f"Unknown options: {', '.join(words)}")
    from smscli.cli.help import operation_help

    sys.stdout.write(operation_help(op))
    return 0


def _unknown_command(command: str):
    from smscli import spec
    from smscli.cli.help import LOCAL_COMMANDS
    from smscli.errors import UsageError
    from smscli.parsing.argv import suggest_command
    from smscli.render.errors import format_invalid_choice

    if command.startswith("-"):
        return UsageError(f"Unknown options: {command}")
    return format_invalid_choice(command, suggest_command(command, [*spec.command_names(), *LOCAL_COMMANDS]))


def _silence_stdout() -> None:
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
