"""TAB completion, answered fast: the shell runs `smscli` on every key press with Typer's protocol
(`_SMSCLI_COMPLETE=complete_bash COMP_WORDS="smscli create-p" COMP_CWORD=1 smscli`, and the zsh, fish
and PowerShell variants with `_TYPER_COMPLETE_ARGS`), and this module answers from the service model
and the state's index without importing any CLI framework (or the service).

Candidates: commands and `help`; the options of the command being typed (its own in the order of its
help, then the global options; none given already); `help` as an operation's only word; values: the
enum values of the option's shape, true/false, the ids and names the state holds for options that
name a resource (pools, phone numbers, sender IDs, opt-out lists, configuration sets, event
destinations, keywords of the identity on the line (for delete-keyword only those it can delete),
verified destination numbers, registrations, protect configurations, ARNs), ISO country codes,
output formats, Regions, profiles, shorthand members and their values (a filter's `Values=`: those
of the filter named), and paths after `file://`/`fileb://`; never a value the option has on the line
already. The local commands (configure, parts, sim, completion) are Typer apps: their grammar is
mirrored in _LOCAL.

Shells: bash splits words at `=` and `:` and replaces only the part after the last one, so its
candidates start there (`Name=<TAB>` -> `status`); zsh gets code that adds the candidates in their
order; fish and PowerShell get whole words (smscli.cli.shells has the scripts).
"""

from __future__ import annotations

import os
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
    args, incomplete, quote = _request(mode)
    items = candidates(args, incomplete)
    shell = mode.removeprefix("complete_")
    if shell == "zsh":
        sys.stdout.write(_zsh(items))
    elif shell == "fish":
        if os.environ.get("_TYPER_COMPLETE_FISH_ACTION") == "is-args":
            return 0 if items else 1
        sys.stdout.write("".join(f"{value}\t{_one_line(help_)}\n" if help_ else f"{value}\n" for value, help_ in items))
    elif shell == "powershell":
        sys.stdout.write("".join(f"{value}:::{help_ or ' '}\n" for value, help_ in items))
    else:
        cut = len(incomplete) - len(_bash_word_part(incomplete))
        sys.stdout.write("".join(f"{_bash_escape(value[cut:], cut == 0, quote)}\n" for value, _ in items))
    return 0


# Where bash ends a word for readline (its default COMP_WORDBREAKS), besides blanks.
_BASH_BREAKS = "\"'><=;|&(:"


def _bash_word_part(incomplete: str) -> str:
    """The end of the word being typed that bash replaces with a candidate: bash splits words at `=`
    and `:` (COMP_WORDBREAKS), so in `--filters Name=st` it replaces `st`, after `Name=` nothing, in
    an ARN what follows the last `:`. The installed script passes that part ($2 of the completion
    function, exactly what readline replaces); older scripts pass only COMP_WORDS and COMP_CWORD,
    where the current word is the break itself (`=`) when the cursor stands right after one."""
    if "_SMSCLI_COMPLETE_CUR" in os.environ:
        part = _shell_words(os.environ["_SMSCLI_COMPLETE_CUR"])[0][-1]
    elif "COMP_LINE" in os.environ:  # COMP_WORDS as bash split them, joined with newlines
        words = os.environ.get("COMP_WORDS", "").split("\n")
        index = int(os.environ.get("COMP_CWORD") or 0)
        current = words[index] if 0 <= index < len(words) else ""
        if all(char in _BASH_BREAKS for char in current):
            current = ""  # bash's word is the `=` (or `:`), readline's is empty
        part = _shell_words(current)[0][-1]
    else:  # Typer's protocol alone: COMP_WORDS is the line, its words whole
        return incomplete
    return part if incomplete.endswith(part) else incomplete


def _bash_escape(text: str, word_start: bool, quote: str | None) -> str:
    """A candidate as it must be typed: bash inserts it as is (no -o filenames), so outside quotes
    the characters special to the shell get a backslash (a keyword with a space, a path with `&`)."""
    if quote is not None:
        return text
    escaped = "".join("\\" + char if char in " \t\n\"'\\$`&;|()<>!*?[]{}" else char for char in text)
    return "\\" + escaped if word_start and escaped.startswith(("~", "#")) else escaped


