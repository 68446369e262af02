"""`smscli configure list|get|set`, profiles, and where each setting comes from."""

from __future__ import annotations

import tomllib


def test_set_get_and_list(smscli, home, monkeypatch):
    assert smscli("configure", "set", "region", "eu-west-1").code == 0
    assert smscli("configure", "set", "output", "text", "--profile", "ci").code == 0
    assert tomllib.loads((home / "config.toml").read_text()) == {
        "default": {"region": "eu-west-1"},
        "profile": {"ci": {"output": "text"}},
    }
    assert smscli("configure", "get", "region").out == "eu-west-1\n"
    assert smscli("--profile", "ci", "configure", "get", "output").out == "text\n"
    listing = smscli("configure", "list", "--profile", "ci").out
    assert "profile               ci            option" in listing
    assert "output                text          config-file" in listing
    monkeypatch.setenv("AWS_REGION", "ap-south-1")
    assert "region                ap-south-1    env:AWS_REGION" in smscli("configure", "list").out


def test_get_of_a_setting_without_value_exits_1(smscli):
    result = smscli("configure", "get", "output")
    assert (result.code, result.out) == (1, "")


def test_bad_values_and_keys_are_usage_errors(smscli, home):
    result = smscli("configure", "set", "region", "mars-north-1")
    assert result.code == 252 and "region must be one of" in result.err
    result = smscli("configure", "set", "colour", "on")
    assert result.code == 252 and "unknown setting 'colour'" in result.err
    assert not (home / "config.toml").exists()
    assert smscli("configure", "get").code == 252


def test_configure_alone_asks_for_its_subcommand_and_help_lists_them(smscli):
    result = smscli("configure")
    assert (result.code, result.out) == (252, "")
    assert result.err.endswith("\nsmscli: error: the following arguments are required: subcommand\n")
    result = smscli("configure", "help")
    assert result.code == 0
    assert result.out.endswith(
        "AVAILABLE COMMANDS\n"
        "       o list\n         Every setting of the profile, its effective value and where it comes\n         from.\n\n"
        "       o get\n         Print the effective value of one setting (exit 1 when it has none).\n\n"
        "       o set\n         Set one setting of the profile in config.toml (the profile is created\n"
        "         if needed).\n"
    )


def test_profiles_change_where_resources_live(smscli):
    smscli("configure", "set", "region", "eu-west-1", "--profile", "eu")
    smscli("configure", "set", "account_id", "111122223333", "--profile", "eu")
    created = smscli("create-opt-out-list", "--opt-out-list-name", "eu-only", "--profile", "eu", "--output", "json").json()
    assert created["OptOutListArn"] == "arn:aws:sms-voice:eu-west-1:111122223333:opt-out-list/eu-only"
    default = smscli("describe-opt-out-lists", "--query", "OptOutLists[].OptOutListName", "--output", "json").json()
    assert default == ["Default"]
    regional = smscli("describe-opt-out-lists", "--region", "us-west-2", "--profile", "eu", "--output", "json")
    assert [entry["OptOutListArn"] for entry in regional.json()["OptOutLists"]] == [
        "arn:aws:sms-voice:us-west-2:111122223333:opt-out-list/Default"
    ]


def test_output_format_comes_from_env_then_profile(smscli, monkeypatch):
    smscli("configure", "set", "output", "text")
    assert smscli("describe-opt-out-lists").out.startswith("OPTOUTLISTS\t")
    monkeypatch.setenv("SMSCLI_OUTPUT", "yaml")
    assert smscli("describe-opt-out-lists").out.startswith("OptOutLists:\n")
    assert smscli("describe-opt-out-lists", "--output", "json").out.startswith("{")
