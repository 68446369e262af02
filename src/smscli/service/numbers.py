"""Phone numbers: RequestPhoneNumber, UpdatePhoneNumber, ReleasePhoneNumber, DescribePhoneNumbers.

Rules (API reference, user guide and its country table):
- number types by country: TOLL_FREE, TEN_DLC and SIMULATOR only in the US (a SIMULATOR number
  sends TRANSACTIONAL messages only); LONG_CODE where the country table has SMS long codes (not the
  US and its territories, whose local long codes can't send A2P SMS) or, for VOICE, where local voice
  numbers can be leased directly; MMS only in the US and Canada; SHORT_CODE is never requestable
  (the request shape already refuses it);
- capabilities are fixed at purchase; a new number uses the Default opt-out list unless one is given,
  has two-way and self-managed opt-outs off, gets the default keywords of its country and type
  (keywords.py: a toll-free number has HELP and STOP only), and may join a pool (`--pool-id`), taking
  the pool's configuration; one that would not match the pool is refused with an error that names
  the pool and what differs (the number is never created);
- a number in a pool can't be updated or released (its shared settings are changed on the pool);
  deletion protection blocks release; a 10DLC number can be released only when ACTIVE. A pooled
  number is refused as pooled first, with advice in the order it can be followed (out of the pool,
  then deletion protection off), since UpdatePhoneNumber refuses a pooled number too;
- 25 phone numbers per account.

Statuses: RequestPhoneNumber answers PENDING; the simulation provisions at once, so a stored number
is ACTIVE, except TEN_DLC and TOLL_FREE numbers, which stay PENDING until a registration completes.
ReleasePhoneNumber answers DELETED and the number is gone. Numbers are fictional (the US and Canada
use the 555-01XX numbers reserved for fiction) and never reused.
"""

from __future__ import annotations

import zlib

from smscli import spec
from smscli.service import account, describe, filters
from smscli.service.countries import US_AND_TERRITORIES, country, place_name
from smscli.service.errors import ConflictException, ValidationException
from smscli.service.identities import (
    NUMBERS,
    PHONE_NUMBER,
    apply_settings,
    check_two_way_capability,
    find_number,
    find_pool,
    follow_pool,
)
from smscli.service.keywords import default_keywords
from smscli.service.optout import DEFAULT_LIST, find_list
from smscli.service.pools import add_member, check_new_number_fits
from smscli.service.region import Region
from smscli.service.tags import checked_tags

# Illustrative monthly leasing prices (USD), by number type.
MONTHLY_LEASING_PRICE = {"LONG_CODE": "1.00", "TOLL_FREE": "2.00", "TEN_DLC": "2.00", "SIMULATOR": "0.00"}
_NEEDS_REGISTRATION = ("TEN_DLC", "TOLL_FREE")
_OWN_SETTINGS = ("DeletionProtectionEnabled", "InternationalSendingEnabled")  # a pooled number's own (not the pool's)
_US_AREA_CODES = ("206", "425", "253", "360", "509", "212", "646", "312", "415", "512", "617", "303", "404", "702", "971")
_CA_AREA_CODES = ("416", "604", "514", "403", "613", "902")
_TOLL_FREE_PREFIXES = ("833", "844", "855", "866", "877", "888")
# National significant number lengths where they are not 9 digits.
_NATIONAL_LENGTH = {
    "49": 11, "39": 10, "43": 10, "30": 10, "81": 10, "52": 10, "55": 11, "91": 10, "86": 11, "7": 10, "62": 10,
    "63": 10, "92": 10, "234": 10, "57": 10, "54": 10, "47": 8, "45": 8, "65": 8, "852": 8, "372": 8, "371": 8,
    "370": 8, "356": 8,
}  # fmt: skip
_SERIALS = "number_serials"


def _invalid(member: str, message: str, reason: str = "INVALID_PARAMETER") -> ValidationException:
    return ValidationException(message, reason=reason, fields=[{"Name": member, "Message": message}])


