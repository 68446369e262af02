"""Tests for smscli.render: golden outputs, parity with the AWS CLI, table width and colour rules.

Golden files live in tests/golden/render/<case>.<format> and are compared byte for byte. To accept a
change, run with SMSCLI_UPDATE_GOLDEN=1: every golden whose content differs (or is missing) is
rewritten and its test FAILS once with "rewrote ...", so an update is never silent; review the diff
and rerun without the variable. Goldens that already match pass either way.
"""

from __future__ import annotations

import argparse
import copy
import io
import subprocess
import sys

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from conftest import assert_golden
from smscli.render import FORMATS, render
from smscli.render import layout, views
from smscli.render.jsonout import format_json
from smscli.render.tableout import format_table
from smscli.render.textout import format_text
from smscli.render.yamlout import format_yaml

ACCOUNT = "arn:aws:sms-voice:us-east-1:123456789012"

CASES: dict[str, tuple[str, dict]] = {
    "describe_opt_out_lists": (
        "DescribeOptOutLists",
        {
            "OptOutLists": [
                {
                    "OptOutListArn": f"{ACCOUNT}:opt-out-list/ool-0f1e2d3c4b5a69788796a5b4c3d2e1f0",
                    "OptOutListName": "Default",
                    "CreatedTimestamp": "2024-05-01T10:00:00+00:00",
                },
                {
                    "OptOutListArn": f"{ACCOUNT}:opt-out-list/ool-1a2b3c4d5e6f708192a3b4c5d6e7f809",
                    "OptOutListName": "marketing-eu",
                    "CreatedTimestamp": "2024-05-02T08:30:15+00:00",
                },
                {
                    "OptOutListArn": f"{ACCOUNT}:opt-out-list/ool-9f8e7d6c5b4a39281706f5e4d3c2b1a0",
                    "OptOutListName": "transactional",
                    "CreatedTimestamp": "2024-06-11T23:59:59+00:00",
                },
            ],
            "NextToken": "eyJvZmZzZXQiOiAzfQ==",
        },
    ),
    "create_opt_out_list": (
        "CreateOptOutList",
        {
            "OptOutListArn": f"{ACCOUNT}:opt-out-list/ool-0f1e2d3c4b5a69788796a5b4c3d2e1f0",
            "OptOutListName": "marketing-eu",
            "Tags": [{"Key": "env", "Value": "prod"}, {"Key": "team", "Value": "growth"}],
            "CreatedTimestamp": "2024-05-01T10:00:00+00:00",
        },
    ),
    "describe_pools": (
        "DescribePools",
        {
            "Pools": [
                {
                    "PoolArn": f"{ACCOUNT}:pool/pool-2f7d4c1e9a8b4c3d9e0f1a2b3c4d5e6f",
                    "PoolId": "pool-2f7d4c1e9a8b4c3d9e0f1a2b3c4d5e6f",
                    "Status": "ACTIVE",
                    "MessageType": "TRANSACTIONAL",
                    "TwoWayEnabled": False,
                    "SelfManagedOptOutsEnabled": False,
                    "OptOutListName": "Default",
                    "SharedRoutesEnabled": True,
                    "DeletionProtectionEnabled": True,
                    "CreatedTimestamp": "2024-05-03T12:00:00+00:00",
                },
                {
                    "PoolArn": f"{ACCOUNT}:pool/pool-8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d",
                    "PoolId": "pool-8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d",
                    "Status": "CREATING",
                    "MessageType": "PROMOTIONAL",
                    "TwoWayEnabled": True,
                    "TwoWayChannelArn": "arn:aws:sns:us-east-1:123456789012:inbound-sms",
                    "SelfManagedOptOutsEnabled": True,
                    "OptOutListName": "marketing-eu",
                    "SharedRoutesEnabled": False,
                    "DeletionProtectionEnabled": False,
                    "CreatedTimestamp": "2024-05-04T09:15:00+00:00",
                },
            ]
        },
    ),
    "describe_configuration_sets": (
        "DescribeConfigurationSets",
        {
            "ConfigurationSets": [
                {
                    "ConfigurationSetArn": f"{ACCOUNT}:configuration-set/alerts",
                    "ConfigurationSetName": "alerts",
                    "EventDestinations": [
                        {
                            "EventDestinationName": "to-logs",
                            "Enabled": True,
                            "MatchingEventTypes": ["TEXT_DELIVERED", "TEXT_FAILED", "TEXT_BLOCKED"],
                            "CloudWatchLogsDestination": {
                                "IamRoleArn": "arn:aws:iam::123456789012:role/sms-logs",
                                "LogGroupArn": "arn:aws:logs:us-east-1:123456789012:log-group:sms",
                            },
                        },
                        {
                            "EventDestinationName": "to-sns",
                            "Enabled": False,
                            "MatchingEventTypes": ["ALL"],
                            "SnsDestination": {"TopicArn": "arn:aws:sns:us-east-1:123456789012:sms-events"},
                        },
                    ],
                    "DefaultMessageType": "TRANSACTIONAL",
                    "DefaultSenderId": "ACME",
                    "CreatedTimestamp": "2024-05-05T07:00:00+00:00",
                },
                {
                    "ConfigurationSetArn": f"{ACCOUNT}:configuration-set/bulk",
                    "ConfigurationSetName": "bulk",
                    "EventDestinations": [],
                    "DefaultMessageFeedbackEnabled": False,
                    "CreatedTimestamp": "2024-05-06T07:00:00+00:00",
                },
            ]
        },
    ),
    "empty": ("DeleteAccountDefaultProtectConfiguration", {}),
    "non_ascii": (
        "DescribeKeywords",
        {
            "OriginationIdentityArn": f"{ACCOUNT}:phone-number/phone-0a1b2c3d4e5f60718293a4b5c6d7e8f9",
            "OriginationIdentity": "phone-0a1b2c3d4e5f60718293a4b5c6d7e8f9",
            "Keywords": [
                {
                    "Keyword": "AYUDA",
                    "KeywordMessage": "Ayuda: responda BAJA para no recibir más mensajes. Señal: ñandú",
                    "KeywordAction": "AUTOMATIC_RESPONSE",
                },
                {
                    "Keyword": "ARRÊT",
                    "KeywordMessage": "Vous êtes désabonné — aucun autre message ne sera envoyé.",
                    "KeywordAction": "OPT_OUT",
                },
                {
                    "Keyword": "帮助",
                    "KeywordMessage": "回复 退订 取消订阅。谢谢 😀",
                    "KeywordAction": "AUTOMATIC_RESPONSE",
                },
            ],
        },
    ),
}

