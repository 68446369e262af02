"""Output renderers: ``render(data, output, ...)`` for ``--output json|text|table|yaml``.

Each format lives in its own module and is imported only when asked for, so importing this package
loads neither Rich nor PyYAML (startup time matters for ``--help`` and completion).
"""

from __future__ import annotations

FORMATS = ("json", "text", "table", "yaml")


def render(data: object, output: str, *, title: str, color: bool, width: int = 80) -> str:
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
