"""The argv passes: global options anywhere, and an operation's options with argparse's rules."""

from __future__ import annotations

import pytest

from smscli.errors import UsageError
from smscli.parsing.argv import parse_operation, split_globals


@pytest.mark.parametrize(
    "argv, expected, rest",
    [
        (["--output", "json", "describe-pools"], {"output": "json"}, ["describe-pools"]),
        (["describe-pools", "--output", "json"], {"output": "json"}, ["describe-pools"]),
        (["describe-pools", "--output=text", "--pool-ids", "a"], {"output": "text"}, ["describe-pools", "--pool-ids", "a"]),
        (["describe-pools", "--out", "yaml"], {"output": "yaml"}, ["describe-pools"]),  # unique prefix, as argparse
        (["create-pool", "--de"], {"debug": True}, ["create-pool"]),  # the main parser sees --de first
        (["describe-pools", "--no-paginate", "--query", "Pools[0]"], {"no_paginate": True, "query": "Pools[0]"}, ["describe-pools"]),
        (["describe-pools", "--region", "eu-west-1", "--profile", "ci"], {"region": "eu-west-1", "profile": "ci"}, ["describe-pools"]),
        (["describe-pools", "--max-results", "-5"], {}, ["describe-pools", "--max-results", "-5"]),
        (["describe-pools", "--endpoint-url", "http://localhost:4566"], {"endpoint_url": "http://localhost:4566"}, ["describe-pools"]),
    ],
)
def test_global_options_are_taken_out_wherever_they_stand(argv, expected, rest):
    parsed = split_globals(argv)
    assert parsed.values == expected
    assert parsed.rest == rest


@pytest.mark.parametrize(
    "argv, message",
    [
        (["describe-pools", "--output", "xml"], "argument --output: invalid choice: 'xml' (choose from 'json', 'text', 'table', 'yaml')"),
        (["describe-pools", "--output"], "argument --output: expected one argument"),
        (["describe-pools", "--query", "--debug"], "argument --query: expected one argument"),
        (["describe-pools", "--debug=yes"], "argument --debug: ignored explicit argument 'yes'"),
        (["describe-pools", "--no"], "ambiguous option: --no could match --no-verify-ssl, --no-paginate, --no-sign-request, --no-cli-pager, --no-cli-auto-prompt"),
        (["describe-pools", "--cli-read-timeout", "soon"], "argument --cli-read-timeout: invalid int value: 'soon'"),
    ],
)
def test_global_option_errors_read_like_argparse(argv, message):
    with pytest.raises(UsageError) as raised:
        split_globals(argv)
    assert raised.value.message == message


def test_operation_options_in_kebab_case_with_lists_booleans_and_values():
    parsed = parse_operation(
        "CreatePool",
        ["--origination-identity", "phone-1", "--iso-country-code", "US", "--message-type", "TRANSACTIONAL",
         "--deletion-protection-enabled", "--tags", "Key=a,Value=b", "Key=c,Value=d"],
    )  # fmt: skip
    assert parsed.members == {
        "OriginationIdentity": "phone-1",
        "IsoCountryCode": "US",
        "MessageType": "TRANSACTIONAL",
        "DeletionProtectionEnabled": True,
        "Tags": ["Key=a,Value=b", "Key=c,Value=d"],
    }


def test_a_unique_prefix_names_an_option_as_the_user_guide_relies_on():
    assert parse_operation("DescribePools", ["--pool-id", "a", "b"]).members == {"PoolIds": ["a", "b"]}
    assert parse_operation("CreatePool", ["--origination-identity", "x", "--message-t", "PROMOTIONAL", "--deletion-protection"]).members == {
        "OriginationIdentity": "x",
        "MessageType": "PROMOTIONAL",
        "DeletionProtectionEnabled": True,
    }


def test_an_ambiguous_prefix_names_its_candidates():
    with pytest.raises(UsageError) as raised:
        parse_operation("DescribePools", ["--m", "5"])
    assert raised.value.message == "ambiguous option: --m could match --max-results, --max-items"


