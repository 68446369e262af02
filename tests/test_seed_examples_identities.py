"""The user guide's pool, keyword and phone-number AWS CLI examples (numbered E04-E34 here, in the guide's
order: 001_d878c4bf3599ab7d.txt:3292-7481), placeholders filled from a fixture state. Those the AWS CLI
would refuse as printed (`--x true`, `--tags tags={...}`, the `--phonenumber-id` typo) are refused here
too, with a hint."""

from __future__ import annotations

import pytest

TOPIC = "arn:aws:sns:us-east-1:111122223333:MyTopic"
ROLE = "arn:aws:iam::123456789012:role/SmsTwoWay"


@pytest.fixture
def run(smscli, fixed_context):
    def call(*argv, code=0):
        result = smscli(*argv, "--output", "json")
        assert result.code == code, result.err
        return result.json() if result.out else result

    return call


@pytest.fixture
def state(run):
    """Two US simulator numbers, a Canadian long code and an opt-out list."""
    request = ("request-phone-number", "--iso-country-code", "US", "--message-type", "TRANSACTIONAL",
               "--number-capabilities", "SMS", "VOICE", "--number-type", "SIMULATOR")  # fmt: skip
    first, second = run(*request), run(*request)
    canada = run("request-phone-number", "--iso-country-code", "CA", "--message-type", "TRANSACTIONAL",
                 "--number-capabilities", "SMS", "--number-type", "LONG_CODE")  # fmt: skip
    run("create-opt-out-list", "--opt-out-list-name", "optOutListName")  # E28
    return {"first": first, "second": second, "canada": canada}


def test_pool_examples_e04_to_e17(run, smscli, state):
    first, second = state["first"]["PhoneNumberId"], state["second"]["PhoneNumberId"]
    pool = run("create-pool", "--origination-identity", first, "--iso-country-code", "US", "--message-type", "TRANSACTIONAL")  # E04
    pool_id = pool["PoolId"]
    assert [p["PoolId"] for p in run("describe-pools")["Pools"]] == [pool_id]  # E05
    assert [p["PoolId"] for p in run("describe-pools", "--pool-id", pool_id)["Pools"]] == [pool_id]  # E06 (a prefix of --pool-ids)
    # E07 gives --filters twice: as with the AWS CLI the last one wins (and smscli says so).
    twice = smscli("describe-pools", "--filters", "Name=message-type,Values=TRANSACTIONAL",
                   "--filters", "Name=two-way-enabled,Values=true", "--output", "json")  # fmt: skip
    assert twice.json() == {"Pools": []}
    assert "--filters was given more than once" in twice.err
    associated = run("associate-origination-identity", "--pool-id", pool_id, "--origination-identity", second,
                     "--iso-country-code", "US")  # E09  # fmt: skip
    assert associated["OriginationIdentity"] == second
    members = run("list-pool-origination-identities", "--pool-id", pool_id)["OriginationIdentities"]  # E10
    assert [m["OriginationIdentity"] for m in members] == [first, second]
    updated = run("update-pool", "--pool-id", pool_id, "--two-way-channel-arn", TOPIC, "--two-way-channel-role", ROLE)  # E11
    assert (updated["TwoWayChannelArn"], updated["TwoWayEnabled"]) == (TOPIC, False)
    keyword = run("put-keyword", "--origination-identity", pool_id, "--keyword", "JOIN", "--keyword-message",
                  "Welcome! Reply STOP to opt out.", "--keyword-action", "AUTOMATIC_RESPONSE")  # E12  # fmt: skip
    assert keyword["OriginationIdentity"] == pool_id
    assert "JOIN" in [k["Keyword"] for k in run("describe-keywords", "--origination-identity", pool_id)["Keywords"]]  # E13
    run("delete-keyword", "--origination-identity", pool_id, "--keyword", "JOIN")  # E14
    stop = run("delete-keyword", "--origination-identity", pool_id, "--keyword", "STOP", code=254)
    assert "Reason: RESOURCE_DELETION_NOT_ALLOWED" in stop.err
    assert run("update-pool", "--pool-id", pool_id, "--opt-out-list-name", "optOutListName")["OptOutListName"] == "optOutListName"  # E15
    as_printed = run("tag-resource", "--resource-arn", pool["PoolArn"], "--tags", "tags={key1=value1,key2=value2}", code=252)  # E16
    assert "Hint: --tags takes Key=string,Value=string" in as_printed.err
    run("tag-resource", "--resource-arn", pool["PoolArn"], "--tags", "Key=key1,Value=value1", "Key=key2,Value=value2")
    run("untag-resource", "--resource-arn", pool["PoolArn"], "--tag-keys", "tags={key1=value1,key2=value2}")  # E17: no such key
    run("untag-resource", "--resource-arn", pool["PoolArn"], "--tag-keys", "key1")
    assert run("list-tags-for-resource", "--resource-arn", pool["PoolArn"])["Tags"] == [{"Key": "key2", "Value": "value2"}]
    run("update-pool", "--pool-id", pool_id, "--no-deletion-protection-enabled")
    deleted = run("delete-pool", "--pool-id", pool_id)  # E08
    assert deleted["Status"] == "DELETING"


