"""Raw option values -> the request dict: paramfiles, JSON, shorthand, numbers, blobs, timestamps."""

from __future__ import annotations

import base64

import pytest

from smscli import spec
from smscli.errors import ParamError, ParamValidationError
from smscli.parsing.argv import parse_operation
from smscli.parsing.request import build_request, serialize
from smscli.parsing.validation import validate_request


def request(op: str, *args: str, binary_format: str = "base64") -> dict:
    params = build_request(parse_operation(op, list(args)), binary_format)
    validate_request(op, params)
    return serialize(params, spec.operation(op)["input"])


def test_file_and_fileb(tmp_path):
    body = tmp_path / "body.txt"
    body.write_text("Hello from a file ✓\n", encoding="utf-8")
    assert request("SendTextMessage", "--destination-phone-number", "+12065550100", "--message-body", f"file://{body}")[
        "MessageBody"
    ] == "Hello from a file ✓\n"
    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(b"%PDF-\x00\xff")
    sent = request("CreateRegistrationAttachment", "--attachment-body", f"fileb://{pdf}")
    assert sent == {"AttachmentBody": base64.b64encode(b"%PDF-\x00\xff").decode()}
    with pytest.raises(ParamError) as raised:
        request("SendTextMessage", "--destination-phone-number", "+1", "--message-body", f"file://{pdf}")
    assert "text contents could not be decoded" in str(raised.value)
    with pytest.raises(ParamError) as raised:
        request("SendTextMessage", "--destination-phone-number", "+1", "--message-body", "file:///no/such/file")
    assert str(raised.value).startswith("Error parsing parameter '--message-body': Unable to load paramfile file:///no/such/file")


def test_a_list_from_one_file(tmp_path):
    tags = tmp_path / "tags.json"
    tags.write_text('[{"Key": "a", "Value": "b"}]')
    assert request("CreateOptOutList", "--opt-out-list-name", "x", "--tags", f"file://{tags}")["Tags"] == [{"Key": "a", "Value": "b"}]


def test_blobs_are_base64_text_by_default_or_raw_text():
    encoded = base64.b64encode(b"raw bytes").decode()
    assert request("CreateRegistrationAttachment", "--attachment-body", encoded) == {"AttachmentBody": encoded}
    with pytest.raises(ParamError) as raised:
        request("CreateRegistrationAttachment", "--attachment-body", "not base64!")
    assert str(raised.value) == "Error parsing parameter '--attachment-body': Invalid base64: \"not base64!\""
    raw = request("CreateRegistrationAttachment", "--attachment-body", "plain text", binary_format="raw-in-base64-out")
    assert raw == {"AttachmentBody": base64.b64encode(b"plain text").decode()}


@pytest.mark.parametrize(
    "value, epoch",
    [("2026-01-01T00:00:00Z", 1767225600), ("2026-01-01T01:00:00+01:00", 1767225600), ("1767225600", 1767225600), ("1767225600.5", 1767225600.5)],
)
def test_timestamps_become_epoch_seconds(value, epoch):
    sent = request(
        "PutProtectConfigurationRuleSetNumberOverride", "--protect-configuration-id", "p", "--destination-phone-number",
        "+12065550100", "--action", "ALLOW", "--expiration-timestamp", value,
    )  # fmt: skip
    assert sent["ExpirationTimestamp"] == epoch


def test_a_timestamp_that_is_not_one():
    with pytest.raises(ParamValidationError) as raised:
        request("PutProtectConfigurationRuleSetNumberOverride", "--protect-configuration-id", "p",
                "--destination-phone-number", "+1", "--action", "ALLOW", "--expiration-timestamp", "tomorrow")  # fmt: skip
    assert raised.value.problems == [
        "Invalid type for parameter ExpirationTimestamp, value: tomorrow, type: <class 'str'>, "
        "valid types: <class 'datetime.datetime'>, timestamp-string"
    ]


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "1e20", "-1e20", "1e400", "253402300799", "10000-01-01T00:00:00Z",
                                   "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59Z"])  # fmt: skip
def test_a_timestamp_timestamps_cannot_hold_is_not_one(value):
    """Past 9999-12-31T00:00:00Z (what datetime holds in any local time zone) or before 0001-01-02: the
    AWS CLI's datetime cannot hold it either."""
    with pytest.raises(ParamValidationError) as raised:
        request("PutProtectConfigurationRuleSetNumberOverride", "--protect-configuration-id", "p",
                "--destination-phone-number", "+1", "--action", "ALLOW", f"--expiration-timestamp={value}")  # fmt: skip
    assert raised.value.problems == [
        f"Invalid type for parameter ExpirationTimestamp, value: {value}, type: <class 'str'>, "
        "valid types: <class 'datetime.datetime'>, timestamp-string"
    ]