def check_available(iso: str, number_type: str, capabilities: list[str], message_type: str) -> None:
    """Refuse a number the service could not provide in this country."""
    place = country(iso)
    if place is None:
        raise _invalid("IsoCountryCode", f"{iso} is not a country or region where phone numbers can be requested.")
    if len(set(capabilities)) != len(capabilities):
        raise _invalid("NumberCapabilities", "Each capability can be given once.")
    if number_type in ("TOLL_FREE", "TEN_DLC", "SIMULATOR") and iso != "US":
        raise _invalid("NumberType", f"{number_type} numbers are available in the United States only, not in {place_name(iso)}.")
    if number_type == "SIMULATOR" and message_type != "TRANSACTIONAL":
        raise _invalid("MessageType", "A SIMULATOR phone number must have the message type TRANSACTIONAL.")
    texts = {"SMS", "MMS"} & set(capabilities)
    if number_type == "LONG_CODE" and texts:
        if iso in US_AND_TERRITORIES:
            raise _invalid("NumberType", f"Long codes of {place_name(iso)} can't send SMS; request a TEN_DLC or TOLL_FREE number.")
        if place.long_codes == "no":
            raise _invalid("NumberType", f"SMS long codes are not available in {place_name(iso)}.")
    if number_type == "LONG_CODE" and "VOICE" in capabilities and place.voice_long_codes != "yes":
        why = "need a local address and an AWS Support case" if place.voice_long_codes == "address" else "are not available"
        raise _invalid("NumberCapabilities", f"Voice long codes in {place_name(iso)} {why}.", "VOICE_CAPABILITY_NOT_AVAILABLE")
    if "MMS" in capabilities and iso not in ("US", "CA"):
        raise _invalid("NumberCapabilities", f"MMS is available in the United States and Canada only, not in {place_name(iso)}.")


def _next_serial(region: Region, series: str) -> int:
    serials = region.collection(_SERIALS).setdefault(series, {"next": 0})
    serial = serials["next"]
    serials["next"] = serial + 1
    return serial


def _new_phone_number(region: Region, iso: str, number_type: str) -> str:
    """A fictional E.164 number, unique in the account and Region (never reused, even after release)."""
    place = country(iso)
    dialing = place.dialing_codes[0]
    # Start each account and Region at a different place so that numbers differ between them too.
    offset = zlib.crc32(f"{region.account_id}/{region.name}".encode())
    if number_type == "TOLL_FREE":
        serial = _next_serial(region, "US/TOLL_FREE") + offset
        return f"+1{_TOLL_FREE_PREFIXES[serial // 100 % len(_TOLL_FREE_PREFIXES)]}55501{serial % 100:02d}"
    serial = _next_serial(region, f"{iso}/local") + offset
    if dialing.startswith("1"):  # the North American plan: +1 area code, 555-01XX (reserved for fiction)
        areas = _US_AREA_CODES if iso == "US" else _CA_AREA_CODES if iso == "CA" else (dialing.split("-")[1],)
        return f"+1{areas[serial // 100 % len(areas)]}55501{serial % 100:02d}"
    if iso == "GB":
        return f"+447700900{serial % 1000:03d}"  # Ofcom's range for drama
    code, _, area = dialing.partition("-")
    length = _NATIONAL_LENGTH.get(code, 9) - len(area)
    return f"+{code}{area}7{serial % 10 ** (length - 1):0{length - 1}d}"


def request_phone_number(region: Region, request: dict) -> dict:
    iso, number_type = request["IsoCountryCode"], request["NumberType"]
    check_available(iso, number_type, request["NumberCapabilities"], request["MessageType"])
    opt_out_list = find_list(region, request["OptOutListName"])["OptOutListName"] if request.get("OptOutListName") else None
    pool = find_pool(region, request["PoolId"], "PoolId") if request.get("PoolId") else None
    tags = checked_tags(request.get("Tags"))
    numbers = region.collection(NUMBERS)
    account.check_account_limit(region, "PHONE_NUMBERS", "phone numbers")
    number_id = region.new_id("phone")
    number = {
        "PhoneNumberArn": region.arn(f"phone-number/{number_id}"),
        "PhoneNumberId": number_id,
        "PhoneNumber": _new_phone_number(region, iso, number_type),
        "Status": "PENDING" if number_type in _NEEDS_REGISTRATION else "ACTIVE",
        "IsoCountryCode": iso,
        "MessageType": request["MessageType"],
        "NumberCapabilities": list(request["NumberCapabilities"]),
        "NumberType": number_type,
        "MonthlyLeasingPrice": MONTHLY_LEASING_PRICE[number_type],
        "TwoWayEnabled": False,
        "SelfManagedOptOutsEnabled": False,
        "OptOutListName": opt_out_list or DEFAULT_LIST,
        "InternationalSendingEnabled": bool(request.get("InternationalSendingEnabled")),
        "DeletionProtectionEnabled": bool(request.get("DeletionProtectionEnabled")),
        "CreatedTimestamp": region.now(),
        "Tags": tags,
        "keywords": default_keywords(iso, number_type),
    }
    if pool is not None:
        follow_pool(number, pool)  # a new number joining a pool takes the pool's settings ...
        number["OptOutListName"] = opt_out_list or pool["OptOutListName"]  # ... a list given explicitly must match
        check_new_number_fits(region, pool, number)
        add_member(pool, PHONE_NUMBER, number)
    if request.get("RegistrationId"):  # the new number is associated with it (registration_associations.py's rules)
        from smscli.service.registration_associations import join_new_number

        join_new_number(region, request["RegistrationId"], number)
    numbers[number_id] = number
    return {**number, "Status": "PENDING"}


