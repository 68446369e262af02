"""Registrations through the service entry point: the catalogue, the version lifecycle, field values,
attachments, associations and how they gate numbers, and the simulated review."""

from __future__ import annotations

import base64

import pytest

from conftest import FIXED_NOW as NOW
from conftest import fresh
from smscli.service import registration_catalog, registrations
from smscli.service.dispatch import Service
from smscli.service.errors import (
    ConflictException,
    ResourceNotFoundException,
    ServiceQuotaExceededException,
    ValidationException,
)
from smscli.service.region import Context

ACCOUNT = "arn:aws:sms-voice:us-east-1:123456789012"
BRAND, CAMPAIGN, TOLL_FREE = "US_TEN_DLC_BRAND_REGISTRATION", "US_TEN_DLC_CAMPAIGN_REGISTRATION", "US_TOLL_FREE_REGISTRATION"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
PDF = b"%PDF-1.7\n" + b"\0" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 64
SUCCESS = "+14254147755"


def hex_id(n: int) -> str:
    return f"{n:032x}"


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def raises(exception, call, *args, **kwargs):
    with pytest.raises(exception) as raised:
        call(*args, **kwargs)
    return raised.value


def create(service, registration_type=BRAND, **extra):
    return service.call("CreateRegistration", {"RegistrationType": registration_type, **extra})


def put(service, registration_id, path, **value):
    return service.call("PutRegistrationFieldValue", {"RegistrationId": registration_id, "FieldPath": path, **value})


def submit(service, registration_id, **extra):
    return service.call("SubmitRegistrationVersion", {"RegistrationId": registration_id, **extra})


def review(service, registration_id, decision="approve", reason=None, field_paths=()):
    with service.write_region() as region:
        return registrations.review(region, registration_id, decision, reason, field_paths)


BRAND_VALUES = {
    "companyInfo.legalCompanyName": {"TextValue": "Example Corp"},
    "companyInfo.taxId": {"TextValue": "123456789"},
    "companyInfo.taxIdIssuingCountry": {"TextValue": "US"},
    "companyInfo.legalType": {"SelectChoices": ["PRIVATE_PROFIT"]},
    "companyInfo.address": {"TextValue": "123 Main St"},
    "companyInfo.city": {"TextValue": "Seattle"},
    "companyInfo.state": {"TextValue": "WA"},
    "companyInfo.zipCode": {"TextValue": "98101"},
    "companyInfo.isoCountryCode": {"TextValue": "US"},
    "contactInfo.vertical": {"SelectChoices": ["TECHNOLOGY"]},
    "contactInfo.website": {"TextValue": "https://example.com"},
    "contactInfo.supportEmail": {"TextValue": "support@example.com"},
    "contactInfo.supportPhoneNumber": {"TextValue": "+12065550142"},
}


def campaign_values(brand_id: str) -> dict:
    return {
        "campaignInfo.brandRegistrationId": {"TextValue": brand_id},
        "campaignInfo.campaignName": {"TextValue": "Account alerts"},
        "campaignInfo.campaignDescription": {"TextValue": "Alerts about our customers' accounts."},
        "campaignInfo.vertical": {"SelectChoices": ["TECHNOLOGY"]},
        "campaignInfo.optInWorkflow": {"TextValue": "Customers opt in on https://example.com/sms and confirm by text."},
        "campaignInfo.helpMessage": {"TextValue": "ExampleCorp Alerts: help at example.com. Msg&data rates may apply."},
        "campaignInfo.stopMessage": {"TextValue": "You are unsubscribed from ExampleCorp Alerts. No more messages."},
        "campaignCapabilities.numberCapability": {"SelectChoices": ["SMS"]},
        "campaignCapabilities.messageType": {"SelectChoices": ["TRANSACTIONAL"]},
        "campaignUseCase.useCase": {"SelectChoices": ["ACCOUNT_NOTIFICATION"]},
        "campaignUseCase.subscriberOptIn": {"SelectChoices": ["YES"]},
        "campaignUseCase.subscriberOptOut": {"SelectChoices": ["YES"]},
        "campaignUseCase.subscriberHelp": {"SelectChoices": ["YES"]},
        "messageSamples.messageSample1": {"TextValue": "ExampleCorp: your balance is below $100. Reply STOP to opt out."},
    }


def fill(service, registration_id, values):
    for path, value in values.items():
        put(service, registration_id, path, **value)


def approved(service, registration_type, values):
    registration_id = create(service, registration_type)["RegistrationId"]
    fill(service, registration_id, values)
    submit(service, registration_id)
    review(service, registration_id)
    return registration_id


def approved_brand(service):
    return approved(service, BRAND, BRAND_VALUES)


def approved_campaign(service):
    return approved(service, CAMPAIGN, campaign_values(approved_brand(service)))


def ten_dlc(service, **extra):
    return service.call("RequestPhoneNumber", {"IsoCountryCode": "US", "MessageType": "TRANSACTIONAL",
                                               "NumberCapabilities": ["SMS"], "NumberType": "TEN_DLC", **extra})  # fmt: skip


def toll_free(service, **extra):
    return ten_dlc(service, NumberType="TOLL_FREE", **extra)


def number_status(service, number_id):
    return fresh(service).call("DescribePhoneNumbers", {"PhoneNumberIds": [number_id]})["PhoneNumbers"][0]["Status"]


def registration(service, registration_id):
    return fresh(service).call("DescribeRegistrations", {"RegistrationIds": [registration_id]})["Registrations"][0]


def versions(service, registration_id):
    return fresh(service).call("DescribeRegistrationVersions", {"RegistrationId": registration_id})["RegistrationVersions"]


# ---------------------------------------------------------------------------------------------
# The catalogue


def test_type_definitions_list_the_catalogue_and_filter_on_supported_associations(service):
    listed = service.call("DescribeRegistrationTypeDefinitions", {})["RegistrationTypeDefinitions"]
    assert [d["RegistrationType"] for d in listed] == [
        TOLL_FREE, BRAND, "US_TEN_DLC_BRAND_VETTING", CAMPAIGN, "SG_SENDER_ID_REGISTRATION", "IN_SENDER_ID_REGISTRATION"]
    assert listed[3] == {
        "RegistrationType": CAMPAIGN,
        "SupportedAssociations": [{"ResourceType": "TEN_DLC", "IsoCountryCode": "US",
                                   "AssociationBehavior": "ASSOCIATE_AFTER_COMPLETE",
                                   "DisassociationBehavior": "DISASSOCIATE_ALL_ALLOWS_DELETE_REGISTRATION"}],
        "DisplayHints": {"Title": "US 10DLC Campaign registration", "ShortDescription": listed[3]["DisplayHints"]["ShortDescription"],
                         "DocumentationTitle": "10DLC campaign registration form"},
    }  # fmt: skip
    by_resource = service.call("DescribeRegistrationTypeDefinitions", {"Filters": [
        {"Name": "supported-association-resource-type", "Values": ["SENDER_ID"]},
        {"Name": "supported-association-iso-country-code", "Values": ["SG", "US"]}]})  # fmt: skip
    assert [d["RegistrationType"] for d in by_resource["RegistrationTypeDefinitions"]] == ["SG_SENDER_ID_REGISTRATION"]
    chosen = service.call("DescribeRegistrationTypeDefinitions", {"RegistrationTypes": [CAMPAIGN, BRAND, CAMPAIGN]})
    assert [d["RegistrationType"] for d in chosen["RegistrationTypeDefinitions"]] == [CAMPAIGN, BRAND]
    error = raises(ValidationException, service.call, "DescribeRegistrationTypeDefinitions",
                   {"RegistrationTypes": ["US_SHORT_CODE_REGISTRATION"]})  # fmt: skip
    assert (error.reason, error.fields[0]["Name"]) == ("UNKNOWN_REGISTRATION_TYPE", "RegistrationTypes")


def test_type_definitions_page(service):
    first = service.call("DescribeRegistrationTypeDefinitions", {"MaxResults": 4})
    assert len(first["RegistrationTypeDefinitions"]) == 4
    rest = service.call("DescribeRegistrationTypeDefinitions", {"MaxResults": 4, "NextToken": first["NextToken"]})
    assert [d["RegistrationType"] for d in rest["RegistrationTypeDefinitions"]] == ["SG_SENDER_ID_REGISTRATION", "IN_SENDER_ID_REGISTRATION"]
    assert "NextToken" not in rest


