"""How an SMS body is encoded and cut into the parts a carrier bills: pure functions, no I/O.

Rules (docs/sms-encoding.md; the user guide's "SMS character limits"; GSM 03.38):

- GSM-7 when every character is in the basic table or the extension table, else UCS-2 for the
  whole message. A basic character is one septet; an extension character (form feed ^ { } \\ [ ] ~ | €)
  is two, ESC and the character, and the pair is never split.
- UCS-2 counts UTF-16 code units: a character outside the BMP (most emoji) is a surrogate pair, two
  units, never split.
- One part holds 160 septets or 70 units; a longer message is cut into parts of at most 153 septets
  or 67 units (the concatenation header takes the rest). Parts are filled greedily, so one may hold
  less than the maximum.
- A grapheme cluster (a flag, a ZWJ sequence, a letter with combining marks, an emoji with a skin
  tone) is moved whole to the next part when it would straddle a boundary, unless it is longer than
  a part: then it is cut where the part is full (never inside a surrogate pair). CR LF is two
  characters, and like the Twilio segment calculator they may be cut apart.
- The service sends at most 1530 septets (GSM-7) or 630 code units (UCS-2) in one message.
- The empty message is one part of zero units, as the calculators show it.

The common cases take a fast path (one regular-expression scan and slicing); the cluster rules are
consulted only at the cut points of a message that needs more than one part. Kept free of heavy
imports: the send path imports this module.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import namedtuple

GSM7 = "GSM-7"
UCS2 = "UCS-2"
ENCODINGS = ("auto", GSM7, UCS2)

# The 128 positions of the GSM 03.38 basic table, without ESC (0x1B), which a message cannot contain.
GSM_BASIC = (
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ"
    " !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§"
    "¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
# The extension table: each is sent as ESC + character, two septets.
GSM_EXTENSION = "\f^{}\\[]~|€"
GSM_CHARACTERS = frozenset(GSM_BASIC + GSM_EXTENSION)

SINGLE_PART_UNITS = {GSM7: 160, UCS2: 70}
MULTI_PART_UNITS = {GSM7: 153, UCS2: 67}
SERVICE_LIMIT_UNITS = {GSM7: 1530, UCS2: 630}
UNIT_NAMES = {GSM7: "septets", UCS2: "UTF-16 code units"}

_NON_BASIC = re.compile("[^" + re.escape(GSM_BASIC) + "]")
_NON_GSM = re.compile("[^" + re.escape(GSM_BASIC + GSM_EXTENSION) + "]")
_EXTENSION = re.compile("[" + re.escape(GSM_EXTENSION) + "]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")

Part = namedtuple("Part", "text units")


class EncodingError(ValueError):
    """GSM-7 was asked for a message that has characters outside the GSM 03.38 tables."""

    def __init__(self, characters: list[str]):
        self.characters = characters
        shown = ", ".join(describe_character(character) for character in characters)
        super().__init__(f"the message cannot be encoded in GSM-7: {shown} not in the GSM 03.38 character set")


class Segmentation:
    """The encoding and parts of one message. `units` are septets (GSM-7, an extension character
    counting two) or UTF-16 code units (UCS-2)."""

    __slots__ = ("text", "encoding", "characters", "units", "max_units_per_part", "parts", "non_gsm", "fits_service_limit")

    def __init__(self, text, encoding, units, max_units_per_part, parts, non_gsm, fits_service_limit):
        self.text = text
        self.encoding = encoding
        self.characters = len(text)
        self.units = units
        self.max_units_per_part = max_units_per_part
        self.parts = parts
        self.non_gsm = non_gsm
        self.fits_service_limit = fits_service_limit

    @property
    def message_parts(self) -> int:
        return len(self.parts)

    def to_dict(self) -> dict:
        """The JSON contract of `smscli parts --output json` (docs/sms-encoding.md)."""
        return {
            "Encoding": self.encoding,
            "MessageParts": len(self.parts),
            "Characters": self.characters,
            "Units": self.units,
            "MaxUnitsPerPart": self.max_units_per_part,
            "Parts": [{"Text": part.text, "Units": part.units} for part in self.parts],
            "NonGsmCharacters": self.non_gsm,
            "FitsServiceLimit": self.fits_service_limit,
        }

    def __repr__(self) -> str:
        return f"Segmentation({self.encoding}, {self.units} units, {[part.units for part in self.parts]})"


def to_json(segmentation: Segmentation) -> dict:
    return segmentation.to_dict()


def is_gsm(text: str) -> bool:
    return _NON_GSM.search(text) is None


def non_gsm_characters(text: str) -> list[str]:
    """The distinct characters outside the GSM 03.38 tables, in order of appearance."""
    return list(dict.fromkeys(_NON_GSM.findall(text)))


def segment(text: str, encoding: str = "auto") -> Segmentation:
    """Encode `text` ("auto" picks GSM-7 when it can) and cut it into parts.

    Raises EncodingError when GSM-7 is forced on a message that needs UCS-2, ValueError for an
    unknown encoding name."""
    odd = _NON_BASIC.search(text)  # None in the common case: one scan tells GSM-7 without escapes
    at = 0 if odd is None else odd.start()
    first_non_gsm = None if odd is None else _NON_GSM.search(text, at)
    if encoding == "auto":
        encoding = GSM7 if first_non_gsm is None else UCS2
    elif encoding == GSM7:
        if first_non_gsm is not None:
            raise EncodingError(non_gsm_characters(text))
    elif encoding != UCS2:
        raise ValueError(f"unknown encoding {encoding!r}: expected one of {', '.join(ENCODINGS)}")
    non_gsm = [] if first_non_gsm is None else list(dict.fromkeys(_NON_GSM.findall(text, first_non_gsm.start())))
    pattern = _EXTENSION if encoding == GSM7 else _ASTRAL  # the characters that take two units (none is basic)
    heavy = None if odd is None else pattern.search(text, at)
    if heavy is None:  # the common case: one unit per character
        size = units = len(text)
        doubles = None
    else:
        doubles = [match.start() for match in pattern.finditer(text, heavy.start())]
        size = len(text)
        units = size + len(doubles)
    if units <= SINGLE_PART_UNITS[encoding]:
        return Segmentation(text, encoding, units, SINGLE_PART_UNITS[encoding], [Part(text, units)], non_gsm, True)
    limit = MULTI_PART_UNITS[encoding]
    if doubles is None and (encoding == GSM7 or all(_is_boundary(text, cut) for cut in range(limit, size, limit))):
        # One unit per character and no cluster cut: fixed-size slices.
        parts = [Part(text[start : start + limit], limit) for start in range(0, size - limit, limit)]
        last = (size - 1) // limit * limit
        parts.append(Part(text[last:], size - last))
    else:
        parts = _split(text, doubles or [], limit, clusters=encoding == UCS2)
    return Segmentation(text, encoding, units, limit, parts, non_gsm, units <= SERVICE_LIMIT_UNITS[encoding])


def is_basic(text: str) -> bool:
    """Whether every character is in the GSM-7 basic table: GSM-7, one septet a character."""
    return _NON_BASIC.search(text) is None


def measure(text: str) -> tuple[str, int, int]:
    """(encoding, units, message parts) of segment(text) ("auto"), without building the parts when
    the message is GSM-7 without escape pairs (one septet a character, fixed-size parts)."""
    if is_basic(text):
        size = len(text)
        return GSM7, size, 1 if size <= 160 else -(-size // 153)
    result = segment(text)
    return result.encoding, result.units, len(result.parts)


def _split(text: str, doubles: list[int], limit: int, clusters: bool) -> list:
    """Greedy parts of at most `limit` units; `doubles` are the sorted indices of two-unit characters.
    (A two-unit character is one Python code point, so an ESC pair or a surrogate pair can never be
    cut: it either fits in the part or starts the next one.)"""
    parts = []
    size = len(text)
    start = 0
    first = 0  # index in doubles of the first one at or after start
    while start < size:
        end = start + limit if start + limit < size else size
        heavy = bisect_left(doubles, end, first) - first if doubles else 0
        while end - start + heavy > limit:
            end -= 1
            if heavy and doubles[first + heavy - 1] == end:
                heavy -= 1
        if clusters and end < size and not _is_boundary(text, end):
            cut = end - 1
            while cut > start and not _is_boundary(text, cut):
                cut -= 1
            if cut > start and _fits(text, doubles, cut, end, limit):  # else it is cut between code points
                end = cut
                heavy = bisect_left(doubles, end, first) - first if doubles else 0
        parts.append(Part(text[start:end], end - start + heavy))
        first += heavy
        start = end
    return parts


def _fits(text: str, doubles: list[int], cluster: int, inside: int, limit: int) -> bool:
    """Whether the cluster that starts at `cluster` and goes on past `inside` fits in one part: one
    that does not is cut at the part boundary where it falls, not moved to make one more part."""
    size = len(text)
    end = inside + 1
    while end < size and not _is_boundary(text, end):
        end += 1
    units = end - cluster + (bisect_left(doubles, end) - bisect_left(doubles, cluster) if doubles else 0)
    return units <= limit


# ---------------------------------------------------------------------------------------------
# Grapheme cluster boundaries (UAX #29, the rules that matter in text messages)

_ZWJ = "\u200d"


def _is_boundary(text: str, index: int) -> bool:
    """Whether a user-perceived character may end between text[index - 1] and text[index]."""
    before, after = text[index - 1], text[index]
    if before < "\u0300" and after < "\u0300":  # Latin letters, digits, punctuation, CR LF (split as calculators do)
        return True
    if _is_extend(after):  # GB9, GB9a: combining marks, ZWJ, variation selectors, skin tones, tags
        return False
    if before == _ZWJ and _is_pictographic(after):  # GB11: emoji ZWJ sequences
        return False
    if _is_regional(before) and _is_regional(after):  # GB12, GB13: flags are pairs of indicators
        count = 0
        position = index - 1
        while position >= 0 and _is_regional(text[position]):
            count += 1
            position -= 1
        return count % 2 == 0
    return _hangul_boundary(before, after)


def _is_extend(character: str) -> bool:
    code = ord(character)
    if code in (0x200C, 0x200D) or 0x1F3FB <= code <= 0x1F3FF or 0xE0020 <= code <= 0xE007F:
        return True
    if code < 0x300:
        return False
    import unicodedata

    return unicodedata.category(character) in ("Mn", "Me", "Mc")


def _is_pictographic(character: str) -> bool:
    code = ord(character)
    if code >= 0x1F000:
        return True
    import unicodedata

    return unicodedata.category(character) == "So"


def _is_regional(character: str) -> bool:
    return "\U0001f1e6" <= character <= "\U0001f1ff"


def _hangul_kind(character: str) -> str:
    code = ord(character)
    if 0x1100 <= code <= 0x115F or 0xA960 <= code <= 0xA97C:
        return "L"
    if 0x1160 <= code <= 0x11A7 or 0xD7B0 <= code <= 0xD7C6:
        return "V"
    if 0x11A8 <= code <= 0x11FF or 0xD7CB <= code <= 0xD7FB:
        return "T"
    if 0xAC00 <= code <= 0xD7A3:
        return "LV" if (code - 0xAC00) % 28 == 0 else "LVT"
    return ""


def _hangul_boundary(before: str, after: str) -> bool:
    first, second = _hangul_kind(before), _hangul_kind(after)
    if not first or not second:
        return True
    if first == "L":  # GB6
        return second not in ("L", "V", "LV", "LVT")
    if first in ("LV", "V"):  # GB7
        return second not in ("V", "T")
    return second != "T"  # GB8: LVT and T


def describe_character(character: str) -> str:
    """A character as people can read it in an error or a table: 'ç' (U+00E7), U+0009."""
    code = f"U+{ord(character):04X}"
    if character.isprintable() and not character.isspace():
        return f"'{character}' ({code})"
    return code
