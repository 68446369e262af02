"""Registrations from the command line: exact JSON, fileb:// attachments, `sim review`, the
registration_review setting, and the exit codes of refusals."""

from __future__ import annotations

import base64

import pytest

ACCOUNT = "arn:aws:sms-voice:us-east-1:123456789012"
NOW = "2026-01-01T00:00:00+00:00"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
REGISTRATION_1 = "registration-" + "0" * 31 + "1"



def test_create_registration_json(run):
    assert run("create-registration --registration-type US_TEN_DLC_BRAND_REGISTRATION --tags Key=Name,Value=Example") == {
        "RegistrationArn": f"{ACCOUNT}:registration/{REGISTRATION_1}",
        "RegistrationId": REGISTRATION_1,
        "RegistrationType": "US_TEN_DLC_BRAND_REGISTRATION",
        "RegistrationStatus": "CREATED",
        "CurrentVersionNumber": 1,
        "Tags": [{"Key": "Name", "Value": "Example"}],
        "CreatedTimestamp": NOW,
    }
    refused = run("create-registration --registration-type US_SHORT_CODE", code=254)
    assert refused.err == (
        "smscli: [ERROR]: An error occurred (ValidationException) when calling the CreateRegistration operation: "
        "US_SHORT_CODE is not a registration type; valid types: US_TOLL_FREE_REGISTRATION, US_TEN_DLC_BRAND_REGISTRATION, "
        "US_TEN_DLC_BRAND_VETTING, US_TEN_DLC_CAMPAIGN_REGISTRATION, SG_SENDER_ID_REGISTRATION, IN_SENDER_ID_REGISTRATION.\n\n"
        "Additional error details:\nReason: UNKNOWN_REGISTRATION_TYPE\nFields:\n"
        "  RegistrationType: Not a registration type (valid types listed above).\n"
    )  # the valid types once


def test_field_values_from_the_command_line(run):
    run("create-registration --registration-type US_TEN_DLC_CAMPAIGN_REGISTRATION")
    reply = run(f"put-registration-field-value --registration-id {REGISTRATION_1} --field-path campaignUseCase.subUseCases "
                "--select-choices MARKETING FRAUD_ALERT")
    assert reply == {"RegistrationArn": f"{ACCOUNT}:registration/{REGISTRATION_1}", "RegistrationId": REGISTRATION_1,
                     "VersionNumber": 1, "FieldPath": "campaignUseCase.subUseCases", "SelectChoices": ["MARKETING", "FRAUD_ALERT"]}  # fmt: skip
    short = run(f"put-registration-field-value --registration-id {REGISTRATION_1} --field-path campaignInfo.helpMessage "
                "--text-value 'Reply HELP'", code=254)
    assert "Reason: FIELD_VALIDATION_FAILED\n" in short.err and "must have 20 to 160 characters, not 10." in short.err
    listed = run(f"describe-registration-field-values --registration-id {REGISTRATION_1}")
    assert listed["RegistrationFieldValues"] == [{"FieldPath": "campaignUseCase.subUseCases", "SelectChoices": ["MARKETING", "FRAUD_ALERT"]}]
    paged = run("describe-registration-field-definitions --registration-type US_TEN_DLC_CAMPAIGN_REGISTRATION --max-items 3")
    assert len(paged["RegistrationFieldDefinitions"]) == 3 and paged["RegistrationType"] == "US_TEN_DLC_CAMPAIGN_REGISTRATION"
    assert "NextToken" in paged


