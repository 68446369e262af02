"""Pools through the service: inheritance, membership rules and their Reasons, deletion, describe."""

from __future__ import annotations

import pytest

from conftest import FIXED_NOW, fresh
from smscli.service.errors import (
    ConflictException,
    ResourceNotFoundException,
    ServiceQuotaExceededException,
    ValidationException,
)

ACCOUNT = "arn:aws:sms-voice:us-east-1:123456789012"
TOPIC = "arn:aws:sns:us-east-1:123456789012:inbound"


def number(service, iso="US", number_type="SIMULATOR", capabilities=("SMS", "VOICE"), message_type="TRANSACTIONAL"):
    return service.call(
        "RequestPhoneNumber",
        {"IsoCountryCode": iso, "MessageType": message_type, "NumberCapabilities": list(capabilities), "NumberType": number_type},
    )


def pool(service, identity, iso="US", message_type="TRANSACTIONAL", **extra):
    return service.call("CreatePool", {"OriginationIdentity": identity, "IsoCountryCode": iso, "MessageType": message_type, **extra})


def associate(service, pool_id, identity, iso="US"):
    return service.call("AssociateOriginationIdentity", {"PoolId": pool_id, "OriginationIdentity": identity, "IsoCountryCode": iso})


def test_create_pool_inherits_from_the_number_but_not_deletion_protection(service):
    first = number(service)
    service.call("CreateOptOutList", {"OptOutListName": "vip"})
    service.call("UpdatePhoneNumber", {"PhoneNumberId": first["PhoneNumberId"], "OptOutListName": "vip", "TwoWayEnabled": True,
                                       "TwoWayChannelArn": TOPIC, "DeletionProtectionEnabled": True})  # fmt: skip
    service.call("PutKeyword", {"OriginationIdentity": first["PhoneNumberId"], "Keyword": "JOIN", "KeywordMessage": "Welcome!"})
    created = pool(service, first["PhoneNumberArn"], Tags=[{"Key": "Name", "Value": "alerts"}])
    pool_id = "pool-00000000000000000000000000000002"
    assert created == {
        "PoolArn": f"{ACCOUNT}:pool/{pool_id}",
        "PoolId": pool_id,
        "Status": "CREATING",
        "MessageType": "TRANSACTIONAL",
        "TwoWayEnabled": True,
        "TwoWayChannelArn": TOPIC,
        "SelfManagedOptOutsEnabled": False,
        "OptOutListName": "vip",
        "SharedRoutesEnabled": False,
        "DeletionProtectionEnabled": False,
        "Tags": [{"Key": "Name", "Value": "alerts"}],
        "CreatedTimestamp": FIXED_NOW,
    }
    reader = fresh(service)
    assert reader.call("DescribePools", {})["Pools"][0]["Status"] == "ACTIVE"
    assert reader.call("DescribePhoneNumbers", {})["PhoneNumbers"][0]["PoolId"] == pool_id
    keywords = [k["Keyword"] for k in reader.call("DescribeKeywords", {"OriginationIdentity": pool_id})["Keywords"]]
    assert "JOIN" in keywords and "STOP" in keywords


def test_create_pool_refusals(service):
    gb = number(service, "GB", "LONG_CODE", ("SMS",), "PROMOTIONAL")
    with pytest.raises(ValidationException) as raised:
        pool(service, gb["PhoneNumberId"], "FR", "PROMOTIONAL")
    assert raised.value.reason == "COUNTRY_CODE_MISMATCH"
    with pytest.raises(ConflictException) as raised:
        pool(service, gb["PhoneNumberId"], "GB", "TRANSACTIONAL")
    assert (raised.value.reason, raised.value.resource_type) == ("MESSAGE_TYPE_MISMATCH", "phone-number")
    pool(service, gb["PhoneNumberId"], "GB", "PROMOTIONAL")
    with pytest.raises(ConflictException) as raised:
        pool(service, gb["PhoneNumberId"], "GB", "PROMOTIONAL")
    assert raised.value.reason == "PHONE_NUMBER_ASSOCIATED_TO_POOL"
    with pytest.raises(ResourceNotFoundException) as raised:
        pool(service, "phone-nope")
    assert raised.value.resource_type == "phone-number"
    with pytest.raises(ResourceNotFoundException) as raised:
        pool(service, "NoSuchId", "GB")
    assert raised.value.resource_type == "sender-id"
    with pytest.raises(ValidationException) as raised:
        service.call("CreatePool", {"OriginationIdentity": gb["PhoneNumberId"], "MessageType": "PROMOTIONAL"})
    assert raised.value.reason == "MISSING_PARAMETER"  # the API reference requires IsoCountryCode