def _pooled(number: dict, what: str, advice: str) -> ConflictException:
    return ConflictException(
        f"The phone number {number['PhoneNumberId']} is in the pool {number['PoolId']} and {what}; {advice}.",
        reason="PHONE_NUMBER_ASSOCIATED_TO_POOL",
        resource_type=PHONE_NUMBER,
        resource_id=number["PhoneNumberId"],
    )


def _out_of_the_pool(region: Region, number: dict) -> str:
    """How to take a number out of its pool: disassociate it, or, the last member, delete the pool."""
    pool = region.collection("pools").get(number["PoolId"], {})
    if len(pool.get("members", ())) <= 1:
        return f"delete the pool {number['PoolId']} first (DeletePool; the number is its last origination identity)"
    return "take it out of the pool first (DisassociateOriginationIdentity)"


def update_phone_number(region: Region, request: dict) -> dict:
    number = find_number(region, request["PhoneNumberId"], "PhoneNumberId")
    if number.get("PoolId"):
        own = [member for member in _OWN_SETTINGS if request.get(member) is not None]
        if own:
            raise _pooled(number, "can't be updated", f"to change its {own[0]}, {_out_of_the_pool(region, number)}")
        raise _pooled(number, "follows the pool's configuration", "change it on the pool (UpdatePool)")
    if request.get("TwoWayEnabled"):
        check_two_way_capability(number)
    apply_settings(region, number, request, [number["IsoCountryCode"]], ("InternationalSendingEnabled",))
    return number


def release_phone_number(region: Region, request: dict) -> dict:
    number = find_number(region, request["PhoneNumberId"], "PhoneNumberId")
    if number.get("PoolId"):
        advice = _out_of_the_pool(region, number)
        if number["DeletionProtectionEnabled"]:
            advice += ", then turn off its deletion protection (UpdatePhoneNumber)"
        raise _pooled(number, "can't be released", advice)
    if number["DeletionProtectionEnabled"]:
        raise ConflictException(
            f"The phone number {number['PhoneNumberId']} has deletion protection enabled; turn it off first (UpdatePhoneNumber).",
            reason="DELETION_PROTECTION_ENABLED",
            resource_type=PHONE_NUMBER,
            resource_id=number["PhoneNumberId"],
        )
    if number["NumberType"] == "TEN_DLC" and number["Status"] != "ACTIVE":
        raise _invalid("PhoneNumberId", "A 10DLC phone number can be released only when it is ACTIVE.",
                       "PHONE_NUMBER_CANNOT_BE_RELEASED")  # fmt: skip
    del region.collection(NUMBERS)[number["PhoneNumberId"]]
    return {**number, "Status": "DELETED"}


def _number_filters() -> dict:
    def enum(shape: str) -> tuple:
        return tuple(spec.shape(shape)["enum"])

    return {
        "status": filters.equals("Status", enum("NumberStatus")),
        "iso-country-code": filters.equals("IsoCountryCode"),
        "message-type": filters.equals("MessageType", enum("MessageType")),
        "number-capability": filters.contains("NumberCapabilities", enum("NumberCapability")),
        "number-type": filters.equals("NumberType", enum("NumberType")),
        "two-way-enabled": filters.boolean("TwoWayEnabled"),
        "self-managed-opt-outs-enabled": filters.boolean("SelfManagedOptOutsEnabled"),
        "opt-out-list-name": filters.equals("OptOutListName"),
        "deletion-protection-enabled": filters.boolean("DeletionProtectionEnabled"),
        "two-way-channel-arn": filters.equals("TwoWayChannelArn"),
    }


def describe_phone_numbers(region: Region, request: dict) -> dict:
    page, token = describe.select(
        region.collection(NUMBERS).values(), request, "PhoneNumberIds",
        lambda value: find_number(region, value, "PhoneNumberIds"), _number_filters(),
    )  # fmt: skip
    return {"PhoneNumbers": page, "NextToken": token}


OPERATIONS = {
    "RequestPhoneNumber": request_phone_number,
    "UpdatePhoneNumber": update_phone_number,
    "ReleasePhoneNumber": release_phone_number,
    "DescribePhoneNumbers": describe_phone_numbers,
}
