"""Protect configurations: which destination countries (and numbers) a message may reach.

CreateProtectConfiguration, DeleteProtectConfiguration, DescribeProtectConfigurations,
UpdateProtectConfiguration, GetProtectConfigurationCountryRuleSet,
UpdateProtectConfigurationCountryRuleSet, AssociateProtectConfiguration,
DisassociateProtectConfiguration, SetAccountDefaultProtectConfiguration,
DeleteAccountDefaultProtectConfiguration, PutProtectConfigurationRuleSetNumberOverride,
DeleteProtectConfigurationRuleSetNumberOverride, ListProtectConfigurationRuleSetNumberOverrides, and
`check_send`, the check every send makes. Rules (API reference; the API digest's decisions where it
is silent):
- a protect configuration is `protect-` + 32 hex; its name, if any, is its `Name` tag; deletion
  protection is off unless asked for; at most 25 per account and Region (an smscli figure, the
  reference gives none: ServiceQuotaExceededException PROTECT_CONFIGURATIONS_PER_ACCOUNT);
- a country rule set per capability (SMS, VOICE, MMS) maps every country of the user guide's SMS
  country table (countries.py, the list the reference points to) to a ProtectStatus, ALLOW by
  default; the reference allows ALLOW, BLOCK, MONITOR and FILTER for each of the three capabilities;
  an update changes only the countries it names, of the capability it names, and answers the whole
  rule set; a country code outside the table is a ValidationException INVALID_PARAMETER;
- number overrides: ALLOW or BLOCK per destination number (E.164, a missing `+` is added), with an
  optional ExpirationTimestamp ("If ExpirationTimestamp is not set then the rule does not expire");
  putting one for a number that has one replaces its action and expiry (its CreatedTimestamp stays);
  IsoCountryCode is the number's country when its dialing code is known; an expired override is
  still listed (until deleted) and ignored by sends; deleting one that does not exist is a
  ResourceNotFoundException (ResourceType protect-configuration, ResourceId the number);
- a configuration set has at most one protect configuration, which AssociateProtectConfiguration
  replaces (re-associating the same pair succeeds); DisassociateProtectConfiguration of a protect
  configuration that is not the set's is a ConflictException
  PROTECT_CONFIGURATION_NOT_ASSOCIATED_WITH_CONFIGURATION_SET;
- one protect configuration at a time is the account default (SetAccountDefault... replaces it;
  AccountDefault says which; DescribeAccountAttributes lists DEFAULT_PROTECT_CONFIGURATION_ID);
  DeleteAccountDefault... without a default is a ResourceNotFoundException (ResourceType account);
- DeleteProtectConfiguration is refused, in this order, while deletion protection is on
  (DELETION_PROTECTION_ENABLED), while it is the account default
  (PROTECT_CONFIGURATION_IS_ACCOUNT_DEFAULT) and while a configuration set uses it
  (PROTECT_CONFIGURATION_ASSOCIATED_WITH_CONFIGURATION_SET); its rules and overrides go with it;
- filters: DescribeProtectConfigurations `account-default`, `deletion-protection-enabled` (true |
  false), a configuration matching any of them ("match any of filters", 8402; filters.py);
  ListProtectConfigurationRuleSetNumberOverrides, matching all of them, `iso-country-code`,
  `destination-phone-number-begins-with` (with or without the `+`), `action` (ALLOW | BLOCK),
  `expires-before`, `expires-after`, `created-before`, `created-after` (epoch seconds or ISO 8601;
  a rule that never expires expires after any time and before none).

Sends (`check_send`): the protect configuration is the message's ProtectConfigurationId (id or ARN,
ResourceNotFoundException when unknown), else the configuration set's, else the account default,
else none. A non-expired override of the destination decides first: BLOCK is a ConflictException
DESTINATION_PHONE_NUMBER_BLOCKED_BY_PROTECT_NUMBER_OVERRIDE, ALLOW skips the country rule. Then the
rule of the destination's country for the channel's capability: BLOCK is a ConflictException
DESTINATION_COUNTRY_BLOCKED_BY_PROTECT_CONFIGURATION; ALLOW and MONITOR let the message through,
and so does FILTER, which blocks only what the service's AIT model suspects (no such model here).

A record is its ProtectConfigurationInformation members (AccountDefault excepted: it is read from
the account's DefaultProtectConfigurationId) plus Tags, and hidden `rule_sets` {capability: {ISO:
status}} (only the countries ever updated) and `overrides` {E.164: override}.
"""

