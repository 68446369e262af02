"""``--output table``: the response as Rich tables, for people.

``layout.build`` decides what goes where; this module only draws it: a heading with the operation name,
then each grid as a Rich table titled with its path. Cells fold rather than truncate, so long ARNs wrap
onto extra lines instead of losing characters. Trailing spaces are trimmed from every line.
"""

from __future__ import annotations

import io
from typing import Any

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .layout import Grid, build


def format_table(data: Any, *, title: str, color: bool, width: int = 80) -> str:
    """Render ``data`` as tables no wider than ``width``; ANSI styles only when ``color``."""
    if data == {}:
        return ""
    console = _console(color, width)
    console.print(Text(title, style="bold underline"))
    for grid in build(data, width=width, measure=cell_len):
        console.print()
        if grid.title:
            console.print(Text(grid.title, style="bold"))
        console.print(_table(grid))
        if grid.caption:
            console.print(Text(grid.caption, style="italic"))
    lines = console.file.getvalue().split("\n")
    return "\n".join(line.rstrip(" ") for line in lines)


def _console(color: bool, width: int) -> Console:
    # Every setting that Rich would otherwise read from the environment or the terminal is pinned,
    # so the same data always renders to the same string.
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


def _table(grid: Grid) -> Table:
    # Titles and captions are printed around the table, not by it: Rich would fold them to the
    # table's own width, which for a narrow table breaks a path like "Pools[0].Tags" into pieces.
    if grid.compact:  # columns apart by one space of padding and one of rule, no outer edge
        table = Table(box=box.SIMPLE_HEAD, show_header=True, header_style="bold", show_edge=False, pad_edge=False,
                      collapse_padding=True)  # fmt: skip
    else:
        table = Table(box=box.SQUARE, show_header=grid.headings is not None, header_style="bold")
    if grid.headings is not None:
        for heading, width in zip(grid.headings, grid.widths or [None] * len(grid.headings)):
            table.add_column(Text(heading), width=width, overflow="fold")
    else:
        count = max((len(row) for row in grid.rows), default=1)
        for index in range(count):
            keyed = count == 2 and index == 0
            table.add_column(style="bold" if keyed else None, overflow="fold")
    for row in grid.rows:
        table.add_row(*(Text(cell) for cell in row))
    return table