def _shell_words(text: str) -> tuple[list[str], str | None]:
    """The words of a command line as the shell reads them, quotes and backslashes removed; the last
    one is the word being typed ("" after a blank). Also the quote left open in it, if any."""
    words, word, quote, started, index = [], [], None, False, 0
    while index < len(text):
        char = text[index]
        index += 1
        if quote == "'":
            if char == "'":
                quote = None
            else:
                word.append(char)
        elif char == "\\" and index < len(text) and (quote is None or text[index] in '$`"\\\n'):
            word.append(text[index])
            index += 1
        elif quote == '"':
            if char == '"':
                quote = None
            else:
                word.append(char)
        elif char in "'\"":
            quote, started = char, True
        elif char in " \t\n":
            if started or word:
                words.append("".join(word))
            word, started = [], False
        else:
            word.append(char)
    words.append("".join(word))
    return words, quote


def _request(mode: str) -> tuple[list[str], str, str | None]:
    """(the words before the one being completed, that word, the quote open in it), as Typer's
    completion classes read them; in bash, from COMP_LINE and COMP_POINT when the script passes them
    (whole words: bash's COMP_WORDS are split at `:` and `=`)."""
    if mode == "complete_bash":
        line = os.environ.get("COMP_LINE")
        if line is not None:
            words, quote = _shell_words(line[: int(os.environ.get("COMP_POINT") or len(line))])
        else:
            words, quote = _shell_words(os.environ.get("COMP_WORDS", ""))
            index = int(os.environ.get("COMP_CWORD", len(words) - 1))
            words = [*words[:index], words[index] if index < len(words) else ""]
        return words[1:-1], words[-1], quote
    words, quote = _shell_words(os.environ.get("_TYPER_COMPLETE_ARGS", ""))
    if mode == "complete_powershell":
        words = words[1:-1] if words[-1] == "" else words[1:]
        incomplete = os.environ.get("_TYPER_COMPLETE_WORD_TO_COMPLETE", "")
        return (words[:-1] if incomplete else words), incomplete, quote
    return words[1:-1], words[-1], quote


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _zsh(items: list[tuple[str, str]]) -> str:
    """zsh code that adds the candidates (the script evals it): in their order (`-V`, not sorted),
    with no space after `Name=` or a folder (`-S ''`), and with their help beside them. One line,
    values in $'...' with blanks escaped, so that an unquoted `eval $(...)` (Typer's script) reads
    it the same."""
    if not items:
        return "_files"

    def quoted(text: str) -> str:
        return "$'" + "".join(_ZSH_ESCAPES.get(char, char) for char in text) + "'"

    width = max(len(value) for value, _ in items)
    described = any(help_ for _, help_ in items)
    commands, run, runs = [], [], []
    for item in items:
        if run and _goes_on(run[-1][0]) != _goes_on(item[0]):
            runs.append(run)
            run = []
        run.append(item)
    runs.append(run)
    for run in runs:
        suffix = " -S ''" if _goes_on(run[0][0]) else ""
        values = " ".join(quoted(value) for value, _ in run)
        if described:
            shown = " ".join(quoted(f"{value:<{width}}  -- {_one_line(help_)}" if help_ else value) for value, help_ in run)
            commands.append(f"_smscli_shown=({shown}); compadd -V smscli -l -d _smscli_shown{suffix} -- {values}")
        else:
            commands.append(f"compadd -V smscli{suffix} -- {values}")
    return "local -a _smscli_shown; " + "; ".join(commands) + "\n"


_ZSH_ESCAPES = {"\\": "\\\\", "'": "\\'", " ": "\\x20", "\t": "\\t", "\n": "\\n"}


def _goes_on(value: str) -> bool:
    """`Name=`, `file://docs/`: the word is not finished, so no space after it."""
    return value.endswith(("=", "/"))


