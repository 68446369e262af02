"""The members each kind of record must have: the ones the service reads as `record["X"]` (not
`.get`), with their JSON types, so that a hand-edited state missing one is refused on load (a
StateError naming the record, exit 253) instead of failing later with a KeyError in some call.

One table, `REQUIRED`: collection -> ((member, JSON type, entry members), ...). A JSON type is STRING,
BOOLEAN, NUMBER (an integer or not), INTEGER, ARRAY or OBJECT. `entry members`, when given, are what
every entry of that member must have in turn: for an OBJECT each of its values, for an ARRAY each of
its items (the keywords of a number, the members of a pool, ...).

Where the members come from (src/smscli/service): phone numbers: numbers.py, pools.py, keywords.py,
sending.py, verified.py, identities.py, simulator.py, registration_associations.py; pools: pools.py,
keywords.py, identities.py, sending.py; sender IDs: senderids.py, pools.py, sending.py,
registration_associations.py, registrations.py; opt-out lists: optout.py, sending.py, simulator.py;
configuration sets: configsets.py, protect.py, events.py; protect configurations: protect.py;
verified destination numbers: verified.py; registrations: registrations.py, registration_records.py,
registration_fields.py, registration_associations.py; attachments: registration_attachments.py,
registration_fields.py; messages (the outbox): events.py, sending.py, simulator.py; events:
simulator.py; number serials: numbers.py. Members the service reads with `.get` (Tags, PoolId,
TwoWayChannelArn, ...) are optional and not listed; neither are collections whose records it reads
only with `.get` (account, client_tokens, inbound, registration_activity).

The check is cheap: each collection's records (and then their entries) are checked together, in one
C-level pass (itemgetter, chain, map) that lists the types of all their required members and compares
the list with the expected one; the slow path, which finds the first problem to name it, runs only
for a collection that fails that (benchmarks/bench_store_load.py has the figures).
"""

from __future__ import annotations

from itertools import chain
from operator import itemgetter

STRING, BOOLEAN, INTEGER, NUMBER, ARRAY, OBJECT = "string", "boolean", "integer", "number", "array", "object"
_PYTHON_TYPES = {STRING: (str,), BOOLEAN: (bool,), INTEGER: (int,), NUMBER: (float, int), ARRAY: (list,), OBJECT: (dict,)}
_EXPECTED = {STRING: "a string", BOOLEAN: "true or false", INTEGER: "an integer", NUMBER: "a number", ARRAY: "an array",
             OBJECT: "an object"}  # fmt: skip

_KEYWORD = (("Keyword", STRING, None), ("KeywordMessage", STRING, None), ("KeywordAction", STRING, None))
_MEMBER = (("kind", STRING, None), ("key", STRING, None))  # a pool's or a registration's identities

REQUIRED: dict[str, tuple] = {
    "phone_numbers": (
        ("PhoneNumberArn", STRING, None), ("PhoneNumberId", STRING, None), ("PhoneNumber", STRING, None),
        ("Status", STRING, None), ("IsoCountryCode", STRING, None), ("MessageType", STRING, None),
        ("NumberCapabilities", ARRAY, None), ("NumberType", STRING, None), ("OptOutListName", STRING, None),
        ("SelfManagedOptOutsEnabled", BOOLEAN, None), ("DeletionProtectionEnabled", BOOLEAN, None),
        ("keywords", OBJECT, _KEYWORD),
    ),
    "pools": (
        ("PoolArn", STRING, None), ("PoolId", STRING, None), ("Status", STRING, None), ("MessageType", STRING, None),
        ("OptOutListName", STRING, None), ("SelfManagedOptOutsEnabled", BOOLEAN, None),
        ("DeletionProtectionEnabled", BOOLEAN, None), ("iso_country_code", STRING, None),
        ("keywords", OBJECT, _KEYWORD), ("members", ARRAY, _MEMBER),
    ),
    "sender_ids": (
        ("SenderIdArn", STRING, None), ("SenderId", STRING, None), ("IsoCountryCode", STRING, None),
        ("MessageTypes", ARRAY, None), ("Registered", BOOLEAN, None), ("DeletionProtectionEnabled", BOOLEAN, None),
    ),
    "opt_out_lists": (
        ("OptOutListArn", STRING, None), ("OptOutListName", STRING, None), ("numbers", OBJECT, None),
        ("opted_in", OBJECT, None),
    ),
    "configuration_sets": (
        ("ConfigurationSetArn", STRING, None), ("ConfigurationSetName", STRING, None),
        ("EventDestinations", ARRAY, (("EventDestinationName", STRING, None),)),
    ),
    "protect_configurations": (
        ("ProtectConfigurationArn", STRING, None), ("ProtectConfigurationId", STRING, None),
        ("CreatedTimestamp", NUMBER, None), ("DeletionProtectionEnabled", BOOLEAN, None),
    ),
    "verified_destination_numbers": (
        ("VerifiedDestinationNumberId", STRING, None), ("DestinationPhoneNumber", STRING, None),
        ("Status", STRING, None), ("CreatedTimestamp", NUMBER, None),
    ),
    "registrations": (
        ("RegistrationArn", STRING, None), ("RegistrationId", STRING, None), ("RegistrationType", STRING, None),
        ("RegistrationStatus", STRING, None), ("CurrentVersionNumber", INTEGER, None),
        ("associations", ARRAY, _MEMBER),
        ("versions", ARRAY, (("VersionNumber", INTEGER, None), ("RegistrationVersionStatus", STRING, None),
                             ("RegistrationVersionStatusHistory", OBJECT, None), ("values", OBJECT, None))),
    ),
    "registration_attachments": (("RegistrationAttachmentId", STRING, None), ("content", OBJECT, None)),
    "messages": (
        ("MessageId", STRING, None), ("DestinationPhoneNumber", STRING, None), ("OriginationPhoneNumber", STRING, None),
        ("IsoCountryCode", STRING, None), ("CreatedTimestamp", NUMBER, None), ("Price", NUMBER, None),
    ),
    "events": (("EventDestinationName", STRING, None), ("Event", OBJECT, None)),
    "number_serials": (("next", INTEGER, None),),
}  # fmt: skip


