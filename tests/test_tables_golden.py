"""Golden tables: every Describe*/List* view, `sim messages` and `sim events` at 80 and 200 columns, `parts` at 80.

One state holds at least one, mostly two, of every kind of resource, made with the fixed clock and ids of
conftest's ``fixed_context``; it is built once per module and copied into each test's SMSCLI_HOME. Each
case runs the command with ``--output table --color off`` and COLUMNS set (stdout is not a terminal in the
tests, so COLUMNS decides the width, as it does when a table is piped into ``less``) and compares the
output with tests/golden/tables/<command>.<width>.txt byte for byte. SMSCLI_UPDATE_GOLDEN=1 rewrites a
differing golden and fails once (conftest.assert_golden).
"""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import shlex
import shutil

import pytest

from conftest import FIXED_NOW, assert_golden
from registration_data import BRAND_FIELDS, CAMPAIGN_FIELDS, PNG

SUCCESS, FAILURE = "+14254147755", "+14254147167"
TOPIC = "arn:aws:sns:us-east-1:123456789012:sms-events"
INBOUND = "arn:aws:sns:us-east-1:123456789012:inbound-sms"
ROLE = "arn:aws:iam::123456789012:role/sms-logs"
LOG_GROUP = "arn:aws:logs:us-east-1:123456789012:log-group:sms"

# The commands that build the state; "name=Member" after a command keeps a response member for later ones.
SETUP = [
    ("create-opt-out-list --opt-out-list-name marketing --tags Key=team,Value=growth", {}),
    ("create-opt-out-list --opt-out-list-name alerts", {}),
    ("put-opted-out-number --opt-out-list-name marketing --opted-out-number +12065550100", {}),
    ("put-opted-out-number --opt-out-list-name marketing --opted-out-number +12065550101", {}),
    ("request-phone-number --iso-country-code US --message-type TRANSACTIONAL --number-capabilities SMS VOICE "
     "--number-type SIMULATOR --opt-out-list-name marketing --tags Key=Name,Value=primary",
     {"sim": "PhoneNumberId", "sim_number": "PhoneNumber"}),
    ("request-phone-number --iso-country-code US --message-type TRANSACTIONAL --number-capabilities SMS VOICE "
     "--number-type SIMULATOR", {"sim2": "PhoneNumberId"}),
    ("create-pool --origination-identity {sim2} --iso-country-code US --message-type TRANSACTIONAL "
     "--deletion-protection-enabled --tags Key=Name,Value=alerts", {"pool": "PoolId"}),
    ("put-keyword --origination-identity {pool} --keyword JOIN --keyword-message 'Welcome to alerts! Reply STOP to opt out.' "
     "--keyword-action OPT_IN", {}),
    ("put-keyword --origination-identity {pool} --keyword INFO --keyword-message 'Alerts from Example Corp: "
     "order updates and security notices. Msg&data rates may apply. Reply STOP to opt out, HELP for help.'", {}),
    (f"update-pool --pool-id {{pool}} --two-way-enabled --two-way-channel-arn {INBOUND} --self-managed-opt-outs-enabled", {}),
    ("request-phone-number --iso-country-code GB --message-type PROMOTIONAL --number-capabilities SMS "
     "--number-type LONG_CODE", {"gb": "PhoneNumberId"}),
    ("request-sender-id --sender-id MyBrand --iso-country-code GB --message-types PROMOTIONAL", {}),
    ("request-sender-id --sender-id ACME --iso-country-code DE --deletion-protection-enabled", {}),
    ("create-pool --origination-identity MyBrand --iso-country-code GB --message-type PROMOTIONAL", {"pool2": "PoolId"}),
    ("associate-origination-identity --pool-id {pool2} --origination-identity {gb} --iso-country-code GB", {}),
    ("create-configuration-set --configuration-set-name alerts", {}),
    ("create-configuration-set --configuration-set-name bulk", {}),
    (f"create-event-destination --configuration-set-name alerts --event-destination-name everything "
     f"--matching-event-types ALL --sns-destination TopicArn={TOPIC}", {}),
    (f"create-event-destination --configuration-set-name alerts --event-destination-name to-logs "
     f"--matching-event-types TEXT_DELIVERED TEXT_UNREACHABLE "
     f"--cloud-watch-logs-destination IamRoleArn={ROLE},LogGroupArn={LOG_GROUP}", {}),
    ("set-default-message-type --configuration-set-name alerts --message-type TRANSACTIONAL", {}),
    ("send-text-message --destination-phone-number " + SUCCESS + " --origination-identity {sim_number} "
     "--message-body 'Your code is 123456' --configuration-set-name alerts --context campaign=spring", {}),
    ("send-text-message --destination-phone-number " + FAILURE + " --origination-identity {sim} "
     "--message-body 'Your code is 654321' --configuration-set-name alerts", {}),
    ("send-text-message --destination-phone-number " + SUCCESS + " --origination-identity {sim} --configuration-set-name alerts "
     "--message-body 'Your order 12345 has shipped and arrives on Thursday. Track it at https://example.com/t/12345 "
     "or reply STOP to opt out.'", {}),
    ("send-voice-message --destination-phone-number " + SUCCESS + " --origination-identity {sim_number} "
     "--message-body 'Your code is 1 2 3 4 5 6' --configuration-set-name alerts", {}),
    ("tag-resource --resource-arn arn:aws:sms-voice:us-east-1:123456789012:pool/{pool} "
     "--tags Key=env,Value=staging Key=owner,Value=ops", {}),
    ("create-verified-destination-number --destination-phone-number +12065550142", {}),
    ("create-verified-destination-number --destination-phone-number +447700900555 --tags Key=who,Value=tester", {}),
    ("create-protect-configuration --tags Key=Name,Value=no-uk-sms", {"protect": "ProtectConfigurationId"}),
    ("create-protect-configuration --deletion-protection-enabled", {}),
    ("set-account-default-protect-configuration --protect-configuration-id {protect}", {}),
    ("associate-protect-configuration --protect-configuration-id {protect} --configuration-set-name alerts", {}),
    ("put-protect-configuration-rule-set-number-override --protect-configuration-id {protect} "
     "--destination-phone-number +447700900555 --action ALLOW --expiration-timestamp 2026-02-01T00:00:00Z", {}),
    ("put-protect-configuration-rule-set-number-override --protect-configuration-id {protect} "
     "--destination-phone-number +447700900556 --action BLOCK", {}),
    # registrations: an approved brand, a campaign with an attachment and a number
    ("create-registration --registration-type US_TEN_DLC_BRAND_REGISTRATION --tags Key=Name,Value=example-corp",
     {"brand": "RegistrationId"}),
    *((f"put-registration-field-value --registration-id {{brand}} --field-path {path} {value}", {})
      for path, value in BRAND_FIELDS),
    ("submit-registration-version --registration-id {brand}", {}),
    ("sim review {brand} --approve", {}),
    ("request-phone-number --iso-country-code US --message-type TRANSACTIONAL --number-capabilities SMS "
     "--number-type TEN_DLC", {"ten_dlc": "PhoneNumberId"}),
    ("create-registration --registration-type US_TEN_DLC_CAMPAIGN_REGISTRATION --tags Key=Name,Value=account-alerts",
     {"campaign": "RegistrationId"}),
    ("create-registration-attachment --attachment-body fileb://opt-in.png", {"screenshot": "RegistrationAttachmentId"}),
    ("create-registration-attachment --attachment-url s3://example-bucket/terms.pdf", {}),
    *((f"put-registration-field-value --registration-id {{campaign}} --field-path {path} {value}", {})
      for path, value in CAMPAIGN_FIELDS),
    ("submit-registration-version --registration-id {campaign}", {}),
    ("sim review {campaign} --approve", {}),
    ("create-registration-association --registration-id {campaign} --resource-id {ten_dlc}", {}),
    # a second version of the brand, sent back for updates
    ("create-registration-version --registration-id {brand}", {}),
    ("submit-registration-version --registration-id {brand}", {}),
    ("sim review {brand} --request-updates --reason 'The tax ID does not match the legal company name.' "
     "--field-path companyInfo.taxId", {}),
]


