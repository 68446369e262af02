"""Pools: CreatePool, UpdatePool, DeletePool, DescribePools, AssociateOriginationIdentity,
DisassociateOriginationIdentity, ListPoolOriginationIdentities.

Rules (API reference, user guide; decisions of the team's API digest where both are silent):
- a pool is created from one phone number or sender ID and inherits its configuration: message
  type, opt-out list, two-way configuration, self-managed opt-outs and keywords (a sender ID gives
  the defaults: the Default list, no two-way, the default keywords); deletion protection is not
  inherited; the first identity also fixes the pool's country; MessageType can't change later;
- a phone number is in at most one pool, a sender ID in any number of pools;
- every identity added must match the pool's configuration, each difference with its own
  ConflictException Reason (MESSAGE_TYPE_MISMATCH, OPT_OUT_LIST_MISMATCH, TWO_WAY_CONFIG_MISMATCH,
  SELF_MANAGED_OPT_OUTS_MISMATCH, KEYWORD_MISMATCH, NUMBER_CAPABILITIES_MISMATCH), and come from the
  pool's country (ValidationException COUNTRY_CODE_MISMATCH);
- the last identity can't be removed (ConflictException LAST_PHONE_NUMBER); deleting a pool removes
  all its identities from it (they stay in the account) and its keywords; deletion protection
  blocks DeletePool;
- members follow their pool: "When you add a phone number or sender ID to a phone pool and you need
  make an update then you make the change in the phone pool" (001_d878c4bf3599ab7d.txt:3235-3240), so
  UpdatePool's opt-out list, two-way configuration and self-managed opt-outs (and PutKeyword and
  DeleteKeyword on the pool) are written through to every member phone number, which keeps them when
  it leaves the pool (identities.members_follow). UpdatePool checks every member before it changes
  anything: enabling two-way needs the SMS capability on each member number;
- 25 pools per account, 100 identities per pool.

Statuses: CreatePool answers CREATING and DeletePool DELETING; the simulation does the work at once,
so a stored pool is ACTIVE.
"""

from __future__ import annotations

import copy

from smscli.service import account, describe, filters
from smscli.service.errors import ConflictException, ServiceQuotaExceededException, ValidationException
from smscli.service.identities import (
    NUMBERS,
    PHONE_NUMBER,
    POOL,
    POOLS,
    SENDER_IDS,
    find_number_or_sender_id,
    check_two_way_capability,
    checked_settings,
    country_mismatch,
    find_pool,
    follow_pool,
    identity_arn,
    identity_id,
    identity_key,
    member_numbers,
    members_follow,
)
from smscli.service.countries import place_name
from smscli.service.keywords import default_keywords
from smscli.service.pagination import paginate
from smscli.service.region import Region
from smscli.service.tags import checked_tags
from smscli import spec

MAX_IDENTITIES_PER_POOL = 100
_TWO_WAY = ("TwoWayEnabled", "TwoWayChannelArn", "TwoWayChannelRole")


def _conflict(message: str, reason: str, resource_type: str, resource_id: str) -> ConflictException:
    return ConflictException(message, reason=reason, resource_type=resource_type, resource_id=resource_id)


def _identity(region: Region, request: dict) -> tuple[str, dict]:
    kind, record = find_number_or_sender_id(
        region, request["OriginationIdentity"], request.get("IsoCountryCode"), "OriginationIdentity"
    )
    if request.get("IsoCountryCode") and record["IsoCountryCode"] != request["IsoCountryCode"]:
        raise country_mismatch(request["IsoCountryCode"], record["IsoCountryCode"])
    return kind, record


def _pool_of_number(number: dict) -> None:
    if number.get("PoolId"):
        raise _conflict(
            f"The phone number {number['PhoneNumberId']} is already in the pool {number['PoolId']}.",
            "PHONE_NUMBER_ASSOCIATED_TO_POOL", PHONE_NUMBER, number["PhoneNumberId"],
        )  # fmt: skip


def _message_type_fits(kind: str, record: dict, message_type: str) -> bool:
    if kind == PHONE_NUMBER:
        return record["MessageType"] == message_type
    return not record["MessageTypes"] or message_type in record["MessageTypes"]