class _Shape:
    """A compiled row of REQUIRED: fetch every member at once, compare the exact types at once."""

    def __init__(self, members: tuple):
        self.members = members
        names = tuple(name for name, _, _ in members)
        self.single = len(names) == 1
        self.get = itemgetter(*names)  # a record -> its members' values (one value when single)
        # the usual JSON types (a NUMBER is mostly a float); another allowed type takes the slow path
        self.usual = [_PYTHON_TYPES[kind][0] for _, kind, _ in members]
        self.nested = tuple((name, kind, _Shape(entry)) for name, kind, entry in members if entry)

    def problem(self, record) -> str | None:
        """None when `record` has every member with its type (and its entries theirs), else what is wrong."""
        if self.fits(lambda: iter((record,))):
            return None
        return self._slow_problem(record)

    def fits(self, records) -> bool:
        """Whether every record `records()` yields has its members with their usual types: one C-level
        pass that lists the types of all their members, compared at once with the expected ones."""
        try:
            values = map(self.get, records()) if self.single else chain.from_iterable(map(self.get, records()))
            types = list(map(type, values))  # an item of another JSON type than an object: TypeError
        except (KeyError, TypeError):
            return False
        if types != self.usual * (len(types) // len(self.usual)):
            return False
        for name, kind, shape in self.nested:
            values = itemgetter(name)
            if kind == OBJECT:
                entries = lambda: chain.from_iterable(map(dict.values, map(values, records())))  # noqa: E731
            else:
                entries = lambda: chain.from_iterable(map(values, records()))  # noqa: E731
            if not shape.fits(entries):
                return False
        return True

    def _slow_problem(self, record) -> str | None:
        if type(record) is not dict:
            return f"is {_shown(record)}, not an object"
        for name, kind, _ in self.members:
            if name not in record:
                return f'has no "{name}"'
            value = record[name]
            if type(value) not in _PYTHON_TYPES[kind]:
                return f'has "{name}" {_shown(value)}, not {_EXPECTED[kind]}'
        for name, kind, shape in self.nested:
            entries = record[name].items() if kind == OBJECT else enumerate(record[name])
            for key, entry in entries:
                problem = shape.problem(entry)
                if problem:
                    where = f'"{key}"' if kind == OBJECT else f"{key}"
                    return f'has a "{name}" entry {where} that {problem}'
        return None


def _shown(value) -> str:
    """A JSON value as a message shows it: a scalar as written (cut short), a container by its kind."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    import json

    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."


_SHAPES = {collection: _Shape(members) for collection, members in REQUIRED.items()}


def record_problem(state: dict) -> str | None:
    """The first record of a structurally sound state that lacks a member the service relies on:
    'phone_numbers record phone-1 of 123456789012/us-east-1 has no "keywords"', or None."""
    for account_id, account in state["accounts"].items():
        for region_name, region in account["regions"].items():
            for collection, records in region.items():
                shape = _SHAPES.get(collection)
                if shape is None or shape.fits(records.values().__iter__):
                    continue
                for key, record in records.items():
                    found = shape.problem(record)
                    if found:
                        return f"{collection} record {key} of {account_id}/{region_name} {found}"
                # none found: fits() is stricter than problem() (a NUMBER that is an integer, say)
    return None
