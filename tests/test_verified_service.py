"""Verified destination numbers through the service entry point: lifecycle, codes, identities, limits."""

from __future__ import annotations

import re

import pytest

from conftest import FIXED_NOW as NOW
from conftest import fresh
from smscli.service.dispatch import Service
from smscli.service.errors import (
    ConflictException,
    ResourceNotFoundException,
    ServiceQuotaExceededException,
    ValidationException,
)
from smscli.service.region import Context
from smscli.service.verified import is_verified

ARN = "arn:aws:sms-voice:us-east-1:123456789012:verified-destination-number/"
UK = "+447700900555"
SUCCESS = "+14254147755"  # the US success destination simulator


@pytest.fixture
def production(service):
    context = service.context
    return Service(service.store, Context(clock=context.clock, new_hex=context.new_hex, settings={"account_tier": "production"}))


def create(service, number=UK, **extra):
    return service.call("CreateVerifiedDestinationNumber", {"DestinationPhoneNumber": number, **extra})


def uk_number(service, capabilities=("SMS",)):
    return service.call("RequestPhoneNumber", {"IsoCountryCode": "GB", "MessageType": "TRANSACTIONAL",
                                               "NumberCapabilities": list(capabilities), "NumberType": "LONG_CODE"})  # fmt: skip


def send_code(service, verified_id, channel="TEXT", **extra):
    return service.call("SendDestinationNumberVerificationCode",
                        {"VerifiedDestinationNumberId": verified_id, "VerificationChannel": channel, **extra})  # fmt: skip


def verify(service, verified_id, code):
    return service.call("VerifyDestinationNumber", {"VerifiedDestinationNumberId": verified_id, "VerificationCode": code})


def messages(service):
    return list(fresh(service).read_region().collection("messages").values())


def last_code(service):
    return re.search(r"\d{6}", messages(service)[-1]["MessageBody"]).group(0)


def test_create_answers_a_pending_number_with_its_tags(service):
    reply = create(service, "447700900555", Tags=[{"Key": "team", "Value": "qa"}])  # the + is optional in the pattern
    verified_id = "verified-" + "0" * 31 + "1"
    assert reply == {
        "CreatedTimestamp": NOW, "DestinationPhoneNumber": UK, "Status": "PENDING",
        "Tags": [{"Key": "team", "Value": "qa"}], "VerifiedDestinationNumberArn": ARN + verified_id,
        "VerifiedDestinationNumberId": verified_id,
    }  # fmt: skip
    listed = fresh(service).call("DescribeVerifiedDestinationNumbers", {})["VerifiedDestinationNumbers"]
    assert listed == [{k: v for k, v in reply.items() if k != "Tags"}]


def test_a_number_is_added_once_and_must_be_of_a_known_country(service):
    first = create(service)
    with pytest.raises(ConflictException) as raised:
        create(service, UK)
    assert (raised.value.reason, raised.value.resource_type, raised.value.resource_id) == (
        "RESOURCE_ALREADY_EXISTS", "verified-destination-number", first["VerifiedDestinationNumberId"]
    )
    with pytest.raises(ValidationException) as raised:
        create(service, "+999123456")
    assert raised.value.fields[0]["Name"] == "DestinationPhoneNumber"


def test_at_most_ten_verified_numbers(service, production):
    for serial in range(10):
        create(service, f"+4477009001{serial:02d}")
    for caller in (service, production):
        with pytest.raises(ServiceQuotaExceededException) as raised:
            create(caller, "+447700900999")
        assert raised.value.reason == "VERIFIED_DESTINATION_NUMBERS_PER_ACCOUNT"


