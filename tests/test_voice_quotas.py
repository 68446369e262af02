"""Voice quotas, through the command line on the simulated clock: the voice sandbox's 20 messages a day,
5 calls a minute and 30 seconds a message (user guide 001_d878c4bf3599ab7d.txt:1227-1254, 14470-14525),
production's 20 calls a minute and 5 minutes, and the 5 messages a day to one recipient of both."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

SUCCESS, FAILURE = "+14254147755", "+14254147167"  # the US destination simulators
GB_RECIPIENTS = [f"+44770090055{index}" for index in range(6)]


def simulator_number(run):
    return run("request-phone-number --iso-country-code US --message-type TRANSACTIONAL --number-capabilities SMS VOICE "
               "--number-type SIMULATOR")["PhoneNumberId"]  # fmt: skip


def uk_number(run):
    return run("request-phone-number --iso-country-code GB --message-type TRANSACTIONAL --number-capabilities SMS VOICE "
               "--number-type LONG_CODE")["PhoneNumberId"]  # fmt: skip


def verify(run, destination):
    """Make `destination` a VERIFIED verified destination number, reading the code as a user would."""
    verified = run(f"create-verified-destination-number --destination-phone-number {destination}")["VerifiedDestinationNumberId"]
    run(f"send-destination-number-verification-code --verified-destination-number-id {verified} --verification-channel TEXT")
    body = run(f"sim messages --destination-phone-number {destination}")["Messages"][-1]["MessageBody"]
    run(f"verify-destination-number --verified-destination-number-id {verified} --verification-code {re.search(r'[0-9]{6}', body).group(0)}")
    return verified


def call(destination, origin, body="Your appointment is tomorrow at nine.", extra=""):
    return f"send-voice-message --destination-phone-number {destination} --origination-identity {origin} --message-body '{body}' {extra}"


def voice_calls(run):
    return [m for m in run("sim messages")["Messages"] if m["Channel"] == "VOICE"]


def error_text(operation, exception, message, details=""):
    text = f"smscli: [ERROR]: An error occurred ({exception}) when calling the {operation} operation: {message}\n"
    return text + (f"\nAdditional error details:\n{details}" if details else "")


# ---------------------------------------------------------------------------------------------
# Length: 30 seconds in the sandbox, at the simulation's 15 spoken characters a second


def test_a_voice_message_lasts_at_most_30_seconds_in_the_sandbox(run):
    origin = simulator_number(run)
    run(call(SUCCESS, origin, "a" * 450))  # 30 seconds
    message = "The voice message would last 31 seconds; in the voice sandbox a voice message lasts at most 30 seconds."
    for extra in ("", "--dry-run"):
        refused = run(call(SUCCESS, origin, "a" * 451, extra), code=254)
        assert refused.err == error_text("SendVoiceMessage", "ValidationException", message,
                                         f"Reason: MAXIMUM_SIZE_EXCEEDED\nFields:\n  MessageBody: {message}\n")  # fmt: skip
    ssml = "<speak>" + "a" * 450 + "<break time='1s'/>" * 20 + "</speak>"  # tags are not spoken
    run(call(SUCCESS, origin, ssml, "--message-body-text-type SSML"))
    assert [m["CallDurationSeconds"] for m in voice_calls(run)] == [30, 30]


@settings(max_examples=60, deadline=None)
@given(length=st.integers(1, 3000), tier=st.sampled_from(["sandbox", "production"]))
def test_the_length_rule_at_any_length(tmp_path_factory, length, tier):
    from smscli.service.dispatch import Service
    from smscli.service.errors import ValidationException
    from smscli.service.prices import SPOKEN_CHARACTERS_PER_SECOND
    from smscli.service.region import Context
    from smscli.store.state import Store

    service = Service(Store(tmp_path_factory.mktemp("voice") / "state.json"), Context(settings={"account_tier": tier}))
    origin = service.call("RequestPhoneNumber", {"IsoCountryCode": "US", "MessageType": "TRANSACTIONAL", "NumberCapabilities": ["VOICE"],
                                                 "NumberType": "SIMULATOR"})["PhoneNumberId"]  # fmt: skip
    request = {"DestinationPhoneNumber": SUCCESS, "OriginationIdentity": origin, "MessageBody": "a" * length, "DryRun": True}
    seconds = math.ceil(length / SPOKEN_CHARACTERS_PER_SECOND)
    if tier == "sandbox" and seconds > 30:
        with pytest.raises(ValidationException) as raised:
            service.call("SendVoiceMessage", request)
        assert (raised.value.reason, raised.value.fields[0]["Name"]) == ("MAXIMUM_SIZE_EXCEEDED", "MessageBody")
        assert str(raised.value).startswith(f"The voice message would last {seconds} seconds;")
    else:
        assert service.call("SendVoiceMessage", request)["MessageId"]


def test_out_of_the_sandbox_a_voice_message_may_last_longer(run, monkeypatch):
    monkeypatch.setenv("SMSCLI_ACCOUNT_TIER", "production")
    origin = simulator_number(run)
    run(call(SUCCESS, origin, "a" * 3000))  # the most characters a voice message holds: 200 seconds, under 5 minutes
    assert voice_calls(run)[0]["CallDurationSeconds"] == 200


# ---------------------------------------------------------------------------------------------
# Calls a minute: ThrottlingException


def test_five_calls_a_minute_in_the_sandbox(run):
    origin = simulator_number(run)
    for destination in (SUCCESS, SUCCESS, FAILURE, FAILURE):
        run(call(destination, origin))
    for _ in range(3):  # a DryRun is checked but counts nothing
        run(call(SUCCESS, origin, extra="--dry-run"))
    run(call(SUCCESS, origin))
    for extra in ("", "--dry-run"):
        refused = run(call(FAILURE, origin, extra=extra), code=254)
        assert refused.err == error_text(
            "SendVoiceMessage", "ThrottlingException",
            "The account is in the voice sandbox, which makes at most 5 voice calls a minute; 5 were made in the last "
            "60 seconds. Try again in 60 seconds.",
        )  # fmt: skip
    run("sim clock --advance 45s")
    refused = run(call(FAILURE, origin), code=254)
    assert refused.err.endswith("Try again in 15 seconds.\n")
    run("sim clock --advance 15s")  # a minute after the first five
    run(call(FAILURE, origin))
    assert len(voice_calls(run)) == 6


def test_twenty_calls_a_minute_and_no_daily_total_in_production(run, monkeypatch):
    monkeypatch.setenv("SMSCLI_ACCOUNT_TIER", "production")
    origin = uk_number(run)
    recipients = [f"+4477009001{index:02d}" for index in range(30)]
    for destination in recipients[:20]:
        run(call(destination, origin))
    refused = run(call(recipients[20], origin), code=254)
    assert refused.err == error_text(
        "SendVoiceMessage", "ThrottlingException",
        "The account makes at most 20 voice calls a minute; 20 were made in the last 60 seconds. Try again in 60 seconds.",
    )  # fmt: skip
    run("sim clock --advance 1m")
    for destination in recipients[20:30]:
        run(call(destination, origin))
    assert len(voice_calls(run)) == 30  # more than the sandbox's 20 a day


# ---------------------------------------------------------------------------------------------
# Messages a day: the sandbox's 20 in all (no Reason), 5 to one recipient (DAILY_DESTINATION_CALL_LIMIT)


def test_twenty_voice_messages_a_day_in_the_sandbox_told_apart_from_the_recipient_limit(run):
    origin = uk_number(run)
    for destination in GB_RECIPIENTS[:5]:
        verify(run, destination)
    for destination in GB_RECIPIENTS[:4]:
        for _ in range(5):
            run(call(destination, origin))
        run("sim clock --advance 1m")  # keep under 5 calls a minute
    refused = run(call(GB_RECIPIENTS[0], origin), code=254)  # the account's day is full before the recipient's is
    message = ("The account is in the voice sandbox, which sends at most 20 voice messages in 24 hours (to all recipients "
               "together); 20 were sent in the last 24 hours. The next one can go in 23.9 hours.")  # fmt: skip
    assert refused.err == error_text("SendVoiceMessage", "ServiceQuotaExceededException", message)
    assert "Reason" not in refused.err
    run("sim clock --advance 20h")
    assert "The next one can go in 3.9 hours." in run(call(GB_RECIPIENTS[4], origin), code=254).err
    run("sim clock --advance 236m")  # 24 hours after the first five calls, which no longer count
    refused = run(call(GB_RECIPIENTS[1], origin), code=254)  # that recipient's five still count
    assert refused.err == error_text(
        "SendVoiceMessage", "ServiceQuotaExceededException",
        f"{GB_RECIPIENTS[1]} already received 5 voice messages in the last 24 hours, the most allowed (5).",
        "Reason: DAILY_DESTINATION_CALL_LIMIT\n",
    )  # fmt: skip
    run(call(GB_RECIPIENTS[0], origin))
    assert len(voice_calls(run)) == 21


def test_voice_verification_codes_are_voice_calls(run):
    origin = uk_number(run)
    verified = [verify(run, destination) for destination in GB_RECIPIENTS[:2]]
    pending = run(f"create-verified-destination-number --destination-phone-number {GB_RECIPIENTS[5]}")["VerifiedDestinationNumberId"]
    run(f"send-destination-number-verification-code --verified-destination-number-id {pending} --verification-channel VOICE")
    for _ in range(4):
        run(call(GB_RECIPIENTS[0], origin))
    refused = run(call(GB_RECIPIENTS[1], origin), code=254)
    assert "(ThrottlingException)" in refused.err and "5 were made in the last 60 seconds" in refused.err
    refused = run(f"send-destination-number-verification-code --verified-destination-number-id {pending} "
                  "--verification-channel VOICE", code=254)  # fmt: skip
    assert refused.err.startswith("smscli: [ERROR]: An error occurred (ThrottlingException) when calling the "
                                  "SendDestinationNumberVerificationCode operation: The account is in the voice sandbox")  # fmt: skip
    assert len(verified) == 2 and len(voice_calls(run)) == 5


@pytest.mark.parametrize("tier", ["sandbox", "production"])
def test_five_voice_messages_a_day_to_one_recipient_in_either_tier(run, monkeypatch, tier):
    monkeypatch.setenv("SMSCLI_ACCOUNT_TIER", tier)
    origin = simulator_number(run)
    for _ in range(5):
        run(call(SUCCESS, origin))
    run("sim clock --advance 1m")
    refused = run(call(SUCCESS, origin), code=254)
    assert "Reason: DAILY_DESTINATION_CALL_LIMIT" in refused.err
    run("sim clock --advance 1439m")  # 24 hours after the five
    run(call(SUCCESS, origin))
