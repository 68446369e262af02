"""Raw option values -> the request dict, shaped by the service model, as the AWS CLI builds it.

Per option value (after `file://`/`fileb://` are read):
- structures and maps: JSON when the value starts with `{`, else shorthand;
- lists of structures/maps/lists: shorthand for each value, unless the first value starts with `[` or
  `{` (JSON: one `[...]` value, or one `{...}` per element);
- lists of scalars: never shorthand; one `[...]` value is JSON, else each value is one element;
- integers and floats: parsed strictly; booleans come from `--x`/`--no-x`;
- timestamps stay text until validated, blobs become bytes (`fileb://`, or base64 text as AWS CLI v2
  reads it by default); a timestamp is a moment between EARLIEST_TIMESTAMP and service/clock.py's
  TIMESTAMP_LIMIT (what datetime and local-time output hold), anything else (inf, nan, 1e20, year
  0 or 10000) is not a timestamp.
Then `--cli-input-json`/`--cli-input-yaml` fill in members the command line did not give.
`serialize` finally turns the validated parameters into the API's JSON (epoch timestamps, base64 blobs).
"""

from __future__ import annotations

import base64
import binascii
import json
from datetime import datetime, timezone

from smscli import spec
from smscli.errors import ParamError
from smscli.parsing import shorthand
from smscli.parsing.argv import ParsedOperation
from smscli.parsing.paramfile import ParamFileError, is_paramfile, load_if_paramfile, read_paramfile
from smscli.service.clock import TIMESTAMP_LIMIT

COMPLEX = ("structure", "list", "map")


def build_request(parsed: ParsedOperation, binary_format: str = "base64") -> dict:
    """The request parameters (before client-side validation) from the command line."""
    input_shape = spec.shape(spec.operation(parsed.operation)["input"])
    members = input_shape["members"]
    params: dict = {}
    for member in spec.member_order(input_shape):
        if member in parsed.members:
            cli_name = "--" + spec.kebab(member)
            params[member] = convert_option(cli_name, members[member]["shape"], parsed.members[member])
    file_params = _cli_input(parsed.special)
    for key, value in file_params.items():
        params.setdefault(key, value)
    return decode_blobs(params, input_shape, binary_format)


def _cli_input(special: dict) -> dict:
    if special.get("cli_input_json") is not None:
        name, text = "cli-input-json", _read_input(special["cli_input_json"], "cli-input-json")
        try:
            data = json.loads(text)
        except ValueError as error:
            raise ParamError(name, f"Invalid JSON: {error}\nJSON received: {text}") from None
    elif special.get("cli_input_yaml") is not None:
        name, text = "cli-input-yaml", _read_input(special["cli_input_yaml"], "cli-input-yaml")
        import yaml

        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as error:
            raise ParamError(name, f"Invalid YAML: {error}\nYAML received: {text}") from None
    else:
        return {}
    if not isinstance(data, dict):
        raise ParamError(name, f"The input must be an object of request members, not {type(data).__name__}.")
    return data


def _read_input(value: str, name: str) -> str:
    try:
        text = load_if_paramfile(value)
    except ParamFileError as error:
        raise ParamError(name, str(error)) from None
    return text.decode("utf-8", "replace") if isinstance(text, bytes) else text


def convert_option(cli_name: str, shape_name: str, raw):
    """One option's raw value (str, list of str or bool) as a request value."""
    if isinstance(raw, bool):
        return raw
    try:
        if isinstance(raw, list) and len(raw) == 1 and is_paramfile(raw[0]):
            raw = read_paramfile(raw[0])
        elif isinstance(raw, str):
            raw = load_if_paramfile(raw)
    except ParamFileError as error:
        raise ParamError(cli_name, str(error)) from None
    shape = spec.shape(shape_name)
    if shape["type"] in ("structure", "map"):
        return _structure_value(cli_name, shape_name, raw)
    if shape["type"] == "list":
        return _list_value(cli_name, shape_name, raw)
    return _scalar_value(cli_name, shape_name, raw)


def _structure_value(cli_name: str, shape_name: str, value):
    text = value.decode("utf-8", "replace") if isinstance(value, bytes) else value
    stripped = text.lstrip()
    if stripped.startswith("{"):
        return _json(cli_name, text)
    if stripped.startswith("["):
        raise ParamError(cli_name, f"Invalid JSON:\n{text}")
    return _shorthand(cli_name, text, shape_name)


