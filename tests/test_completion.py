"""TAB completion through Typer's protocol, as the shells run it: every kind of candidate, ids from a
fixture state, the completion scripts, and what the completion path imports."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REPO

POOL = "pool-00000000000000000000000000000003"


def complete_bash(monkeypatch, capsys, line: str) -> list[str]:
    """What bash offers for `line` (the cursor at its end), through COMP_WORDS/COMP_CWORD as Typer's
    protocol gives them (no COMP_LINE)."""
    from smscli.cli import complete

    words = line.split()
    index = len(words) if line.endswith(" ") else len(words) - 1
    monkeypatch.setenv("_SMSCLI_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_WORDS", line)
    monkeypatch.setenv("COMP_CWORD", str(index))
    monkeypatch.delenv("COMP_LINE", raising=False)
    assert complete.run() == 0
    return capsys.readouterr().out.splitlines()


def complete_like_bash(monkeypatch, capsys, line: str, *, script: str = "installed") -> list[str]:
    """What bash gets for `line` (the cursor at its end) from the installed script: COMP_LINE and
    COMP_POINT, COMP_WORDS split as bash splits them (at blanks and at the word breaks `:` and `=`, a
    break being a word of its own: right after `Name=` the current word is `=`), joined with newlines,
    and the part of the word readline replaces ($2: after `Name=`, nothing). script="before": the
    script of earlier versions, without $2."""
    from smscli.cli import complete

    words = re.findall(r"[^\s:=]+|[:=]+", line)
    monkeypatch.setenv("_SMSCLI_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_LINE", line)
    monkeypatch.setenv("COMP_POINT", str(len(line)))
    monkeypatch.setenv("COMP_WORDS", "\n".join(words + ([""] if line.endswith(" ") else [])))
    monkeypatch.setenv("COMP_CWORD", str(len(words) if line.endswith(" ") else len(words) - 1))
    if script == "installed":
        monkeypatch.setenv("_SMSCLI_COMPLETE_CUR", re.split(r"[\s:=]", line)[-1])
    else:
        monkeypatch.delenv("_SMSCLI_COMPLETE_CUR", raising=False)
    assert complete.run() == 0
    return capsys.readouterr().out.splitlines()


@pytest.fixture
def offer(monkeypatch, capsys):
    return lambda line: complete_bash(monkeypatch, capsys, line)


@pytest.fixture
def state(smscli, fixed_context):
    """Two numbers, a pool, a sender ID, an opt-out list, a configuration set with an event
    destination, a keyword and a verified destination number."""

    def run(*argv):
        result = smscli(*argv, "--output", "json")
        assert result.code == 0, result.err
        return result.json()

    first = run("request-phone-number", "--iso-country-code", "US", "--message-type", "TRANSACTIONAL",
                "--number-capabilities", "SMS", "--number-type", "SIMULATOR")  # fmt: skip
    second = run("request-phone-number", "--iso-country-code", "GB", "--message-type", "TRANSACTIONAL",
                 "--number-capabilities", "SMS", "--number-type", "LONG_CODE")  # fmt: skip
    run("request-sender-id", "--sender-id", "MyBrand", "--iso-country-code", "GB")
    pool = run("create-pool", "--origination-identity", second["PhoneNumberId"], "--iso-country-code", "GB",
               "--message-type", "TRANSACTIONAL")  # fmt: skip
    run("create-opt-out-list", "--opt-out-list-name", "marketing")
    run("create-configuration-set", "--configuration-set-name", "alerts")
    run("create-event-destination", "--configuration-set-name", "alerts", "--event-destination-name", "to-sns",
        "--matching-event-types", "ALL", "--sns-destination", "TopicArn=arn:aws:sns:us-east-1:123456789012:t")
    run("put-keyword", "--origination-identity", first["PhoneNumberId"], "--keyword", "JOIN", "--keyword-message", "Hi",
        "--keyword-action", "OPT_IN")  # fmt: skip
    verified = run("create-verified-destination-number", "--destination-phone-number", "+12065550142")
    registration = run("create-registration", "--registration-type", "US_TEN_DLC_BRAND_REGISTRATION")
    protect = run("create-protect-configuration")
    assert pool["PoolId"] == POOL
    return {"first": first, "second": second, "pool": pool, "verified": verified, "registration": registration, "protect": protect}


def test_commands_local_commands_included(offer):
    assert offer("smscli create-p") == ["create-pool", "create-protect-configuration"]
    assert set(offer("smscli ")) >= {"parts", "configure", "sim", "completion", "send-text-message"}
    assert len(offer("smscli ")) == 91 + 4 + 1
    assert offer("smscli pa") == ["parts"]
    assert offer("smscli co") == ["configure", "completion"]


def test_help_is_offered_where_smscli_takes_it(offer, smscli):
    assert offer("smscli h") == ["help"]
    assert offer("smscli --output json h") == ["help"]
    assert offer("smscli create-pool h") == ["help"]  # `smscli <command> help`
    assert offer("smscli create-pool --message-type TRANSACTIONAL h") == []  # only as the command's one word
    assert smscli("help").out.startswith("smscli ") and "create-pool" in smscli("help").out
    # `smscli help <command> [<subcommand>]`: every topic offered shows its help
    assert offer("smscli help create-po") == ["create-pool"]
    assert offer("smscli help si") == ["sim"]
    assert offer("smscli help sim ") == ["messages", "events", "inbound", "review", "clock"]
    assert offer("smscli help create-pool ") == [] and offer("smscli help parts ") == []
    for topic in (["create-pool"], ["sim"], ["sim", "clock"]):
        shown = smscli("help", *topic)
        assert (shown.code, shown.out.startswith("NAME")) == (0, True), shown.err


def test_options_of_the_command_being_typed_without_those_already_given(offer):
    options = offer("smscli create-pool --")
    assert options[:6] == ["--origination-identity", "--iso-country-code", "--message-type", "--deletion-protection-enabled",
                           "--no-deletion-protection-enabled", "--tags"]  # fmt: skip
    assert "--output" in options and "--cli-input-json" in options
    after = offer("smscli create-pool --iso-country-code US --")
    assert "--iso-country-code" not in after and "--origination-identity" in after
    assert offer("smscli describe-pools --pool-i") == ["--pool-ids"]
    assert offer("smscli --out") == ["--output"]


def test_options_given_already_are_not_offered_again(offer):
    """Neither the global ones nor the other spelling of a boolean (`--no-x` after `--x`)."""
    options = offer("smscli --output json create-pool --deletion-protection-enabled --")
    assert "--output" not in options and "--region" in options
    assert "--deletion-protection-enabled" not in options and "--no-deletion-protection-enabled" not in options
    assert options.index("--tags") < options.index("--debug")  # the command's own, then the global ones
    assert "--query" not in offer("smscli describe-pools --query=Pools --")
    assert offer("smscli --no-paginate --no-") == ["--no-verify-ssl", "--no-sign-request", "--no-cli-pager",
                                                   "--no-cli-auto-prompt"]  # fmt: skip


def test_enum_values(offer):
    assert offer("smscli create-pool --message-type ") == ["TRANSACTIONAL", "PROMOTIONAL"]
    assert offer("smscli request-phone-number --number-type T") == ["TOLL_FREE", "TEN_DLC"]
    assert offer("smscli request-phone-number --number-capabilities SMS V") == ["VOICE"]  # a list takes more values
    assert offer("smscli put-keyword --keyword-action OPT_") == ["OPT_OUT", "OPT_IN"]
    assert "TEXT_DELIVERED" in offer("smscli create-event-destination --matching-event-types ")


def test_iso_country_codes_of_the_country_table(offer):
    codes = offer("smscli request-phone-number --iso-country-code ")
    assert {"US", "GB", "FR", "DE", "IN", "AU"} <= set(codes)
    g = offer("smscli create-pool --iso-country-code G")
    assert g[:2] == ["GA", "GB"] and all(code.startswith("G") for code in g)


def test_global_option_values_output_regions_and_profiles(offer, home):
    assert offer("smscli describe-pools --output ") == ["json", "text", "table", "yaml"]
    assert offer("smscli --output t") == ["text", "table"]
    assert "eu-west-2" in offer("smscli describe-pools --region eu-")
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text('[profile.staging]\nregion = "eu-west-1"\n')
    assert offer("smscli describe-pools --profile ") == ["default", "staging"]
    assert offer("smscli --output=j") == ["--output=json"]


def test_resource_ids_from_the_state(offer, state):
    first, second, verified = state["first"], state["second"], state["verified"]
    assert offer("smscli describe-pools --pool-ids ") == [POOL]
    assert offer("smscli describe-phone-numbers --phone-number-ids ") == [first["PhoneNumberId"], second["PhoneNumberId"]]
    assert offer("smscli release-sender-id --sender-id ") == ["MyBrand"]
    assert offer("smscli describe-opt-out-lists --opt-out-list-names ") == ["Default", "marketing"]
    assert offer("smscli delete-configuration-set --configuration-set-name ") == ["alerts"]
    assert offer("smscli delete-event-destination --configuration-set-name alerts --event-destination-name ") == ["to-sns"]
    assert offer("smscli delete-verified-destination-number --verified-destination-number-id ") == [
        verified["VerifiedDestinationNumberId"]
    ]
    assert offer("smscli describe-registrations --registration-ids ") == [state["registration"]["RegistrationId"]]
    assert offer("smscli sim review ") == [state["registration"]["RegistrationId"]]
    assert offer("smscli delete-protect-configuration --protect-configuration-id ") == [
        state["protect"]["ProtectConfigurationId"]
    ]
    origins = offer("smscli send-text-message --origination-identity ")
    assert origins == [first["PhoneNumberId"], second["PhoneNumberId"], POOL, "MyBrand", first["PhoneNumber"], second["PhoneNumber"]]
    assert offer("smscli send-text-message --origination-identity pool") == [POOL]


def test_ids_of_the_region_and_profile_on_the_line(offer, state, smscli, fixed_context, home):
    assert smscli("create-opt-out-list", "--opt-out-list-name", "eu-list", "--region", "eu-west-2").code == 0
    assert offer("smscli describe-opt-out-lists --region eu-west-2 --opt-out-list-names ") == ["Default", "eu-list"]
    assert offer("smscli --region=eu-west-2 describe-opt-out-lists --opt-out-list-names ") == ["Default", "eu-list"]
    assert offer("smscli describe-opt-out-lists --opt-out-list-names ") == ["Default", "marketing"]
    (home / "config.toml").write_text('[profile.eu]\nregion = "eu-west-2"\n')
    assert offer("smscli describe-opt-out-lists --profile eu --opt-out-list-names ") == ["Default", "eu-list"]


def test_registration_types_fields_and_sections_from_the_catalogue(offer, state):
    registration = state["registration"]["RegistrationId"]
    types = offer("smscli create-registration --registration-type US_TEN_DLC_")
    assert types == ["US_TEN_DLC_BRAND_REGISTRATION", "US_TEN_DLC_BRAND_VETTING", "US_TEN_DLC_CAMPAIGN_REGISTRATION"]
    fields = offer(f"smscli put-registration-field-value --registration-id {registration} --field-path companyInfo.")
    assert fields[:3] == ["companyInfo.legalCompanyName", "companyInfo.taxId", "companyInfo.taxIdIssuingCountry"]
    assert offer(f"smscli put-registration-field-value --registration-id={registration} --field-path contactInfo.w") == [
        "contactInfo.website"
    ]
    assert offer("smscli describe-registration-section-definitions --registration-type US_TEN_DLC_BRAND_REGISTRATION "
                 "--section-paths ") == ["companyInfo", "contactInfo"]  # fmt: skip
    assert offer("smscli put-registration-field-value --registration-id registration-unknown --field-path ") == []


def test_shorthand_members_and_their_values(offer, state, monkeypatch, capsys):
    assert offer("smscli describe-sender-ids --sender-ids ") == ["SenderId=", "IsoCountryCode="]
    assert offer("smscli describe-sender-ids --sender-ids SenderId=") == ["SenderId=MyBrand"]
    assert offer("smscli describe-sender-ids --sender-ids SenderId=MyBrand,") == ["SenderId=MyBrand,IsoCountryCode="]
    assert offer("smscli describe-sender-ids --sender-ids SenderId=MyBrand,IsoCountryCode=GB") == [
        "SenderId=MyBrand,IsoCountryCode=GB"
    ]
    assert offer("smscli describe-phone-numbers --filters Name=s") == ["Name=status", "Name=self-managed-opt-outs-enabled"]
    assert offer("smscli create-pool --tags ") == ["Key=", "Value="]
    # bash splits words at `=`: with COMP_LINE the candidates start after it, as bash's word does
    line = "smscli describe-sender-ids --sender-ids SenderId=MyBrand,IsoCountryCode=G"
    assert complete_like_bash(monkeypatch, capsys, line)[:2] == ["GA", "GB"]


def test_the_values_of_a_filter(offer, state):
    """`Values=` offers what the filter named by `Name=` takes: the enum of the member it filters on,
    true and false, ISO codes, the names the state holds."""
    statuses = ["PENDING", "ACTIVE", "ASSOCIATING", "DISASSOCIATING", "DELETED"]
    assert offer("smscli describe-phone-numbers --filters Name=status,Values=") == [f"Name=status,Values={s}" for s in statuses]
    assert offer("smscli describe-phone-numbers --filters Name=number-capability,Values=") == [
        f"Name=number-capability,Values={capability}" for capability in ("SMS", "VOICE", "MMS")
    ]
    assert offer("smscli describe-pools --filters Name=two-way-enabled,Values=") == [
        "Name=two-way-enabled,Values=true", "Name=two-way-enabled,Values=false"
    ]  # fmt: skip
    assert offer("smscli describe-pools --filters Name=opt-out-list-name,Values=") == [
        "Name=opt-out-list-name,Values=Default", "Name=opt-out-list-name,Values=marketing"
    ]  # fmt: skip
    assert offer("smscli describe-sender-ids --filters Name=iso-country-code,Values=G")[:2] == [
        "Name=iso-country-code,Values=GA", "Name=iso-country-code,Values=GB"
    ]  # fmt: skip
    assert offer("smscli describe-sender-ids --filters Name=message-type,Values=P") == ["Name=message-type,Values=PROMOTIONAL"]
    assert offer("smscli describe-configuration-sets --filters Name=event-destination-name,Values=") == [
        "Name=event-destination-name,Values=to-sns"
    ]
    assert offer("smscli describe-verified-destination-numbers --filters Name=status,Values=") == [
        "Name=status,Values=PENDING", "Name=status,Values=VERIFIED"
    ]  # fmt: skip
    assert offer("smscli describe-phone-numbers --filters Values=") == []  # which filter: not said yet


def test_values_already_on_the_line_are_not_offered_again(offer, state):
    first, second = state["first"]["PhoneNumberId"], state["second"]["PhoneNumberId"]
    assert offer(f"smscli describe-phone-numbers --phone-number-ids {first} ") == [second]
    assert offer(f"smscli describe-phone-numbers --phone-number-ids {first} {second} ") == []
    assert offer("smscli request-phone-number --number-capabilities SMS ") == ["VOICE", "MMS"]
    assert offer("smscli request-phone-number --number-capabilities=SMS VOICE ") == ["MMS"]
    assert offer("smscli describe-pools --pool-ids pool-x --pool-ids ") == [POOL]
    assert offer(f"smscli describe-pools --pool-ids {POOL} --output json --pool-ids ") == []  # the option given twice
    assert "ALL" not in offer("smscli create-event-destination --matching-event-types ALL ")
    assert offer("smscli describe-phone-numbers --filters Name=status,Values=ACTIVE,P") == ["Name=status,Values=ACTIVE,PENDING"]
    names = offer("smscli describe-phone-numbers --filters Name=status,Values=ACTIVE Name=")
    assert "Name=status" not in names and "Name=iso-country-code" in names
    assert offer("smscli describe-sender-ids --sender-ids SenderId=MyBrand,IsoCountryCode=GB ") == ["SenderId=", "IsoCountryCode="]


@pytest.mark.parametrize("script", ["installed", "before"])
def test_bash_gets_only_what_follows_its_last_equals_sign_or_colon(monkeypatch, capsys, state, script):
    """bash replaces the part of the word after its last `=` or `:` (COMP_WORDBREAKS) with a candidate,
    so that is what it must get: `Name=<TAB>` -> `status`, not `=status` (which made `Name==status`);
    with the installed script and with the one of earlier versions (no $2)."""

    def bash(line: str) -> list[str]:
        return complete_like_bash(monkeypatch, capsys, line, script=script)

    assert bash("smscli describe-phone-numbers --filters Name=")[:3] == ["status", "iso-country-code", "message-type"]
    assert bash("smscli describe-phone-numbers --filters Name=st") == ["status"]
    assert bash("smscli describe-phone-numbers --filters Name=status,Values=A") == ["ACTIVE", "ASSOCIATING"]
    assert bash("smscli describe-phone-numbers --filters Name=status,Values=") == [
        "PENDING", "ACTIVE", "ASSOCIATING", "DISASSOCIATING", "DELETED"
    ]  # fmt: skip
    assert bash("smscli describe-sender-ids --sender-ids SenderId=") == ["MyBrand"]
    assert bash("smscli create-pool --tags Key=a,") == ["a,Value="]  # bash's word: `a,`
    assert bash("smscli describe-pools --output=") == ["json", "text", "table", "yaml"]
    assert bash("smscli describe-pools --output=t") == ["text", "table"]
    arns = [state["pool"]["PoolArn"], state["first"]["PhoneNumberArn"]]
    offered = bash("smscli list-tags-for-resource --resource-arn arn:aws:sms-voice:")
    assert {arn.removeprefix("arn:aws:sms-voice:") for arn in arns} <= set(offered)
    assert all(item.startswith("us-east-1:123456789012:") for item in offered)
    assert bash("smscli list-tags-for-resource --resource-arn arn:aws:sms-voice:us-east-1:123456789012:pool") == [
        state["pool"]["PoolArn"].rsplit(":", 1)[1]
    ]
    assert bash("smscli create-pool --message-type ") == ["TRANSACTIONAL", "PROMOTIONAL"]


def test_bash_gets_the_characters_special_to_the_shell_escaped(monkeypatch, capsys, smscli, fixed_context, tmp_path):
    r"""bash inserts a candidate as it is: a keyword with a space must arrive as `OPT\ IN`; inside an
    open quote, as it is."""
    number = smscli("request-phone-number", "--iso-country-code", "GB", "--message-type", "TRANSACTIONAL",
                    "--number-capabilities", "SMS", "--number-type", "LONG_CODE", "--output", "json").json()["PhoneNumberId"]  # fmt: skip
    assert smscli("put-keyword", "--origination-identity", number, "--keyword", "OPT IN", "--keyword-message", "Hi").code == 0
    line = f"smscli delete-keyword --origination-identity {number} --keyword O"
    assert complete_like_bash(monkeypatch, capsys, line) == ["OPT\\ IN"]
    monkeypatch.setenv("_SMSCLI_COMPLETE_CUR", "O")
    monkeypatch.setenv("COMP_LINE", line.replace(" O", " 'O"))
    monkeypatch.setenv("COMP_POINT", str(len(line) + 1))
    from smscli.cli import complete

    assert complete.run() == 0
    assert capsys.readouterr().out == "OPT IN\n"


def test_keywords_of_the_identity_on_the_line(offer, state, smscli):
    first = state["first"]
    keywords = offer(f"smscli describe-keywords --origination-identity {first['PhoneNumberId']} --keywords ")
    described = smscli("describe-keywords", "--origination-identity", first["PhoneNumberId"], "--output", "json").json()
    assert keywords == [entry["Keyword"] for entry in described["Keywords"]]
    assert keywords[:2] == ["HELP", "ARRET"] and keywords[-1] == "JOIN"
    assert offer(f"smscli put-keyword --origination-identity {first['PhoneNumber']} --keyword ") == keywords
    assert offer(f"smscli delete-keyword --origination-identity {first['PhoneNumber']} --keyword J") == ["JOIN"]
    assert offer(f"smscli delete-keyword --origination-identity {first['PhoneNumberArn']} --keyword J") == ["JOIN"]
    assert offer("smscli delete-keyword --keyword ") == []  # no identity yet: nothing to go on


def test_delete_keyword_offers_the_keywords_it_can_delete_and_only_those(offer, state, smscli):
    """A US number: HELP and the ten opt-out keywords are required there, JOIN is not. A pool of a UK
    number: only HELP and STOP are required, so an ARRET put on it is offered. Each keyword offered is
    deleted, each held back is refused (RESOURCE_DELETION_NOT_ALLOWED)."""
    first = state["first"]["PhoneNumberId"]
    assert smscli("put-keyword", "--origination-identity", POOL, "--keyword", "ARRET", "--keyword-message", "Bye",
                  "--keyword-action", "OPT_OUT").code == 0  # fmt: skip
    for identity, deletable in ((first, ["JOIN"]), (POOL, ["ARRET"])):
        every = offer(f"smscli describe-keywords --origination-identity {identity} --keywords ")
        assert offer(f"smscli delete-keyword --origination-identity {identity} --keyword ") == deletable
        for keyword in every:
            result = smscli("delete-keyword", "--origination-identity", identity, "--keyword", keyword, "--output", "json")
            if keyword in deletable:
                assert result.code == 0, result.err
            else:
                assert result.code == 254 and "RESOURCE_DELETION_NOT_ALLOWED" in result.err, (keyword, result.err)
        assert offer(f"smscli delete-keyword --origination-identity {identity} --keyword ") == []


def test_delete_keyword_offers_nothing_on_a_number_in_a_pool(offer, state, smscli):
    """A pooled number's keywords are managed on its pool: DeleteKeyword refuses every one of them
    (PHONE_NUMBER_ASSOCIATED_TO_POOL), so TAB offers none, while describe-keywords still lists them."""
    pooled = state["second"]["PhoneNumberId"]
    assert smscli("put-keyword", "--origination-identity", POOL, "--keyword", "JOIN", "--keyword-message", "Hi").code == 0
    every = offer(f"smscli describe-keywords --origination-identity {pooled} --keywords ")
    assert every == ["HELP", "STOP", "JOIN"]
    assert offer(f"smscli delete-keyword --origination-identity {pooled} --keyword ") == []
    assert offer(f"smscli delete-keyword --origination-identity {POOL} --keyword ") == ["JOIN"]
    for keyword in every:
        result = smscli("delete-keyword", "--origination-identity", pooled, "--keyword", keyword)
        assert result.code == 254 and "PHONE_NUMBER_ASSOCIATED_TO_POOL" in result.err, (keyword, result.err)


def test_the_keyword_rule_matches_the_service():
    """complete.py decides what is deletable without importing the service: its constants are the service's."""
    from smscli.cli import complete
    from smscli.service import keywords

    assert complete.CARRIER_OPT_OUT_KEYWORDS == set(keywords.OPT_OUT_KEYWORDS)
    assert complete.ALWAYS_REQUIRED_KEYWORDS == set(keywords.default_keywords("GB"))


