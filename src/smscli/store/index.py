"""A small index of what the state holds, written beside it (`state.json.index`) on every write, so
that TAB completion can offer ids and names without reading a large state file.

One line per account, Region and kind of name, the names as a JSON list:

    123456789012/us-east-1 pool ["pool-..."]
    123456789012/us-east-1 phone-number ["phone-...", ...]
    123456789012/us-east-1 keywords:phone-... ["HELP", "STOP", ...]

Kinds: pool, phone-number, phone-number-e164, sender-id, opt-out-list, configuration-set,
event-destination, verified-destination-number, registration, registration-attachment,
protect-configuration, arn, `keywords:<phone number id, E.164 number or pool id>`,
`required-keywords:<the same>` (the keywords DeleteKeyword refuses there) and
`registration-type:<registration id>` (a one-item list). A reader
finds its line with one search and parses only that line, so a state of 10,000 numbers costs
completion a few milliseconds. It is a cache: losing it or finding it stale costs only candidates.
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
# Where each identity that has keywords is found, and the members that name it on a command line.
_KEYWORD_OWNERS = (("phone_numbers", ("PhoneNumberId", "PhoneNumber")), ("pools", ("PoolId",)))


def build_index(state: dict) -> dict:
    """{"<account>/<region>": {kind: [names]}}."""
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
            for registration_id, record in region.get("registrations", {}).items():
                names[f"registration-type:{registration_id}"] = [record.get("RegistrationType")]
            names.update(_keyword_names(account_id, region_name, region))
            index[f"{account_id}/{region_name}"] = names
    return index


def _keyword_names(account_id: str, region_name: str, data: dict) -> dict:
    """`keywords:<owner>` and `required-keywords:<owner>` (those DeleteKeyword refuses) for every number
    and pool, by each member that names it on a command line."""
    from smscli.service.keywords import undeletable_keywords
    from smscli.service.region import Context, Region

    region = Region(data, Context(account_id=account_id, region=region_name))
    names = {}
    for (collection, members), kind in zip(_KEYWORD_OWNERS, ("phone-number", "pool")):
        for record in data.get(collection, {}).values():
            if record.get("keywords"):
                words = [entry["Keyword"] for entry in record["keywords"].values()]
                undeletable = undeletable_keywords(region, kind, record)
                required = [entry["Keyword"] for key, entry in record["keywords"].items() if key in undeletable]
                for member in members:
                    names[f"keywords:{record[member]}"] = words
                    names[f"required-keywords:{record[member]}"] = required
    return names


def encode_index(state: dict) -> bytes:
    dumps = json.JSONEncoder(separators=(",", ":")).encode
    lines = [f"{where} {kind} {dumps(names)}\n" for where, kinds in build_index(state).items() for kind, names in kinds.items()]
    return "".join(lines).encode()


def read_names(path, where: str, kinds: tuple[str, ...]) -> list[str]:
    """The names of these kinds for `where` ("<account>/<region>"), in that order; [] when the index
    has none (or is missing or damaged)."""
    try:
        with open(path, "rb") as handle:
            data = b"\n" + handle.read()
    except OSError:
        return []
    found = []
    for kind in kinds:
        key = f"\n{where} {kind} ".encode()
        start = data.find(key)
        if start < 0:
            continue
        start += len(key)
        end = data.find(b"\n", start)
        try:
            names = json.loads(data[start : end if end >= 0 else len(data)])
        except ValueError:
            continue
        if isinstance(names, list):
            found.extend(names)
    return found
