"""Opt-out lists and opted-out numbers through the service entry point: responses, errors, state."""

from __future__ import annotations

import pytest

from conftest import FIXED_NOW as NOW
from conftest import fresh
from smscli.errors import NotSimulatedError
from smscli.service.errors import (
    AccessDeniedException,
    ConflictException,
    ResourceNotFoundException,
    ServiceQuotaExceededException,
    ValidationException,
)
ARN = "arn:aws:sms-voice:us-east-1:123456789012:opt-out-list/"




def test_every_account_has_the_default_list(service):
    assert service.call("DescribeOptOutLists", {}) == {
        "OptOutLists": [{"OptOutListArn": ARN + "Default", "OptOutListName": "Default", "CreatedTimestamp": NOW}]
    }
    assert not service.store.path.exists(), "a read-only call never writes"


def test_create_returns_the_list_with_its_tags(service):
    response = service.call("CreateOptOutList", {"OptOutListName": "marketing", "Tags": [{"Key": "team", "Value": ""}]})
    assert response == {
        "OptOutListArn": ARN + "marketing",
        "OptOutListName": "marketing",
        "CreatedTimestamp": NOW,
        "Tags": [{"Key": "team", "Value": ""}],
    }
    names = [entry["OptOutListName"] for entry in fresh(service).call("DescribeOptOutLists", {})["OptOutLists"]]
    assert names == ["Default", "marketing"]


def test_a_name_is_unique(service):
    service.call("CreateOptOutList", {"OptOutListName": "dup"})
    with pytest.raises(ConflictException) as raised:
        service.call("CreateOptOutList", {"OptOutListName": "dup"})
    assert (raised.value.reason, raised.value.resource_type, raised.value.resource_id) == (
        "RESOURCE_ALREADY_EXISTS", "opt-out-list", "dup"
    )


@pytest.mark.parametrize("name", ["has space", "semi;colon", "x" * 65, ""])
def test_names_follow_the_pattern_and_length(service, name):
    with pytest.raises(ValidationException) as raised:
        service.call("CreateOptOutList", {"OptOutListName": name})
    assert raised.value.reason == "FIELD_VALIDATION_FAILED"
    assert raised.value.fields[0]["Name"] == "OptOutListName"


def test_the_quota_counts_the_default_list(service):
    for number in range(24):
        service.call("CreateOptOutList", {"OptOutListName": f"list-{number}"})
    with pytest.raises(ServiceQuotaExceededException) as raised:
        service.call("CreateOptOutList", {"OptOutListName": "one-too-many"})
    assert raised.value.reason == "OPT_OUT_LISTS_PER_ACCOUNT"


def test_client_token_replays_the_first_response(service, clock):
    first = service.call("CreateOptOutList", {"OptOutListName": "once", "ClientToken": "tok-1"})
    clock.now += 60
    again = service.call("CreateOptOutList", {"OptOutListName": "once", "ClientToken": "tok-1"})
    assert again == first
    with pytest.raises(ValidationException) as raised:
        service.call("CreateOptOutList", {"OptOutListName": "other", "ClientToken": "tok-1"})
    assert raised.value.reason == "INVALID_REQUEST"


def test_describe_by_name_or_arn_and_unknown_names(service):
    service.call("CreateOptOutList", {"OptOutListName": "a"})
    response = service.call("DescribeOptOutLists", {"OptOutListNames": [ARN + "a", "Default"]})
    assert [entry["OptOutListName"] for entry in response["OptOutLists"]] == ["a", "Default"]
    with pytest.raises(ResourceNotFoundException) as raised:
        service.call("DescribeOptOutLists", {"OptOutListNames": ["nope"]})
    assert (raised.value.resource_type, raised.value.resource_id) == ("opt-out-list", "nope")


