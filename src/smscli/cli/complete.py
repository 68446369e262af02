"""TAB completion, answered fast: the shell runs `smscli` on every key press with Typer's protocol
(`_SMSCLI_COMPLETE=complete_bash COMP_WORDS="smscli create-p" COMP_CWORD=1 smscli`, and the zsh, fish
and PowerShell variants with `_TYPER_COMPLETE_ARGS`), and this module answers from the service model
and the state's index without importing any CLI framework.

Candidates: commands; the options of the command being typed (and the global options); values: the
enum values of the option's shape, the ids and names the state holds for options that name a
resource (pools, phone numbers, sender IDs, opt-out lists, configuration sets, event destinations,
keywords of the identity on the line, verified destination numbers, registrations, protect
configurations, ARNs), ISO country codes, output formats, Regions, profiles, and paths after
`file://`/`fileb://`. The local commands (configure, parts, sim, completion) are Typer apps: their
candidates come from those apps.
"""

from __future__ import annotations

import os
import shlex
import sys

# Options that name a resource -> the index kind whose names they take.
_RESOURCE_KINDS = {
    "PoolId": "pool", "PoolIds": "pool",
    "PhoneNumberId": "phone-number", "PhoneNumberIds": "phone-number",
    "SenderId": "sender-id", "SenderIds": "sender-id",
    "OptOutListName": "opt-out-list", "OptOutListNames": "opt-out-list",
    "ConfigurationSetName": "configuration-set", "ConfigurationSetNames": "configuration-set",
    "EventDestinationName": "event-destination",
    "VerifiedDestinationNumberId": "verified-destination-number",
    "VerifiedDestinationNumberIds": "verified-destination-number",
    "RegistrationId": "registration", "RegistrationIds": "registration",
    "RegistrationAttachmentId": "registration-attachment", "RegistrationAttachmentIds": "registration-attachment",
    "ProtectConfigurationId": "protect-configuration", "ProtectConfigurationIds": "protect-configuration",
    "ResourceArn": "arn",
}  # fmt: skip
_ORIGINATION_KINDS = ("phone-number", "pool", "sender-id", "phone-number-e164")


def run() -> int:
    """Answer one completion request from the environment; print one candidate per line."""
    mode = os.environ.get("_SMSCLI_COMPLETE", "")
    args, incomplete = _request(mode)
    items = candidates(args, incomplete)
    shell = mode.removeprefix("complete_")
    if shell == "zsh":
        sys.stdout.write(_zsh(items))
    elif shell == "fish":
        if os.environ.get("_TYPER_COMPLETE_FISH_ACTION") == "is-args":
            return 0 if items else 1
        sys.stdout.write("".join(f"{value}\n" for value, _ in items))
    elif shell == "powershell":
        sys.stdout.write("".join(f"{value}:::{help_ or ' '}\n" for value, help_ in items))
    else:
        cut = _bash_word_start(incomplete)
        sys.stdout.write("".join(f"{value[cut:]}\n" for value, _ in items))
    return 0


def _bash_word_start(incomplete: str) -> int:
    """How much of the word being typed bash keeps outside its current word: bash splits words at
    `:` and `=` (COMP_WORDBREAKS), so for `file://s` it replaces only `//s`, and the candidates must
    start there (what bash-completion's __ltrim_colon_completions does)."""
    words = os.environ.get("COMP_WORDS", "").split()
    index = int(os.environ.get("COMP_CWORD") or 0)
    current = words[index] if 0 <= index < len(words) else ""
    if current and incomplete.endswith(current):
        return len(incomplete) - len(current)
    return len(incomplete) if incomplete.endswith((":", "=")) and not current else 0


def _split(text: str) -> list[str]:
    try:
        return shlex.split(text)
    except ValueError:  # an open quote: the word being typed
        return text.split()


def _request(mode: str) -> tuple[list[str], str]:
    """(the words before the one being completed, that word), as Typer's completion classes read them;
    in bash, from COMP_LINE and COMP_POINT when the script passes them (whole words, `:` and `=` kept)."""
    if mode == "complete_bash":
        line = os.environ.get("COMP_LINE")
        if line is not None:
            words = _split(line[: int(os.environ.get("COMP_POINT") or len(line))])
            if line[: int(os.environ.get("COMP_POINT") or len(line))].endswith((" ", "\t")) or not words:
                return words[1:], ""
            return words[1:-1], words[-1]
        words = _split(os.environ.get("COMP_WORDS", ""))
        index = int(os.environ.get("COMP_CWORD", len(words)))
        return words[1:index], words[index] if index < len(words) else ""
    text = os.environ.get("_TYPER_COMPLETE_ARGS", "")
    words = _split(text)[1:]
    if mode == "complete_powershell":
        incomplete = os.environ.get("_TYPER_COMPLETE_WORD_TO_COMPLETE", "")
        return (words[:-1] if incomplete else words), incomplete
    if words and not text.endswith(" "):
        return words[:-1], words[-1]
    return words, ""


