"""CarrierLookup: what the service knows about a destination phone number, simulated deterministically.

Rules (API reference) and smscli's decisions:
- the input may carry formatting (spaces, parentheses, brackets, braces, hyphens, periods, commas);
  the request shape already refuses anything else (ValidationException, like the service);
  E164PhoneNumber is the number with the formatting removed, the digits as read; the output shape
  requires it and PhoneNumberType, so every answer has both, also where the digits are too few or too
  many for the output shape's pattern (a plus and 2 to 19 digits: "+1 ((" -> "+1"), which is INVALID;
- the reference lists no ResourceNotFoundException and describes INVALID as a type ("Avoid sending
  ... to INVALID phone numbers"): so a number that passes the input pattern is always answered, and a
  number that can't exist (more than 15 digits, an unknown dialing code, a North American number
  that is not 10 digits after +1 or whose area code or exchange starts with 0 or 1, or a national
  number shorter than 4 digits) is PhoneNumberType INVALID, with its country when the prefix is known
  and without carrier, MCC or MNC;
- the country is the longest known dialing-code prefix (phones.destination_country); destination
  simulator numbers are MOBILE in their own country (Jersey's share +44); North American toll-free
  numbers (8XX) are OTHER; UK numbers are MOBILE when the national number starts with 7, LANDLINE
  with 1, 2 or 3, else OTHER; elsewhere the type, carrier and MNC are derived from a checksum of the
  number (7 in 10 MOBILE, 2 in 10 LANDLINE, 1 in 10 OTHER), so a number always gets the same answer;
- MCC and MNC only for MOBILE numbers (the reference: "for mobile phone number types"); MCC is the
  country's real mobile country code where smscli knows it, else 001 (the ITU test network); carrier
  names are fictional; the reference's own example number, +1 (555) 555-5333, answers exactly as
  in the reference.
"""

from __future__ import annotations

import re
import zlib

from smscli.service.countries import country
from smscli.service.phones import destination_country, dialing_country_code
from smscli.service.region import Region
from smscli.service.simulators import simulator

_FORMATTING = re.compile(r"[(){}\[\]\s,.-]")
_NANP_TOLL_FREE = ("800", "833", "844", "855", "866", "877", "888")
MOBILE, LANDLINE, OTHER, INVALID = "MOBILE", "LANDLINE", "OTHER", "INVALID"
# Mobile country codes (ITU E.212) of some countries; others get 001, the test network.
_MCC = {
    "US": "310", "CA": "302", "PR": "330", "GB": "234", "JE": "234", "IE": "272", "FR": "208", "DE": "262",
    "ES": "214", "IT": "222", "NL": "204", "BE": "206", "LU": "270", "AT": "232", "CH": "228", "PT": "268",
    "DK": "238", "SE": "240", "NO": "242", "FI": "244", "EE": "248", "PL": "260", "CZ": "230", "HU": "216",
    "RO": "226", "AU": "505", "NZ": "530", "JP": "440", "KR": "450", "CN": "460", "HK": "454", "TW": "466",
    "SG": "525", "IN": "404", "BR": "724", "MX": "334", "CL": "730", "AR": "722", "CO": "732", "ZA": "655",
    "IL": "425", "AE": "424",
}  # fmt: skip
# The API reference's example, answered as the reference shows it.
_EXAMPLES = {
    "+15555555333": {"Carrier": "ExampleCorp Mobile", "Country": "United States", "IsoCountryCode": "US", "MCC": "111",
                     "MNC": "11", "DialingCountryCode": "1", "E164PhoneNumber": "+15555555333", "PhoneNumberType": "MOBILE"},
}  # fmt: skip
_CARRIERS = {
    MOBILE: ("ExampleCorp Mobile", "AnyCompany Wireless", "Example Telecom Mobile"),
    LANDLINE: ("ExampleCorp Fixed Line", "AnyCompany Telecom"),
    OTHER: ("ExampleCorp Voice Services",),
}


def sanitized(value: str) -> str:
    """The number without its formatting characters: "+1 (555) 555-5333" -> "+15555555333"."""
    return _FORMATTING.sub("", value)


def _impossible(e164: str, iso: str | None) -> bool:
    digits = e164[1:]
    if iso is None or len(digits) > 15:
        return True
    code = dialing_country_code(e164) or ""
    national = digits[len(code):]
    if code == "1":
        return len(national) != 10 or national[0] in "01" or national[3] in "01"
    return len(national) < 4


def _number_type(e164: str, iso: str, checksum: int) -> str:
    digits = e164[1:]
    if simulator(e164) is not None:
        return MOBILE
    if digits.startswith("1"):
        if digits[1:4] in _NANP_TOLL_FREE:
            return OTHER
    elif iso == "GB" and digits.startswith("44"):
        first = digits[2:3]
        return MOBILE if first == "7" else LANDLINE if first in "123" else OTHER
    draw = checksum % 10
    return MOBILE if draw < 7 else LANDLINE if draw < 9 else OTHER


def carrier_lookup(region: Region, request: dict) -> dict:
    e164 = sanitized(request["PhoneNumber"])
    if e164 in _EXAMPLES:
        return dict(_EXAMPLES[e164])
    target = simulator(e164)
    iso = target[0] if target else destination_country(e164)
    answer: dict = {"E164PhoneNumber": e164}
    if iso is not None:
        place = country(iso)
        answer.update(IsoCountryCode=iso, Country=place.name if place else iso, DialingCountryCode=dialing_country_code(e164))
    if _impossible(e164, iso):
        answer["PhoneNumberType"] = INVALID
        return answer
    checksum = zlib.crc32(e164.encode())
    number_type = _number_type(e164, iso, checksum)
    carriers = _CARRIERS[number_type]
    answer["Carrier"] = "Simulator Mobile" if target else carriers[(checksum // 10) % len(carriers)]
    answer["PhoneNumberType"] = number_type
    if number_type == MOBILE:
        answer["MCC"] = _MCC.get(iso, "001")
        answer["MNC"] = f"{(checksum // 100) % 90 + 10:02d}"
    return answer


OPERATIONS = {"CarrierLookup": carrier_lookup}