def test_owner_and_names_cannot_be_combined_and_nothing_is_shared(service):
    with pytest.raises(ValidationException) as raised:
        service.call("DescribeOptOutLists", {"OptOutListNames": ["Default"], "Owner": "SELF"})
    assert raised.value.reason == "PARAMETERS_CANNOT_BE_USED_TOGETHER"
    assert service.call("DescribeOptOutLists", {"Owner": "SHARED"}) == {"OptOutLists": []}
    with pytest.raises(ValidationException) as raised:
        service.call("DescribeOptOutLists", {"Owner": "EVERYONE"})
    assert raised.value.fields == [{"Name": "Owner", "Message": "Member must satisfy enum value set: [SELF, SHARED]"}]


def test_arns_of_other_types_accounts_and_regions_are_refused(service):
    with pytest.raises(ValidationException) as raised:
        service.call("DeleteOptOutList", {"OptOutListName": "arn:aws:sms-voice:us-east-1:123456789012:pool/pool-1"})
    assert raised.value.reason == "INVALID_ARN"
    with pytest.raises(AccessDeniedException):
        service.call("DeleteOptOutList", {"OptOutListName": "arn:aws:sms-voice:us-east-1:111122223333:opt-out-list/x"})
    with pytest.raises(ValidationException) as raised:
        service.call("DeleteOptOutList", {"OptOutListName": "arn:aws:sms-voice:eu-west-1:123456789012:opt-out-list/x"})
    assert raised.value.reason == "INVALID_ARN"


def test_delete_returns_the_list_and_deletes_its_numbers(service):
    service.call("CreateOptOutList", {"OptOutListName": "gone", "Tags": [{"Key": "k", "Value": "v"}]})
    service.call("PutOptedOutNumber", {"OptOutListName": "gone", "OptedOutNumber": "+12065550123"})
    assert service.call("DeleteOptOutList", {"OptOutListName": "gone"}) == {
        "OptOutListArn": ARN + "gone", "OptOutListName": "gone", "CreatedTimestamp": NOW
    }
    service.call("CreateOptOutList", {"OptOutListName": "gone"})
    assert service.call("DescribeOptedOutNumbers", {"OptOutListName": "gone"})["OptedOutNumbers"] == []


def test_the_default_list_and_lists_in_use_cannot_be_deleted(service):
    with pytest.raises(ConflictException) as raised:
        service.call("DeleteOptOutList", {"OptOutListName": "Default"})
    assert raised.value.reason == "RESOURCE_DELETION_NOT_ALLOWED"
    service.call("CreateOptOutList", {"OptOutListName": "used"})
    number = service.call("RequestPhoneNumber", {"IsoCountryCode": "US", "MessageType": "TRANSACTIONAL",
                                                 "NumberCapabilities": ["SMS"], "NumberType": "SIMULATOR",
                                                 "OptOutListName": "used"})  # fmt: skip
    with pytest.raises(ConflictException) as raised:
        fresh(service).call("DeleteOptOutList", {"OptOutListName": "used"})
    assert raised.value.reason == "RESOURCE_DELETION_NOT_ALLOWED"
    assert number["PhoneNumberId"] in raised.value.message


def test_put_opted_out_number_and_describe(service, clock):
    put = service.call("PutOptedOutNumber", {"OptOutListName": "Default", "OptedOutNumber": "+12065550123"})
    assert put == {
        "OptOutListArn": ARN + "Default",
        "OptOutListName": "Default",
        "OptedOutNumber": "+12065550123",
        "OptedOutTimestamp": NOW,
        "EndUserOptedOut": False,
    }
    clock.now += 5
    again = service.call("PutOptedOutNumber", {"OptOutListName": "Default", "OptedOutNumber": "+12065550123"})
    assert again["OptedOutTimestamp"] == NOW + 5
    described = fresh(service).call("DescribeOptedOutNumbers", {"OptOutListName": "Default"})
    assert described == {
        "OptedOutNumbers": [{"OptedOutNumber": "+12065550123", "OptedOutTimestamp": NOW + 5, "EndUserOptedOut": False}],
        "OptOutListArn": ARN + "Default",
        "OptOutListName": "Default",
    }


