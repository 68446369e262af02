"""Which country a phone number belongs to, from its dialing-code prefix.

The prefixes come from the dialing codes of the user guide's country table (countries.py): "44",
"1-268" (the North American plan: +1 and an area code), sometimes several per country. The longest
prefix a number starts with wins. Rules where the table alone is ambiguous:
- +1 (NANP) is the United States unless the area code is one of a `1-xxx` country of the table or
  one of Canada's area codes (listed below); US territories missing from the table stay US;
- +7 is Russia except +76 and +77 (Kazakhstan); +262 is Réunion except +262 269 and +262 639 (Mayotte).
A value that is not E.164 (`+`, a non-zero digit, at most 15 digits) or whose prefix is unknown has no country.
"""

from __future__ import annotations

import re
from functools import cache

_E164 = re.compile(r"\+[1-9][0-9]{1,14}")

# Area codes of Canada in the North American Numbering Plan (CNAC list, incl. overlays).
CANADIAN_AREA_CODES = (
    "204", "226", "236", "249", "250", "257", "263", "289", "306", "343", "354", "365", "367", "368", "382", "387",
    "403", "416", "418", "428", "431", "437", "438", "450", "460", "468", "474", "506", "514", "519", "548", "579",
    "581", "584", "587", "600", "604", "613", "622", "639", "647", "672", "683", "705", "709", "742", "753", "778",
    "780", "782", "807", "819", "825", "867", "873", "879", "902", "905", "942",
)  # fmt: skip
# Codes the table gives to two countries: the one the bare code means, and the longer prefixes of the other.
_SHARED_CODES = {"1": "US", "7": "RU", "262": "RE"}
_EXTRA_PREFIXES = {"76": "KZ", "77": "KZ", "262269": "YT", "262639": "YT"}


@cache
def _prefixes() -> dict[str, str]:
    from smscli.service.countries import countries

    found: dict[str, str] = {}
    for place in countries().values():
        for code in place.dialing_codes:
            digits = code.replace("-", "")
            if digits in _SHARED_CODES:
                found[digits] = _SHARED_CODES[digits]
            else:
                found.setdefault(digits, place.iso)
    for area in CANADIAN_AREA_CODES:
        found.setdefault("1" + area, "CA")
    found.update(_EXTRA_PREFIXES)
    return found


@cache
def _longest() -> int:
    return max(len(prefix) for prefix in _prefixes())


def is_e164(value: str) -> bool:
    return bool(_E164.fullmatch(value or ""))


def dialing_prefix(e164: str) -> str | None:
    """The longest known prefix (digits, without `+`) the number starts with, or None."""
    if not is_e164(e164):
        return None
    digits = e164[1:]
    prefixes = _prefixes()
    for length in range(min(_longest(), len(digits)), 0, -1):
        if digits[:length] in prefixes:
            return digits[:length]
    return None


def destination_country(e164: str) -> str | None:
    """The ISO code of the country of an E.164 number ("+12065550142" -> "US"), or None."""
    prefix = dialing_prefix(e164)
    return _prefixes()[prefix] if prefix is not None else None


def dialing_country_code(e164: str) -> str | None:
    """The country calling code of a number (1-3 digits: "1" for all of NANP, "44" for Jersey too)."""
    prefix = dialing_prefix(e164)
    if prefix is None:
        return None
    if prefix.startswith("1"):
        return "1"
    for length in (1, 2, 3):
        if prefix[:length] in _prefixes():
            return prefix[:length]
    return prefix[:3]
