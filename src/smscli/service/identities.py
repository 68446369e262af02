"""Finding origination identities (phone numbers, sender IDs) and pools from what a request names,
and the settings numbers and pools share (opt-out list, two-way, self-managed opt-outs).

Collections: `phone_numbers` keyed by PhoneNumberId, `pools` by PoolId, `sender_ids` by
"SenderId/IsoCountryCode" (the pair is a sender ID's identity, as in its ARN). A pool keeps its
members in order as `members`: [{"kind": "phone-number" | "sender-id", "key": ...}].

Pool members follow their pool. The user guide: the configuration of every number added to a pool
"has to match the configuration of the first phone number" (001_d878c4bf3599ab7d.txt:3201-3204), and
"When you add a phone number or sender ID to a phone pool and you need make an update then you make
the change in the phone pool" (3235-3240). So the pool is where the shared configuration (POOL_SETTINGS
and the keywords) is changed, and every change is written through to each member phone number
(`members_follow`): DescribePhoneNumbers shows a member with its pool's opt-out list, and a member
taken out of the pool keeps what it had in it. Readers of a number's effective settings (sends,
inbound messages) still ask `settings_owner`, which answers the pool for a member.
"""

from __future__ import annotations

import copy

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


def simulators_only(region: Region, iso: str, capability: str) -> list[str]:
    """The ids of the account's ACTIVE phone numbers of `iso` with `capability` when every one of them is
    a SIMULATOR number (they reach only the destination simulators), else []: what a refusal to send
    to any other number should say."""
    numbers = [number for number in region.collection(NUMBERS).values() if number["IsoCountryCode"] == iso
               and number["Status"] == "ACTIVE" and capability in number["NumberCapabilities"]]  # fmt: skip
    if numbers and all(number["NumberType"] == "SIMULATOR" for number in numbers):
        return [number["PhoneNumberId"] for number in numbers]
    return []


def pools_holding(region: Region, kind: str, key: str) -> list[dict]:
    return [pool for pool in region.collection(POOLS).values() if {"kind": kind, "key": key} in pool["members"]]


# ---------------------------------------------------------------------------------------------
# Settings that phone numbers and pools share (UpdatePhoneNumber, UpdatePool)

_SHARED_FLAGS = ("TwoWayEnabled", "SelfManagedOptOutsEnabled", "DeletionProtectionEnabled")
# What a pool's member phone numbers share with it (besides the keywords), as the guide lists a pool's
# configuration: "keywords, message type, opt-out list, two-way configuration, and self-managed opt-out
# configuration" (001_d878c4bf3599ab7d.txt:3195-3197); a number's message type never changes.
POOL_SETTINGS = ("OptOutListName", "TwoWayEnabled", "TwoWayChannelArn", "TwoWayChannelRole", "SelfManagedOptOutsEnabled")


def settings_owner(region: Region, number: dict) -> dict:
    """Whose opt-out list, two-way configuration, self-managed opt-outs and keywords apply to a phone
    number: its pool's while it is in one, else its own."""
    pool = region.collection(POOLS).get(number.get("PoolId") or "")
    return pool if pool is not None else number


def member_numbers(region: Region, pool: dict) -> list[dict]:
    numbers = region.collection(NUMBERS)
    return [numbers[m["key"]] for m in pool["members"] if m["kind"] == PHONE_NUMBER and m["key"] in numbers]


def follow_pool(number: dict, pool: dict) -> None:
    """Give a member phone number its pool's shared settings and keywords."""
    for member in POOL_SETTINGS:
        if member in pool:
            number[member] = pool[member]
        else:
            number.pop(member, None)
    number["keywords"] = copy.deepcopy(pool["keywords"])


def members_follow(region: Region, pool: dict) -> None:
    """Write a pool's configuration through to every member phone number (after a change on the pool)."""
    for number in member_numbers(region, pool):
        follow_pool(number, pool)


def apply_settings(region: Region, record: dict, request: dict, countries: list[str], extra_flags: tuple[str, ...]) -> None:
    """Apply the members an update gives (others stay as they are), with the service's rules."""
    record.update(checked_settings(region, record, request, countries, extra_flags))


def checked_settings(region: Region, record: dict, request: dict, countries: list[str], extra_flags: tuple[str, ...]) -> dict:
    """The changes an update gives, checked with the service's rules (nothing is changed):
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
    return changes


def check_two_way_capability(number: dict, pool_id: str | None = None) -> None:
    """Two-way messaging needs a number that can receive text messages (the SMS capability)."""
    if "SMS" not in number["NumberCapabilities"]:
        message = "Two-way messaging needs a number with the SMS capability."
        if pool_id:
            message = (f"Two-way messaging needs numbers with the SMS capability; the phone number {number['PhoneNumberId']} "
                       f"of the pool {pool_id} has none.")  # fmt: skip
        raise ValidationException(message, reason="INVALID_PARAMETER", fields=[{"Name": "TwoWayEnabled", "Message": message}])


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
