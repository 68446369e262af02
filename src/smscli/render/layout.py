"""Lay a response out as plain grids of strings for the table renderer (no Rich in here).

The rules, applied from the top of the response down:

* A value is *inline* when it reads well in one cell: a scalar, an empty dict, a list of scalars
  (``"SMS, VOICE"``), a Tags-style list of ``{Key, Value}`` (``"env=prod, team=ops"``) or a flat dict of
  at most ``INLINE_MEMBERS`` scalars (``"TopicArn=arn:..."``).
* A dict becomes a key/value grid of its inline members, followed by the grids of its deeper ones. A
  member holding an empty list becomes one line instead, "No pools." (the noun from the member's name,
  or ``views.NOUNS``); a response of nothing but empty lists prints only those lines.
* A list of records (dicts) becomes one grid with a column per member. A record's members are read as
  dotted paths: a dict too big for a cell gives one column per member (``DisplayHints.Title``). With a
  ``views.VIEWS`` entry for the list's member name the view's columns come first and, when the width
  cannot hold every column, the most important ones are kept (the view's primary id always, in full)
  and the caption names the rest. Without a view the records get one grid each when their columns do
  not fit. Deeper members (lists of records) of record ``i`` follow as grids titled with their path,
  e.g. ``ConfigurationSets[0].EventDestinations`` (titles are JMESPath expressions, usable with
  ``--query``); a ``one_line`` view counts them as hidden instead.
* Anything else (a bare scalar or list after ``--query``, a list of lists) gets a grid of its own.

Nothing is broken inside a word except free text: a plain column (ids, ARNs, phone numbers, timestamps)
is always as wide as its longest cell, a ``words`` column as its longest word; a text column wraps prose
but a one-word value (an id in a field's value) too wide for it is left out of its cell ("…"), and a
key/value row whose value has a word wider than the grid's value column is hidden (an 83-character ARN
at 80 columns). The caption under a grid says what it left out, always in the same words: "2 fields
hidden (PoolArn, CreatedTimestamp): --output json shows them", with "1 value too wide (FieldPath)" and,
for text a one-line view cut with "…", "1 field shortened (MessageBody)" joining it. Only a lone value
wider than the whole width (a bare ARN from ``--query`` at 40 columns) is folded, as nothing else could
show it.

Control characters other than newline (a tab too) are shown escaped (``\\x1b``, ``\\x09``) rather than
passed to the terminal or dropped.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable

from .views import NOUNS, PLAIN, TEXT, VIEWS, WORDS, Column, View

TEXT_MIN = 12  # the narrowest a free-text column of a one-line view gets (its text is cut with "…")
WRAP_MIN = 20  # the narrowest a free-text column that wraps gets
TEXT_WANT = 48  # a one-line view's text column's share before the less important columns get theirs
INLINE_MEMBERS = 4
CAPTION_NAMES = 6  # a caption names at most this many fields (the most important first), then "and N more"
SHOWS = "--output json shows"

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_WORD_BREAK = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


@dataclass
class Grid:
    """A titled block of rows. Without ``headings`` there is no header row, and rows of two cells are
    key/value pairs (a lone value or a list of scalars has rows of one cell). A grid with a ``note``
    and no rows is one line of text ("No pools.")."""

    title: str
    rows: list[list[str]]
    headings: list[str] | None = None
    caption: str = ""
    widths: list[int] | None = None  # the cell width of each column
    compact: bool = False  # drawn without vertical rules
    kinds: list[str] = field(default_factory=list)  # per column of a grid with headings: views.PLAIN/WORDS/TEXT
    one_line: bool = False  # text cells are cut with "…" rather than wrapped
    note: str = ""


def build(data: Any, *, width: int, measure: Callable[[str], int] = len) -> list[Grid]:
    """Return the grids for ``data``; ``measure`` gives the display width of a string."""
    builder = _Builder(width, measure)
    builder.value(data, "", "")
    return builder.grids


def empty_result(data: Any) -> list[str] | None:
    """The lines of a result that holds nothing but empty lists ("No pools."), else None; no
    measuring needed, so the table renderer prints these without loading Rich."""
    if data == []:
        return [no_items("")]
    if isinstance(data, dict) and data and all(value == [] for value in data.values()):
        return [no_items(str(name)) for name in data]
    return None


def no_items(name: str) -> str:
    """ "No phone numbers." for an empty ``PhoneNumbers``."""
    if name in NOUNS:
        return f"No {NOUNS[name]}."
    if _IDENTIFIER.match(name) and name[:1].isupper():
        return f"No {_WORD_BREAK.sub(' ', name).lower()}."
    return f"No items in {_text(name)}." if name else "No items."


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


def hidden_caption(hidden: list[str], shortened: list[str] = (), too_wide: list[str] = ()) -> str:
    """What a grid left out, in one sentence: "3 fields hidden (A, B, C): --output json shows them"; "2
    values too wide (x, y)" names the rows whose one-word value did not fit its column, "1 field shortened
    (D)" the text a one-line view cut."""
    kinds = ((hidden, "field", "hidden"), (too_wide, "value", "too wide"), (shortened, "field", "shortened"))
    parts = [f"{_count(len(names), noun)} {what} ({_names(names)})" for names, noun, what in kinds if names]
    if not parts:
        return ""
    one = len(hidden) + len(shortened) + len(too_wide) == 1
    return f"{', '.join(parts)}: {SHOWS} {'it' if one else 'them'}{' in full' if shortened else ''}"