def test_section_and_field_definitions(service):
    sections = service.call("DescribeRegistrationSectionDefinitions", {"RegistrationType": CAMPAIGN})
    assert sections["RegistrationType"] == CAMPAIGN
    assert [s["SectionPath"] for s in sections["RegistrationSectionDefinitions"]] == [
        "campaignInfo", "campaignCapabilities", "campaignUseCase", "messageSamples"]
    picked = service.call("DescribeRegistrationSectionDefinitions", {"RegistrationType": CAMPAIGN, "SectionPaths": ["messageSamples"]})
    assert picked["RegistrationSectionDefinitions"] == [{"SectionPath": "messageSamples", "DisplayHints": {
        "Title": "Message samples", "ShortDescription": "The messages you plan to send, at least 20 characters each."}}]
    error = raises(ValidationException, service.call, "DescribeRegistrationSectionDefinitions",
                   {"RegistrationType": CAMPAIGN, "SectionPaths": ["companyInfo"]})  # fmt: skip
    assert (error.reason, error.fields[0]["Name"]) == ("UNKNOWN_REGISTRATION_SECTION", "SectionPaths")
    error = raises(ValidationException, service.call, "DescribeRegistrationSectionDefinitions", {"RegistrationType": "NOPE"})
    assert error.reason == "UNKNOWN_REGISTRATION_TYPE"

    fields = service.call("DescribeRegistrationFieldDefinitions", {"RegistrationType": CAMPAIGN, "SectionPath": "campaignInfo"})
    paths = [f["FieldPath"] for f in fields["RegistrationFieldDefinitions"]]
    assert paths[:2] == ["campaignInfo.brandRegistrationId", "campaignInfo.campaignName"] and len(paths) == 10
    help_message = service.call("DescribeRegistrationFieldDefinitions", {
        "RegistrationType": CAMPAIGN, "FieldPaths": ["campaignInfo.helpMessage"]})["RegistrationFieldDefinitions"][0]  # fmt: skip
    assert help_message["TextValidation"] == {"MinLength": 20, "MaxLength": 160, "Pattern": r"(?!\s*$)[\s\S]+"}
    assert help_message["FieldRequirement"] == "REQUIRED" and "references" not in help_message
    image = service.call("DescribeRegistrationFieldDefinitions", {
        "RegistrationType": TOLL_FREE, "FieldPaths": ["messagingUseCase.optInImage"]})["RegistrationFieldDefinitions"][0]  # fmt: skip
    assert image == {"SectionPath": "messagingUseCase", "FieldPath": "messagingUseCase.optInImage", "FieldType": "ATTACHMENT",
                     "FieldRequirement": "REQUIRED", "DisplayHints": image["DisplayHints"]}  # hidden rules never shown
    for request, reason in (({"SectionPath": "nope"}, "UNKNOWN_REGISTRATION_SECTION"),
                            ({"FieldPaths": ["campaignInfo.nope"]}, "UNKNOWN_REGISTRATION_FIELD")):  # fmt: skip
        error = raises(ValidationException, service.call, "DescribeRegistrationFieldDefinitions", {"RegistrationType": CAMPAIGN, **request})
        assert error.reason == reason
    paged = service.call("DescribeRegistrationFieldDefinitions", {"RegistrationType": CAMPAIGN, "MaxResults": 2})
    assert paged["RegistrationType"] == CAMPAIGN and len(paged["RegistrationFieldDefinitions"]) == 2 and paged["NextToken"]


def test_every_catalogue_entry_fits_the_output_shapes():
    from smscli.service.records import project

    for definition in registration_catalog.TYPES:
        for field in definition["fields"]:
            shown = project(field, "RegistrationFieldDefinition")
            assert set(shown) >= {"SectionPath", "FieldPath", "FieldType", "FieldRequirement", "DisplayHints"}
            assert field["SectionPath"] in [s["SectionPath"] for s in definition["sections"]]
        for rule in definition.get("rules", ()):
            paths = {f["FieldPath"] for f in definition["fields"]}
            assert rule["when"]["field"] in paths and rule["require"]["field"] in paths


# ---------------------------------------------------------------------------------------------
# Registrations


def test_create_answers_created_with_a_draft_version_1(service):
    reply = create(service, Tags=[{"Key": "Name", "Value": "Example brand"}])
    registration_id = "registration-" + hex_id(1)
    assert reply == {
        "RegistrationArn": f"{ACCOUNT}:registration/{registration_id}", "RegistrationId": registration_id,
        "RegistrationType": BRAND, "RegistrationStatus": "CREATED", "CurrentVersionNumber": 1,
        "Tags": [{"Key": "Name", "Value": "Example brand"}], "CreatedTimestamp": NOW,
    }  # fmt: skip
    assert versions(service, registration_id) == [{"VersionNumber": 1, "RegistrationVersionStatus": "DRAFT",
                                                   "RegistrationVersionStatusHistory": {"DraftTimestamp": NOW}}]  # fmt: skip
    tags = fresh(service).call("ListTagsForResource", {"ResourceArn": reply["RegistrationArn"]})["Tags"]
    assert tags == [{"Key": "Name", "Value": "Example brand"}]


def test_create_refuses_an_unknown_type_and_the_26th_registration(service):
    error = raises(ValidationException, create, service, "US_TEN_DLC_BRAND")
    assert (error.reason, error.fields[0]["Name"]) == ("UNKNOWN_REGISTRATION_TYPE", "RegistrationType")
    for _ in range(25):
        create(service)
    error = raises(ServiceQuotaExceededException, create, service)
    assert error.reason == "REGISTRATIONS_PER_ACCOUNT"
    limits = fresh(service).call("DescribeAccountLimits", {})["AccountLimits"]
    assert {"Name": "REGISTRATIONS", "Used": 25, "Max": 25} in limits


def test_create_replays_a_client_token(service):
    first = create(service, ClientToken="brand-1")
    assert create(service, ClientToken="brand-1") == first
    assert len(fresh(service).call("DescribeRegistrations", {})["Registrations"]) == 1


def test_describe_by_id_or_arn_and_filters(service):
    brand = create(service)
    campaign = create(service, CAMPAIGN)
    everything = service.call("DescribeRegistrations", {})["Registrations"]
    assert [r["RegistrationId"] for r in everything] == [brand["RegistrationId"], campaign["RegistrationId"]]
    assert "Tags" not in everything[0]
    by_arn = service.call("DescribeRegistrations", {"RegistrationIds": [campaign["RegistrationArn"]]})["Registrations"]
    assert [r["RegistrationId"] for r in by_arn] == [campaign["RegistrationId"]]
    typed = service.call("DescribeRegistrations", {"Filters": [{"Name": "registration-type", "Values": [CAMPAIGN]}]})
    assert [r["RegistrationId"] for r in typed["Registrations"]] == [campaign["RegistrationId"]]
    status = service.call("DescribeRegistrations", {"Filters": [{"Name": "registration-status", "Values": ["COMPLETE"]}]})
    assert status["Registrations"] == []
    error = raises(ValidationException, service.call, "DescribeRegistrations",
                   {"Filters": [{"Name": "registration-status", "Values": ["DONE"]}]})  # fmt: skip
    assert error.reason == "INVALID_FILTER_VALUES"
    error = raises(ResourceNotFoundException, service.call, "DescribeRegistrations", {"RegistrationIds": ["registration-nope"]})
    assert (error.resource_type, error.resource_id) == ("registration", "registration-nope")
    error = raises(ValidationException, service.call, "DescribeRegistrations",
                   {"RegistrationIds": [f"{ACCOUNT}:pool/pool-{hex_id(1)}"]})  # fmt: skip
    assert error.reason == "INVALID_ARN"


# ---------------------------------------------------------------------------------------------
# Field values


