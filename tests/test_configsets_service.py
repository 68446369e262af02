"""Configuration sets and event destinations through the service entry point: responses, errors, state."""

from __future__ import annotations

import pytest

from conftest import FIXED_NOW as NOW
from conftest import fresh
from smscli.service.configsets import CONFIGURATION_SETS, find_configuration_set, matching_destinations
from smscli.service.errors import (
    AccessDeniedException,
    ConflictException,
    ResourceNotFoundException,
    ServiceQuotaExceededException,
    ValidationException,
)

ARN = "arn:aws:sms-voice:us-east-1:123456789012:configuration-set/"
ROLE = "arn:aws:iam::123456789012:role/sms-events"
LOGS = {"CloudWatchLogsDestination": {"IamRoleArn": ROLE, "LogGroupArn": "arn:aws:logs:us-east-1:123456789012:log-group:sms"}}
FIREHOSE = {"KinesisFirehoseDestination": {
    "IamRoleArn": ROLE, "DeliveryStreamArn": "arn:aws:firehose:us-east-1:123456789012:deliverystream/sms"}}  # fmt: skip
SNS = {"SnsDestination": {"TopicArn": "arn:aws:sns:us-east-1:123456789012:sms-events"}}


def make_set(service, name="alerts", **extra):
    return service.call("CreateConfigurationSet", {"ConfigurationSetName": name, **extra})


def add_destination(service, name="logs", set_name="alerts", types=("ALL",), destination=None, **extra):
    request = {"ConfigurationSetName": set_name, "EventDestinationName": name, "MatchingEventTypes": list(types)}
    return service.call("CreateEventDestination", {**request, **(destination or SNS), **extra})


def describe(service, **request):
    return fresh(service).call("DescribeConfigurationSets", request)


# ---------------------------------------------------------------------------------------------
# Configuration sets


def test_create_returns_the_set_with_its_tags(service):
    assert make_set(service, Tags=[{"Key": "team", "Value": ""}]) == {
        "ConfigurationSetArn": ARN + "alerts",
        "ConfigurationSetName": "alerts",
        "CreatedTimestamp": NOW,
        "Tags": [{"Key": "team", "Value": ""}],
    }
    assert describe(service) == {
        "ConfigurationSets": [{
            "ConfigurationSetArn": ARN + "alerts",
            "ConfigurationSetName": "alerts",
            "EventDestinations": [],
            "DefaultMessageFeedbackEnabled": False,
            "CreatedTimestamp": NOW,
        }]
    }  # fmt: skip


def test_a_name_is_unique(service):
    make_set(service, "dup")
    with pytest.raises(ConflictException) as raised:
        make_set(service, "dup")
    assert (raised.value.reason, raised.value.resource_type, raised.value.resource_id) == (
        "RESOURCE_ALREADY_EXISTS", "configuration-set", "dup"
    )


@pytest.mark.parametrize("name", ["has space", "with:colon", "a/b", "x" * 65, ""])
def test_names_follow_the_pattern_and_length(service, name):
    with pytest.raises(ValidationException) as raised:
        make_set(service, name)
    assert raised.value.reason == "FIELD_VALIDATION_FAILED"
    assert raised.value.fields[0]["Name"] == "ConfigurationSetName"


def test_the_quota_is_25_sets(service):
    for number in range(25):
        make_set(service, f"set-{number}")
    with pytest.raises(ServiceQuotaExceededException) as raised:
        make_set(service, "one-too-many")
    assert raised.value.reason == "CONFIGURATION_SETS_PER_ACCOUNT"
    service.call("DeleteConfigurationSet", {"ConfigurationSetName": "set-0"})
    make_set(service, "one-too-many")


def test_duplicate_tag_keys_are_refused(service):
    with pytest.raises(ValidationException) as raised:
        make_set(service, Tags=[{"Key": "k", "Value": "1"}, {"Key": "k", "Value": "2"}])
    assert raised.value.fields[0]["Name"] == "Tags"