def test_a_pool_from_a_sender_id_has_the_defaults(service):
    service.call("RequestSenderId", {"SenderId": "MyBrand", "IsoCountryCode": "GB", "MessageTypes": ["PROMOTIONAL"]})
    created = pool(service, f"{ACCOUNT}:sender-id/MyBrand/GB", "GB", "PROMOTIONAL")
    assert (created["OptOutListName"], created["TwoWayEnabled"], created["SelfManagedOptOutsEnabled"]) == ("Default", False, False)
    with pytest.raises(ConflictException) as raised:
        pool(service, "MyBrand", "GB", "TRANSACTIONAL")
    assert raised.value.reason == "MESSAGE_TYPE_MISMATCH"
    second = pool(service, "MyBrand", "GB", "PROMOTIONAL")  # a sender ID can be in several pools
    members = service.call("ListPoolOriginationIdentities", {"PoolId": second["PoolId"]})
    assert members["OriginationIdentities"] == [{
        "OriginationIdentityArn": f"{ACCOUNT}:sender-id/MyBrand/GB", "OriginationIdentity": "MyBrand",
        "IsoCountryCode": "GB", "NumberCapabilities": ["SMS"],
    }]  # fmt: skip


@pytest.mark.parametrize(
    "change, reason",
    [
        ({"OptOutListName": "other"}, "OPT_OUT_LIST_MISMATCH"),
        ({"TwoWayEnabled": True, "TwoWayChannelArn": TOPIC}, "TWO_WAY_CONFIG_MISMATCH"),
        ("keyword", "KEYWORD_MISMATCH"),
        ("capabilities", "NUMBER_CAPABILITIES_MISMATCH"),
        ("promotional", "MESSAGE_TYPE_MISMATCH"),
    ],
)
def test_an_identity_must_match_the_pool(service, change, reason):
    service.call("CreateOptOutList", {"OptOutListName": "other"})
    first = number(service)
    created = pool(service, first["PhoneNumberId"])
    if change == "capabilities":
        second = number(service, capabilities=("SMS",))
    elif change == "promotional":
        second = number(service, "US", "TEN_DLC", ("SMS", "VOICE"), "PROMOTIONAL")
    else:
        second = number(service)
        if change == "keyword":
            service.call("PutKeyword", {"OriginationIdentity": second["PhoneNumberId"], "Keyword": "JOIN", "KeywordMessage": "Hi"})
        else:
            service.call("UpdatePhoneNumber", {"PhoneNumberId": second["PhoneNumberId"], **change})
    with pytest.raises(ConflictException) as raised:
        associate(service, created["PoolId"], second["PhoneNumberId"])
    assert (raised.value.reason, raised.value.resource_id) == (reason, second["PhoneNumberId"])


def test_self_managed_mismatch(service):
    first = number(service)
    created = pool(service, first["PhoneNumberId"])
    second = number(service)
    service.call("UpdatePhoneNumber", {"PhoneNumberId": second["PhoneNumberId"], "TwoWayEnabled": True, "TwoWayChannelArn": TOPIC,
                                       "SelfManagedOptOutsEnabled": True})  # fmt: skip
    service.call("UpdatePool", {"PoolId": created["PoolId"], "TwoWayEnabled": True, "TwoWayChannelArn": TOPIC})
    with pytest.raises(ConflictException) as raised:
        associate(service, created["PoolId"], second["PhoneNumberId"])
    assert raised.value.reason == "SELF_MANAGED_OPT_OUTS_MISMATCH"


