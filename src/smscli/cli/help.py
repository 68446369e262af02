"""Help text: `smscli help` (every command) and `smscli <command> help` (one operation), laid out as
the AWS CLI's help: NAME, DESCRIPTION, SYNOPSIS, OPTIONS, EXAMPLES, OUTPUT, wrapped at 80 columns.

What the options are, their types and constraints come from the service model (service.json), so
they always match what the parser accepts. The prose comes from spec/help.json (scripts/gen_help.py
makes it): the API reference's description of the operation, of each option and output member and
of the structures they hold; one example from the user guide where it has one (with the guide's
section, and a note where the guide prints it wrong); and smscli's own texts of what each filter
Name compares and how filters combine, which the help marks as smscli's. help.json is read only
here, inside operation_help: `smscli --help`, TAB and the API operations never open it (this module
is imported on every command's path, for LOCAL_COMMANDS).
"""

from __future__ import annotations

import json
import os
import re

from smscli import __version__, spec
from smscli.parsing.argv import FLAG, operation_options

_HELP_JSON = os.path.join(os.path.dirname(spec.__file__), "help.json")
WIDTH = 80
_OURS = "smscli's text; the API reference lists only the names"

LOCAL_COMMANDS = {
    "configure": "show and change profile settings (config.toml): list, get, set",
    "sim": "what the simulation sent (messages, events), inbound texts, registration reviews, the clock",
    "parts": "encoding and billed parts of a text message (GSM-7/UCS-2), --smart, --batch",
    "completion": "print the TAB-completion script of a shell: bash, zsh, fish or powershell",
}


def root_help() -> str:
    from smscli.service.registry import is_simulated

    names = sorted(spec.command_names())
    marked = [name + ("" if is_simulated(spec.command_names()[name]) else " *") for name in names]
    lines = [
        f"smscli {__version__}: the AWS CLI's `aws pinpoint-sms-voice-v2` commands on a local, simulated",
        "state store. Paste an `aws pinpoint-sms-voice-v2 ...` command line, replace the program name,",
        "and it behaves as the AWS CLI and the service would: same options, JSON, errors and exit codes.",
        "",
        "usage: smscli [options] <command> [parameters]",
        "       smscli <command> help",
        "",
        "Global options (before or after the command):",
        "  --output json|text|table|yaml   --query JMESPATH   --region REGION   --profile NAME",
        "  --debug   --no-paginate   --color on|off|auto   --no-cli-pager   --version",
        "",
        "Local commands:",
        *(f"  {name:<12}{text}" for name, text in LOCAL_COMMANDS.items()),
        "",
        f"API operations ({len(names)}; * = parsed and validated, service behaviour not simulated yet):"
        if any(name.endswith(" *") for name in marked)
        else f"API operations ({len(names)}):",
        *_columns(marked, width=80, indent=2),
        "",
    ]
    return "\n".join(lines)


