"""Phone numbers through the service: what can be requested where, lifecycle, updates, release, describe."""

from __future__ import annotations

import re

import pytest

from conftest import FIXED_NOW, fresh
from smscli.service.errors import (
    ConflictException,
    ResourceNotFoundException,
    ServiceQuotaExceededException,
    ValidationException,
)

ACCOUNT = "arn:aws:sms-voice:us-east-1:123456789012"


def request(service, iso="US", number_type="SIMULATOR", capabilities=("SMS", "VOICE"), message_type="TRANSACTIONAL", **extra):
    return service.call(
        "RequestPhoneNumber",
        {"IsoCountryCode": iso, "MessageType": message_type, "NumberCapabilities": list(capabilities),
         "NumberType": number_type, **extra},
    )  # fmt: skip


def test_request_returns_the_number_pending_with_its_defaults(service):
    number = request(service, Tags=[{"Key": "team", "Value": "ops"}])
    assert number == {
        "PhoneNumberArn": f"{ACCOUNT}:phone-number/phone-00000000000000000000000000000001",
        "PhoneNumberId": "phone-00000000000000000000000000000001",
        "PhoneNumber": number["PhoneNumber"],
        "Status": "PENDING",
        "IsoCountryCode": "US",
        "MessageType": "TRANSACTIONAL",
        "NumberCapabilities": ["SMS", "VOICE"],
        "NumberType": "SIMULATOR",
        "MonthlyLeasingPrice": "0.00",
        "TwoWayEnabled": False,
        "SelfManagedOptOutsEnabled": False,
        "OptOutListName": "Default",
        "InternationalSendingEnabled": False,
        "DeletionProtectionEnabled": False,
        "Tags": [{"Key": "team", "Value": "ops"}],
        "CreatedTimestamp": FIXED_NOW,
    }
    assert re.fullmatch(r"\+1\d{3}55501\d\d", number["PhoneNumber"])
    described = fresh(service).call("DescribePhoneNumbers", {})["PhoneNumbers"][0]
    assert described["Status"] == "ACTIVE"  # provisioned at once
    assert "Tags" not in described  # PhoneNumberInformation has no Tags


@pytest.mark.parametrize(
    "iso, number_type, capabilities, pattern, price, status",
    [
        ("US", "TEN_DLC", ("SMS", "VOICE", "MMS"), r"\+1\d{3}55501\d\d", "2.00", "PENDING"),
        ("US", "TOLL_FREE", ("SMS",), r"\+18(33|44|55|66|77|88)55501\d\d", "2.00", "PENDING"),
        ("CA", "LONG_CODE", ("SMS", "MMS"), r"\+1(416|604|514|403|613|902)55501\d\d", "1.00", "ACTIVE"),
        ("GB", "LONG_CODE", ("SMS", "VOICE"), r"\+447700900\d{3}", "1.00", "ACTIVE"),
        ("DE", "LONG_CODE", ("SMS",), r"\+497\d{10}", "1.00", "ACTIVE"),
        ("US", "LONG_CODE", ("VOICE",), r"\+1\d{3}55501\d\d", "1.00", "ACTIVE"),
    ],
)
def test_types_and_countries_that_can_be_requested(service, iso, number_type, capabilities, pattern, price, status):
    number = request(service, iso, number_type, capabilities)
    assert re.fullmatch(pattern, number["PhoneNumber"]), number["PhoneNumber"]
    assert number["MonthlyLeasingPrice"] == price
    stored = fresh(service).call("DescribePhoneNumbers", {"PhoneNumberIds": [number["PhoneNumberId"]]})["PhoneNumbers"][0]
    assert stored["Status"] == status  # 10DLC and toll-free wait for a registration


@pytest.mark.parametrize(
    "iso, number_type, capabilities, message_type, reason, field",
    [
        ("US", "SIMULATOR", ("SMS",), "PROMOTIONAL", "INVALID_PARAMETER", "MessageType"),
        ("GB", "SIMULATOR", ("SMS",), "TRANSACTIONAL", "INVALID_PARAMETER", "NumberType"),
        ("CA", "TOLL_FREE", ("SMS",), "TRANSACTIONAL", "INVALID_PARAMETER", "NumberType"),
        ("MX", "TEN_DLC", ("SMS",), "TRANSACTIONAL", "INVALID_PARAMETER", "NumberType"),
        ("US", "LONG_CODE", ("SMS",), "TRANSACTIONAL", "INVALID_PARAMETER", "NumberType"),
        ("PR", "LONG_CODE", ("SMS",), "TRANSACTIONAL", "INVALID_PARAMETER", "NumberType"),
        ("AF", "LONG_CODE", ("SMS",), "TRANSACTIONAL", "INVALID_PARAMETER", "NumberType"),
        ("AR", "LONG_CODE", ("VOICE",), "TRANSACTIONAL", "VOICE_CAPABILITY_NOT_AVAILABLE", "NumberCapabilities"),
        ("GB", "LONG_CODE", ("SMS", "MMS"), "TRANSACTIONAL", "INVALID_PARAMETER", "NumberCapabilities"),
        ("GB", "LONG_CODE", ("SMS", "SMS"), "TRANSACTIONAL", "INVALID_PARAMETER", "NumberCapabilities"),
        ("ZZ", "LONG_CODE", ("SMS",), "TRANSACTIONAL", "INVALID_PARAMETER", "IsoCountryCode"),
        ("US", "SHORT_CODE", ("SMS",), "TRANSACTIONAL", "FIELD_VALIDATION_FAILED", "NumberType"),
        ("US", "SIMULATOR", ("SMS", "VOICE", "MMS", "RCS"), "TRANSACTIONAL", "FIELD_VALIDATION_FAILED", "NumberCapabilities"),
    ],
)
def test_numbers_the_service_would_refuse(service, iso, number_type, capabilities, message_type, reason, field):
    with pytest.raises(ValidationException) as raised:
        request(service, iso, number_type, capabilities, message_type)
    assert raised.value.reason == reason
    assert raised.value.fields[0]["Name"].startswith(field)
    assert not service.store.path.exists() or fresh(service).call("DescribePhoneNumbers", {})["PhoneNumbers"] == []