def test_resource_arns(monkeypatch, capsys, state):
    """ARNs contain `:`, where bash splits words: with COMP_LINE the candidates start where bash's word does."""
    arn = state["pool"]["PoolArn"]
    line = "smscli list-tags-for-resource --resource-arn arn:aws:sms-voice:us-east-1:123456789012:pool/"
    assert complete_like_bash(monkeypatch, capsys, line) == [arn.rsplit(":", 1)[1]]


def test_ids_come_from_the_index_and_follow_writes(offer, smscli, state, home):
    assert (home / "state.json.index").exists()
    assert smscli("delete-pool", "--pool-id", POOL).code == 0
    assert offer("smscli describe-pools --pool-ids ") == []
    (home / "state.json.index").unlink()  # a lost index costs only the candidates
    assert offer("smscli describe-pools --pool-ids ") == []
    assert offer("smscli describe-pools --output ") == ["json", "text", "table", "yaml"]


def test_file_paths(offer, tmp_path, monkeypatch):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "policy.json").write_text("{}")
    (tmp_path / "pool.json").write_text("{}")
    monkeypatch.chdir(tmp_path)
    assert offer("smscli create-pool --cli-input-json file://") == ["file://docs/", "file://pool.json"]
    assert offer("smscli create-pool --cli-input-json file://docs/p") == ["file://docs/policy.json"]
    assert offer("smscli create-pool --tags fileb://p") == ["fileb://pool.json"]