@pytest.mark.parametrize(
    "number, reason",
    [
        ("12065550123", "CANNOT_ADD_OPTED_OUT_NUMBER"),  # the pattern allows no +, E.164 does not
        ("+1234567890123456", "CANNOT_ADD_OPTED_OUT_NUMBER"),  # 16 digits
        ("+0123", "FIELD_VALIDATION_FAILED"),
        ("+1 206 555 0123", "FIELD_VALIDATION_FAILED"),
    ],
)
def test_opted_out_numbers_must_be_e164(service, number, reason):
    with pytest.raises(ValidationException) as raised:
        service.call("PutOptedOutNumber", {"OptOutListName": "Default", "OptedOutNumber": number})
    assert raised.value.reason == reason


def test_put_on_a_missing_list(service):
    with pytest.raises(ResourceNotFoundException) as raised:
        service.call("PutOptedOutNumber", {"OptOutListName": "nope", "OptedOutNumber": "+12065550123"})
    assert raised.value.resource_type == "opt-out-list"


def test_delete_opted_out_number_once_every_30_days(service, clock):
    request = {"OptOutListName": "Default", "OptedOutNumber": "+12065550123"}
    with pytest.raises(ResourceNotFoundException) as raised:
        service.call("DeleteOptedOutNumber", request)
    assert (raised.value.resource_type, raised.value.resource_id) == ("opted-out-number", "+12065550123")
    service.call("PutOptedOutNumber", request)
    deleted = service.call("DeleteOptedOutNumber", request)
    assert deleted["OptedOutNumber"] == "+12065550123" and deleted["EndUserOptedOut"] is False
    service.call("PutOptedOutNumber", request)
    clock.now += 29 * 24 * 3600
    with pytest.raises(ValidationException) as raised:
        service.call("DeleteOptedOutNumber", request)
    assert raised.value.reason == "PHONE_NUMBER_CANNOT_BE_OPTED_IN"
    clock.now += 2 * 24 * 3600
    assert service.call("DeleteOptedOutNumber", request)["OptedOutNumber"] == "+12065550123"


def test_describe_opted_out_numbers_selects_and_filters(service):
    for number in ("+12065550100", "+12065550101"):
        service.call("PutOptedOutNumber", {"OptOutListName": "Default", "OptedOutNumber": number})
    with service.store.transaction() as state:  # as if the end user had texted STOP
        numbers = state["accounts"]["123456789012"]["regions"]["us-east-1"]["opt_out_lists"]["Default"]["numbers"]
        numbers["+12065550101"]["EndUserOptedOut"] = True
    reader = fresh(service)

    def numbers_of(request):
        return [entry["OptedOutNumber"] for entry in reader.call("DescribeOptedOutNumbers", request)["OptedOutNumbers"]]

    assert numbers_of({"OptOutListName": "Default", "Filters": [{"Name": "end-user-opted-out", "Values": ["true"]}]}) == [
        "+12065550101"
    ]
    assert numbers_of({"OptOutListName": "Default", "OptedOutNumbers": ["+12065550100"]}) == ["+12065550100"]
    with pytest.raises(ResourceNotFoundException):
        reader.call("DescribeOptedOutNumbers", {"OptOutListName": "Default", "OptedOutNumbers": ["+12065550199"]})
    with pytest.raises(ValidationException) as raised:
        reader.call("DescribeOptedOutNumbers", {"OptOutListName": "Default", "Filters": [{"Name": "end-user-opted-out", "Values": ["yes"]}]})
    assert raised.value.reason == "INVALID_FILTER_VALUES"
    with pytest.raises(ValidationException) as raised:
        reader.call("DescribeOptedOutNumbers", {"OptOutListName": "Default", "Filters": [{"Name": "status", "Values": ["x"]}]})
    assert raised.value.reason == "FIELD_VALIDATION_FAILED"


