"""Server-side validation: the API reference's constraints that the service (not botocore) checks.

Maximum lengths, sizes and values, full-match patterns, enum values, and the places where the API
reference is stricter than botocore's model (a shape's `seed` override, a structure's
`seedRequired`). A failure is a ValidationException whose message reads like the service's
("1 validation error detected: Value 'x' at 'optOutListName' failed to satisfy constraint: ...")
and whose Fields name each member at fault.

- A string the service could not read (an undecodable byte, which Python's argv decoding turns into a
  lone surrogate U+DC80..U+DCFF, or any other unpaired surrogate, as JSON's "\\ud800" gives) makes the
  whole request unreadable: ValidationException with Reason CANNOT_PARSE and Fields naming each such
  member, before any other check, and the text is never echoed (only the offending character, escaped).
- A list of scalars is checked as one value, as the service reports it: "Value '[FOO, BAR]' at
  'matchingEventTypes' failed to satisfy constraint: Member must satisfy constraint: [Member must
  satisfy enum value set: [...]]", each violated constraint once however many elements break it.
- An enum's valid values are listed once per message: a later problem with the same value set
  refers back to it.
"""

from __future__ import annotations

import re
from functools import cache

from smscli import spec
from smscli.service.errors import ValidationException


@cache
def _pattern(pattern: str) -> re.Pattern:
    return re.compile(pattern)


def _constraints(shape: dict) -> dict:
    seed = shape.get("seed")
    return {**shape, **seed} if seed else shape


class _Problems:
    def __init__(self):
        self.items: list[tuple[str, str, object, str]] = []  # (field name, wire path, value, constraint)
        self.unreadable: list[tuple[str, str, str]] = []  # (field name, wire path, why)
        self.missing = False

    def add(self, field: str, path: str, value, constraint: str) -> None:
        self.items.append((field, path, value, constraint))


def check_request(op: str, request: dict) -> None:
    problems = _Problems()
    _check(request, spec.operation(op)["input"], "", "", problems)
    if problems.unreadable:
        _refuse_unreadable(problems.unreadable)
    if not problems.items:
        return
    count = len(problems.items)
    details = "; ".join(
        f"Value {_show(value)} at '{path}' failed to satisfy constraint: {constraint}"
        for _, path, value, constraint in _enums_once(problems.items)
    )
    message = f"{count} validation error{'s' if count > 1 else ''} detected: {details}"
    fields = [{"Name": field, "Message": constraint} for field, _, _, constraint in problems.items]
    reason = "MISSING_PARAMETER" if problems.missing else "FIELD_VALIDATION_FAILED"
    raise ValidationException(message, reason=reason, fields=fields)


def check_readable(members: dict) -> None:
    """The CANNOT_PARSE check alone, for text a local command stores ({"MessageBody": text, ...}; None skipped)."""
    unreadable = []
    for name, value in members.items():
        if isinstance(value, str):
            problem = unreadable_text(value)
            if problem:
                unreadable.append((name, _camel(name), problem))
    if unreadable:
        _refuse_unreadable(unreadable)


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def unreadable_text(text: str) -> str | None:
    """Why `text` cannot be read as UTF-8 (its first lone surrogate), or None."""
    found = _SURROGATE.search(text)
    if found is None:
        return None
    code = ord(found.group())
    if 0xDC80 <= code <= 0xDCFF:  # what an undecodable byte of the command line becomes (surrogateescape)
        return f"Member must be valid UTF-8 text: byte 0x{code - 0xDC00:02X} cannot be decoded"
    return f"Member must be valid UTF-8 text: the unpaired surrogate \\u{code:04x} cannot be encoded"


def _refuse_unreadable(unreadable: list[tuple[str, str, str]]) -> None:
    count = len(unreadable)
    details = "; ".join(f"Value at '{path}' failed to satisfy constraint: {problem}" for _, path, problem in unreadable)
    raise ValidationException(
        f"{count} validation error{'s' if count > 1 else ''} detected: {details}",
        reason="CANNOT_PARSE",
        fields=[{"Name": field, "Message": problem} for field, _, problem in unreadable],
    )


def _enums_once(items):
    """The problems, with an enum value set already listed replaced by a reference to it."""
    listed: set[str] = set()
    for field, path, value, constraint in items:
        for values in _ENUM_SET.findall(constraint):
            if values in listed:
                constraint = constraint.replace(f"enum value set: {values}", "enum value set (listed above)", 1)
            listed.add(values)
        yield field, path, value, constraint


