"""Golden outputs of real commands in every format (a fixed clock and fixed ids make them stable)."""

from __future__ import annotations

import pytest

from conftest import assert_golden


@pytest.fixture
def opt_out_state(smscli, fixed_context):
    smscli("create-opt-out-list", "--opt-out-list-name", "marketing", "--tags", "Key=team,Value=growth")
    smscli("create-opt-out-list", "--opt-out-list-name", "alerts")
    for number in ("+12065550100", "+12065550101"):
        smscli("put-opted-out-number", "--opt-out-list-name", "marketing", "--opted-out-number", number)


COMMANDS = {
    "describe_opt_out_lists": ["describe-opt-out-lists"],
    "describe_opted_out_numbers": ["describe-opted-out-numbers", "--opt-out-list-name", "marketing"],
    "create_opt_out_list": ["create-opt-out-list", "--opt-out-list-name", "extra", "--tags", "Key=a,Value=b", "Key=c,Value=d"],
    "list_tags_for_resource": ["list-tags-for-resource", "--resource-arn", "arn:aws:sms-voice:us-east-1:123456789012:opt-out-list/marketing"],
    "describe_opt_out_lists_max_items": ["describe-opt-out-lists", "--max-items", "2"],
}


@pytest.mark.parametrize("output", ["json", "text", "table", "yaml"])
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_golden_output(opt_out_state, smscli, name, output):
    result = smscli(*COMMANDS[name], "--output", output, "--color", "off")
    assert result.code == 0, result.err
    assert_golden(f"cli/{name}.{output}", result.out)


def test_query_applies_to_the_merged_result(opt_out_state, smscli):
    result = smscli("describe-opt-out-lists", "--page-size", "1", "--query", "OptOutLists[].OptOutListName", "--output", "text")
    assert (result.code, result.out) == (0, "Default\tmarketing\talerts\n")


def test_wire_timestamps(opt_out_state, smscli, home):
    (home / "config.toml").write_text('[default]\ncli_timestamp_format = "wire"\n')
    result = smscli("describe-opt-out-lists", "--opt-out-list-names", "Default", "--output", "json")
    assert result.json()["OptOutLists"][0]["CreatedTimestamp"] == 1767225600.0


def test_empty_response_prints_nothing(opt_out_state, smscli):
    arn = "arn:aws:sms-voice:us-east-1:123456789012:opt-out-list/alerts"
    for output in ("json", "text", "table", "yaml"):
        result = smscli("tag-resource", "--resource-arn", arn, "--tags", "Key=k,Value=v", "--output", output)
        assert (result.code, result.out) == (0, "")


def test_max_items_resumes_with_starting_token(opt_out_state, smscli):
    first = smscli("describe-opt-out-lists", "--max-items", "2", "--page-size", "1", "--output", "json").json()
    assert [entry["OptOutListName"] for entry in first["OptOutLists"]] == ["Default", "marketing"]
    rest = smscli("describe-opt-out-lists", "--starting-token", first["NextToken"], "--output", "json").json()
    assert [entry["OptOutListName"] for entry in rest["OptOutLists"]] == ["alerts"]
    assert "NextToken" not in rest
    middle = smscli("describe-opt-out-lists", "--max-items", "1", "--starting-token", first["NextToken"], "--output", "json")
    assert [entry["OptOutListName"] for entry in middle.json()["OptOutLists"]] == ["alerts"]


def test_no_paginate_makes_one_call(opt_out_state, smscli):
    result = smscli("describe-opt-out-lists", "--max-results", "1", "--output", "json").json()
    assert [entry["OptOutListName"] for entry in result["OptOutLists"]] == ["Default"]
    assert "NextToken" in result
    conflict = smscli("describe-opt-out-lists", "--no-paginate", "--max-items", "1")
    assert conflict.code == 252
    assert "Cannot specify --no-paginate along with pagination arguments: --max-items" in conflict.err


def test_debug_writes_the_request_first(smscli):
    result = smscli("create-opt-out-list", "--opt-out-list-name", "dbg", "--debug", "--output", "json")
    assert result.err.splitlines()[0] == 'DEBUG request {"Operation":"CreateOptOutList","Parameters":{"OptOutListName":"dbg"}}'


def test_list_given_twice_warns(smscli):
    result = smscli("describe-opt-out-lists", "--opt-out-list-names", "x", "--opt-out-list-names", "Default", "--output", "json")
    assert result.code == 0
    assert result.err == "smscli: warning: --opt-out-list-names was given more than once; only its last value is used.\n"


def test_cli_input_json_and_skeleton(smscli, tmp_path):
    skeleton = smscli("create-opt-out-list", "--generate-cli-skeleton")
    assert skeleton.json() == {"ClientToken": "", "OptOutListName": "", "Tags": [{"Key": "", "Value": ""}]}
    path = tmp_path / "in.json"
    path.write_text('{"OptOutListName": "from-file", "Tags": [{"Key": "k", "Value": "v"}]}')
    made = smscli("create-opt-out-list", "--cli-input-json", f"file://{path}", "--output", "json")
    assert made.json()["OptOutListName"] == "from-file"
    override = smscli("create-opt-out-list", "--cli-input-json", f"file://{path}", "--opt-out-list-name", "override", "--output", "json")
    assert override.json()["OptOutListName"] == "override" and override.json()["Tags"] == [{"Key": "k", "Value": "v"}]
    yaml_path = tmp_path / "in.yaml"
    yaml_path.write_text("OptOutListName: from-yaml\n")
    assert smscli("create-opt-out-list", "--cli-input-yaml", f"file://{yaml_path}", "--output", "json").json()["OptOutListName"] == "from-yaml"
    output = smscli("describe-opt-out-lists", "--generate-cli-skeleton", "output", "--output", "json").json()
    assert output["OptOutLists"][0]["OptOutListName"] == "OptOutListName"