def test_client_token_replays_the_first_response(service, clock):
    first = make_set(service, "once", ClientToken="tok-1")
    clock.now += 60
    assert make_set(service, "once", ClientToken="tok-1") == first
    with pytest.raises(ValidationException) as raised:
        make_set(service, "other", ClientToken="tok-1")
    assert raised.value.reason == "INVALID_REQUEST"


def test_delete_returns_the_whole_set_with_its_destinations(service, clock):
    make_set(service, "gone", Tags=[{"Key": "k", "Value": "v"}])
    add_destination(service, "to-sns", "gone", ["TEXT_ALL", "VOICE_ALL"])
    service.call("SetDefaultMessageType", {"ConfigurationSetName": "gone", "MessageType": "TRANSACTIONAL"})
    service.call("SetDefaultSenderId", {"ConfigurationSetName": "gone", "SenderId": "ACME"})
    response = service.call("DeleteConfigurationSet", {"ConfigurationSetName": ARN + "gone"})
    assert response == {
        "ConfigurationSetArn": ARN + "gone",
        "ConfigurationSetName": "gone",
        "EventDestinations": [
            {"EventDestinationName": "to-sns", "Enabled": True, "MatchingEventTypes": ["TEXT_ALL", "VOICE_ALL"], **SNS}
        ],
        "DefaultMessageType": "TRANSACTIONAL",
        "DefaultSenderId": "ACME",
        "DefaultMessageFeedbackEnabled": False,
        "CreatedTimestamp": NOW,
    }
    assert list(response) == ["ConfigurationSetArn", "ConfigurationSetName", "EventDestinations", "DefaultMessageType",
                              "DefaultSenderId", "DefaultMessageFeedbackEnabled", "CreatedTimestamp"]  # fmt: skip
    assert describe(service) == {"ConfigurationSets": []}
    with pytest.raises(ResourceNotFoundException) as raised:
        service.call("DeleteConfigurationSet", {"ConfigurationSetName": "gone"})
    assert (raised.value.resource_type, raised.value.resource_id) == ("configuration-set", "gone")
    clock.now += 1
    make_set(service, "gone")  # the name is free again, with nothing left over
    assert describe(service)["ConfigurationSets"][0]["EventDestinations"] == []


def test_arns_of_other_types_accounts_and_regions_are_refused(service):
    make_set(service)
    with pytest.raises(ValidationException) as raised:
        service.call("DeleteConfigurationSet", {"ConfigurationSetName": "arn:aws:sms-voice:us-east-1:123456789012:pool/alerts"})
    assert raised.value.reason == "INVALID_ARN"
    with pytest.raises(AccessDeniedException):
        service.call("DeleteConfigurationSet", {"ConfigurationSetName": "arn:aws:sms-voice:us-east-1:111122223333:configuration-set/alerts"})
    with pytest.raises(ValidationException) as raised:
        service.call("SetDefaultSenderId", {"ConfigurationSetName": "arn:aws:sms-voice:eu-west-1:123456789012:configuration-set/alerts",
                                            "SenderId": "ACME"})  # fmt: skip
    assert raised.value.reason == "INVALID_ARN"


# ---------------------------------------------------------------------------------------------
# Describe


def test_describe_by_name_or_arn_in_the_order_given_and_unknown_names(service):
    for name in ("a", "b", "c"):
        make_set(service, name)
    response = describe(service, ConfigurationSetNames=[ARN + "c", "a", "c"])
    assert [entry["ConfigurationSetName"] for entry in response["ConfigurationSets"]] == ["c", "a"]
    with pytest.raises(ResourceNotFoundException) as raised:
        describe(service, ConfigurationSetNames=["a", "nope"])
    assert (raised.value.resource_type, raised.value.resource_id) == ("configuration-set", "nope")
    with pytest.raises(ValidationException):
        describe(service, ConfigurationSetNames=["a", "b", "c", "a", "b", "c"])  # at most 5


