"""``--output yaml``: the response as block-style YAML, keys in response order."""

from __future__ import annotations


import yaml


def format_yaml(data: object) -> str:
    """Block style, keys unsorted, unicode kept; an empty dict prints nothing."""
    if data == {}:
        return ""
    return yaml.safe_dump(data, default_flow_style=False, sort_keys=False, allow_unicode=True)
