"""Illustrative prices (USD) for the simulated sends, per channel and destination country.

The sources give only examples (US and Canada voice $0.013 a minute; a sample SMS event priced
0.00581), so these figures are smscli's own, chosen to be plausible; they drive MaxPrice checks and
the monthly spend limits, not anybody's bill.
"""

from __future__ import annotations

import math

# Per SMS message part.
SMS_PER_PART = {"US": 0.00581, "CA": 0.00750, "GB": 0.03750, "DE": 0.07500, "FR": 0.06500, "IN": 0.00220, "AU": 0.04500}
SMS_DEFAULT = 0.05000
# Per MMS message.
MMS_PER_MESSAGE = {"US": 0.02000, "CA": 0.02000}
MMS_DEFAULT = 0.03000
# Per started minute of a voice call.
VOICE_PER_MINUTE = {"US": 0.01300, "CA": 0.01300, "GB": 0.04000}
VOICE_DEFAULT = 0.06000
# How fast text is spoken, for the length (and so the price) of a voice message.
SPOKEN_CHARACTERS_PER_SECOND = 15


def sms_part_price(iso: str) -> float:
    return SMS_PER_PART.get(iso, SMS_DEFAULT)


def mms_price(iso: str) -> float:
    return MMS_PER_MESSAGE.get(iso, MMS_DEFAULT)


def voice_minute_price(iso: str) -> float:
    return VOICE_PER_MINUTE.get(iso, VOICE_DEFAULT)


def voice_seconds(spoken_text: str) -> int:
    return max(1, math.ceil(len(spoken_text) / SPOKEN_CHARACTERS_PER_SECOND))


def voice_minutes(seconds: int) -> int:
    return max(1, math.ceil(seconds / 60))
