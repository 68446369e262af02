"""`smscli sim clock`: the simulated time moves ahead for the whole state, and every rule that waits
(code expiry, the 24-hour delete rule, timestamps) sees the moved clock."""

from __future__ import annotations

import json
import re

import pytest

from conftest import FIXED_NOW

UK_RECIPIENT = "+447700900555"


def test_the_clock_starts_at_the_machines_time_and_moves_ahead(run, home):
    assert run("sim clock") == {"CurrentTimestamp": "2026-01-01T00:00:00+00:00", "OffsetSeconds": 0}
    assert run("sim clock --advance 24h") == {"CurrentTimestamp": "2026-01-02T00:00:00+00:00", "OffsetSeconds": 86400}
    assert run("sim clock --advance 90s") == {"CurrentTimestamp": "2026-01-02T00:01:30+00:00", "OffsetSeconds": 86490}
    assert run("sim clock --advance 1.5d")["OffsetSeconds"] == 216090
    assert json.loads((home / "state.json").read_text())["clock_offset_seconds"] == 216090
    assert run("sim clock --reset") == {"CurrentTimestamp": "2026-01-01T00:00:00+00:00", "OffsetSeconds": 0}


def test_resources_are_stamped_with_the_moved_clock(run):
    run("sim clock --advance 2d")
    created = run("create-opt-out-list --opt-out-list-name later")
    assert created["CreatedTimestamp"] == "2026-01-03T00:00:00+00:00"


def test_a_verification_code_expires_and_a_verified_number_can_go_a_day_later(run, smscli):
    run("request-phone-number --iso-country-code GB --message-type TRANSACTIONAL --number-capabilities SMS --number-type LONG_CODE")
    verified = run(f"create-verified-destination-number --destination-phone-number {UK_RECIPIENT}")["VerifiedDestinationNumberId"]
    run(f"send-destination-number-verification-code --verified-destination-number-id {verified} --verification-channel TEXT")
    body = run(f"sim messages --destination-phone-number {UK_RECIPIENT}")["Messages"][-1]["MessageBody"]
    code = re.search(r"\d{6}", body).group(0)
    run("sim clock --advance 16m")
    expired = run(f"verify-destination-number --verified-destination-number-id {verified} --verification-code {code}", code=254)
    assert "Reason: VERIFICATION_CODE_EXPIRED" in expired.err
    refused = run(f"delete-verified-destination-number --verified-destination-number-id {verified}", code=254)
    assert "can be deleted in 23.7 hours" in refused.err
    run("sim clock --advance 24h")
    assert run(f"delete-verified-destination-number --verified-destination-number-id {verified}")["DestinationPhoneNumber"] == UK_RECIPIENT


@pytest.mark.parametrize("argv", [["--advance", "-3h"], ["--advance", "0"], ["--advance", "1x"], ["--advance", "inf"],
                                  ["--advance", "1h", "--reset"]])  # fmt: skip
def test_bad_durations_are_usage_errors(smscli, argv, home):
    result = smscli("sim", "clock", *argv)
    assert result.code == 252
    assert "--advance" in result.err
    assert not (home / "state.json").exists()


def test_a_damaged_offset_is_refused_and_left_alone(smscli, home):
    home.mkdir(parents=True)
    damaged = '{"schema_version": 1, "accounts": {}, "clock_offset_seconds": "soon"}'
    (home / "state.json").write_text(damaged)
    result = smscli("sim", "clock")
    assert result.code == 253
    assert '"clock_offset_seconds" is not a number of seconds' in result.err
    assert (home / "state.json").read_text() == damaged


def test_the_service_clock_is_shared_by_every_region(service):
    from conftest import fresh
    from smscli.service.dispatch import Service
    from smscli.service.region import Context

    assert service.clock(3600) == {"CurrentTimestamp": FIXED_NOW + 3600, "OffsetSeconds": 3600}
    elsewhere = Service(service.store, Context(region="eu-west-2", clock=service.context.clock, new_hex=service.context.new_hex))
    assert elsewhere.call("CreateOptOutList", {"OptOutListName": "eu"})["CreatedTimestamp"] == FIXED_NOW + 3600
    assert fresh(service).read_region().now() == FIXED_NOW + 3600


def test_a_new_month_starts_a_new_spend(service):
    from smscli.service import account

    with service.write_region() as region:
        account.add_spend(region, "TEXT", 0.99)
    with service.write_region() as region:
        assert account.month_to_date_spend(region, "TEXT") == 0.99
    service.clock(31 * 86400)  # 2026-01-01 -> 2026-02-01
    with service.write_region() as region:
        assert account.month_to_date_spend(region, "TEXT") == 0