from __future__ import annotations

import datetime

from smscli.service import account, arns, describe, filters
from smscli.service.configsets import CONFIGURATION_SETS, find_configuration_set
from smscli.service.countries import countries, place_name
from smscli.service.errors import (
    ConflictException,
    ResourceNotFoundException,
    ServiceQuotaExceededException,
    ValidationException,
    invalid,
    not_found,
)
from smscli.service.pagination import paginate
from smscli.service.phones import destination_country
from smscli.service.region import Region
from smscli.service.tags import checked_tags
from smscli.service.verified import normalized

PROTECT_CONFIGURATIONS = "protect_configurations"
RESOURCE_TYPE = "protect-configuration"
MAX_PROTECT_CONFIGURATIONS = 25
ALLOW, BLOCK, MONITOR, FILTER = "ALLOW", "BLOCK", "MONITOR", "FILTER"
# The send channels (sending.py) and the capability whose rule set applies to them.
CAPABILITY_OF_CHANNEL = {"TEXT": "SMS", "VOICE": "VOICE", "MEDIA": "MMS"}


def _conflict(message: str, reason: str, resource_id: str, resource_type: str = RESOURCE_TYPE) -> ConflictException:
    return ConflictException(message, reason=reason, resource_type=resource_type, resource_id=resource_id)


def find_protect_configuration(region: Region, value: str, member: str = "ProtectConfigurationId") -> dict:
    """The protect configuration an id or ARN names (ResourceNotFoundException when there is none)."""
    protect_id = arns.resolve(region, value, RESOURCE_TYPE, member)
    record = region.collection(PROTECT_CONFIGURATIONS).get(protect_id)
    if record is None:
        raise not_found(RESOURCE_TYPE, value)
    return record


def _account(region: Region) -> dict:
    return region.collection(account.ACCOUNT)


def _default_id(region: Region) -> str | None:
    return _account(region).get(account.DEFAULT_PROTECT_CONFIGURATION)


def _information(region: Region, record: dict) -> dict:
    """ProtectConfigurationInformation (plus Tags, which the outputs that have them keep)."""
    return {
        "ProtectConfigurationArn": record["ProtectConfigurationArn"],
        "ProtectConfigurationId": record["ProtectConfigurationId"],
        "CreatedTimestamp": record["CreatedTimestamp"],
        "AccountDefault": record["ProtectConfigurationId"] == _default_id(region),
        "DeletionProtectionEnabled": record["DeletionProtectionEnabled"],
        "Tags": record.get("Tags", []),
    }


def _sets_using(region: Region, protect_id: str) -> list[dict]:
    return [s for s in region.collection(CONFIGURATION_SETS).values() if s.get("ProtectConfigurationId") == protect_id]


# ---------------------------------------------------------------------------------------------
# Protect configurations


def create_protect_configuration(region: Region, request: dict) -> dict:
    tags = checked_tags(request.get("Tags"))
    configurations = region.collection(PROTECT_CONFIGURATIONS)
    if len(configurations) >= MAX_PROTECT_CONFIGURATIONS:
        raise ServiceQuotaExceededException(
            f"The account already has {len(configurations)} protect configurations, the most allowed "
            f"({MAX_PROTECT_CONFIGURATIONS}).",
            reason="PROTECT_CONFIGURATIONS_PER_ACCOUNT",
        )
    protect_id = region.new_id("protect")
    configurations[protect_id] = record = {
        "ProtectConfigurationArn": region.arn(f"protect-configuration/{protect_id}"),
        "ProtectConfigurationId": protect_id,
        "CreatedTimestamp": region.now(),
        "DeletionProtectionEnabled": bool(request.get("DeletionProtectionEnabled")),
        "Tags": tags,
        "rule_sets": {},
        "overrides": {},
    }
    return _information(region, record)


def update_protect_configuration(region: Region, request: dict) -> dict:
    record = find_protect_configuration(region, request["ProtectConfigurationId"])
    if request.get("DeletionProtectionEnabled") is not None:
        record["DeletionProtectionEnabled"] = bool(request["DeletionProtectionEnabled"])
    return _information(region, record)


