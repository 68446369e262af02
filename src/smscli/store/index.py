"""A small index of what the state holds, written beside it (`state.json.index`) on every write, so
that TAB completion can offer ids and names without reading a large state file.

    {"<account>/<region>": {"pool": ["pool-..."], "phone-number": [...], "phone-number-e164": [...],
                            "sender-id": ["MyBrand"], "opt-out-list": [...], "configuration-set": [...],
                            "event-destination": [...], "verified-destination-number": [...],
                            "registration": [...], "protect-configuration": [...], "arn": [...]}}

It is a cache: losing it or finding it stale costs only completion candidates.
"""

from __future__ import annotations

import json

# Index kind -> (state collection, record member holding the name, or None for the collection key).
_KINDS = {
    "pool": ("pools", None),
    "phone-number": ("phone_numbers", None),
    "phone-number-e164": ("phone_numbers", "PhoneNumber"),
    "sender-id": ("sender_ids", "SenderId"),
    "opt-out-list": ("opt_out_lists", None),
    "configuration-set": ("configuration_sets", None),
    "verified-destination-number": ("verified_destination_numbers", None),
    "registration": ("registrations", None),
    "registration-attachment": ("registration_attachments", None),
    "protect-configuration": ("protect_configurations", None),
}
_ARN_MEMBERS = ("PhoneNumberArn", "PoolArn", "SenderIdArn", "OptOutListArn", "ConfigurationSetArn", "RegistrationArn",
                "RegistrationAttachmentArn", "VerifiedDestinationNumberArn", "ProtectConfigurationArn")  # fmt: skip


def build_index(state: dict) -> dict:
    index = {}
    for account_id, account in state["accounts"].items():
        for region_name, region in account["regions"].items():
            names = {}
            for kind, (collection, member) in _KINDS.items():
                records = region.get(collection, {})
                names[kind] = list(dict.fromkeys(records if member is None else (r.get(member) for r in records.values())))
            names["event-destination"] = list(dict.fromkeys(
                destination["EventDestinationName"]
                for record in region.get("configuration_sets", {}).values()
                for destination in record.get("EventDestinations", [])
            ))  # fmt: skip
            names["arn"] = [
                record[member]
                for collection, _ in _KINDS.values()
                for record in region.get(collection, {}).values()
                for member in _ARN_MEMBERS
                if member in record
            ]
            index[f"{account_id}/{region_name}"] = names
    return index


def encode_index(state: dict) -> bytes:
    return json.dumps(build_index(state), separators=(",", ":")).encode()


def read_index(path) -> dict:
    try:
        with open(path, "rb") as handle:
            return json.loads(handle.read())
    except (OSError, ValueError):
        return {}
