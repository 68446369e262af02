"""Resource policies end to end: argv (inline JSON, file://) -> service -> JSON output, exit codes, stderr."""

from __future__ import annotations

import json
import shlex

import pytest

POOL_ARN = "arn:aws:sms-voice:us-east-1:123456789012:pool/pool-00000000000000000000000000000002"
NOW = "2026-01-01T00:00:00+00:00"
POLICY = {
    "Version": "2012-10-17",
    "Statement": [{
        "Sid": "ShareWithPartner",
        "Effect": "Allow",
        "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
        "Action": ["sms-voice:SendTextMessage", "sms-voice:DescribePools"],
        "Resource": POOL_ARN,
    }],
}  # fmt: skip


@pytest.fixture
def run(smscli, fixed_context):
    def call(*argv: str, code: int = 0):
        result = smscli(*argv, "--output", "json")
        assert result.code == code, result.err
        return result

    return call


@pytest.fixture
def pool(run):
    phone = run(*shlex.split(
        "request-phone-number --iso-country-code US --message-type TRANSACTIONAL --number-capabilities SMS "
        "--number-type SIMULATOR --query PhoneNumberId"))  # fmt: skip
    created = run("create-pool", "--origination-identity", phone.json(), "--iso-country-code", "US",
                  "--message-type", "TRANSACTIONAL").json()  # fmt: skip
    assert created["PoolArn"] == POOL_ARN
    return POOL_ARN


def test_put_from_a_file_then_get_and_delete(run, pool, tmp_path):
    path = tmp_path / "policy.json"
    text = json.dumps(POLICY, indent=2) + "\n"
    path.write_text(text)
    expected = (
        "{\n"
        f'    "ResourceArn": "{POOL_ARN}",\n'
        f"    \"Policy\": {json.dumps(text)},\n"
        f'    "CreatedTimestamp": "{NOW}"\n'
        "}\n"
    )
    assert run("put-resource-policy", "--resource-arn", pool, "--policy", f"file://{path}").out == expected
    assert run("get-resource-policy", "--resource-arn", pool).out == expected
    assert run("delete-resource-policy", "--resource-arn", pool).out == expected
    result = run("get-resource-policy", "--resource-arn", pool, code=254)
    assert result.err == (
        "smscli: [ERROR]: An error occurred (ResourceNotFoundException) when calling the GetResourcePolicy operation: "
        f"No resource-based policy is attached to {POOL_ARN}.\n"
        "\n"
        "Additional error details:\n"
        "ResourceType: policy\n"
        f"ResourceId: {POOL_ARN}\n"
    )


def test_put_inline_json_and_read_the_document_back_with_a_query(run, pool):
    inline = json.dumps(POLICY, separators=(",", ":"))
    assert run("put-resource-policy", "--resource-arn", pool, "--policy", inline).json() == {
        "ResourceArn": POOL_ARN, "Policy": inline, "CreatedTimestamp": NOW}  # fmt: skip
    assert run("get-resource-policy", "--resource-arn", pool, "--query", "Policy").json() == inline


def test_put_from_cli_input_json(run, pool):
    request = json.dumps({"ResourceArn": pool, "Policy": "{}"})
    assert run("put-resource-policy", "--cli-input-json", request).json()["Policy"] == "{}"


def test_a_policy_that_is_not_a_json_object_exits_254_with_the_reason(run, pool):
    result = run("put-resource-policy", "--resource-arn", pool, "--policy", "[1, 2]", code=254)
    message = "The policy must be a JSON object (a policy document), not a JSON array."
    assert result.err == (
        "smscli: [ERROR]: An error occurred (ValidationException) when calling the PutResourcePolicy operation: "
        f"{message}\n"
        "\n"
        "Additional error details:\n"
        "Reason: INVALID_PARAMETER\n"
        "Fields:\n"
        f"  Policy: {message}\n"
    )


def test_a_resource_that_takes_no_policy_or_does_not_exist(run, pool):
    run("create-configuration-set", "--configuration-set-name", "alerts")
    arn = "arn:aws:sms-voice:us-east-1:123456789012:configuration-set/alerts"
    result = run("put-resource-policy", "--resource-arn", arn, "--policy", "{}", code=254)
    assert "(ValidationException)" in result.err and "Reason: INVALID_ARN" in result.err
    missing = "arn:aws:sms-voice:us-east-1:123456789012:opt-out-list/nothing"
    result = run("delete-resource-policy", "--resource-arn", missing, code=254)
    assert result.err.endswith(f"ResourceType: opt-out-list\nResourceId: {missing}\n")


def test_client_side_checks_exit_252(run):
    result = run("put-resource-policy", "--resource-arn", POOL_ARN, "--policy", "", code=252)
    assert "Invalid length for parameter Policy, value: 0, valid min length: 1" in result.err
    result = run("get-resource-policy", code=252)
    assert "the following arguments are required: --resource-arn" in result.err
