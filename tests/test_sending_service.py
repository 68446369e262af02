"""Sending through the service: identities, reach, sandbox, opt-outs, price, spend, DryRun, events, feedback."""

from __future__ import annotations

import re

import pytest

from conftest import FIXED_NOW, fresh
from smscli.service.dispatch import Service
from smscli.service.errors import (
    ConflictException,
    ResourceNotFoundException,
    ServiceQuotaExceededException,
    ValidationException,
)
from smscli.service.region import Context

SUCCESS, FAILURE = "+14254147755", "+14254147167"  # the US destination simulators
UK_RECIPIENT, FR_RECIPIENT = "+447700900555", "+33612345678"


@pytest.fixture
def production(service):
    context = service.context
    return Service(service.store, Context(clock=context.clock, new_hex=context.new_hex, settings={"account_tier": "production"}))


def number(service, iso="US", number_type="SIMULATOR", capabilities=("SMS", "VOICE", "MMS"), **extra):
    return service.call("RequestPhoneNumber", {"IsoCountryCode": iso, "MessageType": "TRANSACTIONAL",
                                               "NumberCapabilities": list(capabilities), "NumberType": number_type, **extra})  # fmt: skip


def send(service, destination=SUCCESS, body="Your code is 1234", **extra):
    return service.call("SendTextMessage", {"DestinationPhoneNumber": destination, "MessageBody": body, **extra})


def outbox(service):
    from smscli.service import simulator

    return simulator.messages(fresh(service).read_region())


def reason_of(raised):
    return raised.value.reason


def test_a_simulator_number_sends_to_the_success_simulator(service):
    origin = number(service)
    reply = send(service, OriginationIdentity=origin["PhoneNumber"])
    assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", reply["MessageId"])
    [message] = outbox(service)
    assert {k: message[k] for k in ("MessageId", "Channel", "OriginationPhoneNumber", "DestinationPhoneNumber", "Encoding",
                                    "MessageParts", "MessageType", "Status", "IsoCountryCode")} == {
        "MessageId": reply["MessageId"], "Channel": "TEXT", "OriginationPhoneNumber": origin["PhoneNumber"],
        "DestinationPhoneNumber": SUCCESS, "Encoding": "GSM-7", "MessageParts": 1, "MessageType": "TRANSACTIONAL",
        "Status": "DELIVERED", "IsoCountryCode": "US",
    }  # fmt: skip
    assert message["CreatedTimestamp"] == FIXED_NOW


def test_a_simulator_number_reaches_only_simulators_of_its_country(service, production):
    origin = number(service)["PhoneNumberId"]
    for destination in ("+12065550100", "+447860019066"):  # a real US number; the UK success simulator
        with pytest.raises(ValidationException) as raised:
            send(production, destination, OriginationIdentity=origin)
        assert reason_of(raised) == "INVALID_IDENTITY_FOR_DESTINATION_COUNTRY"
    with pytest.raises(ConflictException) as raised:  # unnamed, the service picks no simulator for a real number
        send(production, "+12065550100")
    assert reason_of(raised) == "NO_ORIGINATION_IDENTITIES_FOUND"


def test_the_sandbox_reaches_verified_numbers_and_simulators_only(service, production):
    number(service, "GB", "LONG_CODE", ("SMS",))
    with pytest.raises(ConflictException) as raised:
        send(service, UK_RECIPIENT)
    assert (reason_of(raised), raised.value.resource_type) == ("DESTINATION_PHONE_NUMBER_NOT_VERIFIED", "verified-destination-number")
    assert send(production, UK_RECIPIENT)["MessageId"]


def test_international_sending(service, production):
    uk = number(service, "GB", "LONG_CODE", ("SMS",))
    with pytest.raises(ValidationException) as raised:
        send(production, FR_RECIPIENT, OriginationIdentity=uk["PhoneNumberId"])
    assert reason_of(raised) == "INTERNATIONAL_SENDING_NOT_SUPPORTED"
    production.call("UpdatePhoneNumber", {"PhoneNumberId": uk["PhoneNumberId"], "InternationalSendingEnabled": True})
    assert send(production, FR_RECIPIENT, OriginationIdentity=uk["PhoneNumberId"])["MessageId"]