def test_pagination_tokens_work_across_processes_and_belong_to_their_query(service):
    for number in range(5):
        service.call("CreateOptOutList", {"OptOutListName": f"l{number}"})
    first = fresh(service).call("DescribeOptOutLists", {"MaxResults": 2})
    assert [entry["OptOutListName"] for entry in first["OptOutLists"]] == ["Default", "l0"]
    second = fresh(service).call("DescribeOptOutLists", {"MaxResults": 2, "NextToken": first["NextToken"]})
    assert [entry["OptOutListName"] for entry in second["OptOutLists"]] == ["l1", "l2"]
    last = fresh(service).call("DescribeOptOutLists", {"MaxResults": 10, "NextToken": second["NextToken"]})
    assert [entry["OptOutListName"] for entry in last["OptOutLists"]] == ["l3", "l4"]
    assert "NextToken" not in last
    for token in ("garbage", first["NextToken"][:-4]):
        with pytest.raises(ValidationException) as raised:
            service.call("DescribeOptOutLists", {"NextToken": token})
        assert raised.value.reason == "INVALID_NEXT_TOKEN"
    with pytest.raises(ValidationException):
        service.call("DescribeOptOutLists", {"Owner": "SELF", "NextToken": first["NextToken"]})


def test_tags_on_opt_out_lists(service):
    arn = service.call("CreateOptOutList", {"OptOutListName": "t"})["OptOutListArn"]
    assert service.call("TagResource", {"ResourceArn": arn, "Tags": [{"Key": "a", "Value": "1"}, {"Key": "b", "Value": "2"}]}) == {}
    service.call("TagResource", {"ResourceArn": arn, "Tags": [{"Key": "a", "Value": "3"}]})
    service.call("UntagResource", {"ResourceArn": arn, "TagKeys": ["b", "not-there"]})
    assert fresh(service).call("ListTagsForResource", {"ResourceArn": arn}) == {
        "ResourceArn": arn,
        "Tags": [{"Key": "a", "Value": "3"}],
    }
    with pytest.raises(ResourceNotFoundException):
        service.call("TagResource", {"ResourceArn": ARN + "missing", "Tags": [{"Key": "a", "Value": "1"}]})
    with pytest.raises(ValidationException) as raised:
        service.call("ListTagsForResource", {"ResourceArn": "arn:aws:sms-voice:us-east-1:123456789012:account/x"})
    assert raised.value.reason == "INVALID_ARN"
    with pytest.raises(ValidationException):
        service.call("TagResource", {"ResourceArn": arn, "Tags": [{"Key": "d", "Value": "1"}, {"Key": "d", "Value": "2"}]})


def test_tags_per_resource_quota(service):
    arn = service.call("CreateOptOutList", {"OptOutListName": "t"})["OptOutListArn"]
    service.call("TagResource", {"ResourceArn": arn, "Tags": [{"Key": f"k{n}", "Value": ""} for n in range(200)]})
    with pytest.raises(ServiceQuotaExceededException) as raised:
        service.call("TagResource", {"ResourceArn": arn, "Tags": [{"Key": "one-more", "Value": ""}]})
    assert raised.value.reason == "TAGS_PER_RESOURCE"


def test_an_operation_not_simulated_changes_nothing(service, monkeypatch):
    """An operation without a handler (none is left once the whole API is simulated, so one is
    unregistered here) raises NotSimulatedError after validating the request, and writes nothing."""
    from smscli.service import registry

    monkeypatch.delitem(registry._MODULE_OF, "CreateOptOutList")
    with pytest.raises(NotSimulatedError) as raised:
        service.call("CreateOptOutList", {"OptOutListName": "marketing"})
    assert raised.value.operation == "CreateOptOutList"
    assert not service.store.path.exists()
    with pytest.raises(ValidationException):
        service.call("CreateOptOutList", {"OptOutListName": "bad name"})
    monkeypatch.undo()
    service.call("CreateOptOutList", {"OptOutListName": "kept"})
    before = service.store.path.read_bytes()
    monkeypatch.delitem(registry._MODULE_OF, "DeleteOptOutList")
    with pytest.raises(NotSimulatedError):
        service.call("DeleteOptOutList", {"OptOutListName": "kept"})
    assert service.store.path.read_bytes() == before


def test_a_failed_call_writes_nothing(service):
    service.call("CreateOptOutList", {"OptOutListName": "kept"})
    before = service.store.path.read_bytes()
    with pytest.raises(ConflictException):
        service.call("CreateOptOutList", {"OptOutListName": "kept"})
    assert service.store.path.read_bytes() == before