EXTENSIONS = {"json": "json", "text": "txt", "table": "table", "yaml": "yaml"}


def _render(case: str, output: str) -> str:
    title, data = CASES[case]
    return render(copy.deepcopy(data), output, title=title, color=False, width=80)


# --- goldens -------------------------------------------------------------------------------------


@pytest.mark.parametrize("output", FORMATS)
@pytest.mark.parametrize("case", sorted(CASES))
def test_golden(case: str, output: str) -> None:
    """Byte-for-byte golden comparison; SMSCLI_UPDATE_GOLDEN=1 rewrites a differing golden and fails."""
    assert_golden(f"render/{case}.{EXTENSIONS[output]}", _render(case, output))


# --- package surface -----------------------------------------------------------------------------


def test_importing_render_loads_neither_rich_nor_yaml() -> None:
    code = "import smscli.render, sys; print('rich' in sys.modules, 'yaml' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False False"


@pytest.mark.parametrize("case", sorted(CASES))
def test_render_dispatches_to_each_format(case: str) -> None:
    title, data = CASES[case]
    assert render(data, "json", title=title, color=False) == format_json(data)
    assert render(data, "text", title=title, color=False) == format_text(data)
    assert render(data, "yaml", title=title, color=False) == format_yaml(data)
    assert render(data, "table", title=title, color=False, width=100) == format_table(
        data, title=title, color=False, width=100
    )