def test_opted_out_destinations_are_refused_unless_opt_outs_are_self_managed(service):
    origin = number(service)
    service.call("PutOptedOutNumber", {"OptOutListName": "Default", "OptedOutNumber": SUCCESS})
    with pytest.raises(ConflictException) as raised:
        send(service, OriginationIdentity=origin["PhoneNumberId"])
    assert (reason_of(raised), raised.value.resource_type, raised.value.resource_id) == (
        "DESTINATION_PHONE_NUMBER_OPTED_OUT", "opt-out-list", "Default"
    )
    service.call("UpdatePhoneNumber", {"PhoneNumberId": origin["PhoneNumberId"], "TwoWayEnabled": True,
                                       "TwoWayChannelArn": "arn:aws:sns:us-east-1:123456789012:in", "SelfManagedOptOutsEnabled": True})  # fmt: skip
    assert send(service, OriginationIdentity=origin["PhoneNumberId"])["MessageId"]


def test_a_pool_sends_from_a_fitting_member_with_the_pool_opt_out_list(service):
    first = number(service)
    pool = service.call("CreatePool", {"OriginationIdentity": first["PhoneNumberId"], "IsoCountryCode": "US", "MessageType": "TRANSACTIONAL"})
    service.call("CreateOptOutList", {"OptOutListName": "pool-list"})
    service.call("UpdatePool", {"PoolId": pool["PoolId"], "OptOutListName": "pool-list"})
    send(service, OriginationIdentity=pool["PoolArn"])
    assert outbox(service)[0]["PoolId"] == pool["PoolId"]
    service.call("PutOptedOutNumber", {"OptOutListName": "pool-list", "OptedOutNumber": SUCCESS})
    with pytest.raises(ConflictException) as raised:
        send(service, OriginationIdentity=pool["PoolId"])
    assert raised.value.resource_id == "pool-list"


def test_without_an_identity_the_service_chooses_or_uses_the_default_sender_id(service, production):
    with pytest.raises(ConflictException) as raised:
        send(service)
    assert reason_of(raised) == "NO_ORIGINATION_IDENTITIES_FOUND"
    origin = number(service)
    send(service)
    assert outbox(service)[-1]["OriginationPhoneNumber"] == origin["PhoneNumber"]
    production.call("CreateConfigurationSet", {"ConfigurationSetName": "cs"})
    production.call("SetDefaultSenderId", {"ConfigurationSetName": "cs", "SenderId": "MyBrand"})
    send(production, UK_RECIPIENT, ConfigurationSetName="cs")
    assert outbox(service)[-1]["OriginationPhoneNumber"] == "MyBrand"


def test_sender_ids_send_text_in_their_country_only(service, production):
    service.call("RequestSenderId", {"SenderId": "MyBrand", "IsoCountryCode": "GB"})
    send(production, UK_RECIPIENT, OriginationIdentity="MyBrand")
    with pytest.raises(ValidationException) as raised:
        send(production, FR_RECIPIENT, OriginationIdentity="MyBrand")
    assert reason_of(raised) == "INVALID_IDENTITY_FOR_DESTINATION_COUNTRY"
    with pytest.raises(ValidationException) as raised:
        production.call("SendVoiceMessage", {"DestinationPhoneNumber": UK_RECIPIENT, "OriginationIdentity": "MyBrand", "MessageBody": "Hi"})
    assert reason_of(raised) == "INVALID_PARAMETER"


def test_identity_state_and_capability(service):
    pending = number(service, "US", "TEN_DLC", ("SMS",))
    with pytest.raises(ConflictException) as raised:
        send(service, OriginationIdentity=pending["PhoneNumberId"])
    assert reason_of(raised) == "RESOURCE_NOT_ACTIVE"
    sms_only = number(service, capabilities=("SMS",))
    with pytest.raises(ValidationException) as raised:
        service.call("SendVoiceMessage", {"DestinationPhoneNumber": SUCCESS, "OriginationIdentity": sms_only["PhoneNumberId"], "MessageBody": "Hi"})
    assert reason_of(raised) == "VOICE_CAPABILITY_NOT_AVAILABLE"
    with pytest.raises(ConflictException) as raised:
        service.call("SendMediaMessage", {"DestinationPhoneNumber": SUCCESS, "OriginationIdentity": sms_only["PhoneNumberId"],
                                          "MediaUrls": ["s3://bucket/cat.jpg"]})  # fmt: skip
    assert reason_of(raised) == "NUMBER_CAPABILITIES_MISMATCH"
    for missing in ("+19995550100", "phone-nope", "pool-nope"):
        with pytest.raises(ResourceNotFoundException):
            send(service, OriginationIdentity=missing)