def test_associate_disassociate_and_the_last_identity(service):
    first, second = number(service), number(service)
    created = pool(service, first["PhoneNumberId"])
    reply = associate(service, created["PoolArn"], second["PhoneNumberArn"])
    assert reply == {
        "PoolArn": created["PoolArn"], "PoolId": created["PoolId"], "OriginationIdentityArn": second["PhoneNumberArn"],
        "OriginationIdentity": second["PhoneNumberId"], "IsoCountryCode": "US",
    }  # fmt: skip
    with pytest.raises(ConflictException) as raised:
        associate(service, created["PoolId"], second["PhoneNumberId"])
    assert raised.value.reason == "RESOURCE_ALREADY_ASSOCIATED"
    other = pool(service, number(service)["PhoneNumberId"])
    with pytest.raises(ConflictException) as raised:
        associate(service, other["PoolId"], second["PhoneNumberId"])
    assert raised.value.reason == "PHONE_NUMBER_ASSOCIATED_TO_POOL"
    listed = service.call("ListPoolOriginationIdentities", {"PoolId": created["PoolId"]})
    assert [m["OriginationIdentity"] for m in listed["OriginationIdentities"]] == [first["PhoneNumberId"], second["PhoneNumberId"]]
    assert listed["OriginationIdentities"][0]["PhoneNumber"] == first["PhoneNumber"]
    filtered = service.call("ListPoolOriginationIdentities", {"PoolId": created["PoolId"], "Filters": [{"Name": "number-capability", "Values": ["MMS"]}]})
    assert filtered["OriginationIdentities"] == []
    service.call("DisassociateOriginationIdentity", {"PoolId": created["PoolId"], "OriginationIdentity": second["PhoneNumberId"], "IsoCountryCode": "US"})
    assert "PoolId" not in fresh(service).call("DescribePhoneNumbers", {"PhoneNumberIds": [second["PhoneNumberId"]]})["PhoneNumbers"][0]
    with pytest.raises(ConflictException) as raised:
        service.call("DisassociateOriginationIdentity", {"PoolId": created["PoolId"], "OriginationIdentity": second["PhoneNumberId"], "IsoCountryCode": "US"})
    assert raised.value.reason == "PHONE_NUMBER_NOT_ASSOCIATED_TO_POOL"
    with pytest.raises(ConflictException) as raised:
        service.call("DisassociateOriginationIdentity", {"PoolId": created["PoolId"], "OriginationIdentity": first["PhoneNumberId"], "IsoCountryCode": "US"})
    assert (raised.value.reason, raised.value.resource_type) == ("LAST_PHONE_NUMBER", "pool")


def test_a_new_number_can_join_a_pool_and_takes_its_configuration(service):
    first = number(service)
    created = pool(service, first["PhoneNumberId"])
    service.call("PutKeyword", {"OriginationIdentity": created["PoolId"], "Keyword": "JOIN", "KeywordMessage": "Hi"})
    joined = service.call("RequestPhoneNumber", {"IsoCountryCode": "US", "MessageType": "TRANSACTIONAL",
                                                 "NumberCapabilities": ["SMS", "VOICE"], "NumberType": "SIMULATOR",
                                                 "PoolId": created["PoolId"]})  # fmt: skip
    assert joined["PoolId"] == created["PoolId"]
    keywords = service.call("DescribeKeywords", {"OriginationIdentity": joined["PhoneNumberId"], "Keywords": ["join"]})
    assert keywords["Keywords"] == [{"Keyword": "JOIN", "KeywordMessage": "Hi", "KeywordAction": "AUTOMATIC_RESPONSE"}]
    with pytest.raises(ConflictException) as raised:
        service.call("RequestPhoneNumber", {"IsoCountryCode": "US", "MessageType": "TRANSACTIONAL", "NumberCapabilities": ["SMS"],
                                            "NumberType": "SIMULATOR", "PoolId": created["PoolId"]})  # fmt: skip
    assert raised.value.reason == "NUMBER_CAPABILITIES_MISMATCH"


def test_update_pool(service):
    created = pool(service, number(service)["PhoneNumberId"])
    service.call("CreateOptOutList", {"OptOutListName": "other"})
    updated = service.call("UpdatePool", {"PoolId": created["PoolId"], "OptOutListName": f"{ACCOUNT}:opt-out-list/other",
                                          "SharedRoutesEnabled": True, "DeletionProtectionEnabled": True})  # fmt: skip
    assert (updated["OptOutListName"], updated["SharedRoutesEnabled"], updated["DeletionProtectionEnabled"]) == ("other", True, True)
    assert "Tags" not in updated and updated["Status"] == "ACTIVE"
    with pytest.raises(ValidationException) as raised:
        service.call("UpdatePool", {"PoolId": created["PoolId"], "SelfManagedOptOutsEnabled": True})
    assert raised.value.reason == "TWO_WAY_NOT_ENABLED"
    with pytest.raises(ValidationException) as raised:
        service.call("UpdatePool", {"PoolId": created["PoolId"], "TwoWayEnabled": True})
    assert raised.value.reason == "TWO_WAY_CHANNEL_NOT_PRESENT"
    with pytest.raises(ResourceNotFoundException):
        service.call("UpdatePool", {"PoolId": created["PoolId"], "OptOutListName": "nope"})
    with pytest.raises(ValidationException) as raised:
        service.call("UpdatePool", {"PoolId": ""})
    assert raised.value.reason == "FIELD_VALIDATION_FAILED"  # the API reference's minimum length of 1


