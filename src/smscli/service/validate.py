"""Server-side validation: the API reference's constraints that the service (not botocore) checks.

Maximum lengths, sizes and values, full-match patterns, enum values, and the places where the API
reference is stricter than botocore's model (a shape's `seed` override, a structure's
`seedRequired`). A failure is a ValidationException whose message reads like the service's
("1 validation error detected: Value 'x' at 'optOutListName' failed to satisfy constraint: ...")
and whose Fields name each member at fault.
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
        self.missing = False

    def add(self, field: str, path: str, value, constraint: str) -> None:
        self.items.append((field, path, value, constraint))


def check_request(op: str, request: dict) -> None:
    problems = _Problems()
    _check(request, spec.operation(op)["input"], "", "", problems)
    if not problems.items:
        return
    count = len(problems.items)
    details = "; ".join(
        f"Value {_show(value)} at '{path}' failed to satisfy constraint: {constraint}"
        for _, path, value, constraint in problems.items
    )
    message = f"{count} validation error{'s' if count > 1 else ''} detected: {details}"
    fields = [{"Name": field, "Message": constraint} for field, _, _, constraint in problems.items]
    reason = "MISSING_PARAMETER" if problems.missing else "FIELD_VALIDATION_FAILED"
    raise ValidationException(message, reason=reason, fields=fields)


def _show(value) -> str:
    return "null" if value is None else f"'{value}'"


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
        for index, element in enumerate(value):
            _check(element, shape["member"], f"{field}[{index}]", f"{path}.{index + 1}.member", problems)
    elif kind == "map" and isinstance(value, dict):
        _check_size(len(value), rules, field, path, value, problems)
        for key, element in value.items():
            _check(key, shape["key"], f"{field}.{key}", f"{path}.{key}.key", problems)
            _check(element, shape["value"], f"{field}.{key}", f"{path}.{key}.value", problems)
    elif kind == "string" and isinstance(value, str):
        _check_string(value, rules, field, path, problems)
    elif kind in ("integer", "long", "float", "double") and isinstance(value, (int, float)):
        if "min" in rules and value < rules["min"]:
            problems.add(field, path, value, f"Member must have value greater than or equal to {rules['min']}")
        if "max" in rules and value > rules["max"]:
            problems.add(field, path, value, f"Member must have value less than or equal to {rules['max']}")
    elif kind == "blob" and isinstance(value, (bytes, bytearray)):
        _check_size(len(value), rules, field, path, "<blob>", problems)


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
