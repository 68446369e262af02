"""The command line, read the way the AWS CLI's argparse parsers read it.

The AWS CLI parses in two passes, and so do we:

1. `split_globals(argv)`: the global options (`--output`, `--region`, `--debug`, ...) are taken out
   wherever they stand, by exact name or by a prefix that names one global option, as argparse's
   `parse_known_args` does in the AWS CLI's main parser. (So `--de` means `--debug` there, even after
   an operation that has `--deletion-protection-enabled`: the main parser sees it first.)
2. `parse_operation(op, args)`: the operation's own options, one per input member in kebab case,
   with argparse's rules: a unique prefix names an option (an exact name always wins, an ambiguous
   prefix is an error), `--x`/`--no-x` booleans take no value, lists take one or more values,
   `--opt=value` works, and a token starting with '-' is an option unless it is a negative number or
   contains a space. What is left over is reported as "Unknown options: ...".

Values come back raw (strings, lists of strings, booleans); `smscli.parsing.request` turns them into
the request dict.
"""

from __future__ import annotations

import re
from collections import namedtuple

from smscli import spec
from smscli.errors import UsageError

FLAG, VALUE, LIST, OPTIONAL_VALUE = "flag", "value", "list", "optional-value"

_NEGATIVE_NUMBER = re.compile(r"^-\d+$|^-\d*\.\d+$")


# One long option. name: "--pool-ids"; kind: FLAG, VALUE, LIST or OPTIONAL_VALUE; dest: where the
# value goes (a member name, or a special key such as "cli_input_json"); flag_value: what giving a
# FLAG stores (False for --no-x); choices; const: an OPTIONAL_VALUE given without a value; number:
# "int" or "float" for values converted while parsing, as argparse's type=int/float.
# (namedtuple rather than a dataclass: importing dataclasses costs a CLI's startup ~10 ms.)
Option = namedtuple("Option", "name kind dest flag_value choices const number", defaults=(True, (), None, None))


# The AWS CLI v2 global options, in the order its main parser registers them. Options that mean
# nothing locally (endpoints, TLS, timeouts, the auto-prompt) are accepted and have no effect, so
# command lines written for `aws` run unchanged and prefixes resolve exactly as they do there.
GLOBAL_OPTIONS: tuple[Option, ...] = (
    Option("--debug", FLAG, "debug"),
    Option("--endpoint-url", VALUE, "endpoint_url"),
    Option("--no-verify-ssl", FLAG, "no_verify_ssl"),
    Option("--no-paginate", FLAG, "no_paginate"),
    Option("--output", VALUE, "output", choices=("json", "text", "table", "yaml")),
    Option("--query", VALUE, "query"),
    Option("--profile", VALUE, "profile"),
    Option("--region", VALUE, "region"),
    Option("--version", FLAG, "version"),
    Option("--color", VALUE, "color", choices=("on", "off", "auto")),
    Option("--no-sign-request", FLAG, "no_sign_request"),
    Option("--ca-bundle", VALUE, "ca_bundle"),
    Option("--cli-read-timeout", VALUE, "cli_read_timeout", number="int"),
    Option("--cli-connect-timeout", VALUE, "cli_connect_timeout", number="int"),
    Option("--cli-binary-format", VALUE, "cli_binary_format", choices=("base64", "raw-in-base64-out")),
    Option("--no-cli-pager", FLAG, "no_cli_pager"),
    Option("--cli-auto-prompt", FLAG, "cli_auto_prompt"),
    Option("--no-cli-auto-prompt", FLAG, "no_cli_auto_prompt"),
)

# Options every operation has besides its members (the AWS CLI's customizations).
CLI_INPUT_JSON = Option("--cli-input-json", VALUE, "cli_input_json")
CLI_INPUT_YAML = Option("--cli-input-yaml", VALUE, "cli_input_yaml")
GENERATE_SKELETON = Option(
    "--generate-cli-skeleton",
    OPTIONAL_VALUE,
    "generate_cli_skeleton",
    choices=("input", "output", "yaml-input"),
    const="input",
)
# Options a paginated operation has instead of (visible) NextToken/MaxResults.
PAGINATION_OPTIONS = (
    Option("--starting-token", VALUE, "starting_token"),
    Option("--page-size", VALUE, "page_size", number="int"),
    Option("--max-items", VALUE, "max_items", number="int"),
)
# Giving one of these on the command line lifts the argparse-level required checks (botocore
# still validates the merged request), exactly as the AWS CLI does: only the exact spelling counts.
_LIFTS_REQUIRED = ("--cli-input-json", "--cli-input-yaml", "--generate-cli-skeleton")