def test_render_rejects_unknown_output() -> None:
    with pytest.raises(ValueError, match="unknown output format 'xml'"):
        render({"A": 1}, "xml", title="X", color=False)


@pytest.mark.parametrize("output", FORMATS)
def test_empty_response_prints_nothing(output: str) -> None:
    assert render({}, output, title="DeletePool", color=True) == ""


# --- json and yaml -------------------------------------------------------------------------------


@pytest.mark.parametrize("case", sorted(CASES))
def test_json_matches_the_aws_cli(case: str) -> None:
    formatter = pytest.importorskip("awscli.formatter")
    data = CASES[case][1]
    stream = io.StringIO()
    formatter.JSONFormatter(argparse.Namespace(query=None))("op", copy.deepcopy(data), stream)
    assert format_json(data) == stream.getvalue()


def test_json_keeps_non_ascii_and_scalars() -> None:
    assert format_json({"Body": "héllo 中文"}) == '{\n    "Body": "héllo 中文"\n}\n'
    assert format_json([]) == "[]\n"
    assert format_json(None) == "null\n"


@pytest.mark.parametrize("case", sorted(CASES))
def test_yaml_round_trips_in_response_order(case: str) -> None:
    data = CASES[case][1]
    out = format_yaml(data)
    if data:
        assert yaml.safe_load(out) == data
        assert out.startswith(f"{next(iter(data))}:")
        assert "{" not in out and "\\u" not in out  # block style, unicode kept


def test_yaml_indents_lists_like_safe_dump() -> None:
    out = format_yaml({"Pools": [{"PoolId": "p", "Tags": ["a"]}]})
    assert out == "Pools:\n- PoolId: p\n  Tags:\n  - a\n"


# --- text ----------------------------------------------------------------------------------------


def _aws_text(data):
    """The installed AWS CLI's text output for ``data`` (TextFormatter for dicts, as the CLI does)."""
    awscli_text = pytest.importorskip("awscli.text")
    formatter = pytest.importorskip("awscli.formatter")
    stream = io.StringIO()
    if isinstance(data, dict):
        formatter.TextFormatter(argparse.Namespace(query=None))("op", copy.deepcopy(data), stream)
    else:  # what a --query that selects a non-dict leads to
        awscli_text.format_text(copy.deepcopy(data), stream)
    return stream.getvalue()


KEYS = st.sampled_from(["Name", "Arn", "Status", "Tags", "Key", "Value", "a", "b", "ß", "", "Ünï"])
KEYS = KEYS | st.text(max_size=4)
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(10**12), 10**12)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=10)
)


def _uniform_containers(children):
    # Lists hold one kind of thing, as API responses do (a list of scalars, of dicts, or of lists).
    return st.one_of(
        st.lists(SCALARS, max_size=4),
        st.lists(st.dictionaries(KEYS, children, max_size=4), max_size=4),
        st.lists(st.lists(SCALARS, max_size=3), max_size=3),
        st.lists(st.lists(st.dictionaries(KEYS, children, max_size=3), max_size=3), max_size=3),
        st.dictionaries(KEYS, children, max_size=5),
    )


API_SHAPED = st.recursive(SCALARS, _uniform_containers, max_leaves=30)
ANY_JSON = st.recursive(
    SCALARS, lambda ch: st.lists(ch, max_size=4) | st.dictionaries(KEYS, ch, max_size=4), max_leaves=30
)


@pytest.mark.parametrize("case", sorted(CASES))
def test_text_matches_the_aws_cli_on_fixtures(case: str) -> None:
    data = CASES[case][1]
    assert format_text(data) == _aws_text(data)


