"""Stored records -> API JSON: only the members an output shape defines, never hidden bookkeeping."""

from __future__ import annotations

from smscli import spec


def project(value, shape_name: str):
    """`value` reduced to what `shape_name` defines (recursively); None members are left out."""
    shape = spec.shape(shape_name)
    kind = shape["type"]
    if kind == "structure" and isinstance(value, dict):
        members = shape["members"]
        return {
            name: project(value[name], members[name]["shape"])
            for name in spec.member_order(shape)
            if value.get(name) is not None
        }
    if kind == "list" and isinstance(value, list):
        return [project(element, shape["member"]) for element in value]
    if kind == "map" and isinstance(value, dict):
        return {key: project(element, shape["value"]) for key, element in value.items()}
    return value
