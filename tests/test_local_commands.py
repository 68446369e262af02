"""The local commands (`sim`, `configure`, `parts`, `completion`) answer `help` and a bad command line
as the API's commands do: the man-page help of `smscli create-pool help`, and the usage lines with
"smscli: error: ..." and exit 252, never a Rich box or Typer's "Try 'smscli sim --help'" line."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

USAGE = """usage: smscli [options] <command> [parameters]
To see help text, you can run:

  smscli help
  smscli <command> help

"""
BOX = set("╭│╰─")


def usage_error(message: str) -> str:
    return USAGE + f"smscli: error: {message}\n"


def click_command(name: str):
    import typer.main

    from smscli.cli.app import typer_app

    return typer.main.get_command(typer_app(name))


def local_paths() -> list[list[str]]:
    """Every local command and subcommand, read from the Typer apps."""
    import click

    from smscli.cli.help import LOCAL_COMMANDS

    paths = []
    for name in LOCAL_COMMANDS:
        command = click_command(name)
        paths.append([name])
        if isinstance(command, click.Group):
            paths += [[name, sub] for sub in command.commands]
    return paths


def command_at(path: list[str]):
    command = click_command(path[0])
    for word in path[1:]:
        command = command.commands[word]
    return command


PATHS = local_paths()


# ---------------------------------------------------------------------------------------------
# No arguments


@pytest.mark.parametrize("argv", [[], ["--output", "json"], ["--debug"]])
def test_smscli_alone_is_a_usage_error_as_aws_alone(smscli, argv):
    result = smscli(*argv)
    assert (result.code, result.out, result.err) == (252, "", usage_error("the following arguments are required: command"))


@pytest.mark.parametrize("group", ["sim", "configure"])
def test_a_group_alone_asks_for_its_subcommand(smscli, group, home):
    result = smscli(group)
    assert (result.code, result.out, result.err) == (252, "", usage_error("the following arguments are required: subcommand"))
    assert not home.exists()


@pytest.mark.parametrize("argv, required", [(["completion"], "SHELL"), (["configure", "get"], "KEY"),
                                            (["configure", "set"], "KEY, VALUE"), (["sim", "review"], "REGISTRATION_ID"),
                                            (["sim", "inbound"], "--origination-phone-number, --destination-phone-number, "
                                                                 "--message-body")])  # fmt: skip
def test_missing_arguments_are_listed_as_the_api_commands_list_them(smscli, argv, required):
    result = smscli(*argv)
    assert (result.code, result.out, result.err) == (252, "", usage_error(f"the following arguments are required: {required}"))


def test_parts_alone_asks_for_a_message(smscli):
    result = smscli("parts")
    assert (result.code, result.out) == (252, "")
    assert result.err == usage_error("a message is required: smscli parts TEXT, --file PATH, or - to read standard input")


# ---------------------------------------------------------------------------------------------
# Bad command lines


def test_an_unknown_subcommand_is_an_invalid_choice(smscli):
    result = smscli("sim", "bogus")
    assert (result.code, result.out, result.err) == (252, "", usage_error("argument subcommand: Found invalid choice 'bogus'"))
    result = smscli("sim", "clok", "--advance", "1h")
    assert (result.code, result.err) == (252, usage_error(
        "argument subcommand: Found invalid choice 'clok'\n\nInvalid choice: 'clok', maybe you meant:\n\n  * clock"))  # fmt: skip
    result = smscli("configure", "lst")
    assert result.err == usage_error(
        "argument subcommand: Found invalid choice 'lst'\n\nInvalid choice: 'lst', maybe you meant:\n\n  * list\n  * set")


def test_help_before_a_subcommand_is_not_help(smscli):
    """As `aws configure help list`: `help` is a subcommand's place there, and no subcommand."""
    result = smscli("sim", "help", "clock")
    assert (result.code, result.out, result.err) == (252, "", usage_error("argument subcommand: Found invalid choice 'help'"))


@pytest.mark.parametrize("argv, message", [
    (["sim", "clock", "--advance"], "argument --advance: expected one argument"),
    (["sim", "clock", "--bogus"], "Unknown options: --bogus"),
    (["sim", "clock", "--reset=yes"], "argument --reset: ignored explicit argument 'yes'"),
    (["sim", "--bogus"], "Unknown options: --bogus"),
    (["sim", "messages", "extra", "--other"], "Unknown options: extra, --other"),
    (["configure", "list", "extra"], "Unknown options: extra"),
    (["configure", "get", "region", "output"], "Unknown options: output"),
    (["parts", "one", "two"], "Unknown options: two"),
    (["completion", "tcsh"], "argument SHELL: Invalid choice 'tcsh', valid choices are:\n\nbash | zsh | fish | powershell"),
    (["parts", "x", "--encoding=latin1"], "argument --encoding: Invalid choice 'latin1', valid choices are:\n\nauto | GSM-7 | UCS-2"),
])  # fmt: skip
def test_usage_errors_read_as_the_api_commands(smscli, home, argv, message):
    result = smscli(*argv)
    assert (result.code, result.out, result.err) == (252, "", usage_error(message))
    assert not (home / "state.json").exists() and not (home / "config.toml").exists()