def create_pool(region: Region, request: dict) -> dict:
    kind, identity = _identity(region, request)
    key = identity_id(kind, identity)
    if kind == PHONE_NUMBER:
        _pool_of_number(identity)
    if not _message_type_fits(kind, identity, request["MessageType"]):
        raise _conflict(f"The origination identity {key} does not send {request['MessageType']} messages.",
                        "MESSAGE_TYPE_MISMATCH", kind, key)  # fmt: skip
    tags = checked_tags(request.get("Tags"))
    pools = region.collection(POOLS)
    account.check_account_limit(region, "POOLS", "pools")
    pool_id = region.new_id("pool")
    pool = {
        "PoolArn": region.arn(f"pool/{pool_id}"),
        "PoolId": pool_id,
        "Status": "ACTIVE",
        "MessageType": request["MessageType"],
        **_inherited(kind, identity),
        "SharedRoutesEnabled": False,
        "DeletionProtectionEnabled": bool(request.get("DeletionProtectionEnabled")),
        "CreatedTimestamp": region.now(),
        "Tags": tags,
        "members": [{"kind": kind, "key": identity_key(kind, identity)}],
        "iso_country_code": identity["IsoCountryCode"],
    }
    pools[pool_id] = pool
    if kind == PHONE_NUMBER:
        identity["PoolId"] = pool_id
    return {**pool, "Status": "CREATING"}


def _inherited(kind: str, identity: dict) -> dict:
    if kind == PHONE_NUMBER:
        settings = {member: identity[member] for member in _TWO_WAY if member in identity}
        return {
            **settings,
            "SelfManagedOptOutsEnabled": identity["SelfManagedOptOutsEnabled"],
            "OptOutListName": identity["OptOutListName"],
            "keywords": copy.deepcopy(identity["keywords"]),
        }
    return {
        "TwoWayEnabled": False,
        "SelfManagedOptOutsEnabled": False,
        "OptOutListName": "Default",
        "keywords": default_keywords(identity["IsoCountryCode"]),
    }


def update_pool(region: Region, request: dict) -> dict:
    """Change the pool and, through it, its member numbers: every check first, then every change."""
    pool = find_pool(region, request["PoolId"], "PoolId")
    members = member_numbers(region, pool)
    countries = list(dict.fromkeys([pool["iso_country_code"], *(number["IsoCountryCode"] for number in members)]))
    changes = checked_settings(region, pool, request, countries, ("SharedRoutesEnabled",))
    if changes.get("TwoWayEnabled"):
        for number in members:
            check_two_way_capability(number, pool["PoolId"])
    pool.update(changes)
    members_follow(region, pool)
    return pool


def delete_pool(region: Region, request: dict) -> dict:
    pool = find_pool(region, request["PoolId"], "PoolId")
    if pool["Status"] != "ACTIVE":
        raise _conflict(f"The pool {pool['PoolId']} is {pool['Status']}, not ACTIVE.", "RESOURCE_NOT_ACTIVE", POOL, pool["PoolId"])
    if pool["DeletionProtectionEnabled"]:
        raise _conflict(f"The pool {pool['PoolId']} has deletion protection enabled.", "DELETION_PROTECTION_ENABLED",
                        POOL, pool["PoolId"])  # fmt: skip
    for number in member_numbers(region, pool):
        follow_pool(number, pool)  # a freed number keeps the configuration it had in the pool
        number.pop("PoolId", None)
    del region.collection(POOLS)[pool["PoolId"]]
    return {**pool, "Status": "DELETING"}


def _pool_filters() -> dict:
    return {
        "status": filters.equals("Status", tuple(spec.shape("PoolStatus")["enum"])),
        "message-type": filters.equals("MessageType", tuple(spec.shape("MessageType")["enum"])),
        "two-way-enabled": filters.boolean("TwoWayEnabled"),
        "self-managed-opt-outs-enabled": filters.boolean("SelfManagedOptOutsEnabled"),
        "opt-out-list-name": filters.equals("OptOutListName"),
        "shared-routes-enabled": filters.boolean("SharedRoutesEnabled"),
        "deletion-protection-enabled": filters.boolean("DeletionProtectionEnabled"),
        "two-way-channel-arn": filters.equals("TwoWayChannelArn"),
    }


def describe_pools(region: Region, request: dict) -> dict:
    page, token = describe.select(
        region.collection(POOLS).values(), request, "PoolIds", lambda value: find_pool(region, value, "PoolIds"), _pool_filters()
    )
    return {"Pools": page, "NextToken": token}


# ---------------------------------------------------------------------------------------------
# Members