class OptionTable:
    """An argparse-like table of long options with argparse's rules for recognising them."""

    def __init__(self, options: list[Option] | tuple[Option, ...]):
        self.options = {option.name: option for option in options}

    def names(self) -> list[str]:
        return list(self.options)

    def classify(self, token: str) -> tuple[str, Option | None, str | None]:
        """('O', option, explicit value) for a known option, ('O', None, None) for an unknown
        option-looking token, ('A', None, None) for a value. Ambiguous prefixes are errors."""
        if not token or token[0] != "-" or token == "-":
            return "A", None, None
        if token in self.options:
            return "O", self.options[token], None
        if "=" in token:
            name, explicit = token.split("=", 1)
            if name in self.options:
                return "O", self.options[name], explicit
        if token.startswith("--"):
            prefix, _, explicit = token.partition("=")
            matches = [name for name in self.options if name.startswith(prefix)]
            if len(matches) > 1:
                raise UsageError(f"ambiguous option: {prefix} could match {', '.join(matches)}")
            if len(matches) == 1:
                return "O", self.options[matches[0]], explicit if "=" in token else None
        if _NEGATIVE_NUMBER.match(token) or " " in token:
            return "A", None, None
        return "O", None, None


class _Consumed:
    def __init__(self):
        self.values: dict = {}
        self.seen: dict = {}  # dest -> option names used, in order
        self.extras: list = []
        self.positional: str | None = None


def _pattern(table: OptionTable, tokens: list[str]) -> list[tuple[str, Option | None, str | None]]:
    kinds = []
    for index, token in enumerate(tokens):
        if token == "--":
            kinds.append(("-", None, None))
            kinds.extend(("A", None, None) for _ in tokens[index + 1 :])
            break
        kinds.append(table.classify(token))
    return kinds


def _take(option: Option, explicit: str | None, tokens, kinds, start: int, out: _Consumed) -> int:
    """Consume `option` at tokens[start] and its values; return the index after them."""
    following = 0
    while start + 1 + following < len(tokens) and kinds[start + 1 + following][0] == "A":
        following += 1
    if option.kind == FLAG:
        if explicit is not None:
            raise UsageError(f"argument {option.name}: ignored explicit argument '{explicit}'")
        value, used = option.flag_value, 0
    elif explicit is not None:
        value, used = ([explicit] if option.kind == LIST else explicit), 0
    elif option.kind == VALUE:
        if following < 1:
            raise UsageError(f"argument {option.name}: expected one argument")
        value, used = tokens[start + 1], 1
    elif option.kind == LIST:  # nargs="*" in the AWS CLI: `--pool-ids` alone is an empty list
        value, used = [t for t in tokens[start + 1 : start + 1 + following] if t != "--"], following
    else:  # OPTIONAL_VALUE
        value, used = (tokens[start + 1], 1) if following else (option.const, 0)
    if option.choices and value not in option.choices:
        allowed = ", ".join(f"'{choice}'" for choice in option.choices)
        raise UsageError(f"argument {option.name}: invalid choice: '{value}' (choose from {allowed})")
    if option.number:
        convert = int if option.number == "int" else float
        try:
            value = convert(value)
        except ValueError:
            raise UsageError(f"argument {option.name}: invalid {option.number} value: '{value}'") from None
    out.values[option.dest] = value
    out.seen.setdefault(option.dest, []).append(option.name)
    return start + 1 + used


def _consume(table: OptionTable, tokens: list[str], *, positional: bool) -> _Consumed:
    """argparse's parse_known_args loop, for long options plus at most one optional positional."""
    kinds = _pattern(table, tokens)
    out = _Consumed()
    wants_positional = positional
    index = 0
    while index < len(tokens):
        kind, option, explicit = kinds[index]
        if kind == "O" and option is not None:
            index = _take(option, explicit, tokens, kinds, index, out)
            continue
        if kind == "A" and wants_positional:
            out.positional = tokens[index]
            wants_positional = False
        elif kind != "-":
            out.extras.append(tokens[index])
        index += 1
    return out


# ---------------------------------------------------------------------------------------------
# Pass 1: global options


class GlobalArgs:
    def __init__(self, values: dict, rest: list[str]):
        self.values = values  # global option dest -> value
        self.rest = rest  # everything else, in order: the command and its arguments

    def get(self, key: str, default=None):
        return self.values.get(key, default)


