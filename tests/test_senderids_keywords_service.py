"""Sender IDs and keywords through the service."""

from __future__ import annotations

import pytest

from conftest import fresh
from smscli.service.errors import (
    ConflictException,
    ResourceNotFoundException,
    ServiceQuotaExceededException,
    ValidationException,
)

ACCOUNT = "arn:aws:sms-voice:us-east-1:123456789012"


def sender(service, sender_id="MyBrand", iso="GB", **extra):
    return service.call("RequestSenderId", {"SenderId": sender_id, "IsoCountryCode": iso, **extra})


def test_request_sender_id(service):
    assert sender(service, Tags=[{"Key": "k", "Value": "v"}]) == {
        "SenderIdArn": f"{ACCOUNT}:sender-id/MyBrand/GB",
        "SenderId": "MyBrand",
        "IsoCountryCode": "GB",
        "MessageTypes": ["TRANSACTIONAL", "PROMOTIONAL"],
        "MonthlyLeasingPrice": "0.00",
        "DeletionProtectionEnabled": False,
        "Registered": False,
        "Tags": [{"Key": "k", "Value": "v"}],
    }
    assert sender(service, iso="FR", MessageTypes=["PROMOTIONAL"])["MessageTypes"] == ["PROMOTIONAL"]
    with pytest.raises(ConflictException) as raised:
        sender(service)
    assert (raised.value.reason, raised.value.resource_type) == ("RESOURCE_ALREADY_EXISTS", "sender-id")


@pytest.mark.parametrize(
    "sender_id, iso, reason",
    [
        ("MyBrand", "US", "SENDER_ID_NOT_SUPPORTED"),
        ("MyBrand", "CA", "SENDER_ID_NOT_SUPPORTED"),
        ("MyBrand", "CN", "SENDER_ID_NOT_SUPPORTED"),
        ("MyBrand", "IN", "SENDER_ID_REQUIRES_REGISTRATION"),
        ("MyBrand", "AU", "SENDER_ID_REQUIRES_REGISTRATION"),
        ("12345", "GB", "FIELD_VALIDATION_FAILED"),  # at least one letter
        ("-Brand", "GB", "FIELD_VALIDATION_FAILED"),  # no hyphen at either end
        ("Brand-", "GB", "FIELD_VALIDATION_FAILED"),
        ("My Brand", "GB", "FIELD_VALIDATION_FAILED"),
        ("TooLongBrand", "GB", "FIELD_VALIDATION_FAILED"),
    ],
)
def test_sender_ids_the_service_refuses(service, sender_id, iso, reason):
    with pytest.raises(ValidationException) as raised:
        sender(service, sender_id, iso)
    assert raised.value.reason == reason


def test_update_release_and_describe_sender_ids(service):
    sender(service)
    sender(service, "Other", "FR")
    updated = service.call("UpdateSenderId", {"SenderId": f"{ACCOUNT}:sender-id/MyBrand/GB", "IsoCountryCode": "GB",
                                              "DeletionProtectionEnabled": True})  # fmt: skip
    assert updated["DeletionProtectionEnabled"] is True
    with pytest.raises(ConflictException) as raised:
        service.call("ReleaseSenderId", {"SenderId": "MyBrand", "IsoCountryCode": "GB"})
    assert raised.value.reason == "DELETION_PROTECTION_ENABLED"
    with pytest.raises(ValidationException) as raised:
        service.call("UpdateSenderId", {"SenderId": f"{ACCOUNT}:sender-id/MyBrand/GB", "IsoCountryCode": "FR"})
    assert raised.value.reason == "COUNTRY_CODE_MISMATCH"
    with pytest.raises(ResourceNotFoundException) as raised:
        service.call("DescribeSenderIds", {"SenderIds": [{"SenderId": "MyBrand", "IsoCountryCode": "FR"}]})
    assert (raised.value.resource_type, raised.value.resource_id) == ("sender-id", "MyBrand")
    reader = fresh(service)

    def names(request):
        return [(s["SenderId"], s["IsoCountryCode"]) for s in reader.call("DescribeSenderIds", request)["SenderIds"]]

    assert names({}) == [("MyBrand", "GB"), ("Other", "FR")]
    assert names({"Filters": [{"Name": "iso-country-code", "Values": ["FR"]}]}) == [("Other", "FR")]
    assert names({"Filters": [{"Name": "deletion-protection-enabled", "Values": ["true"]}, {"Name": "registered", "Values": ["false"]}]}) == [
        ("MyBrand", "GB")
    ]  # fmt: skip
    assert names({"SenderIds": [{"SenderId": "Other", "IsoCountryCode": "FR"}]}) == [("Other", "FR")]
    released = service.call("ReleaseSenderId", {"SenderId": "Other", "IsoCountryCode": "FR"})
    assert released["SenderId"] == "Other" and "DeletionProtectionEnabled" not in released