def _first_difference(region: Region, pool: dict, kind: str, identity: dict) -> tuple[str, str, str, str] | None:
    """How an identity's configuration differs from the pool's, first difference only, as (Reason, what
    differs, the pool's value, the identity's value), or None when it fits."""
    if identity["IsoCountryCode"] != pool["iso_country_code"]:
        return "COUNTRY_CODE_MISMATCH", "country", pool["iso_country_code"], identity["IsoCountryCode"]
    if not _message_type_fits(kind, identity, pool["MessageType"]):
        theirs = identity["MessageType"] if kind == PHONE_NUMBER else ", ".join(identity["MessageTypes"])
        return "MESSAGE_TYPE_MISMATCH", "message type", pool["MessageType"], theirs
    if kind != PHONE_NUMBER:
        return None
    capabilities = _capabilities_of_members(region, pool, identity)
    ours_caps, theirs_caps = ", ".join(capabilities or []), ", ".join(sorted(identity["NumberCapabilities"]))
    differences = [
        (identity["OptOutListName"] != pool["OptOutListName"], "OPT_OUT_LIST_MISMATCH", "opt-out list",
         pool["OptOutListName"], identity["OptOutListName"]),
        (any(identity.get(m) != pool.get(m) for m in _TWO_WAY), "TWO_WAY_CONFIG_MISMATCH", "two-way configuration", "", ""),
        (identity["SelfManagedOptOutsEnabled"] != pool["SelfManagedOptOutsEnabled"], "SELF_MANAGED_OPT_OUTS_MISMATCH",
         "self-managed opt-out setting", "", ""),
        (identity["keywords"] != pool["keywords"], "KEYWORD_MISMATCH", "keywords", "", ""),
        (capabilities is not None and ours_caps != theirs_caps, "NUMBER_CAPABILITIES_MISMATCH", "number capabilities",
         ours_caps, theirs_caps),
    ]  # fmt: skip
    return next((difference[1:] for difference in differences if difference[0]), None)


def check_fits(region: Region, pool: dict, kind: str, identity: dict) -> None:
    """Refuse an identity whose configuration differs from the pool's, as the service does."""
    difference = _first_difference(region, pool, kind, identity)
    if difference is None:
        return
    reason, what, ours, theirs = difference
    key = identity_id(kind, identity)
    if reason == "COUNTRY_CODE_MISMATCH":
        raise country_mismatch(theirs, ours)
    if reason == "MESSAGE_TYPE_MISMATCH":
        raise _conflict(f"The pool {pool['PoolId']} sends {ours} messages; {key} does not.", reason, kind, key)
    raise _conflict(f"{key} and the pool {pool['PoolId']} differ in their {what}.", reason, kind, key)


def check_new_number_fits(region: Region, pool: dict, number: dict) -> None:
    """Refuse a number requested into a pool (RequestPhoneNumber with PoolId) that would not match it.
    The number is never created, so the error names the pool and what differs, not the number."""
    difference = _first_difference(region, pool, PHONE_NUMBER, number)
    if difference is None:
        return
    reason, what, ours, theirs = difference
    pool_id = pool["PoolId"]
    if reason == "COUNTRY_CODE_MISMATCH":
        message = (f"The pool {pool_id} sends from {place_name(ours)}: a new phone number of {place_name(theirs)} "
                   "can't join it.")  # fmt: skip
        raise ValidationException(message, reason=reason, fields=[{"Name": "IsoCountryCode", "Message": message}])
    messages = {
        "MESSAGE_TYPE_MISMATCH": f"The pool {pool_id} sends {ours} messages: a new {theirs} phone number can't join it.",
        "OPT_OUT_LIST_MISMATCH": f"The pool {pool_id} uses the opt-out list {ours}: a new phone number on the list {theirs} "
                                 "can't join it (leave out OptOutListName to take the pool's list).",
        "NUMBER_CAPABILITIES_MISMATCH": f"The phone numbers of the pool {pool_id} have the capabilities {ours}: a new "
                                        f"phone number with {theirs} can't join it.",
    }  # fmt: skip
    message = messages.get(reason, f"A new phone number and the pool {pool_id} would differ in their {what}.")
    raise _conflict(message, reason, POOL, pool_id)


def _capabilities_of_members(region: Region, pool: dict, number: dict) -> list[str] | None:
    """The capabilities of the pool's (other) phone numbers, which a new member must have; None when it has none."""
    members = [member for member in member_numbers(region, pool) if member["PhoneNumberId"] != number["PhoneNumberId"]]
    return sorted(members[0]["NumberCapabilities"]) if members else None