@settings(max_examples=400, deadline=None)
@given(API_SHAPED)
def test_text_matches_the_aws_cli(data) -> None:
    assert format_text(data) == _aws_text(data)


@settings(max_examples=300, deadline=None)
@given(ANY_JSON)
def test_text_matches_the_aws_cli_wherever_it_does_not_crash(data) -> None:
    """Lists mixing dicts with other items make the AWS CLI raise; we print them instead."""
    ours = format_text(data)
    try:
        theirs = _aws_text(data)
    except AttributeError:
        assert isinstance(ours, str)
    else:
        assert ours == theirs


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"A": True, "B": None, "C": 1.5}, "True\tNone\t1.5\n"),
        ({"Ids": ["a", "b"]}, "IDS\ta\nIDS\tb\n"),
        (["a", "b"], "a\tb\n"),
        ({"L": [{"x": 1}, {"y": 2}]}, "L\t1\t\nL\t\t2\n"),
        ({"L": [{"x": 1}, {"x": [2]}]}, "L\t1\nL\t[2]\n"),
        ({"D": {}, "L": []}, ""),
        ({"straße": {"a": 1}}, "STRASSE\t1\n"),
    ],
)
def test_text_quirks(data, expected) -> None:
    assert format_text(data) == expected
    assert _aws_text(data) == expected


def test_text_prints_mixed_lists_instead_of_crashing() -> None:
    assert format_text({"L": [{"x": 1}, "s", ["t"]]}) == "L\t1\ns\nL\tt\n"


# --- table ---------------------------------------------------------------------------------------


def _assert_fits(out: str, width: int) -> None:
    for line in out.split("\n"):
        assert cell_len(line) <= width, f"{cell_len(line)} > {width}: {line!r}"


def _one_word_values(data) -> set[str]:
    """The values of ``data`` that are one word: ids, ARNs, numbers, timestamps, enums."""
    if isinstance(data, dict):
        return set().union(*(_one_word_values(v) for v in data.values())) if data else set()
    if isinstance(data, list):
        return set().union(*(_one_word_values(v) for v in data)) if data else set()
    return {str(data)} if isinstance(data, str) and len(data.split()) == 1 else set()


@pytest.mark.parametrize("width", [40, 60, 80, 120])
@pytest.mark.parametrize("case", sorted(CASES))
def test_table_fits_width_without_colour(case: str, width: int) -> None:
    title, data = CASES[case]
    out = format_table(data, title=title, color=False, width=width)
    _assert_fits(out, width)
    assert "\x1b" not in out
    # nothing cut with an ellipsis, except text a caption says was shortened or too wide
    assert "…" not in out or "shortened (" in out or "too wide (" in out


@pytest.mark.parametrize("width", [60, 80, 120, 200])
@pytest.mark.parametrize("case", sorted(CASES))
def test_table_never_breaks_an_id_or_arn(case: str, width: int) -> None:
    """A one-word value is on one line whole, or is not shown at all: no line ends in a piece of it."""
    title, data = CASES[case]
    out = format_table(data, title=title, color=False, width=width)
    words = {word for line in out.split("\n") for word in line.replace("│", " ").split()}
    for value in _one_word_values(data):
        pieces = {value[:n] for n in range(8, len(value))} | {value[n:] for n in range(1, len(value) - 7)}
        broken = (pieces & words) - _one_word_values(data)
        assert not broken, f"{value!r} broken at {width}: {broken}"


def test_table_hides_an_arn_too_wide_for_the_width_and_says_so() -> None:
    title, data = CASES["describe_opt_out_lists"]
    narrow = format_table(data, title=title, color=False, width=80)
    assert "arn:" not in narrow
    assert narrow.endswith("\n1 field hidden (OptOutListArn): --output json shows it\n")
    wide = format_table(data, title=title, color=False, width=140)
    assert all(entry["OptOutListArn"] in wide for entry in data["OptOutLists"])
    assert "hidden" not in wide