def test_the_code_is_sent_to_the_outbox_and_verifies_the_number(service):
    origin = uk_number(service)
    verified_id = create(service)["VerifiedDestinationNumberId"]
    reply = send_code(service, verified_id)
    [message] = messages(service)
    assert message["MessageId"] == reply["MessageId"]
    assert {k: message[k] for k in ("Channel", "Source", "OriginationIdentity", "OriginationPhoneNumber", "DestinationPhoneNumber",
                                    "IsoCountryCode", "Encoding", "MessageParts", "MessageType", "Status", "Price")} == {
        "Channel": "TEXT", "Source": "verification", "OriginationIdentity": origin["PhoneNumberId"],
        "OriginationPhoneNumber": origin["PhoneNumber"], "DestinationPhoneNumber": UK, "IsoCountryCode": "GB",
        "Encoding": "GSM-7", "MessageParts": 1, "MessageType": "TRANSACTIONAL", "Status": "DELIVERED", "Price": 0.0,
    }  # fmt: skip
    code = last_code(service)
    assert code == "000003"  # the third id of the run: 6 digits from the id source
    with pytest.raises(ValidationException) as raised:
        verify(service, verified_id, "999999")
    assert raised.value.reason == "VERIFICATION_CODE_MISMATCH"
    assert not is_verified(fresh(service).read_region(), UK)
    assert verify(service, ARN + verified_id, code) == {
        "CreatedTimestamp": NOW, "DestinationPhoneNumber": UK, "Status": "VERIFIED",
        "VerifiedDestinationNumberArn": ARN + verified_id, "VerifiedDestinationNumberId": verified_id,
    }  # fmt: skip
    assert is_verified(fresh(service).read_region(), UK)
    for again in (lambda: verify(service, verified_id, code), lambda: send_code(service, verified_id)):
        with pytest.raises(ConflictException) as raised:
            again()
        assert raised.value.reason == "VERIFICATION_ALREADY_COMPLETE"


def test_a_code_expires_after_15_minutes_and_a_new_one_replaces_it(service, clock):
    uk_number(service)
    verified_id = create(service)["VerifiedDestinationNumberId"]
    with pytest.raises(ValidationException) as raised:
        verify(service, verified_id, "123456")  # nothing sent yet
    assert raised.value.reason == "VERIFICATION_CODE_MISMATCH"
    send_code(service, verified_id)
    first = last_code(service)
    clock.now += 15 * 60 + 1
    with pytest.raises(ConflictException) as raised:
        verify(service, verified_id, first)
    assert raised.value.reason == "VERIFICATION_CODE_EXPIRED"
    send_code(service, verified_id)
    second = last_code(service)
    assert second != first
    with pytest.raises(ValidationException) as raised:
        verify(service, verified_id, first)
    assert raised.value.reason == "VERIFICATION_CODE_MISMATCH"
    clock.now += 15 * 60
    assert verify(service, verified_id, second)["Status"] == "VERIFIED"


def test_delete_waits_24_hours_and_answers_without_status(service, clock):
    verified_id = create(service)["VerifiedDestinationNumberId"]
    with pytest.raises(ValidationException) as raised:
        service.call("DeleteVerifiedDestinationNumber", {"VerifiedDestinationNumberId": verified_id})
    assert raised.value.fields[0]["Name"] == "VerifiedDestinationNumberId"
    clock.now += 24 * 3600
    assert service.call("DeleteVerifiedDestinationNumber", {"VerifiedDestinationNumberId": ARN + verified_id}) == {
        "CreatedTimestamp": NOW, "DestinationPhoneNumber": UK, "VerifiedDestinationNumberArn": ARN + verified_id,
        "VerifiedDestinationNumberId": verified_id,
    }  # fmt: skip
    with pytest.raises(ResourceNotFoundException) as raised:
        service.call("DeleteVerifiedDestinationNumber", {"VerifiedDestinationNumberId": verified_id})
    assert (raised.value.resource_type, raised.value.resource_id) == ("verified-destination-number", verified_id)


def test_describe_by_ids_arns_numbers_filters_and_pages(service):
    uk_number(service)
    ids = [create(service, f"+4477009001{serial:02d}")["VerifiedDestinationNumberId"] for serial in range(3)]
    send_code(service, ids[1])
    verify(service, ids[1], last_code(service))
    describe = lambda **request: service.call("DescribeVerifiedDestinationNumbers", request)  # noqa: E731
    listed = lambda reply: [entry["VerifiedDestinationNumberId"] for entry in reply["VerifiedDestinationNumbers"]]  # noqa: E731
    assert listed(describe(VerifiedDestinationNumberIds=[ids[2], ARN + ids[0], ids[2]])) == [ids[2], ids[0]]
    assert listed(describe(DestinationPhoneNumbers=["+447700900101", "447700900100"])) == [ids[1], ids[0]]
    assert listed(describe(VerifiedDestinationNumberIds=ids[:2], DestinationPhoneNumbers=["+447700900101"])) == [ids[1]]
    assert listed(describe(Filters=[{"Name": "status", "Values": ["PENDING"]}])) == [ids[0], ids[2]]
    first = describe(MaxResults=2)
    assert listed(first) == ids[:2]
    assert listed(describe(MaxResults=2, NextToken=first["NextToken"])) == ids[2:]
    with pytest.raises(ResourceNotFoundException):
        describe(VerifiedDestinationNumberIds=["verified-nope"])
    with pytest.raises(ResourceNotFoundException):
        describe(DestinationPhoneNumbers=["+447700900999"])
    with pytest.raises(ValidationException) as raised:
        describe(Filters=[{"Name": "status", "Values": ["ACTIVE"]}])
    assert raised.value.reason == "INVALID_FILTER_VALUES"