def test_an_unknown_option_suggests_the_nearest(smscli):
    result = smscli("sim", "clock", "--rest")
    assert (result.code, result.err) == (252, usage_error("Unknown options: --rest") + "\nDid you mean --reset?\n")
    result = smscli("sim", "inbound", "--origination-phone-number", "+14254147755", "--destination-phone-number", "+1206",
                    "--mesage-body", "hi")  # fmt: skip
    assert result.err == usage_error("the following arguments are required: --message-body") + "\nDid you mean --message-body?\n"


def test_the_commands_own_errors_keep_their_format(smscli):
    result = smscli("configure", "get", "region", "--profile", "nope")
    assert (result.code, result.out, result.err) == (
        253, "",
        "smscli: [ERROR]: The config profile (nope) could not be found (the name comes from --profile)\n\n"
        "Hint: create it with `smscli configure set region us-east-1 --profile nope`\n",
    )  # fmt: skip
    result = smscli("sim", "review", "registration-0123", "--approve", "--deny")
    assert (result.code, result.err) == (252, usage_error("give exactly one of --approve, --deny, --request-updates"))
    result = smscli("sim", "review", "registration-0123", "--approve")
    assert (result.code, result.err) == (
        254,
        "smscli: [ERROR]: An error occurred (ResourceNotFoundException) when calling the SimReview operation: "
        "The registration registration-0123 does not exist.\n\n"
        "Additional error details:\nResourceType: registration\nResourceId: registration-0123\n",
    )


# ---------------------------------------------------------------------------------------------
# help


SIM_CLOCK_HELP = """NAME
       sim clock

DESCRIPTION
       The simulated clock, and moving it ahead, so that expiries and waiting
       rules can be rehearsed at once: a verification code's 15 minutes, a
       verified number's 24 hours before it can be deleted, number overrides'
       expiry, the next month's spend. It moves for the whole state file.

SYNOPSIS
         sim clock
         [--advance <DURATION>]
         [--reset]

OPTIONS
       --advance (string, optional)
          move the clock ahead: 90s, 15m, 24h, 30d

       --reset (boolean, optional)
          back to the machine's time
"""

COMPLETION_HELP = """NAME
       completion

DESCRIPTION
       Print the completion script of SHELL. Install: see the README (Shell
       completion).

       bash:        eval "$(smscli completion bash)"        (in ~/.bashrc)
       zsh:         smscli completion zsh > "${fpath[1]}/_smscli"
       fish:        smscli completion fish > ~/.config/fish/completions/smscli.fish
       powershell:  smscli completion powershell | Out-String | Invoke-Expression

SYNOPSIS
         completion SHELL

OPTIONS
       SHELL (string, required)
          bash, zsh, fish or powershell
          one of: bash | zsh | fish | powershell
"""


@pytest.mark.parametrize("argv", [["sim", "clock", "help"], ["sim", "clock", "--help"], ["sim", "clock", "-h"],
                                  ["help", "sim", "clock"], ["sim", "clock", "--advance", "1h", "help"],
                                  ["sim", "clock", "--bogus", "--help"], ["--output", "json", "sim", "clock", "help"]])  # fmt: skip
def test_sim_clock_help(smscli, home, argv):
    result = smscli(*argv)
    assert (result.code, result.out, result.err) == (0, SIM_CLOCK_HELP, "")
    assert not home.exists(), "help moves no clock"


@pytest.mark.parametrize("argv", [["completion", "help"], ["completion", "--help"], ["help", "completion"]])
def test_completion_help(smscli, argv):
    assert (smscli(*argv).code, smscli(*argv).out) == (0, COMPLETION_HELP)


def test_a_group_help_lists_its_subcommands(smscli):
    result = smscli("sim", "help")
    assert result.code == 0 and result.err == ""
    assert result.out.startswith(
        "NAME\n       sim\n\nDESCRIPTION\n       What the simulation sent and received, the customer's side of two-way\n"
        "       SMS, registration reviews, and the simulated clock.\n\n"
        "SYNOPSIS\n         sim <subcommand> [parameters]\n\nOPTIONS\n       None\n\nAVAILABLE COMMANDS\n"
        "       o messages\n         The messages the simulated service sent, oldest first.\n\n"
    )
    assert [line[9:] for line in result.out.splitlines() if line.startswith("       o ")] == [
        "messages", "events", "inbound", "review", "clock"]  # fmt: skip
    for argv in (["sim", "--help"], ["sim", "-h"], ["help", "sim"]):
        assert smscli(*argv).out == result.out


