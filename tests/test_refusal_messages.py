"""Refusals that say what happened and give advice that can be followed, compared as the terminal shows
them: a number requested into a pool it doesn't fit (never created, so not named), a send whose only
candidates are simulator numbers, releasing a pooled number with deletion protection, and PutKeyword
on a required keyword with only a new message."""

from __future__ import annotations

import pytest

SUCCESS = "+14254147755"
REAL_US = "+12065550142"


def error(operation, exception, message, details):
    return (f"smscli: [ERROR]: An error occurred ({exception}) when calling the {operation} operation: {message}\n\n"
            f"Additional error details:\n{details}")  # fmt: skip


def simulator_number(run, extra=""):
    return run("request-phone-number --iso-country-code US --message-type TRANSACTIONAL --number-capabilities SMS VOICE "
               f"--number-type SIMULATOR {extra}")  # fmt: skip


def pool_from(run, number):
    return run(f"create-pool --origination-identity {number['PhoneNumberId']} --iso-country-code US --message-type TRANSACTIONAL")


# ---------------------------------------------------------------------------------------------
# RequestPhoneNumber --pool-id: the error names the pool and what differs


@pytest.mark.parametrize("request_options, reason, message", [
    ("--iso-country-code US --message-type TRANSACTIONAL --number-capabilities SMS --number-type SIMULATOR",
     "NUMBER_CAPABILITIES_MISMATCH",
     "The phone numbers of the pool {pool} have the capabilities SMS, VOICE: a new phone number with SMS can't join it."),
    ("--iso-country-code US --message-type PROMOTIONAL --number-capabilities SMS VOICE --number-type TEN_DLC",
     "MESSAGE_TYPE_MISMATCH", "The pool {pool} sends TRANSACTIONAL messages: a new PROMOTIONAL phone number can't join it."),
    ("--iso-country-code US --message-type TRANSACTIONAL --number-capabilities SMS VOICE --number-type SIMULATOR "
     "--opt-out-list-name other", "OPT_OUT_LIST_MISMATCH",
     "The pool {pool} uses the opt-out list Default: a new phone number on the list other can't join it (leave out "
     "OptOutListName to take the pool's list)."),
])  # fmt: skip
def test_a_number_requested_into_a_pool_it_does_not_fit_names_the_pool(run, request_options, reason, message):
    run("create-opt-out-list --opt-out-list-name other")
    first = simulator_number(run)
    pool = pool_from(run, first)["PoolId"]
    refused = run(f"request-phone-number {request_options} --pool-id {pool}", code=254)
    text = message.format(pool=pool)
    assert refused.err == error("RequestPhoneNumber", "ConflictException", text,
                                f"Reason: {reason}\nResourceType: pool\nResourceId: {pool}\n")  # fmt: skip
    assert [n["PhoneNumberId"] for n in run("describe-phone-numbers")["PhoneNumbers"]] == [first["PhoneNumberId"]]
    assert len(run(f"list-pool-origination-identities --pool-id {pool}")["OriginationIdentities"]) == 1


def test_a_number_of_another_country_requested_into_a_pool(run):
    pool = pool_from(run, simulator_number(run))["PoolId"]
    refused = run("request-phone-number --iso-country-code GB --message-type TRANSACTIONAL --number-capabilities SMS VOICE "
                  f"--number-type LONG_CODE --pool-id {pool}", code=254)  # fmt: skip
    text = f"The pool {pool} sends from the United States: a new phone number of the United Kingdom can't join it."
    assert refused.err == error("RequestPhoneNumber", "ValidationException", text,
                                f"Reason: COUNTRY_CODE_MISMATCH\nFields:\n  IsoCountryCode: {text}\n")  # fmt: skip


# ---------------------------------------------------------------------------------------------
# No identity named, and only simulator numbers


def test_a_send_without_an_identity_says_simulator_numbers_reach_only_simulators(run, monkeypatch):
    monkeypatch.setenv("SMSCLI_ACCOUNT_TIER", "production")
    number = simulator_number(run)["PhoneNumberId"]
    refused = run(f"send-text-message --destination-phone-number {REAL_US} --message-body hello", code=254)
    text = (f"The account has no origination identity that can send to {REAL_US} (the United States). Its only ACTIVE phone "
            f"numbers there with SMS are simulator numbers ({number}), and a simulator number sends only to the destination "
            "simulator numbers.")  # fmt: skip
    assert refused.err == error("SendTextMessage", "ConflictException", text,
                                f"Reason: NO_ORIGINATION_IDENTITIES_FOUND\nResourceType: phone-number\nResourceId: {REAL_US}\n")  # fmt: skip
    run("request-phone-number --iso-country-code US --message-type TRANSACTIONAL --number-capabilities SMS --number-type TOLL_FREE")
    assert run(f"send-text-message --destination-phone-number {REAL_US} --message-body hello", code=254).err == refused.err  # PENDING
    run(f"send-text-message --destination-phone-number {SUCCESS} --message-body hello")  # a simulator destination: it goes


def test_a_verification_code_without_an_identity_says_simulator_numbers_reach_only_simulators(run):
    number = simulator_number(run)["PhoneNumberId"]
    verified = run(f"create-verified-destination-number --destination-phone-number {REAL_US}")["VerifiedDestinationNumberId"]
    refused = run(f"send-destination-number-verification-code --verified-destination-number-id {verified} "
                  "--verification-channel TEXT", code=254)  # fmt: skip
    text = (f"The account's only ACTIVE phone numbers in the United States with SMS are simulator numbers ({number}), and "
            f"a simulator number sends only to the destination simulator numbers, not to {REAL_US}.")  # fmt: skip
    assert refused.err == error("SendDestinationNumberVerificationCode", "ConflictException", text,
                                "Reason: NO_ORIGINATION_IDENTITIES_FOUND\nResourceType: verified-destination-number\n"
                                f"ResourceId: {verified}\n")  # fmt: skip