def test_put_answers_the_value_and_describe_lists_values_in_catalogue_order(service):
    registration_id = create(service)["RegistrationId"]
    reply = put(service, registration_id, "contactInfo.vertical", SelectChoices=["RETAIL"])
    assert reply == {"RegistrationArn": f"{ACCOUNT}:registration/{registration_id}", "RegistrationId": registration_id,
                     "VersionNumber": 1, "FieldPath": "contactInfo.vertical", "SelectChoices": ["RETAIL"]}  # fmt: skip
    put(service, registration_id, "companyInfo.city", TextValue="Seattle")
    put(service, registration_id, "companyInfo.city", TextValue="Tacoma")  # a put replaces
    listed = fresh(service).call("DescribeRegistrationFieldValues", {"RegistrationId": registration_id})
    assert listed == {
        "RegistrationArn": f"{ACCOUNT}:registration/{registration_id}", "RegistrationId": registration_id, "VersionNumber": 1,
        "RegistrationFieldValues": [{"FieldPath": "companyInfo.city", "TextValue": "Tacoma"},
                                    {"FieldPath": "contactInfo.vertical", "SelectChoices": ["RETAIL"]}],
    }  # fmt: skip
    section = service.call("DescribeRegistrationFieldValues", {"RegistrationId": registration_id, "SectionPath": "contactInfo"})
    assert [v["FieldPath"] for v in section["RegistrationFieldValues"]] == ["contactInfo.vertical"]
    chosen = service.call("DescribeRegistrationFieldValues", {"RegistrationId": registration_id, "FieldPaths": ["companyInfo.city"]})
    assert [v["FieldPath"] for v in chosen["RegistrationFieldValues"]] == ["companyInfo.city"]
    for request, reason in (({"VersionNumber": 2}, "UNKNOWN_REGISTRATION_VERSION"), ({"SectionPath": "nope"}, "UNKNOWN_REGISTRATION_SECTION"),
                            ({"FieldPaths": ["nope.nope"]}, "UNKNOWN_REGISTRATION_FIELD")):  # fmt: skip
        error = raises(ValidationException, service.call, "DescribeRegistrationFieldValues", {"RegistrationId": registration_id, **request})
        assert error.reason == reason


@pytest.mark.parametrize("path, value, reason, name", [
    ("companyInfo.nope", {"TextValue": "x"}, "UNKNOWN_REGISTRATION_FIELD", "FieldPath"),
    ("companyInfo.city", {}, "MISSING_PARAMETER", "TextValue"),
    ("companyInfo.city", {"SelectChoices": ["Seattle"]}, "INVALID_PARAMETER", "SelectChoices"),
    ("companyInfo.city", {"TextValue": "Seattle", "SelectChoices": ["x"]}, "INVALID_PARAMETER", "SelectChoices"),
    ("contactInfo.vertical", {"TextValue": "RETAIL"}, "INVALID_PARAMETER", "TextValue"),
    ("companyInfo.city", {"TextValue": "x" * 101}, "FIELD_VALIDATION_FAILED", "companyInfo.city"),
    ("companyInfo.city", {"TextValue": "   "}, "FIELD_VALIDATION_FAILED", "companyInfo.city"),
    ("contactInfo.website", {"TextValue": "example.com"}, "FIELD_VALIDATION_FAILED", "contactInfo.website"),
    ("contactInfo.supportPhoneNumber", {"TextValue": "+1206555014a"}, "FIELD_VALIDATION_FAILED", "contactInfo.supportPhoneNumber"),
    ("contactInfo.supportEmail", {"TextValue": "support"}, "FIELD_VALIDATION_FAILED", "contactInfo.supportEmail"),
    ("companyInfo.taxIdIssuingCountry", {"TextValue": "USA"}, "FIELD_VALIDATION_FAILED", "companyInfo.taxIdIssuingCountry"),
    ("contactInfo.vertical", {"SelectChoices": ["SPACE"]}, "FIELD_VALIDATION_FAILED", "contactInfo.vertical"),
    ("contactInfo.vertical", {"SelectChoices": ["RETAIL", "LEGAL"]}, "FIELD_VALIDATION_FAILED", "contactInfo.vertical"),
    ("contactInfo.vertical", {"SelectChoices": []}, "FIELD_VALIDATION_FAILED", "contactInfo.vertical"),
])  # fmt: skip
def test_a_value_is_checked_by_its_field_definition(service, path, value, reason, name):
    registration_id = create(service)["RegistrationId"]
    error = raises(ValidationException, put, service, registration_id, path, **value)
    assert (error.reason, error.fields[0]["Name"]) == (reason, name)


def test_select_counts_and_duplicates(service):
    campaign_id = create(service, CAMPAIGN)["RegistrationId"]
    put(service, campaign_id, "campaignUseCase.subUseCases", SelectChoices=["MARKETING", "FRAUD_ALERT"])
    six = ["TWO_FACTOR_AUTHENTICATION", "ACCOUNT_NOTIFICATION", "CUSTOMER_CARE", "DELIVERY_NOTIFICATION", "FRAUD_ALERT", "MARKETING"]
    error = raises(ValidationException, put, service, campaign_id, "campaignUseCase.subUseCases", SelectChoices=six)
    assert error.reason == "FIELD_VALIDATION_FAILED" and "1 to 5 choices" in error.message
    error = raises(ValidationException, put, service, campaign_id, "campaignUseCase.subUseCases", SelectChoices=["MARKETING", "MARKETING"])
    assert error.reason == "FIELD_VALIDATION_FAILED"
    error = raises(ValidationException, put, service, campaign_id, "campaignInfo.helpMessage", TextValue="Reply HELP")
    assert "20 to 160 characters" in error.message


def test_a_reference_names_an_existing_registration_of_the_right_type(service):
    campaign_id = create(service, CAMPAIGN)["RegistrationId"]
    other_campaign = create(service, CAMPAIGN)["RegistrationId"]
    error = raises(ResourceNotFoundException, put, service, campaign_id, "campaignInfo.brandRegistrationId",
                   TextValue="registration-" + "f" * 32)  # fmt: skip
    assert (error.resource_type, error.resource_id) == ("registration", "registration-" + "f" * 32)
    error = raises(ValidationException, put, service, campaign_id, "campaignInfo.brandRegistrationId", TextValue=other_campaign)
    assert error.reason == "FIELD_VALIDATION_FAILED"
    brand = create(service)
    put(service, campaign_id, "campaignInfo.brandRegistrationId", TextValue=brand["RegistrationArn"])  # an ARN works too


def test_attachment_values(service):
    toll_free_id = create(service, TOLL_FREE)["RegistrationId"]
    png = service.call("CreateRegistrationAttachment", {"AttachmentBody": b64(PNG)})["RegistrationAttachmentId"]
    pdf = service.call("CreateRegistrationAttachment", {"AttachmentBody": b64(PDF)})["RegistrationAttachmentId"]
    reply = put(service, toll_free_id, "messagingUseCase.optInImage", RegistrationAttachmentId=f"{ACCOUNT}:registration-attachment/{png}")
    assert reply["RegistrationAttachmentId"] == png  # stored as the id
    error = raises(ValidationException, put, service, toll_free_id, "messagingUseCase.optInImage", RegistrationAttachmentId=pdf)
    assert (error.reason, error.fields[0]["Name"]) == ("ATTACHMENT_TYPE_NOT_SUPPORTED", "messagingUseCase.optInImage")
    big = service.call("CreateRegistrationAttachment", {"AttachmentBody": b64(PNG + b"\0" * 450 * 1024)})["RegistrationAttachmentId"]
    error = raises(ValidationException, put, service, toll_free_id, "messagingUseCase.optInImage", RegistrationAttachmentId=big)
    assert error.reason == "MAXIMUM_SIZE_EXCEEDED"  # the form's 400 KB
    error = raises(ResourceNotFoundException, put, service, toll_free_id, "messagingUseCase.optInImage",
                   RegistrationAttachmentId="attachment-nope")  # fmt: skip
    assert (error.resource_type, error.resource_id) == ("registration-attachment", "attachment-nope")