def test_local_commands(offer):
    assert offer("smscli configure ") == ["list", "get", "set"]
    assert "account_tier" in offer("smscli configure set ")
    assert offer("smscli configure set account_tier ") == ["sandbox", "production"]
    assert offer("smscli configure set output ") == ["json", "text", "table", "yaml"]
    assert offer("smscli sim ") == ["messages", "events", "inbound", "review", "clock"]
    assert offer("smscli sim clock --") == ["--advance", "--reset", "--help"]
    assert offer("smscli sim review --a") == ["--approve"]
    assert offer("smscli sim inbound --") == ["--origination-phone-number", "--destination-phone-number", "--message-body", "--help"]
    assert offer("smscli completion ") == ["bash", "zsh", "fish", "powershell"]
    assert offer("smscli parts --encoding ") == ["auto", "GSM-7", "UCS-2"]
    assert offer("smscli parts --s") == ["--smart", "--strict"]
    assert offer("smscli parts --file ") == []  # the shell completes file names


def test_sim_numbers_from_the_state(offer, state):
    assert offer("smscli sim inbound --destination-phone-number +1") == [state["first"]["PhoneNumber"]]
    assert offer("smscli sim events --event-destination-name ") == ["to-sns"]


def test_the_local_grammar_matches_the_typer_apps():
    """complete._LOCAL answers for the Typer apps without importing them: it must list what they take."""
    import typer.core
    import typer.main

    from smscli.cli.app import typer_app
    from smscli.cli.complete import FLAG, _LOCAL
    from smscli.cli.help import LOCAL_COMMANDS

    assert set(_LOCAL) == set(LOCAL_COMMANDS)
    for name, subcommands in _LOCAL.items():
        command = typer.main.get_command(typer_app(name))
        actual = dict(command.commands) if hasattr(command, "commands") else {"": command}
        assert set(subcommands) == set(actual), name
        for sub, (options, arguments) in subcommands.items():
            params = actual[sub].params
            typer_options = {}
            for param in params:
                if isinstance(param, typer.core.TyperOption):
                    for opt in param.opts:
                        typer_options[opt] = FLAG if param.is_flag else "value"
            assert {opt: (FLAG if kind == FLAG else "value") for opt, kind in options.items()} == {
                opt: kind for opt, kind in typer_options.items() if opt not in ("--help", "-h")
            }, f"{name} {sub}"
            assert len(arguments) == len([p for p in params if isinstance(p, typer.core.TyperArgument)]), f"{name} {sub}"


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish", "powershell"])
def test_completion_scripts_are_printed_and_kept_current(smscli, shell):
    from smscli.cli.shells import FILE_NAMES

    result = smscli("completion", shell)
    assert result.code == 0
    assert "_SMSCLI_COMPLETE" in result.out and "complete_" + shell in result.out
    assert (REPO / "completions" / FILE_NAMES[shell]).read_text() == result.out, (
        f"completions/{FILE_NAMES[shell]} is stale: smscli completion {shell} > completions/{FILE_NAMES[shell]}"
    )