def test_the_sending_identity_must_fit_the_channel_and_the_country(service):
    verified_id = create(service)["VerifiedDestinationNumberId"]
    with pytest.raises(ConflictException) as raised:
        send_code(service, verified_id)  # no identity at all
    assert raised.value.reason == "NO_ORIGINATION_IDENTITIES_FOUND"
    simulator_number = service.call("RequestPhoneNumber", {"IsoCountryCode": "US", "MessageType": "TRANSACTIONAL",
                                                           "NumberCapabilities": ["SMS", "VOICE"], "NumberType": "SIMULATOR"})  # fmt: skip
    with pytest.raises(ValidationException) as raised:
        send_code(service, verified_id, OriginationIdentity=simulator_number["PhoneNumberId"])
    assert raised.value.reason == "INVALID_IDENTITY_FOR_DESTINATION_COUNTRY"
    text_only = uk_number(service)
    with pytest.raises(ValidationException) as raised:
        send_code(service, verified_id, "VOICE", OriginationIdentity=text_only["PhoneNumber"])
    assert raised.value.reason == "VOICE_CAPABILITY_NOT_AVAILABLE"
    with pytest.raises(ResourceNotFoundException):
        send_code(service, verified_id, OriginationIdentity="+447700900999")
    with pytest.raises(ResourceNotFoundException) as raised:
        send_code(service, verified_id, ConfigurationSetName="missing")
    assert raised.value.resource_type == "configuration-set"
    # a simulator number reaches the destination simulators of its country
    simulator_id = create(service, SUCCESS)["VerifiedDestinationNumberId"]
    send_code(service, simulator_id, OriginationIdentity=simulator_number["PhoneNumber"])
    assert messages(service)[-1]["OriginationPhoneNumber"] == simulator_number["PhoneNumber"]


def test_a_pool_sends_from_its_first_fitting_member(service):
    origin = uk_number(service)
    pool = service.call("CreatePool", {"OriginationIdentity": origin["PhoneNumberId"], "IsoCountryCode": "GB",
                                       "MessageType": "TRANSACTIONAL"})  # fmt: skip
    verified_id = create(service)["VerifiedDestinationNumberId"]
    send_code(service, verified_id, OriginationIdentity=pool["PoolId"])
    message = messages(service)[-1]
    assert (message["OriginationIdentity"], message["OriginationPhoneNumber"], message["PoolId"]) == (
        pool["PoolId"], origin["PhoneNumber"], pool["PoolId"]
    )


def test_voice_and_languages(service):
    uk_number(service, ("SMS", "VOICE"))
    verified_id = create(service)["VerifiedDestinationNumberId"]
    send_code(service, verified_id, "VOICE")
    message = messages(service)[-1]
    assert message["Channel"] == "VOICE" and "Encoding" not in message
    assert re.search(r"\d \d \d \d \d \d", message["MessageBody"])
    send_code(service, verified_id, LanguageCode="JA_JP")
    message = messages(service)[-1]
    assert (message["Encoding"], message["MessageParts"]) == ("UCS-2", 1)
    assert "確認コード" in message["MessageBody"]


def test_five_codes_a_day_and_only_the_first_is_free(service, clock):
    uk_number(service)
    verified_id = create(service)["VerifiedDestinationNumberId"]
    for _ in range(5):
        send_code(service, verified_id)
        clock.now += 60
    prices = [message["Price"] for message in messages(service)]
    assert prices[0] == 0.0 and all(price > 0 for price in prices[1:])
    with pytest.raises(ServiceQuotaExceededException) as raised:
        send_code(service, verified_id)
    assert raised.value.reason == "VERIFICATION_ATTEMPTS_PER_DAY"
    clock.now = NOW + 24 * 3600 + 1
    send_code(service, verified_id)


def test_paid_codes_count_against_the_text_spend_limit(service):
    uk_number(service)
    verified_id = create(service)["VerifiedDestinationNumberId"]
    service.call("SetTextMessageSpendLimitOverride", {"MonthlyLimit": 0})
    send_code(service, verified_id)  # the first is free
    with pytest.raises(ServiceQuotaExceededException) as raised:
        send_code(service, verified_id)
    assert raised.value.reason == "MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT"
    assert len(messages(service)) == 1