class _Builder:
    def __init__(self, width: int, measure: Callable[[str], int]) -> None:
        self.width = width
        self.measure = measure
        self.grids: list[Grid] = []

    # --- structure ---------------------------------------------------------------------------------

    def value(self, value: Any, path: str, name: str) -> None:
        if isinstance(value, dict):
            self.members([(str(k), _join(path, k), v) for k, v in value.items()], path)
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            self.records(value, path, name)
        elif isinstance(value, list) and value and all(_is_scalar(v) for v in value):
            self.grids.append(self._single(path, [_text(v) for v in value]))
        elif isinstance(value, list) and value:
            self.members([(f"[{i}]", f"{path}[{i}]", v) for i, v in enumerate(value)], path)
        elif value == []:
            self.grids.append(Grid(path, [], note=no_items(name)))
        else:
            self.grids.append(self._single(path, [inline(value) or ""]))

    def members(self, entries: list[tuple[str, str, Any]], title: str) -> None:
        """A key/value grid of the inline entries, then the deeper ones at their own paths."""
        rows: list[list[str]] = []
        deeper: list[tuple[str, str, Any]] = []
        for label, path, value in entries:
            text = None if value == [] or _is_viewed_records(label, value) else inline(value)
            if text is None:
                deeper.append((label, path, value))
            else:
                rows.append([_text(label), text])
        if rows:
            self.grids.append(self._pairs(title, rows))
        for label, path, value in deeper:
            if value == []:
                self.grids.append(Grid(title, [], note=no_items(label)))
            else:
                self.value(value, path, label)

    def records(self, items: list[dict], path: str, name: str) -> None:
        view = VIEWS.get(name)
        flattened = [_flatten(item, {m for c in view.columns for m in c.members} if view else set()) for item in items]
        deep = list(dict.fromkeys(p for _, below in flattened for p in below))
        for leaf, below in flattened:  # a member too deep for a cell in one record is deep in all
            for member in deep:
                if member in leaf:
                    below[member] = leaf.pop(member)
        leaves = list(dict.fromkeys(p for leaf, _ in flattened for p in leaf))
        one_line = view is not None and view.one_line
        columns = _columns(view, leaves)
        cells = [[_cell(leaf, paths, column, one_line) for column, paths in columns] for leaf, _ in flattened]
        chosen = self._columns_grid(path, [c for c, _ in columns], cells, view)
        if chosen is None:  # one key/value grid per record
            for index, (leaf, below) in enumerate(flattened):
                item_path = f"{path}[{index}]"
                self.grids.append(self._pairs(item_path, [[_dotted(p), inline(v) or ""] for p, v in leaf.items()]))
                for member, value in below.items():
                    self.value(value, _join_path(item_path, member), member[-1])
            return
        shown = {p for i in chosen.shown for p in columns[i][1]}
        ranked = [p for i in _ranked([c for c, _ in columns], view) for p in columns[i][1]]
        flat = set(leaves)
        left_out = [p for p in ranked if p not in shown and p in flat]
        hidden = [_dotted(p) for p in left_out] + ([_dotted(p) for p in deep] if one_line else [])
        chosen.grid.caption = hidden_caption(hidden, chosen.shortened, chosen.too_wide)
        self.grids.append(chosen.grid)
        if one_line:
            return
        for index, (_, below) in enumerate(flattened):
            for member, value in below.items():
                self.value(value, _join_path(f"{path}[{index}]", member), member[-1])

    # --- widths ------------------------------------------------------------------------------------

    def _columns_grid(self, path: str, columns: list[Column], cells: list[list[str]], view: View | None):
        """The grid of the columns that fit, or None when the records need a grid each.

        Columns are taken most important first (the view's rank; without a view, all or none): each gets
        its natural width (in a one-line view a text column at most TEXT_WANT at first) while that fits; a
        words or text column that does not fit so takes all that is left if that is at least its minimum
        (its longest word; TEXT_MIN, or WRAP_MIN when it wraps), and the columns after it are left out; a
        plain column that does not fit is left out. What is left at the end goes, a cell at a time, to the
        narrowest text column still short of its natural width.
        """
        if not columns:
            return None
        compact = view is not None
        one_line = view is not None and view.one_line
        headings = [_text(c.label) for c in columns]
        naturals, minimums = [], []
        for index, column in enumerate(columns):
            texts = [headings[index]] + [row[index] for row in cells]
            natural = max(max(self._longest(t) for t in texts), 1)
            heading = self._longest(headings[index])
            if column.kind == TEXT:
                minimum = max(heading, min(natural, TEXT_MIN if one_line else WRAP_MIN))
            elif column.kind == WORDS:
                minimum = max([heading] + [self._widest_word(row[index]) for row in cells])
            else:
                minimum = natural
            naturals.append(natural)
            minimums.append(max(minimum, 1))
        # a compact grid: columns apart by one space of padding and one of rule, no outer edge (n columns
        # take their widths and 2(n - 1)); a boxed one: padding both sides, borders between and around
        gap, left = (2, self.width + 2) if compact else (3, self.width - 1)
        order = _ranked(columns, view)
        if view is None and sum(naturals) + gap * len(columns) > left:
            return None
        widths: dict[int, int] = {}
        for index in order:
            wanted = naturals[index]
            if one_line and columns[index].kind == TEXT:  # cut text leaves room for more columns
                wanted = min(wanted, max(minimums[index], TEXT_WANT))
            if wanted + gap <= left:
                widths[index] = wanted
                left -= wanted + gap
            elif columns[index].kind != PLAIN and minimums[index] + gap <= left:
                widths[index] = left - gap
                left = 0
                break
            elif index == order[0]:
                return None  # not even the primary id fits
        growing = [i for i in widths if widths[i] < naturals[i]]
        while left and growing:  # text columns held to TEXT_WANT grow into what is left
            narrowest = min(growing, key=lambda i: (widths[i], i))
            widths[narrowest] += 1
            left -= 1
            if widths[narrowest] == naturals[narrowest]:
                growing.remove(narrowest)
        shown = sorted(widths)
        shortened = [columns[i].member for i in shown if one_line and columns[i].kind == TEXT and widths[i] < naturals[i]]
        too_wide = []  # a one-word value (an id) is never folded: it is left out of its cell and named
        for row in cells:
            for i in shown:
                one_word = columns[i].kind == TEXT and not one_line and len(row[i].split()) == 1
                if one_word and self._longest(row[i]) > widths[i]:
                    too_wide.append(row[order[0]])
                    row[i] = "…"
        grid = Grid(
            path,
            [[row[i] for i in shown] for row in cells],
            [headings[i] for i in shown],
            widths=[widths[i] for i in shown],
            compact=compact,
            kinds=[columns[i].kind for i in shown],
            one_line=one_line,
        )
        return _Chosen(grid, shown, shortened, list(dict.fromkeys(too_wide)))

    def _pairs(self, title: str, rows: list[list[str]]) -> Grid:
        """A key/value grid that fits: a row whose value has a word too wide for the value column is hidden."""
        if not rows:
            return Grid(title, [])
        inner = max(self.width - 7, 2)  # "│ key │ value │"
        key_width = min(max(self._longest(key) for key, _ in rows), max(inner // 2, 1))
        room = inner - key_width
        kept = [row for row in rows if self._widest_word(row[1]) <= room]
        hidden = [row[0] for row in rows if row not in kept]
        if kept:
            key_width = min(max(self._longest(key) for key, _ in kept), max(inner // 2, 1))
            room = min(inner - key_width, max(self._longest(value) for _, value in kept))
        return Grid(title, kept, caption=hidden_caption(hidden), widths=[key_width, max(room, 1)] if kept else None)

    def _single(self, title: str, values: list[str]) -> Grid:
        room = max(self.width - 4, 1)  # "│ value │"
        return Grid(title, [[v] for v in values], widths=[min(room, max(max(self._longest(v) for v in values), 1))])

    def _longest(self, text: str) -> int:
        return max(self.measure(line) for line in text.split("\n"))

    def _widest_word(self, text: str) -> int:
        return max((self.measure(word) for word in text.split()), default=0)


@dataclass
class _Chosen:
    grid: Grid
    shown: list[int]
    shortened: list[str]
    too_wide: list[str]


def _flatten(item: dict, whole: set[str]) -> tuple[dict[tuple, Any], dict[tuple, Any]]:
    """A record's one-cell members by path ({("DisplayHints", "Title"): "..."}), and its deeper ones.
    A dict is read member by member, unless ``whole`` (the view's columns) names it as one cell."""
    leaves: dict[tuple, Any] = {}
    below: dict[tuple, Any] = {}

    def walk(value: dict, prefix: tuple) -> None:
        for key, member in value.items():
            member_path = (*prefix, str(key))
            if isinstance(member, dict) and not (_dotted(member_path) in whole and inline(member) is not None):
                walk(member, member_path)
            elif inline(member) is not None:
                leaves[member_path] = member
            else:
                below[member_path] = member

    walk(item, ())
    return leaves, below


def _dotted(path: tuple) -> str:
    return ".".join(path)


def _columns(view: View | None, leaves: list[tuple]) -> list[tuple[Column, list[tuple]]]:
    """The columns of these records with the member paths each reads: the view's (when the records
    have its primary id), then one for every other member."""
    by_name: dict[str, tuple] = {}
    for leaf in leaves:
        by_name.setdefault(_dotted(leaf), leaf)
    if view is None or view.key not in by_name:  # no primary id (a --query projection): no view
        return [(Column(_dotted(p)), [p]) for p in leaves]
    named = []
    for column in view.columns:
        paths = [by_name[m] for m in column.members if m in by_name]
        if paths:
            named.append((column, paths))
    taken = {p for _, paths in named for p in paths}
    return named + [(Column(_dotted(p)), [p]) for p in leaves if p not in taken]


def _ranked(columns: list[Column], view: View | None) -> list[int]:
    if view is None:
        return list(range(len(columns)))
    position: dict[str, int] = {}
    for index, column in enumerate(columns):
        position.setdefault(column.member, index)
    ranked = [position[m] for m in view.ranked() if m in position]
    return ranked + [i for i in range(len(columns)) if i not in ranked]


def _cell(leaf: dict[tuple, Any], paths: list[tuple], column: Column, one_line: bool) -> str:
    """The first of the column's members that the record has, as one cell."""
    path = next((p for p in paths if p in leaf), None)
    if path is None:
        return ""
    value = leaf[path]
    if column.millis and isinstance(value, (int, float)) and not isinstance(value, bool):
        text = datetime.fromtimestamp(value / 1000).astimezone().isoformat(timespec="milliseconds")
    else:
        text = inline(value) or ""
    return text.replace("\n", "␊") if one_line else text


def _is_viewed_records(name: str, value: Any) -> bool:
    """A list of records with a view (a response's Tags) is a table of its own, not a cell."""
    return name in VIEWS and isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _names(names: list[str]) -> str:
    """The names in a caption: all of up to CAPTION_NAMES, else the first few and how many more."""
    if len(names) <= CAPTION_NAMES:
        return ", ".join(names)
    return f"{', '.join(names[:CAPTION_NAMES - 1])} and {len(names) - CAPTION_NAMES + 1} more"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _join(path: str, key: Any) -> str:
    key = str(key)
    part = key if _IDENTIFIER.match(key) else json.dumps(key, ensure_ascii=False)
    return f"{path}.{part}" if path else part


def _join_path(path: str, keys: tuple) -> str:
    for key in keys:
        path = _join(path, key)
    return path


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
    """str(value) with control characters (except newline) made visible: a tab too, which a terminal
    would widen past the width its cell was measured at."""
    text = str(value)
    if text.isprintable():
        return text
    return "".join(
        f"\\x{ord(ch):02x}" if ch != "\n" and unicodedata.category(ch) == "Cc" else ch
        for ch in text
    )