def _zsh(items: list[tuple[str, str]]) -> str:
    if not items:
        return "_files"

    def escape(text: str) -> str:
        return text.replace('"', '""').replace("'", "''").replace("$", "\\$").replace("`", "\\`").replace(":", r"\\:")

    lines = "\n".join(f'"{escape(value)}":"{escape(help_)}"' if help_ else f'"{escape(value)}"' for value, help_ in items)
    return f"_arguments '*: :(({lines}))'"


# ---------------------------------------------------------------------------------------------


def candidates(args: list[str], incomplete: str) -> list[tuple[str, str]]:
    """(value, help) pairs for the word being typed after `args`."""
    if incomplete.startswith("--") and "=" in incomplete:  # --option=value: the option's values
        option, _, value = incomplete.partition("=")
        return [(f"{option}={item}", help_) for item, help_ in candidates([*args, option], value)]
    from smscli.parsing.argv import GLOBAL_OPTIONS, VALUE

    globals_by_name = {option.name: option for option in GLOBAL_OPTIONS}
    _line_globals.clear()
    words, previous = [], None
    for word in args:  # drop global options and their values
        if previous is not None:
            _line_globals[previous.dest] = word
            previous = None
            continue
        option = globals_by_name.get(word.split("=", 1)[0])
        if option is not None:
            previous = option if option.kind == VALUE and "=" not in word else None
            if "=" in word:
                _line_globals[option.dest] = word.split("=", 1)[1]
            continue
        words.append(word)
    if previous is not None:
        return _matching(_global_values(previous.dest), incomplete)
    if not words:
        if incomplete.startswith("-"):
            return _matching([(name, "") for name in globals_by_name], incomplete)
        return _matching(_commands(), incomplete)
    from smscli import spec

    op = spec.command_names().get(words[0])
    if op is None:
        return _local(words, incomplete)
    return _operation(op, words[1:], incomplete)


def _matching(items, incomplete: str) -> list[tuple[str, str]]:
    return [(value, help_) for value, help_ in items if value.startswith(incomplete)]


def _commands() -> list[tuple[str, str]]:
    from smscli import spec
    from smscli.cli.help import LOCAL_COMMANDS

    return [(name, "") for name in sorted(spec.command_names())] + [(name, text) for name, text in LOCAL_COMMANDS.items()]


def _global_values(dest: str) -> list[tuple[str, str]]:
    from smscli.parsing.argv import GLOBAL_OPTIONS

    option = next(option for option in GLOBAL_OPTIONS if option.dest == dest)
    if option.choices:
        return [(choice, "") for choice in option.choices]
    if dest == "region":
        from smscli.config import REGIONS

        return [(region, "") for region in REGIONS]
    if dest == "profile":
        return [(name, "") for name in _profiles()]
    return []


def _operation(op: str, words: list[str], incomplete: str) -> list[tuple[str, str]]:
    from smscli.parsing.argv import FLAG, GLOBAL_OPTIONS, LIST, OPTIONAL_VALUE, operation_options

    options = operation_options(op)
    by_name = {option.name: option for option in options}
    if incomplete.startswith("-"):
        used = {word for word in words if word.startswith("--")}
        names = [option.name for option in options if option.name not in used] + [o.name for o in GLOBAL_OPTIONS]
        return _matching([(name, "") for name in names], incomplete)
    current = None  # the option whose values are being typed
    for word in words:
        if word.startswith("--"):
            current = by_name.get(word.split("=", 1)[0])
        elif current is not None and current.kind != LIST:  # a list option goes on taking values
            current = None
    if current is None or current.kind == FLAG:
        return []
    if current.kind == OPTIONAL_VALUE:
        return _matching([(choice, "") for choice in current.choices], incomplete)
    return _values(op, current.dest, words, incomplete)


def _values(op: str, member: str, words: list[str], incomplete: str) -> list[tuple[str, str]]:
    from smscli import spec

    if incomplete.startswith(("file://", "fileb://")):
        return _paths(incomplete)
    members = spec.input_members(op)
    if member not in members:
        return []
    shape = spec.shape(members[member]["shape"])
    element = spec.shape(shape["member"]) if shape["type"] == "list" else shape
    if element["type"] == "structure":
        return _matching(_shorthand_values(element, words, incomplete), incomplete)
    return _matching(_member_values(member, element, words), incomplete)


