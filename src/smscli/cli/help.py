"""Help text: `smscli help` (every command) and `smscli <command> help` (one operation's options),
generated from the service model, so it always matches what the parser accepts."""

from __future__ import annotations

import json
import re

from smscli import __version__, spec
from smscli.parsing.argv import FLAG, operation_options

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


def operation_help(op: str) -> str:
    command = spec.kebab(op)
    operation = spec.operation(op)
    input_shape = spec.shape(operation["input"])
    required = set(input_shape.get("required", ()))
    paginator = operation.get("paginator", {})
    hidden = {paginator.get("inputToken"), paginator.get("limitKey")}  # still accepted, as in the AWS CLI
    options = [option for option in operation_options(op) if option.dest in input_shape["members"] and option.dest not in hidden]
    lines = [f"NAME\n       {command} ({op})\n", "SYNOPSIS", f"         {command}"]
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
    for option in options:
        if option.kind == FLAG and not option.flag_value:
            continue
        shape_name = input_shape["members"][option.dest]["shape"]
        label = "required" if option.dest in required else "optional"
        if option.dest in input_shape.get("seedRequired", ()):
            label = "required by the service"
        name = f"{option.name} | --no-{option.name[2:]}" if option.kind == FLAG else option.name
        lines.append(f"       {name} ({type_label(shape_name)}, {label})")
        lines += [f"          {line}" for line in _describe(shape_name)]
        lines.append("")
    output_lines = _output_lines(operation["output"]) or ["None"]
    lines += ["OUTPUT", *(f"       {line}" for line in output_lines), ""]
    return "\n".join(lines)


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


def _output_lines(shape_name: str, indent: int = 0, stack: tuple = ()) -> list[str]:
    shape = spec.shape(shape_name)
    lines = []
    for member in spec.member_order(shape):
        member_shape_name = shape["members"][member]["shape"]
        member_shape = spec.shape(member_shape_name)
        lines.append(" " * indent + f"{member} -> ({type_label(member_shape_name)})")
        nested = member_shape["member"] if member_shape["type"] == "list" else member_shape_name
        if spec.shape(nested)["type"] == "structure" and nested not in stack:
            lines += _output_lines(nested, indent + 3, stack + (nested,))
    return lines