def test_describe_pages_in_creation_order(service):
    for number in range(5):
        make_set(service, f"set-{number}")
    first = describe(service, MaxResults=2)
    assert [entry["ConfigurationSetName"] for entry in first["ConfigurationSets"]] == ["set-0", "set-1"]
    second = describe(service, MaxResults=2, NextToken=first["NextToken"])
    third = describe(service, MaxResults=2, NextToken=second["NextToken"])
    assert [entry["ConfigurationSetName"] for entry in second["ConfigurationSets"] + third["ConfigurationSets"]] == [
        "set-2", "set-3", "set-4"
    ]
    assert "NextToken" not in third
    with pytest.raises(ValidationException) as raised:
        describe(service, MaxResults=2, NextToken=first["NextToken"], Filters=[{"Name": "default-sender-id", "Values": ["X"]}])
    assert raised.value.reason == "INVALID_NEXT_TOKEN"


@pytest.fixture
def three_sets(service):
    make_set(service, "logs-only")
    add_destination(service, "cw", "logs-only", ["TEXT_DELIVERED", "TEXT_BLOCKED"], LOGS)
    service.call("SetDefaultMessageType", {"ConfigurationSetName": "logs-only", "MessageType": "PROMOTIONAL"})
    make_set(service, "everything")
    add_destination(service, "topic", "everything", ["ALL"])
    service.call("SetDefaultSenderId", {"ConfigurationSetName": "everything", "SenderId": "ACME"})
    service.call("SetDefaultMessageFeedbackEnabled", {"ConfigurationSetName": "everything", "MessageFeedbackEnabled": True})
    make_set(service, "bare")
    return service


@pytest.mark.parametrize("name, values, expected", [
    ("event-destination-name", ["cw"], ["logs-only"]),
    ("event-destination-name", ["cw", "topic"], ["logs-only", "everything"]),
    ("matching-event-types", ["TEXT_BLOCKED"], ["logs-only"]),
    ("matching-event-types", ["ALL"], ["everything"]),
    ("default-message-type", ["PROMOTIONAL"], ["logs-only"]),
    ("default-message-type", ["TRANSACTIONAL"], []),
    ("default-sender-id", ["ACME"], ["everything"]),
    ("default-message-feedback-enabled", ["true"], ["everything"]),
    ("default-message-feedback-enabled", ["false"], ["logs-only", "bare"]),
    ("protect-configuration-id", ["protect-00000000000000000000000000000001"], []),
])  # fmt: skip
def test_describe_filters(three_sets, name, values, expected):
    response = describe(three_sets, Filters=[{"Name": name, "Values": values}])
    assert [entry["ConfigurationSetName"] for entry in response["ConfigurationSets"]] == expected


def test_filters_combine_with_and_and_with_names(three_sets):
    filters = [{"Name": "event-destination-name", "Values": ["cw", "topic"]}, {"Name": "default-sender-id", "Values": ["ACME"]}]
    assert [entry["ConfigurationSetName"] for entry in describe(three_sets, Filters=filters)["ConfigurationSets"]] == ["everything"]
    response = describe(three_sets, ConfigurationSetNames=["bare", "logs-only"], Filters=filters[:1])
    assert [entry["ConfigurationSetName"] for entry in response["ConfigurationSets"]] == ["logs-only"]


def test_the_protect_configuration_filter_matches_an_id_or_its_arn(service):
    make_set(service, "protected")
    make_set(service, "open")
    with service.write_region() as region:  # what AssociateProtectConfiguration leaves on the record
        region.collection(CONFIGURATION_SETS)["protected"]["ProtectConfigurationId"] = "protect-1"
    arn = "arn:aws:sms-voice:us-east-1:123456789012:protect-configuration/protect-1"
    for value in ("protect-1", arn):
        response = describe(service, Filters=[{"Name": "protect-configuration-id", "Values": [value]}])
        assert [entry["ConfigurationSetName"] for entry in response["ConfigurationSets"]] == ["protected"]
    assert describe(service, ConfigurationSetNames=["protected"])["ConfigurationSets"][0]["ProtectConfigurationId"] == "protect-1"