@pytest.fixture(scope="module")
def table_state(tmp_path_factory):
    """The SMSCLI_HOME of the shared state, and the values the commands below need."""
    from smscli.cli import main as cli_main
    from smscli.cli import operation
    from smscli.service.region import Context

    home = tmp_path_factory.mktemp("tables") / "home"
    work = tmp_path_factory.mktemp("files")
    (work / "opt-in.png").write_bytes(PNG)
    ids = itertools.count(1)
    values: dict[str, str] = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SMSCLI_HOME", str(home))
        patch.chdir(work)
        patch.setattr(operation, "make_context", lambda account_id, region, settings=None: Context(
            account_id=account_id, region=region, clock=lambda: FIXED_NOW, new_hex=lambda: f"{next(ids):032x}",
            settings=settings))  # fmt: skip
        for command, remember in SETUP:
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = cli_main.main([*shlex.split(command.format(**values)), "--output", "json"])
            assert code == 0, f"{command}: {err.getvalue()}"
            for name, member in remember.items():
                values[name] = json.loads(out.getvalue())[member]
    return home, values


CASES = {
    "describe-account-attributes": "describe-account-attributes",
    "describe-account-limits": "describe-account-limits",
    "describe-configuration-sets": "describe-configuration-sets",
    "describe-keywords": "describe-keywords --origination-identity {pool}",
    "describe-opt-out-lists": "describe-opt-out-lists",
    "describe-opted-out-numbers": "describe-opted-out-numbers --opt-out-list-name marketing",
    "describe-phone-numbers": "describe-phone-numbers",
    "describe-pools": "describe-pools",
    "describe-protect-configurations": "describe-protect-configurations",
    "describe-registration-attachments": "describe-registration-attachments",
    "describe-registration-field-definitions":
        "describe-registration-field-definitions --registration-type US_TEN_DLC_BRAND_REGISTRATION",
    "describe-registration-field-values": "describe-registration-field-values --registration-id {campaign}",
    "describe-registration-section-definitions":
        "describe-registration-section-definitions --registration-type US_TEN_DLC_CAMPAIGN_REGISTRATION",
    "describe-registration-type-definitions": "describe-registration-type-definitions",
    "describe-registration-versions": "describe-registration-versions --registration-id {brand}",
    "describe-registrations": "describe-registrations",
    "describe-sender-ids": "describe-sender-ids",
    "describe-spend-limits": "describe-spend-limits",
    "describe-verified-destination-numbers": "describe-verified-destination-numbers",
    "list-pool-origination-identities": "list-pool-origination-identities --pool-id {pool}",
    "list-protect-configuration-rule-set-number-overrides":
        "list-protect-configuration-rule-set-number-overrides --protect-configuration-id {protect}",
    "list-registration-associations": "list-registration-associations --registration-id {campaign}",
    "list-tags-for-resource": "list-tags-for-resource --resource-arn arn:aws:sms-voice:us-east-1:123456789012:pool/{pool}",
    "sim-messages": "sim messages",
    "sim-events": "sim events",
}


