"""Advice for an id option given a phone number: which id to use instead, and where it is shown.

The API reference lets only the sends (and verification codes) name a phone number by its E.164 form;
every other "id or ARN" member (`--phone-number-id`, `--phone-number-ids`, `--origination-identity`
of pools and keywords, `--resource-id`, ...) takes the PhoneNumberId or PhoneNumberArn, and the service
refuses `+...` with the member's pattern. smscli refuses it the same way (exit 254, the service's
message) and adds a hint: the id of that number when the account has it, and the table column that
shows it.
"""

from __future__ import annotations

import re

_E164 = re.compile(r"\+[1-9][0-9]{1,14}")
# The shapes of the members that name a phone number by id or ARN (alone, or among pools, sender IDs
# and registrations' resources) and whose pattern refuses "+".
_ID_SHAPES = ("PhoneNumberIdOrArn", "PhoneOrPoolIdOrArn", "PhoneOrSenderIdOrArn", "ResourceIdOrArn")


def phone_number_hint(read_region, op: str, request: dict, error) -> str | None:
    """The hint for a ValidationException that refused an E.164 number in an id member, or None.
    `read_region` gives the account's Region (read-only), to find the number's id."""
    if getattr(error, "code", None) != "ValidationException" or not error.fields:
        return None
    from smscli import spec

    members = spec.input_members(op)
    for field in error.fields:
        member = field.get("Name", "")
        if member not in members or _member_shape(members[member]["shape"]) not in _ID_SHAPES:
            continue
        values = request.get(member)
        values = values if isinstance(values, list) else [values]
        numbers = [value for value in values if isinstance(value, str) and _E164.fullmatch(value)]
        if numbers and "pattern" in field.get("Message", ""):
            return _advice(read_region, member, numbers[0])
    return None


def _member_shape(shape_name: str) -> str:
    from smscli import spec

    shape = spec.shape(shape_name)
    return shape["member"] if shape["type"] == "list" else shape_name


def _advice(read_region, member: str, number: str) -> str:
    from smscli import spec

    option = f"--{spec.kebab(member)}"
    try:
        found = [record for record in read_region().collection("phone_numbers").values() if record.get("PhoneNumber") == number]
    except Exception:  # the hint must never hide the error it goes with
        found = []
    if found:
        return (f"{option} takes a phone number's id or ARN, not its E.164 number: {number} is {found[0]['PhoneNumberId']} "
                "(the PhoneNumberId column of `smscli describe-phone-numbers`).")  # fmt: skip
    return (f"{option} takes a phone number's id or ARN, not its E.164 number, and this account has no {number}; "
            "`smscli describe-phone-numbers` lists its numbers with their PhoneNumberId.")  # fmt: skip