@pytest.mark.parametrize("name, values", [
    ("default-message-feedback-enabled", ["yes"]),
    ("default-message-type", ["MARKETING"]),
    ("matching-event-types", ["TEXT_EVERYTHING"]),
])  # fmt: skip
def test_filter_values_outside_their_set_are_refused(three_sets, name, values):
    with pytest.raises(ValidationException) as raised:
        describe(three_sets, Filters=[{"Name": name, "Values": values}])
    assert raised.value.reason == "INVALID_FILTER_VALUES"


def test_unknown_filter_names_are_refused(three_sets):
    with pytest.raises(ValidationException) as raised:
        describe(three_sets, Filters=[{"Name": "matching-event-type", "Values": ["ALL"]}])
    assert raised.value.reason == "FIELD_VALIDATION_FAILED"


# ---------------------------------------------------------------------------------------------
# Defaults


def test_default_message_type_set_and_delete(service):
    make_set(service)
    assert service.call("SetDefaultMessageType", {"ConfigurationSetName": "alerts", "MessageType": "PROMOTIONAL"}) == {
        "ConfigurationSetArn": ARN + "alerts", "ConfigurationSetName": "alerts", "MessageType": "PROMOTIONAL"
    }
    assert describe(service)["ConfigurationSets"][0]["DefaultMessageType"] == "PROMOTIONAL"
    assert service.call("DeleteDefaultMessageType", {"ConfigurationSetName": ARN + "alerts"}) == {
        "ConfigurationSetArn": ARN + "alerts", "ConfigurationSetName": "alerts", "MessageType": "PROMOTIONAL"
    }
    assert "DefaultMessageType" not in describe(service)["ConfigurationSets"][0]
    assert service.call("DeleteDefaultMessageType", {"ConfigurationSetName": "alerts"}) == {
        "ConfigurationSetArn": ARN + "alerts", "ConfigurationSetName": "alerts"
    }
    with pytest.raises(ValidationException) as raised:
        service.call("SetDefaultMessageType", {"ConfigurationSetName": "alerts", "MessageType": "MARKETING"})
    assert raised.value.fields[0]["Name"] == "MessageType"


def test_default_sender_id_set_and_delete(service):
    make_set(service)
    assert service.call("SetDefaultSenderId", {"ConfigurationSetName": "alerts", "SenderId": "My-Brand_1"}) == {
        "ConfigurationSetArn": ARN + "alerts", "ConfigurationSetName": "alerts", "SenderId": "My-Brand_1"
    }
    assert describe(service)["ConfigurationSets"][0]["DefaultSenderId"] == "My-Brand_1"
    assert service.call("DeleteDefaultSenderId", {"ConfigurationSetName": "alerts"}) == {
        "ConfigurationSetArn": ARN + "alerts", "ConfigurationSetName": "alerts", "SenderId": "My-Brand_1"
    }
    assert service.call("DeleteDefaultSenderId", {"ConfigurationSetName": "alerts"}) == {
        "ConfigurationSetArn": ARN + "alerts", "ConfigurationSetName": "alerts"
    }


@pytest.mark.parametrize("sender_id", ["TOO-LONG-ID-1", "has space", "dot.ted", ""])
def test_default_sender_id_follows_the_pattern_and_length(service, sender_id):
    make_set(service)
    with pytest.raises(ValidationException) as raised:
        service.call("SetDefaultSenderId", {"ConfigurationSetName": "alerts", "SenderId": sender_id})
    assert raised.value.fields[0]["Name"] == "SenderId"


def test_default_message_feedback(service):
    make_set(service)
    for enabled in (True, False):
        assert service.call("SetDefaultMessageFeedbackEnabled", {"ConfigurationSetName": "alerts", "MessageFeedbackEnabled": enabled}) == {
            "ConfigurationSetArn": ARN + "alerts", "ConfigurationSetName": "alerts", "MessageFeedbackEnabled": enabled
        }
        assert describe(service)["ConfigurationSets"][0]["DefaultMessageFeedbackEnabled"] is enabled


