"""`configure set` keeps config.toml as the user wrote it: comments, blank lines, key order, quoting and
other profiles survive; only the one value changes (or one line is added, or one table appended)."""

from __future__ import annotations

import tomllib
from difflib import SequenceMatcher

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smscli.config import SETTINGS

HAND_WRITTEN = """\
# smscli settings, kept in git
account_id = "000000000000"  # top-level keys are not a profile; left alone

[default]
output   = 'json'      # scripts want JSON
region = "us-east-1"   # where we rehearse

color = "off"

["profile ci"]          # AWS-CLI style
region = "eu-west-1"
  account_id = "111122223333"

[profile.eu]
# the EU rehearsal
registration_review = "approve"
region = "eu-west-2"
"""


def write(home, text: str):
    home.mkdir(parents=True, exist_ok=True)
    path = home / "config.toml"
    path.write_text(text)
    return path


def test_changing_a_value_changes_only_that_value(smscli, home):
    path = write(home, HAND_WRITTEN)
    assert smscli("configure", "set", "region", "ap-south-1").code == 0
    assert path.read_text() == HAND_WRITTEN.replace('region = "us-east-1"   # where', 'region = "ap-south-1"   # where')
    assert smscli("configure", "set", "output", "yaml").code == 0
    assert path.read_text() == HAND_WRITTEN.replace('region = "us-east-1"   # where', 'region = "ap-south-1"   # where').replace(
        "output   = 'json'      #", 'output   = "yaml"      #')


def test_an_aws_cli_style_table_is_changed_in_place(smscli, home):
    path = write(home, HAND_WRITTEN)
    assert smscli("configure", "set", "account_id", "222233334444", "--profile", "ci").code == 0
    assert path.read_text() == HAND_WRITTEN.replace('  account_id = "111122223333"', '  account_id = "222233334444"')


def test_a_new_setting_is_added_to_the_end_of_its_table(smscli, home):
    path = write(home, HAND_WRITTEN)
    assert smscli("configure", "set", "output", "text", "--profile", "eu").code == 0
    assert path.read_text() == HAND_WRITTEN + 'output = "text"\n'
    assert smscli("configure", "set", "color", "on", "--profile", "ci").code == 0
    assert path.read_text() == HAND_WRITTEN.replace(
        '  account_id = "111122223333"\n', '  account_id = "111122223333"\ncolor = "on"\n'
    ) + 'output = "text"\n'


def test_a_new_profile_is_appended_as_its_own_table(smscli, home):
    path = write(home, HAND_WRITTEN)
    assert smscli("configure", "set", "region", "ca-central-1", "--profile", "load test").code == 0
    assert path.read_text() == HAND_WRITTEN + '\n[profile."load test"]\nregion = "ca-central-1"\n'
    assert smscli("--profile", "load test", "configure", "get", "region").out == "ca-central-1\n"


def test_a_default_profile_is_appended_to_a_file_without_one(smscli, home):
    path = write(home, "[profile.ci]\nregion = 'eu-west-1'")  # no final newline
    assert smscli("configure", "set", "output", "json").code == 0
    assert path.read_text() == "[profile.ci]\nregion = 'eu-west-1'\n\n[default]\noutput = \"json\"\n"


def test_a_new_file_holds_just_the_setting(smscli, home):
    assert smscli("configure", "set", "region", "eu-west-1").code == 0
    assert (home / "config.toml").read_text() == '[default]\nregion = "eu-west-1"\n'


VALID = {name: list(setting.choices) or ["111122223333", "999988887777"] for name, setting in SETTINGS.items()}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(profile=st.sampled_from(["default", "ci", "eu", "new one"]), data=st.data())
def test_any_set_changes_exactly_one_value_of_the_document(smscli, home, profile, data):
    key = data.draw(st.sampled_from(sorted(VALID)))
    value = data.draw(st.sampled_from(VALID[key]))
    path = write(home, HAND_WRITTEN)
    argv = ["configure", "set", key, value] + ([] if profile == "default" else ["--profile", profile])
    assert smscli(*argv).code == 0
    text = path.read_text()
    expected = tomllib.loads(HAND_WRITTEN)
    table = {"default": expected["default"], "ci": expected["profile ci"], "eu": expected["profile"]["eu"]}.get(profile)
    if table is None:
        table = expected["profile"].setdefault(profile, {})
    table[key] = value
    assert tomllib.loads(text) == expected
    changes = [op for op in SequenceMatcher(None, HAND_WRITTEN.splitlines(), text.splitlines()).get_opcodes() if op[0] != "equal"]
    if tomllib.loads(HAND_WRITTEN) == expected:
        assert changes == []  # set to the value it had: the file is unchanged
        return
    assert len(changes) == 1, changes
    tag, old_start, old_end, new_start, new_end = changes[0]
    assert (tag, old_end - old_start, new_end - new_start) in (("replace", 1, 1), ("insert", 0, 1), ("insert", 0, 3))
