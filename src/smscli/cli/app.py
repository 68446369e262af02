"""The local commands (not API operations): `configure`, `sim`, `parts`, `completion`.

Each is a Typer app, which declares its parameters and runs its body; smscli reads the command line
around it, so that a local command answers `help` and a bad command line as the API's commands do:

- `help` as the last word, on its own (not after `--`, not as an option's value), or `--help` / `-h`
  anywhere before `--`: the command's help (local_help.py), even when the rest would be an error.
  `smscli help <command> [<subcommand>]` is the same help (main.py).
- A bad command line is a UsageError (exit 252, render/errors.py's usage text), in the words of the
  API commands (argparse's in the AWS CLI): a group without its subcommand (`smscli sim`, as `aws
  pinpoint-sms-voice-v2` without its operation) "the following arguments are required: subcommand";
  an unknown subcommand "argument subcommand: Found invalid choice ..." with the nearest ones; then, in
  argparse's order, an option's missing value "argument --x: expected one argument", a value on a flag
  "argument --x: ignored explicit argument ...", a value outside a fixed set "argument X: Invalid
  choice ..., valid choices are: ...", the required ones missing "the following arguments are required:
  --x, KEY", and every word left over "Unknown options: ..." (with the nearest option).
- Words are read as click reads them (an option that takes a value takes the next word, whatever it
  is), except that a word starting with '-' is a positional argument when it is `-`, a negative number
  or contains a space, as the API's commands read it (parsing/argv.py). Click then gets the options
  and, after `--`, the positional arguments: it never sees a word it would refuse in its own words.
- The command's own errors (ServiceError, ConfigError, StateError, UsageError) and its exit code
  (`typer.Exit`) pass through unchanged; no Rich box, no "Try 'smscli sim --help'" line.
"""

from __future__ import annotations

import sys

from smscli.errors import UsageError
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


def click_command(command: str):
    """The click command (a group for `sim` and `configure`) Typer builds from the command's app."""
    import click
    import typer.main

    root = typer.main.get_command(typer_app(command))
    for leaf in root.commands.values() if isinstance(root, click.Group) else (root,):
        _restore_argument_help(leaf)
    return root


def _restore_argument_help(command) -> None:
    """Click 8.5's Parameter.__init__ sets `help` itself (None for an argument), after Typer's
    TyperArgument has set it: the help is taken back from the typer.Argument(...) of the function."""
    import inspect

    function = inspect.unwrap(command.callback)
    declared = inspect.signature(function).parameters
    for param in command.params:
        if getattr(param, "help", None) is None and param.name in declared:
            param.help = getattr(declared[param.name].default, "help", None)


def run_local(command: str, args: list[str], globals_: GlobalArgs) -> int:
    import click

    root = click_command(command)
    path, leaf, argv = read_command_line(command, root, args)
    if argv is None:
        from smscli.cli.local_help import command_help

        sys.stdout.write(command_help(path, leaf))
        return 0
    try:
        with root.make_context(f"smscli {command}", argv, obj=globals_) as context:
            root.invoke(context)
    except click.exceptions.Exit as stop:  # typer.Exit(1): `configure get` of a setting without value
        return stop.exit_code
    except click.UsageError as error:  # not expected once read_command_line accepted the line
        raise UsageError(error.format_message()) from None
    return 0


def local_help(command: str, words: list[str]) -> str:
    """`smscli help sim clock`: the help `smscli sim clock help` shows."""
    from smscli.cli.local_help import command_help

    path, leaf, _ = read_command_line(command, click_command(command), [*words, "help"])
    return command_help(path, leaf)