def _member_values(member: str, shape: dict, words: list[str]) -> list[tuple[str, str]]:
    """The values a member (or a list's element) of this shape can take: its enum, ISO codes, the
    catalogue's names, or the ids and names of the resource it names."""
    if shape.get("enum"):
        return [(value, "") for value in shape["enum"]]
    if member == "IsoCountryCode":
        from smscli.service.countries import countries

        return [(iso, place.name) for iso, place in sorted(countries().items())]
    if member == "Keyword" or member == "Keywords":
        return [(keyword, "") for keyword in _keywords(words)]
    if member in _REGISTRATION_MEMBERS:
        return _registration_values(member, words)
    if member == "OriginationIdentity":
        return [(name, "") for name in _names(_ORIGINATION_KINDS)]
    if member in _RESOURCE_KINDS:
        return [(name, "") for name in _names((_RESOURCE_KINDS[member],))]
    return []


def _shorthand_values(shape: dict, words: list[str], incomplete: str) -> list[tuple[str, str]]:
    """Shorthand for a structure, `Name=value,Other=value`: the member names not given yet (as
    `Name=`), then the values of the member being typed (`SenderId=` -> the sender IDs,
    `Name=` of a filter -> the filter names)."""
    from smscli import spec

    given, _, segment = incomplete.rpartition(",")
    prefix = given + "," if given else ""
    members = shape["members"]
    if "=" not in segment:
        used = {part.split("=", 1)[0] for part in given.split(",")}
        return [(f"{prefix}{name}=", "") for name in shape.get("order") or members if name not in used]
    name = segment.split("=", 1)[0]
    if name not in members:
        return []
    member_shape = spec.shape(members[name]["shape"])
    if member_shape["type"] == "list":
        member_shape = spec.shape(member_shape["member"])
    if member_shape["type"] not in ("string", "integer", "long", "boolean"):
        return []
    return [(f"{prefix}{name}={value}", help_) for value, help_ in _member_values(name, member_shape, words)]


def _paths(incomplete: str) -> list[tuple[str, str]]:
    prefix, _, partial = incomplete.partition("://")
    directory, _, start = partial.rpartition("/")
    folder = os.path.expanduser(directory or ".")
    try:
        entries = sorted(os.listdir(folder))
    except OSError:
        return []
    base = f"{prefix}://{directory + '/' if directory else ''}"
    return [
        (base + name + ("/" if os.path.isdir(os.path.join(folder, name)) else ""), "")
        for name in entries
        if name.startswith(start) and (start.startswith(".") or not name.startswith("."))
    ]


# The --profile and --region given on the line being completed (set by `candidates`).
_line_globals: dict[str, str] = {}


def _where() -> tuple[str, str]:
    """The account and Region the line's command would act on: its --profile and --region, else the
    environment and the profile, as for the command itself."""
    from smscli import config

    try:
        profile = config.load_profile(_line_globals.get("profile"), {"region": _line_globals.get("region")})
        return profile.get("account_id"), profile.get("region")
    except Exception:  # a broken config must not break TAB
        return "123456789012", _line_globals.get("region") or "us-east-1"


def _names(kinds: tuple[str, ...]) -> list[str]:
    """The names of these kinds the state's index lists for that account and Region."""
    from smscli import config
    from smscli.store.index import read_names

    account, region = _where()
    state = config.state_path()
    found = read_names(state.with_name(state.name + ".index"), f"{account}/{region}", kinds)
    if "opt-out-list" in kinds and "Default" not in found:
        found.insert(0, "Default")  # every account has it, even before anything is written
    return found


def _keywords(words: list[str]) -> list[str]:
    """The keywords of the phone number or pool named by --origination-identity on the line."""
    identity = _option_value(words, "--origination-identity")
    if identity is None:
        return []
    return _names((f"keywords:{identity.rsplit('/', 1)[-1]}",))  # an ARN ends with the id


# Registration members completed from the built-in catalogue: the types, and the field and section
# paths of the type on the line (--registration-type, or the type of the --registration-id).
_REGISTRATION_MEMBERS = ("RegistrationType", "RegistrationTypes", "FieldPath", "FieldPaths", "SectionPath", "SectionPaths")


