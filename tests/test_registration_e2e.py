"""End to end: a 10DLC rollout as an operator rehearses it (brand, review, campaign with an attachment,
the number turning ACTIVE, a send), every JSON response and refusal compared with the golden transcript
tests/golden/cli/ten_dlc_rollout.txt."""

from __future__ import annotations

from conftest import Transcript, assert_golden
from registration_data import BRAND_FIELDS, CAMPAIGN_FIELDS, PNG

SUCCESS = "+14254147755"


def test_ten_dlc_rollout(smscli, fixed_context, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "opt-in.png").write_bytes(PNG)
    run = Transcript(smscli)
    run("describe-registration-type-definitions --filters Name=supported-association-resource-type,Values=TEN_DLC")
    # the brand
    run("create-registration --registration-type US_TEN_DLC_BRAND_REGISTRATION --tags Key=Name,Value=example-corp",
        {"brand": "RegistrationId"})
    run("put-registration-field-value --registration-id {brand} --field-path contactInfo.website --text-value example.com",
        code=254)  # the form wants http:// or https://
    for path, value in BRAND_FIELDS:
        run(f"put-registration-field-value --registration-id {{brand}} --field-path {path} {value}")
    run("submit-registration-version --registration-id {brand}")
    run("sim review {brand} --approve")
    # a 10DLC number waits for its campaign
    run("request-phone-number --iso-country-code US --message-type TRANSACTIONAL --number-capabilities SMS "
        "--number-type TEN_DLC", {"number": "PhoneNumberId"})
    run(f"send-text-message --destination-phone-number {SUCCESS} --origination-identity {{number}} "
        "--message-body 'Your balance is below $100.'", code=254)
    # the campaign, with an opt-in screenshot
    run("create-registration --registration-type US_TEN_DLC_CAMPAIGN_REGISTRATION --tags Key=Name,Value=account-alerts",
        {"campaign": "RegistrationId"})
    run("create-registration-attachment --attachment-body fileb://opt-in.png", {"screenshot": "RegistrationAttachmentId"})
    run("describe-registration-attachments")
    for path, value in CAMPAIGN_FIELDS:
        run(f"put-registration-field-value --registration-id {{campaign}} --field-path {path} {value}")
    run("describe-registration-field-values --registration-id {campaign} --section-path campaignUseCase")
    run("create-registration-association --registration-id {campaign} --resource-id {number}", code=254)  # not approved yet
    run("submit-registration-version --registration-id {campaign}")
    run("sim review {campaign} --approve")
    run("create-registration-association --registration-id {campaign} --resource-id {number}")
    run("describe-phone-numbers --phone-number-ids {number} --query 'PhoneNumbers[0].[PhoneNumber,Status,RegistrationId]'")
    run(f"send-text-message --destination-phone-number {SUCCESS} --origination-identity {{number}} "
        "--message-body 'Your balance is below $100.'")
    run("list-registration-associations --registration-id {campaign}")
    run("describe-registrations")
    run("describe-registration-versions --registration-id {campaign}")
    assert_golden("cli/ten_dlc_rollout.txt", run.text())