@pytest.mark.parametrize(
    "destination, reason",
    [("+5351234567", "DESTINATION_COUNTRY_BLOCKED"), ("+99912345678", "INVALID_PARAMETER")],
)
def test_destinations_the_service_cannot_reach(service, destination, reason):
    number(service)
    with pytest.raises(ValidationException) as raised:
        send(service, destination)
    assert reason_of(raised) == reason


def test_body_limits(service, production):
    origin = number(service)
    with pytest.raises(ValidationException) as raised:
        send(service, body="A" * 1531, OriginationIdentity=origin["PhoneNumberId"])
    assert reason_of(raised) == "MAXIMUM_SIZE_EXCEEDED"
    assert send(service, body="A" * 1530, OriginationIdentity=origin["PhoneNumberId"])
    with pytest.raises(ValidationException) as raised:
        send(service, body="Ж" * 620 + "🙂" * 6, OriginationIdentity=origin["PhoneNumberId"])  # 626 characters, 632 units
    assert reason_of(raised) == "MAXIMUM_SIZE_EXCEEDED"
    assert str(raised.value) == ("The message is 632 UTF-16 code units of UCS-2: more than the service sends in one message (630).")
    with pytest.raises(ValidationException) as raised:
        send(service, body="€" * 766, OriginationIdentity=origin["PhoneNumberId"])  # an escape pair each: 1532 septets
    assert str(raised.value) == "The message is 1532 septets of GSM-7: more than the service sends in one message (1530)."
    with pytest.raises(ValidationException) as raised:
        production.call("SendVoiceMessage", {"DestinationPhoneNumber": SUCCESS, "OriginationIdentity": origin["PhoneNumberId"], "MessageBody": "a" * 3001})
    assert reason_of(raised) == "MAXIMUM_SIZE_EXCEEDED"
    ssml = "<speak>" + "a" * 2990 + "<break time='1s'/>" * 100 + "</speak>"  # 200 s spoken: production only (sandbox: 30 s)
    assert production.call("SendVoiceMessage", {"DestinationPhoneNumber": SUCCESS, "OriginationIdentity": origin["PhoneNumberId"],
                                             "MessageBody": ssml, "MessageBodyTextType": "SSML"})  # fmt: skip
    with pytest.raises(ValidationException) as raised:
        service.call("SendMediaMessage", {"DestinationPhoneNumber": SUCCESS, "OriginationIdentity": origin["PhoneNumberId"]})
    assert reason_of(raised) == "MISSING_PARAMETER"
    with pytest.raises(ValidationException) as raised:
        service.call("SendMediaMessage", {"DestinationPhoneNumber": SUCCESS, "OriginationIdentity": origin["PhoneNumberId"],
                                          "MediaUrls": ["s3://bucket/virus.exe"]})  # fmt: skip
    assert reason_of(raised) == "MEDIA_TYPE_NOT_SUPPORTED"


def test_parts_price_max_price_and_the_monthly_spend_limit(service):
    origin = number(service)["PhoneNumberId"]
    with pytest.raises(ValidationException) as raised:
        send(service, OriginationIdentity=origin, MaxPrice="0.001")
    assert reason_of(raised) == "PRICE_OVER_THRESHOLD"
    send(service, body="A" * 161, OriginationIdentity=origin, MaxPrice="0.01")
    assert (outbox(service)[0]["MessageParts"], outbox(service)[0]["Price"]) == (2, 0.01162)
    long_body = "B" * 1530  # 10 parts, 0.0581 USD
    sent = 0
    with pytest.raises(ServiceQuotaExceededException) as raised:
        for _ in range(30):
            send(service, body=long_body, OriginationIdentity=origin)
            sent += 1
    assert reason_of(raised) == "MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT"
    assert sent == 17  # the sandbox's 1.00 USD: 0.01162 + 17 x 0.0581 = 0.99932; one more would pass 1.00


