"""``--output text``: the AWS CLI's tab-separated text format, byte for byte.

Scripts cut and awk this output, so every rule below is the AWS CLI's, quirks included:

* A scalar prints as ``str(value)`` on its own line (``True``, ``None``, ``1.5``).
* A dict prints its scalar members on one line, tab-joined in sorted key order, preceded by the
  upper-cased identifier (the key it was found under) when there is one; no line if it has no scalars.
  Then each nested list/dict member, in sorted key order, with its key as the new identifier.
* A list of dicts: every dict uses the same columns, the sorted union of the keys that hold a scalar in
  any of them; a dict missing a column prints an empty field, and a column holding a list or dict in
  this dict prints that value's Python ``str()``. The dict's other keys are nested values as above.
* A list of scalars prints one ``IDENTIFIER<TAB>value`` line per item under an identifier, and all
  items tab-joined on one line without one (at the top level or directly inside another list).
* A list of lists prints its scalar items first (as a list of scalars), then each inner list with the
  same identifier. Empty lists and dicts print nothing.

One deliberate difference: a list mixing dicts with non-dicts makes the AWS CLI raise; here the
non-dict items are printed as they would be on their own (API responses never contain such lists).
"""

from __future__ import annotations



def format_text(data: object) -> str:
    lines: list[str] = []
    _value(data, None, None, lines)
    return "".join(lines)


def _is_container(value: object) -> bool:
    return isinstance(value, (dict, list))


def _value(value: object, ident: str | None, columns: list[str] | None, lines: list[str]) -> None:
    if isinstance(value, dict):
        _dict(value, ident, columns, lines)
    elif isinstance(value, list):
        _list(value, ident, lines)
    else:
        lines.append(f"{str(value)}\n")


def _dict(value: dict, ident: str | None, columns: list[str] | None, lines: list[str]) -> None:
    if columns is None:
        keys = sorted(value)
        fields = [str(value[k]) for k in keys if not _is_container(value[k])]
        nested = [k for k in keys if _is_container(value[k])]
    else:
        fields = [str(value.get(k, "")) for k in columns]
        nested = sorted(set(value) - set(columns))
    if fields:
        prefix = [] if ident is None else [ident.upper()]
        lines.append("\t".join(prefix + fields) + "\n")
    for key in nested:
        _value(value[key], key, None, lines)


def _list(items: list, ident: str | None, lines: list[str]) -> None:
    if any(isinstance(item, dict) for item in items):
        columns = sorted(
            {k for item in items if isinstance(item, dict) for k, v in item.items() if not _is_container(v)}
        )
        for item in items:
            _value(item, ident, columns, lines)
        return
    scalars = [item for item in items if not _is_container(item)]
    if scalars:
        _scalars(scalars, ident, lines)
    for inner in items:
        if _is_container(inner):
            _value(inner, ident, None, lines)


def _scalars(items: list, ident: str | None, lines: list[str]) -> None:
    if ident is None:
        lines.append("\t".join(str(item) for item in items) + "\n")
    else:
        tag = ident.upper()
        lines.extend(f"{tag}\t{str(item)}\n" for item in items)
