"""The Filters of Describe*/List* operations: `[{Name, Values}]`, OR within a filter, AND across filters.

Each operation declares its filters as name -> Filter(match, allowed). A value outside `allowed`
(for instance "yes" for a boolean filter) is a ValidationException INVALID_FILTER_VALUES. Unknown
filter names never reach here: the Name enum is checked with the request's shape.
"""

from __future__ import annotations

from collections import namedtuple

from smscli.service.errors import ValidationException

BOOLEAN_VALUES = ("true", "false")


# match(record, value) -> does this record match this one value; allowed: the only values that
# make sense, when the set is closed (empty: any value).
Filter = namedtuple("Filter", "match allowed", defaults=((),))


def boolean(member: str) -> Filter:
    return Filter(lambda record, value: str(bool(record.get(member))).lower() == value, BOOLEAN_VALUES)


def equals(member: str, allowed: tuple[str, ...] = ()) -> Filter:
    return Filter(lambda record, value: record.get(member) == value, allowed)


def contains(member: str, allowed: tuple[str, ...] = ()) -> Filter:
    return Filter(lambda record, value: value in (record.get(member) or ()), allowed)


def select(records: list[dict], filters: list[dict] | None, known: dict[str, Filter]) -> list[dict]:
    for entry in filters or ():
        definition = known[entry["Name"]]
        values = entry["Values"]
        bad = [value for value in values if definition.allowed and value not in definition.allowed]
        if bad:
            raise ValidationException(
                f"The values {', '.join(bad)} are not valid for the filter {entry['Name']}; "
                f"valid values: {', '.join(definition.allowed)}.",
                reason="INVALID_FILTER_VALUES",
                fields=[{"Name": "Filters", "Message": f"Invalid values for {entry['Name']}: {', '.join(bad)}"}],
            )
        records = [record for record in records if any(definition.match(record, value) for value in values)]
    return records