def test_dry_run_checks_everything_and_records_nothing(service):
    origin = number(service)
    service.call("CreateConfigurationSet", {"ConfigurationSetName": "cs"})
    service.call("CreateEventDestination", {"ConfigurationSetName": "cs", "EventDestinationName": "all",
                                            "MatchingEventTypes": ["ALL"], "SnsDestination": {"TopicArn": "arn:aws:sns:us-east-1:123456789012:t"}})  # fmt: skip
    reply = send(service, OriginationIdentity=origin["PhoneNumberId"], ConfigurationSetName="cs", DryRun=True)
    assert reply["MessageId"]
    assert outbox(service) == []
    from smscli.service import simulator

    assert simulator.delivered_events(fresh(service).read_region()) == []
    with pytest.raises(ValidationException):
        send(service, "+12065550100", OriginationIdentity=origin["PhoneNumberId"], DryRun=True)


def test_events_reach_the_matching_enabled_destinations_in_the_documented_shape(service):
    origin = number(service)
    service.call("CreateConfigurationSet", {"ConfigurationSetName": "cs"})
    topic = {"SnsDestination": {"TopicArn": "arn:aws:sns:us-east-1:123456789012:t"}}
    service.call("CreateEventDestination", {"ConfigurationSetName": "cs", "EventDestinationName": "texts", "MatchingEventTypes": ["TEXT_ALL"], **topic})
    service.call("CreateEventDestination", {"ConfigurationSetName": "cs", "EventDestinationName": "voice", "MatchingEventTypes": ["VOICE_ALL"], **topic})
    service.call("CreateEventDestination", {"ConfigurationSetName": "cs", "EventDestinationName": "off", "MatchingEventTypes": ["ALL"], **topic})
    service.call("UpdateEventDestination", {"ConfigurationSetName": "cs", "EventDestinationName": "off", "Enabled": False})
    ok = send(service, OriginationIdentity=origin["PhoneNumberId"], ConfigurationSetName="cs", Context={"campaign": "spring"})
    bad = send(service, FAILURE, OriginationIdentity=origin["PhoneNumberId"], ConfigurationSetName="cs")
    from smscli.service import simulator

    delivered = simulator.delivered_events(fresh(service).read_region())
    assert [(e["EventDestinationName"], e["Event"]["eventType"], e["Event"]["isFinal"]) for e in delivered] == [
        ("texts", "TEXT_SUCCESSFUL", False), ("texts", "TEXT_DELIVERED", True), ("texts", "TEXT_UNREACHABLE", True),
    ]  # fmt: skip
    first = delivered[0]["Event"]
    assert list(first) == [
        "eventType", "eventVersion", "eventTimestamp", "isFinal", "originationPhoneNumber", "destinationPhoneNumber",
        "isoCountryCode", "messageId", "messageRequestTimestamp", "messageEncoding", "messageType", "messageStatus",
        "messageStatusDescription", "context", "totalMessageParts", "totalMessagePrice", "totalCarrierFee",
    ]  # fmt: skip
    assert (first["messageId"], first["messageEncoding"], first["context"], first["eventTimestamp"]) == (
        ok["MessageId"], "GSM", {"campaign": "spring"}, int(FIXED_NOW * 1000)
    )
    assert delivered[2]["Event"]["messageId"] == bad["MessageId"]
    region = fresh(service).read_region()
    assert simulator.delivered_events(region, destination_number=FAILURE) == delivered[2:]
    assert simulator.delivered_events(region, ok["MessageId"], "texts", SUCCESS) == delivered[:2]
    assert simulator.delivered_events(region, destination_name="voice") == []