def test_help_of_an_api_operation_through_help(smscli):
    result = smscli("help", "create-pool")
    assert (result.code, result.err) == (0, "")
    assert result.out == smscli("create-pool", "help").out
    assert result.out.startswith("NAME\n       create-pool (CreatePool)\n")
    result = smscli("help", "create-pool", "extra")
    assert (result.code, result.out, result.err) == (252, "", usage_error("Unknown options: extra"))
    result = smscli("help", "create-pol")
    assert (result.code, result.err) == (252, usage_error(
        "argument command: Found invalid choice 'create-pol'\n\nInvalid choice: 'create-pol', maybe you meant:\n\n"
        "  * create-pool\n  * update-pool\n  * delete-pool"))  # fmt: skip
    assert smscli("help").out == smscli("--help").out == smscli("-h").out
    assert smscli("help").out.startswith("smscli 0.1.0: ")


def test_help_is_a_word_on_its_own_not_an_option_value_and_not_after_the_double_dash(smscli, home):
    result = smscli("--output", "json", "parts", "--", "help")
    assert (result.code, result.err) == (0, "")
    assert (result.json()["Characters"], result.json()["Parts"]) == (4, [{"Text": "help", "Units": 4}])
    result = smscli("--output", "json", "parts", "--", "--help")
    assert result.json()["Parts"] == [{"Text": "--help", "Units": 6}]
    result = smscli("sim", "inbound", "--message-body", "help")
    assert (result.code, result.err) == (252, usage_error(
        "the following arguments are required: --origination-phone-number, --destination-phone-number"))  # fmt: skip
    assert smscli("parts", "help").out == smscli("parts", "--help").out == smscli("help", "parts").out
    assert smscli("parts", "help").out.startswith("NAME\n       parts\n\nDESCRIPTION\n       How a text message is encoded")


def test_a_dash_word_that_is_text_is_text(smscli):
    """As the API's commands read it: `-`, a negative number and a word with a space are not options."""
    assert smscli("parts", "-5", "--output", "json").json()["Parts"] == [{"Text": "-5", "Units": 2}]
    assert smscli("parts", "- a list", "--output", "json").json()["Characters"] == 8


# ---------------------------------------------------------------------------------------------
# Every local command and subcommand


def minimal_arguments(command) -> list[str]:
    """Words that satisfy the command's required parameters."""
    import click

    words = []
    for param in command.params:
        if param.required:
            value = param.type.choices[0] if isinstance(param.type, click.Choice) else "x"
            value = getattr(value, "value", value)
            words += [param.opts[0], value] if isinstance(param, click.Option) else [value]
    return words


@pytest.mark.parametrize("path", PATHS, ids=[" ".join(path) for path in PATHS])
def test_every_local_command_answers_help_and_a_bad_option_as_the_api_commands(smscli, home, path):
    import click

    command = command_at(path)
    result = smscli(*path, "help")
    assert (result.code, result.err) == (0, "")
    assert result.out.startswith(f"NAME\n       {' '.join(path)}\n\n")
    assert "\nSYNOPSIS\n" in result.out and "\nOPTIONS\n" in result.out
    for param in command.params:
        assert f"\n       {param.opts[0] if isinstance(param, click.Option) else param.name.upper()} (" in result.out
    if isinstance(command, click.Group):
        assert "\nAVAILABLE COMMANDS\n" in result.out
    assert not BOX & set(result.out)
    for argv in ([*path, "--help"], [*path, "-h"], ["help", *path]):
        assert smscli(*argv).out == result.out, argv

    bad = [] if isinstance(command, click.Group) else minimal_arguments(command)
    result = smscli(*path, *bad, "--bogus-option")
    assert (result.code, result.out, result.err) == (252, "", usage_error("Unknown options: --bogus-option"))
    assert not BOX & set(result.err) and "Try 'smscli" not in result.err
    assert not (home / "state.json").exists() and not (home / "config.toml").exists()


# ---------------------------------------------------------------------------------------------
# After `--`, every word is the message


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40))
@example("help")
@example("--help")
@example("-h")
@example("--")
def test_after_the_double_dash_any_word_is_counted(smscli, text):
    result = smscli("--output", "json", "parts", "--", text)
    assert (result.code, result.err) == (0, "")
    assert "".join(part["Text"] for part in result.json()["Parts"]) == text