def test_delete_pool_frees_its_members_and_respects_deletion_protection(service):
    first, second = number(service), number(service)
    created = pool(service, first["PhoneNumberId"], DeletionProtectionEnabled=True)
    associate(service, created["PoolId"], second["PhoneNumberId"])
    with pytest.raises(ConflictException) as raised:
        service.call("DeletePool", {"PoolId": created["PoolId"]})
    assert raised.value.reason == "DELETION_PROTECTION_ENABLED"
    service.call("UpdatePool", {"PoolId": created["PoolId"], "DeletionProtectionEnabled": False})
    deleted = service.call("DeletePool", {"PoolId": created["PoolArn"]})
    assert deleted["Status"] == "DELETING" and "DeletionProtectionEnabled" not in deleted and "Tags" not in deleted
    reader = fresh(service)
    assert all("PoolId" not in n for n in reader.call("DescribePhoneNumbers", {})["PhoneNumbers"])
    with pytest.raises(ResourceNotFoundException):
        reader.call("DescribePools", {"PoolIds": [created["PoolId"]]})
    assert service.call("ReleasePhoneNumber", {"PhoneNumberId": second["PhoneNumberId"]})["Status"] == "DELETED"


def test_describe_pools_filters_and_quota(service):
    first = pool(service, number(service)["PhoneNumberId"])
    second = pool(service, number(service)["PhoneNumberId"], DeletionProtectionEnabled=True)
    reader = fresh(service)

    def ids(request):
        return [p["PoolId"] for p in reader.call("DescribePools", request)["Pools"]]

    assert ids({}) == [first["PoolId"], second["PoolId"]]
    assert ids({"Filters": [{"Name": "deletion-protection-enabled", "Values": ["true"]}]}) == [second["PoolId"]]
    assert ids({"Filters": [{"Name": "message-type", "Values": ["TRANSACTIONAL"]}, {"Name": "two-way-enabled", "Values": ["true"]}]}) == []
    with pytest.raises(ValidationException) as raised:
        reader.call("DescribePools", {"Filters": [{"Name": "status", "Values": ["GONE"]}]})
    assert raised.value.reason == "INVALID_FILTER_VALUES"
    service.call("RequestSenderId", {"SenderId": "Shared", "IsoCountryCode": "GB"})
    for _ in range(23):  # a sender ID can be in any number of pools
        pool(service, "Shared", "GB")
    with pytest.raises(ServiceQuotaExceededException) as raised:
        pool(service, "Shared", "GB")
    assert raised.value.reason == "POOLS_PER_ACCOUNT"


def test_client_token_makes_create_pool_idempotent(service):
    first = number(service)
    request = {"OriginationIdentity": first["PhoneNumberId"], "IsoCountryCode": "US", "MessageType": "TRANSACTIONAL", "ClientToken": "t1"}
    assert service.call("CreatePool", request) == service.call("CreatePool", request)
    assert len(fresh(service).call("DescribePools", {})["Pools"]) == 1


def test_a_pool_holds_at_most_its_quota_of_origination_identities(service, monkeypatch):
    from smscli.service import pools

    monkeypatch.setattr(pools, "MAX_IDENTITIES_PER_POOL", 2)  # the real 100 needs more numbers than the account may lease
    created = pool(service, number(service)["PhoneNumberId"])
    associate(service, created["PoolId"], number(service)["PhoneNumberId"])
    third = number(service)["PhoneNumberId"]
    with pytest.raises(ServiceQuotaExceededException) as raised:
        associate(service, created["PoolId"], third)
    assert raised.value.reason == "ORIGINATION_IDENTITIES_PER_POOL"
    listed = service.call("ListPoolOriginationIdentities", {"PoolId": created["PoolId"]})["OriginationIdentities"]
    assert len(listed) == 2 and third not in [entry["OriginationIdentity"] for entry in listed]


def test_a_pool_holds_at_most_its_quota_of_keywords(service):
    from smscli.service.keywords import MAX_KEYWORDS

    created = pool(service, number(service)["PhoneNumberId"])
    existing = len(service.call("DescribeKeywords", {"OriginationIdentity": created["PoolId"]})["Keywords"])
    for index in range(MAX_KEYWORDS - existing):
        service.call("PutKeyword", {"OriginationIdentity": created["PoolId"], "Keyword": f"K{index}", "KeywordMessage": "x"})
    with pytest.raises(ServiceQuotaExceededException) as raised:
        service.call("PutKeyword", {"OriginationIdentity": created["PoolId"], "Keyword": "ONE-MORE", "KeywordMessage": "x"})
    assert raised.value.reason == "KEYWORDS_PER_POOL"