def test_delete_a_field_value(service):
    registration_id = create(service)["RegistrationId"]
    put(service, registration_id, "companyInfo.city", TextValue="Seattle")
    reply = service.call("DeleteRegistrationFieldValue", {"RegistrationId": registration_id, "FieldPath": "companyInfo.city"})
    assert reply == {"RegistrationArn": f"{ACCOUNT}:registration/{registration_id}", "RegistrationId": registration_id,
                     "VersionNumber": 1, "FieldPath": "companyInfo.city", "TextValue": "Seattle"}  # fmt: skip
    error = raises(ValidationException, service.call, "DeleteRegistrationFieldValue",
                   {"RegistrationId": registration_id, "FieldPath": "companyInfo.city"})  # fmt: skip
    assert error.reason == "REGISTRATION_FIELD_CANNOT_BE_DELETED"
    error = raises(ValidationException, service.call, "DeleteRegistrationFieldValue",
                   {"RegistrationId": registration_id, "FieldPath": "companyInfo.nope"})  # fmt: skip
    assert error.reason == "UNKNOWN_REGISTRATION_FIELD"
    error = raises(ResourceNotFoundException, service.call, "DeleteRegistrationFieldValue",
                   {"RegistrationId": "registration-nope", "FieldPath": "companyInfo.city"})  # fmt: skip
    assert error.resource_type == "registration"


# ---------------------------------------------------------------------------------------------
# The version lifecycle


def test_submit_needs_every_required_field(service):
    registration_id = create(service)["RegistrationId"]
    put(service, registration_id, "companyInfo.city", TextValue="Seattle")
    error = raises(ValidationException, submit, service, registration_id)
    assert error.reason == "FIELD_VALIDATION_FAILED"
    required = [path for path in BRAND_VALUES if path != "companyInfo.city"]
    assert [field["Name"] for field in error.fields] == required
    assert versions(service, registration_id)[0]["RegistrationVersionStatus"] == "DRAFT"


def test_conditional_fields_and_rules(service):
    registration_id = create(service)["RegistrationId"]
    fill(service, registration_id, {**BRAND_VALUES, "companyInfo.legalType": {"SelectChoices": ["PUBLIC_PROFIT"]}})
    error = raises(ValidationException, submit, service, registration_id)
    assert [f["Name"] for f in error.fields] == ["companyInfo.stockSymbol", "companyInfo.stockExchange"]
    put(service, registration_id, "companyInfo.legalType", SelectChoices=["NON_PROFIT"])
    put(service, registration_id, "companyInfo.taxIdIssuingCountry", TextValue="CA")
    error = raises(ValidationException, submit, service, registration_id)
    assert error.fields == [{"Name": "companyInfo.taxIdIssuingCountry", "Message": "US government and Not-for-profit are for "
                             "United States organizations only; register others as Private for-profit."}]  # fmt: skip
    put(service, registration_id, "companyInfo.taxIdIssuingCountry", TextValue="US")
    assert submit(service, registration_id)["RegistrationVersionStatus"] == "SUBMITTED"


def test_submit_discard_new_version_and_the_status_history(service, clock):
    registration_id = create(service)["RegistrationId"]
    fill(service, registration_id, BRAND_VALUES)
    clock.now += 60
    reply = submit(service, registration_id)
    assert reply == {"RegistrationArn": f"{ACCOUNT}:registration/{registration_id}", "RegistrationId": registration_id,
                     "VersionNumber": 1, "RegistrationVersionStatus": "SUBMITTED",
                     "RegistrationVersionStatusHistory": {"DraftTimestamp": NOW, "SubmittedTimestamp": NOW + 60},
                     "AwsReview": False}  # fmt: skip
    assert registration(service, registration_id)["RegistrationStatus"] == "SUBMITTED"
    error = raises(ConflictException, submit, service, registration_id)
    assert (error.reason, error.resource_type, error.resource_id) == ("REGISTRATION_ALREADY_SUBMITTED", "registration", registration_id)
    error = raises(ConflictException, put, service, registration_id, "companyInfo.city", TextValue="Tacoma")
    assert (error.reason, error.resource_type, error.resource_id) == (
        "EDIT_REGISTRATION_FIELD_VALUES_NOT_ALLOWED", "registration", registration_id)
    error = raises(ConflictException, service.call, "CreateRegistrationVersion", {"RegistrationId": registration_id})
    assert error.reason == "CREATE_REGISTRATION_VERSION_NOT_ALLOWED"
    error = raises(ConflictException, service.call, "DeleteRegistrationFieldValue",
                   {"RegistrationId": registration_id, "FieldPath": "companyInfo.city"})  # fmt: skip
    assert error.reason == "EDIT_REGISTRATION_FIELD_VALUES_NOT_ALLOWED"

    clock.now += 60
    discarded = service.call("DiscardRegistrationVersion", {"RegistrationId": registration_id})
    assert discarded["RegistrationVersionStatus"] == "DISCARDED"
    assert discarded["RegistrationVersionStatusHistory"]["DiscardedTimestamp"] == NOW + 120
    assert registration(service, registration_id)["RegistrationStatus"] == "CREATED"
    error = raises(ConflictException, service.call, "DiscardRegistrationVersion", {"RegistrationId": registration_id})
    assert error.reason == "DISCARD_REGISTRATION_VERSION_NOT_ALLOWED"
    error = raises(ConflictException, submit, service, registration_id)
    assert error.reason == "SUBMIT_REGISTRATION_VERSION_NOT_ALLOWED"

    clock.now += 60
    second = service.call("CreateRegistrationVersion", {"RegistrationId": registration_id})
    assert second == {"RegistrationArn": f"{ACCOUNT}:registration/{registration_id}", "RegistrationId": registration_id,
                      "VersionNumber": 2, "RegistrationVersionStatus": "DRAFT",
                      "RegistrationVersionStatusHistory": {"DraftTimestamp": NOW + 180}}  # fmt: skip
    assert registration(service, registration_id)["CurrentVersionNumber"] == 2
    copied = fresh(service).call("DescribeRegistrationFieldValues", {"RegistrationId": registration_id})
    assert copied["VersionNumber"] == 2 and len(copied["RegistrationFieldValues"]) == len(BRAND_VALUES)
    put(service, registration_id, "companyInfo.city", TextValue="Tacoma")  # version 2 is editable, version 1 kept as it was
    old = service.call("DescribeRegistrationFieldValues", {"RegistrationId": registration_id, "VersionNumber": 1,
                                                           "FieldPaths": ["companyInfo.city"]})  # fmt: skip
    assert old["RegistrationFieldValues"] == [{"FieldPath": "companyInfo.city", "TextValue": "Seattle"}]
    picked = service.call("DescribeRegistrationVersions", {"RegistrationId": registration_id, "VersionNumbers": [2]})
    assert [v["VersionNumber"] for v in picked["RegistrationVersions"]] == [2]
    drafts = service.call("DescribeRegistrationVersions", {"RegistrationId": registration_id,
                                                           "Filters": [{"Name": "registration-version-status", "Values": ["DISCARDED"]}]})  # fmt: skip
    assert [v["VersionNumber"] for v in drafts["RegistrationVersions"]] == [1]
    error = raises(ValidationException, service.call, "DescribeRegistrationVersions", {"RegistrationId": registration_id, "VersionNumbers": [3]})
    assert error.reason == "UNKNOWN_REGISTRATION_VERSION"


