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


# --- tables at the terminal ----------------------------------------------------------------------

EMPTY_LISTS = {
    "describe-configuration-sets": "No configuration sets.\n",
    "describe-phone-numbers": "No phone numbers.\n",
    "describe-pools": "No pools.\n",
    "describe-protect-configurations": "No protect configurations.\n",
    "describe-registration-attachments": "No registration attachments.\n",
    "describe-registrations": "No registrations.\n",
    "describe-sender-ids": "No sender IDs.\n",
    "describe-verified-destination-numbers": "No verified destination numbers.\n",
    "sim messages": "No messages.\n",
    "sim events": "No events.\n",
}


@pytest.mark.parametrize("command", sorted(EMPTY_LISTS))
def test_an_empty_result_is_one_line(smscli, command):
    result = smscli(*command.split(), "--output", "table")
    assert (result.code, result.out, result.err) == (0, EMPTY_LISTS[command], "")


def test_an_empty_list_beside_other_members_keeps_them(opt_out_state, smscli):
    result = smscli("describe-opted-out-numbers", "--opt-out-list-name", "alerts", "--output", "table", "--color", "off")
    assert result.out == (
        "DescribeOptedOutNumbers\n\n"
        "┌────────────────┬────────┐\n"
        "│ OptOutListName │ alerts │\n"
        "└────────────────┴────────┘\n"
        "1 field hidden (OptOutListArn): --output json shows it\n\n"
        "No opted-out numbers.\n"
    )


def _table_process(env_columns: str | None, home) -> str:
    import os

    from conftest import run_process

    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    if env_columns is not None:
        env["COLUMNS"] = env_columns
    result = run_process("describe-opt-out-lists", "--output", "table", env=env)  # stdout is a pipe
    assert result.code == 0, result.err
    return result.out


def test_a_piped_table_is_80_columns_unless_columns_says_otherwise(home):
    arn = "arn:aws:sms-voice:us-east-1:123456789012:opt-out-list/Default"
    narrow = _table_process(None, home)
    assert arn not in narrow and "1 field hidden (OptOutListArn): --output json shows it" in narrow
    assert max(len(line) for line in narrow.splitlines()) <= 80
    wide = _table_process("140", home)
    assert f"  {arn}\n" in wide and "hidden" not in wide


def test_rich_is_imported_only_when_a_table_is_drawn(home):
    import subprocess
    import sys

    probe = (
        "import sys\nfrom smscli.cli.main import main\nmain({argv!r})\n"
        "print('RICH=' + str(any(name.split('.')[0] == 'rich' for name in sys.modules)))"
    )

    def rich_loaded(*argv):
        done = subprocess.run([sys.executable, "-c", probe.format(argv=list(argv))], capture_output=True, text=True)
        return done.stdout.splitlines()[-1], done.stdout.splitlines()[0]

    assert rich_loaded("describe-pools", "--output", "table") == ("RICH=False", "No pools.")
    assert rich_loaded("describe-opt-out-lists", "--output", "table")[0] == "RICH=True"
