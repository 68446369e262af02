"""Which profile a command uses when config.toml lacks the one named (config.py's rules): a name the
user chose (--profile, SMSCLI_PROFILE) must exist, and the error says where it came from and how to
create it; a name inherited from AWS_PROFILE (set for the real AWS CLI) means the default profile,
silently; `configure list` works whatever the profile."""

from __future__ import annotations

import tomllib

import pytest

ARN = "arn:aws:sms-voice:{region}:{account}:opt-out-list/Default"


@pytest.fixture
def configured(home):
    home.mkdir(parents=True)
    (home / "config.toml").write_text('[default]\nregion = "eu-west-1"\n\n[profile.ci]\naccount_id = "111122223333"\n')
    return home / "config.toml"


def default_list_arn(smscli, *argv):
    result = smscli("describe-opt-out-lists", "--query", "OptOutLists[0].OptOutListArn", "--output", "json", *argv)
    return result


def test_a_missing_profile_from_the_command_line_says_where_and_how_to_create_it(smscli, configured):
    result = default_list_arn(smscli, "--profile", "nope")
    assert (result.code, result.out) == (253, "")
    assert result.err == (
        "smscli: [ERROR]: The config profile (nope) could not be found (the name comes from --profile)\n"
        "\nHint: create it with `smscli configure set region us-east-1 --profile nope`\n"
    )


def test_a_missing_profile_from_smscli_profile_says_so(smscli, configured, monkeypatch):
    monkeypatch.setenv("SMSCLI_PROFILE", "staging")
    result = default_list_arn(smscli)
    assert result.code == 253
    assert result.err == (
        "smscli: [ERROR]: The config profile (staging) could not be found (the name comes from $SMSCLI_PROFILE)\n"
        "\nHint: create it with `smscli configure set region us-east-1 --profile staging`, or unset SMSCLI_PROFILE\n"
    )


def test_an_aws_profile_smscli_does_not_have_means_the_default_profile_silently(smscli, configured, monkeypatch):
    monkeypatch.setenv("AWS_PROFILE", "prod-admin")
    result = default_list_arn(smscli)
    assert (result.code, result.err) == (0, "")
    assert result.json() == ARN.format(region="eu-west-1", account="123456789012")  # the default profile's Region


def test_an_aws_profile_smscli_has_is_used(smscli, configured, monkeypatch):
    monkeypatch.setenv("AWS_PROFILE", "ci")
    assert default_list_arn(smscli).json() == ARN.format(region="us-east-1", account="111122223333")


def test_smscli_profile_wins_over_aws_profile(smscli, configured, monkeypatch):
    monkeypatch.setenv("AWS_PROFILE", "prod-admin")
    monkeypatch.setenv("SMSCLI_PROFILE", "ci")
    assert default_list_arn(smscli).json() == ARN.format(region="us-east-1", account="111122223333")


def listing(smscli, *argv) -> list[str]:
    result = smscli("configure", "list", *argv)
    assert (result.code, result.err) == (0, ""), result.err
    return result.out.splitlines()


def test_configure_list_shows_a_missing_profile_instead_of_failing(smscli, configured, monkeypatch):
    lines = listing(smscli, "--profile", "nope")
    assert lines[1].split() == ["profile", "nope", "(not", "in", "config.toml)", "option"]
    assert lines[2].split() == ["region", "us-east-1", "default"]  # what it would have: nothing of its own
    monkeypatch.setenv("SMSCLI_PROFILE", "staging")
    assert listing(smscli)[1].split() == ["profile", "staging", "(not", "in", "config.toml)", "env:SMSCLI_PROFILE"]


def test_configure_list_says_when_aws_profile_fell_back_to_default(smscli, configured, monkeypatch):
    monkeypatch.setenv("AWS_PROFILE", "prod-admin")
    lines = listing(smscli)
    assert lines[1].split() == ["profile", "default", "default", "(AWS_PROFILE=prod-admin", "is", "not", "in", "config.toml)"]
    assert lines[2].split() == ["region", "eu-west-1", "config-file"]


def test_configure_list_works_without_any_config_file(smscli, home, monkeypatch):
    monkeypatch.setenv("AWS_PROFILE", "prod-admin")
    assert listing(smscli)[1].split()[:2] == ["profile", "default"]
    assert listing(smscli, "--profile", "x")[1].split()[:2] == ["profile", "x"]


def test_configure_get_follows_the_same_rules_as_commands(smscli, configured, monkeypatch):
    assert smscli("configure", "get", "region", "--profile", "nope").code == 253
    monkeypatch.setenv("AWS_PROFILE", "prod-admin")
    result = smscli("configure", "get", "region")
    assert (result.code, result.out, result.err) == (0, "eu-west-1\n", "")


def test_configure_set_under_an_unknown_aws_profile_sets_the_default_and_says_so(smscli, configured, monkeypatch):
    monkeypatch.setenv("AWS_PROFILE", "prod-admin")
    result = smscli("configure", "set", "output", "text")
    assert result.code == 0
    assert result.err == (
        "smscli: note: AWS_PROFILE names prod-admin, which config.toml does not have, so this sets the default "
        "profile; to create prod-admin: smscli configure set output text --profile prod-admin\n"
    )
    assert tomllib.loads(configured.read_text())["default"] == {"region": "eu-west-1", "output": "text"}
    assert smscli("configure", "set", "output", "yaml", "--profile", "prod-admin").code == 0
    assert smscli("configure", "get", "output").out == "yaml\n"  # now that it exists, AWS_PROFILE names it