def test_completion_needs_a_named_shell(smscli):
    assert smscli("completion").code == 252  # as `aws configure get`: the following arguments are required: SHELL
    result = smscli("completion", "tcsh")
    assert result.code == 252
    assert "tcsh" in result.err


def test_zsh_fish_and_powershell_variants(monkeypatch, capsys):
    from smscli.cli import complete

    def run(mode, args, **extra):
        monkeypatch.setenv("_SMSCLI_COMPLETE", mode)
        monkeypatch.setenv("_TYPER_COMPLETE_ARGS", args)
        for key, value in extra.items():
            monkeypatch.setenv(key, value)
        code = complete.run()
        return code, capsys.readouterr().out

    assert run("complete_zsh", "smscli create-po") == (0, "local -a _smscli_shown; compadd -V smscli -- $'create-pool'\n")
    assert run("complete_zsh", "smscli pa") == (0, "local -a _smscli_shown; _smscli_shown=($'parts\\x20\\x20--\\x20encoding"
                                                   "\\x20and\\x20billed\\x20parts\\x20of\\x20a\\x20text\\x20message"
                                                   "\\x20(GSM-7/UCS-2),\\x20--smart,\\x20--batch'); "
                                                   "compadd -V smscli -l -d _smscli_shown -- $'parts'\n")  # fmt: skip
    assert run("complete_zsh", "smscli describe-sender-ids --sender-ids ")[1] == (
        "local -a _smscli_shown; compadd -V smscli -S '' -- $'SenderId=' $'IsoCountryCode='\n"
    )
    assert run("complete_zsh", "smscli zzz") == (0, "_files")
    assert run("complete_fish", "smscli create-po", _TYPER_COMPLETE_FISH_ACTION="get-args") == (0, "create-pool\n")
    assert run("complete_fish", "smscli pa", _TYPER_COMPLETE_FISH_ACTION="get-args") == (
        0, "parts\tencoding and billed parts of a text message (GSM-7/UCS-2), --smart, --batch\n"
    )  # fmt: skip
    assert run("complete_fish", "smscli create-po", _TYPER_COMPLETE_FISH_ACTION="is-args")[0] == 0
    assert run("complete_fish", "smscli zzz", _TYPER_COMPLETE_FISH_ACTION="is-args")[0] == 1
    assert run("complete_powershell", "smscli create-po", _TYPER_COMPLETE_WORD_TO_COMPLETE="create-po") == (0, "create-pool::: \n")


