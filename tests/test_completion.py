"""TAB completion through Typer's protocol, as the shells run it: every kind of candidate, ids from a
fixture state, the completion scripts, and what the completion path imports."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

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


def complete_like_bash(monkeypatch, capsys, line: str) -> list[str]:
    """What the installed bash script gets for `line`: COMP_LINE/COMP_POINT, and COMP_WORDS split as
    bash splits them, at blanks and at the word breaks `:` and `=`."""
    from smscli.cli import complete

    words = re.findall(r"[^\s:=]+|[:=]", line)
    monkeypatch.setenv("_SMSCLI_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_LINE", line)
    monkeypatch.setenv("COMP_POINT", str(len(line)))
    monkeypatch.setenv("COMP_WORDS", " ".join(words))
    monkeypatch.setenv("COMP_CWORD", str(len(words) if line.endswith(" ") else len(words) - 1))
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
    assert len(offer("smscli ")) == 91 + 4
    assert offer("smscli pa") == ["parts"]
    assert offer("smscli co") == ["configure", "completion"]


def test_options_of_the_command_being_typed_without_those_already_given(offer):
    options = offer("smscli create-pool --")
    assert options[:6] == ["--origination-identity", "--iso-country-code", "--message-type", "--deletion-protection-enabled",
                           "--no-deletion-protection-enabled", "--tags"]  # fmt: skip
    assert "--output" in options and "--cli-input-json" in options
    after = offer("smscli create-pool --iso-country-code US --")
    assert "--iso-country-code" not in after and "--origination-identity" in after
    assert offer("smscli describe-pools --pool-i") == ["--pool-ids"]
    assert offer("smscli --out") == ["--output"]


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
    assert offer("smscli describe-phone-numbers --filters Name=status,Values=") == []  # values of a filter: free
    assert offer("smscli create-pool --tags ") == ["Key=", "Value="]
    # bash splits words at `=`: with COMP_LINE the candidates start after it, as bash's word does
    line = "smscli describe-sender-ids --sender-ids SenderId=MyBrand,IsoCountryCode=G"
    assert complete_like_bash(monkeypatch, capsys, line)[:2] == ["GA", "GB"]


def test_keywords_of_the_identity_on_the_line(offer, state, smscli):
    first = state["first"]
    keywords = offer(f"smscli delete-keyword --origination-identity {first['PhoneNumberId']} --keyword ")
    described = smscli("describe-keywords", "--origination-identity", first["PhoneNumberId"], "--output", "json").json()
    assert keywords == [entry["Keyword"] for entry in described["Keywords"]]
    assert keywords[:2] == ["HELP", "ARRET"] and keywords[-1] == "JOIN"
    assert offer(f"smscli delete-keyword --origination-identity {first['PhoneNumber']} --keyword J") == ["JOIN"]
    assert offer(f"smscli delete-keyword --origination-identity {first['PhoneNumberArn']} --keyword J") == ["JOIN"]
    assert offer("smscli delete-keyword --keyword ") == []  # no identity yet: nothing to go on


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
    assert smscli("completion").code == 0  # help
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

    assert run("complete_zsh", "smscli create-po") == (0, """_arguments '*: :(("create-pool"))'""")
    assert run("complete_fish", "smscli create-po", _TYPER_COMPLETE_FISH_ACTION="get-args") == (0, "create-pool\n")
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


@pytest.mark.parametrize("line", ["smscli create-p", "smscli describe-pools --pool-ids ", "smscli sim ", "smscli parts --encoding "])
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


class RealBash:
    """An interactive bash in tmux with completions/smscli.bash sourced: type keys, read the line."""

    def __init__(self, home: Path, rc: Path):
        rc.write_text(f"export PATH={Path(sys.executable).parent}:$PATH SMSCLI_HOME={home} PS1='$ '\n"
                      f"source {REPO / 'completions' / 'smscli.bash'}\n")  # fmt: skip
        self.session = f"smscli-test-{os.getpid()}-{rc.parent.name}"
        self.tmux = ["tmux", "-L", self.session]
        subprocess.run([*self.tmux, "new-session", "-d", "-s", self.session, "-x", "200", "-y", "20",
                        f"bash --noprofile --rcfile {rc}"], check=True)  # fmt: skip
        assert self._wait("$ ") == "$ ", "bash did not start"  # keys sent before readline runs get lost

    def line_after(self, *keys: str, until: str) -> str:
        """Send keys, then wait (up to 10 s) for the prompt line to end with `until`; the line."""
        subprocess.run([*self.tmux, "send-keys", "-t", self.session, *keys], check=True)
        return self._wait(until)

    def _wait(self, until: str) -> str:
        line, deadline = "", time.monotonic() + 10
        while time.monotonic() < deadline:
            time.sleep(0.1)
            screen = subprocess.run([*self.tmux, "capture-pane", "-p", "-N", "-t", self.session], capture_output=True, text=True).stdout
            prompts = [row for row in screen.splitlines() if row.startswith("$ ")]
            line = prompts[-1] if prompts else ""
            if line.endswith(until):
                break
        return line

    def close(self) -> None:
        subprocess.run([*self.tmux, "kill-server"], capture_output=True)


@pytest.fixture
def real_bash(state, home, tmp_path):
    if shutil.which("tmux") is None:
        pytest.skip("needs tmux to drive a real bash")
    session = RealBash(home, tmp_path / "bashrc")
    yield session
    session.close()


def test_a_real_bash_completes_pool_ids(real_bash):
    """bash with the installed completion script: `smscli describe-pools --pool-ids <TAB>` puts the
    pool id on the line."""
    assert real_bash.line_after("smscli describe-pools --pool-i", "Tab", until="--pool-ids ") == "$ smscli describe-pools --pool-ids "
    assert real_bash.line_after("Tab", until=POOL + " ") == f"$ smscli describe-pools --pool-ids {POOL} "


def test_a_real_bash_completes_shorthand_without_a_space_after_the_equals_sign(real_bash):
    line = real_bash.line_after("smscli describe-sender-ids --sender-ids Sen", "Tab", until="SenderId=")
    assert line == "$ smscli describe-sender-ids --sender-ids SenderId="
    line = real_bash.line_after("My", "Tab", until="MyBrand ")
    assert line == "$ smscli describe-sender-ids --sender-ids SenderId=MyBrand "