def test_voice_events_daily_limit_and_default_voice(service, production):
    origin = number(service)
    production.call("CreateConfigurationSet", {"ConfigurationSetName": "cs"})
    production.call("CreateEventDestination", {"ConfigurationSetName": "cs", "EventDestinationName": "calls",
                                               "MatchingEventTypes": ["VOICE_ALL"], "SnsDestination": {"TopicArn": "arn:aws:sns:us-east-1:1:t"}})  # fmt: skip
    request = {"DestinationPhoneNumber": SUCCESS, "OriginationIdentity": origin["PhoneNumberId"], "MessageBody": "Your code is 1 2 3 4",
               "ConfigurationSetName": "cs"}  # fmt: skip
    for _ in range(5):
        production.call("SendVoiceMessage", request)
    with pytest.raises(ServiceQuotaExceededException) as raised:
        production.call("SendVoiceMessage", request)
    assert reason_of(raised) == "DAILY_DESTINATION_CALL_LIMIT"
    call = outbox(service)[0]
    assert (call["VoiceId"], call["Status"], call["BilledMinutes"]) == ("MATTHEW", "COMPLETED", 1)
    from smscli.service import simulator

    kinds = [e["Event"]["eventType"] for e in simulator.delivered_events(fresh(service).read_region(), call["MessageId"])]
    assert kinds == ["VOICE_INITIATED", "VOICE_RINGING", "VOICE_ANSWERED", "VOICE_COMPLETED"]


def test_message_type_default_comes_from_the_configuration_set(service):
    origin = number(service)
    service.call("CreateConfigurationSet", {"ConfigurationSetName": "cs"})
    service.call("SetDefaultMessageType", {"ConfigurationSetName": "cs", "MessageType": "PROMOTIONAL"})
    send(service, OriginationIdentity=origin["PhoneNumberId"], ConfigurationSetName="cs")
    assert outbox(service)[0]["MessageType"] == "PROMOTIONAL"
    with pytest.raises(ResourceNotFoundException) as raised:
        send(service, OriginationIdentity=origin["PhoneNumberId"], ConfigurationSetName="nope")
    assert raised.value.resource_type == "configuration-set"
    with pytest.raises(ResourceNotFoundException) as raised:
        send(service, OriginationIdentity=origin["PhoneNumberId"], ProtectConfigurationId="protect-nope")
    assert raised.value.resource_type == "protect-configuration"


def test_message_feedback(service, clock):
    origin = number(service)
    with_feedback = send(service, OriginationIdentity=origin["PhoneNumberId"], MessageFeedbackEnabled=True)["MessageId"]
    without = send(service, OriginationIdentity=origin["PhoneNumberId"])["MessageId"]
    assert service.call("PutMessageFeedback", {"MessageId": with_feedback, "MessageFeedbackStatus": "RECEIVED"}) == {
        "MessageId": with_feedback, "MessageFeedbackStatus": "RECEIVED"
    }
    for message_id in (without, "00000000-0000-0000-0000-000000000000"):
        with pytest.raises(ResourceNotFoundException) as raised:
            service.call("PutMessageFeedback", {"MessageId": message_id, "MessageFeedbackStatus": "RECEIVED"})
        assert raised.value.resource_type == "message"
    pending = send(service, OriginationIdentity=origin["PhoneNumberId"], MessageFeedbackEnabled=True)["MessageId"]
    clock.now += 3600
    statuses = {m["MessageId"]: m.get("MessageFeedbackStatus") for m in outbox(service)}
    assert (statuses[with_feedback], statuses[pending], statuses[without]) == ("RECEIVED", "FAILED", None)


# ---------------------------------------------------------------------------------------------
# Inbound: the customer's side of two-way SMS (smscli sim inbound)


def inbound(service, our_number, body, customer=SUCCESS):
    from smscli.service import simulator

    with service.write_region() as region:
        return simulator.inbound(region, customer, our_number, body)


def opted_out(service, list_name="Default"):
    return [entry["OptedOutNumber"] for entry in
            service.call("DescribeOptedOutNumbers", {"OptOutListName": list_name})["OptedOutNumbers"]]  # fmt: skip


def test_inbound_stop_opts_out_and_an_opt_in_keyword_opts_back_in(service):
    origin = number(service)
    service.call("PutKeyword", {"OriginationIdentity": origin["PhoneNumberId"], "Keyword": "JOIN",
                                "KeywordMessage": "Welcome back", "KeywordAction": "OPT_IN"})  # fmt: skip
    outcome = inbound(service, origin["PhoneNumber"], "stop please")
    assert (outcome["Keyword"], outcome["Action"], outcome["OptedOut"]) == ("STOP", "OPT_OUT", True)
    assert opted_out(service) == [SUCCESS]
    outcome = inbound(service, origin["PhoneNumber"], "Join!")
    assert (outcome["Keyword"], outcome["Action"], outcome["OptedOut"]) == ("JOIN", "OPT_IN", False)
    assert outcome["Reply"]["MessageBody"] == "Welcome back"
    assert opted_out(service) == []
    assert [m["Source"] for m in outbox(service)] == ["keyword-reply", "keyword-reply"]