def test_a_sender_id_in_a_pool_cannot_be_released(service):
    sender(service)
    service.call("CreatePool", {"OriginationIdentity": "MyBrand", "IsoCountryCode": "GB", "MessageType": "TRANSACTIONAL"})
    with pytest.raises(ConflictException) as raised:
        service.call("ReleaseSenderId", {"SenderId": "MyBrand", "IsoCountryCode": "GB"})
    assert raised.value.reason == "SENDER_ID_ASSOCIATED_TO_POOL"


def test_sender_id_quota(service):
    for index in range(25):
        sender(service, f"Brand{index}")
    with pytest.raises(ServiceQuotaExceededException) as raised:
        sender(service, "OneMore")
    assert raised.value.reason == "SENDER_IDS_PER_ACCOUNT"


# ---------------------------------------------------------------------------------------------
# Keywords


def us_number(service, number_type="SIMULATOR"):
    return service.call("RequestPhoneNumber", {"IsoCountryCode": "US", "MessageType": "TRANSACTIONAL",
                                               "NumberCapabilities": ["SMS"], "NumberType": number_type})  # fmt: skip


def test_put_keyword_creates_and_overwrites_case_insensitively(service):
    number = us_number(service)
    put = service.call("PutKeyword", {"OriginationIdentity": number["PhoneNumberId"], "Keyword": "join",
                                      "KeywordMessage": "Welcome aboard"})  # fmt: skip
    assert put == {
        "OriginationIdentityArn": number["PhoneNumberArn"], "OriginationIdentity": number["PhoneNumberId"],
        "Keyword": "join", "KeywordMessage": "Welcome aboard", "KeywordAction": "AUTOMATIC_RESPONSE",
    }  # fmt: skip
    service.call("PutKeyword", {"OriginationIdentity": number["PhoneNumberArn"], "Keyword": "JOIN", "KeywordMessage": "Hi",
                                "KeywordAction": "OPT_IN"})  # fmt: skip
    described = fresh(service).call("DescribeKeywords", {"OriginationIdentity": number["PhoneNumberId"], "Keywords": ["Join"]})
    assert described == {
        "OriginationIdentityArn": number["PhoneNumberArn"], "OriginationIdentity": number["PhoneNumberId"],
        "Keywords": [{"Keyword": "JOIN", "KeywordMessage": "Hi", "KeywordAction": "OPT_IN"}],
    }  # fmt: skip
    help_message = service.call("PutKeyword", {"OriginationIdentity": number["PhoneNumberId"], "Keyword": "help",
                                               "KeywordMessage": "Call (206) 555-0199."})  # fmt: skip
    assert help_message["KeywordAction"] == "AUTOMATIC_RESPONSE"  # the message of a required keyword may change


def test_required_keywords_are_protected(service):
    number = us_number(service)
    for keyword in ("STOP", "help", "Unsubscribe"):
        with pytest.raises(ConflictException) as raised:
            service.call("DeleteKeyword", {"OriginationIdentity": number["PhoneNumberId"], "Keyword": keyword})
        assert (raised.value.reason, raised.value.resource_type) == ("RESOURCE_DELETION_NOT_ALLOWED", "keyword")
    with pytest.raises(ConflictException) as raised:
        service.call("PutKeyword", {"OriginationIdentity": number["PhoneNumberId"], "Keyword": "STOP",
                                    "KeywordMessage": "bye", "KeywordAction": "AUTOMATIC_RESPONSE"})  # fmt: skip
    assert raised.value.reason == "RESOURCE_MODIFICATION_NOT_ALLOWED"