def test_only_a_submitted_version_can_be_discarded(service):
    """The user guide: "You can only discard the registration if it's status us Submitted" (8402-8404)."""
    registration_id = create(service)["RegistrationId"]
    error = raises(ConflictException, service.call, "DiscardRegistrationVersion", {"RegistrationId": registration_id})
    assert (error.reason, error.resource_type, error.resource_id) == (
        "DISCARD_REGISTRATION_VERSION_NOT_ALLOWED", "registration", registration_id)
    assert str(error) == (f"Version 1 of the registration {registration_id} is DRAFT; only a SUBMITTED version can be "
                          "discarded (edit the draft, or delete the registration).")  # fmt: skip
    assert [v["RegistrationVersionStatus"] for v in versions(service, registration_id)] == ["DRAFT"]
    assert registration(service, registration_id)["RegistrationStatus"] == "CREATED"
    put(service, registration_id, "companyInfo.city", TextValue="Tacoma")  # the draft is still editable

    fill(service, registration_id, BRAND_VALUES)
    submit(service, registration_id, AwsReview=True)  # under AWS review: past "Submitted"
    error = raises(ConflictException, service.call, "DiscardRegistrationVersion", {"RegistrationId": registration_id})
    assert error.reason == "DISCARD_REGISTRATION_VERSION_NOT_ALLOWED"
    assert str(error) == (f"Version 1 of the registration {registration_id} is AWS_REVIEWING; only a SUBMITTED version "
                          "can be discarded.")  # fmt: skip
    assert [v["RegistrationVersionStatus"] for v in versions(service, registration_id)] == ["AWS_REVIEWING"]
    review(service, registration_id, "approve")
    error = raises(ConflictException, service.call, "DiscardRegistrationVersion", {"RegistrationId": registration_id})
    assert error.reason == "DISCARD_REGISTRATION_VERSION_NOT_ALLOWED"
    assert [v["RegistrationVersionStatus"] for v in versions(service, registration_id)] == ["APPROVED"]

    service.call("CreateRegistrationVersion", {"RegistrationId": registration_id})
    submit(service, registration_id)
    discarded = service.call("DiscardRegistrationVersion", {"RegistrationId": registration_id})
    assert (discarded["VersionNumber"], discarded["RegistrationVersionStatus"]) == (2, "DISCARDED")
    assert registration(service, registration_id)["RegistrationStatus"] == "COMPLETE"  # version 1 is still approved


def test_review_approve_deny_request_updates_and_archive(service, clock):
    registration_id = create(service)["RegistrationId"]
    fill(service, registration_id, BRAND_VALUES)
    submit(service, registration_id)
    clock.now += 3600
    outcome = review(service, registration_id, "request-updates", "The tax ID does not match the legal name.", ("companyInfo.taxId",))
    assert outcome["RegistrationStatus"] == "REQUIRES_UPDATES" and outcome["RegistrationVersionStatus"] == "DENIED"
    assert outcome["RegistrationVersionStatusHistory"] == {"DraftTimestamp": NOW, "SubmittedTimestamp": NOW,
                                                           "ReviewingTimestamp": NOW + 3600, "DeniedTimestamp": NOW + 3600}  # fmt: skip
    denied = versions(service, registration_id)[0]
    assert denied["DeniedReasons"] == [{"Reason": "Requires updates", "ShortDescription": "The tax ID does not match the legal name."}]
    assert denied["Feedback"] == "The tax ID does not match the legal name."
    flagged = fresh(service).call("DescribeRegistrationFieldValues", {"RegistrationId": registration_id, "FieldPaths": ["companyInfo.taxId"]})
    assert flagged["RegistrationFieldValues"] == [{"FieldPath": "companyInfo.taxId", "TextValue": "123456789",
                                                   "DeniedReason": "The tax ID does not match the legal name."}]  # fmt: skip
    shown = registration(service, registration_id)
    assert (shown["RegistrationStatus"], shown["LatestDeniedVersionNumber"]) == ("REQUIRES_UPDATES", 1)
    error = raises(ConflictException, review, service, registration_id)  # nothing is under review
    assert (error.reason, error.resource_type) == (None, "registration")

    service.call("CreateRegistrationVersion", {"RegistrationId": registration_id})
    values = fresh(service).call("DescribeRegistrationFieldValues", {"RegistrationId": registration_id, "FieldPaths": ["companyInfo.taxId"]})
    assert values["RegistrationFieldValues"] == [{"FieldPath": "companyInfo.taxId", "TextValue": "123456789"}]
    put(service, registration_id, "companyInfo.taxId", TextValue="987654321")
    submit(service, registration_id, AwsReview=True)
    assert registration(service, registration_id)["RegistrationStatus"] == "AWS_REVIEWING"
    clock.now += 60
    approved_v2 = review(service, registration_id, "approve")
    assert approved_v2["RegistrationVersionStatusHistory"] == {
        "DraftTimestamp": NOW + 3600, "SubmittedTimestamp": NOW + 3600, "AwsReviewingTimestamp": NOW + 3600,
        "ReviewingTimestamp": NOW + 3660, "ApprovedTimestamp": NOW + 3660}  # fmt: skip
    shown = registration(service, registration_id)
    assert (shown["RegistrationStatus"], shown["ApprovedVersionNumber"], shown["LatestDeniedVersionNumber"]) == ("COMPLETE", 2, 1)

    service.call("CreateRegistrationVersion", {"RegistrationId": registration_id})  # an update of an approved registration
    assert registration(service, registration_id)["RegistrationStatus"] == "COMPLETE"
    submit(service, registration_id)
    review(service, registration_id, "deny", "Invalid company info")
    review_denied = versions(service, registration_id)[2]
    assert review_denied["DeniedReasons"] == [{"Reason": "Denied", "ShortDescription": "Invalid company info"}]
    service.call("CreateRegistrationVersion", {"RegistrationId": registration_id})
    submit(service, registration_id)
    review(service, registration_id)
    assert [v["RegistrationVersionStatus"] for v in versions(service, registration_id)] == ["DENIED", "ARCHIVED", "DENIED", "APPROVED"]
    assert registration(service, registration_id)["ApprovedVersionNumber"] == 4


def test_versions_created_per_day(service, clock):
    registration_id = create(service)["RegistrationId"]
    fill(service, registration_id, BRAND_VALUES)  # each new version copies them, so each can be submitted and discarded
    for _ in range(9):
        submit(service, registration_id)
        service.call("DiscardRegistrationVersion", {"RegistrationId": registration_id})
        service.call("CreateRegistrationVersion", {"RegistrationId": registration_id})
    submit(service, registration_id)
    service.call("DiscardRegistrationVersion", {"RegistrationId": registration_id})
    error = raises(ServiceQuotaExceededException, service.call, "CreateRegistrationVersion", {"RegistrationId": registration_id})
    assert error.reason == "REGISTRATION_VERSIONS_CREATED_PER_DAY"
    clock.now += 24 * 3600 + 1
    assert service.call("CreateRegistrationVersion", {"RegistrationId": registration_id})["VersionNumber"] == 11


def test_the_profile_setting_approves_on_submit(service):
    context = service.context
    auto = Service(service.store, Context(clock=context.clock, new_hex=context.new_hex, settings={"registration_review": "approve"}))
    registration_id = create(auto)["RegistrationId"]
    fill(auto, registration_id, BRAND_VALUES)
    assert submit(auto, registration_id)["RegistrationVersionStatus"] == "SUBMITTED"  # the answer; the state moved on
    assert registration(auto, registration_id)["RegistrationStatus"] == "COMPLETE"
    assert versions(auto, registration_id)[0]["RegistrationVersionStatus"] == "APPROVED"


def test_a_campaign_needs_an_approved_brand(service):
    brand_id = create(service)["RegistrationId"]
    campaign_id = create(service, CAMPAIGN)["RegistrationId"]
    fill(service, campaign_id, campaign_values(brand_id))
    error = raises(ConflictException, submit, service, campaign_id)
    assert (error.reason, error.resource_type, error.resource_id) == ("REGISTRATION_NOT_COMPLETE", "registration", brand_id)
    fill(service, brand_id, BRAND_VALUES)
    submit(service, brand_id)
    review(service, brand_id)
    assert submit(service, campaign_id)["RegistrationVersionStatus"] == "SUBMITTED"


# ---------------------------------------------------------------------------------------------
# Attachments