def test_inbound_help_answers_and_other_text_only_reaches_the_two_way_channel(service):
    origin = number(service)
    outcome = inbound(service, origin["PhoneNumber"], "HELP")
    assert (outcome["Action"], outcome["OptedOut"]) == ("AUTOMATIC_RESPONSE", None)
    assert outcome["Reply"]["DestinationPhoneNumber"] == SUCCESS
    outcome = inbound(service, origin["PhoneNumber"], "helpful tips?")  # HELP is a word, not a prefix
    assert (outcome["Keyword"], outcome["Reply"], outcome["TwoWayChannelArn"]) == (None, None, None)
    assert outcome["InboundMessage"]["messageBody"] == "helpful tips?"


def test_inbound_with_self_managed_opt_outs_changes_nothing(service):
    origin = number(service)
    service.call("UpdatePhoneNumber", {"PhoneNumberId": origin["PhoneNumberId"], "SelfManagedOptOutsEnabled": True, "TwoWayEnabled": True,
                                       "TwoWayChannelArn": "arn:aws:sns:us-east-1:123456789012:inbound"})  # fmt: skip
    outcome = inbound(service, origin["PhoneNumber"], "STOP")
    assert (outcome["Keyword"], outcome["SelfManagedOptOuts"], outcome["OptedOut"], outcome["Reply"]) == ("STOP", True, None, None)
    assert opted_out(service) == []


def test_inbound_to_a_pool_member_uses_the_pools_list_and_keywords(service):
    origin = number(service)
    service.call("CreateOptOutList", {"OptOutListName": "pool-list"})
    pool = service.call("CreatePool", {"OriginationIdentity": origin["PhoneNumberId"], "IsoCountryCode": "US",
                                       "MessageType": "TRANSACTIONAL"})  # fmt: skip
    service.call("UpdatePool", {"PoolId": pool["PoolId"], "OptOutListName": "pool-list"})
    inbound(service, origin["PhoneNumber"], "UNSUBSCRIBE")
    assert (opted_out(service, "pool-list"), opted_out(service)) == ([SUCCESS], [])


def test_inbound_to_a_number_we_do_not_have(service):
    with pytest.raises(ResourceNotFoundException) as raised:
        inbound(service, "+16175550199", "STOP")
    assert (raised.value.resource_type, raised.value.resource_id) == ("phone-number", "+16175550199")


@pytest.mark.parametrize(("extra", "field"), [
    ({"TimeToLive": 4}, "TimeToLive"),
    ({"TimeToLive": 259201}, "TimeToLive"),
    ({"Context": {f"k{index}": "v" for index in range(6)}}, "Context"),
    ({"Context": {"has space": "v"}}, "Context.has space"),
    ({"DestinationCountryParameters": {"IN_PIN": "1"}}, "DestinationCountryParameters.IN_PIN"),
    ({"DestinationCountryParameters": {"IN_ENTITY_ID": "x" * 65}}, "DestinationCountryParameters.IN_ENTITY_ID"),
    ({"MaxPrice": "cheap"}, "MaxPrice"),
])  # fmt: skip
def test_send_parameters_are_validated_as_the_reference_constrains_them(service, extra, field):
    origin = number(service)["PhoneNumberId"]
    with pytest.raises(ValidationException) as raised:
        send(service, OriginationIdentity=origin, **extra)
    assert reason_of(raised) == "FIELD_VALIDATION_FAILED"
    assert [entry["Name"] for entry in raised.value.fields] == [field]
    assert outbox(service) == []


def test_send_parameters_within_their_limits_are_recorded(service):
    origin = number(service)["PhoneNumberId"]
    send(service, OriginationIdentity=origin, TimeToLive=5, Context={f"k{index}": "v" for index in range(5)},
         DestinationCountryParameters={"IN_ENTITY_ID": "1234", "IN_TEMPLATE_ID": "5678"}, MaxPrice="0.10")  # fmt: skip
    [message] = outbox(service)
    assert (message["TimeToLive"], len(message["Context"])) == (5, 5)