def test_attachment_from_a_binary_file(run, tmp_path):
    image = tmp_path / "opt-in.png"
    image.write_bytes(PNG)
    assert run(f"create-registration-attachment --attachment-body fileb://{image}") == {
        "RegistrationAttachmentArn": f"{ACCOUNT}:registration-attachment/attachment-{'0' * 31}1",
        "RegistrationAttachmentId": f"attachment-{'0' * 31}1",
        "AttachmentStatus": "UPLOAD_IN_PROGRESS",
        "Tags": [],
        "CreatedTimestamp": NOW,
    }
    encoded = base64.b64encode(PNG).decode()  # text is base64, as AWS CLI v2 reads blobs by default
    assert run(f"create-registration-attachment --attachment-body {encoded}")["RegistrationAttachmentId"].endswith("2")
    listed = run("describe-registration-attachments --filters Name=attachment-status,Values=UPLOAD_COMPLETE")
    assert [a["AttachmentStatus"] for a in listed["RegistrationAttachments"]] == ["UPLOAD_COMPLETE"] * 2

    text = tmp_path / "letter.txt"
    text.write_text("Letter of authorization")
    refused = run(f"create-registration-attachment --attachment-body fileb://{text}", code=254)
    assert refused.err.startswith("smscli: [ERROR]: An error occurred (ValidationException) when calling the "
                                  "CreateRegistrationAttachment operation: The attachment is not a PDF, JPEG or PNG file.")  # fmt: skip
    assert "Reason: ATTACHMENT_TYPE_NOT_SUPPORTED\n" in refused.err
    big = tmp_path / "big.png"
    big.write_bytes(PNG + b"\0" * 500 * 1024)
    assert "Reason: MAXIMUM_SIZE_EXCEEDED\n" in run(f"create-registration-attachment --attachment-body fileb://{big}", code=254).err
    missing = run(f"create-registration-attachment --attachment-body fileb://{tmp_path}/nope.png", code=252)
    assert "Unable to load paramfile" in missing.err
    both = run(f"create-registration-attachment --attachment-body fileb://{image} --attachment-url s3://bucket/a.png", code=254)
    assert "Reason: PARAMETERS_CANNOT_BE_USED_TOGETHER\n" in both.err


def test_sim_review_and_its_usage_errors(run, smscli):
    run("create-registration --registration-type US_TEN_DLC_BRAND_VETTING")
    run("create-registration --registration-type US_TEN_DLC_BRAND_REGISTRATION")
    vetting, brand = REGISTRATION_1, "registration-" + "0" * 31 + "2"
    run(f"put-registration-field-value --registration-id {vetting} --field-path brandInfo.brandRegistrationId --text-value {brand}")
    refused = run(f"submit-registration-version --registration-id {vetting}", code=254)
    assert "Reason: REGISTRATION_NOT_COMPLETE\nResourceType: registration\nResourceId: " + brand in refused.err
    not_submitted = run(f"sim review {brand} --approve", code=254)
    assert not_submitted.err.startswith("smscli: [ERROR]: An error occurred (ConflictException) when calling the SimReview "
                                        f"operation: Version 1 of the registration {brand} is DRAFT")  # fmt: skip
    for flags in ("", "--approve --deny", "--approve --field-path companyInfo.taxId"):
        assert smscli("sim", "review", brand, *flags.split()).code == 252
    assert "ResourceType: registration" in run("sim review registration-nope --deny", code=254).err
    brand_arn = f"{ACCOUNT}:registration/{brand}"
    assert run(f"describe-registrations --registration-ids {brand_arn}")["Registrations"][0]["RegistrationStatus"] == "CREATED"


def test_sim_review_approves_and_denies(run, tmp_path):
    run("create-registration --registration-type US_TEN_DLC_BRAND_VETTING")
    run("create-registration --registration-type US_TEN_DLC_BRAND_REGISTRATION")
    vetting, brand = REGISTRATION_1, "registration-" + "0" * 31 + "2"
    fill_brand(run, brand)
    run(f"submit-registration-version --registration-id {brand}")
    approved = run(f"sim review {brand} --approve")
    assert approved == {
        "RegistrationArn": f"{ACCOUNT}:registration/{brand}", "RegistrationId": brand,
        "RegistrationType": "US_TEN_DLC_BRAND_REGISTRATION", "RegistrationStatus": "COMPLETE",
        "VersionNumber": 1, "RegistrationVersionStatus": "APPROVED",
        "RegistrationVersionStatusHistory": {"DraftTimestamp": NOW, "SubmittedTimestamp": NOW,
                                             "ReviewingTimestamp": NOW, "ApprovedTimestamp": NOW},
        "ActivatedOriginationIdentities": [],
    }  # fmt: skip
    run(f"put-registration-field-value --registration-id {vetting} --field-path brandInfo.brandRegistrationId --text-value {brand}")
    run(f"submit-registration-version --registration-id {vetting}")
    denied = run(f"sim review {vetting} --request-updates --reason 'Use the brand ARN' --field-path brandInfo.brandRegistrationId")
    assert (denied["RegistrationStatus"], denied["RegistrationVersionStatus"]) == ("REQUIRES_UPDATES", "DENIED")
    assert denied["DeniedReasons"] == [{"Reason": "Requires updates", "ShortDescription": "Use the brand ARN"}]
    values = run(f"describe-registration-field-values --registration-id {vetting}")["RegistrationFieldValues"]
    assert values == [{"FieldPath": "brandInfo.brandRegistrationId", "TextValue": brand, "DeniedReason": "Use the brand ARN"}]


