"""``--output json``: the response as the AWS CLI v2 prints it."""

from __future__ import annotations

import json


def format_json(data: object) -> str:
    """4-space indent, non-ASCII kept, one trailing newline; an empty dict prints nothing."""
    if data == {}:
        return ""
    return json.dumps(data, indent=4, ensure_ascii=False) + "\n"