def test_a_boolean_takes_no_value():
    with pytest.raises(UsageError) as raised:
        parse_operation("CreatePool", ["--origination-identity", "x", "--message-type", "T", "--deletion-protection-enabled", "true"])
    assert raised.value.message == "Unknown options: true"


def test_negative_booleans_and_the_last_of_two_wins():
    parsed = parse_operation("CreatePool", ["--origination-identity", "x", "--message-type", "T",
                                            "--deletion-protection-enabled", "--no-deletion-protection-enabled"])  # fmt: skip
    assert parsed.members["DeletionProtectionEnabled"] is False
    assert parsed.repeated == ["--no-deletion-protection-enabled"]


def test_a_list_given_twice_keeps_the_last_one_and_is_reported():
    parsed = parse_operation("DescribePools", ["--pool-ids", "a", "b", "--pool-ids", "c"])
    assert parsed.members == {"PoolIds": ["c"]}
    assert parsed.repeated == ["--pool-ids"]


def test_missing_required_options_are_listed_in_model_order():
    with pytest.raises(UsageError) as raised:
        parse_operation("CreatePool", ["--message-type", "TRANSACTIONAL"])
    assert raised.value.message == "the following arguments are required: --origination-identity"


def test_cli_input_json_lifts_the_required_check_only_when_spelled_out():
    assert parse_operation("DeletePool", ["--cli-input-json", "{}"]).special == {"cli_input_json": "{}"}
    with pytest.raises(UsageError):
        parse_operation("DeletePool", ["--cli-input-json={}"])


@pytest.mark.parametrize(
    "args, members",
    [
        (["--destination-phone-number", "+1", "--message-body", "-hello world"], {"MessageBody": "-hello world"}),
        (["--destination-phone-number", "+1", "--message-body=-hello"], {"MessageBody": "-hello"}),
        (["--destination-phone-number", "-5"], {"DestinationPhoneNumber": "-5"}),
    ],
)
def test_values_that_start_with_a_dash(args, members):
    parsed = parse_operation("SendTextMessage", args)
    for key, value in members.items():
        assert parsed.members[key] == value


def test_a_value_that_looks_like_an_option_is_missing():
    with pytest.raises(UsageError) as raised:
        parse_operation("SendTextMessage", ["--destination-phone-number", "+1", "--message-body", "-hello"])
    assert raised.value.message == "argument --message-body: expected one argument"


def test_unknown_options_are_reported_in_argparse_order_with_a_suggestion():
    with pytest.raises(UsageError) as raised:
        parse_operation("DescribePools", ["foo", "bar", "--owner", "SELF"])
    assert raised.value.message == "Unknown options: bar, foo"
    with pytest.raises(UsageError) as raised:
        parse_operation("UpdatePhoneNumber", ["--phonenumber-id", "phone-1"])  # the user guide's typo
    assert raised.value.message == "the following arguments are required: --phone-number-id"  # argparse's order
    assert raised.value.suggestion == "--phone-number-id"
    with pytest.raises(UsageError) as raised:
        parse_operation("DescribePools", ["--pool-idz", "a"])
    assert raised.value.message == "Unknown options: --pool-idz, a"
    assert raised.value.suggestion == "--pool-ids"


def test_pagination_and_skeleton_options():
    parsed = parse_operation("DescribePools", ["--max-items", "2", "--page-size", "1", "--starting-token", "abc"])
    assert parsed.special == {"max_items": 2, "page_size": 1, "starting_token": "abc"}
    assert parse_operation("DeletePool", ["--generate-cli-skeleton"]).special == {"generate_cli_skeleton": "input"}
    assert parse_operation("DeletePool", ["--generate-cli-skeleton", "output"]).special == {"generate_cli_skeleton": "output"}
    with pytest.raises(UsageError):
        parse_operation("DescribePools", ["--max-items", "many"])


def test_help():
    assert parse_operation("DeletePool", ["help"]).help
    assert parse_operation("DeletePool", ["--help"]).help