def test_table_keeps_the_primary_id_in_full_at_any_width() -> None:
    title, data = CASES["describe_pools"]
    for width in range(48, 200, 7):
        out = format_table(data, title=title, color=False, width=width)
        lines = out.split("\n")
        assert lines[3].startswith("PoolId "), width
        for pool in data["Pools"]:
            assert any(line.startswith(pool["PoolId"] + "  ") for line in lines), width


def test_table_uses_the_width_before_it_drops_columns() -> None:
    title, data = CASES["describe_pools"]
    counts = []
    for width in (60, 80, 120, 160, 260):
        header = format_table(data, title=title, color=False, width=width).split("\n")[3]
        counts.append(len(header.split("  ")))
    assert counts == sorted(counts) and counts[0] < counts[-1]
    wide = format_table(data, title=title, color=False, width=300)
    assert "hidden" not in wide and data["Pools"][0]["PoolArn"] in wide


def test_table_uses_the_opt_out_lists_view_order() -> None:
    title, data = CASES["describe_opt_out_lists"]
    lines = format_table(data, title=title, color=False, width=140).split("\n")
    header = next(line for line in lines if "OptOutListName" in line)
    assert header.split() == ["OptOutListName", "Created", "OptOutListArn"]


def test_table_view_columns_first_then_the_others_by_rank(monkeypatch) -> None:
    monkeypatch.setitem(views.VIEWS, "Pools", views.View.of(("PoolId", "Pool"), "Status", rank=("Status",)))
    title, data = CASES["describe_pools"]
    out = format_table(data, title=title, color=False, width=100)
    header = out.split("\n")[3].split()
    # the view's columns, then the others in record order while they fit (PoolArn and the 25-character
    # SelfManagedOptOutsEnabled heading do not, OptOutListName after them does)
    assert header == ["Pool", "Status", "MessageType", "TwoWayEnabled", "OptOutListName"]
    assert out.endswith(
        "6 fields hidden (PoolArn, SelfManagedOptOutsEnabled, SharedRoutesEnabled, DeletionProtectionEnabled,\n"
        "CreatedTimestamp, TwoWayChannelArn): --output json shows them\n"
    )


def test_table_puts_wide_records_one_per_block_and_narrow_ones_in_columns(monkeypatch) -> None:
    monkeypatch.delitem(views.VIEWS, "Pools")  # the generic layout, without the Pools view
    title, data = CASES["describe_pools"]
    narrow = format_table(data, title=title, color=False, width=80)
    assert "Pools[0]" in narrow and "Pools[1]" in narrow
    wide = format_table(data, title=title, color=False, width=400)
    assert "Pools[0]" not in wide
    assert any("PoolArn" in line and "CreatedTimestamp" in line for line in wide.split("\n"))


def test_table_inlines_small_values_and_titles_sub_tables_with_paths() -> None:
    title, data = CASES["describe_configuration_sets"]
    out = format_table(data, title=title, color=False, width=200)
    assert "\nConfigurationSets[0].EventDestinations\nEventDestinationName  Enabled  Event types" in out
    assert "TEXT_DELIVERED, TEXT_FAILED, TEXT_BLOCKED" in out
    assert "  TopicArn=arn:aws:sns:us-east-1:123456789012:sms-events\n" in out
    assert "\nConfigurationSets[1].EventDestinations\nNo event destinations.\n" in out


def test_table_reads_a_dict_too_big_for_a_cell_member_by_member() -> None:
    data = {"Things": [{"Name": "a", "Hints": {"Title": "T", "A": 1, "B": 2, "C": 3, "D": 4}},
                       {"Name": "b", "Hints": {"Title": "U"}}]}  # fmt: skip
    out = format_table(data, title="DescribeThings", color=False, width=120)
    assert "│ Name │ Hints.Title │ Hints.A │" in out
    assert "│ b    │ U           │         │" in out


