"""Opt-out lists and opted-out numbers.

CreateOptOutList, DeleteOptOutList, DescribeOptOutLists, PutOptedOutNumber, DeleteOptedOutNumber,
DescribeOptedOutNumbers. Rules (API reference and user guide):
- every account has the `Default` list in every Region; it counts against the quota of 25 lists and,
  being required, cannot be deleted;
- a list name is unique (ConflictException RESOURCE_ALREADY_EXISTS); a list in use by a phone number
  or pool cannot be deleted; deleting a list deletes its opted-out numbers;
- a number put on a list through the API has EndUserOptedOut false; putting it again refreshes its
  timestamp; numbers must be E.164 (`+` and at most 15 digits);
- a number can be removed from a list (opted in) only once every 30 days.

A list record is its OptOutListInformation members plus Tags, plus hidden `numbers` (the opted-out
records by number) and `opted_in` (when each number was last removed).
"""

from __future__ import annotations

import re

from smscli.service import account, arns, describe, filters
from smscli.service.errors import (
    ConflictException,
    ValidationException,
    not_found,
)
from smscli.service.pagination import paginate
from smscli.service.region import Region
from smscli.service.tags import checked_tags

LISTS = "opt_out_lists"
DEFAULT_LIST = "Default"
OPT_IN_INTERVAL_SECONDS = 30 * 24 * 3600
_E164 = re.compile(r"\+[1-9][0-9]{1,14}")
# Collections whose records name an opt-out list in OptOutListName (they block its deletion).
_USERS = {"phone_numbers": "phone number", "pools": "pool"}


def seed_region(region: Region) -> None:
    """What every account has in a Region from the start: the Default opt-out list."""
    lists = region.collection(LISTS)
    if DEFAULT_LIST not in lists:
        lists[DEFAULT_LIST] = _new_list(region, DEFAULT_LIST, [])


def _new_list(region: Region, name: str, tags: list[dict]) -> dict:
    return {
        "OptOutListArn": region.arn(f"opt-out-list/{name}"),
        "OptOutListName": name,
        "CreatedTimestamp": region.now(),
        "Tags": tags,
        "numbers": {},
        "opted_in": {},
    }


def find_list(region: Region, name_or_arn: str, member: str = "OptOutListName") -> dict:
    name = arns.resolve(region, name_or_arn, "opt-out-list", member)
    record = region.collection(LISTS).get(name)
    if record is None:
        raise not_found("opt-out-list", name_or_arn)
    return record


def create_opt_out_list(region: Region, request: dict) -> dict:
    name = request["OptOutListName"]
    lists = region.collection(LISTS)
    if name in lists:
        raise ConflictException(
            f"An opt-out list named {name} already exists.",
            reason="RESOURCE_ALREADY_EXISTS",
            resource_type="opt-out-list",
            resource_id=name,
        )
    tags = checked_tags(request.get("Tags"))
    account.check_account_limit(region, "OPT_OUT_LISTS", "opt-out lists", " (the Default list included)")
    lists[name] = _new_list(region, name, tags)
    return lists[name]


def delete_opt_out_list(region: Region, request: dict) -> dict:
    record = find_list(region, request["OptOutListName"])
    name = record["OptOutListName"]
    if name == DEFAULT_LIST:
        raise ConflictException(
            "The Default opt-out list is required and can't be deleted.",
            reason="RESOURCE_DELETION_NOT_ALLOWED",
            resource_type="opt-out-list",
            resource_id=name,
        )
    for collection, label in _USERS.items():
        users = [key for key, user in region.collection(collection).items() if user.get("OptOutListName") == name]
        if users:
            raise ConflictException(
                f"The opt-out list {name} is in use by the {label} {users[0]} and can't be deleted.",
                reason="RESOURCE_DELETION_NOT_ALLOWED",
                resource_type="opt-out-list",
                resource_id=name,
            )
    del region.collection(LISTS)[name]
    return record


def describe_opt_out_lists(region: Region, request: dict) -> dict:
    page, token = describe.select(
        region.collection(LISTS).values(), request, "OptOutListNames",
        lambda name: find_list(region, name, "OptOutListNames"), {},
    )  # fmt: skip
    return {"OptOutLists": page, "NextToken": token}


def _list_reply(record: dict, entry: dict) -> dict:
    return {**entry, "OptOutListArn": record["OptOutListArn"], "OptOutListName": record["OptOutListName"]}


def put_opted_out_number(region: Region, request: dict) -> dict:
    record = find_list(region, request["OptOutListName"])
    number = request["OptedOutNumber"]
    if not _E164.fullmatch(number):
        message = f"The phone number {number} can't be opted out: it is not in E.164 format (+ and up to 15 digits)."
        raise ValidationException(
            message, reason="CANNOT_ADD_OPTED_OUT_NUMBER", fields=[{"Name": "OptedOutNumber", "Message": message}]
        )
    entries = record["numbers"]
    entry = entries.get(number) or {"OptedOutNumber": number, "EndUserOptedOut": False}
    entry["OptedOutTimestamp"] = region.now()
    entries[number] = entry
    return _list_reply(record, entry)


def delete_opted_out_number(region: Region, request: dict) -> dict:
    record = find_list(region, request["OptOutListName"])
    number = request["OptedOutNumber"]
    entry = record["numbers"].get(number)
    if entry is None:
        raise not_found("opted-out-number", number)
    last_opt_in = record["opted_in"].get(number)
    now = region.now()
    if last_opt_in is not None and now - last_opt_in < OPT_IN_INTERVAL_SECONDS:
        message = (
            f"The phone number {number} was already removed from {record['OptOutListName']} in the last 30 days; "
            "a number can be deleted from an opt-out list only once every 30 days."
        )
        raise ValidationException(
            message, reason="PHONE_NUMBER_CANNOT_BE_OPTED_IN", fields=[{"Name": "OptedOutNumber", "Message": message}]
        )
    del record["numbers"][number]
    record["opted_in"][number] = now
    return _list_reply(record, entry)


_OPTED_OUT_FILTERS = {"end-user-opted-out": filters.boolean("EndUserOptedOut")}


def describe_opted_out_numbers(region: Region, request: dict) -> dict:
    record = find_list(region, request["OptOutListName"])
    entries = record["numbers"]
    wanted = request.get("OptedOutNumbers")
    if wanted:
        missing = [number for number in wanted if number not in entries]
        if missing:
            raise not_found("opted-out-number", missing[0])
        selected = [entries[number] for number in dict.fromkeys(wanted)]
    else:
        selected = list(entries.values())
    selected = filters.select(selected, request.get("Filters"), _OPTED_OUT_FILTERS)
    page, token = paginate(selected, request)
    return {
        "OptOutListArn": record["OptOutListArn"],
        "OptOutListName": record["OptOutListName"],
        "OptedOutNumbers": page,
        "NextToken": token,
    }


OPERATIONS = {
    "CreateOptOutList": create_opt_out_list,
    "DeleteOptOutList": delete_opt_out_list,
    "DescribeOptOutLists": describe_opt_out_lists,
    "PutOptedOutNumber": put_opted_out_number,
    "DeleteOptedOutNumber": delete_opted_out_number,
    "DescribeOptedOutNumbers": describe_opted_out_numbers,
}
