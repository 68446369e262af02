"""Configuration sets and their event destinations.

CreateConfigurationSet, DeleteConfigurationSet, DescribeConfigurationSets, CreateEventDestination,
UpdateEventDestination, DeleteEventDestination, SetDefaultMessageType, DeleteDefaultMessageType,
SetDefaultSenderId, DeleteDefaultSenderId, SetDefaultMessageFeedbackEnabled. Rules (API reference,
user guide quotas):
- a set name is unique (ConflictException RESOURCE_ALREADY_EXISTS); an account has at most 25 sets
  per Region (ServiceQuotaExceededException CONFIGURATION_SETS_PER_ACCOUNT); every other operation
  names the set by name or ARN;
- a new set has no event destinations, no default message type or sender ID, no protect
  configuration, and message feedback off ("By default this is set to false");
- deleting a set always succeeds (the reference lists no ConflictException) and answers the set as
  it was, event destinations included; its destinations and protect-configuration link go with it;
- an event destination has exactly one of CloudWatchLogsDestination, KinesisFirehoseDestination,
  SnsDestination: none is ValidationException MISSING_PARAMETER, more than one INVALID_REQUEST;
  each ARN must be of its kind (an IAM role, a CloudWatch Logs log group, a Firehose delivery stream,
  an SNS topic), else INVALID_ARN;
- MatchingEventTypes may not hold TEXT_SENT ("not supported"): ValidationException INVALID_PARAMETER;
- a destination name is unique within its set (ConflictException RESOURCE_ALREADY_EXISTS); a set
  holds at most 5 destinations (ServiceQuotaExceededException EVENT_DESTINATIONS_PER_CONFIGURATION_SET);
  a new destination is enabled;
- UpdateEventDestination changes only the members given and can't change the destination's type
  (ConflictException EVENT_DESTINATION_MISMATCH);
- DeleteDefaultMessageType and DeleteDefaultSenderId answer the value they removed (nothing when
  none was set); the default sender ID need not be one of the account's sender IDs.

A set record is its ConfigurationSetInformation members plus Tags; the records are keyed by name.
"""

from __future__ import annotations

import re

from smscli import spec
from smscli.service import account, arns, describe, filters
from smscli.service.errors import (
    ConflictException,
    ServiceQuotaExceededException,
    ValidationException,
    invalid,
    not_found,
)
from smscli.service.region import Region
from smscli.service.tags import checked_tags

CONFIGURATION_SETS = "configuration_sets"
MAX_EVENT_DESTINATIONS = 5
UNSUPPORTED_EVENT_TYPES = ("TEXT_SENT",)
DESTINATION_MEMBERS = ("CloudWatchLogsDestination", "KinesisFirehoseDestination", "SnsDestination")
# Event type prefix -> the event type that matches the whole channel.
_CHANNEL_ALL = {"TEXT_": "TEXT_ALL", "VOICE_": "VOICE_ALL", "MEDIA_": "MEDIA_ALL"}

_PARTITION = r"arn:aws(?:-[a-z]+)*"
# (destination member, ARN member) -> (full-match pattern, what the ARN must name).
_ARN_KINDS = {
    ("CloudWatchLogsDestination", "IamRoleArn"): (
        rf"{_PARTITION}:iam::[0-9]+:role/\S+", "an IAM role ARN (arn:aws:iam::<account-id>:role/<name>)"),
    ("CloudWatchLogsDestination", "LogGroupArn"): (
        rf"{_PARTITION}:logs:[a-z0-9-]+:[0-9]+:log-group:\S+",
        "a CloudWatch Logs log group ARN (arn:aws:logs:<region>:<account-id>:log-group:<name>)"),
    ("KinesisFirehoseDestination", "IamRoleArn"): (
        rf"{_PARTITION}:iam::[0-9]+:role/\S+", "an IAM role ARN (arn:aws:iam::<account-id>:role/<name>)"),
    ("KinesisFirehoseDestination", "DeliveryStreamArn"): (
        rf"{_PARTITION}:firehose:[a-z0-9-]+:[0-9]+:deliverystream/\S+",
        "a Firehose delivery stream ARN (arn:aws:firehose:<region>:<account-id>:deliverystream/<name>)"),
    ("SnsDestination", "TopicArn"): (
        rf"{_PARTITION}:sns:[a-z0-9-]+:[0-9]+:[^\s:]+", "an SNS topic ARN (arn:aws:sns:<region>:<account-id>:<topic>)"),
}  # fmt: skip


def find_configuration_set(region: Region, name_or_arn: str, member: str = "ConfigurationSetName") -> dict:
    name = arns.resolve(region, name_or_arn, "configuration-set", member)
    record = region.collection(CONFIGURATION_SETS).get(name)
    if record is None:
        raise not_found("configuration-set", name_or_arn)
    return record


def _channel_all(event_type: str) -> str | None:
    return next((every for prefix, every in _CHANNEL_ALL.items() if event_type.startswith(prefix)), None)