def _list_value(cli_name: str, shape_name: str, value):
    member_shape = spec.shape(shape_name)["member"]
    member_is_complex = spec.shape(member_shape)["type"] in COMPLEX
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if isinstance(value, str):  # one file:// value holding the whole list
        if value.lstrip().startswith("["):
            return _json(cli_name, value)
        if member_is_complex and not value.lstrip().startswith("{"):
            return _shorthand(cli_name, value, shape_name)  # not made a list: as the AWS CLI does
        value = [value]
    if not value:
        return []
    first = value[0].strip()
    if member_is_complex and not first.startswith(("[", "{")):
        return _to_model(cli_name, [_parse_shorthand(cli_name, v) for v in value], shape_name)
    if len(value) == 1 and first.startswith("["):
        return _json(cli_name, value[0])
    if member_is_complex:
        elements = []
        for element in value:
            if not element.lstrip().startswith("{"):
                raise ParamError(cli_name, f"Invalid JSON:\n{element}")
            elements.append(_json(cli_name, element))
        return elements
    return [_scalar_value(cli_name, member_shape, element) for element in value]


def _scalar_value(cli_name: str, shape_name: str, value):
    shape_type = spec.shape(shape_name)["type"]
    try:
        if shape_type in ("integer", "long"):
            return int(value)
        if shape_type in ("float", "double"):
            return float(value)
    except ValueError:
        kind = "an integer" if shape_type in ("integer", "long") else "a number"
        raise ParamError(cli_name, f"expected {kind}, received: '{value}'") from None
    return value


def _json(cli_name: str, text: str):
    try:
        return json.loads(text)
    except ValueError as error:
        raise ParamError(cli_name, f"Invalid JSON: {error}\nJSON received: {text}") from None


def _parse_shorthand(cli_name: str, text: str):
    try:
        return shorthand.parse(text, read_file=_read_shorthand_file)
    except shorthand.ShorthandParseError as error:
        raise ParamError(cli_name, str(error)) from None
    except ParamFileError as error:
        raise ParamError(cli_name, str(error)) from None


def _shorthand(cli_name: str, text: str, shape_name: str):
    return _to_model(cli_name, _parse_shorthand(cli_name, text), shape_name)


def _to_model(cli_name: str, parsed, shape_name: str):
    try:
        return shorthand.to_model(parsed, shape_name, spec.shapes())
    except ValueError as error:
        raise ParamError(cli_name, str(error)) from None


def _read_shorthand_file(reference: str):
    return read_paramfile(reference)


# ---------------------------------------------------------------------------------------------
# Blobs and timestamps


def decode_blobs(params: dict, structure: dict, binary_format: str) -> dict:
    """Blob members given as text: base64 (AWS CLI v2's default) or raw text (`raw-in-base64-out`)."""
    for member, value in params.items():
        definition = structure["members"].get(member)
        if definition is None or not isinstance(value, str):
            continue
        if spec.shape(definition["shape"])["type"] != "blob":
            continue
        if binary_format == "raw-in-base64-out":
            params[member] = value.encode()
            continue
        try:
            params[member] = base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            raise ParamError("--" + spec.kebab(member), f'Invalid base64: "{value}"') from None
    return params


EARLIEST_TIMESTAMP = -62135510400  # 0001-01-02T00:00:00Z: a day after datetime's start, for local time zones


def parse_timestamp(value) -> float | None:
    """Epoch seconds from a number, a numeric string or ISO 8601 text; None if it is none of those or
    not a moment timestamps can hold."""
    seconds = _epoch_seconds(value)
    if seconds is None or not EARLIEST_TIMESTAMP <= seconds <= TIMESTAMP_LIMIT:  # also nan
        return None
    return seconds


def _epoch_seconds(value) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        try:
            return float(value)
        except OverflowError:  # an int too large for a float
            return None
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            pass
        try:
            moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            return None
    else:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    try:
        return moment.timestamp()
    except (OverflowError, ValueError):
        return None


def serialize(value, shape_name: str):
    """Validated parameters -> the API's JSON: timestamps in epoch seconds, blobs in base64."""
    shape = spec.shape(shape_name)
    shape_type = shape["type"]
    if shape_type == "structure" and isinstance(value, dict):
        members = shape["members"]
        return {k: serialize(v, members[k]["shape"]) if k in members else v for k, v in value.items()}
    if shape_type == "list" and isinstance(value, list):
        return [serialize(v, shape["member"]) for v in value]
    if shape_type == "map" and isinstance(value, dict):
        return {k: serialize(v, shape["value"]) for k, v in value.items()}
    if shape_type == "timestamp":
        seconds = parse_timestamp(value)
        return int(seconds) if seconds is not None and seconds == int(seconds) else seconds
    if shape_type == "blob" and isinstance(value, (bytes, bytearray)):
        return base64.b64encode(value).decode("ascii")
    return value
