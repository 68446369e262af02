"""Resource-based policies through the service: the four resource types, JSON checks, errors, lifetime."""

from __future__ import annotations

import json

import pytest

from conftest import FIXED_NOW, fresh
from smscli.service.errors import AccessDeniedException, ResourceNotFoundException, ValidationException

ACCOUNT = "arn:aws:sms-voice:us-east-1:123456789012"
POLICY = json.dumps({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
        "Action": ["sms-voice:SendTextMessage"],
        "Resource": "*",
    }],
}, indent=2)  # fmt: skip


def put(service, arn, policy=POLICY):
    return service.call("PutResourcePolicy", {"ResourceArn": arn, "Policy": policy})


def get(service, arn):
    return fresh(service).call("GetResourcePolicy", {"ResourceArn": arn})


def delete(service, arn):
    return service.call("DeleteResourcePolicy", {"ResourceArn": arn})


def number(service):
    return service.call("RequestPhoneNumber", {
        "IsoCountryCode": "US", "MessageType": "TRANSACTIONAL", "NumberCapabilities": ["SMS"], "NumberType": "SIMULATOR"})  # fmt: skip


def resources(service) -> dict:
    """One resource of each type that takes a policy: resource type -> ARN."""
    phone = number(service)
    sender = service.call("RequestSenderId", {"SenderId": "MyBrand", "IsoCountryCode": "GB"})
    pool = service.call("CreatePool", {
        "OriginationIdentity": phone["PhoneNumberId"], "IsoCountryCode": "US", "MessageType": "TRANSACTIONAL"})  # fmt: skip
    listed = service.call("CreateOptOutList", {"OptOutListName": "marketing"})
    return {
        "phone-number": phone["PhoneNumberArn"],
        "sender-id": sender["SenderIdArn"],
        "pool": pool["PoolArn"],
        "opt-out-list": listed["OptOutListArn"],
    }


def test_put_get_delete_on_each_resource_type_that_takes_a_policy(service, clock):
    for resource_type, arn in resources(service).items():
        answer = {"ResourceArn": arn, "Policy": POLICY, "CreatedTimestamp": FIXED_NOW}
        assert put(service, arn) == answer, resource_type
        assert list(put(service, arn)) == ["ResourceArn", "Policy", "CreatedTimestamp"]
        assert get(service, arn) == answer
        assert delete(service, arn) == answer, "Delete answers the policy it deleted"
        with pytest.raises(ResourceNotFoundException) as raised:
            get(service, arn)
        assert (raised.value.resource_type, raised.value.resource_id) == ("policy", arn)


def test_the_default_opt_out_list_takes_a_policy(service):
    arn = f"{ACCOUNT}:opt-out-list/Default"
    assert put(service, arn, "{}")["Policy"] == "{}"
    assert get(service, arn)["Policy"] == "{}"


def test_put_replaces_the_policy_with_a_new_creation_time_and_keeps_the_text_verbatim(service, clock):
    arn = resources(service)["pool"]
    put(service, arn)
    clock.now += 60
    replacement = ' {"Version": "2012-10-17",\n  "Statement": []}\n'
    assert put(service, arn, replacement) == {"ResourceArn": arn, "Policy": replacement, "CreatedTimestamp": FIXED_NOW + 60}
    assert get(service, arn)["Policy"] == replacement


def test_a_policy_is_hidden_from_the_resource_s_own_outputs(service):
    arns = resources(service)
    put(service, arns["pool"])
    reader = fresh(service)
    pool = reader.call("DescribePools", {})["Pools"][0]
    assert "Policy" not in json.dumps(pool) and "resource_policy" not in pool


def test_get_and_delete_without_a_policy_are_resource_not_found_of_type_policy(service):
    arn = resources(service)["sender-id"]
    for call in (get, delete):
        with pytest.raises(ResourceNotFoundException) as raised:
            call(service, arn)
        assert raised.value.resource_type == "policy"
        assert raised.value.resource_id == arn
        assert raised.value.message == f"No resource-based policy is attached to {arn}."


@pytest.mark.parametrize(
    "arn, resource_type",
    [
        (f"{ACCOUNT}:phone-number/phone-0123456789abcdef0123456789abcdef", "phone-number"),
        (f"{ACCOUNT}:sender-id/Nobody/GB", "sender-id"),
        (f"{ACCOUNT}:pool/pool-0123456789abcdef0123456789abcdef", "pool"),
        (f"{ACCOUNT}:opt-out-list/nothing", "opt-out-list"),
    ],
)
def test_a_missing_resource_is_resource_not_found_of_its_own_type(service, arn, resource_type):
    for call in (put, get, delete):
        with pytest.raises(ResourceNotFoundException) as raised:
            call(service, arn)
        assert (raised.value.resource_type, raised.value.resource_id) == (resource_type, arn)


def test_a_sender_id_arn_names_the_country_too(service):
    arn = resources(service)["sender-id"]
    with pytest.raises(ResourceNotFoundException) as raised:
        put(service, arn.replace("/GB", "/FR"))
    assert raised.value.resource_type == "sender-id"


@pytest.mark.parametrize(
    "resource",
    ["configuration-set/alerts", "registration/registration-0123456789abcdef0123456789abcdef",
     "verified-destination-number/verified-0123456789abcdef0123456789abcdef", "keyword/JOIN"],
)  # fmt: skip
def test_other_resource_types_take_no_policy(service, resource):
    service.call("CreateConfigurationSet", {"ConfigurationSetName": "alerts"})
    arn = f"{ACCOUNT}:{resource}"
    for call in (put, get, delete):
        with pytest.raises(ValidationException) as raised:
            call(service, arn)
        assert raised.value.reason == "INVALID_ARN"
        assert raised.value.fields[0]["Name"] == "ResourceArn"
        assert "take no resource-based policy" in raised.value.message