def add_member(pool: dict, kind: str, identity: dict) -> None:
    if len(pool["members"]) >= MAX_IDENTITIES_PER_POOL:
        raise ServiceQuotaExceededException(
            f"The pool {pool['PoolId']} already holds {len(pool['members'])} origination identities, "
            f"the most allowed ({MAX_IDENTITIES_PER_POOL}).",
            reason="ORIGINATION_IDENTITIES_PER_POOL",
        )
    pool["members"].append({"kind": kind, "key": identity_key(kind, identity)})
    if kind == PHONE_NUMBER:
        identity["PoolId"] = pool["PoolId"]


def _membership_reply(pool: dict, kind: str, identity: dict) -> dict:
    return {
        "PoolArn": pool["PoolArn"],
        "PoolId": pool["PoolId"],
        "OriginationIdentityArn": identity_arn(kind, identity),
        "OriginationIdentity": identity_id(kind, identity),
        "IsoCountryCode": identity["IsoCountryCode"],
    }


def associate_origination_identity(region: Region, request: dict) -> dict:
    pool = find_pool(region, request["PoolId"], "PoolId")
    kind, identity = _identity(region, request)
    key = identity_id(kind, identity)
    if {"kind": kind, "key": identity_key(kind, identity)} in pool["members"]:
        raise _conflict(f"{key} is already in the pool {pool['PoolId']}.", "RESOURCE_ALREADY_ASSOCIATED", kind, key)
    if kind == PHONE_NUMBER:
        _pool_of_number(identity)
    if pool["Status"] != "ACTIVE":
        raise _conflict(f"The pool {pool['PoolId']} is not ACTIVE.", "RESOURCE_NOT_ACTIVE", POOL, pool["PoolId"])
    check_fits(region, pool, kind, identity)
    add_member(pool, kind, identity)
    if kind == PHONE_NUMBER:
        follow_pool(identity, pool)
    return _membership_reply(pool, kind, identity)


def disassociate_origination_identity(region: Region, request: dict) -> dict:
    pool = find_pool(region, request["PoolId"], "PoolId")
    kind, identity = _identity(region, request)
    key = identity_id(kind, identity)
    member = {"kind": kind, "key": identity_key(kind, identity)}
    if member not in pool["members"]:
        raise _conflict(f"{key} is not in the pool {pool['PoolId']}.", "PHONE_NUMBER_NOT_ASSOCIATED_TO_POOL", kind, key)
    if len(pool["members"]) == 1:
        raise _conflict(
            f"{key} is the last origination identity of the pool {pool['PoolId']}; a pool can't be empty "
            "(delete the pool instead).", "LAST_PHONE_NUMBER", POOL, pool["PoolId"],
        )  # fmt: skip
    pool["members"].remove(member)
    if kind == PHONE_NUMBER:
        follow_pool(identity, pool)  # it keeps the configuration it had in the pool
        identity.pop("PoolId", None)
    return _membership_reply(pool, kind, identity)


def _member_metadata(region: Region, member: dict) -> dict:
    if member["kind"] == PHONE_NUMBER:
        number = region.collection(NUMBERS)[member["key"]]
        return {
            "OriginationIdentityArn": number["PhoneNumberArn"],
            "OriginationIdentity": number["PhoneNumberId"],
            "IsoCountryCode": number["IsoCountryCode"],
            "NumberCapabilities": number["NumberCapabilities"],
            "PhoneNumber": number["PhoneNumber"],
        }
    sender = region.collection(SENDER_IDS)[member["key"]]
    return {
        "OriginationIdentityArn": sender["SenderIdArn"],
        "OriginationIdentity": sender["SenderId"],
        "IsoCountryCode": sender["IsoCountryCode"],
        "NumberCapabilities": ["SMS"],  # a sender ID sends text messages only
    }


_MEMBER_FILTERS = {
    "iso-country-code": filters.equals("IsoCountryCode"),
    "number-capability": filters.contains("NumberCapabilities", ("SMS", "VOICE", "MMS")),
}


def list_pool_origination_identities(region: Region, request: dict) -> dict:
    pool = find_pool(region, request["PoolId"], "PoolId")
    members = [_member_metadata(region, member) for member in pool["members"]]
    page, token = paginate(filters.select(members, request.get("Filters"), _MEMBER_FILTERS), request)
    return {"PoolArn": pool["PoolArn"], "PoolId": pool["PoolId"], "OriginationIdentities": page, "NextToken": token}


OPERATIONS = {
    "CreatePool": create_pool,
    "UpdatePool": update_pool,
    "DeletePool": delete_pool,
    "DescribePools": describe_pools,
    "AssociateOriginationIdentity": associate_origination_identity,
    "DisassociateOriginationIdentity": disassociate_origination_identity,
    "ListPoolOriginationIdentities": list_pool_origination_identities,
}
