"""The Filters of Describe*/List* operations: `[{Name, Values}]`; a filter matches a record when any of
its Values does (OR within a filter); how the filters of one request combine is the operation's:

- ALL_OF (AND across filters), every operation but one: their API reference pages say "meet the
  filter criteria" (DescribeConfigurationSets, DescribeOptedOutNumbers, DescribePhoneNumbers,
  DescribePools, DescribeSenderIds, ListPoolOriginationIdentities), "match the filters"
  (ListProtectConfigurationRuleSetNumberOverrides, 003_1130e85a092bf54c.txt:11935), or nothing
  (DescribeKeywords, DescribeRegistrationAttachments, DescribeRegistrationTypeDefinitions,
  DescribeRegistrations, DescribeRegistrationVersions, DescribeVerifiedDestinationNumbers,
  ListRegistrationAssociations); we read a criterion as one filter, which a record must meet;
- ANY_OF (OR across filters): DescribeProtectConfigurations, "Retrieves the protect configurations
  that match any of filters" (8402);
- each filter is a criterion of its own, also when two have the same Name (the reference neither
  forbids nor merges them): under ALL_OF a record meets both, so [status=ACTIVE] and [status=DELETED]
  select nothing; under ANY_OF either one;
- no filters: every record.

Each operation declares its filters as name -> Filter(match, allowed). A value outside `allowed`
(for instance "yes" for a boolean filter) is a ValidationException INVALID_FILTER_VALUES, whichever
filter it is in and whatever the others select. Unknown filter names never reach here: the Name enum
is checked with the request's shape.
"""

from __future__ import annotations

from collections import namedtuple

from smscli.service.errors import ValidationException

BOOLEAN_VALUES = ("true", "false")
ALL_OF, ANY_OF = all, any  # how the filters of one request combine


# match(record, value) -> does this record match this one value; allowed: the only values that
# make sense, when the set is closed (empty: any value).
Filter = namedtuple("Filter", "match allowed", defaults=((),))


def boolean(member: str) -> Filter:
    return Filter(lambda record, value: str(bool(record.get(member))).lower() == value, BOOLEAN_VALUES)


def equals(member: str, allowed: tuple[str, ...] = ()) -> Filter:
    return Filter(lambda record, value: record.get(member) == value, allowed)


def contains(member: str, allowed: tuple[str, ...] = ()) -> Filter:
    return Filter(lambda record, value: value in (record.get(member) or ()), allowed)


def _checked(entry: dict, known: dict[str, Filter]) -> tuple[Filter, list[str]]:
    definition, values = known[entry["Name"]], entry["Values"]
    bad = [value for value in values if definition.allowed and value not in definition.allowed]
    if bad:
        raise ValidationException(
            f"The values {', '.join(bad)} are not valid for the filter {entry['Name']}; "
            f"valid values: {', '.join(definition.allowed)}.",
            reason="INVALID_FILTER_VALUES",
            fields=[{"Name": "Filters", "Message": f"Invalid values for {entry['Name']}: {', '.join(bad)}"}],
        )
    return definition, values


def select(records, filters: list[dict] | None, known: dict[str, Filter], combine=ALL_OF) -> list[dict]:
    """The records the filters select, in their order; `combine` is ALL_OF or ANY_OF."""
    criteria = [_checked(entry, known) for entry in filters or ()]
    if not criteria:
        return list(records)
    return [record for record in records
            if combine(any(definition.match(record, value) for value in values) for definition, values in criteria)]  # fmt: skip