_ENUM_SET = re.compile(r"enum value set: (\[[^\]]*\])")


def _show(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, list):  # as the service's Java shows a list: [a, b]
        return f"'[{', '.join(str(element) for element in value)}]'"
    return f"'{value}'"


def _camel(member: str) -> str:
    return member[:1].lower() + member[1:]


def _check(value, shape_name: str, field: str, path: str, problems: _Problems) -> None:
    shape = spec.shape(shape_name)
    rules = _constraints(shape)
    kind = shape["type"]
    if kind == "structure" and isinstance(value, dict):
        _check_structure(value, shape, field, path, problems)
    elif kind == "list" and isinstance(value, list):
        _check_size(len(value), rules, field, path, value, problems)
        if spec.shape(shape["member"])["type"] in ("structure", "list", "map"):
            for index, element in enumerate(value):
                _check(element, shape["member"], f"{field}[{index}]", f"{path}.{index + 1}.member", problems)
        else:
            _check_scalar_list(value, shape["member"], field, path, problems)
    elif kind == "map" and isinstance(value, dict):
        _check_size(len(value), rules, field, path, value, problems)
        for key, element in value.items():
            unreadable = unreadable_text(key) if isinstance(key, str) else None
            if unreadable:  # named by its map: the key itself cannot be shown
                problems.unreadable.append((field, path, unreadable.replace("Member must", "Member keys must", 1)))
                continue
            _check(key, shape["key"], f"{field}.{key}", f"{path}.{key}.key", problems)
            _check(element, shape["value"], f"{field}.{key}", f"{path}.{key}.value", problems)
    elif kind == "string" and isinstance(value, str):
        unreadable = unreadable_text(value)
        if unreadable:
            problems.unreadable.append((field, path, unreadable))
        else:
            _check_string(value, rules, field, path, problems)
    elif kind in ("integer", "long", "float", "double") and isinstance(value, (int, float)):
        if "min" in rules and value < rules["min"]:
            problems.add(field, path, value, f"Member must have value greater than or equal to {rules['min']}")
        if "max" in rules and value > rules["max"]:
            problems.add(field, path, value, f"Member must have value less than or equal to {rules['max']}")
    elif kind == "blob" and isinstance(value, (bytes, bytearray)):
        _check_size(len(value), rules, field, path, "<blob>", problems)


def _check_scalar_list(value: list, member_shape: str, field: str, path: str, problems: _Problems) -> None:
    """Each element checked; what they break reported once for the list, in the service's words."""
    elements = _Problems()
    for index, element in enumerate(value):
        _check(element, member_shape, f"{field}[{index}]", f"{path}.{index + 1}.member", elements)
    problems.unreadable += elements.unreadable
    broken = list(dict.fromkeys(constraint for _, _, _, constraint in elements.items))
    if broken:
        problems.add(field, path, value, f"Member must satisfy constraint: [{', '.join(broken)}]")


def _check_structure(value: dict, shape: dict, field: str, path: str, problems: _Problems) -> None:
    prefix = f"{field}." if field else ""
    wire = f"{path}." if path else ""
    for member in shape.get("seedRequired", ()):
        if value.get(member) is None:
            problems.missing = True
            problems.add(prefix + member, wire + _camel(member), None, "Member must not be null")
    for member, definition in shape["members"].items():
        if member in value and value[member] is not None:
            _check(value[member], definition["shape"], prefix + member, wire + _camel(member), problems)


def _check_size(size: int, rules: dict, field: str, path: str, value, problems: _Problems) -> None:
    if "min" in rules and size < rules["min"]:
        problems.add(field, path, value, f"Member must have length greater than or equal to {rules['min']}")
    if "max" in rules and size > rules["max"]:
        problems.add(field, path, value, f"Member must have length less than or equal to {rules['max']}")


def _check_string(value: str, rules: dict, field: str, path: str, problems: _Problems) -> None:
    _check_size(len(value), rules, field, path, value, problems)
    if "enum" in rules and value not in rules["enum"]:
        problems.add(field, path, value, f"Member must satisfy enum value set: [{', '.join(rules['enum'])}]")
    elif "pattern" in rules and not _pattern(rules["pattern"]).fullmatch(value):
        problems.add(field, path, value, f"Member must satisfy regular expression pattern: {rules['pattern']}")