@pytest.mark.parametrize("op, extra", [
    ("SetDefaultMessageType", {"MessageType": "TRANSACTIONAL"}),
    ("DeleteDefaultMessageType", {}),
    ("SetDefaultSenderId", {"SenderId": "ACME"}),
    ("DeleteDefaultSenderId", {}),
    ("SetDefaultMessageFeedbackEnabled", {"MessageFeedbackEnabled": True}),
    ("DeleteEventDestination", {"EventDestinationName": "e"}),
    ("UpdateEventDestination", {"EventDestinationName": "e", "Enabled": False}),
    ("CreateEventDestination", {"EventDestinationName": "e", "MatchingEventTypes": ["ALL"], **SNS}),
])  # fmt: skip
def test_every_operation_on_an_unknown_set_is_not_found(service, op, extra):
    with pytest.raises(ResourceNotFoundException) as raised:
        service.call(op, {"ConfigurationSetName": "nope", **extra})
    assert (raised.value.resource_type, raised.value.resource_id) == ("configuration-set", "nope")
    assert not service.store.path.exists() or describe(service) == {"ConfigurationSets": []}


# ---------------------------------------------------------------------------------------------
# Event destinations


@pytest.mark.parametrize("destination", [LOGS, FIREHOSE, SNS])
def test_create_event_destination_of_each_type(service, destination):
    make_set(service)
    response = add_destination(service, "dest", types=["TEXT_ALL", "VOICE_ALL"], destination=destination)
    expected = {"EventDestinationName": "dest", "Enabled": True, "MatchingEventTypes": ["TEXT_ALL", "VOICE_ALL"], **destination}
    assert response == {"ConfigurationSetArn": ARN + "alerts", "ConfigurationSetName": "alerts", "EventDestination": expected}
    assert list(response["EventDestination"]) == list(expected)
    assert describe(service)["ConfigurationSets"][0]["EventDestinations"] == [expected]


def test_create_event_destination_by_set_arn_and_with_client_token(service):
    make_set(service)
    first = add_destination(service, "dest", ARN + "alerts", ClientToken="tok")
    assert add_destination(service, "dest", ARN + "alerts", ClientToken="tok") == first
    assert len(describe(service)["ConfigurationSets"][0]["EventDestinations"]) == 1


def test_exactly_one_destination(service):
    make_set(service)
    with pytest.raises(ValidationException) as raised:
        service.call("CreateEventDestination", {"ConfigurationSetName": "alerts", "EventDestinationName": "none",
                                                "MatchingEventTypes": ["ALL"]})  # fmt: skip
    assert raised.value.reason == "MISSING_PARAMETER"
    assert [field["Name"] for field in raised.value.fields] == [
        "CloudWatchLogsDestination", "KinesisFirehoseDestination", "SnsDestination"
    ]
    with pytest.raises(ValidationException) as raised:
        add_destination(service, "two", destination={**LOGS, **SNS})
    assert raised.value.reason == "INVALID_REQUEST"
    assert [field["Name"] for field in raised.value.fields] == ["CloudWatchLogsDestination", "SnsDestination"]
    assert describe(service)["ConfigurationSets"][0]["EventDestinations"] == []


@pytest.mark.parametrize("destination, field", [
    ({"SnsDestination": {"TopicArn": "arn:aws:sqs:us-east-1:123456789012:queue"}}, "SnsDestination.TopicArn"),
    ({"CloudWatchLogsDestination": {"IamRoleArn": "arn:aws:iam::123456789012:user/bob",
                                    "LogGroupArn": LOGS["CloudWatchLogsDestination"]["LogGroupArn"]}},
     "CloudWatchLogsDestination.IamRoleArn"),
    ({"CloudWatchLogsDestination": {"IamRoleArn": ROLE, "LogGroupArn": "arn:aws:s3:::bucket-for-logs"}},
     "CloudWatchLogsDestination.LogGroupArn"),
    ({"KinesisFirehoseDestination": {"IamRoleArn": ROLE, "DeliveryStreamArn": "arn:aws:kinesis:us-east-1:1:stream/s"}},
     "KinesisFirehoseDestination.DeliveryStreamArn"),
])  # fmt: skip
def test_destination_arns_must_be_of_their_kind(service, destination, field):
    make_set(service)
    with pytest.raises(ValidationException) as raised:
        add_destination(service, destination=destination)
    assert (raised.value.reason, raised.value.fields[0]["Name"]) == ("INVALID_ARN", field)


