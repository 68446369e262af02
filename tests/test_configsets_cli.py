"""Configuration sets and event destinations end to end: argv -> service -> output, exit codes."""

from __future__ import annotations

ARN = "arn:aws:sms-voice:us-east-1:123456789012:configuration-set/"
ROLE = "arn:aws:iam::123456789012:role/sms-events"
LOG_GROUP = "arn:aws:logs:us-east-1:123456789012:log-group:sms"
TOPIC = "arn:aws:sns:us-east-1:123456789012:sms-events"
NOW = "2026-01-01T00:00:00+00:00"



def test_create_and_describe(run):
    assert run("create-configuration-set --configuration-set-name alerts --tags Key=team,Value=ops") == {
        "ConfigurationSetArn": ARN + "alerts",
        "ConfigurationSetName": "alerts",
        "CreatedTimestamp": NOW,
        "Tags": [{"Key": "team", "Value": "ops"}],
    }
    assert run("describe-configuration-sets") == {
        "ConfigurationSets": [{
            "ConfigurationSetArn": ARN + "alerts",
            "ConfigurationSetName": "alerts",
            "EventDestinations": [],
            "DefaultMessageFeedbackEnabled": False,
            "CreatedTimestamp": NOW,
        }]
    }  # fmt: skip


def test_event_destination_from_shorthand_and_a_list_of_event_types(run):
    run("create-configuration-set --configuration-set-name alerts")
    response = run(
        "create-event-destination --configuration-set-name alerts --event-destination-name to-logs "
        f"--matching-event-types TEXT_ALL VOICE_ALL --cloud-watch-logs-destination IamRoleArn={ROLE},LogGroupArn={LOG_GROUP}"
    )
    assert response == {
        "ConfigurationSetArn": ARN + "alerts",
        "ConfigurationSetName": "alerts",
        "EventDestination": {
            "EventDestinationName": "to-logs",
            "Enabled": True,
            "MatchingEventTypes": ["TEXT_ALL", "VOICE_ALL"],
            "CloudWatchLogsDestination": {"IamRoleArn": ROLE, "LogGroupArn": LOG_GROUP},
        },
    }
    run(f"create-event-destination --configuration-set-name {ARN}alerts --event-destination-name to-sns "
        f"--matching-event-types ALL --sns-destination TopicArn={TOPIC}")  # fmt: skip
    run("update-event-destination --configuration-set-name alerts --event-destination-name to-sns --no-enabled")
    destinations = run("describe-configuration-sets --configuration-set-names alerts")["ConfigurationSets"][0]["EventDestinations"]
    assert [(d["EventDestinationName"], d["Enabled"]) for d in destinations] == [("to-logs", True), ("to-sns", False)]
    query = "describe-configuration-sets --filters Name=matching-event-types,Values=VOICE_ALL --query ConfigurationSets[].ConfigurationSetName"
    assert run(query) == ["alerts"]


def test_refusals_exit_254_with_the_service_message(run):
    run("create-configuration-set --configuration-set-name alerts")
    result = run("create-configuration-set --configuration-set-name alerts", code=254)
    assert "ConflictException" in result.err and "CreateConfigurationSet" in result.err
    result = run("create-event-destination --configuration-set-name alerts --event-destination-name e "
                 "--matching-event-types ALL", code=254)  # fmt: skip
    assert "ValidationException" in result.err
    result = run("create-event-destination --configuration-set-name alerts --event-destination-name e "
                 f"--matching-event-types TEXT_SENT --sns-destination TopicArn={TOPIC}", code=254)  # fmt: skip
    assert "TEXT_SENT" in result.err
    result = run("update-event-destination --configuration-set-name alerts --event-destination-name nope --enabled", code=254)
    assert "ResourceNotFoundException" in result.err
    result = run("delete-configuration-set --configuration-set-name nope", code=254)
    assert "ResourceNotFoundException" in result.err


def test_defaults_and_delete(run):
    run("create-configuration-set --configuration-set-name alerts")
    assert run("set-default-message-type --configuration-set-name alerts --message-type TRANSACTIONAL")["MessageType"] == "TRANSACTIONAL"
    assert run("set-default-sender-id --configuration-set-name alerts --sender-id ACME")["SenderId"] == "ACME"
    assert run("set-default-message-feedback-enabled --configuration-set-name alerts --message-feedback-enabled") == {
        "ConfigurationSetArn": ARN + "alerts", "ConfigurationSetName": "alerts", "MessageFeedbackEnabled": True
    }
    run("set-default-message-feedback-enabled --configuration-set-name alerts", code=252)  # the boolean is required
    run("set-default-sender-id --configuration-set-name alerts --sender-id TWELVE-CHARS", code=254)
    assert run("delete-default-sender-id --configuration-set-name alerts") == {
        "ConfigurationSetArn": ARN + "alerts", "ConfigurationSetName": "alerts", "SenderId": "ACME"
    }
    assert run("delete-configuration-set --configuration-set-name alerts") == {
        "ConfigurationSetArn": ARN + "alerts",
        "ConfigurationSetName": "alerts",
        "EventDestinations": [],
        "DefaultMessageType": "TRANSACTIONAL",
        "DefaultMessageFeedbackEnabled": True,
        "CreatedTimestamp": NOW,
    }
    assert run("describe-configuration-sets") == {"ConfigurationSets": []}


def test_table_output(smscli, fixed_context):
    smscli("create-configuration-set", "--configuration-set-name", "alerts")
    result = smscli("describe-configuration-sets", "--output", "table", "--color", "off")
    assert result.code == 0, result.err
    assert "alerts" in result.out