def test_arns_that_do_not_parse_or_are_of_another_region_are_invalid(service):
    for arn in ("arn:aws:sns:us-east-1:123456789012:topic", "arn:aws:sms-voice:eu-west-1:123456789012:pool/pool-1"):
        with pytest.raises(ValidationException) as raised:
            put(service, arn)
        assert raised.value.reason == "INVALID_ARN"


def test_an_arn_of_another_account_is_access_denied(service):
    with pytest.raises(AccessDeniedException):
        put(service, "arn:aws:sms-voice:us-east-1:111122223333:pool/pool-1")


@pytest.mark.parametrize("arn", ["not-an-arn-at-all-really", "arn:short", "arn:aws:sms-voice:us-east-1:123456789012:pool/a b"])
def test_the_resource_arn_shape_is_checked_with_the_request(service, arn):
    with pytest.raises(ValidationException) as raised:
        get(service, arn)
    assert raised.value.reason == "FIELD_VALIDATION_FAILED"
    assert raised.value.fields[0]["Name"] == "ResourceArn"


@pytest.mark.parametrize(
    "policy, message",
    [
        ("not json", "The policy is not valid JSON: Expecting value: line 1 column 1 (char 0)."),
        ('{"Version": "2012-10-17",', "The policy is not valid JSON: Expecting property name enclosed in double quotes: line 1 column 26 (char 25)."),
        ("[]", "The policy must be a JSON object (a policy document), not a JSON array."),
        ('"text"', "The policy must be a JSON object (a policy document), not a JSON string."),
        ("42", "The policy must be a JSON object (a policy document), not a JSON number."),
        ("true", "The policy must be a JSON object (a policy document), not a JSON boolean."),
        ("null", "The policy must be a JSON object (a policy document), not a JSON null."),
    ],
)  # fmt: skip
def test_a_policy_that_is_not_a_json_object_is_invalid_parameter(service, policy, message):
    arn = resources(service)["opt-out-list"]
    with pytest.raises(ValidationException) as raised:
        put(service, arn, policy)
    assert raised.value.reason == "INVALID_PARAMETER"
    assert raised.value.message == message
    assert raised.value.fields == [{"Name": "Policy", "Message": message}]
    with pytest.raises(ResourceNotFoundException):
        get(service, arn)


def test_the_policy_is_checked_before_the_resource_is_looked_up(service):
    with pytest.raises(ValidationException) as raised:
        put(service, f"{ACCOUNT}:pool/pool-0123456789abcdef0123456789abcdef", "nope")
    assert raised.value.reason == "INVALID_PARAMETER"


def test_the_policy_size_limit_is_the_shape_s_10000_characters(service):
    arn = resources(service)["pool"]
    padding = "x" * (10000 - len('{"Sid": ""}'))
    largest = '{"Sid": "' + padding + '"}'
    assert len(largest) == 10000
    assert put(service, arn, largest)["Policy"] == largest
    with pytest.raises(ValidationException) as raised:
        put(service, arn, largest[:-1] + ' }')
    assert raised.value.reason == "FIELD_VALIDATION_FAILED"
    assert raised.value.fields[0]["Name"] == "Policy"
    with pytest.raises(ValidationException) as raised:
        put(service, arn, "")
    assert raised.value.fields[0]["Name"] == "Policy"
    assert get(service, arn)["Policy"] == largest


def test_a_policy_goes_with_its_resource(service):
    arns = resources(service)
    for arn in arns.values():
        put(service, arn)
    pool_id = arns["pool"].rsplit("/", 1)[1]
    phone_id = arns["phone-number"].rsplit("/", 1)[1]
    service.call("DeletePool", {"PoolId": pool_id})
    service.call("ReleasePhoneNumber", {"PhoneNumberId": phone_id})
    service.call("ReleaseSenderId", {"SenderId": "MyBrand", "IsoCountryCode": "GB"})
    service.call("DeleteOptOutList", {"OptOutListName": "marketing"})
    for resource_type, arn in arns.items():
        with pytest.raises(ResourceNotFoundException) as raised:
            get(service, arn)
        assert raised.value.resource_type == resource_type, "the resource is gone, not only its policy"
    again = service.call("RequestSenderId", {"SenderId": "MyBrand", "IsoCountryCode": "GB"})
    service.call("CreateOptOutList", {"OptOutListName": "marketing"})
    for arn in (again["SenderIdArn"], arns["opt-out-list"]):
        with pytest.raises(ResourceNotFoundException) as raised:
            get(service, arn)
        assert raised.value.resource_type == "policy", "a resource made again starts without a policy"


def test_a_failed_put_changes_nothing(service):
    arn = resources(service)["pool"]
    put(service, arn)
    before = service.store.path.read_bytes()
    with pytest.raises(ValidationException):
        put(service, arn, "[")
    assert service.store.path.read_bytes() == before
    assert get(service, arn)["Policy"] == POLICY


def test_get_writes_nothing(service):
    arn = resources(service)["pool"]
    put(service, arn)
    before = service.store.path.read_bytes()
    get(service, arn)
    assert service.store.path.read_bytes() == before


def test_a_resource_with_a_policy_is_still_the_account_s_own(service):
    arns = resources(service)
    put(service, arns["pool"])
    reader = fresh(service)
    assert [p["PoolArn"] for p in reader.call("DescribePools", {"Owner": "SELF"})["Pools"]] == [arns["pool"]]
    assert reader.call("DescribePools", {"Owner": "SHARED"})["Pools"] == []
