"""End to end: sending as a developer rehearses it, every JSON response (and refusal) compared with
the golden transcript tests/golden/cli/sending.txt."""

from __future__ import annotations

import re

from conftest import Transcript, assert_golden

SUCCESS, FAILURE = "+14254147755", "+14254147167"
TOPIC = "arn:aws:sns:us-east-1:123456789012:sms-events"
INBOUND = "arn:aws:sns:us-east-1:123456789012:inbound-sms"


def test_sending_dry_run(smscli, fixed_context):
    run = Transcript(smscli)
    run("describe-account-attributes")
    run("describe-spend-limits")
    run("create-configuration-set --configuration-set-name alerts")
    run(f"create-event-destination --configuration-set-name alerts --event-destination-name everything "
        f"--matching-event-types ALL --sns-destination TopicArn={TOPIC}")
    run("request-phone-number --iso-country-code US --message-type TRANSACTIONAL --number-capabilities SMS VOICE "
        "--number-type SIMULATOR", {"number": "PhoneNumber", "number_id": "PhoneNumberId"})
    run(f"send-text-message --destination-phone-number {SUCCESS} --origination-identity {{number}} "
        "--message-body 'Your code is 123456' --configuration-set-name alerts --context campaign=spring",
        {"delivered": "MessageId"})
    run(f"send-text-message --destination-phone-number {FAILURE} --origination-identity {{number_id}} "
        "--message-body 'Your code is 654321' --configuration-set-name alerts", {"failed": "MessageId"})
    run("sim events --message-id {delivered}")
    run("sim events --message-id {failed}")
    run(f"send-text-message --destination-phone-number {SUCCESS} --origination-identity {{number}} "
        "--message-body 'Nothing is sent' --configuration-set-name alerts --dry-run")
    run("sim messages")
    run("send-text-message --destination-phone-number +447700900555 --message-body 'Hello from the sandbox'", code=254)
    # two-way: a customer texts the simulator number
    run("put-keyword --origination-identity {number_id} --keyword JOIN --keyword-message 'Welcome! Reply STOP to opt out.' "
        "--keyword-action OPT_IN")
    run(f"update-phone-number --phone-number-id {{number_id}} --two-way-enabled --two-way-channel-arn {INBOUND}")
    run(f"sim inbound --origination-phone-number {SUCCESS} --destination-phone-number {{number}} --message-body 'join please'")
    run(f"sim inbound --origination-phone-number {SUCCESS} --destination-phone-number {{number}} --message-body 'STOP.'")
    run("describe-opted-out-numbers --opt-out-list-name Default")
    run(f"send-text-message --destination-phone-number {SUCCESS} --origination-identity {{number}} "
        "--message-body 'Still there?'", code=254)
    # the sandbox: verify a destination, reading the code from what was "sent"
    run("create-verified-destination-number --destination-phone-number +12065550142", {"verified": "VerifiedDestinationNumberId"})
    run("send-destination-number-verification-code --verified-destination-number-id {verified} --verification-channel TEXT "
        "--origination-identity {number_id}", code=254)  # a simulator number reaches simulators only
    run("request-phone-number --iso-country-code US --message-type TRANSACTIONAL --number-capabilities SMS "
        "--number-type TOLL_FREE", {"toll_free": "PhoneNumberId"})
    run("sim messages --destination-phone-number +12065550142")
    # the spend limit: the sandbox allows 1.00 USD a month of text
    run("describe-account-limits")
    assert_golden("cli/sending.txt", run.text())


def test_verification_code_read_back_from_sim_messages(smscli, fixed_context, home):
    """The verification flow needs an ACTIVE number in the destination's country; in the US that is a
    registered number, so this flow uses the UK (a long code is ACTIVE at once)."""
    run = Transcript(smscli)
    run("request-phone-number --iso-country-code GB --message-type TRANSACTIONAL --number-capabilities SMS "
        "--number-type LONG_CODE", {"number": "PhoneNumberId"})
    run("create-verified-destination-number --destination-phone-number +447700900555", {"verified": "VerifiedDestinationNumberId"})
    run("send-destination-number-verification-code --verified-destination-number-id {verified} --verification-channel TEXT")
    run("sim messages --destination-phone-number +447700900555",
        {"code": lambda reply: re.search(r"\d{6}", reply["Messages"][-1]["MessageBody"]).group(0)})
    run("verify-destination-number --verified-destination-number-id {verified} --verification-code 000000", code=254)
    run("verify-destination-number --verified-destination-number-id {verified} --verification-code {code}")
    run("send-text-message --destination-phone-number +447700900555 --message-body 'Verified, so it goes'")
    long_text = "B" * 1530
    for _ in range(2):  # 10 parts at the UK's 0.0375 USD: 0.375 USD each
        sent = smscli("send-text-message", "--destination-phone-number", "+447700900555", "--message-body", long_text)
        assert sent.code == 0, sent.err
    run(f"send-text-message --destination-phone-number +447700900555 --message-body {long_text}", code=254)
    run("describe-spend-limits")
    assert_golden("cli/verification.txt", run.text())