def fill_brand(run, brand):
    for path, option in (
        ("companyInfo.legalCompanyName", "--text-value 'Example Corp'"), ("companyInfo.taxId", "--text-value 123456789"),
        ("companyInfo.taxIdIssuingCountry", "--text-value US"), ("companyInfo.legalType", "--select-choices PRIVATE_PROFIT"),
        ("companyInfo.address", "--text-value '123 Main St'"), ("companyInfo.city", "--text-value Seattle"),
        ("companyInfo.state", "--text-value WA"), ("companyInfo.zipCode", "--text-value 98101"),
        ("companyInfo.isoCountryCode", "--text-value US"), ("contactInfo.vertical", "--select-choices TECHNOLOGY"),
        ("contactInfo.website", "--text-value https://example.com"),
        ("contactInfo.supportEmail", "--text-value support@example.com"),
        ("contactInfo.supportPhoneNumber", "--text-value +12065550142"),
    ):  # fmt: skip
        run(f"put-registration-field-value --registration-id {brand} --field-path {path} {option}")


@pytest.mark.parametrize("how", ["configure", "env"])
def test_the_registration_review_setting_approves_on_submit(run, smscli, monkeypatch, how):
    if how == "configure":
        assert smscli("configure", "set", "registration_review", "approve").code == 0
    else:
        monkeypatch.setenv("SMSCLI_REGISTRATION_REVIEW", "approve")
    run("create-registration --registration-type US_TEN_DLC_BRAND_REGISTRATION")
    fill_brand(run, REGISTRATION_1)
    assert run(f"submit-registration-version --registration-id {REGISTRATION_1}")["RegistrationVersionStatus"] == "SUBMITTED"
    assert run("describe-registrations")["Registrations"][0]["RegistrationStatus"] == "COMPLETE"


def test_a_bad_review_setting_is_a_configuration_error(smscli, monkeypatch):
    monkeypatch.setenv("SMSCLI_REGISTRATION_REVIEW", "sometimes")
    result = smscli("describe-registrations")
    assert result.code == 253 and "registration_review must be one of manual, approve" in result.err


def test_discarding_a_draft_is_refused(run):
    run("create-registration --registration-type US_TEN_DLC_BRAND_REGISTRATION")
    refused = run(f"discard-registration-version --registration-id {REGISTRATION_1}", code=254)
    assert refused.out == ""
    assert refused.err == (
        "smscli: [ERROR]: An error occurred (ConflictException) when calling the DiscardRegistrationVersion operation: "
        f"Version 1 of the registration {REGISTRATION_1} is DRAFT; only a SUBMITTED version can be discarded (edit the "
        "draft, or delete the registration).\n\nAdditional error details:\nReason: DISCARD_REGISTRATION_VERSION_NOT_ALLOWED\n"
        f"ResourceType: registration\nResourceId: {REGISTRATION_1}\n")  # fmt: skip
    listed = run(f"describe-registration-versions --registration-id {REGISTRATION_1}")
    assert [v["RegistrationVersionStatus"] for v in listed["RegistrationVersions"]] == ["DRAFT"]