def read_command_line(command: str, root, args: list[str]):
    """(path, click command, argv for click), argv None when the line asks for the command's help;
    a UsageError when the line is wrong."""
    import click

    path, node, rest = [command], root, list(args)
    while isinstance(node, click.Group):
        if rest[:1] in (["--help"], ["-h"]) or rest == ["help"]:
            return path, node, None
        if not rest:
            raise UsageError("the following arguments are required: subcommand")
        word = rest.pop(0)
        sub = node.commands.get(word)
        if sub is None:
            if word.startswith("-") and word != "-":
                raise UsageError(f"Unknown options: {word}")
            from smscli.parsing.argv import suggest_command
            from smscli.render.errors import format_invalid_choice

            raise format_invalid_choice(word, suggest_command(word, list(node.commands)), argument="subcommand")
        path.append(word)
        node = sub
    argv = _read_parameters(node, rest)
    return path, node, (None if argv is None else [*path[1:], *argv])


def _read_parameters(command, words: list[str]) -> list[str] | None:
    """The words of a leaf command, checked against its click params: argv for click (options, then
    `--` and the positional arguments), or None for its help."""
    import click

    from smscli.cli.local_help import choices_of, param_label
    from smscli.parsing.argv import _NEGATIVE_NUMBER, _suggest

    options = {name: param for param in command.params if isinstance(param, click.Option)
               for name in (*param.opts, *param.secondary_opts)}  # fmt: skip
    arguments = [param for param in command.params if isinstance(param, click.Argument)]
    room = float("inf") if any(param.nargs == -1 for param in arguments) else sum(param.nargs for param in arguments)
    passed: list[str] = []  # options and their values, as given
    positional: list[str] = []
    given: set[str] = set()  # the names of the options given
    unknown: list[str] = []
    first_error: UsageError | None = None
    wants_help = False

    def check_value(param, value: str) -> None:
        nonlocal first_error
        choices = choices_of(param)
        if choices is not None and value not in choices and first_error is None:
            from smscli.render.errors import format_invalid_value

            first_error = format_invalid_value(param_label(param), value, choices)

    def take_positional(word: str) -> None:
        if len(positional) < room:
            index = min(len(positional), len(arguments) - 1)
            positional.append(word)
            check_value(arguments[index], word)
        else:
            unknown.append(word)

    index = 0
    while index < len(words):
        word = words[index]
        index += 1
        if word == "--":  # what follows is text: never an option, never `help`
            for rest in words[index:]:
                take_positional(rest)
            break
        if word in ("--help", "-h") and word not in options:
            wants_help = True
            continue
        if word == "help" and index == len(words):
            wants_help = True
            continue
        if not word.startswith("-") or word == "-" or _NEGATIVE_NUMBER.match(word) or " " in word:
            take_positional(word)
            continue
        name, equals, value = word.partition("=") if word.startswith("--") else (word, "", "")
        option = options.get(name)
        if option is None:
            unknown.append(word)
            continue
        given.add(option.name)
        if option.is_flag:
            if equals and first_error is None:
                first_error = UsageError(f"argument {name}: ignored explicit argument '{value}'")
            passed.append(name)
        elif equals:
            passed.append(word)
            check_value(option, value)
        elif index < len(words):
            passed += [word, words[index]]
            check_value(option, words[index])
            index += 1
        elif first_error is None:
            first_error = UsageError(f"argument {name}: expected one argument")
    if wants_help:
        return None
    if first_error is not None:
        raise first_error
    suggestion = _suggest(unknown, list(options))
    missing = [param_label(param) for param in command.params
               if param.required and not _given(param, given, arguments, positional)]  # fmt: skip
    if missing:
        raise UsageError(f"the following arguments are required: {', '.join(missing)}", suggestion=suggestion)
    if unknown:
        raise UsageError(f"Unknown options: {', '.join(unknown)}", suggestion=suggestion)
    return [*passed, "--", *positional]


def _given(param, given: set[str], arguments: list, positional: list[str]) -> bool:
    import click

    if isinstance(param, click.Option):
        return param.name in given
    before = sum(other.nargs for other in arguments[: arguments.index(param)])
    return len(positional) > before