def test_table_shows_text_literally_and_escapes_control_characters() -> None:
    out = format_table({"A": "[bold]x[/bold] :smile:", "B": "red\x1b[31mX\r"}, title="T", color=False)
    assert "[bold]x[/bold] :smile:" in out
    assert "red\\x1b[31mX\\x0d" in out and "\x1b" not in out and "\r" not in out


# --- table: empty results --------------------------------------------------------------------------

EMPTY = {name: f"No {noun}." for name, noun in [
    ("PhoneNumbers", "phone numbers"), ("Pools", "pools"), ("OptOutLists", "opt-out lists"),
    ("OptedOutNumbers", "opted-out numbers"), ("SenderIds", "sender IDs"), ("Keywords", "keywords"),
    ("ConfigurationSets", "configuration sets"), ("EventDestinations", "event destinations"),
    ("VerifiedDestinationNumbers", "verified destination numbers"), ("ProtectConfigurations", "protect configurations"),
    ("RuleSetNumberOverrides", "rule set number overrides"), ("Registrations", "registrations"),
    ("RegistrationAssociations", "registration associations"), ("RegistrationAttachments", "registration attachments"),
    ("RegistrationVersions", "registration versions"), ("RegistrationFieldValues", "registration field values"),
    ("RegistrationFieldDefinitions", "registration field definitions"),
    ("RegistrationSectionDefinitions", "registration section definitions"),
    ("RegistrationTypeDefinitions", "registration type definitions"), ("SupportedAssociations", "supported associations"),
    ("DeniedReasons", "denied reasons"), ("OriginationIdentities", "origination identities"), ("Tags", "tags"),
    ("AccountAttributes", "account attributes"), ("AccountLimits", "account limits"), ("SpendLimits", "spend limits"),
    ("Messages", "messages"), ("Events", "events"),
]}  # fmt: skip


def test_every_view_has_an_empty_result_line() -> None:
    assert set(EMPTY) == set(views.VIEWS)


@pytest.mark.parametrize("member", sorted(EMPTY))
def test_an_empty_list_is_one_line(member: str) -> None:
    assert format_table({member: []}, title="DescribeX", color=True, width=80) == EMPTY[member] + "\n"


def test_an_empty_list_beside_other_members_keeps_them() -> None:
    data = {"PoolArn": f"{ACCOUNT}:pool/pool-1", "PoolId": "pool-1", "OriginationIdentities": [], "NextToken": "t"}
    out = format_table(data, title="ListPoolOriginationIdentities", color=False, width=80)
    assert out == (
        "ListPoolOriginationIdentities\n\n"
        "┌───────────┬──────────────────────────────────────────────────────┐\n"
        "│ PoolArn   │ arn:aws:sms-voice:us-east-1:123456789012:pool/pool-1 │\n"
        "│ PoolId    │ pool-1                                               │\n"
        "│ NextToken │ t                                                    │\n"
        "└───────────┴──────────────────────────────────────────────────────┘\n\n"
        "No origination identities.\n"
    )


@pytest.mark.parametrize(("name", "line"), [("", "No items."), ("ß", "No items in ß."), ("[0]", "No items in [0].")])
def test_an_empty_list_without_a_plural_name(name: str, line: str) -> None:
    assert layout.no_items(name) == line