# ---------------------------------------------------------------------------------------------


def candidates(args: list[str], incomplete: str) -> list[tuple[str, str]]:
    """(value, help) pairs for the word being typed after `args`."""
    if incomplete.startswith("--") and "=" in incomplete:  # --option=value: the option's values
        option, _, value = incomplete.partition("=")
        return [(f"{option}={item}", help_) for item, help_ in candidates([*args, option], value)]
    from smscli.parsing.argv import GLOBAL_OPTIONS, VALUE

    globals_by_name = {option.name: option for option in GLOBAL_OPTIONS}
    _line_globals.clear()
    _given_globals.clear()
    words, previous = [], None
    for word in args:  # drop global options and their values
        if previous is not None:
            _line_globals[previous.dest] = word
            previous = None
            continue
        option = globals_by_name.get(word.split("=", 1)[0])
        if option is not None:
            _given_globals.add(option.name)
            previous = option if option.kind == VALUE and "=" not in word else None
            if "=" in word:
                _line_globals[option.dest] = word.split("=", 1)[1]
            continue
        words.append(word)
    if previous is not None:
        return _matching(_global_values(previous.dest), incomplete)
    if not words:
        if incomplete.startswith("-"):
            return _matching([(name, "") for name in globals_by_name if name not in _given_globals], incomplete)
        return _matching(_commands(), incomplete)
    from smscli import spec

    if words[0] == "help":  # `smscli help <command> [<subcommand>]`
        return _help_topics(words[1:], incomplete)
    op = spec.command_names().get(words[0])
    if op is None:
        return _local(words, incomplete)
    return _operation(op, words[1:], incomplete)


def _help_topics(words: list[str], incomplete: str) -> list[tuple[str, str]]:
    """After `smscli help`: a command, then a local command's subcommand."""
    if not words:
        return _matching([item for item in _commands() if item[0] != "help"], incomplete)
    subcommands = _LOCAL.get(words[0], {})
    if len(words) == 1 and "" not in subcommands:
        return _matching([(name, "") for name in subcommands], incomplete)
    return []


def _matching(items, incomplete: str) -> list[tuple[str, str]]:
    return [(value, help_) for value, help_ in items if value.startswith(incomplete)]


def _commands() -> list[tuple[str, str]]:
    from smscli import spec
    from smscli.cli.help import LOCAL_COMMANDS

    return [
        *((name, "") for name in sorted(spec.command_names())),
        *LOCAL_COMMANDS.items(),
        ("help", "every command; `smscli <command> help`: one command's options"),
    ]


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
    """Inside an API operation: its options (its own, in the order of its help, then the global
    ones; none given already), `help` as the only word, or the values of the option being typed."""
    from smscli.parsing.argv import FLAG, GLOBAL_OPTIONS, LIST, OPTIONAL_VALUE, operation_options

    options = operation_options(op)
    by_name = {option.name: option for option in options}
    if incomplete.startswith("-"):
        used = {by_name[name].dest for name in (word.split("=", 1)[0] for word in words) if name in by_name}
        names = [option.name for option in options if option.dest not in used]
        names += [option.name for option in GLOBAL_OPTIONS if option.name not in _given_globals]
        return _matching([(name, "") for name in names], incomplete)
    if not words and incomplete:  # `smscli create-pool help`
        return _matching([("help", "this command's options")], incomplete)
    current, given = None, []  # the option whose values are being typed, the values it has
    for word in words:
        if word.startswith("--"):
            name, equals, value = word.partition("=")
            option = by_name.get(name)
            if option is not current:
                given = []
            current = option
            given += [value] if equals else []
        elif current is not None and current.kind != LIST:  # a list option goes on taking values
            current = None
        else:
            given.append(word)
    if current is None or current.kind == FLAG:
        return []
    if current.kind == OPTIONAL_VALUE:
        return _matching([(choice, "") for choice in current.choices], incomplete)
    return [item for item in _values(op, current.dest, words, incomplete, given) if item[0] not in given]


