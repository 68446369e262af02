"""Sender IDs: RequestSenderId, UpdateSenderId, ReleaseSenderId, DescribeSenderIds.

Rules (API reference, user guide and its country table):
- a sender ID is 1-11 letters, digits, hyphens or underscores (the request shape), with at least one
  letter and no hyphen at either end (the API reference's text);
- RequestSenderId is for countries where a sender ID needs no registration: where the country table
  says a pre-registered sender ID is required, ValidationException SENDER_ID_REQUIRES_REGISTRATION;
  where sender IDs are not supported (the US, Canada and China among them), SENDER_ID_NOT_SUPPORTED;
- a (SenderId, IsoCountryCode) pair is one sender ID (ConflictException RESOURCE_ALREADY_EXISTS);
- MessageTypes defaults to both; only DeletionProtectionEnabled can be updated; deletion protection
  and pool membership block release;
- 25 sender IDs per account (the guide gives no figure; the same as numbers and pools).
"""

from __future__ import annotations

import re

from smscli.service import account, describe, filters
from smscli.service.countries import country, place_name
from smscli.service.errors import ConflictException, ValidationException
from smscli.service.identities import SENDER_ID, SENDER_IDS, find_sender_id, pools_holding, sender_key
from smscli.service.region import Region
from smscli.service.tags import checked_tags

MONTHLY_LEASING_PRICE = "0.00"  # illustrative: the guide gives no price
_SENDER_ID_TEXT = re.compile(r"(?=.*[A-Za-z])[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?")


def _invalid(member: str, message: str, reason: str) -> ValidationException:
    return ValidationException(message, reason=reason, fields=[{"Name": member, "Message": message}])


def _check_country(iso: str) -> None:
    place = country(iso)
    if place is None or place.sender_ids == "no":
        raise _invalid("IsoCountryCode", f"Sender IDs are not supported in {place_name(iso)}.", "SENDER_ID_NOT_SUPPORTED")
    if place.sender_ids == "registration":
        raise _invalid(
            "IsoCountryCode",
            f"Sender IDs in {place_name(iso)} must be registered first (CreateRegistration); RequestSenderId is for "
            "countries where they need no registration.",
            "SENDER_ID_REQUIRES_REGISTRATION",
        )


def request_sender_id(region: Region, request: dict) -> dict:
    sender_id, iso = request["SenderId"], request["IsoCountryCode"]
    if not _SENDER_ID_TEXT.fullmatch(sender_id):
        raise _invalid("SenderId", "A sender ID must contain at least one letter and can't start or end with a hyphen.",
                       "FIELD_VALIDATION_FAILED")  # fmt: skip
    _check_country(iso)
    senders = region.collection(SENDER_IDS)
    key = sender_key(sender_id, iso)
    if key in senders:
        raise ConflictException(
            f"The sender ID {sender_id} already exists for {iso}.",
            reason="RESOURCE_ALREADY_EXISTS",
            resource_type=SENDER_ID,
            resource_id=sender_id,
        )
    tags = checked_tags(request.get("Tags"))
    account.check_account_limit(region, "SENDER_IDS", "sender IDs")
    senders[key] = {
        "SenderIdArn": region.arn(f"sender-id/{sender_id}/{iso}"),
        "SenderId": sender_id,
        "IsoCountryCode": iso,
        "MessageTypes": list(dict.fromkeys(request.get("MessageTypes") or ["TRANSACTIONAL", "PROMOTIONAL"])),
        "MonthlyLeasingPrice": MONTHLY_LEASING_PRICE,
        "DeletionProtectionEnabled": bool(request.get("DeletionProtectionEnabled")),
        "Registered": False,
        "Tags": tags,
    }
    return senders[key]


def update_sender_id(region: Region, request: dict) -> dict:
    sender = find_sender_id(region, request["SenderId"], request["IsoCountryCode"], "SenderId")
    if request.get("DeletionProtectionEnabled") is not None:
        sender["DeletionProtectionEnabled"] = request["DeletionProtectionEnabled"]
    return sender


def release_sender_id(region: Region, request: dict) -> dict:
    sender = find_sender_id(region, request["SenderId"], request["IsoCountryCode"], "SenderId")
    key = sender_key(sender["SenderId"], sender["IsoCountryCode"])
    if sender["DeletionProtectionEnabled"]:
        raise ConflictException(
            f"The sender ID {sender['SenderId']} has deletion protection enabled.",
            reason="DELETION_PROTECTION_ENABLED",
            resource_type=SENDER_ID,
            resource_id=sender["SenderId"],
        )
    pools = pools_holding(region, SENDER_ID, key)
    if pools:
        raise ConflictException(
            f"The sender ID {sender['SenderId']} is in the pool {pools[0]['PoolId']}; remove it from its pools first.",
            reason="SENDER_ID_ASSOCIATED_TO_POOL",
            resource_type=SENDER_ID,
            resource_id=sender["SenderId"],
        )
    del region.collection(SENDER_IDS)[key]
    return sender


_SENDER_FILTERS = {
    "sender-id": filters.equals("SenderId"),
    "iso-country-code": filters.equals("IsoCountryCode"),
    "message-type": filters.contains("MessageTypes", ("TRANSACTIONAL", "PROMOTIONAL")),
    "deletion-protection-enabled": filters.boolean("DeletionProtectionEnabled"),
    "registered": filters.boolean("Registered"),
}


def describe_sender_ids(region: Region, request: dict) -> dict:
    page, token = describe.select(
        region.collection(SENDER_IDS).values(), request, "SenderIds",
        lambda entry: find_sender_id(region, entry["SenderId"], entry["IsoCountryCode"], "SenderIds"), _SENDER_FILTERS,
    )  # fmt: skip
    return {"SenderIds": page, "NextToken": token}


OPERATIONS = {
    "RequestSenderId": request_sender_id,
    "UpdateSenderId": update_sender_id,
    "ReleaseSenderId": release_sender_id,
    "DescribeSenderIds": describe_sender_ids,
}