def matching_destinations(configuration_set: dict, event_type: str) -> list[dict]:
    """The enabled event destinations that take `event_type`: listed by name, by ALL or by the
    channel's *_ALL, in creation order."""
    wanted = {event_type, "ALL", _channel_all(event_type)} - {None}
    return [
        destination
        for destination in configuration_set.get("EventDestinations", [])
        if destination.get("Enabled") and wanted & set(destination.get("MatchingEventTypes", []))
    ]


# ---------------------------------------------------------------------------------------------
# Configuration sets


def create_configuration_set(region: Region, request: dict) -> dict:
    name = request["ConfigurationSetName"]
    sets = region.collection(CONFIGURATION_SETS)
    if name in sets:
        raise ConflictException(
            f"A configuration set named {name} already exists.",
            reason="RESOURCE_ALREADY_EXISTS",
            resource_type="configuration-set",
            resource_id=name,
        )
    tags = checked_tags(request.get("Tags"))
    account.check_account_limit(region, "CONFIGURATION_SETS", "configuration sets")
    sets[name] = {
        "ConfigurationSetArn": region.arn(f"configuration-set/{name}"),
        "ConfigurationSetName": name,
        "EventDestinations": [],
        "DefaultMessageFeedbackEnabled": False,
        "CreatedTimestamp": region.now(),
        "Tags": tags,
    }
    return sets[name]


def delete_configuration_set(region: Region, request: dict) -> dict:
    record = find_configuration_set(region, request["ConfigurationSetName"])
    del region.collection(CONFIGURATION_SETS)[record["ConfigurationSetName"]]
    return record


def _protect_configuration_filter() -> filters.Filter:
    def match(record: dict, value: str) -> bool:
        current = record.get("ProtectConfigurationId")
        if current is None:
            return False
        arn = arns.parse(value)
        return current == (arn.resource_id if arn and arn.resource_type == "protect-configuration" else value)

    return filters.Filter(match)


def _set_filters() -> dict:
    event_types = tuple(spec.shape("EventType")["enum"])

    def any_destination(test):
        return lambda record, value: any(test(destination, value) for destination in record.get("EventDestinations", []))

    return {
        "event-destination-name": filters.Filter(
            any_destination(lambda destination, value: destination["EventDestinationName"] == value)),
        "matching-event-types": filters.Filter(
            any_destination(lambda destination, value: value in destination["MatchingEventTypes"]), event_types),
        "default-message-type": filters.equals("DefaultMessageType", tuple(spec.shape("MessageType")["enum"])),
        "default-sender-id": filters.equals("DefaultSenderId"),
        "default-message-feedback-enabled": filters.boolean("DefaultMessageFeedbackEnabled"),
        "protect-configuration-id": _protect_configuration_filter(),
    }  # fmt: skip


def describe_configuration_sets(region: Region, request: dict) -> dict:
    page, token = describe.select(
        region.collection(CONFIGURATION_SETS).values(), request, "ConfigurationSetNames",
        lambda value: find_configuration_set(region, value, "ConfigurationSetNames"), _set_filters(),
    )  # fmt: skip
    return {"ConfigurationSets": page, "NextToken": token}


# ---------------------------------------------------------------------------------------------
# Defaults


def _set_reply(record: dict, **members) -> dict:
    return {"ConfigurationSetArn": record["ConfigurationSetArn"], "ConfigurationSetName": record["ConfigurationSetName"], **members}


def set_default_message_type(region: Region, request: dict) -> dict:
    record = find_configuration_set(region, request["ConfigurationSetName"])
    record["DefaultMessageType"] = request["MessageType"]
    return _set_reply(record, MessageType=record["DefaultMessageType"])


def delete_default_message_type(region: Region, request: dict) -> dict:
    record = find_configuration_set(region, request["ConfigurationSetName"])
    return _set_reply(record, MessageType=record.pop("DefaultMessageType", None))


def set_default_sender_id(region: Region, request: dict) -> dict:
    record = find_configuration_set(region, request["ConfigurationSetName"])
    record["DefaultSenderId"] = request["SenderId"]
    return _set_reply(record, SenderId=record["DefaultSenderId"])


def delete_default_sender_id(region: Region, request: dict) -> dict:
    record = find_configuration_set(region, request["ConfigurationSetName"])
    return _set_reply(record, SenderId=record.pop("DefaultSenderId", None))


def set_default_message_feedback_enabled(region: Region, request: dict) -> dict:
    record = find_configuration_set(region, request["ConfigurationSetName"])
    record["DefaultMessageFeedbackEnabled"] = bool(request["MessageFeedbackEnabled"])
    return _set_reply(record, MessageFeedbackEnabled=record["DefaultMessageFeedbackEnabled"])


# ---------------------------------------------------------------------------------------------
# Event destinations


def _given_destinations(request: dict) -> list[str]:
    return [member for member in DESTINATION_MEMBERS if request.get(member) is not None]