def _values(op: str, member: str, words: list[str], incomplete: str, given: list[str]) -> list[tuple[str, str]]:
    """The values of an operation's member; `given`: the values the option has on the line already."""
    from smscli import spec

    if incomplete.startswith(("file://", "fileb://")):
        return _paths(incomplete)
    members = spec.input_members(op)
    if member not in members:
        return []
    shape = spec.shape(members[member]["shape"])
    element = spec.shape(shape["member"]) if shape["type"] == "list" else shape
    if element["type"] == "structure":
        return _matching(_shorthand_values(op, element, words, incomplete, given), incomplete)
    return _matching(_member_values(op, member, element, words), incomplete)


def _member_values(op: str, member: str, shape: dict, words: list[str]) -> list[tuple[str, str]]:
    """The values a member (or a list's element) of this shape can take: its enum, true and false,
    ISO codes, the catalogue's names, or the ids and names of the resource it names."""
    if shape.get("enum"):
        return [(value, "") for value in shape["enum"]]
    if shape["type"] == "boolean":
        return [("true", ""), ("false", "")]
    if member == "IsoCountryCode":
        from smscli.service.countries import countries

        return [(iso, place.name) for iso, place in sorted(countries().items())]
    if member == "Keyword" or member == "Keywords":
        return [(keyword, "") for keyword in _keywords(words, deletable=op == "DeleteKeyword")]
    if member in _REGISTRATION_MEMBERS:
        return _registration_values(member, words)
    if member == "OriginationIdentity":
        return [(name, "") for name in _names(_ORIGINATION_KINDS)]
    if member in _RESOURCE_KINDS:
        return [(name, "") for name in _names((_RESOURCE_KINDS[member],))]
    return []


def _shorthand_values(op: str, shape: dict, words: list[str], incomplete: str, given: list[str]) -> list[tuple[str, str]]:
    """Shorthand for a structure, `Name=value,Other=value,more`: the member names not given yet (as
    `Name=`), the values of the member being typed (`SenderId=` -> the sender IDs, `Name=` of a
    filter -> the filter names, `Values=` -> the values of the filter named), and after a list
    member's value and a comma its other values. Not offered again: a value the list has already,
    the name of a filter given in another word of the option (`given`)."""
    from smscli import spec

    done, _, segment = incomplete.rpartition(",")
    prefix = done + "," if done else ""
    members = shape["members"]
    pairs = _shorthand_pairs(done)
    names = [(f"{prefix}{name}=", "") for name in spec.member_order(shape) if name not in pairs]
    key, equals, _ = segment.partition("=")
    if not equals:  # a member name, or one more value of the list member typed last
        last = next((part.partition("=")[0] for part in reversed(done.split(",")) if "=" in part), None)
        if last not in members or spec.shape(members[last]["shape"])["type"] != "list":
            return names
        values = _shorthand_member_values(op, members, last, pairs, words)
        return [(prefix + value, help_) for value, help_ in values if value not in pairs[last]] + names
    if key not in members:
        return []
    values = _shorthand_member_values(op, members, key, pairs, words)
    if key == "Name" and "Values" in members:  # a filter: each name once
        values = [item for item in values if item[0] not in {_shorthand_pairs(word).get("Name", [None])[0] for word in given}]
    return [(f"{prefix}{key}={value}", help_) for value, help_ in values]


def _shorthand_pairs(text: str) -> dict[str, list[str]]:
    """`Name=status,Values=ACTIVE,PENDING` -> {"Name": ["status"], "Values": ["ACTIVE", "PENDING"]}:
    a part without `=` is one more value of the member before it (the AWS CLI's shorthand)."""
    pairs: dict[str, list[str]] = {}
    last = None
    for part in text.split(",") if text else ():
        key, equals, value = part.partition("=")
        if equals:
            last = key
            pairs.setdefault(key, []).append(value)
        elif last is not None:
            pairs[last].append(part)
    return pairs