# The limit: timestamps end in the year 9999 (service/clock.py)
LATEST = 253370764800  # 9999-01-01T00:00:00Z
USAGE = "usage: smscli [options] <command> [parameters]\nTo see help text, you can run:\n\n  smscli help\n  smscli <command> help\n\n"


def test_an_advance_past_the_year_9999_is_refused_before_anything_is_written(run, home):
    run("sim clock --advance 1d")
    before = (home / "state.json").read_bytes()
    refused = run("sim clock --advance 999999999d", code=252)
    room = LATEST - FIXED_NOW - 86400
    assert refused.err == USAGE + (
        "smscli: error: argument --advance: the simulated clock cannot pass 9999-01-01T00:00:00Z (timestamps end in "
        f"the year 9999); it can move ahead at most {room:.0f}s ({room // 86400:.0f}d)\n"
    )
    assert (home / "state.json").read_bytes() == before
    assert run("sim clock") == {"CurrentTimestamp": "2026-01-02T00:00:00+00:00", "OffsetSeconds": 86400}
    assert run("describe-opt-out-lists")["OptOutLists"][0]["CreatedTimestamp"] == "2026-01-02T00:00:00+00:00"


def test_an_advance_to_exactly_the_limit_works_and_then_no_further(run, home):
    to_the_limit = int(LATEST - FIXED_NOW)
    assert run(f"sim clock --advance {to_the_limit}s") == {"CurrentTimestamp": "9999-01-01T00:00:00+00:00",
                                                          "OffsetSeconds": to_the_limit}  # fmt: skip
    assert run("create-opt-out-list --opt-out-list-name late")["CreatedTimestamp"] == "9999-01-01T00:00:00+00:00"
    before = (home / "state.json").read_bytes()
    refused = run("sim clock --advance 1s", code=252)
    assert refused.err.endswith("(timestamps end in the year 9999); it can move ahead no further\n")
    assert (home / "state.json").read_bytes() == before
    assert run("sim clock --reset") == {"CurrentTimestamp": "2026-01-01T00:00:00+00:00", "OffsetSeconds": 0}


def test_a_huge_valid_advance_then_every_kind_of_call_works(run, smscli):
    assert run("sim clock --advance 2900000d")["CurrentTimestamp"] == "9965-12-07T00:00:00+00:00"
    created = run("create-opt-out-list --opt-out-list-name far")
    assert created["CreatedTimestamp"] == "9965-12-07T00:00:00+00:00"
    assert run("describe-opt-out-lists --opt-out-list-names far")["OptOutLists"][0]["CreatedTimestamp"] == created["CreatedTimestamp"]
    number = run("request-phone-number --iso-country-code US --message-type TRANSACTIONAL --number-capabilities SMS "
                 "--number-type SIMULATOR")  # fmt: skip
    run(f"send-text-message --destination-phone-number +14254147755 --origination-identity {number['PhoneNumberId']} "
        "--message-body hi")  # fmt: skip
    assert run("describe-spend-limits")["SpendLimits"][0]["Name"] == "TEXT_MESSAGE_MONTHLY_SPEND_LIMIT"
    assert run("sim messages")["Messages"][0]["CreatedTimestamp"] == "9965-12-07T00:00:00+00:00"
    assert smscli("describe-phone-numbers", "--output", "table").code == 0


@pytest.mark.parametrize("offset", ["1e300", "Infinity", "NaN", str(LATEST)])
def test_a_state_whose_clock_is_past_the_limit_is_refused_until_reset(smscli, home, offset):
    home.mkdir(parents=True)
    (home / "state.json").write_text(f'{{"schema_version": 1, "accounts": {{}}, "clock_offset_seconds": {offset}}}')
    before = (home / "state.json").read_bytes()
    for argv in (["describe-opt-out-lists"], ["create-opt-out-list", "--opt-out-list-name", "x"], ["sim", "clock"],
                 ["sim", "clock", "--advance", "1s"], ["sim", "messages"]):  # fmt: skip
        result = smscli(*argv)
        assert (result.code, result.out) == (253, ""), argv
        assert result.err == (
            f"smscli: [ERROR]: The state file {home / 'state.json'} is not usable: \"clock_offset_seconds\" "
            f"({json.loads(offset)!r}) puts the simulated clock past 9999-12-31T00:00:00Z, beyond what timestamps can hold; "
            "run `smscli sim clock --reset` to bring it back to the machine's time.\n"
        )
        assert (home / "state.json").read_bytes() == before
    result = smscli("sim", "clock", "--reset", "--output", "json")
    assert result.code == 0 and result.json()["OffsetSeconds"] == 0
    assert smscli("describe-opt-out-lists").code == 0