def test_destination_arns_follow_the_reference_length_and_pattern(service):
    make_set(service)
    with pytest.raises(ValidationException) as raised:
        add_destination(service, destination={"SnsDestination": {"TopicArn": "arn:aws:sns:x"}})  # under 20 characters
    assert raised.value.reason == "FIELD_VALIDATION_FAILED"
    with pytest.raises(ValidationException) as raised:
        add_destination(service, destination={"SnsDestination": {"TopicArn": "not-an-arn-at-all-really"}})
    assert raised.value.reason == "FIELD_VALIDATION_FAILED"


def test_text_sent_and_unknown_event_types_are_refused(service):
    make_set(service)
    with pytest.raises(ValidationException) as raised:
        add_destination(service, types=["TEXT_ALL", "TEXT_SENT"])
    assert (raised.value.reason, raised.value.fields[0]["Name"]) == ("INVALID_PARAMETER", "MatchingEventTypes")
    for bad in (["RCS_ALL"], ["TEXT_EVERYTHING"], []):
        with pytest.raises(ValidationException):
            add_destination(service, types=bad)
    add_destination(service, "dest")
    with pytest.raises(ValidationException) as raised:
        service.call("UpdateEventDestination", {"ConfigurationSetName": "alerts", "EventDestinationName": "dest",
                                                "MatchingEventTypes": ["TEXT_SENT"]})  # fmt: skip
    assert raised.value.reason == "INVALID_PARAMETER"


def test_destination_names_are_unique_within_a_set_only(service):
    make_set(service, "a")
    make_set(service, "b")
    add_destination(service, "dest", "a")
    add_destination(service, "dest", "b")
    with pytest.raises(ConflictException) as raised:
        add_destination(service, "dest", "a", destination=LOGS)
    assert (raised.value.reason, raised.value.resource_type, raised.value.resource_id) == (
        "RESOURCE_ALREADY_EXISTS", "event-destination", "dest"
    )


def test_at_most_five_destinations_per_set(service):
    make_set(service)
    for number in range(5):
        add_destination(service, f"dest-{number}")
    with pytest.raises(ServiceQuotaExceededException) as raised:
        add_destination(service, "sixth")
    assert raised.value.reason == "EVENT_DESTINATIONS_PER_CONFIGURATION_SET"
    service.call("DeleteEventDestination", {"ConfigurationSetName": "alerts", "EventDestinationName": "dest-2"})
    add_destination(service, "sixth")
    names = [d["EventDestinationName"] for d in describe(service)["ConfigurationSets"][0]["EventDestinations"]]
    assert names == ["dest-0", "dest-1", "dest-3", "dest-4", "sixth"]


def test_update_changes_only_the_members_given(service):
    make_set(service)
    add_destination(service, "cw", types=["TEXT_ALL"], destination=LOGS)
    base = {"ConfigurationSetName": "alerts", "EventDestinationName": "cw"}
    response = service.call("UpdateEventDestination", {**base, "Enabled": False})
    assert response["EventDestination"] == {
        "EventDestinationName": "cw", "Enabled": False, "MatchingEventTypes": ["TEXT_ALL"], **LOGS
    }
    new_role = {"CloudWatchLogsDestination": {**LOGS["CloudWatchLogsDestination"], "IamRoleArn": ROLE + "-v2"}}
    response = service.call("UpdateEventDestination", {**base, "MatchingEventTypes": ["VOICE_ALL", "MEDIA_ALL"], **new_role})
    assert response == {
        "ConfigurationSetArn": ARN + "alerts",
        "ConfigurationSetName": "alerts",
        "EventDestination": {"EventDestinationName": "cw", "Enabled": False, "MatchingEventTypes": ["VOICE_ALL", "MEDIA_ALL"], **new_role},
    }
    assert describe(service)["ConfigurationSets"][0]["EventDestinations"] == [response["EventDestination"]]
    assert service.call("UpdateEventDestination", {**base, "Enabled": True})["EventDestination"]["Enabled"] is True