def test_create_attachment_from_a_body_or_a_url(service):
    reply = service.call("CreateRegistrationAttachment", {"AttachmentBody": b64(PDF), "Tags": [{"Key": "Name", "Value": "LOA"}]})
    attachment_id = "attachment-" + hex_id(1)
    assert reply == {"RegistrationAttachmentArn": f"{ACCOUNT}:registration-attachment/{attachment_id}",
                     "RegistrationAttachmentId": attachment_id, "AttachmentStatus": "UPLOAD_IN_PROGRESS",
                     "Tags": [{"Key": "Name", "Value": "LOA"}], "CreatedTimestamp": NOW}  # fmt: skip
    service.call("CreateRegistrationAttachment", {"AttachmentBody": b64(JPEG)})
    service.call("CreateRegistrationAttachment", {"AttachmentUrl": "s3://my-bucket/forms/opt-in.PNG"})
    listed = fresh(service).call("DescribeRegistrationAttachments", {})["RegistrationAttachments"]
    assert [a["AttachmentStatus"] for a in listed] == ["UPLOAD_COMPLETE"] * 3
    assert listed[0] == {"RegistrationAttachmentArn": reply["RegistrationAttachmentArn"], "RegistrationAttachmentId": attachment_id,
                         "AttachmentStatus": "UPLOAD_COMPLETE", "CreatedTimestamp": NOW}  # fmt: skip
    chosen = service.call("DescribeRegistrationAttachments", {"RegistrationAttachmentIds": [reply["RegistrationAttachmentArn"]],
                                                               "Filters": [{"Name": "attachment-status", "Values": ["UPLOAD_COMPLETE"]}]})  # fmt: skip
    assert [a["RegistrationAttachmentId"] for a in chosen["RegistrationAttachments"]] == [attachment_id]
    error = raises(ResourceNotFoundException, service.call, "DescribeRegistrationAttachments", {"RegistrationAttachmentIds": ["attachment-x"]})
    assert (error.resource_type, error.resource_id) == ("registration-attachment", "attachment-x")
    assert {"Name": "REGISTRATION_ATTACHMENTS", "Used": 3, "Max": 25} in service.call("DescribeAccountLimits", {})["AccountLimits"]


@pytest.mark.parametrize("request_, reason, name", [
    ({"AttachmentBody": b64(PNG), "AttachmentUrl": "s3://bucket/a.png"}, "PARAMETERS_CANNOT_BE_USED_TOGETHER", "AttachmentBody"),
    ({}, "MISSING_PARAMETER", "AttachmentBody"),
    ({"AttachmentBody": b64(b"GIF89a" + b"\0" * 10)}, "ATTACHMENT_TYPE_NOT_SUPPORTED", "AttachmentBody"),
    ({"AttachmentBody": b64(PNG + b"\0" * 500 * 1024)}, "MAXIMUM_SIZE_EXCEEDED", "AttachmentBody"),
    ({"AttachmentBody": "not base64!"}, "CANNOT_PARSE", "AttachmentBody"),
    ({"AttachmentUrl": "https://example.com/a.png"}, "INVALID_PARAMETER", "AttachmentUrl"),
    ({"AttachmentUrl": "s3://bucket/form.docx"}, "ATTACHMENT_TYPE_NOT_SUPPORTED", "AttachmentUrl"),
    ({"AttachmentUrl": "s3://bucket/form"}, "ATTACHMENT_TYPE_NOT_SUPPORTED", "AttachmentUrl"),
])  # fmt: skip
def test_attachment_refusals(service, request_, reason, name):
    error = raises(ValidationException, service.call, "CreateRegistrationAttachment", request_)
    assert (error.reason, error.fields[0]["Name"]) == (reason, name)


def test_exactly_500_kb_is_accepted(service):
    body = PNG + b"\0" * (500 * 1024 - len(PNG))
    assert service.call("CreateRegistrationAttachment", {"AttachmentBody": b64(body)})["AttachmentStatus"] == "UPLOAD_IN_PROGRESS"


def test_delete_attachment_unless_a_draft_uses_it(service):
    attachment = service.call("CreateRegistrationAttachment", {"AttachmentBody": b64(PNG)})
    attachment_id = attachment["RegistrationAttachmentId"]
    toll_free_id = create(service, TOLL_FREE)["RegistrationId"]
    put(service, toll_free_id, "messagingUseCase.optInImage", RegistrationAttachmentId=attachment_id)
    error = raises(ConflictException, service.call, "DeleteRegistrationAttachment", {"RegistrationAttachmentId": attachment_id})
    assert (error.reason, error.resource_type, error.resource_id) == ("RESOURCE_DELETION_NOT_ALLOWED", "registration-attachment", attachment_id)
    service.call("DeleteRegistrationFieldValue", {"RegistrationId": toll_free_id, "FieldPath": "messagingUseCase.optInImage"})
    reply = service.call("DeleteRegistrationAttachment", {"RegistrationAttachmentId": attachment["RegistrationAttachmentArn"]})
    assert reply == {"RegistrationAttachmentArn": attachment["RegistrationAttachmentArn"], "RegistrationAttachmentId": attachment_id,
                     "AttachmentStatus": "DELETED", "CreatedTimestamp": NOW}  # fmt: skip
    error = raises(ResourceNotFoundException, service.call, "DeleteRegistrationAttachment", {"RegistrationAttachmentId": attachment_id})
    assert error.resource_type == "registration-attachment"


def test_attachment_quotas(service):
    made = [service.call("CreateRegistrationAttachment", {"AttachmentBody": b64(PDF)}) for _ in range(25)]
    error = raises(ServiceQuotaExceededException, service.call, "CreateRegistrationAttachment", {"AttachmentBody": b64(PDF)})
    assert error.reason == "REGISTRATION_ATTACHMENTS_PER_ACCOUNT"
    for attachment in made:
        service.call("DeleteRegistrationAttachment", {"RegistrationAttachmentId": attachment["RegistrationAttachmentId"]})
    made = [service.call("CreateRegistrationAttachment", {"AttachmentBody": b64(PDF)}) for _ in range(25)]
    service.call("DeleteRegistrationAttachment", {"RegistrationAttachmentId": made[0]["RegistrationAttachmentId"]})
    error = raises(ServiceQuotaExceededException, service.call, "CreateRegistrationAttachment", {"AttachmentBody": b64(PDF)})
    assert error.reason == "REGISTRATION_ATTACHMENTS_CREATED_PER_DAY"


# ---------------------------------------------------------------------------------------------
# Associations, and the numbers they gate


def test_a_ten_dlc_number_waits_for_an_approved_campaign(service):
    number = ten_dlc(service)
    number_id = number["PhoneNumberId"]
    assert number_status(service, number_id) == "PENDING"
    sent = raises(ConflictException, service.call, "SendTextMessage",
                  {"DestinationPhoneNumber": SUCCESS, "OriginationIdentity": number_id, "MessageBody": "Hello"})  # fmt: skip
    assert (sent.reason, sent.resource_id) == ("RESOURCE_NOT_ACTIVE", number_id)

    brand_id = approved_brand(service)
    campaign_id = create(service, CAMPAIGN)["RegistrationId"]
    fill(service, campaign_id, campaign_values(brand_id))
    error = raises(ConflictException, service.call, "CreateRegistrationAssociation", {"RegistrationId": campaign_id, "ResourceId": number_id})
    assert (error.reason, error.resource_type, error.resource_id) == ("REGISTRATION_NOT_COMPLETE", "registration", campaign_id)
    submit(service, campaign_id)
    outcome = review(service, campaign_id)
    assert outcome["ActivatedOriginationIdentities"] == []
    reply = service.call("CreateRegistrationAssociation", {"RegistrationId": campaign_id, "ResourceId": number["PhoneNumberArn"]})
    assert reply == {
        "RegistrationArn": f"{ACCOUNT}:registration/{campaign_id}", "RegistrationId": campaign_id, "RegistrationType": CAMPAIGN,
        "ResourceArn": number["PhoneNumberArn"], "ResourceId": number_id, "ResourceType": "TEN_DLC",
        "IsoCountryCode": "US", "PhoneNumber": number["PhoneNumber"],
    }  # fmt: skip
    assert number_status(service, number_id) == "ACTIVE"
    described = fresh(service).call("DescribePhoneNumbers", {"PhoneNumberIds": [number_id]})["PhoneNumbers"][0]
    assert described["RegistrationId"] == campaign_id
    assert service.call("SendTextMessage", {"DestinationPhoneNumber": SUCCESS, "OriginationIdentity": number_id,
                                            "MessageBody": "Hello"})["MessageId"]  # fmt: skip

    listed = fresh(service).call("ListRegistrationAssociations", {"RegistrationId": campaign_id})
    assert listed == {"RegistrationArn": f"{ACCOUNT}:registration/{campaign_id}", "RegistrationId": campaign_id,
                      "RegistrationType": CAMPAIGN, "RegistrationAssociations": [{k: v for k, v in reply.items() if k.startswith(
                          ("Resource", "Iso", "Phone"))}]}  # fmt: skip
    for filters, count in (([{"Name": "resource-type", "Values": ["TOLL_FREE"]}], 0), ([{"Name": "iso-country-code", "Values": ["US"]}], 1)):
        found = service.call("ListRegistrationAssociations", {"RegistrationId": campaign_id, "Filters": filters})
        assert len(found["RegistrationAssociations"]) == count
    again = raises(ConflictException, service.call, "CreateRegistrationAssociation", {"RegistrationId": campaign_id, "ResourceId": number_id})
    assert (again.reason, again.resource_type, again.resource_id) == ("RESOURCE_ALREADY_ASSOCIATED", "phone-number", number_id)


