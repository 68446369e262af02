"""Output renderers: ``render(data, output, ...)`` for ``--output json|text|table|yaml``.

Each format lives in its own module and is imported only when asked for, so importing this package
loads neither Rich nor PyYAML (startup time matters for ``--help`` and completion).

The width of a table (``table_width``): COLUMNS when it is set to a positive number, as the shell sets
it (so ``COLUMNS=200 smscli ... | less`` and a CI job can choose), else the width of the terminal that
stdout is, else 80 (piped into a file, ``less`` or a CI log without COLUMNS). This is
``shutil.get_terminal_size``'s rule, except that the terminal asked is the one stdout writes to.
"""

from __future__ import annotations

import os
import sys

FORMATS = ("json", "text", "table", "yaml")
DEFAULT_WIDTH = 80


def table_width(stream=None) -> int:
    """The columns a table may use on ``stream`` (stdout by default): COLUMNS, the terminal's, or 80."""
    columns = os.environ.get("COLUMNS", "")
    if columns.strip().isdigit() and int(columns) > 0:
        return int(columns)
    stream = sys.stdout if stream is None else stream
    try:
        if stream.isatty():
            size = os.get_terminal_size(stream.fileno()).columns
            if size > 0:
                return size
    except (AttributeError, ValueError, OSError):  # no file descriptor (a StringIO), or not a terminal
        pass
    return DEFAULT_WIDTH


def render(data: object, output: str, *, title: str, color: bool, width: int = DEFAULT_WIDTH) -> str:
    """Render a response dict in one of ``FORMATS``; ``title``/``color``/``width`` are for tables."""
    if output == "json":
        from .jsonout import format_json

        return format_json(data)
    if output == "text":
        from .textout import format_text

        return format_text(data)
    if output == "table":
        from .tableout import format_table

        return format_table(data, title=title, color=color, width=width)
    if output == "yaml":
        from .yamlout import format_yaml

        return format_yaml(data)
    raise ValueError(f"unknown output format {output!r}; expected one of: {', '.join(FORMATS)}")
