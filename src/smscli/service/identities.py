"""Finding origination identities (phone numbers, sender IDs) and pools from what a request names,
and the settings numbers and pools share (opt-out list, two-way, self-managed opt-outs).

Collections: `phone_numbers` keyed by PhoneNumberId, `pools` by PoolId, `sender_ids` by
"SenderId/IsoCountryCode" (the pair is a sender ID's identity, as in its ARN). A pool keeps its
members in order as `members`: [{"kind": "phone-number" | "sender-id", "key": ...}].
"""

from __future__ import annotations

from smscli.service import arns
from smscli.service.countries import country, place_name
from smscli.service.errors import ValidationException, not_found
from smscli.service.optout import find_list
from smscli.service.region import Region

NUMBERS = "phone_numbers"
POOLS = "pools"
SENDER_IDS = "sender_ids"
PHONE_NUMBER, SENDER_ID, POOL = "phone-number", "sender-id", "pool"


def sender_key(sender_id: str, iso: str) -> str:
    return f"{sender_id}/{iso}"


def find_number(region: Region, value: str, member: str) -> dict:
    number_id = arns.resolve(region, value, PHONE_NUMBER, member)
    record = region.collection(NUMBERS).get(number_id)
    if record is None:
        raise not_found(PHONE_NUMBER, value)
    return record


def find_pool(region: Region, value: str, member: str) -> dict:
    pool_id = arns.resolve(region, value, POOL, member)
    record = region.collection(POOLS).get(pool_id)
    if record is None:
        raise not_found(POOL, value)
    return record


def find_sender_id(region: Region, value: str, iso: str, member: str) -> dict:
    """A sender ID named bare (with the country given beside it) or by ARN (which holds the country,
    and must agree with the one given)."""
    if value.startswith("arn:"):
        sender_id, _, arn_iso = arns.resolve(region, value, SENDER_ID, member).partition("/")
        if iso and arn_iso != iso:
            raise country_mismatch(iso, arn_iso)
        iso = arn_iso
    else:
        sender_id = value
    record = region.collection(SENDER_IDS).get(sender_key(sender_id, iso))
    if record is None:
        raise not_found(SENDER_ID, value)
    return record


def find_number_or_sender_id(region: Region, value: str, iso: str, member: str) -> tuple[str, dict]:
    """What "a PhoneNumberId, PhoneNumberArn, SenderId or SenderIdArn" names."""
    arn = arns.check_arn(region, value, member) if value.startswith("arn:") else None
    if arn is not None and arn.resource_type not in (PHONE_NUMBER, SENDER_ID):
        raise arns.invalid_arn(value, member, f"expected a phone-number or sender-id ARN, got a {arn.resource_type} ARN")
    if (arn is not None and arn.resource_type == PHONE_NUMBER) or (arn is None and value in region.collection(NUMBERS)):
        return PHONE_NUMBER, find_number(region, value, member)
    if arn is None and value.startswith("phone-"):
        raise not_found(PHONE_NUMBER, value)
    return SENDER_ID, find_sender_id(region, value, iso, member)


def find_number_or_pool(region: Region, value: str, member: str) -> tuple[str, dict]:
    """What "a PhoneNumberId, PhoneNumberArn, PoolId or PoolArn" names (where keywords live)."""
    arn = arns.check_arn(region, value, member) if value.startswith("arn:") else None
    if arn is not None and arn.resource_type not in (PHONE_NUMBER, POOL):
        raise arns.invalid_arn(value, member, f"expected a phone-number or pool ARN, got a {arn.resource_type} ARN")
    if (arn is not None and arn.resource_type == POOL) or (arn is None and value.startswith("pool-")):
        return POOL, find_pool(region, value, member)
    return PHONE_NUMBER, find_number(region, value, member)


def country_mismatch(given: str, actual: str) -> ValidationException:
    message = f"The IsoCountryCode {given} does not match the origination identity's country {actual}."
    return ValidationException(message, reason="COUNTRY_CODE_MISMATCH", fields=[{"Name": "IsoCountryCode", "Message": message}])


def identity_arn(kind: str, record: dict) -> str:
    return record["PhoneNumberArn"] if kind == PHONE_NUMBER else record["SenderIdArn"]


def identity_id(kind: str, record: dict) -> str:
    return record["PhoneNumberId"] if kind == PHONE_NUMBER else record["SenderId"]


def identity_key(kind: str, record: dict) -> str:
    return record["PhoneNumberId"] if kind == PHONE_NUMBER else sender_key(record["SenderId"], record["IsoCountryCode"])


def pools_holding(region: Region, kind: str, key: str) -> list[dict]:
    return [pool for pool in region.collection(POOLS).values() if {"kind": kind, "key": key} in pool["members"]]


# ---------------------------------------------------------------------------------------------
# Settings that phone numbers and pools share (UpdatePhoneNumber, UpdatePool)

_SHARED_FLAGS = ("TwoWayEnabled", "SelfManagedOptOutsEnabled", "DeletionProtectionEnabled")


def apply_settings(region: Region, record: dict, request: dict, countries: list[str], extra_flags: tuple[str, ...]) -> None:
    """Apply the members an update gives (others stay as they are), with the service's rules:
    the opt-out list must exist; two-way needs a channel and a country that supports it;
    self-managed opt-outs need two-way."""
    changes = {}
    if request.get("OptOutListName") is not None:
        changes["OptOutListName"] = find_list(region, request["OptOutListName"])["OptOutListName"]
    for member in ("TwoWayChannelArn", "TwoWayChannelRole", *_SHARED_FLAGS, *extra_flags):
        if request.get(member) is not None:
            changes[member] = request[member]
    result = {**record, **changes}
    if changes.get("TwoWayEnabled"):
        check_two_way(result, countries)
    if result.get("SelfManagedOptOutsEnabled") and not result.get("TwoWayEnabled"):
        message = "Self-managed opt-outs need two-way messaging: enable two-way SMS first."
        raise ValidationException(
            message, reason="TWO_WAY_NOT_ENABLED", fields=[{"Name": "SelfManagedOptOutsEnabled", "Message": message}]
        )
    record.update(changes)


def check_two_way(settings: dict, countries: list[str]) -> None:
    if not settings.get("TwoWayChannelArn"):
        message = "Two-way messaging needs a TwoWayChannelArn (an SNS topic ARN or connect.<region>.amazonaws.com)."
        raise ValidationException(
            message, reason="TWO_WAY_CHANNEL_NOT_PRESENT", fields=[{"Name": "TwoWayChannelArn", "Message": message}]
        )
    for iso in countries:
        place = country(iso)
        if place is None or not place.two_way:
            message = f"Two-way SMS is not supported in {place_name(iso)}."
            raise ValidationException(
                message, reason="TWO_WAY_NOT_SUPPORTED_IN_COUNTRY", fields=[{"Name": "TwoWayEnabled", "Message": message}]
            )