def test_request_phone_number_with_a_registration(service):
    campaign_id = approved_campaign(service)
    number = ten_dlc(service, RegistrationId=campaign_id)
    assert (number["Status"], number["RegistrationId"]) == ("PENDING", campaign_id)  # the answer; stored ACTIVE
    assert number_status(service, number["PhoneNumberId"]) == "ACTIVE"
    unapproved = create(service, CAMPAIGN)["RegistrationId"]
    error = raises(ConflictException, ten_dlc, service, RegistrationId=unapproved)
    assert error.reason == "REGISTRATION_NOT_COMPLETE"
    error = raises(ValidationException, toll_free, service, RegistrationId=campaign_id)
    assert (error.reason, error.fields[0]["Name"]) == ("INVALID_REGISTRATION_ASSOCIATION", "RegistrationId")
    error = raises(ResourceNotFoundException, ten_dlc, service, RegistrationId="registration-nope")
    assert (error.resource_type, error.resource_id) == ("registration", "registration-nope")
    assert len(fresh(service).call("DescribePhoneNumbers", {})["PhoneNumbers"]) == 1  # refused requests leave nothing


def test_what_a_registration_can_hold(service):
    campaign_id = approved_campaign(service)
    brand_id = service.call("DescribeRegistrations", {"Filters": [{"Name": "registration-type", "Values": [BRAND]}]})["Registrations"][0]["RegistrationId"]
    simulator = ten_dlc(service, NumberType="SIMULATOR")
    error = raises(ValidationException, service.call, "CreateRegistrationAssociation",
                   {"RegistrationId": campaign_id, "ResourceId": simulator["PhoneNumberId"]})  # fmt: skip
    assert (error.reason, error.fields[0]["Name"]) == ("INVALID_REGISTRATION_ASSOCIATION", "ResourceId")
    number = ten_dlc(service)
    error = raises(ValidationException, service.call, "CreateRegistrationAssociation",
                   {"RegistrationId": brand_id, "ResourceId": number["PhoneNumberId"]})  # fmt: skip
    assert error.reason == "INVALID_REGISTRATION_ASSOCIATION" and "takes no origination identities" in error.message
    pool = service.call("CreatePool", {"OriginationIdentity": simulator["PhoneNumberId"], "IsoCountryCode": "US",
                                       "MessageType": "TRANSACTIONAL"})  # fmt: skip
    error = raises(ValidationException, service.call, "CreateRegistrationAssociation", {"RegistrationId": campaign_id, "ResourceId": pool["PoolId"]})
    assert error.reason == "INVALID_REGISTRATION_ASSOCIATION"
    error = raises(ResourceNotFoundException, service.call, "CreateRegistrationAssociation",
                   {"RegistrationId": campaign_id, "ResourceId": "phone-" + "f" * 32})  # fmt: skip
    assert (error.resource_type, error.resource_id) == ("phone-number", "phone-" + "f" * 32)
    error = raises(ResourceNotFoundException, service.call, "CreateRegistrationAssociation",
                   {"RegistrationId": "registration-nope", "ResourceId": number["PhoneNumberId"]})  # fmt: skip
    assert error.resource_type == "registration"
    error = raises(ResourceNotFoundException, service.call, "ListRegistrationAssociations", {"RegistrationId": "registration-nope"})
    assert error.resource_type == "registration"


def test_phone_numbers_per_campaign(service, monkeypatch):
    campaign = registration_catalog.BY_TYPE[CAMPAIGN]
    monkeypatch.setitem(campaign, "max_phone_numbers", 2)
    campaign_id = approved_campaign(service)
    for _ in range(2):
        ten_dlc(service, RegistrationId=campaign_id)
    error = raises(ServiceQuotaExceededException, ten_dlc, service, RegistrationId=campaign_id)
    assert error.reason == "PHONE_NUMBERS_PER_REGISTRATION"


def test_an_identity_of_another_country(service, monkeypatch):
    campaign = registration_catalog.BY_TYPE[CAMPAIGN]
    elsewhere = [{**campaign["SupportedAssociations"][0], "IsoCountryCode": "CA"}]
    monkeypatch.setitem(campaign, "SupportedAssociations", elsewhere)
    campaign_id = approved_campaign(service)
    number = ten_dlc(service)
    error = raises(ConflictException, service.call, "CreateRegistrationAssociation",
                   {"RegistrationId": campaign_id, "ResourceId": number["PhoneNumberId"]})  # fmt: skip
    assert (error.reason, error.resource_type, error.resource_id) == (
        "PHONE_NUMBER_NOT_IN_REGISTRATION_REGION", "phone-number", number["PhoneNumberId"])


def toll_free_values(service) -> dict:
    image = service.call("CreateRegistrationAttachment", {"AttachmentBody": b64(PNG)})["RegistrationAttachmentId"]
    return {
        "companyInfo.companyName": {"TextValue": "Example Corp"}, "companyInfo.website": {"TextValue": "https://example.com"},
        "companyInfo.address1": {"TextValue": "123 Main St"}, "companyInfo.city": {"TextValue": "Seattle"},
        "companyInfo.state": {"TextValue": "WA"}, "companyInfo.zipCode": {"TextValue": "98101"},
        "companyInfo.isoCountryCode": {"TextValue": "US"}, "contactInfo.firstName": {"TextValue": "Ana"},
        "contactInfo.lastName": {"TextValue": "Silva"}, "contactInfo.supportEmail": {"TextValue": "ana@example.com"},
        "contactInfo.supportPhoneNumber": {"TextValue": "+12065550142"},
        "messagingUseCase.monthlyMessageVolume": {"SelectChoices": ["1000"]},
        "messagingUseCase.useCaseCategory": {"SelectChoices": ["OTHER"]},
        "messagingUseCase.optInDescription": {"TextValue": "Customers opt in on our website."},
        "messagingUseCase.optInImage": {"RegistrationAttachmentId": image},
        "messageSamples.messageSample1": {"TextValue": "Your order has shipped."},
    }  # fmt: skip


def test_a_toll_free_registration_holds_one_number_associated_before_submit(service):
    toll_free_id = create(service, TOLL_FREE)["RegistrationId"]
    fill(service, toll_free_id, toll_free_values(service))
    error = raises(ValidationException, submit, service, toll_free_id)
    assert error.fields == [{"Name": "messagingUseCase.useCaseDetails", "Message": "Use Case Details is required when the Use Case Category is Other."}]
    put(service, toll_free_id, "messagingUseCase.useCaseDetails", TextValue="Order and shipping notices.")
    error = raises(ConflictException, submit, service, toll_free_id)
    assert (error.reason, error.resource_id) == ("REGISTRATION_NOT_COMPLETE", toll_free_id)
    number = toll_free(service, RegistrationId=toll_free_id)
    error = raises(ServiceQuotaExceededException, toll_free, service, RegistrationId=toll_free_id)
    assert error.reason == "PHONE_NUMBERS_PER_REGISTRATION"
    submit(service, toll_free_id)
    late = toll_free(service)
    error = raises(ConflictException, service.call, "CreateRegistrationAssociation",
                   {"RegistrationId": toll_free_id, "ResourceId": late["PhoneNumberId"]})  # fmt: skip
    assert error.reason == "REGISTRATION_ALREADY_SUBMITTED"
    assert number_status(service, number["PhoneNumberId"]) == "PENDING"
    outcome = review(service, toll_free_id)
    assert outcome["ActivatedOriginationIdentities"] == [{"ResourceId": number["PhoneNumberId"], "ResourceType": "TOLL_FREE",
                                                          "PhoneNumber": number["PhoneNumber"], "Status": "ACTIVE"}]  # fmt: skip
    assert number_status(service, number["PhoneNumberId"]) == "ACTIVE"
    # releasing the number ends the association and closes the registration
    service.call("ReleasePhoneNumber", {"PhoneNumberId": number["PhoneNumberId"]})
    assert registration(service, toll_free_id)["RegistrationStatus"] == "CLOSED"
    assert service.call("ListRegistrationAssociations", {"RegistrationId": toll_free_id})["RegistrationAssociations"] == []
    error = raises(ConflictException, service.call, "CreateRegistrationVersion", {"RegistrationId": toll_free_id})
    assert error.reason == "CREATE_REGISTRATION_VERSION_NOT_ALLOWED"
    assert service.call("DeleteRegistration", {"RegistrationId": toll_free_id})["RegistrationStatus"] == "DELETED"


