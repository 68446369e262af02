"""Timestamps in output: the API's epoch seconds become ISO 8601 in local time, as AWS CLI v2 prints
them (`cli_timestamp_format = wire` keeps the epoch numbers)."""

from __future__ import annotations

from datetime import datetime

from smscli import spec


def to_iso8601(seconds: float) -> str:
    return datetime.fromtimestamp(seconds).astimezone().isoformat()


def format_timestamps(value, shape_name: str):
    """A copy of `value` (the response of an output shape) with timestamp members as ISO 8601 text."""
    shape = spec.shape(shape_name)
    kind = shape["type"]
    if kind == "timestamp" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return to_iso8601(value)
    if kind == "structure" and isinstance(value, dict):
        members = shape["members"]
        return {k: format_timestamps(v, members[k]["shape"]) if k in members else v for k, v in value.items()}
    if kind == "list" and isinstance(value, list):
        return [format_timestamps(v, shape["member"]) for v in value]
    if kind == "map" and isinstance(value, dict):
        return {k: format_timestamps(v, shape["value"]) for k, v in value.items()}
    return value