def _check_destination(request: dict, required: bool) -> str | None:
    """The one destination member of the request (None when an update gives none), its ARNs checked."""
    given = _given_destinations(request)
    if not given and required:
        message = "An event destination needs one of CloudWatchLogsDestination, KinesisFirehoseDestination or SnsDestination."
        raise ValidationException(
            message, reason="MISSING_PARAMETER", fields=[{"Name": member, "Message": message} for member in DESTINATION_MEMBERS]
        )
    if len(given) > 1:
        message = f"An event destination has a single destination; the request gives {len(given)}: {', '.join(given)}."
        raise ValidationException(message, reason="INVALID_REQUEST", fields=[{"Name": member, "Message": message} for member in given])
    if not given:
        return None
    member = given[0]
    for arn_member, value in request[member].items():
        pattern, what = _ARN_KINDS.get((member, arn_member), (None, None))
        if pattern and isinstance(value, str) and not re.fullmatch(pattern, value):
            raise invalid(f"{member}.{arn_member}", f"The ARN {value} is not {what}.", reason="INVALID_ARN")
    return member


def _check_event_types(event_types: list[str] | None) -> None:
    unsupported = [event_type for event_type in event_types or () if event_type in UNSUPPORTED_EVENT_TYPES]
    if unsupported:
        raise invalid("MatchingEventTypes", f"The event type {unsupported[0]} is not supported.", reason="INVALID_PARAMETER")


def _find_destination(record: dict, name: str) -> dict:
    destination = next((d for d in record["EventDestinations"] if d["EventDestinationName"] == name), None)
    if destination is None:
        raise not_found("event-destination", name)
    return destination


def _destination_reply(record: dict, destination: dict) -> dict:
    return _set_reply(record, EventDestination=destination)


def _destination_type(destination: dict) -> str:
    return next(member for member in DESTINATION_MEMBERS if destination.get(member) is not None)


def create_event_destination(region: Region, request: dict) -> dict:
    member = _check_destination(request, required=True)
    _check_event_types(request["MatchingEventTypes"])
    record = find_configuration_set(region, request["ConfigurationSetName"])
    name = request["EventDestinationName"]
    destinations = record["EventDestinations"]
    if any(destination["EventDestinationName"] == name for destination in destinations):
        raise ConflictException(
            f"The configuration set {record['ConfigurationSetName']} already has an event destination named {name}.",
            reason="RESOURCE_ALREADY_EXISTS",
            resource_type="event-destination",
            resource_id=name,
        )
    if len(destinations) >= MAX_EVENT_DESTINATIONS:
        raise ServiceQuotaExceededException(
            f"The configuration set {record['ConfigurationSetName']} already has {len(destinations)} event destinations, "
            f"the most allowed ({MAX_EVENT_DESTINATIONS}).",
            reason="EVENT_DESTINATIONS_PER_CONFIGURATION_SET",
        )
    destination = {
        "EventDestinationName": name,
        "Enabled": True,
        "MatchingEventTypes": list(request["MatchingEventTypes"]),
        member: dict(request[member]),
    }
    destinations.append(destination)
    return _destination_reply(record, destination)


def update_event_destination(region: Region, request: dict) -> dict:
    member = _check_destination(request, required=False)
    _check_event_types(request.get("MatchingEventTypes"))
    record = find_configuration_set(region, request["ConfigurationSetName"])
    destination = _find_destination(record, request["EventDestinationName"])
    if member is not None:
        current = _destination_type(destination)
        if member != current:
            name = destination["EventDestinationName"]
            raise ConflictException(
                f"The event destination {name} is a {current}; its type can't change to {member}.",
                reason="EVENT_DESTINATION_MISMATCH",
                resource_type="event-destination",
                resource_id=name,
            )
        destination[member] = dict(request[member])
    if request.get("Enabled") is not None:
        destination["Enabled"] = bool(request["Enabled"])
    if request.get("MatchingEventTypes") is not None:
        destination["MatchingEventTypes"] = list(request["MatchingEventTypes"])
    return _destination_reply(record, destination)


def delete_event_destination(region: Region, request: dict) -> dict:
    record = find_configuration_set(region, request["ConfigurationSetName"])
    destination = _find_destination(record, request["EventDestinationName"])
    record["EventDestinations"].remove(destination)
    return _destination_reply(record, destination)


OPERATIONS = {
    "CreateConfigurationSet": create_configuration_set,
    "DeleteConfigurationSet": delete_configuration_set,
    "DescribeConfigurationSets": describe_configuration_sets,
    "CreateEventDestination": create_event_destination,
    "UpdateEventDestination": update_event_destination,
    "DeleteEventDestination": delete_event_destination,
    "SetDefaultMessageType": set_default_message_type,
    "DeleteDefaultMessageType": delete_default_message_type,
    "SetDefaultSenderId": set_default_sender_id,
    "DeleteDefaultSenderId": delete_default_sender_id,
    "SetDefaultMessageFeedbackEnabled": set_default_message_feedback_enabled,
}