def test_update_cannot_change_the_destination_type(service):
    make_set(service)
    add_destination(service, "cw", destination=LOGS)
    for other in (SNS, FIREHOSE):
        with pytest.raises(ConflictException) as raised:
            service.call("UpdateEventDestination", {"ConfigurationSetName": "alerts", "EventDestinationName": "cw", **other})
        assert (raised.value.reason, raised.value.resource_type, raised.value.resource_id) == (
            "EVENT_DESTINATION_MISMATCH", "event-destination", "cw"
        )
    with pytest.raises(ValidationException) as raised:
        service.call("UpdateEventDestination", {"ConfigurationSetName": "alerts", "EventDestinationName": "cw", **LOGS, **SNS})
    assert raised.value.reason == "INVALID_REQUEST"
    assert describe(service)["ConfigurationSets"][0]["EventDestinations"][0]["CloudWatchLogsDestination"] == LOGS[
        "CloudWatchLogsDestination"
    ]


def test_update_and_delete_of_an_unknown_destination(service):
    make_set(service)
    for op, extra in (("UpdateEventDestination", {"Enabled": True}), ("DeleteEventDestination", {})):
        with pytest.raises(ResourceNotFoundException) as raised:
            service.call(op, {"ConfigurationSetName": "alerts", "EventDestinationName": "nope", **extra})
        assert (raised.value.resource_type, raised.value.resource_id) == ("event-destination", "nope")


def test_delete_event_destination_returns_it(service):
    make_set(service)
    add_destination(service, "keep")
    add_destination(service, "drop", types=["MEDIA_ALL"], destination=FIREHOSE)
    assert service.call("DeleteEventDestination", {"ConfigurationSetName": ARN + "alerts", "EventDestinationName": "drop"}) == {
        "ConfigurationSetArn": ARN + "alerts",
        "ConfigurationSetName": "alerts",
        "EventDestination": {"EventDestinationName": "drop", "Enabled": True, "MatchingEventTypes": ["MEDIA_ALL"], **FIREHOSE},
    }
    names = [d["EventDestinationName"] for d in describe(service)["ConfigurationSets"][0]["EventDestinations"]]
    assert names == ["keep"]


# ---------------------------------------------------------------------------------------------
# Helpers other modules call


def test_find_configuration_set_by_name_or_arn(service):
    make_set(service)
    region = fresh(service).read_region()
    assert find_configuration_set(region, "alerts") is find_configuration_set(region, ARN + "alerts")
    with pytest.raises(ResourceNotFoundException) as raised:
        find_configuration_set(region, "nope", "SomeMember")
    assert (raised.value.resource_type, raised.value.resource_id) == ("configuration-set", "nope")


def test_matching_destinations(service):
    make_set(service)
    add_destination(service, "all", types=["ALL"])
    add_destination(service, "texts", types=["TEXT_ALL"])
    add_destination(service, "delivered", types=["TEXT_DELIVERED", "VOICE_COMPLETED"])
    add_destination(service, "voice", types=["VOICE_ALL"])
    add_destination(service, "off", types=["ALL"])
    service.call("UpdateEventDestination", {"ConfigurationSetName": "alerts", "EventDestinationName": "off", "Enabled": False})
    record = find_configuration_set(fresh(service).read_region(), "alerts")

    def names(event_type):
        return [destination["EventDestinationName"] for destination in matching_destinations(record, event_type)]

    assert names("TEXT_DELIVERED") == ["all", "texts", "delivered"]
    assert names("TEXT_BLOCKED") == ["all", "texts"]
    assert names("VOICE_COMPLETED") == ["all", "delivered", "voice"]
    assert names("MEDIA_DELIVERED") == ["all"]
    assert matching_destinations({"EventDestinations": []}, "TEXT_DELIVERED") == []