@pytest.fixture
def tables(table_state, home, smscli, fixed_context, monkeypatch):
    shared, values = table_state
    shutil.copytree(shared, home, dirs_exist_ok=True)

    def run(command: str, width: int, output: str = "table") -> str:
        monkeypatch.setenv("COLUMNS", str(width))
        result = smscli(*shlex.split(command.format(**values)), "--output", output, "--color", "off")
        assert result.code == 0, result.err
        return result.out

    return run


WIDTHS = (80, 200)


def test_every_describe_and_list_operation_has_a_golden():
    from smscli import spec

    operations = {spec.kebab(name) for name in spec.operations() if name.startswith(("Describe", "List"))}
    assert operations == {name for name in CASES if not name.startswith("sim-")}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", sorted(CASES))
def test_table_golden(tables, name, width):
    out = tables(CASES[name], width)
    assert_golden(f"tables/{name}.{width}.txt", out)
    assert_fits(out, width)


@pytest.mark.parametrize("name", sorted(CASES))
def test_no_id_arn_number_or_timestamp_is_broken(tables, name):
    """Every one-word value of the response (an id, an ARN, a phone number, a timestamp) is on one line
    whole, or not shown at all (a caption then names it): no line holds a piece of one."""
    data = tables(CASES[name], 80, "json")
    for width in WIDTHS:
        out = tables(CASES[name], width)
        assert broken_tokens(out, data) == [], f"{name} at {width}"
        for key_member in _primary_ids(name, json.loads(data)):
            assert any(key_member in line for line in out.splitlines()), f"{key_member} not shown in full at {width}"


def _primary_ids(name: str, data: dict) -> list[str]:
    from smscli.render.views import VIEWS

    ids = []
    for member, value in data.items():
        view = VIEWS.get(member)
        if view is None or not isinstance(value, list):
            continue
        for record in value:
            node = record
            for key in view.key.split("."):
                node = node.get(key) if isinstance(node, dict) else None
            if isinstance(node, str):
                ids.append(node)
    return ids


PARTS = {
    "gsm-two-parts": "Your appointment with Dr. Salazar is confirmed for Thursday at 4:30pm. " * 3,
    "curly-quote": "Don’t forget: your code is 123456 — reply STOP to opt out",
    "emoji": "Hello 😀 " * 12,
    "controls-and-escapes": "Total: 5€\r\nThanks [see {terms}]",
}


@pytest.mark.parametrize("name", sorted(PARTS))
def test_parts_table_golden(smscli, monkeypatch, name):
    monkeypatch.setenv("COLUMNS", "80")
    result = smscli("parts", PARTS[name], "--output", "table", "--color", "off")
    assert result.code == 0, result.err
    assert_golden(f"tables/parts-{name}.80.txt", result.out)
    assert_fits(result.out, 80)


def assert_fits(out: str, width: int) -> None:
    from rich.cells import cell_len

    for line in out.split("\n"):
        assert cell_len(line) <= width, f"{cell_len(line)} > {width}: {line!r}"


def broken_tokens(out: str, data_json: str) -> list[str]:
    """The words of ``out`` that are a piece of a one-word value of the response (at least 6 characters,
    so that a short word does not count) without being a whole value, a member name or a word of prose."""
    tokens: set[str] = set()
    known: set[str] = set()  # member names and the words of values with spaces

    def walk(value):
        if isinstance(value, dict):
            known.update(str(key) for key in value)
            for member in value.values():
                walk(member)
        elif isinstance(value, list):
            for member in value:
                walk(member)
        elif isinstance(value, str) and value and len(value.split()) == 1:
            tokens.add(value)
        elif isinstance(value, str):
            known.update(word.strip(".,;:()'\"") for word in value.split())
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            tokens.add(str(value))

    walk(json.loads(data_json))
    broken = []
    for line in out.splitlines():
        for word in line.replace("│", " ").split():
            word = word.rstrip(",")
            if word.strip(".,;:()'\"") in known or word in tokens:
                continue
            if len(word) >= 6 and any(word in token for token in tokens):
                if not any(token in word for token in tokens if len(token) >= 6):  # "TopicArn=arn:..." holds one
                    broken.append(word)
    return broken