# ---------------------------------------------------------------------------------------------
# Releasing a pooled number with deletion protection: advice in the order it can be followed


def test_releasing_a_pooled_protected_number_gives_advice_that_can_be_followed(run):
    protected = simulator_number(run, "--deletion-protection-enabled")
    other = simulator_number(run)
    pool = pool_from(run, protected)["PoolId"]
    number_id = protected["PhoneNumberId"]
    refused = run(f"release-phone-number --phone-number-id {number_id}", code=254)
    assert refused.err == error(
        "ReleasePhoneNumber", "ConflictException",
        f"The phone number {number_id} is in the pool {pool} and can't be released; delete the pool {pool} first (DeletePool; "
        "the number is its last origination identity), then turn off its deletion protection (UpdatePhoneNumber).",
        f"Reason: PHONE_NUMBER_ASSOCIATED_TO_POOL\nResourceType: phone-number\nResourceId: {number_id}\n",
    )  # fmt: skip
    run(f"associate-origination-identity --pool-id {pool} --origination-identity {other['PhoneNumberId']} --iso-country-code US")
    refused = run(f"release-phone-number --phone-number-id {number_id}", code=254)
    assert "can't be released; take it out of the pool first (DisassociateOriginationIdentity), then turn off its " \
           "deletion protection (UpdatePhoneNumber).\n" in refused.err
    refused = run(f"update-phone-number --phone-number-id {number_id} --no-deletion-protection-enabled", code=254)
    assert refused.err.startswith(
        "smscli: [ERROR]: An error occurred (ConflictException) when calling the UpdatePhoneNumber operation: "
        f"The phone number {number_id} is in the pool {pool} and can't be updated; to change its DeletionProtectionEnabled, "
        "take it out of the pool first (DisassociateOriginationIdentity).\n"
    )
    # following the advice, step by step, works
    run(f"disassociate-origination-identity --pool-id {pool} --origination-identity {number_id} --iso-country-code US")
    refused = run(f"release-phone-number --phone-number-id {number_id}", code=254)
    assert refused.err == error(
        "ReleasePhoneNumber", "ConflictException",
        f"The phone number {number_id} has deletion protection enabled; turn it off first (UpdatePhoneNumber).",
        f"Reason: DELETION_PROTECTION_ENABLED\nResourceType: phone-number\nResourceId: {number_id}\n",
    )  # fmt: skip
    run(f"update-phone-number --phone-number-id {number_id} --no-deletion-protection-enabled")
    assert run(f"release-phone-number --phone-number-id {number_id}")["Status"] == "DELETED"


def test_updating_a_pooled_numbers_shared_settings_points_to_the_pool(run):
    number = simulator_number(run)
    pool = pool_from(run, number)["PoolId"]
    refused = run(f"update-phone-number --phone-number-id {number['PhoneNumberId']} --opt-out-list-name Default", code=254)
    assert refused.err.startswith(
        "smscli: [ERROR]: An error occurred (ConflictException) when calling the UpdatePhoneNumber operation: "
        f"The phone number {number['PhoneNumberId']} is in the pool {pool} and follows the pool's configuration; change it "
        "on the pool (UpdatePool).\n"
    )


# ---------------------------------------------------------------------------------------------
# PutKeyword without a KeywordAction keeps an existing keyword's action


@pytest.mark.parametrize("target", ["number", "pool"])
def test_a_required_keywords_message_changes_without_its_action(run, target):
    number = simulator_number(run)
    identity = pool_from(run, number)["PoolId"] if target == "pool" else number["PhoneNumberId"]
    put = run(f"put-keyword --origination-identity {identity} --keyword STOP "
              "--keyword-message 'You are unsubscribed from Example alerts. Reply START to rejoin.'")  # fmt: skip
    assert (put["Keyword"], put["KeywordAction"], put["KeywordMessage"]) == (
        "STOP", "OPT_OUT", "You are unsubscribed from Example alerts. Reply START to rejoin.")
    shown = run(f"describe-keywords --origination-identity {number['PhoneNumberId']} --keywords STOP")["Keywords"]
    assert shown == [{"Keyword": "STOP", "KeywordMessage": "You are unsubscribed from Example alerts. Reply START to rejoin.",
                      "KeywordAction": "OPT_OUT"}]  # fmt: skip
    outcome = run(f"sim inbound --origination-phone-number {SUCCESS} --destination-phone-number {number['PhoneNumber']} "
                  "--message-body stop")  # fmt: skip
    assert (outcome["OptedOut"], outcome["Reply"]["MessageBody"]) == (True, shown[0]["KeywordMessage"])
    refused = run(f"put-keyword --origination-identity {identity} --keyword STOP --keyword-message x "
                  "--keyword-action AUTOMATIC_RESPONSE", code=254)  # fmt: skip
    assert "The keyword STOP is required: its action stays OPT_OUT." in refused.err


def test_an_existing_custom_keyword_keeps_its_action_and_a_new_one_answers(run):
    number = simulator_number(run)["PhoneNumberId"]
    run(f"put-keyword --origination-identity {number} --keyword JOIN --keyword-message Welcome --keyword-action OPT_IN")
    assert run(f"put-keyword --origination-identity {number} --keyword join --keyword-message 'Welcome back'")["KeywordAction"] == "OPT_IN"
    assert run(f"put-keyword --origination-identity {number} --keyword INFO --keyword-message 'See example.com'")["KeywordAction"] == (
        "AUTOMATIC_RESPONSE")
