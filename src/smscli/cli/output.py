"""How a response reaches stdout: timestamps, --query, then the json/text/table/yaml renderer.

The format is --output, else SMSCLI_OUTPUT/AWS_DEFAULT_OUTPUT, else the profile's `output`, else a
table on a terminal and json when piped. Colour: --color on|off|auto (auto: a terminal, and
NO_COLOR unset). The text is written whatever stdout's encoding (render/escape.py): a lone surrogate
(from a --query literal, say) is printed as its \\uXXXX escape, never a crash.
"""

from __future__ import annotations

import os
import sys
from smscli import spec
from smscli.errors import UsageError


class OutputSettings:
    def __init__(self, format: str, color: bool, query, timestamps: str):
        self.format = format
        self.color = color
        self.query = query  # a compiled JMESPath expression, or None
        self.timestamps = timestamps  # "iso8601" or "wire"

    @classmethod
    def from_profile(cls, profile, query_text: str | None) -> "OutputSettings":
        terminal = sys.stdout.isatty()
        chosen = profile.get("output") or ("table" if terminal else "json")
        color_setting = profile.get("color")
        color = color_setting == "on" or (color_setting == "auto" and terminal and not os.environ.get("NO_COLOR"))
        return cls(chosen, color, compile_query(query_text), profile.get("cli_timestamp_format"))


def compile_query(text: str | None):
    if text is None:
        return None
    import jmespath
    from jmespath.exceptions import JMESPathError

    try:
        return jmespath.compile(text)
    except JMESPathError as error:
        raise UsageError(f"argument --query: Bad value for --query {text}: {error}") from None


def _search(query, data):
    """--query applied; an expression that fails on this response (a function given the wrong type, an
    unknown function) is a bad --query, as one that does not compile is."""
    from jmespath.exceptions import JMESPathError, JMESPathTypeError

    try:
        return query.search(data)
    except JMESPathTypeError as error:  # its text would hold the whole response
        raise UsageError(
            f"argument --query: In function {error.function_name}(), invalid type for value: {error.actual_type}, "
            f"expected one of: {error.expected_types}"
        ) from None
    except JMESPathError as error:
        raise UsageError(f"argument --query: {error}") from None


def write_output(
    response, op: str, settings: OutputSettings, *, timestamps: bool = True, paginated: bool = False
) -> None:
    data = response
    if timestamps and settings.timestamps != "wire":
        from smscli.render.timestamps import format_timestamps

        data = format_timestamps(data, spec.operation(op)["output"])
    resume_line = ""
    if settings.query is not None:
        data = _search(settings.query, data)
    elif paginated and settings.format == "text" and "NextToken" in data:
        # The AWS CLI prints the resume token of a cut-short text listing on a line of its own.
        data = {key: value for key, value in data.items() if key != "NextToken"}
        resume_line = f"NEXTTOKEN\t{response['NextToken']}\n"
    from smscli.render import render, table_width
    from smscli.render.escape import write_text

    write_text(sys.stdout, render(data, settings.format, title=op, color=settings.color, width=table_width()) + resume_line)
    sys.stdout.flush()