def delete_protect_configuration(region: Region, request: dict) -> dict:
    record = find_protect_configuration(region, request["ProtectConfigurationId"])
    protect_id = record["ProtectConfigurationId"]
    if record["DeletionProtectionEnabled"]:
        raise _conflict(f"The protect configuration {protect_id} has deletion protection enabled; disable it first.",
                        "DELETION_PROTECTION_ENABLED", protect_id)  # fmt: skip
    if protect_id == _default_id(region):
        raise _conflict(f"The protect configuration {protect_id} is the account default protect configuration.",
                        "PROTECT_CONFIGURATION_IS_ACCOUNT_DEFAULT", protect_id)  # fmt: skip
    using = _sets_using(region, protect_id)
    if using:
        names = ", ".join(s["ConfigurationSetName"] for s in using)
        raise _conflict(f"The protect configuration {protect_id} is associated with the configuration set(s) {names}.",
                        "PROTECT_CONFIGURATION_ASSOCIATED_WITH_CONFIGURATION_SET", protect_id)  # fmt: skip
    information = _information(region, record)
    del region.collection(PROTECT_CONFIGURATIONS)[protect_id]
    return information


def describe_protect_configurations(region: Region, request: dict) -> dict:
    informations = {key: _information(region, record) for key, record in region.collection(PROTECT_CONFIGURATIONS).items()}

    def find(value: str) -> dict:
        return informations[find_protect_configuration(region, value, "ProtectConfigurationIds")["ProtectConfigurationId"]]

    known = {"account-default": filters.boolean("AccountDefault"), "deletion-protection-enabled": filters.boolean("DeletionProtectionEnabled")}
    page, token = describe.select(informations.values(), request, "ProtectConfigurationIds", find, known, filters.ANY_OF)
    return {"ProtectConfigurations": page, "NextToken": token}


# ---------------------------------------------------------------------------------------------
# Country rule sets


def _rule_set(record: dict, capability: str) -> dict:
    explicit = record.get("rule_sets", {}).get(capability, {})
    return {iso: {"ProtectStatus": explicit.get(iso, ALLOW)} for iso in sorted(countries())}


def _rule_set_reply(record: dict, capability: str) -> dict:
    return {
        "ProtectConfigurationArn": record["ProtectConfigurationArn"],
        "ProtectConfigurationId": record["ProtectConfigurationId"],
        "NumberCapability": capability,
        "CountryRuleSet": _rule_set(record, capability),
    }


def get_protect_configuration_country_rule_set(region: Region, request: dict) -> dict:
    record = find_protect_configuration(region, request["ProtectConfigurationId"])
    return _rule_set_reply(record, request["NumberCapability"])


def update_protect_configuration_country_rule_set(region: Region, request: dict) -> dict:
    updates = request["CountryRuleSetUpdates"]
    unknown = sorted(iso for iso in updates if iso not in countries())
    if unknown:
        raise invalid(
            "CountryRuleSetUpdates",
            f"Not a supported country or region code: {', '.join(unknown)} (see Supported countries and regions (SMS channel)).",
            reason="INVALID_PARAMETER",
        )
    record = find_protect_configuration(region, request["ProtectConfigurationId"])
    capability = request["NumberCapability"]
    explicit = record.setdefault("rule_sets", {}).setdefault(capability, {})
    for iso, rule in updates.items():
        explicit[iso] = rule["ProtectStatus"]
    return _rule_set_reply(record, capability)


# ---------------------------------------------------------------------------------------------
# Configuration sets and the account default


def _association_reply(configuration_set: dict, record: dict) -> dict:
    return {
        "ConfigurationSetArn": configuration_set["ConfigurationSetArn"],
        "ConfigurationSetName": configuration_set["ConfigurationSetName"],
        "ProtectConfigurationArn": record["ProtectConfigurationArn"],
        "ProtectConfigurationId": record["ProtectConfigurationId"],
    }


def associate_protect_configuration(region: Region, request: dict) -> dict:
    record = find_protect_configuration(region, request["ProtectConfigurationId"])
    configuration_set = find_configuration_set(region, request["ConfigurationSetName"])
    configuration_set["ProtectConfigurationId"] = record["ProtectConfigurationId"]
    return _association_reply(configuration_set, record)


def disassociate_protect_configuration(region: Region, request: dict) -> dict:
    record = find_protect_configuration(region, request["ProtectConfigurationId"])
    configuration_set = find_configuration_set(region, request["ConfigurationSetName"])
    protect_id = record["ProtectConfigurationId"]
    if configuration_set.get("ProtectConfigurationId") != protect_id:
        current = configuration_set.get("ProtectConfigurationId")
        raise _conflict(
            f"The protect configuration {protect_id} is not associated with the configuration set "
            f"{configuration_set['ConfigurationSetName']}"
            + (f" (its protect configuration is {current})." if current else " (it has no protect configuration)."),
            "PROTECT_CONFIGURATION_NOT_ASSOCIATED_WITH_CONFIGURATION_SET", protect_id,
        )  # fmt: skip
    del configuration_set["ProtectConfigurationId"]
    return _association_reply(configuration_set, record)