def _columns(words: list[str], *, width: int, indent: int) -> list[str]:
    column = max(len(word) for word in words) + 2
    per_line = max(1, (width - indent) // column)
    rows = (len(words) + per_line - 1) // per_line
    lines = []
    for row in range(rows):
        cells = [words[row + rows * col] for col in range(per_line) if row + rows * col < len(words)]
        lines.append(" " * indent + "".join(cell.ljust(column) for cell in cells).rstrip())
    return lines


def help_texts() -> dict:
    """spec/help.json: the prose of the operations' help (read only when help is shown)."""
    with open(_HELP_JSON, "rb") as handle:
        return json.loads(handle.read())


def operation_help(op: str) -> str:
    texts = help_texts()
    own = texts["operations"][op]
    command = spec.kebab(op)
    operation = spec.operation(op)
    input_shape = spec.shape(operation["input"])
    required = set(input_shape.get("required", ()))
    paginator = operation.get("paginator", {})
    hidden = {paginator.get("inputToken"), paginator.get("limitKey")}  # still accepted, as in the AWS CLI
    options = [option for option in operation_options(op) if option.dest in input_shape["members"] and option.dest not in hidden]
    lines = ["NAME", *_wrap(f"{command} ({op})", 7, 3), ""]
    lines += ["DESCRIPTION", *_paragraphs(own["d"], 7), ""]
    lines += ["SYNOPSIS", f"         {command}"]
    for option in options:
        if option.kind == FLAG and not option.flag_value:
            continue
        if option.kind == FLAG:
            text = f"{option.name} | --no-{option.name[2:]}"
        else:
            text = f"{option.name} <value>"
        lines.append(f"         {text}" if option.dest in required else f"         [{text}]")
    lines.append("         [--cli-input-json <value> | --cli-input-yaml <value>]")
    lines.append("         [--generate-cli-skeleton <value>]")
    if "paginator" in operation:
        lines.append("         [--starting-token <value>] [--page-size <value>] [--max-items <value>]")
    lines += ["", "OPTIONS"]
    if not any(option.kind != FLAG or option.flag_value for option in options):
        lines += ["       None", ""]
    for option in options:
        if option.kind == FLAG and not option.flag_value:
            continue
        shape_name = input_shape["members"][option.dest]["shape"]
        label = "required" if option.dest in required else "optional"
        if option.dest in input_shape.get("seedRequired", ()):
            label = "required by the service"
        name = f"{option.name} | --no-{option.name[2:]}" if option.kind == FLAG else option.name
        lines += _wrap(f"{name} ({type_label(shape_name)}, {label})", 7, 3)
        prose = _paragraphs(own["in"].get(option.dest, []), 10) + _structure_lines(texts, op, shape_name, 10)
        syntax = [wrapped for line in _describe(shape_name) for wrapped in _wrap_syntax(line, 10)]
        lines += prose + ([""] if prose and syntax else []) + syntax
        lines.append("")
    if "ex" in own:
        lines += ["EXAMPLES", *_example_lines(own["ex"]), ""]
    output_lines = _output_lines(operation["output"], texts=own["out"], types=texts["types"]) or ["       None"]
    lines += ["OUTPUT", *output_lines, ""]
    return "\n".join(lines)


def _wrap(text: str, indent: int, hanging: int = 0) -> list[str]:
    """`text` wrapped at WIDTH from column `indent`; a "• " bullet is printed "o " as the AWS CLI's help
    prints it, its later lines under its text. Long words (ARNs, patterns) are never broken."""
    import textwrap

    first = " " * indent
    if text.startswith("• "):
        first, text = first + "o ", text[2:]
        hanging += 2
    rest = " " * (indent + hanging)
    return textwrap.wrap(text, WIDTH, initial_indent=first, subsequent_indent=rest, break_long_words=False,
                         break_on_hyphens=False) or [first.rstrip()]  # fmt: skip


def _wrap_syntax(line: str, indent: int) -> list[str]:
    """A constraint line at `indent`; "one of: A | B | ..." wrapped after a "|" where it is too long
    (the JSON syntax and patterns are printed as they are)."""
    if not line.startswith("one of: ") or indent + len(line) <= WIDTH:
        return [" " * indent + line]
    values = line[len("one of: ") :].split(" | ")
    rows, row = [], " " * indent + "one of: " + values[0]
    for value in values[1:]:
        if len(row) + len(" | ") + len(value) + len(" |") > WIDTH:
            rows.append(row + " |")
            row = " " * (indent + len("one of: ")) + value
        else:
            row += " | " + value
    return rows + [row]


def _paragraphs(paragraphs: list[str], indent: int) -> list[str]:
    lines: list[str] = []
    for text in paragraphs:
        lines += ([""] if lines else []) + _wrap(text, indent)
    return lines


def _nested(shape_name: str) -> str | None:
    """The structure an option or member holds: itself, its list's items or its map's values."""
    shape = spec.shape(shape_name)
    inner = shape_name if shape["type"] == "structure" else shape.get("member") or shape.get("value")
    return inner if inner and spec.shape(inner)["type"] == "structure" else None


def _structure_lines(texts: dict, op: str, shape_name: str, indent: int, stack: tuple = ()) -> list[str]:
    """The members of the structure an option holds, each with the API reference's description, as
    the AWS CLI's help shows them; a filter's Name lists what each name compares (our text)."""
    structure_name = _nested(shape_name)
    if structure_name is None or structure_name in stack:
        return []
    structure = spec.shape(structure_name)
    own = texts["types"].get(structure_name, {})
    pad = " " * indent
    lines = ["", f"{pad}({structure_name})", *_paragraphs(own.get("d", []), indent + 3)]
    filters = False
    for member in spec.member_order(structure):
        member_shape = structure["members"][member]["shape"]
        label = "required" if member in structure.get("required", ()) else "optional"
        if member in structure.get("seedRequired", ()):
            label = "required by the service"
        lines += ["", *_wrap(f"{member} -> ({type_label(member_shape)}, {label})", indent + 3, 3)]
        lines += _paragraphs(own.get("in", {}).get(member, []), indent + 6)
        if member_shape in texts["filters"]:
            filters = True
            lines += ["", *_wrap(f"Filter names ({_OURS}):", indent + 6)]
            for name in spec.shape(member_shape)["enum"]:
                lines += _wrap(f"{name}: {texts['filters'][member_shape][name]}", indent + 8, 4)
        lines += _structure_lines(texts, op, member_shape, indent + 6, stack + (structure_name,))
    if filters:
        combine = texts["combine"]["any" if op in texts["combine"]["anyOf"] else "all"]
        lines += ["", *_wrap(f"{combine} (smscli's text.)", indent)]
    return lines


def _example_lines(example: dict) -> list[str]:
    """The guide's example; when it does not fit on one line, one option a line (and an option's values
    on more lines where they do not fit), continued with backslashes as a shell reads them."""
    lines = _wrap(f'From the AWS End User Messaging SMS User Guide, "{example["s"]}":', 7) + [""]
    command = example["c"]
    if len(command) + 9 <= WIDTH:
        lines.append(" " * 9 + command)
    else:
        rows: list[str] = []
        for index, part in enumerate(re.split(r" (?=--)", command)):
            row = " " * (9 if index == 0 else 13)
            for word in part.split(" "):
                if row.strip() and len(row) + 1 + len(word) + 2 > WIDTH:
                    rows.append(row)
                    row = " " * 17 + word
                else:
                    row += (" " if row.strip() else "") + word
            rows.append(row)
        lines += [row + " \\" for row in rows[:-1]] + rows[-1:]
    if "n" in example:
        lines += ["", *_wrap(example["n"], 7)]
    return lines


def type_label(shape_name: str) -> str:
    shape = spec.shape(shape_name)
    if shape["type"] == "list":
        member = spec.shape(shape["member"])
        return f"list of {shape['member'] if member['type'] == 'structure' else member['type'] + 's'}"
    if shape["type"] == "structure":
        return f"structure {shape_name}"
    return shape["type"]


def constraints(shape: dict) -> list[str]:
    rules = {**shape, **shape.get("seed", {})}
    found = []
    unit = "items" if shape["type"] in ("list", "map") else ("value" if shape["type"] in ("integer", "long") else "length")
    if "min" in rules or "max" in rules:
        found.append(f"{unit} {rules.get('min', 0)}-{rules.get('max', '')}".rstrip("-"))
    if "enum" in rules:
        found.append("one of: " + " | ".join(rules["enum"]))
    elif "pattern" in rules:
        found.append(f"pattern: {rules['pattern']}")
    return found


def _describe(shape_name: str) -> list[str]:
    shape = spec.shape(shape_name)
    lines = constraints(shape)
    if shape["type"] == "list" and spec.shape(shape["member"])["type"] not in ("structure", "map", "list"):
        lines += constraints(spec.shape(shape["member"]))
    if shape["type"] in ("structure", "map") or (
        shape["type"] == "list" and spec.shape(shape["member"])["type"] in ("structure", "map")
    ):
        lines += ["Shorthand Syntax:", "  " + shorthand_example(shape_name), "JSON Syntax:"]
        lines += ["  " + line for line in json.dumps(_typed_skeleton(shape_name), indent=2).splitlines()]
    return lines


def shorthand_hint(op: str, problems: list[str]) -> str | None:
    """For a structure written with the wrong keys (the AWS documentation's `--tags tags={...}`), how
    the option is written."""
    members = spec.input_members(op)
    for problem in problems:
        match = re.match(r'Unknown parameter in (\w+)\[\d+\]: ', problem)
        if match and match.group(1) in members:
            member = match.group(1)
            return (f"--{spec.kebab(member)} takes {shorthand_example(members[member]['shape'])} in shorthand, "
                    "or JSON (see `smscli " + spec.kebab(op) + " help`).")  # fmt: skip
    return None


def shorthand_example(shape_name: str) -> str:
    shape = spec.shape(shape_name)
    if shape["type"] == "list":
        return _shorthand_value(shape["member"]) + " ..."
    return _shorthand_value(shape_name)


def _shorthand_value(shape_name: str) -> str:
    shape = spec.shape(shape_name)
    if shape["type"] == "structure":
        parts = []
        for member in spec.member_order(shape):
            member_shape = spec.shape(shape["members"][member]["shape"])
            if member_shape["type"] in ("structure", "map"):
                parts.append(f"{member}={{{_shorthand_value(shape['members'][member]['shape'])}}}")
            elif member_shape["type"] == "list":
                parts.append(f"{member}={_scalar_word(member_shape['member'])},{_scalar_word(member_shape['member'])}")
            else:
                parts.append(f"{member}={_scalar_word(shape['members'][member]['shape'])}")
        return ",".join(parts)
    if shape["type"] == "map":
        value = spec.shape(shape["value"])
        rendered = f"{{{_shorthand_value(shape['value'])}}}" if value["type"] in ("structure", "map") else "string"
        return f"KeyName1={rendered},KeyName2={rendered}"
    return _scalar_word(shape_name)


def _scalar_word(shape_name: str) -> str:
    shape = spec.shape(shape_name)
    return {"string": "string", "boolean": "boolean", "integer": "integer", "long": "long"}.get(shape["type"], shape["type"])


def _typed_skeleton(shape_name: str, stack: tuple = ()):
    shape = spec.shape(shape_name)
    if shape_name in stack:
        return {}
    stack = stack + (shape_name,)
    if shape["type"] == "structure":
        return {m: _typed_skeleton(shape["members"][m]["shape"], stack) for m in spec.member_order(shape)}
    if shape["type"] == "list":
        return [_typed_skeleton(shape["member"], stack), "..."]
    if shape["type"] == "map":
        return {"KeyName": _typed_skeleton(shape["value"], stack)}
    if shape.get("enum"):
        return " | ".join(shape["enum"])
    return shape["type"]


def _output_lines(shape_name: str, indent: int = 7, stack: tuple = (), *, texts: dict, types: dict) -> list[str]:
    """Each member of the response, with the API reference's description where it is short (help.json
    holds only those), and the members of the structures it holds."""
    shape = spec.shape(shape_name)
    lines = []
    for member in spec.member_order(shape):
        member_shape_name = shape["members"][member]["shape"]
        member_shape = spec.shape(member_shape_name)
        lines += _wrap(f"{member} -> ({type_label(member_shape_name)})", indent, 3)
        if member in texts:
            lines += _wrap(texts[member], indent + 3)
        nested = member_shape["member"] if member_shape["type"] == "list" else member_shape_name
        if spec.shape(nested)["type"] == "structure" and nested not in stack:
            nested_texts = types.get(nested, {}).get("out", {})
            lines += _output_lines(nested, indent + 3, stack + (nested,), texts=nested_texts, types=types)
    return lines

