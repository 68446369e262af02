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


@pytest.mark.parametrize("width", [40, 60, 80, 120])
@pytest.mark.parametrize("case", sorted(CASES))
def test_table_fits_width_without_colour(case: str, width: int) -> None:
    title, data = CASES[case]
    out = format_table(data, title=title, color=False, width=width)
    _assert_fits(out, width)
    assert "\x1b" not in out
    # nothing truncated with an ellipsis, except ids a view shortens, and then the caption says so
    assert "…" not in out or "ids shortened (--output json shows all)" in out


@settings(max_examples=200, deadline=None)
@given(ANY_JSON.filter(lambda d: d != {}), st.integers(24, 140))
def test_table_fits_any_data(data, width: int) -> None:
    out = format_table(data, title="AnyOperation", color=False, width=width)
    _assert_fits(out, width)
    assert "\x1b" not in out


def test_table_has_colour_only_when_asked() -> None:
    title, data = CASES["describe_opt_out_lists"]
    assert "\x1b[" in format_table(data, title=title, color=True)
    assert "\x1b[" not in format_table(data, title=title, color=False)


def _column_values(out: str, key_column: int, value_column: int) -> list[str]:
    """Re-join folded cells: a row starts where the key column is non-blank."""
    values: list[str] = []
    for line in out.split("\n"):
        if not line.startswith("│"):
            continue
        cells = [c.strip() for c in line.split("│")[1:-1]]
        if len(cells) <= max(key_column, value_column):
            continue  # another table
        if cells[key_column]:
            values.append("")
        values[-1] += cells[value_column]
    return values


def test_table_folds_long_arns_without_losing_characters() -> None:
    title, data = CASES["describe_opt_out_lists"]
    out = format_table(data, title=title, color=False, width=80)
    arns = [r["OptOutListArn"] for r in data["OptOutLists"]]
    assert set(arns) <= set(_column_values(out, 0, 2))
    assert any(len(line) == 80 for line in out.split("\n"))  # they really had to fold


def test_table_uses_the_opt_out_lists_view_order() -> None:
    title, data = CASES["describe_opt_out_lists"]
    lines = format_table(data, title=title, color=False).split("\n")
    header = next(line for line in lines if "OptOutListName" in line)
    assert header.index("OptOutListName") < header.index("CreatedTimestamp") < header.index("OptOutListArn")


def test_table_view_headings_and_hidden_members(monkeypatch) -> None:
    monkeypatch.setitem(views.VIEWS, "Pools", views.View.of(("PoolId", "Pool"), "Status"))
    title, data = CASES["describe_pools"]
    out = format_table(data, title=title, color=False, width=80)
    assert "│ Pool " in out and "│ Status " in out and "MessageType" not in out
    assert "9 more members not shown (--output json shows all)" in out


def test_table_puts_wide_records_one_per_block_and_narrow_ones_in_columns(monkeypatch) -> None:
    monkeypatch.delitem(views.VIEWS, "Pools")  # the generic layout, without the compact Pools view
    title, data = CASES["describe_pools"]
    narrow = format_table(data, title=title, color=False, width=80)
    assert "Pools[0]" in narrow and "Pools[1]" in narrow
    wide = format_table(data, title=title, color=False, width=260)
    assert "Pools[0]" not in wide
    assert any("PoolArn" in line and "CreatedTimestamp" in line for line in wide.split("\n"))


def test_table_inlines_small_values_and_titles_sub_tables_with_paths() -> None:
    title, data = CASES["describe_configuration_sets"]
    out = format_table(data, title=title, color=False, width=80)
    assert "\nConfigurationSets[0].EventDestinations[1]\n" in out
    assert "TEXT_DELIVERED, TEXT_FAILED, TEXT_BLOCKED" in out
    assert "│ SnsDestination       │ TopicArn=arn:aws:sns:" in out


def test_table_shows_text_literally_and_escapes_control_characters() -> None:
    out = format_table({"A": "[bold]x[/bold] :smile:", "B": "red\x1b[31mX\r"}, title="T", color=False)
    assert "[bold]x[/bold] :smile:" in out
    assert "red\\x1b[31mX\\x0d" in out and "\x1b" not in out and "\r" not in out


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