def _default_reply(record: dict) -> dict:
    return {"DefaultProtectConfigurationArn": record["ProtectConfigurationArn"],
            "DefaultProtectConfigurationId": record["ProtectConfigurationId"]}  # fmt: skip


def set_account_default_protect_configuration(region: Region, request: dict) -> dict:
    record = find_protect_configuration(region, request["ProtectConfigurationId"])
    _account(region)[account.DEFAULT_PROTECT_CONFIGURATION] = record["ProtectConfigurationId"]
    return _default_reply(record)


def delete_account_default_protect_configuration(region: Region, request: dict) -> dict:
    default = _default_id(region)
    record = region.collection(PROTECT_CONFIGURATIONS).get(default) if default else None
    if record is None:
        raise ResourceNotFoundException(f"The account {region.account_id} has no default protect configuration.",
                                        resource_type="account", resource_id=region.account_id)  # fmt: skip
    del _account(region)[account.DEFAULT_PROTECT_CONFIGURATION]
    return _default_reply(record)


# ---------------------------------------------------------------------------------------------
# Number overrides


def _override_reply(record: dict, override: dict) -> dict:
    return {"ProtectConfigurationArn": record["ProtectConfigurationArn"],
            "ProtectConfigurationId": record["ProtectConfigurationId"], **override}  # fmt: skip


def put_protect_configuration_rule_set_number_override(region: Region, request: dict) -> dict:
    record = find_protect_configuration(region, request["ProtectConfigurationId"])
    number = normalized(request["DestinationPhoneNumber"])
    overrides = record.setdefault("overrides", {})
    previous = overrides.get(number)
    override = {
        "DestinationPhoneNumber": number,
        "CreatedTimestamp": previous["CreatedTimestamp"] if previous else region.now(),
        "Action": request["Action"],
        "IsoCountryCode": destination_country(number),
        "ExpirationTimestamp": request.get("ExpirationTimestamp"),
    }
    overrides[number] = {key: value for key, value in override.items() if value is not None}
    return _override_reply(record, overrides[number])


def delete_protect_configuration_rule_set_number_override(region: Region, request: dict) -> dict:
    record = find_protect_configuration(region, request["ProtectConfigurationId"])
    number = normalized(request["DestinationPhoneNumber"])
    override = record.get("overrides", {}).pop(number, None)
    if override is None:
        raise ResourceNotFoundException(
            f"The protect configuration {record['ProtectConfigurationId']} has no number override for {number}.",
            resource_type=RESOURCE_TYPE, resource_id=request["DestinationPhoneNumber"],
        )  # fmt: skip
    return _override_reply(record, override)


def _instant(value: str) -> float | None:
    """Epoch seconds from a filter value: epoch seconds, or ISO 8601 (UTC when no offset is given)."""
    try:
        return float(value)
    except ValueError:
        pass
    try:
        moment = datetime.datetime.fromisoformat(value[:-1] + "+00:00" if value.endswith("Z") else value)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.timezone.utc)
    return moment.timestamp()


def _time_filter(member: str, before: bool) -> filters.Filter:
    def match(override: dict, value: str) -> bool:
        moment, at = _instant(value), override.get(member)
        if at is None:  # only ExpirationTimestamp can be missing: the rule never expires
            return not before
        return at < moment if before else at > moment

    return filters.Filter(match)


_TIME_FILTERS = {
    "expires-before": ("ExpirationTimestamp", True),
    "expires-after": ("ExpirationTimestamp", False),
    "created-before": ("CreatedTimestamp", True),
    "created-after": ("CreatedTimestamp", False),
}


def _override_filters() -> dict:
    def begins_with(override: dict, value: str) -> bool:
        return override["DestinationPhoneNumber"].lstrip("+").startswith(value.lstrip("+"))

    return {
        "iso-country-code": filters.equals("IsoCountryCode"),
        "destination-phone-number-begins-with": filters.Filter(begins_with),
        "action": filters.equals("Action", (ALLOW, BLOCK)),
        **{name: _time_filter(member, before) for name, (member, before) in _TIME_FILTERS.items()},
    }