def test_an_empty_result_draws_without_rich() -> None:
    code = (
        "import sys; from smscli.render import render; "
        "out = render({'Pools': []}, 'table', title='DescribePools', color=False); "
        "print(repr(out), 'rich' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "'No pools.\\n' False"


# --- table: captions -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hidden", "shortened", "too_wide", "caption"),
    [
        ([], [], [], ""),
        (["PoolArn"], [], [], "1 field hidden (PoolArn): --output json shows it"),
        (["A", "B", "C"], [], [], "3 fields hidden (A, B, C): --output json shows them"),
        (list("ABCDEFG"), [], [], "7 fields hidden (A, B, C, D, E and 2 more): --output json shows them"),
        ([], ["MessageBody"], [], "1 field shortened (MessageBody): --output json shows it in full"),
        (["A"], ["B"], [], "1 field hidden (A), 1 field shortened (B): --output json shows them in full"),
        ([], [], ["x", "y"], "2 values too wide (x, y): --output json shows them"),
    ],
)
def test_captions_say_plainly_what_was_left_out(hidden, shortened, too_wide, caption) -> None:
    assert layout.hidden_caption(hidden, shortened, too_wide) == caption


def test_a_one_line_view_cuts_text_and_says_so() -> None:
    data = {"Messages": [{"MessageId": "m-1", "DestinationPhoneNumber": "+14254147755", "Status": "DELIVERED",
                          "MessageBody": "line one\nline two " + "x" * 80}]}  # fmt: skip
    out = format_table(data, title="SimMessages", color=False, width=60)
    row = out.split("\n")[5]
    assert row.startswith("m-1        +14254147755  DELIVERED  line one␊line two") and row.endswith("…")
    assert "1 field shortened (MessageBody): --output json shows it in full" in out.replace("\n", " ")


def test_a_one_word_value_too_wide_for_a_text_column_is_left_out_not_folded() -> None:
    attachment = "attachment-" + "0" * 32
    data = {"RegistrationFieldValues": [
        {"FieldPath": "campaignInfo.optInScreenshot", "RegistrationAttachmentId": attachment},
        {"FieldPath": "campaignInfo.campaignName", "TextValue": "Account alerts"},
    ]}  # fmt: skip
    narrow = format_table(data, title="DescribeRegistrationFieldValues", color=False, width=60)
    assert "campaignInfo.optInScreenshot  …\n" in narrow and "attachment-0" not in narrow
    assert "1 value too wide (campaignInfo.optInScreenshot): --output json shows it" in narrow.replace("\n", " ")
    wide = format_table(data, title="DescribeRegistrationFieldValues", color=False, width=80)
    assert f"campaignInfo.optInScreenshot  {attachment}\n" in wide and "too wide" not in wide


def test_event_times_read_as_iso_8601() -> None:
    data = {"Events": [{"ConfigurationSetName": "alerts", "EventDestinationName": "sns",
                        "Event": {"eventType": "TEXT_DELIVERED", "eventTimestamp": 1767225600001, "messageId": "m-1",
                                  "eventVersion": "1.0", "isFinal": True, "destinationPhoneNumber": "+14254147755"}}]}  # fmt: skip
    out = format_table(data, title="SimEvents", color=False, width=200)
    assert "m-1        TEXT_DELIVERED  sns          2026-01-01T00:00:00.001+00:00  +14254147755" in out


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("x", "x"),
        (True, "True"),
        (None, "None"),
        ([], "[]"),
        ({}, "{}"),
        (["SMS", "VOICE"], "SMS, VOICE"),
        ([{"Key": "a", "Value": "b"}, {"Key": "c", "Value": "d"}], "a=b, c=d"),
        ({"TopicArn": "t"}, "TopicArn=t"),
        ({"A": {"B": 1}}, None),
        ([{"Name": "n", "Values": ["v"]}], None),
        ({"A": 1, "B": 2, "C": 3, "D": 4, "E": 5}, None),
    ],
)
def test_inline_cells(value, text) -> None:
    assert layout.inline(value) == text


def test_top_level_non_dicts_still_render() -> None:
    assert "a" in format_table(["a", "b"], title="Q", color=False)
    assert "42" in format_table(42, title="Q", color=False)
    assert "x" in format_table([{"X": "x"}], title="Q", color=False)
    assert format_table([], title="Q", color=False) == "No items.\n"


