"""--generate-cli-skeleton: a request (or response) template built from the model; nothing is called.

`input` prints the input shape as JSON to fill in and pass back with --cli-input-json; `yaml-input`
the same as YAML for --cli-input-yaml; `output` a sample response (strings hold their member name)
in the selected output format. Enums show their first value.
"""

from __future__ import annotations

from smscli import spec


def skeleton(shape_name: str, *, member_names: bool = False, name: str = "", stack: tuple = ()):
    shape = spec.shape(shape_name)
    kind = shape["type"]
    if shape_name in stack:  # recursive shapes stop here
        return {} if kind == "structure" else None
    stack = stack + (shape_name,)
    if kind == "structure":
        members = shape["members"]
        return {
            member: skeleton(members[member]["shape"], member_names=member_names, name=member, stack=stack)
            for member in spec.member_order(shape)
        }
    if kind == "list":
        return [skeleton(shape["member"], member_names=member_names, name=name, stack=stack)]
    if kind == "map":
        return {"KeyName": skeleton(shape["value"], member_names=member_names, name=name, stack=stack)}
    if kind == "string":
        if member_names:
            return name
        return shape["enum"][0] if shape.get("enum") else ""
    if kind in ("integer", "long"):
        return 0
    if kind in ("float", "double"):
        return 0.0
    if kind == "boolean":
        return True
    if kind == "timestamp":
        return "1970-01-01T00:00:00"
    return ""  # blob


def input_skeleton(op: str) -> dict:
    return skeleton(spec.operation(op)["input"])


def output_skeleton(op: str) -> dict:
    return skeleton(spec.operation(op)["output"], member_names=True)
