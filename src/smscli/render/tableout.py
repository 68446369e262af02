"""``--output table``: the response as Rich tables, for people.

``layout.build`` decides what goes where and how wide; this module only draws it: a heading with the
operation name, then each grid titled with its path, its caption under it. A result of nothing but empty
lists is its lines alone ("No pools."), drawn without loading Rich. Trailing spaces are trimmed from
every line.

The width is the caller's (``render.table_width()`` gives the terminal's); layout.py gives every column
a width at least as wide as any word it must not break, so Rich wraps only free text.
"""

from __future__ import annotations

import io
from typing import Any

from .layout import Grid, build, empty_result
from .views import TEXT


def format_table(data: Any, *, title: str, color: bool, width: int = 80) -> str:
    """Render ``data`` as tables no wider than ``width``; ANSI styles only when ``color``."""
    if data == {}:
        return ""
    lines = empty_result(data)
    if lines is not None:
        return "".join(f"{line}\n" for line in lines)
    from rich.cells import cell_len
    from rich.text import Text

    console = _console(color, width)
    console.print(Text(title, style="bold underline"))
    for grid in build(data, width=width, measure=cell_len):
        console.print()
        if grid.title:
            console.print(Text(grid.title, style="bold"))
        if grid.note:
            console.print(Text(grid.note))
        if grid.rows and grid.compact:
            console.file.write("".join(f"{line}\n" for line in _compact(grid, console, color)))
        elif grid.rows:
            console.print(_table(grid))
        if grid.caption:
            console.print(Text(grid.caption, style="italic"))
    lines = console.file.getvalue().split("\n")
    return "\n".join(line.rstrip(" ") for line in lines)


def _console(color: bool, width: int):
    # Every setting that Rich would otherwise read from the environment or the terminal is pinned,
    # so the same data always renders to the same string.
    from rich.console import Console

    return Console(
        file=io.StringIO(),
        width=width,
        height=25,
        color_system="standard" if color else None,
        force_terminal=color,
        force_jupyter=False,
        force_interactive=False,
        no_color=not color,
        legacy_windows=False,
        markup=False,
        emoji=False,
        highlight=False,
    )


def _compact(grid: Grid, console, color: bool) -> list[str]:
    """The lines of a grid with columns, drawn directly (Rich's Table takes seconds for a thousand rows):
    the headings in bold, a rule under them, then the rows, columns two spaces apart. Only text and words
    cells go through Rich, to wrap (or, in a one-line view, cut) them as a Rich table would."""
    from rich.cells import cell_len
    from rich.text import Text

    def pad(text: str, width: int) -> str:
        return text + " " * (width - cell_len(text))

    def cell_lines(cell: str, width: int, kind: str) -> list[str]:
        if kind == TEXT and grid.one_line:
            text = Text(cell, no_wrap=True, overflow="ellipsis")
            text.truncate(width, overflow="ellipsis")
            return [text.plain]
        if kind == "plain" or cell_len(cell) <= width and "\n" not in cell:
            return cell.split("\n")
        return [line.plain for line in Text(cell).wrap(console, width, overflow="fold")]

    widths = grid.widths or []
    bold = ("\x1b[1m", "\x1b[0m") if color else ("", "")
    lines = ["  ".join(f"{bold[0]}{heading}{bold[1]}" + " " * (width - cell_len(heading))
                       for heading, width in zip(grid.headings or [], widths))]  # fmt: skip
    lines.append("─" * (sum(widths) + 2 * (len(widths) - 1)))
    for row in grid.rows:
        cells = [cell_lines(cell, width, kind) for cell, width, kind in zip(row, widths, grid.kinds)]
        for index in range(max(len(c) for c in cells)):
            lines.append("  ".join(pad(c[index] if index < len(c) else "", w) for c, w in zip(cells, widths)).rstrip(" "))
    return lines


def _table(grid: Grid):
    from rich import box
    from rich.table import Table
    from rich.text import Text

    # Titles and captions are printed around the table, not by it: Rich would fold them to the
    # table's own width, which for a narrow table breaks a path like "Pools[0].Tags" into pieces.
    if grid.compact:  # columns apart by one space of padding and one of rule, no outer edge
        table = Table(box=box.SIMPLE_HEAD, show_header=True, header_style="bold", show_edge=False, pad_edge=False,
                      collapse_padding=True)  # fmt: skip
    else:
        table = Table(box=box.SQUARE, show_header=grid.headings is not None, header_style="bold")
    widths = grid.widths or [None] * max((len(row) for row in grid.rows), default=1)
    if grid.headings is not None:
        for heading, width, kind in zip(grid.headings, widths, grid.kinds or ["plain"] * len(grid.headings)):
            cut = grid.one_line and kind == TEXT
            table.add_column(Text(heading), width=width, no_wrap=cut, overflow="ellipsis" if cut else "fold")
    else:
        for index, width in enumerate(widths):
            keyed = len(widths) == 2 and index == 0
            table.add_column(style="bold" if keyed else None, width=width, overflow="fold")
    for row in grid.rows:
        table.add_row(*(Text(cell) for cell in row))
    return table