def split_globals(argv: list[str]) -> GlobalArgs:
    table = OptionTable(GLOBAL_OPTIONS)
    kinds = _pattern(table, argv)
    consumed = _Consumed()
    rest: list[str] = []
    index = 0
    while index < len(argv):
        kind, option, explicit = kinds[index]
        if kind == "O" and option is not None:
            index = _take(option, explicit, argv, kinds, index, consumed)
        else:
            rest.append(argv[index])
            index += 1
    return GlobalArgs(consumed.values, rest)


# ---------------------------------------------------------------------------------------------
# Pass 2: an operation's options


def option_kind(shape_name: str) -> str:
    shape_type = spec.shape(shape_name)["type"]
    if shape_type == "boolean":
        return FLAG
    if shape_type == "list":
        return LIST
    return VALUE


# The AWS CLI converts these scalar types while parsing (argparse type=int/float); integers are
# converted later, when the request is built, with a different error.
_PARSE_TIME_NUMBERS = {"long": "int", "float": "float", "double": "float"}


def operation_options(op: str) -> list[Option]:
    """Every option of an operation's subcommand, as the AWS CLI builds its argument table."""
    structure = spec.shape(spec.operation(op)["input"])
    options: list[Option] = []
    for member in spec.member_order(structure):
        name = "--" + spec.kebab(member)
        shape_name = structure["members"][member]["shape"]
        kind = option_kind(shape_name)
        options.append(Option(name, kind, member, number=_PARSE_TIME_NUMBERS.get(spec.shape(shape_name)["type"])))
        if kind == FLAG:
            options.append(Option("--no-" + name[2:], FLAG, member, flag_value=False))
    options += [CLI_INPUT_JSON, CLI_INPUT_YAML]
    if "paginator" in spec.operation(op):
        options += PAGINATION_OPTIONS
    return options + [GENERATE_SKELETON]


def required_options(op: str) -> list[str]:
    structure = spec.shape(spec.operation(op)["input"])
    return [member for member in spec.member_order(structure) if member in structure.get("required", ())]


class ParsedOperation:
    def __init__(self, operation: str, members: dict, special: dict, *, help: bool = False, repeated=()):
        self.operation = operation
        self.members = members  # member name -> raw value (str, list of str, bool)
        self.special = special  # cli_input_json, cli_input_yaml, generate_cli_skeleton, starting_token, page_size, max_items
        self.help = help
        self.repeated = list(repeated)  # options given more than once (the last one wins)


SPECIAL_DESTS = {"cli_input_json", "cli_input_yaml", "generate_cli_skeleton", "starting_token", "page_size", "max_items"}


def parse_operation(op: str, args: list[str]) -> ParsedOperation:
    if args == ["help"] or "--help" in args or "-h" in args:
        return ParsedOperation(op, {}, {}, help=True)
    options = operation_options(op)
    table = OptionTable(options)
    consumed = _consume(table, args, positional=True)

    unknown = list(consumed.extras)
    if consumed.positional is not None:
        unknown.append(consumed.positional)
    suggestion = _suggest(unknown, table.names())
    if not any(token in _LIFTS_REQUIRED for token in args):
        missing = [member for member in required_options(op) if member not in consumed.values]
        if missing:
            names = ", ".join("--" + spec.kebab(member) for member in missing)
            raise UsageError(f"the following arguments are required: {names}", suggestion=suggestion)
    if unknown:
        error = UsageError(f"Unknown options: {', '.join(unknown)}", suggestion=suggestion)
        error.hint = _boolean_value_hint(table, args)
        raise error

    members = {k: v for k, v in consumed.values.items() if k not in SPECIAL_DESTS}
    special = {k: v for k, v in consumed.values.items() if k in SPECIAL_DESTS}
    repeated = [names[-1] for dest, names in consumed.seen.items() if len(names) > 1]
    return ParsedOperation(op, members, special, repeated=repeated)


def _boolean_value_hint(table: OptionTable, args: list[str]) -> str | None:
    """The AWS documentation sometimes writes `--flag true`; booleans take no value."""
    for token, following in zip(args, args[1:]):
        kind, option, _ = table.classify(token)
        if option is not None and option.kind == FLAG and following.lower() in ("true", "false"):
            positive = "--" + spec.kebab(option.dest)
            return f"{positive} takes no value: write {positive} for true or --no-{positive[2:]} for false."
    return None


def _suggest(unknown: list[str], names: list[str]) -> str | None:
    import difflib

    for token in unknown:
        if token.startswith("--"):
            close = difflib.get_close_matches(token.split("=", 1)[0], names, n=1, cutoff=0.6)
            if close:
                return close[0]
    return None


def suggest_command(name: str, candidates: list[str]) -> list[str]:
    import difflib

    return difflib.get_close_matches(name, candidates, n=3, cutoff=0.6)
