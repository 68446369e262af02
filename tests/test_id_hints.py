"""An E.164 number given where the API reference takes only an id or ARN: refused as the service refuses
it (the member's pattern, exit 254), with a hint naming the number's id and where the table shows it."""

from __future__ import annotations

PATTERN = "[A-Za-z0-9_:/-]+"


def _number(run):
    return run("request-phone-number --iso-country-code US --message-type TRANSACTIONAL --number-capabilities SMS "
               "--number-type SIMULATOR")  # fmt: skip


def test_an_e164_number_for_phone_number_id_names_the_id_to_use(run):
    number = _number(run)
    result = run(f"update-phone-number --phone-number-id {number['PhoneNumber']} --deletion-protection-enabled", code=254)
    assert result.err == (
        "smscli: [ERROR]: An error occurred (ValidationException) when calling the UpdatePhoneNumber operation: "
        f"1 validation error detected: Value '{number['PhoneNumber']}' at 'phoneNumberId' failed to satisfy constraint: "
        f"Member must satisfy regular expression pattern: {PATTERN}\n\n"
        "Additional error details:\nReason: FIELD_VALIDATION_FAILED\nFields:\n"
        f"  PhoneNumberId: Member must satisfy regular expression pattern: {PATTERN}\n\n"
        f"Hint: --phone-number-id takes a phone number's id or ARN, not its E.164 number: {number['PhoneNumber']} is "
        f"{number['PhoneNumberId']} (the PhoneNumberId column of `smscli describe-phone-numbers`).\n"
    )
    assert run(f"describe-phone-numbers --phone-number-ids {number['PhoneNumberId']}")["PhoneNumbers"][0][
        "DeletionProtectionEnabled"] is False  # nothing changed  # fmt: skip


def test_a_list_of_ids_and_an_origination_identity_get_the_same_hint(run):
    number = _number(run)
    listed = run(f"describe-phone-numbers --phone-number-ids {number['PhoneNumberId']} {number['PhoneNumber']}", code=254)
    assert listed.err.endswith(f"Hint: --phone-number-ids takes a phone number's id or ARN, not its E.164 number: "
                               f"{number['PhoneNumber']} is {number['PhoneNumberId']} (the PhoneNumberId column of "
                               "`smscli describe-phone-numbers`).\n")  # fmt: skip
    unknown = run("put-keyword --origination-identity +12065550100 --keyword JOIN --keyword-message hi", code=254)
    assert unknown.err.endswith("Hint: --origination-identity takes a phone number's id or ARN, not its E.164 number, "
                                "and this account has no +12065550100; `smscli describe-phone-numbers` lists its numbers "
                                "with their PhoneNumberId.\n")  # fmt: skip


def test_the_sends_take_the_e164_number_as_the_api_reference_allows(run):
    number = _number(run)
    sent = run(f"send-text-message --destination-phone-number +14254147755 --message-body hi "
               f"--origination-identity {number['PhoneNumber']}")  # fmt: skip
    assert set(sent) == {"MessageId"}


def test_other_pattern_errors_get_no_hint(run):
    result = run("create-opt-out-list --opt-out-list-name +12065550100", code=254)
    assert "Hint:" not in result.err