def _registration_values(member: str, words: list[str]) -> list[tuple[str, str]]:
    from smscli.service.registration_catalog import BY_TYPE

    if member.startswith("RegistrationType"):
        return [(name, definition["DisplayHints"].get("Title", "")) for name, definition in BY_TYPE.items()]
    kind = _option_value(words, "--registration-type")
    if kind is None:
        registration = _option_value(words, "--registration-id")
        found = _names((f"registration-type:{registration.rsplit('/', 1)[-1]}",)) if registration else []
        kind = found[0] if found else None
    definition = BY_TYPE.get(kind)
    if definition is None:
        return []
    if member.startswith("SectionPath"):
        return [(section["SectionPath"], section["DisplayHints"]["Title"]) for section in definition["sections"]]
    return [(field["FieldPath"], field["DisplayHints"]["Title"]) for field in definition["fields"]]


def _option_value(words: list[str], option: str) -> str | None:
    """The value given to `option` earlier on the line (`words` end with the option being completed)."""
    for index, word in enumerate(words[:-1]):
        if word == option:
            return words[index + 1]
        if word.startswith(option + "="):
            return word.split("=", 1)[1]
    return None


def _profiles() -> list[str]:
    from smscli import config

    try:
        document = config.read_config_file(config.config_path())
    except Exception:
        return ["default"]
    named = document.get("profile", {}) if isinstance(document.get("profile"), dict) else {}
    legacy = [key.split(" ", 1)[1] for key in document if key.startswith("profile ")]
    return list(dict.fromkeys(["default", *named, *legacy]))


# The local commands' grammar: command -> subcommand ("" for a command without subcommands) ->
# (options: name -> value source, positional arguments: [value source]). A value source is FLAG (no
# value), None (free text), "path" (a file name: left to the shell), a tuple of choices, or a name
# `_source` knows. tests/test_completion.py
# keeps this in step with the Typer apps, so that TAB never has to import Typer.
FLAG = "flag"
_LOCAL = {
    "configure": {
        "list": ({}, []),
        "get": ({}, ["setting"]),
        "set": ({}, ["setting", "setting-value"]),
    },
    "sim": {
        "messages": ({"--message-id": None, "--destination-phone-number": None}, []),
        "events": ({"--message-id": None, "--event-destination-name": "event-destination", "--destination-phone-number": None},
                   []),
        "inbound": ({"--origination-phone-number": None, "--destination-phone-number": "phone-number-e164",
                     "--message-body": None}, []),
        "review": ({"--approve": FLAG, "--deny": FLAG, "--request-updates": FLAG, "--reason": None, "--field-path": None},
                   ["registration"]),
        "clock": ({"--advance": None, "--reset": FLAG}, []),
    },
    "parts": {"": ({"--file": "path", "--encoding": ("auto", "GSM-7", "UCS-2"), "--smart": FLAG, "--batch": FLAG,
                    "--strict": FLAG}, [None])},
    "completion": {"": ({}, [("bash", "zsh", "fish", "powershell")])},
}  # fmt: skip


def _local(words: list[str], incomplete: str) -> list[tuple[str, str]]:
    """Candidates inside a local command (configure, sim, parts, completion)."""
    subcommands = _LOCAL.get(words[0])
    if subcommands is None:
        return []
    if "" in subcommands:
        sub, rest = "", words[1:]
    elif len(words) < 2:
        return _matching([(name, "") for name in subcommands], incomplete)
    elif words[1] in subcommands:
        sub, rest = words[1], words[2:]
    else:
        return []
    options, arguments = subcommands[sub]
    if rest and rest[-1] in options and options[rest[-1]] != FLAG:
        return _matching(_source(options[rest[-1]], rest), incomplete)
    if incomplete.startswith("-"):
        return _matching([(name, "") for name in [*options, "--help"]], incomplete)
    positional, skip = [], False
    for word in rest:
        if skip:
            skip = False
        elif word in options:
            skip = options[word] != FLAG
        elif not word.startswith("-"):
            positional.append(word)
    if len(positional) < len(arguments):
        return _matching(_source(arguments[len(positional)], positional), incomplete)
    return []


def _source(source, before: list[str]) -> list[tuple[str, str]]:
    """The values of a local command's value source; `before` are the words typed before it."""
    if source is None or source == FLAG:
        return []
    if isinstance(source, tuple):
        return [(value, "") for value in source]
    if source == "path":  # no candidates: the shell's own file name completion takes over
        return []
    from smscli import config

    if source == "setting":
        return [(name, setting.help) for name, setting in config.SETTINGS.items()]
    if source == "setting-value":
        setting = config.SETTINGS.get(before[-1]) if before else None
        if setting is not None and setting.name == "profile":
            return [(name, "") for name in _profiles()]
        return [(value, "") for value in (setting.choices if setting else ())]
    return [(name, "") for name in _names((source,))]