def test_phone_number_examples_e18_to_e34(run, smscli, state):
    canada = state["canada"]
    # E18 as printed names a registration (CO123EX) that does not exist
    e18 = ("request-phone-number", "--iso-country-code", "CA", "--message-type", "TRANSACTIONAL", "--number-capabilities",
           "SMS", "--number-type", "LONG_CODE", "--deletion-protection-enabled", "--opt-out-list-name", "optOutListName")  # fmt: skip
    missing = run(*e18, "--registration-id", "CO123EX", code=254)
    assert "ResourceType: registration\nResourceId: CO123EX" in missing.err
    made = run(*e18)
    assert (made["Status"], made["MonthlyLeasingPrice"], made["OptOutListName"], made["DeletionProtectionEnabled"]) == (
        "PENDING", "1.00", "optOutListName", True
    )
    # E19 writes booleans with values: refused as the AWS CLI refuses them, with a hint
    e19 = smscli("update-phone-number", "--phone-number-id", canada["PhoneNumberId"], "--deletion-protection-enabled", "true",
                 "--opt-out-list-name", "optOutListName", "--self-managed-opt-outs-enabled", "true", "--two-way-enabled", "true",
                 "--two-way-channel-arn", TOPIC)  # fmt: skip
    assert e19.code == 252
    assert "Unknown options: true, true, true" in e19.err
    assert "Hint: --deletion-protection-enabled takes no value" in e19.err
    fixed = run("update-phone-number", "--phone-number-id", canada["PhoneNumberId"], "--deletion-protection-enabled",
                "--opt-out-list-name", "optOutListName", "--self-managed-opt-outs-enabled", "--two-way-enabled",
                "--two-way-channel-arn", TOPIC)  # fmt: skip
    assert (fixed["TwoWayEnabled"], fixed["SelfManagedOptOutsEnabled"], fixed["DeletionProtectionEnabled"]) == (True, True, True)
    assert len(run("describe-phone-numbers")["PhoneNumbers"]) == 4  # E20
    assert run("describe-phone-numbers", "--phone-number-id", canada["PhoneNumberId"])["PhoneNumbers"][0]["PhoneNumber"] == canada["PhoneNumber"]  # E21
    e22 = smscli("describe-phone-numbers", "--filters", "Name=number-capability,Values=SMS", "--filters",
                 "Name=iso-country-code,Values=CA", "--output", "json")  # E22: the last --filters wins  # fmt: skip
    assert {n["IsoCountryCode"] for n in e22.json()["PhoneNumbers"]} == {"CA"}
    e24 = smscli("update-phone-number", "--phone-number-id", canada["PhoneNumberId"], "--two-way-enabled", "True",
                 "--two-way-channel-arn", TOPIC)  # fmt: skip
    assert e24.code == 252 and "Hint: --two-way-enabled takes no value" in e24.err
    second = state["second"]["PhoneNumberId"]
    run("put-keyword", "--origination-identity", second, "--keyword", "INFO", "--keyword-message", "Visit example.com",
        "--keyword-action", "AUTOMATIC_RESPONSE")  # E25  # fmt: skip
    assert "INFO" in [k["Keyword"] for k in run("describe-keywords", "--origination-identity", second)["Keywords"]]  # E26
    run("delete-keyword", "--origination-identity", second, "--keyword", "INFO")  # E27
    assert run("update-phone-number", "--phone-number-id", second, "--opt-out-list-name", "optOutListName")["OptOutListName"] == "optOutListName"  # E29
    e30 = smscli("update-phone-number", "--phonenumber-id", second, "--deletion-protection-enabled")  # the guide's typo
    assert e30.code == 252
    assert "the following arguments are required: --phone-number-id" in e30.err and "Did you mean --phone-number-id?" in e30.err
    arn = state["second"]["PhoneNumberArn"]
    assert run("tag-resource", "--resource-arn", arn, "--tags", "tags={key1=value1,key2=value2}", code=252)  # E31
    run("untag-resource", "--resource-arn", arn, "--tag-keys", "tags={key1=value1,key2=value2}")  # E32
    run("request-sender-id", "--sender-id", "MyBrand", "--iso-country-code", "GB")
    sender_arn = "arn:aws:sms-voice:us-east-1:123456789012:sender-id/MyBrand/GB"
    run("tag-resource", "--resource-arn", sender_arn, "--tags", "Key=key1,Value=value1")  # E33, written as it works
    run("untag-resource", "--resource-arn", sender_arn, "--tag-keys", "key1")  # E34
    assert run("list-tags-for-resource", "--resource-arn", sender_arn)["Tags"] == []
    released = run("release-phone-number", "--phone-number-id", second)  # E23
    assert released["Status"] == "DELETED"