def test_new_numbers_get_the_default_keywords_of_their_country(service):
    us = request(service)
    gb = request(service, "GB", "LONG_CODE", ("SMS",))
    us_keywords = service.call("DescribeKeywords", {"OriginationIdentity": us["PhoneNumberId"]})["Keywords"]
    assert [k["Keyword"] for k in us_keywords] == [
        "HELP", "ARRET", "CANCEL", "END", "OPT-OUT", "OPTOUT", "QUIT", "REMOVE", "STOP", "TD", "UNSUBSCRIBE",
    ]  # fmt: skip
    assert {k["KeywordAction"] for k in us_keywords[1:]} == {"OPT_OUT"}
    gb_keywords = service.call("DescribeKeywords", {"OriginationIdentity": gb["PhoneNumberArn"]})["Keywords"]
    assert [(k["Keyword"], k["KeywordAction"]) for k in gb_keywords] == [("HELP", "AUTOMATIC_RESPONSE"), ("STOP", "OPT_OUT")]


def test_links_must_exist(service):
    service.call("CreateOptOutList", {"OptOutListName": "mine"})
    number = request(service, OptOutListName=f"{ACCOUNT}:opt-out-list/mine")
    assert number["OptOutListName"] == "mine"
    for extra, resource_type in (({"OptOutListName": "nope"}, "opt-out-list"), ({"PoolId": "pool-nope"}, "pool"),
                                 ({"RegistrationId": "registration-nope"}, "registration")):  # fmt: skip
        with pytest.raises(ResourceNotFoundException) as raised:
            request(service, **extra)
        assert raised.value.resource_type == resource_type


def test_numbers_are_unique_never_reused_and_limited_to_25(service):
    numbers = [request(service) for _ in range(3)]
    service.call("ReleasePhoneNumber", {"PhoneNumberId": numbers[0]["PhoneNumberId"]})
    numbers += [request(service) for _ in range(23)]  # 25 in the account
    assert len({n["PhoneNumber"] for n in numbers}) == 26
    with pytest.raises(ServiceQuotaExceededException) as raised:
        request(service)
    assert raised.value.reason == "PHONE_NUMBERS_PER_ACCOUNT"


def test_update_changes_only_what_is_given(service, clock):
    number = request(service)
    updated = service.call("UpdatePhoneNumber", {"PhoneNumberId": number["PhoneNumberId"], "DeletionProtectionEnabled": True})
    assert updated["DeletionProtectionEnabled"] is True and updated["OptOutListName"] == "Default"
    assert "PoolId" not in updated and "Tags" not in updated and updated["Status"] == "ACTIVE"
    two_way = service.call("UpdatePhoneNumber", {
        "PhoneNumberId": number["PhoneNumberArn"], "TwoWayEnabled": True,
        "TwoWayChannelArn": "arn:aws:sns:us-east-1:123456789012:inbound", "SelfManagedOptOutsEnabled": True,
    })  # fmt: skip
    assert (two_way["TwoWayEnabled"], two_way["SelfManagedOptOutsEnabled"], two_way["DeletionProtectionEnabled"]) == (True, True, True)


@pytest.mark.parametrize(
    "iso, number_type, capabilities, update, reason",
    [
        ("US", "SIMULATOR", ("SMS",), {"TwoWayEnabled": True}, "TWO_WAY_CHANNEL_NOT_PRESENT"),
        ("US", "SIMULATOR", ("SMS",), {"SelfManagedOptOutsEnabled": True}, "TWO_WAY_NOT_ENABLED"),
        ("LR", "LONG_CODE", ("SMS",), {"TwoWayEnabled": True, "TwoWayChannelArn": "connect.us-east-1.amazonaws.com"},
         "TWO_WAY_NOT_SUPPORTED_IN_COUNTRY"),
        ("US", "LONG_CODE", ("VOICE",), {"TwoWayEnabled": True, "TwoWayChannelArn": "connect.us-east-1.amazonaws.com"},
         "INVALID_PARAMETER"),
    ],
)  # fmt: skip
def test_two_way_rules(service, iso, number_type, capabilities, update, reason):
    number = request(service, iso, number_type, capabilities)
    with pytest.raises(ValidationException) as raised:
        service.call("UpdatePhoneNumber", {"PhoneNumberId": number["PhoneNumberId"], **update})
    assert raised.value.reason == reason


