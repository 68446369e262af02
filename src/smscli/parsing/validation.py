"""Client-side parameter validation, as botocore does it before the AWS CLI sends a request.

Only what botocore checks: required members, unknown members, Python types, and minimums (string
length, list and map size, numeric value). Maximums, patterns and enums are the service's checks
(`smscli.service.validate`). Messages and their order are botocore's, so a script or a person sees
the same "Parameter validation failed:" report as with the AWS CLI.
"""

from __future__ import annotations

from datetime import datetime

from smscli import spec
from smscli.errors import ParamValidationError
from smscli.parsing.request import parse_timestamp

_STR, _INT, _BOOL, _DICT = "<class 'str'>", "<class 'int'>", "<class 'bool'>", "<class 'dict'>"
_LIST = "<class 'list'>, <class 'tuple'>"
_FLOAT = "<class 'float'>, <class 'decimal.Decimal'>, <class 'int'>"
_BLOB = "<class 'bytes'>, <class 'bytearray'>, file-like object"
_TIMESTAMP = "<class 'datetime.datetime'>, timestamp-string"


def validate_request(op: str, params: dict) -> None:
    problems: list[str] = []
    _validate(params, spec.operation(op)["input"], "", problems)
    if problems:
        raise ParamValidationError(problems)


def _label(name: str) -> str:
    return name[1:] if name.startswith(".") else (name or "input")


def _validate(value, shape_name: str, name: str, problems: list[str]) -> None:
    shape = spec.shape(shape_name)
    check = _CHECKS[shape["type"]]
    check(value, shape, name, problems)


def _type_error(value, name: str, valid: str, problems: list[str]) -> None:
    problems.append(
        f"Invalid type for parameter {_label(name)}, value: {value}, type: {type(value)}, valid types: {valid}"
    )


def _min_length(length: int, shape: dict, name: str, problems: list[str]) -> None:
    if "min" in shape and length < shape["min"]:
        problems.append(f"Invalid length for parameter {_label(name)}, value: {length}, valid min length: {shape['min']}")


def _structure(value, shape, name, problems):
    if not isinstance(value, dict):
        return _type_error(value, name, _DICT, problems)
    members = shape["members"]
    for required in shape.get("required", ()):
        if required not in value:
            problems.append(f'Missing required parameter in {_label(name)}: "{required}"')
    known = []
    for key in value:
        if key in members:
            known.append(key)
        else:
            valid = ", ".join(spec.member_order(shape))
            problems.append(f'Unknown parameter in {_label(name)}: "{key}", must be one of: {valid}')
    for key in known:
        _validate(value[key], members[key]["shape"], f"{name}.{key}", problems)


def _list(value, shape, name, problems):
    if not isinstance(value, (list, tuple)):
        return _type_error(value, name, _LIST, problems)
    _min_length(len(value), shape, name, problems)
    for index, element in enumerate(value):
        _validate(element, shape["member"], f"{name}[{index}]", problems)


def _map(value, shape, name, problems):
    if not isinstance(value, dict):
        return _type_error(value, name, _DICT, problems)
    for key, element in value.items():  # botocore checks no minimum size of a map
        _validate(key, shape["key"], f"{name} (key: {key})", problems)
        _validate(element, shape["value"], f"{name}.{key}", problems)


def _string(value, shape, name, problems):
    if not isinstance(value, str):
        return _type_error(value, name, _STR, problems)
    _min_length(len(value), shape, name, problems)


def _integer(value, shape, name, problems):
    if not isinstance(value, int):  # botocore accepts bool here too: bool is an int
        return _type_error(value, name, _INT, problems)
    _min_value(value, shape, name, problems)


def _float(value, shape, name, problems):
    if not isinstance(value, (float, int)):
        return _type_error(value, name, _FLOAT, problems)
    _min_value(value, shape, name, problems)


def _min_value(value, shape, name, problems):
    if "min" in shape and value < shape["min"]:
        problems.append(f"Invalid value for parameter {_label(name)}, value: {value}, valid min value: {shape['min']}")


def _boolean(value, shape, name, problems):
    if not isinstance(value, bool):
        _type_error(value, name, _BOOL, problems)


def _blob(value, shape, name, problems):
    if not isinstance(value, (bytes, bytearray, str)) and not hasattr(value, "read"):
        _type_error(value, name, _BLOB, problems)


def _timestamp(value, shape, name, problems):
    if isinstance(value, datetime):
        return
    if not isinstance(value, (str, int, float)) or isinstance(value, bool) or parse_timestamp(value) is None:
        _type_error(value, name, _TIMESTAMP, problems)


_CHECKS = {
    "structure": _structure,
    "list": _list,
    "map": _map,
    "string": _string,
    "integer": _integer,
    "long": _integer,
    "float": _float,
    "double": _float,
    "boolean": _boolean,
    "blob": _blob,
    "timestamp": _timestamp,
}