def test_toll_free_opt_outs_belong_to_the_carriers(service):
    tfn = us_number(service, "TOLL_FREE")
    for keyword, action in (("STOP", "OPT_OUT"), ("LEAVE", "OPT_OUT")):
        with pytest.raises(ConflictException) as raised:
            service.call("PutKeyword", {"OriginationIdentity": tfn["PhoneNumberId"], "Keyword": keyword,
                                        "KeywordMessage": "x", "KeywordAction": action})  # fmt: skip
        assert raised.value.reason == "RESOURCE_MODIFICATION_NOT_ALLOWED"
    service.call("PutKeyword", {"OriginationIdentity": tfn["PhoneNumberId"], "Keyword": "UNSTOP", "KeywordMessage": "Welcome back",
                                "KeywordAction": "OPT_IN"})  # fmt: skip


def test_delete_and_describe_keywords(service):
    number = us_number(service)
    service.call("PutKeyword", {"OriginationIdentity": number["PhoneNumberId"], "Keyword": "JOIN", "KeywordMessage": "Hi", "KeywordAction": "OPT_IN"})
    deleted = service.call("DeleteKeyword", {"OriginationIdentity": number["PhoneNumberId"], "Keyword": "join"})
    assert deleted["Keyword"] == "JOIN" and deleted["KeywordAction"] == "OPT_IN"
    with pytest.raises(ResourceNotFoundException) as raised:
        service.call("DeleteKeyword", {"OriginationIdentity": number["PhoneNumberId"], "Keyword": "JOIN"})
    assert (raised.value.resource_type, raised.value.resource_id) == ("keyword", "JOIN")
    reader = fresh(service)
    opt_outs = reader.call("DescribeKeywords", {"OriginationIdentity": number["PhoneNumberId"],
                                                "Filters": [{"Name": "keyword-action", "Values": ["OPT_OUT"]}]})  # fmt: skip
    assert len(opt_outs["Keywords"]) == 10
    with pytest.raises(ValidationException) as raised:
        reader.call("DescribeKeywords", {"OriginationIdentity": number["PhoneNumberId"],
                                         "Filters": [{"Name": "keyword-action", "Values": ["REPLY"]}]})  # fmt: skip
    assert raised.value.reason == "INVALID_FILTER_VALUES"
    page = reader.call("DescribeKeywords", {"OriginationIdentity": number["PhoneNumberId"], "MaxResults": 4})
    assert len(page["Keywords"]) == 4 and page["NextToken"]


@pytest.mark.parametrize("keyword", [" JOIN", "JOIN ", "x" * 31, ""])
def test_keyword_text_rules(service, keyword):
    number = us_number(service)
    with pytest.raises(ValidationException):
        service.call("PutKeyword", {"OriginationIdentity": number["PhoneNumberId"], "Keyword": keyword, "KeywordMessage": "x"})


def test_keywords_of_a_pooled_number_are_managed_on_the_pool(service):
    number = us_number(service)
    created = service.call("CreatePool", {"OriginationIdentity": number["PhoneNumberId"], "IsoCountryCode": "US", "MessageType": "TRANSACTIONAL"})
    with pytest.raises(ConflictException) as raised:
        service.call("PutKeyword", {"OriginationIdentity": number["PhoneNumberId"], "Keyword": "JOIN", "KeywordMessage": "Hi"})
    assert raised.value.reason == "PHONE_NUMBER_ASSOCIATED_TO_POOL"
    service.call("PutKeyword", {"OriginationIdentity": created["PoolArn"], "Keyword": "JOIN", "KeywordMessage": "Hi"})


def test_keyword_limit(service):
    number = us_number(service)  # 11 default keywords in the US
    for index in range(19):
        service.call("PutKeyword", {"OriginationIdentity": number["PhoneNumberId"], "Keyword": f"K{index}", "KeywordMessage": "x"})
    with pytest.raises(ServiceQuotaExceededException) as raised:
        service.call("PutKeyword", {"OriginationIdentity": number["PhoneNumberId"], "Keyword": "ONE-MORE", "KeywordMessage": "x"})
    assert raised.value.reason == "KEYWORDS_PER_PHONE_NUMBER"


def test_keyword_targets(service):
    sender(service)
    with pytest.raises(ResourceNotFoundException) as raised:
        service.call("DescribeKeywords", {"OriginationIdentity": "pool-nope"})
    assert raised.value.resource_type == "pool"
    with pytest.raises(ValidationException) as raised:
        service.call("DescribeKeywords", {"OriginationIdentity": f"{ACCOUNT}:sender-id/MyBrand/GB"})
    assert raised.value.reason == "INVALID_ARN"  # keywords live on numbers and pools only