def test_delete_registration(service):
    campaign_id = approved_campaign(service)
    brand_id = service.call("DescribeRegistrations", {"Filters": [{"Name": "registration-type", "Values": [BRAND]}]})[
        "Registrations"][0]["RegistrationId"]  # fmt: skip
    number = ten_dlc(service, RegistrationId=campaign_id)
    error = raises(ConflictException, service.call, "DeleteRegistration", {"RegistrationId": campaign_id})
    assert (error.reason, error.resource_type, error.resource_id) == ("RESOURCE_NOT_EMPTY", "registration", campaign_id)
    error = raises(ConflictException, service.call, "DeleteRegistration", {"RegistrationId": brand_id})
    assert (error.reason, error.resource_id) == ("RESOURCE_DELETION_NOT_ALLOWED", brand_id)
    service.call("ReleasePhoneNumber", {"PhoneNumberId": number["PhoneNumberId"]})
    deleted = service.call("DeleteRegistration", {"RegistrationId": f"{ACCOUNT}:registration/{campaign_id}"})
    assert deleted == {"RegistrationArn": f"{ACCOUNT}:registration/{campaign_id}", "RegistrationId": campaign_id,
                       "RegistrationType": CAMPAIGN, "RegistrationStatus": "DELETED", "CurrentVersionNumber": 1,
                       "ApprovedVersionNumber": 1, "CreatedTimestamp": NOW}  # fmt: skip
    assert service.call("DeleteRegistration", {"RegistrationId": brand_id})["RegistrationStatus"] == "DELETED"
    error = raises(ResourceNotFoundException, service.call, "DeleteRegistration", {"RegistrationId": campaign_id})
    assert (error.resource_type, error.resource_id) == ("registration", campaign_id)


SG_VALUES = {
    "companyInfo.companyName": {"TextValue": "Example Pte Ltd"}, "companyInfo.taxId": {"TextValue": "201912345K"},
    "companyInfo.website": {"TextValue": "https://example.sg"}, "companyInfo.address1": {"TextValue": "1 Raffles Place"},
    "companyInfo.city": {"TextValue": "Singapore"}, "companyInfo.state": {"TextValue": "Singapore"},
    "companyInfo.zipCode": {"TextValue": "048616"}, "companyInfo.isoCountryCode": {"TextValue": "SG"},
    "contactInfo.firstName": {"TextValue": "Wei"}, "contactInfo.lastName": {"TextValue": "Tan"},
    "contactInfo.supportEmail": {"TextValue": "wei@example.sg"}, "contactInfo.supportPhoneNumber": {"TextValue": "+6561234567"},
    "senderIdInfo.senderId": {"TextValue": "ExampleSG"},
    "messagingUseCase.monthlyMessageVolume": {"SelectChoices": ["10000"]},
    "messagingUseCase.useCaseCategory": {"SelectChoices": ["ONE_TIME_PASSWORDS"]},
    "messageSamples.messageSample1": {"TextValue": "Your Example code is 123456."},
}  # fmt: skip


def test_a_sender_id_registration_provisions_its_sender_id_on_approval(service):
    sg_id = create(service, "SG_SENDER_ID_REGISTRATION")["RegistrationId"]
    fill(service, sg_id, {**SG_VALUES, "senderIdInfo.isRepresentative": {"SelectChoices": ["TRUE"]}})
    error = raises(ValidationException, submit, service, sg_id)
    assert [f["Name"] for f in error.fields] == ["senderIdInfo.letterOfAuthorization"]
    put(service, sg_id, "senderIdInfo.isRepresentative", SelectChoices=["FALSE"])
    submit(service, sg_id)
    other = service.call("RequestSenderId", {"SenderId": "Other", "IsoCountryCode": "SG"})
    error = raises(ValidationException, service.call, "CreateRegistrationAssociation", {"RegistrationId": sg_id, "ResourceId": "Other"})
    assert error.reason == "INVALID_REGISTRATION_ASSOCIATION" and "provisioned when it is approved" in error.message
    review(service, sg_id)
    sender = fresh(service).call("DescribeSenderIds", {"SenderIds": [{"SenderId": "ExampleSG", "IsoCountryCode": "SG"}]})["SenderIds"][0]
    assert (sender["Registered"], sender["RegistrationId"]) == (True, sg_id)
    listed = service.call("ListRegistrationAssociations", {"RegistrationId": sg_id})["RegistrationAssociations"]
    assert listed == [{"ResourceArn": f"{ACCOUNT}:sender-id/ExampleSG/SG", "ResourceId": "ExampleSG", "ResourceType": "SENDER_ID",
                       "IsoCountryCode": "SG"}]  # fmt: skip
    assert other["Registered"] is False
    service.call("DeleteRegistration", {"RegistrationId": sg_id})  # DELETE_REGISTRATION_DISASSOCIATES
    sender = fresh(service).call("DescribeSenderIds", {"SenderIds": [{"SenderId": "ExampleSG", "IsoCountryCode": "SG"}]})["SenderIds"][0]
    assert sender["Registered"] is False and "RegistrationId" not in sender


def test_an_india_sender_id_comes_only_from_a_registration(service):
    error = raises(ValidationException, service.call, "RequestSenderId", {"SenderId": "MYBRND", "IsoCountryCode": "IN"})
    assert error.reason == "SENDER_ID_REQUIRES_REGISTRATION"
    letter = service.call("CreateRegistrationAttachment", {"AttachmentUrl": "s3://my-bucket/loa.pdf"})["RegistrationAttachmentId"]
    india_id = approved(service, "IN_SENDER_ID_REGISTRATION", {
        "companyInfo.companyName": {"TextValue": "Example India Pvt Ltd"}, "companyInfo.pan": {"TextValue": "AAAPA1234A"},
        "companyInfo.tan": {"TextValue": "AAAA12345A"}, "companyInfo.gstin": {"TextValue": "22AAAAA0000A1Z5"},
        "companyInfo.cin": {"TextValue": "U12345MH2020PTC123456"}, "companyInfo.principalEntityId": {"TextValue": "1201159123456789"},
        "companyInfo.letterOfAuthorization": {"RegistrationAttachmentId": letter}, "senderIdInfo.senderId": {"TextValue": "MYBRND"},
        "messagingUseCase.monthlyMessageVolume": {"SelectChoices": ["100000"]},
        "messagingUseCase.useCaseDescription": {"TextValue": "One-time passwords for our app."},
        "messagingUseCase.optInDescription": {"TextValue": "Users give their number when they sign up."},
    })  # fmt: skip
    sender = fresh(service).call("DescribeSenderIds", {"SenderIds": [{"SenderId": "MYBRND", "IsoCountryCode": "IN"}]})["SenderIds"][0]
    assert (sender["Registered"], sender["RegistrationId"]) == (True, india_id)
    error = raises(ValidationException, put, service, create(service, "IN_SENDER_ID_REGISTRATION")["RegistrationId"],
                   "senderIdInfo.senderId", TextValue="MYBRAND")  # fmt: skip
    assert error.reason == "FIELD_VALIDATION_FAILED"  # exactly 6 characters
