"""Text that can always be written: every lone surrogate becomes the escape `\\udcff`.

A lone surrogate is what an undecodable byte of the command line becomes in Python (U+DC80..U+DCFF)
or what JSON's "\\ud800" gives; no encoding can write one, so a stream would raise. Escaped, it reads
as Python's own backslashreplace does on stderr, and in JSON output it is the standard escape that
decodes back to the same string. Used for everything smscli writes: output and error text.
"""

from __future__ import annotations

import re

_SURROGATE = re.compile(r"[\ud800-\udfff]")


def escape_surrogates(text: str) -> str:
    return _SURROGATE.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def write_text(stream, text: str) -> None:
    """Write `text` whatever the stream's encoding: lone surrogates escaped, and a character the
    encoding has no byte for (PYTHONIOENCODING=ascii, say) written as a backslash escape."""
    text = escape_surrogates(text)
    try:
        stream.write(text)
    except UnicodeEncodeError:
        encoding = getattr(stream, "encoding", None) or "utf-8"
        stream.write(text.encode(encoding, "backslashreplace").decode(encoding, "replace"))
