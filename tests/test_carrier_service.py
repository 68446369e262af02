"""CarrierLookup through the service entry point, and the country of a number (phones.py)."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from smscli import spec
from smscli.service.errors import ValidationException
from smscli.service.phones import destination_country


def lookup(service, number):
    return service.call("CarrierLookup", {"PhoneNumber": number})


@pytest.mark.parametrize(
    ("number", "iso"),
    [
        ("+12065550142", "US"), ("+18005550100", "US"), ("+16845550100", "US"),  # a territory missing from the table
        ("+14165550100", "CA"), ("+16045550100", "CA"), ("+12685551234", "AG"), ("+18295551234", "DO"),
        ("+447700900555", "GB"), ("+441481123456", "GG"), ("+33612345678", "FR"), ("+4915112345678", "DE"),
        ("+77011234567", "KZ"), ("+74951234567", "RU"), ("+262639123456", "YT"), ("+262262123456", "RE"),
        ("12065550142", None), ("+0123", None), ("+9991234567", None), ("+1206555014212345", None),
    ],
)  # fmt: skip
def test_the_country_of_a_number(number, iso):
    assert destination_country(number) == iso


def test_the_reference_example(service):
    assert lookup(service, "+1 (555) 555-5333") == {
        "Carrier": "ExampleCorp Mobile", "Country": "United States", "DialingCountryCode": "1",
        "E164PhoneNumber": "+15555555333", "IsoCountryCode": "US", "MCC": "111", "MNC": "11", "PhoneNumberType": "MOBILE",
    }  # fmt: skip
    assert not service.store.path.exists(), "a lookup never writes"


def test_formatting_is_removed_and_answers_are_stable(service):
    first = lookup(service, "+33 6.12-34,56 (78)")
    assert first["E164PhoneNumber"] == "+33612345678"
    assert (first["IsoCountryCode"], first["Country"], first["DialingCountryCode"]) == ("FR", "France", "33")
    assert first == lookup(service, "+33612345678")
    assert first["PhoneNumberType"] in ("MOBILE", "LANDLINE", "OTHER")
    assert ("MCC" in first) == (first["PhoneNumberType"] == "MOBILE")


def test_simulators_are_mobile_in_their_own_country(service):
    jersey = lookup(service, "+447937404990")
    assert (jersey["IsoCountryCode"], jersey["Country"], jersey["DialingCountryCode"], jersey["PhoneNumberType"]) == (
        "JE", "Jersey", "44", "MOBILE"
    )
    us = lookup(service, "+14254147755")
    assert (us["PhoneNumberType"], us["MCC"], len(us["MNC"])) == ("MOBILE", "310", 2)


def test_uk_types_and_north_american_toll_free(service):
    assert lookup(service, "+447700900123")["PhoneNumberType"] == "MOBILE"
    landline = lookup(service, "+442071234567")
    assert landline["PhoneNumberType"] == "LANDLINE" and "MCC" not in landline and "MNC" not in landline
    assert lookup(service, "+1 (888) 555-0100")["PhoneNumberType"] == "OTHER"


@pytest.mark.parametrize("number", ["+9991234567", "+1206555", "+12065550142999", "+10065550142", "+441", "+1234567890123456"])
def test_numbers_that_cannot_exist_are_invalid(service, number):
    reply = lookup(service, number)
    assert reply["PhoneNumberType"] == "INVALID"
    assert reply["E164PhoneNumber"] == number
    assert not {"Carrier", "MCC", "MNC"} & set(reply)


def test_a_known_prefix_still_names_the_country_of_an_invalid_number(service):
    assert lookup(service, "+1206555") == {
        "Country": "United States", "DialingCountryCode": "1", "E164PhoneNumber": "+1206555", "IsoCountryCode": "US",
        "PhoneNumberType": "INVALID",
    }  # fmt: skip


@pytest.mark.parametrize("number", ["12065550142", "+1 206 555 0142 ext 5", "+0 206"])
def test_inputs_outside_the_pattern_are_refused(service, number):
    with pytest.raises(ValidationException) as raised:
        lookup(service, number)
    assert raised.value.fields[0]["Name"] == "PhoneNumber"


def test_a_number_the_input_pattern_accepts_but_the_output_pattern_would_not_is_answered_in_full(service):
    """Formatting only: "+1 ((" is "+1", two few digits for an E.164 number (the output shape's pattern
    is \\+[1-9][0-9]{1,18}); it is still answered, with the digits as read and type INVALID."""
    assert lookup(service, "+1 ((") == {"E164PhoneNumber": "+1", "PhoneNumberType": "INVALID"}
    long = "+1" + "2" * 37
    assert lookup(service, f"{long[:20]} {long[20:]}") == {"E164PhoneNumber": long, "PhoneNumberType": "INVALID"}
    assert lookup(service, "+44 (") == {"E164PhoneNumber": "+44", "DialingCountryCode": "44", "IsoCountryCode": "GB",
                                        "Country": "United Kingdom", "PhoneNumberType": "INVALID"}  # fmt: skip


INPUT = spec.shape("CarrierLookupInputPhoneNumberType")
REQUIRED = spec.shape("CarrierLookupResult")["required"]
ACCEPTED = st.from_regex(re.compile(INPUT["pattern"]), fullmatch=True).filter(lambda v: INPUT["min"] <= len(v) <= INPUT["max"])
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def test_the_input_shape_is_the_one_the_property_tests_assume():
    assert (INPUT["pattern"], INPUT["min"], INPUT["max"]) == (r"\+[({\s\[]?[1-9][0-9(){}\s\[\],.-]{1,38}", 1, 40)
    assert REQUIRED == ["E164PhoneNumber", "PhoneNumberType"]


def _complete(answer: dict, number: str) -> None:
    missing = [member for member in REQUIRED if answer.get(member) is None]
    assert not missing, f"{number!r}: {missing} missing from {answer}"
    assert answer["E164PhoneNumber"] == "+" + re.sub(r"[^0-9]", "", number)
    assert answer["PhoneNumberType"] in spec.shape("PhoneNumberType")["enum"]
    assert None not in answer.values()


@PROPERTY
@given(ACCEPTED)
@example("+1 ((")
@example("+[9" + "9" * 37)
def test_every_accepted_number_gets_every_required_member(service, number):
    _complete(lookup(service, number), number)


@PROPERTY
@given(ACCEPTED)
@example("+1 ((")
@example("+ 1 - -")
def test_every_accepted_number_gets_every_required_member_from_the_command_line(smscli, number):
    result = smscli("carrier-lookup", "--phone-number", number, "--output", "json")
    assert (result.code, result.err) == (0, "")
    _complete(json.loads(result.out), number)