def test_the_protocol_end_to_end_in_a_process(state, home):
    """As the shell runs it: a separate process, the environment variables, one candidate per line."""
    env = {**os.environ, "_SMSCLI_COMPLETE": "complete_bash", "COMP_WORDS": "smscli describe-pools --pool-ids ", "COMP_CWORD": "3"}
    completed = subprocess.run([sys.executable, "-m", "smscli"], env=env, capture_output=True, text=True)
    assert (completed.returncode, completed.stdout, completed.stderr) == (0, f"{POOL}\n", "")


PROBE = """
import os, sys, json
from smscli.cli.main import entry
try:
    entry()
except SystemExit:
    pass
sys.stderr.write("MODULES=" + json.dumps(sorted(sys.modules)))
"""


@pytest.mark.parametrize("line", ["smscli create-p", "smscli describe-pools --pool-ids ", "smscli sim ", "smscli parts --encoding ",
                                  "smscli describe-phone-numbers --filters Name=status,Values=",
                                  "smscli delete-keyword --origination-identity phone-00000000000000000000000000000001 --keyword ",
                                  "smscli h"])
def test_the_completion_path_imports_no_framework(line, state, home):
    env = {**os.environ, "_SMSCLI_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(len(line.split()) - (0 if line.endswith(" ") else 1))}
    completed = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True)
    loaded = {name.split(".")[0] for name in json.loads(completed.stderr.rsplit("MODULES=", 1)[1])}
    assert completed.stdout
    assert not loaded & {"typer", "click", "rich", "pydantic", "jmespath", "yaml"}, line
    modules = set(json.loads(completed.stderr.rsplit("MODULES=", 1)[1]))
    assert not {"smscli.service.dispatch", "smscli.cli.operation", "smscli.store.state"} & modules