def _shorthand_member_values(op: str, members: dict, key: str, pairs: dict, words: list[str]) -> list[tuple[str, str]]:
    from smscli import spec

    if key == "Values" and "Name" in members:  # a filter's values: those of the filter it names
        return _filter_values(op, pairs["Name"][0], words) if pairs.get("Name") else []
    member_shape = spec.shape(members[key]["shape"])
    if member_shape["type"] == "list":
        member_shape = spec.shape(member_shape["member"])
    if member_shape["type"] not in ("string", "integer", "long", "boolean"):
        return []
    return _member_values(op, key, member_shape, words)


def _filter_values(op: str, name: str, words: list[str]) -> list[tuple[str, str]]:
    """The values of a filter of an operation: those of the member of the records it lists that the
    filter is named after (`status` -> Status, `number-capability` -> NumberCapabilities,
    `event-destination-name` -> EventDestinations[].EventDestinationName), as the service matches
    them (service/filters.py); the resource names when no record member matches."""
    from smscli import spec

    member = "".join(part.capitalize() for part in name.split("-"))
    spellings = (member, member + "s", member[:-1] + "ies")
    for record in _listed_records(op):
        found = next((spelling for spelling in spellings if spelling in record["members"]), None)
        if found is not None:
            shape = spec.shape(record["members"][found]["shape"])
            if shape["type"] == "list":
                shape = spec.shape(shape["member"])
            return _member_values(op, found, shape, words)
    return _member_values(op, member, {"type": "string"}, words)


def _listed_records(op: str) -> list[dict]:
    """The structure of the records an operation lists, then the structures inside them."""
    from smscli import spec

    output = spec.shape(spec.operation(op)["output"])
    records = []
    for entry in output["members"].values():
        shape = spec.shape(entry["shape"])
        if shape["type"] == "list" and spec.shape(shape["member"])["type"] == "structure":
            records.append(spec.shape(shape["member"]))
    for record in list(records):
        for entry in record["members"].values():
            shape = spec.shape(entry["shape"])
            shape = spec.shape(shape["member"]) if shape["type"] == "list" else shape
            if shape["type"] == "structure":
                records.append(shape)
    return records


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


# The --profile and --region given on the line being completed, and every global option given on it
# (set by `candidates`).
_line_globals: dict[str, str] = {}
_given_globals: set[str] = set()


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


def _keywords(words: list[str], *, deletable: bool = False) -> list[str]:
    """The keywords of the phone number or pool named by --origination-identity on the line; with
    `deletable`, only those DeleteKeyword accepts (not the required ones)."""
    identity = _option_value(words, "--origination-identity")
    if identity is None:
        return []
    owner = identity.rsplit("/", 1)[-1]  # an ARN ends with the id
    keywords = _names((f"keywords:{owner}",))
    if deletable:
        required = {word.upper() for word in _names((f"required-keywords:{owner}",))} or _required_by_rule(keywords)
        keywords = [keyword for keyword in keywords if keyword.upper() not in required]
    return keywords


# The keywords DeleteKeyword refuses (service/keywords.py): HELP and STOP on every number and pool,
# and where carriers require them (the US, its territories and Canada) the other opt-out keywords.
ALWAYS_REQUIRED_KEYWORDS = frozenset({"HELP", "STOP"})
CARRIER_OPT_OUT_KEYWORDS = frozenset({"ARRET", "CANCEL", "END", "OPT-OUT", "OPTOUT", "QUIT", "REMOVE", "STOP", "TD", "UNSUBSCRIBE"})


def _required_by_rule(keywords: list[str]) -> set[str]:
    """The required keywords of an identity from its keywords alone (the index does not say where a
    number is): HELP and STOP, and all the opt-out keywords when it has every one of them, as a number
    where carriers require them does (they can't be deleted), while elsewhere each is one a user put."""
    present = {keyword.upper() for keyword in keywords}
    return set(ALWAYS_REQUIRED_KEYWORDS | (CARRIER_OPT_OUT_KEYWORDS if CARRIER_OPT_OUT_KEYWORDS <= present else set()))


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