def test_release(service):
    protected = request(service, DeletionProtectionEnabled=True)
    with pytest.raises(ConflictException) as raised:
        service.call("ReleasePhoneNumber", {"PhoneNumberId": protected["PhoneNumberId"]})
    assert (raised.value.reason, raised.value.resource_type) == ("DELETION_PROTECTION_ENABLED", "phone-number")
    pending = request(service, number_type="TEN_DLC", capabilities=("SMS",))
    with pytest.raises(ValidationException) as raised:
        service.call("ReleasePhoneNumber", {"PhoneNumberId": pending["PhoneNumberId"]})
    assert raised.value.reason == "PHONE_NUMBER_CANNOT_BE_RELEASED"
    number = request(service)
    released = service.call("ReleasePhoneNumber", {"PhoneNumberId": number["PhoneNumberArn"]})
    assert released["Status"] == "DELETED"
    assert not {"DeletionProtectionEnabled", "InternationalSendingEnabled", "PoolId", "Tags"} & set(released)
    with pytest.raises(ResourceNotFoundException):
        fresh(service).call("DescribePhoneNumbers", {"PhoneNumberIds": [number["PhoneNumberId"]]})


def test_a_pooled_number_can_neither_change_nor_go(service):
    number = request(service)
    service.call("CreatePool", {"OriginationIdentity": number["PhoneNumberId"], "IsoCountryCode": "US", "MessageType": "TRANSACTIONAL"})
    for op, extra in (("UpdatePhoneNumber", {"DeletionProtectionEnabled": True}), ("ReleasePhoneNumber", {})):
        with pytest.raises(ConflictException) as raised:
            service.call(op, {"PhoneNumberId": number["PhoneNumberId"], **extra})
        assert raised.value.reason == "PHONE_NUMBER_ASSOCIATED_TO_POOL"


def test_describe_selects_and_filters(service):
    sim = request(service)
    gb = request(service, "GB", "LONG_CODE", ("SMS",), "PROMOTIONAL", DeletionProtectionEnabled=True)
    tfn = request(service, "US", "TOLL_FREE", ("SMS", "VOICE"))
    reader = fresh(service)

    def ids(request_):
        return [n["PhoneNumberId"] for n in reader.call("DescribePhoneNumbers", request_)["PhoneNumbers"]]

    assert ids({}) == [sim["PhoneNumberId"], gb["PhoneNumberId"], tfn["PhoneNumberId"]]
    assert ids({"PhoneNumberIds": [gb["PhoneNumberArn"], sim["PhoneNumberId"], gb["PhoneNumberId"]]}) == [gb["PhoneNumberId"], sim["PhoneNumberId"]]
    assert ids({"Filters": [{"Name": "status", "Values": ["PENDING"]}]}) == [tfn["PhoneNumberId"]]
    assert ids({"Filters": [{"Name": "number-capability", "Values": ["VOICE"]}, {"Name": "iso-country-code", "Values": ["US"]}]}) == [
        sim["PhoneNumberId"], tfn["PhoneNumberId"]
    ]  # fmt: skip
    assert ids({"Filters": [{"Name": "deletion-protection-enabled", "Values": ["true"]}]}) == [gb["PhoneNumberId"]]
    assert ids({"Filters": [{"Name": "number-type", "Values": ["SIMULATOR", "TOLL_FREE"]}]}) == [sim["PhoneNumberId"], tfn["PhoneNumberId"]]
    assert ids({"Owner": "SHARED"}) == []
    with pytest.raises(ValidationException) as raised:
        reader.call("DescribePhoneNumbers", {"Filters": [{"Name": "number-type", "Values": ["PAGER"]}]})
    assert raised.value.reason == "INVALID_FILTER_VALUES"
    with pytest.raises(ValidationException) as raised:
        reader.call("DescribePhoneNumbers", {"Owner": "SELF", "PhoneNumberIds": [sim["PhoneNumberId"]]})
    assert raised.value.reason == "PARAMETERS_CANNOT_BE_USED_TOGETHER"
    with pytest.raises(ResourceNotFoundException) as raised:
        reader.call("DescribePhoneNumbers", {"PhoneNumberIds": ["phone-nope"]})
    assert (raised.value.resource_type, raised.value.resource_id) == ("phone-number", "phone-nope")


def test_tags_on_numbers(service):
    number = request(service)
    service.call("TagResource", {"ResourceArn": number["PhoneNumberArn"], "Tags": [{"Key": "Name", "Value": "main"}]})
    assert fresh(service).call("ListTagsForResource", {"ResourceArn": number["PhoneNumberArn"]})["Tags"] == [
        {"Key": "Name", "Value": "main"}
    ]