def test_examples_and_completions_folders_exist():
    assert sorted(path.name for path in (REPO / "completions").iterdir()) == ["_smscli", "smscli.bash", "smscli.fish", "smscli.ps1"]
    names = {path.name for path in (REPO / "examples").glob("*.sh")}
    assert {"pool-keyword-dry-run.sh", "send-dry-run.sh", "two-way-keywords.sh"} <= names
    assert Path(REPO / "README.md").read_text().count("smscli completion") >= 4


@settings(max_examples=60, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12))
def test_what_bash_gets_to_insert_reads_back_as_the_value(text):
    """A candidate bash inserts as it is (a keyword with a space, a path with `&` or `*`) must read back,
    in bash itself, as that value; and smscli reads a word quoted any way as the shell does."""
    from smscli.cli.complete import _bash_escape, _shell_words

    escaped = _bash_escape(text, True, None)
    assert subprocess.run(["bash", "-c", f"printf '%s' {escaped}"], capture_output=True, text=True).stdout == text
    double_quoted = '"' + re.sub(r'([$`"\\])', r"\\\1", text) + '"'
    line = f"smscli {shlex.quote(text)} {double_quoted} {escaped} "
    assert _shell_words(line) == (["smscli", text, text, text, ""], None)
    assert _shell_words(f"smscli {escaped} '{text[:1]}")[1] == ("'" if text[:1] != "'" else None)
