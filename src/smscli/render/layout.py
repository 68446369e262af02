"""Lay a response out as plain grids of strings for the table renderer (no Rich in here).

The rules, applied from the top of the response down:

* A value is *inline* when it reads well in one cell: a scalar, an empty list or dict, a list of
  scalars (``"SMS, VOICE"``), a Tags-style list of ``{Key, Value}`` (``"env=prod, team=ops"``) or a
  flat dict of at most ``INLINE_MEMBERS`` scalars (``"TopicArn=arn:..."``).
* A dict becomes a key/value grid of its inline members, followed by the grids of its deeper ones.
* A list of records (dicts) becomes one grid with a column per inline member (first-seen order, or the
  ``views.VIEWS`` entry for the list's member name), if every column can keep its heading unbroken and
  at least ``MIN_COLUMN`` cells (or its natural width if less) within the width; otherwise each record
  gets its own key/value grid. Deeper members of record ``i`` follow as grids titled with their path,
  e.g. ``ConfigurationSets[0].EventDestinations`` (titles are JMESPath expressions, usable with
  ``--query``).
* Anything else (a bare scalar or list after ``--query``, a list of lists) gets a grid of its own.

Control characters other than newline and tab are shown escaped (``\\x1b``) rather than passed to the
terminal or dropped.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Callable

from .views import VIEWS, Column

MIN_COLUMN = 12
INLINE_MEMBERS = 4

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


@dataclass
class Grid:
    """A titled block of rows. Without ``headings`` there is no header row, and rows of two cells are
    key/value pairs (a lone value or a list of scalars has rows of one cell)."""

    title: str
    rows: list[list[str]]
    headings: list[str] | None = None
    caption: str = ""
    widths: list[int] | None = None  # cell widths chosen for a grid with headings
    compact: bool = False  # drawn without vertical rules


def build(data: Any, *, width: int, measure: Callable[[str], int] = len) -> list[Grid]:
    """Return the grids for ``data``; ``measure`` gives the display width of a string."""
    builder = _Builder(width, measure)
    builder.value(data, "", "")
    return builder.grids


def inline(value: Any) -> str | None:
    """The one-cell form of ``value``, or None when it is too deep for a cell."""
    if _is_scalar(value):
        return _text(value)
    if not value:
        return "[]" if isinstance(value, list) else "{}"
    if isinstance(value, list):
        if all(_is_scalar(item) for item in value):
            return ", ".join(_text(item) for item in value)
        if all(_is_tag(item) for item in value):
            return ", ".join(_tag_text(item) for item in value)
        return None
    if len(value) <= INLINE_MEMBERS and all(_is_scalar(v) for v in value.values()):
        return ", ".join(f"{_text(k)}={_text(v)}" for k, v in value.items())
    return None


class _Builder:
    def __init__(self, width: int, measure: Callable[[str], int]) -> None:
        self.width = width
        self.measure = measure
        self.grids: list[Grid] = []

    def value(self, value: Any, path: str, name: str) -> None:
        if isinstance(value, dict):
            self.members([(str(k), _join(path, k), v) for k, v in value.items()], path)
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            self.records(value, path, name)
        elif isinstance(value, list) and value and all(_is_scalar(v) for v in value):
            self.grids.append(Grid(path, [[_text(v)] for v in value]))
        elif isinstance(value, list) and value:
            self.members([(f"[{i}]", f"{path}[{i}]", v) for i, v in enumerate(value)], path)
        else:
            self.grids.append(Grid(path, [[inline(value) or ""]]))

    def members(self, entries: list[tuple[str, str, Any]], title: str) -> None:
        """A key/value grid of the inline entries, then the deeper ones at their own paths."""
        rows: list[list[str]] = []
        deeper: list[tuple[str, str, Any]] = []
        for label, path, value in entries:
            text = inline(value)
            if text is None:
                deeper.append((label, path, value))
            else:
                rows.append([_text(label), text])
        if rows:
            self.grids.append(Grid(title, rows))
        for label, path, value in deeper:
            self.value(value, path, label)

    def records(self, items: list[dict], path: str, name: str) -> None:
        members = list(dict.fromkeys(key for item in items for key in item))
        deep = [m for m in members if any(m in it and inline(it[m]) is None for it in items)]
        flat = [m for m in members if m not in deep]
        columns, caption = _choose_columns(flat, name)
        compact = name in VIEWS and VIEWS[name].compact
        headings = [_text(c.label) for c in columns]
        rows = [[_cell(item, c.member, c.shorten) for c in columns] for item in items]
        widths = self._widths(headings, rows, compact) if columns else None
        if widths is not None:
            if any(c.shorten and any(row[i].endswith("…") for row in rows) for i, c in enumerate(columns)):
                caption = _shortened_caption(caption)
            self.grids.append(Grid(path, rows, headings, caption, widths, compact))
        for index, item in enumerate(items):
            item_path = f"{path}[{index}]"
            if widths is None:
                pairs = [[_text(c.label), _cell(item, c.member)] for c in columns if c.member in item]
                small = [(m, inline(item[m])) for m in deep if m in item]
                pairs += [[_text(m), text] for m, text in small if text is not None]
                if pairs or caption:
                    self.grids.append(Grid(item_path, pairs, caption=caption))
            for member in deep:
                if member in item and (widths is not None or inline(item[member]) is None):
                    self.value(item[member], _join(item_path, member), member)

    def _widths(self, headings: list[str], rows: list[list[str]], compact: bool = False) -> list[int] | None:
        """Cell widths for a grid with columns, or None when it cannot be readable in the width.

        Each column needs its heading unbroken and min(its natural width, MIN_COLUMN); what is left
        of the width goes, one cell at a time, to the narrowest column still short of its natural width.
        """
        naturals: list[int] = []
        needs: list[int] = []
        for index, heading in enumerate(headings):
            natural = max(self._longest(text) for text in [heading] + [row[index] for row in rows])
            naturals.append(max(natural, 1))
            needs.append(max(self._longest(heading), min(natural, MIN_COLUMN), 1))
        # between compact columns: one space of padding and one of rule; boxed: padding both sides and borders
        rules = 2 * (len(headings) - 1) if compact else 3 * len(headings) + 1
        spare = self.width - rules - sum(needs)
        if spare < 0:
            return None
        widths = needs
        growing = [i for i, w in enumerate(widths) if w < naturals[i]]
        while spare and growing:
            narrowest = min(growing, key=lambda i: widths[i])
            widths[narrowest] += 1
            spare -= 1
            if widths[narrowest] == naturals[narrowest]:
                growing.remove(narrowest)
        return widths

    def _longest(self, text: str) -> int:
        return max(self.measure(line) for line in text.split("\n"))


def _choose_columns(flat: list[str], name: str) -> tuple[list[Column], str]:
    view = VIEWS.get(name)
    if view is None:
        return [Column(m) for m in flat], ""
    chosen = {c.member for c in view.columns}
    hidden = sum(1 for m in flat if m not in chosen)
    columns = [c for c in view.columns if c.member in flat]
    if not hidden:
        return columns, ""
    noun = "member" if hidden == 1 else "members"
    return columns, f"{hidden} more {noun} not shown{_SHOWS_ALL}"


_SHOWS_ALL = " (--output json shows all)"


def _shortened_caption(caption: str) -> str:
    hidden = caption.removesuffix(_SHOWS_ALL)
    return "; ".join(filter(None, [hidden, "ids shortened"])) + _SHOWS_ALL


def _cell(item: dict, member: str, shorten: int = 0) -> str:
    text = (inline(item[member]) or "") if member in item else ""
    return text[: shorten - 1] + "…" if shorten and len(text) > shorten else text


def _join(path: str, key: Any) -> str:
    key = str(key)
    part = key if _IDENTIFIER.match(key) else json.dumps(key, ensure_ascii=False)
    return f"{path}.{part}" if path else part


def _is_scalar(value: Any) -> bool:
    return not isinstance(value, (dict, list))


def _is_tag(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and "Key" in value
        and set(value) <= {"Key", "Value"}
        and all(_is_scalar(v) for v in value.values())
    )


def _tag_text(tag: dict) -> str:
    key = _text(tag["Key"])
    return f"{key}={_text(tag['Value'])}" if "Value" in tag else key


def _text(value: Any) -> str:
    """str(value) with control characters (except newline and tab) made visible."""
    text = str(value)
    if text.isprintable():
        return text
    return "".join(
        f"\\x{ord(ch):02x}" if ch not in "\n\t" and unicodedata.category(ch) == "Cc" else ch
        for ch in text
    )