# --- table width -----------------------------------------------------------------------------------


def test_table_width_is_columns_then_the_terminal_then_80(monkeypatch) -> None:
    import fcntl
    import os
    import struct
    import termios

    from smscli.render import table_width

    monkeypatch.delenv("COLUMNS", raising=False)
    assert table_width(io.StringIO()) == 80  # piped, no COLUMNS
    primary, secondary = os.openpty()
    try:
        fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 132, 0, 0))
        with os.fdopen(os.dup(secondary), "w") as terminal:
            assert table_width(terminal) == 132  # the terminal stdout writes to
            monkeypatch.setenv("COLUMNS", "200")
            assert table_width(terminal) == 200  # COLUMNS first, as the shell sets it
            for bad in ("", "0", "-5", "wide"):
                monkeypatch.setenv("COLUMNS", bad)
                assert table_width(terminal) == 132
    finally:
        os.close(primary)
        os.close(secondary)
    monkeypatch.setenv("COLUMNS", "120")
    assert table_width(io.StringIO()) == 120  # piped into less or a CI log: COLUMNS still counts


_ID_TEXT = st.text(alphabet="abcdef0123456789-:/", min_size=1, max_size=45)
_MEMBER_VALUES = st.one_of(st.booleans(), st.integers(0, 10**6), st.text(max_size=60), _ID_TEXT)


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(sorted(views.VIEWS)),
    st.lists(st.tuples(_ID_TEXT, st.dictionaries(st.sampled_from(
        ["Status", "PoolArn", "MessageBody", "Name", "CreatedTimestamp", "Value", "Extra"]), _MEMBER_VALUES, max_size=5)),
        min_size=1, max_size=4),
    st.integers(60, 220),
)  # fmt: skip
def test_a_views_primary_id_is_never_dropped_or_broken(name, records, width) -> None:
    key = views.VIEWS[name].key.split(".")
    items = []
    for identifier, others in records:
        record = dict(others)
        node = record
        for part in key[:-1]:
            node = node.setdefault(part, {})
        node[key[-1]] = identifier
        items.append(record)
    out = format_table({name: items}, title="DescribeX", color=False, width=width)
    _assert_fits(out, width)
    lines = out.split("\n")
    for identifier, _ in records:
        assert any(line.startswith(identifier + " ") or line == identifier for line in lines), (identifier, out)


def test_a_tab_is_shown_escaped_so_columns_stay_aligned() -> None:
    data = {"Keywords": [{"Keyword": "A\tB", "KeywordAction": "OPT_OUT", "KeywordMessage": "tab\there"}]}
    out = format_table(data, title="DescribeKeywords", color=False, width=60)
    assert "\t" not in out and "\nA\\x09B   OPT_OUT  tab\\x09here\n" in out


def test_a_thousand_rows_draw_in_well_under_a_second_or_two() -> None:
    import time

    number = {"PhoneNumberArn": f"{ACCOUNT}:phone-number/phone-{'0' * 32}", "PhoneNumber": "+16175550125",
              "Status": "ACTIVE", "IsoCountryCode": "US", "MessageType": "TRANSACTIONAL", "NumberCapabilities": ["SMS"],
              "NumberType": "SIMULATOR", "MonthlyLeasingPrice": "0.00", "TwoWayEnabled": False,
              "SelfManagedOptOutsEnabled": False, "OptOutListName": "Default", "DeletionProtectionEnabled": False,
              "CreatedTimestamp": "2026-01-01T00:00:00+00:00"}  # fmt: skip
    data = {"PhoneNumbers": [{"PhoneNumberId": f"phone-{i:032x}", **number} for i in range(1000)]}
    started = time.perf_counter()
    out = format_table(data, title="DescribePhoneNumbers", color=False, width=200)
    assert time.perf_counter() - started < 2.0  # Rich's own Table took about 5 s
    assert out.count("\nphone-") == 1000