@pytest.mark.parametrize("value", [float("inf"), float("nan"), 1e300, 10**400], ids=["inf", "nan", "1e300", "10**400"])
def test_a_json_timestamp_timestamps_cannot_hold_is_not_one(value):
    from smscli.parsing.request import parse_timestamp

    assert parse_timestamp(value) is None
    assert parse_timestamp("9999-12-30T23:59:59Z") == 253402214399
    assert parse_timestamp(-62135510400) == -62135510400


def test_an_out_of_range_timestamp_is_a_usage_error_end_to_end(smscli, home):
    result = smscli("put-protect-configuration-rule-set-number-override", "--cli-input-json",
                    '{"ProtectConfigurationId": "p", "DestinationPhoneNumber": "+12065550100", "Action": "ALLOW", '
                    '"ExpirationTimestamp": Infinity}')  # fmt: skip
    assert (result.code, result.err) == (
        252,
        "smscli: [ERROR]: Parameter validation failed:\nInvalid type for parameter ExpirationTimestamp, value: inf, "
        "type: <class 'float'>, valid types: <class 'datetime.datetime'>, timestamp-string\n",
    )
    assert not (home / "state.json").exists()


def test_json_and_shorthand_for_structures_and_maps():
    assert request("SendTextMessage", "--destination-phone-number", "+1", "--context", '{"k": "v"}')["Context"] == {"k": "v"}
    assert request("SendTextMessage", "--destination-phone-number", "+1", "--context", "k=v,k2=v2")["Context"] == {"k": "v", "k2": "v2"}
    updates = request(
        "UpdateProtectConfigurationCountryRuleSet", "--protect-configuration-id", "p", "--number-capability", "SMS",
        "--country-rule-set-updates", "US={ProtectStatus=ALLOW},CA={ProtectStatus=BLOCK}",
    )["CountryRuleSetUpdates"]  # fmt: skip
    assert updates == {"US": {"ProtectStatus": "ALLOW"}, "CA": {"ProtectStatus": "BLOCK"}}
    with pytest.raises(ParamError) as raised:
        request("SendTextMessage", "--destination-phone-number", "+1", "--context", '{"k": ')
    assert str(raised.value).startswith("Error parsing parameter '--context': Invalid JSON: Expecting value")


def test_numbers_are_strict():
    assert request("DescribeOptOutLists", "--max-results", "007") == {"MaxResults": 7}
    with pytest.raises(ParamError):
        request("DescribeOptOutLists", "--max-results", "7.0")
    with pytest.raises(ParamValidationError) as raised:
        request("DescribeOptOutLists", "--max-results", "0")
    assert raised.value.problems == ["Invalid value for parameter MaxResults, value: 0, valid min value: 1"]


def test_cli_input_json_fills_what_the_command_line_did_not_give():
    sent = request("CreateOptOutList", "--cli-input-json", '{"OptOutListName": "file", "ClientToken": "t"}', "--opt-out-list-name", "argv")
    assert sent == {"OptOutListName": "argv", "ClientToken": "t"}
    with pytest.raises(ParamValidationError) as raised:
        request("CreateOptOutList", "--cli-input-json", '{"OptOutListName": "x", "Bogus": 1}')
    assert raised.value.problems == ['Unknown parameter in input: "Bogus", must be one of: OptOutListName, Tags, ClientToken']
    with pytest.raises(ParamError) as raised:
        request("CreateOptOutList", "--cli-input-json", "[1]")
    assert "must be an object" in str(raised.value)


@pytest.mark.parametrize("path", ["\ud800", "a\x00b", "~\ud800/x"], ids=["lone-surrogate", "nul", "user-surrogate"])
def test_a_paramfile_path_no_file_can_have_is_a_parameter_error(smscli, path):
    result = smscli("describe-pools", "--next-token", f"file://{path}")
    assert result.code == 252
    assert result.err.startswith(f"smscli: [ERROR]: Error parsing parameter '--next-token': Unable to load paramfile "
                                 f"file://{path.replace(chr(0xD800), chr(92) + 'ud800')}: the path is not a file name (")  # fmt: skip