def _check_time_filters(request: dict) -> None:
    for entry in request.get("Filters") or ():
        bad = [value for value in entry["Values"] if entry["Name"] in _TIME_FILTERS and _instant(value) is None]
        if bad:
            raise ValidationException(
                f"The values {', '.join(bad)} are not valid for the filter {entry['Name']}; "
                "valid values: timestamps in epoch seconds or ISO 8601.",
                reason="INVALID_FILTER_VALUES",
                fields=[{"Name": "Filters", "Message": f"Invalid values for {entry['Name']}: {', '.join(bad)}"}],
            )


def list_protect_configuration_rule_set_number_overrides(region: Region, request: dict) -> dict:
    record = find_protect_configuration(region, request["ProtectConfigurationId"])
    _check_time_filters(request)
    selected = filters.select(list(record.get("overrides", {}).values()), request.get("Filters"), _override_filters())
    page, token = paginate(selected, request)
    return {
        "ProtectConfigurationArn": record["ProtectConfigurationArn"],
        "ProtectConfigurationId": record["ProtectConfigurationId"],
        "RuleSetNumberOverrides": page,
        "NextToken": token,
    }


# ---------------------------------------------------------------------------------------------
# Sends


def effective_protect_configuration(region: Region, protect_configuration_id: str | None, configuration_set: dict | None) -> dict | None:
    """The protect configuration a send uses: the message's, else its configuration set's, else the
    account default, else None."""
    if protect_configuration_id:
        return find_protect_configuration(region, protect_configuration_id)
    configurations = region.collection(PROTECT_CONFIGURATIONS)
    for candidate in ((configuration_set or {}).get("ProtectConfigurationId"), _default_id(region)):
        if candidate and candidate in configurations:
            return configurations[candidate]
    return None


def _active_override(region: Region, record: dict, destination: str) -> dict | None:
    override = record.get("overrides", {}).get(normalized(destination))
    if override is None:
        return None
    expires = override.get("ExpirationTimestamp")
    return override if expires is None or expires > region.now() else None


def check_send(region: Region, protect_configuration_id: str | None, configuration_set: dict | None,
               channel: str, destination: str, iso: str) -> None:  # fmt: skip
    """Refuse a send that the effective protect configuration blocks (see the module docstring).
    `channel` is TEXT, VOICE or MEDIA (or the capability itself: SMS, VOICE, MMS)."""
    record = effective_protect_configuration(region, protect_configuration_id, configuration_set)
    if record is None:
        return
    protect_id = record["ProtectConfigurationId"]
    override = _active_override(region, record, destination)
    if override is not None:
        if override["Action"] == BLOCK:
            raise _conflict(f"The protect configuration {protect_id} blocks messages to {destination} (a number override).",
                            "DESTINATION_PHONE_NUMBER_BLOCKED_BY_PROTECT_NUMBER_OVERRIDE", protect_id)  # fmt: skip
        return
    capability = CAPABILITY_OF_CHANNEL.get(channel, channel)
    status = record.get("rule_sets", {}).get(capability, {}).get(iso, ALLOW)
    if status == BLOCK:
        raise _conflict(f"The protect configuration {protect_id} blocks {capability} messages to {place_name(iso)} ({iso}).",
                        "DESTINATION_COUNTRY_BLOCKED_BY_PROTECT_CONFIGURATION", protect_id)  # fmt: skip


OPERATIONS = {
    "CreateProtectConfiguration": create_protect_configuration,
    "DeleteProtectConfiguration": delete_protect_configuration,
    "DescribeProtectConfigurations": describe_protect_configurations,
    "UpdateProtectConfiguration": update_protect_configuration,
    "GetProtectConfigurationCountryRuleSet": get_protect_configuration_country_rule_set,
    "UpdateProtectConfigurationCountryRuleSet": update_protect_configuration_country_rule_set,
    "AssociateProtectConfiguration": associate_protect_configuration,
    "DisassociateProtectConfiguration": disassociate_protect_configuration,
    "SetAccountDefaultProtectConfiguration": set_account_default_protect_configuration,
    "DeleteAccountDefaultProtectConfiguration": delete_account_default_protect_configuration,
    "PutProtectConfigurationRuleSetNumberOverride": put_protect_configuration_rule_set_number_override,
    "DeleteProtectConfigurationRuleSetNumberOverride": delete_protect_configuration_rule_set_number_override,
    "ListProtectConfigurationRuleSetNumberOverrides": list_protect_configuration_rule_set_number_overrides,
}
