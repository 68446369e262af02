"""Smart replacements: look-alike characters that silently turn a message into UCS-2, and the
GSM-7 characters that can stand in for them (the user guide's advice: an apostrophe for ’, (R) for ®).

Only punctuation, spaces and symbols with an obvious plain form are replaced; letters are never
changed (ç stays ç: a different letter is not a look-alike). Pure functions, no I/O.
"""

from __future__ import annotations

import re

_SINGLE_QUOTE = "'"
_DOUBLE_QUOTE = '"'

# character -> replacement ("" removes it). Each replacement is made of GSM 03.38 characters.
REPLACEMENTS = {
    # quotes and apostrophes (word processors put these in)
    "\u2018": _SINGLE_QUOTE, "\u2019": _SINGLE_QUOTE, "\u201a": _SINGLE_QUOTE, "\u201b": _SINGLE_QUOTE,
    "\u2032": _SINGLE_QUOTE, "\u2035": _SINGLE_QUOTE, "\u02bc": _SINGLE_QUOTE, "\u00b4": _SINGLE_QUOTE,
    "`": _SINGLE_QUOTE, "\u2039": "<", "\u203a": ">",
    "\u201c": _DOUBLE_QUOTE, "\u201d": _DOUBLE_QUOTE, "\u201e": _DOUBLE_QUOTE, "\u201f": _DOUBLE_QUOTE,
    "\u2033": _DOUBLE_QUOTE, "\u2036": _DOUBLE_QUOTE, "\u00ab": _DOUBLE_QUOTE, "\u00bb": _DOUBLE_QUOTE,
    # dashes, hyphens, minus
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\u2043": "-",
    # spaces (no-break, thin, ideographic, ...) and tab; invisible characters are removed
    "\u00a0": " ", "\u2000": " ", "\u2001": " ", "\u2002": " ", "\u2003": " ", "\u2004": " ",
    "\u2005": " ", "\u2006": " ", "\u2007": " ", "\u2008": " ", "\u2009": " ", "\u200a": " ",
    "\u202f": " ", "\u205f": " ", "\u3000": " ", "\t": " ",
    "\u200b": "", "\u2060": "", "\ufeff": "", "\u00ad": "",
    # line and paragraph separators
    "\u2028": "\n", "\u2029": "\n",
    # ellipsis, bullets, symbols
    "\u2026": "...", "\u2022": "-", "\u00b7": ".", "\u2024": ".",
    "\u2122": "(TM)", "\u00ae": "(R)", "\u00a9": "(C)",
    "\u00d7": "x", "\u00f7": "/", "\u2044": "/", "\u2215": "/",
    "\u00bc": "1/4", "\u00bd": "1/2", "\u00be": "3/4",
}  # fmt: skip
# Fullwidth forms of ASCII (U+FF01..U+FF5E) stand for the ASCII characters.
for _code in range(0xFF01, 0xFF5F):
    REPLACEMENTS.setdefault(chr(_code), chr(_code - 0xFEE0))
del _code
REPLACEMENTS["\uff40"] = _SINGLE_QUOTE  # fullwidth grave accent

_REPLACEABLE = re.compile("[" + re.escape("".join(REPLACEMENTS)) + "]")


def is_replaceable(character: str) -> bool:
    return character in REPLACEMENTS


def apply(text: str) -> tuple[str, list[dict]]:
    """(the text with every replaceable character replaced, what was replaced): one entry per
    distinct character, in order of first appearance, {"Character", "Replacement", "Count"}."""
    found = _REPLACEABLE.findall(text)
    if not found:
        return text, []
    counts: dict[str, int] = {}
    for character in found:
        counts[character] = counts.get(character, 0) + 1
    replaced = text
    for character in counts:  # a replacement is made of GSM characters: no replacement is replaced again
        replaced = replaced.replace(character, REPLACEMENTS[character])
    return replaced, [
        {"Character": character, "Replacement": REPLACEMENTS[character], "Count": count} for character, count in counts.items()
    ]
