"""Registrations: CreateRegistration, DeleteRegistration, DescribeRegistrations,
CreateRegistrationVersion, DescribeRegistrationVersions, SubmitRegistrationVersion,
DiscardRegistrationVersion, PutRegistrationFieldValue, DeleteRegistrationFieldValue,
DescribeRegistrationFieldValues, Describe{Type,Section,Field}Definitions,
CreateRegistrationAttachment, DeleteRegistrationAttachment, DescribeRegistrationAttachments,
CreateRegistrationAssociation, ListRegistrationAssociations; and `review`, the simulated review
behind `smscli sim review`.

Rules (API reference, user guide, and the API digest's decisions where the reference is silent):
- the types, sections and fields are the built-in catalogue (registration_catalog.py); a type,
  section, field or version that is not there is a ValidationException UNKNOWN_REGISTRATION_TYPE /
  _SECTION / _FIELD / _VERSION, never a ResourceNotFoundException;
- CreateRegistration: status CREATED with version 1 in DRAFT; 25 per account (REGISTRATIONS_PER_ACCOUNT);
- field values are edited only on a DRAFT current version (Conflict
  EDIT_REGISTRATION_FIELD_VALUES_NOT_ALLOWED); a value takes the member of its field's type
  (TextValue, SelectChoices, RegistrationAttachmentId; none: MISSING_PARAMETER, another:
  INVALID_PARAMETER) and is checked by the field's definition (length, pattern, choices:
  FIELD_VALIDATION_FAILED; an attachment must exist, be of a type and size the field takes:
  ATTACHMENT_TYPE_NOT_SUPPORTED, MAXIMUM_SIZE_EXCEEDED; a reference to another registration must
  name one of the right type); deleting a field without a value: REGISTRATION_FIELD_CANNOT_BE_DELETED;
- SubmitRegistrationVersion: a DRAFT version only (already under review: REGISTRATION_ALREADY_SUBMITTED,
  otherwise SUBMIT_REGISTRATION_VERSION_NOT_ALLOWED); every REQUIRED field and every CONDITIONAL
  field a rule makes required has a value (FIELD_VALIDATION_FAILED, Fields naming each FieldPath);
  a referenced registration (a campaign's brand) is approved and a type whose identity is associated
  before submitting has one (Conflict REGISTRATION_NOT_COMPLETE); the version goes to SUBMITTED
  (AWS_REVIEWING with AwsReview) and so does the registration;
- review (nothing in the API moves a submitted version on): `smscli sim review` approves, denies or
  requests updates, or, with the profile setting `registration_review = approve`, every submit is
  approved at once (the submit's answer still shows SUBMITTED). Approval: the version APPROVED
  (passing REVIEWING), an older APPROVED version ARCHIVED, the registration COMPLETE (PROVISIONING
  passes at once) with ApprovedVersionNumber; its PENDING numbers become ACTIVE and a sender ID
  registration provisions its sender ID (Registered). Denial or requested updates: the version
  DENIED with DeniedReasons (and the flagged fields' DeniedReason), the registration REQUIRES_UPDATES
  with LatestDeniedVersionNumber; the API has no other status for a rejected version;
- CreateRegistrationVersion: only after a decision or a discard (Conflict
  CREATE_REGISTRATION_VERSION_NOT_ALLOWED while DRAFT or under review, or when CLOSED); it copies the
  current version's values; 10 versions a day per registration (REGISTRATION_VERSIONS_CREATED_PER_DAY,
  an smscli figure); DiscardRegistrationVersion: a DRAFT or SUBMITTED current version (Conflict
  DISCARD_REGISTRATION_VERSION_NOT_ALLOWED), the registration falls back to COMPLETE, REQUIRES_UPDATES
  or CREATED; every status change stamps RegistrationVersionStatusHistory;
- attachments: AttachmentBody (base64 on the wire) or an s3:// AttachmentUrl, not both
  (PARAMETERS_CANNOT_BE_USED_TOGETHER) and not neither (MISSING_PARAMETER); at most 500 KB
  (MAXIMUM_SIZE_EXCEEDED); PDF, JPEG or PNG by content or by the URL's extension
  (ATTACHMENT_TYPE_NOT_SUPPORTED); 25 per account, 50 created a day (an smscli figure); the answer
  shows UPLOAD_IN_PROGRESS and the stored attachment is UPLOAD_COMPLETE; one used by a DRAFT version
  can't be deleted (Conflict RESOURCE_DELETION_NOT_ALLOWED); the content itself is not kept (its
  type, size and SHA-256 are);
- associations: a phone number (by its NumberType: TEN_DLC, TOLL_FREE) or sender ID the type
  supports (else INVALID_REGISTRATION_ASSOCIATION; pools and sender IDs of ASSOCIATE_ON_APPROVAL
  types too), of the type's country (Conflict PHONE_NUMBER_NOT_IN_REGISTRATION_REGION);
  ASSOCIATE_AFTER_COMPLETE needs an approved registration (REGISTRATION_NOT_COMPLETE),
  ASSOCIATE_BEFORE_SUBMIT a DRAFT version (REGISTRATION_ALREADY_SUBMITTED); one registration per
  identity (RESOURCE_ALREADY_ASSOCIATED); 49 numbers per 10DLC campaign, 1 per toll-free registration
  (PHONE_NUMBERS_PER_REGISTRATION); an associated number of an approved registration is ACTIVE;
  RequestPhoneNumber's RegistrationId associates the new number the same way;
- DeleteRegistration: DELETE_REGISTRATION_DISASSOCIATES types release their identities (a sender ID
  stays, no longer Registered); other types are refused while identities are associated (Conflict
  RESOURCE_NOT_EMPTY), and a registration another one refers to (a brand with campaigns) is
  refused too (RESOURCE_DELETION_NOT_ALLOWED); the answer shows DELETED and the registration is gone;
- an association ends when its number or sender ID is released; a DISASSOCIATE_ALL_CLOSES_REGISTRATION
  registration whose identities are all gone is CLOSED.

State: `registrations` keyed by RegistrationId (RegistrationInformation members, Tags, and hidden
`versions` [RegistrationVersionInformation + `values` {FieldPath: RegistrationFieldValueInformation}]
and `associations` [RegistrationAssociationMetadata + `kind`, `key`]); `registration_attachments`
keyed by RegistrationAttachmentId (+ hidden `content`); `registration_activity` (attachment
creation times, for the daily quota).
"""

from __future__ import annotations

import base64
import binascii
import copy
import hashlib
import re

from smscli import spec
from smscli.service import account, arns, describe, filters
from smscli.service.errors import ConflictException, ServiceQuotaExceededException, ValidationException, not_found
from smscli.service.identities import (
    NUMBERS,
    PHONE_NUMBER,
    SENDER_ID,
    SENDER_IDS,
    find_number_or_sender_id,
    identity_arn,
    identity_id,
    identity_key,
    sender_key,
)
from smscli.service.pagination import paginate
from smscli.service.region import Region
from smscli.service.registration_catalog import BY_TYPE, TYPES
from smscli.service.tags import checked_tags

REGISTRATIONS = "registrations"
ATTACHMENTS = "registration_attachments"
_ACTIVITY = "registration_activity"
REGISTRATION, ATTACHMENT = "registration", "registration-attachment"
DAY_SECONDS = 24 * 3600
VERSIONS_PER_DAY = 10
ATTACHMENTS_PER_DAY = 50
MAX_ATTACHMENT_BYTES = 500 * 1024
REVIEW_SETTING = "registration_review"

DRAFT, SUBMITTED, AWS_REVIEWING, REVIEWING = "DRAFT", "SUBMITTED", "AWS_REVIEWING", "REVIEWING"
APPROVED, DENIED, DISCARDED, ARCHIVED = "APPROVED", "DENIED", "DISCARDED", "ARCHIVED"
UNDER_REVIEW = (SUBMITTED, AWS_REVIEWING, REVIEWING, "REQUIRES_AUTHENTICATION")
_HISTORY = {
    DRAFT: "DraftTimestamp", SUBMITTED: "SubmittedTimestamp", AWS_REVIEWING: "AwsReviewingTimestamp",
    REVIEWING: "ReviewingTimestamp", APPROVED: "ApprovedTimestamp", DISCARDED: "DiscardedTimestamp",
    DENIED: "DeniedTimestamp", ARCHIVED: "ArchivedTimestamp",
}  # fmt: skip
APPROVE, DENY, REQUEST_UPDATES = "approve", "deny", "request-updates"
_VALUE_MEMBERS = {"TEXT": "TextValue", "SELECT": "SelectChoices", "ATTACHMENT": "RegistrationAttachmentId"}
_MAGIC = ((b"%PDF-", "PDF"), (b"\x89PNG\r\n\x1a\n", "PNG"), (b"\xff\xd8\xff", "JPEG"))
_EXTENSIONS = {"pdf": "PDF", "png": "PNG", "jpg": "JPEG", "jpeg": "JPEG"}
_S3_URL = re.compile(r"s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]/\S+")


def _invalid(member: str, message: str, reason: str) -> ValidationException:
    return ValidationException(message, reason=reason, fields=[{"Name": member, "Message": message}])


def _conflict(message: str, reason: str | None, resource_type: str, resource_id: str) -> ConflictException:
    return ConflictException(message, reason=reason, resource_type=resource_type, resource_id=resource_id)


def _enum(shape: str) -> tuple[str, ...]:
    return tuple(spec.shape(shape)["enum"])


# ---------------------------------------------------------------------------------------------
# The catalogue


def type_definition(registration_type: str, member: str = "RegistrationType") -> dict:
    definition = BY_TYPE.get(registration_type)
    if definition is None:
        raise _invalid(member, f"{registration_type} is not a registration type; valid types: {', '.join(BY_TYPE)}.",
                       "UNKNOWN_REGISTRATION_TYPE")  # fmt: skip
    return definition


def _section(definition: dict, path: str, member: str) -> dict:
    for section in definition["sections"]:
        if section["SectionPath"] == path:
            return section
    raise _invalid(member, f"{definition['RegistrationType']} has no section {path}; its sections: "
                   f"{', '.join(s['SectionPath'] for s in definition['sections'])}.", "UNKNOWN_REGISTRATION_SECTION")  # fmt: skip


def _field(definition: dict, path: str, member: str = "FieldPath") -> dict:
    for field in definition["fields"]:
        if field["FieldPath"] == path:
            return field
    raise _invalid(member, f"{definition['RegistrationType']} has no field {path}.", "UNKNOWN_REGISTRATION_FIELD")


def describe_registration_type_definitions(region: Region, request: dict) -> dict:
    wanted = request.get("RegistrationTypes")
    types = [type_definition(name, "RegistrationTypes") for name in dict.fromkeys(wanted)] if wanted else TYPES
    known = {
        "supported-association-resource-type": filters.Filter(
            lambda d, value: any(a["ResourceType"] == value for a in d["SupportedAssociations"])),
        "supported-association-iso-country-code": filters.Filter(
            lambda d, value: any(a.get("IsoCountryCode") == value for a in d["SupportedAssociations"])),
    }  # fmt: skip
    page, token = paginate(filters.select(types, request.get("Filters"), known), request)
    return {"RegistrationTypeDefinitions": page, "NextToken": token}


def describe_registration_section_definitions(region: Region, request: dict) -> dict:
    definition = type_definition(request["RegistrationType"])
    wanted = request.get("SectionPaths")
    sections = ([_section(definition, path, "SectionPaths") for path in dict.fromkeys(wanted)] if wanted
                else definition["sections"])  # fmt: skip
    page, token = paginate(sections, request)
    return {"RegistrationType": definition["RegistrationType"], "RegistrationSectionDefinitions": page, "NextToken": token}


def _selected_fields(definition: dict, request: dict) -> list[dict]:
    """The field definitions of the type that the request's SectionPath and FieldPaths select."""
    fields = definition["fields"]
    if request.get("SectionPath"):
        section = _section(definition, request["SectionPath"], "SectionPath")["SectionPath"]
        fields = [field for field in fields if field["SectionPath"] == section]
    if request.get("FieldPaths"):
        wanted = {_field(definition, path, "FieldPaths")["FieldPath"] for path in request["FieldPaths"]}
        fields = [field for field in fields if field["FieldPath"] in wanted]
    return fields


def describe_registration_field_definitions(region: Region, request: dict) -> dict:
    definition = type_definition(request["RegistrationType"])
    fields = _selected_fields(definition, request)
    page, token = paginate(fields, request)
    return {"RegistrationType": definition["RegistrationType"], "RegistrationFieldDefinitions": page, "NextToken": token}


# ---------------------------------------------------------------------------------------------
# Finding registrations and attachments; what every answer about a version shows


def find_registration(region: Region, value: str, member: str = "RegistrationId") -> dict:
    registration_id = arns.resolve(region, value, REGISTRATION, member)
    record = region.collection(REGISTRATIONS).get(registration_id)
    if record is None:
        raise not_found(REGISTRATION, value)
    _settle(region, record)
    return record


def find_attachment(region: Region, value: str, member: str = "RegistrationAttachmentId") -> dict:
    attachment_id = arns.resolve(region, value, ATTACHMENT, member)
    record = region.collection(ATTACHMENTS).get(attachment_id)
    if record is None:
        raise not_found(ATTACHMENT, value, "registration attachment")
    return record


def _current(registration: dict) -> dict:
    return registration["versions"][-1]


def _status(version: dict) -> str:
    return version["RegistrationVersionStatus"]


def _set_status(version: dict, status: str, now: float) -> None:
    version["RegistrationVersionStatus"] = status
    version["RegistrationVersionStatusHistory"][_HISTORY[status]] = now


def is_approved(registration: dict) -> bool:
    """A registration with an approved version: its identities may send."""
    return registration.get("ApprovedVersionNumber") is not None and registration["RegistrationStatus"] != "CLOSED"


def _version_answer(registration: dict, version: dict, **extra) -> dict:
    return {
        "RegistrationArn": registration["RegistrationArn"], "RegistrationId": registration["RegistrationId"],
        "VersionNumber": version["VersionNumber"], "RegistrationVersionStatus": _status(version),
        "RegistrationVersionStatusHistory": dict(version["RegistrationVersionStatusHistory"]), **extra,
    }  # fmt: skip


def _identity(region: Region, association: dict) -> dict | None:
    collection = NUMBERS if association["kind"] == PHONE_NUMBER else SENDER_IDS
    return region.collection(collection).get(association["key"])


def _settle(region: Region, registration: dict) -> None:
    """Associations end when their number or sender ID is released (or no longer names this registration)."""
    associations = registration["associations"]
    kept = [a for a in associations if (_identity(region, a) or {}).get("RegistrationId") == registration["RegistrationId"]]
    if len(kept) == len(associations):
        return
    registration["associations"] = kept
    behaviours = {a["DisassociationBehavior"] for a in BY_TYPE[registration["RegistrationType"]]["SupportedAssociations"]}
    if not kept and "DISASSOCIATE_ALL_CLOSES_REGISTRATION" in behaviours:
        registration["RegistrationStatus"] = "CLOSED"


# ---------------------------------------------------------------------------------------------
# Registrations


def _new_version(number: int, now: float, values: dict) -> dict:
    return {"VersionNumber": number, "RegistrationVersionStatus": DRAFT,
            "RegistrationVersionStatusHistory": {"DraftTimestamp": now}, "values": values}  # fmt: skip


def create_registration(region: Region, request: dict) -> dict:
    definition = type_definition(request["RegistrationType"])
    tags = checked_tags(request.get("Tags"))
    registrations = region.collection(REGISTRATIONS)
    account.check_account_limit(region, "REGISTRATIONS", "registrations")
    registration_id, now = region.new_id("registration"), region.now()
    registrations[registration_id] = {
        "RegistrationArn": region.arn(f"{REGISTRATION}/{registration_id}"),
        "RegistrationId": registration_id,
        "RegistrationType": definition["RegistrationType"],
        "RegistrationStatus": "CREATED",
        "CurrentVersionNumber": 1,
        "CreatedTimestamp": now,
        "Tags": tags,
        "versions": [_new_version(1, now, {})],
        "associations": [],
    }
    return registrations[registration_id]


def _referrers(region: Region, registration_id: str) -> list[dict]:
    """The registrations whose field values name this one (a brand's campaigns and vettings)."""
    found = []
    for other in region.collection(REGISTRATIONS).values():
        fields = [f for f in BY_TYPE[other["RegistrationType"]]["fields"] if f.get("references")]
        named = {_referenced_id(region, version["values"][f["FieldPath"]]["TextValue"])
                 for version in other["versions"] for f in fields if f["FieldPath"] in version["values"]}  # fmt: skip
        if registration_id in named and other["RegistrationId"] != registration_id:
            found.append(other)
    return found


def _referenced_id(region: Region, text: str) -> str:
    arn = arns.parse(text)
    return arn.resource_id if arn is not None and arn.resource_type == REGISTRATION else text


def delete_registration(region: Region, request: dict) -> dict:
    registration = find_registration(region, request["RegistrationId"])
    registration_id = registration["RegistrationId"]
    behaviours = {a["DisassociationBehavior"] for a in BY_TYPE[registration["RegistrationType"]]["SupportedAssociations"]}
    associations = registration["associations"]
    if associations and "DELETE_REGISTRATION_DISASSOCIATES" not in behaviours:
        raise _conflict(f"The registration {registration_id} still has {len(associations)} associated origination "
                        f"identities ({associations[0]['ResourceId']}, ...); release them before deleting it.",
                        "RESOURCE_NOT_EMPTY", REGISTRATION, registration_id)  # fmt: skip
    referrers = _referrers(region, registration_id)
    if referrers:
        raise _conflict(f"The registration {registration_id} is used by the {referrers[0]['RegistrationType']} "
                        f"registration {referrers[0]['RegistrationId']}; delete that one first.",
                        "RESOURCE_DELETION_NOT_ALLOWED", REGISTRATION, registration_id)  # fmt: skip
    for association in associations:
        identity = _identity(region, association)
        identity.pop("RegistrationId", None)
        if association["kind"] == SENDER_ID:
            identity["Registered"] = False
    del region.collection(REGISTRATIONS)[registration_id]
    return {**registration, "RegistrationStatus": "DELETED"}


def describe_registrations(region: Region, request: dict) -> dict:
    records = list(region.collection(REGISTRATIONS).values())
    for record in records:
        _settle(region, record)
    known = {
        "registration-type": filters.equals("RegistrationType", tuple(BY_TYPE)),
        "registration-status": filters.equals("RegistrationStatus", _enum("RegistrationStatus")),
    }
    page, token = describe.select(records, request, "RegistrationIds",
                                  lambda value: find_registration(region, value, "RegistrationIds"), known)  # fmt: skip
    return {"Registrations": page, "NextToken": token}


# ---------------------------------------------------------------------------------------------
# Versions


def create_registration_version(region: Region, request: dict) -> dict:
    registration = find_registration(region, request["RegistrationId"])
    registration_id, current = registration["RegistrationId"], _current(registration)
    if _status(current) == DRAFT or _status(current) in UNDER_REVIEW or registration["RegistrationStatus"] == "CLOSED":
        state = "CLOSED" if registration["RegistrationStatus"] == "CLOSED" else f"version {current['VersionNumber']} is {_status(current)}"
        raise _conflict(f"A new version of the registration {registration_id} can't be created: {state}. A new version "
                        "follows a decision (approved or denied) or a discarded version.",
                        "CREATE_REGISTRATION_VERSION_NOT_ALLOWED", REGISTRATION, registration_id)  # fmt: skip
    now = region.now()
    today = [v for v in registration["versions"] if v["RegistrationVersionStatusHistory"]["DraftTimestamp"] > now - DAY_SECONDS]
    if len(today) >= VERSIONS_PER_DAY:
        raise ServiceQuotaExceededException(
            f"The registration {registration_id} already has {len(today)} versions created in the last 24 hours, the most "
            f"allowed ({VERSIONS_PER_DAY}).",
            reason="REGISTRATION_VERSIONS_CREATED_PER_DAY",
        )
    values = {path: {k: v for k, v in value.items() if k not in ("DeniedReason", "Feedback")}
              for path, value in current["values"].items() if _value_of(value) is not None}  # fmt: skip
    version = _new_version(current["VersionNumber"] + 1, now, copy.deepcopy(values))
    registration["versions"].append(version)
    registration["CurrentVersionNumber"] = version["VersionNumber"]
    return _version_answer(registration, version)


def _missing_fields(region: Region, definition: dict, values: dict) -> list[dict]:
    """What keeps a version from being submitted: [{"Name": FieldPath, "Message": why}]."""
    problems = []
    for field in definition["fields"]:
        path = field["FieldPath"]
        value = values.get(path, {})
        if field["FieldRequirement"] == "REQUIRED" and _value_of(value) is None:
            problems.append({"Name": path, "Message": f"{field['DisplayHints']['Title']} is required."})
        attachment_id = value.get("RegistrationAttachmentId")
        if attachment_id and attachment_id not in region.collection(ATTACHMENTS):
            problems.append({"Name": path, "Message": f"The attachment {attachment_id} no longer exists."})
    for rule in definition.get("rules", ()):
        chosen = _choices(values.get(rule["when"]["field"], {}))
        if not set(chosen) & set(rule["when"]["in"]):
            continue
        required = rule["require"]
        given = _choices(values.get(required["field"], {}))
        if not given or ("in" in required and not set(given) <= set(required["in"])):
            problems.append({"Name": required["field"], "Message": rule["message"]})
    return problems


def _value_of(value: dict):
    for member in _VALUE_MEMBERS.values():
        if value.get(member) is not None:
            return value[member]
    return None


def _choices(value: dict) -> list[str]:
    found = _value_of(value)
    return [] if found is None else list(found) if isinstance(found, list) else [found]


def _check_submittable(region: Region, registration: dict, definition: dict, version: dict) -> None:
    registration_id, number = registration["RegistrationId"], version["VersionNumber"]
    problems = _missing_fields(region, definition, version["values"])
    if problems:
        raise ValidationException(
            f"Version {number} of the registration {registration_id} can't be submitted: "
            + " ".join(f"{p['Name']}: {p['Message']}" for p in problems),
            reason="FIELD_VALIDATION_FAILED", fields=problems,
        )  # fmt: skip
    for field in definition["fields"]:
        value = version["values"].get(field["FieldPath"], {})
        if field.get("references") and value.get("TextValue"):
            other = region.collection(REGISTRATIONS).get(_referenced_id(region, value["TextValue"]))
            if other is None:
                raise not_found(REGISTRATION, value["TextValue"])
            if not is_approved(other):
                raise _conflict(f"The {other['RegistrationType']} registration {other['RegistrationId']} ({field['FieldPath']}) "
                                f"is {other['RegistrationStatus']}: it must be approved before this registration is submitted.",
                                "REGISTRATION_NOT_COMPLETE", REGISTRATION, other["RegistrationId"])  # fmt: skip
    before = [a for a in definition["SupportedAssociations"] if a["AssociationBehavior"] == "ASSOCIATE_BEFORE_SUBMIT"]
    if before and not registration["associations"]:
        kinds = " or ".join(a["ResourceType"] for a in before)
        raise _conflict(f"The registration {registration_id} needs an associated {kinds} origination identity before it is "
                        "submitted (CreateRegistrationAssociation).", "REGISTRATION_NOT_COMPLETE", REGISTRATION, registration_id)  # fmt: skip


def submit_registration_version(region: Region, request: dict) -> dict:
    registration = find_registration(region, request["RegistrationId"])
    registration_id, version = registration["RegistrationId"], _current(registration)
    status = _status(version)
    if status in UNDER_REVIEW:
        raise _conflict(f"Version {version['VersionNumber']} of the registration {registration_id} is already submitted "
                        f"({status}).", "REGISTRATION_ALREADY_SUBMITTED", REGISTRATION, registration_id)  # fmt: skip
    if status != DRAFT:
        raise _conflict(f"Version {version['VersionNumber']} of the registration {registration_id} is {status}; only a DRAFT "
                        "version can be submitted (CreateRegistrationVersion starts one).",
                        "SUBMIT_REGISTRATION_VERSION_NOT_ALLOWED", REGISTRATION, registration_id)  # fmt: skip
    definition = BY_TYPE[registration["RegistrationType"]]
    _check_submittable(region, registration, definition, version)
    now, aws_review = region.now(), bool(request.get("AwsReview"))
    _set_status(version, SUBMITTED, now)
    if aws_review:
        _set_status(version, AWS_REVIEWING, now)
    registration["RegistrationStatus"] = _status(version)
    answer = _version_answer(registration, version, AwsReview=aws_review)
    if (region.setting(REVIEW_SETTING) or "manual") == "approve":
        _decide(region, registration, version, APPROVE)
    return answer


def discard_registration_version(region: Region, request: dict) -> dict:
    registration = find_registration(region, request["RegistrationId"])
    registration_id, version = registration["RegistrationId"], _current(registration)
    if _status(version) not in (DRAFT, SUBMITTED):
        raise _conflict(f"Version {version['VersionNumber']} of the registration {registration_id} is {_status(version)}; "
                        "only a DRAFT or SUBMITTED version can be discarded.",
                        "DISCARD_REGISTRATION_VERSION_NOT_ALLOWED", REGISTRATION, registration_id)  # fmt: skip
    _set_status(version, DISCARDED, region.now())
    registration["RegistrationStatus"] = _resting_status(registration)
    return _version_answer(registration, version)


def _resting_status(registration: dict) -> str:
    """The status of a registration with nothing under review."""
    if registration["RegistrationStatus"] == "CLOSED":
        return "CLOSED"
    if registration.get("ApprovedVersionNumber") is not None:
        return "COMPLETE"
    return "REQUIRES_UPDATES" if registration.get("LatestDeniedVersionNumber") is not None else "CREATED"


def describe_registration_versions(region: Region, request: dict) -> dict:
    registration = find_registration(region, request["RegistrationId"])
    versions = registration["versions"]
    wanted = request.get("VersionNumbers")
    if wanted:
        by_number = {version["VersionNumber"]: version for version in versions}
        unknown = [str(number) for number in wanted if number not in by_number]
        if unknown:
            raise _invalid("VersionNumbers", f"The registration {registration['RegistrationId']} has no version "
                           f"{', '.join(unknown)}.", "UNKNOWN_REGISTRATION_VERSION")  # fmt: skip
        versions = [by_number[number] for number in dict.fromkeys(wanted)]
    known = {"registration-version-status": filters.equals("RegistrationVersionStatus", _enum("RegistrationVersionStatus"))}
    page, token = paginate(filters.select(versions, request.get("Filters"), known), request)
    return {"RegistrationArn": registration["RegistrationArn"], "RegistrationId": registration["RegistrationId"],
            "RegistrationVersions": page, "NextToken": token}  # fmt: skip


# ---------------------------------------------------------------------------------------------
# Field values


def _check_editable(registration: dict, version: dict) -> None:
    if _status(version) != DRAFT:
        raise _conflict(f"Version {version['VersionNumber']} of the registration {registration['RegistrationId']} is "
                        f"{_status(version)}: field values can be changed only on a DRAFT version "
                        "(CreateRegistrationVersion starts one).", "EDIT_REGISTRATION_FIELD_VALUES_NOT_ALLOWED",
                        REGISTRATION, registration["RegistrationId"])  # fmt: skip


def _checked_value(region: Region, field: dict, request: dict) -> dict:
    """The value to store, as RegistrationFieldValueInformation, once the field's definition accepts it."""
    path, kind = field["FieldPath"], field["FieldType"]
    member = _VALUE_MEMBERS[kind]
    given = [name for name in _VALUE_MEMBERS.values() if request.get(name) is not None]
    if not given:
        raise _invalid(member, f"{path} is a {kind} field: give its value as {member}.", "MISSING_PARAMETER")
    wrong = [name for name in given if name != member]
    if wrong:
        raise _invalid(wrong[0], f"{path} is a {kind} field: its value is a {member}, not a {wrong[0]}.", "INVALID_PARAMETER")
    value = request[member]
    if kind == "TEXT":
        _check_text(region, field, value)
    elif kind == "SELECT":
        _check_select(field, value)
    else:
        value = _check_attachment(region, field, value)
    return {"FieldPath": path, member: value}


def _check_text(region: Region, field: dict, text: str) -> None:
    path, rules = field["FieldPath"], field["TextValidation"]
    title = field["DisplayHints"]["Title"]
    if not rules["MinLength"] <= len(text) <= rules["MaxLength"]:
        raise _invalid(path, f"{title} ({path}) must have {rules['MinLength']} to {rules['MaxLength']} characters, not "
                       f"{len(text)}.", "FIELD_VALIDATION_FAILED")  # fmt: skip
    if not re.fullmatch(rules["Pattern"], text):
        hint = field["DisplayHints"].get("ExampleTextValue")
        raise _invalid(path, f"{title} ({path}) must match the pattern {rules['Pattern']}"
                       + (f", for example {hint}." if hint else "."), "FIELD_VALIDATION_FAILED")  # fmt: skip
    if field.get("references"):
        other = region.collection(REGISTRATIONS).get(_referenced_id(region, text))
        if other is None:
            raise not_found(REGISTRATION, text)
        if other["RegistrationType"] != field["references"]:
            raise _invalid(path, f"{title} ({path}) must name a {field['references']} registration; {text} is a "
                           f"{other['RegistrationType']} registration.", "FIELD_VALIDATION_FAILED")  # fmt: skip


def _check_select(field: dict, choices: list[str]) -> None:
    path, rules = field["FieldPath"], field["SelectValidation"]
    title = field["DisplayHints"]["Title"]
    if len(set(choices)) != len(choices):
        raise _invalid(path, f"{title} ({path}): each choice can be given once.", "FIELD_VALIDATION_FAILED")
    if not rules["MinChoices"] <= len(choices) <= rules["MaxChoices"]:
        count = (f"exactly {rules['MinChoices']} choice" if rules["MinChoices"] == rules["MaxChoices"]
                 else f"{rules['MinChoices']} to {rules['MaxChoices']} choices")  # fmt: skip
        raise _invalid(path, f"{title} ({path}) takes {count}, not {len(choices)}.", "FIELD_VALIDATION_FAILED")
    unknown = [choice for choice in choices if choice not in rules["Options"]]
    if unknown:
        raise _invalid(path, f"{', '.join(unknown)} is not an option of {title} ({path}); options: "
                       f"{', '.join(rules['Options'])}.", "FIELD_VALIDATION_FAILED")  # fmt: skip


def _check_attachment(region: Region, field: dict, value: str) -> str:
    path, title = field["FieldPath"], field["DisplayHints"]["Title"]
    attachment = find_attachment(region, value)
    content = attachment["content"]
    if content["type"] not in field["attachment_types"]:
        raise _invalid(path, f"{title} ({path}) takes {' or '.join(field['attachment_types'])} files; "
                       f"{attachment['RegistrationAttachmentId']} is {content['type']}.", "ATTACHMENT_TYPE_NOT_SUPPORTED")  # fmt: skip
    if content.get("size", 0) > field["attachment_max_bytes"]:
        raise _invalid(path, f"{title} ({path}) takes files of at most {field['attachment_max_bytes'] // 1024} KB; "
                       f"{attachment['RegistrationAttachmentId']} has {content['size']} bytes.", "MAXIMUM_SIZE_EXCEEDED")  # fmt: skip
    return attachment["RegistrationAttachmentId"]


def _value_answer(registration: dict, version: dict, value: dict) -> dict:
    return {"RegistrationArn": registration["RegistrationArn"], "RegistrationId": registration["RegistrationId"],
            "VersionNumber": version["VersionNumber"], **value}  # fmt: skip


def put_registration_field_value(region: Region, request: dict) -> dict:
    registration = find_registration(region, request["RegistrationId"])
    field = _field(BY_TYPE[registration["RegistrationType"]], request["FieldPath"])
    value = _checked_value(region, field, request)
    version = _current(registration)
    _check_editable(registration, version)
    version["values"][field["FieldPath"]] = value
    return _value_answer(registration, version, value)


def delete_registration_field_value(region: Region, request: dict) -> dict:
    registration = find_registration(region, request["RegistrationId"])
    field = _field(BY_TYPE[registration["RegistrationType"]], request["FieldPath"])
    version = _current(registration)
    value = version["values"].get(field["FieldPath"])
    if value is None or _value_of(value) is None:
        raise _invalid("FieldPath", f"{field['FieldPath']} has no value in version {version['VersionNumber']} of the "
                       f"registration {registration['RegistrationId']}.", "REGISTRATION_FIELD_CANNOT_BE_DELETED")  # fmt: skip
    _check_editable(registration, version)
    del version["values"][field["FieldPath"]]
    return _value_answer(registration, version, value)


def describe_registration_field_values(region: Region, request: dict) -> dict:
    registration = find_registration(region, request["RegistrationId"])
    definition = BY_TYPE[registration["RegistrationType"]]
    number = request.get("VersionNumber") or registration["CurrentVersionNumber"]
    versions = [version for version in registration["versions"] if version["VersionNumber"] == number]
    if not versions:
        raise _invalid("VersionNumber", f"The registration {registration['RegistrationId']} has no version {number}.",
                       "UNKNOWN_REGISTRATION_VERSION")  # fmt: skip
    fields = _selected_fields(definition, request)
    values = versions[0]["values"]
    page, token = paginate([values[f["FieldPath"]] for f in fields if f["FieldPath"] in values], request)
    return {"RegistrationArn": registration["RegistrationArn"], "RegistrationId": registration["RegistrationId"],
            "VersionNumber": number, "RegistrationFieldValues": page, "NextToken": token}  # fmt: skip


# ---------------------------------------------------------------------------------------------
# Attachments


def _attachment_content(request: dict) -> dict:
    body, url = request.get("AttachmentBody"), request.get("AttachmentUrl")
    if body is not None and url is not None:
        raise _invalid("AttachmentBody", "Give either AttachmentBody or AttachmentUrl, not both.",
                       "PARAMETERS_CANNOT_BE_USED_TOGETHER")  # fmt: skip
    if body is None and url is None:
        raise _invalid("AttachmentBody", "Give the attachment as AttachmentBody or AttachmentUrl.", "MISSING_PARAMETER")
    if url is not None:
        if not _S3_URL.fullmatch(url):
            raise _invalid("AttachmentUrl", f"{url} is not an S3 URL (s3://BucketName/FileName).", "INVALID_PARAMETER")
        kind = _EXTENSIONS.get(url.rsplit(".", 1)[-1].lower()) if "." in url.rsplit("/", 1)[-1] else None
        if kind is None:
            raise _invalid("AttachmentUrl", f"{url} is not a PDF, JPEG or PNG file.", "ATTACHMENT_TYPE_NOT_SUPPORTED")
        return {"type": kind, "url": url}
    data = body
    if isinstance(body, str):
        try:
            data = base64.b64decode(body, validate=True)
        except (binascii.Error, ValueError):
            raise _invalid("AttachmentBody", "AttachmentBody is not base64-encoded data.", "CANNOT_PARSE") from None
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise _invalid("AttachmentBody", f"The attachment has {len(data)} bytes; the maximum file size is 500 KB "
                       f"({MAX_ATTACHMENT_BYTES} bytes).", "MAXIMUM_SIZE_EXCEEDED")  # fmt: skip
    kind = next((name for magic, name in _MAGIC if data.startswith(magic)), None)
    if kind is None:
        raise _invalid("AttachmentBody", "The attachment is not a PDF, JPEG or PNG file.", "ATTACHMENT_TYPE_NOT_SUPPORTED")
    return {"type": kind, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}


def create_registration_attachment(region: Region, request: dict) -> dict:
    content = _attachment_content(request)
    tags = checked_tags(request.get("Tags"))
    attachments = region.collection(ATTACHMENTS)
    account.check_account_limit(region, "REGISTRATION_ATTACHMENTS", "registration attachments")
    now = region.now()
    activity = region.collection(_ACTIVITY)
    created = [moment for moment in activity.get("attachments_created", []) if moment > now - DAY_SECONDS]
    if len(created) >= ATTACHMENTS_PER_DAY:
        raise ServiceQuotaExceededException(
            f"{len(created)} registration attachments were created in the last 24 hours, the most allowed ({ATTACHMENTS_PER_DAY}).",
            reason="REGISTRATION_ATTACHMENTS_CREATED_PER_DAY",
        )
    activity["attachments_created"] = [*created, now]
    attachment_id = region.new_id("attachment")
    attachments[attachment_id] = {
        "RegistrationAttachmentArn": region.arn(f"{ATTACHMENT}/{attachment_id}"),
        "RegistrationAttachmentId": attachment_id,
        "AttachmentStatus": "UPLOAD_COMPLETE",
        "CreatedTimestamp": now,
        "Tags": tags,
        "content": content,
    }
    return {**attachments[attachment_id], "AttachmentStatus": "UPLOAD_IN_PROGRESS"}


def delete_registration_attachment(region: Region, request: dict) -> dict:
    attachment = find_attachment(region, request["RegistrationAttachmentId"])
    attachment_id = attachment["RegistrationAttachmentId"]
    for registration in region.collection(REGISTRATIONS).values():
        version = _current(registration)
        users = [path for path, value in version["values"].items() if value.get("RegistrationAttachmentId") == attachment_id]
        if users and _status(version) == DRAFT:
            raise _conflict(f"The attachment {attachment_id} is the value of {users[0]} in the DRAFT version "
                            f"{version['VersionNumber']} of the registration {registration['RegistrationId']}; delete that "
                            "field value first.", "RESOURCE_DELETION_NOT_ALLOWED", ATTACHMENT, attachment_id)  # fmt: skip
    del region.collection(ATTACHMENTS)[attachment_id]
    return {**attachment, "AttachmentStatus": "DELETED"}


def describe_registration_attachments(region: Region, request: dict) -> dict:
    known = {"attachment-status": filters.equals("AttachmentStatus", _enum("AttachmentStatus"))}
    page, token = describe.select(region.collection(ATTACHMENTS).values(), request, "RegistrationAttachmentIds",
                                  lambda value: find_attachment(region, value, "RegistrationAttachmentIds"), known)  # fmt: skip
    return {"RegistrationAttachments": page, "NextToken": token}


# ---------------------------------------------------------------------------------------------
# Associations and the identities they gate


def _activate(kind: str, record: dict) -> bool:
    """A number waiting for its registration becomes ACTIVE; True when it changed."""
    if kind == PHONE_NUMBER and record["Status"] == "PENDING":
        record["Status"] = "ACTIVE"
        return True
    return False


def _associate(region: Region, registration: dict, kind: str, record: dict, member: str) -> dict:
    registration_id = registration["RegistrationId"]
    definition = BY_TYPE[registration["RegistrationType"]]
    resource_type = record["NumberType"] if kind == PHONE_NUMBER else "SENDER_ID"
    resource_id = identity_id(kind, record)
    supported = next((a for a in definition["SupportedAssociations"] if a["ResourceType"] == resource_type), None)
    if supported is None or supported["AssociationBehavior"] == "ASSOCIATE_ON_APPROVAL":
        takes = [a["ResourceType"] for a in definition["SupportedAssociations"] if a["AssociationBehavior"] != "ASSOCIATE_ON_APPROVAL"]
        why = ("its sender ID is provisioned when it is approved" if supported is not None
               else f"it takes {' or '.join(takes)} origination identities" if takes else "it takes no origination identities")
        raise _invalid(member, f"{resource_id} ({resource_type}) can't be associated with the {registration['RegistrationType']} "
                       f"registration {registration_id}: {why}.", "INVALID_REGISTRATION_ASSOCIATION")  # fmt: skip
    if supported.get("IsoCountryCode") and supported["IsoCountryCode"] != record["IsoCountryCode"]:
        raise _conflict(f"{resource_id} is in {record['IsoCountryCode']}; the registration {registration_id} is for "
                        f"{supported['IsoCountryCode']}.", "PHONE_NUMBER_NOT_IN_REGISTRATION_REGION", kind, resource_id)  # fmt: skip
    behaviour = supported["AssociationBehavior"]
    if behaviour == "ASSOCIATE_AFTER_COMPLETE" and not is_approved(registration):
        raise _conflict(f"The registration {registration_id} is {registration['RegistrationStatus']}: numbers are associated "
                        "once it is approved.", "REGISTRATION_NOT_COMPLETE", REGISTRATION, registration_id)  # fmt: skip
    if behaviour == "ASSOCIATE_BEFORE_SUBMIT" and _status(_current(registration)) != DRAFT:
        raise _conflict(f"The registration {registration_id} is {registration['RegistrationStatus']}: its origination identity "
                        "is associated before it is submitted.", "REGISTRATION_ALREADY_SUBMITTED", REGISTRATION, registration_id)  # fmt: skip
    if record.get("RegistrationId"):
        raise _conflict(f"{resource_id} is already associated with the registration {record['RegistrationId']}.",
                        "RESOURCE_ALREADY_ASSOCIATED", kind, resource_id)  # fmt: skip
    maximum = definition.get("max_phone_numbers")
    held = [a for a in registration["associations"] if a["kind"] == PHONE_NUMBER]
    if kind == PHONE_NUMBER and maximum is not None and len(held) >= maximum:
        raise ServiceQuotaExceededException(
            f"The registration {registration_id} already has {len(held)} phone numbers, the most a "
            f"{registration['RegistrationType']} registration can have ({maximum}).",
            reason="PHONE_NUMBERS_PER_REGISTRATION",
        )
    return _link(region, registration, kind, record)


def _link(region: Region, registration: dict, kind: str, record: dict) -> dict:
    association = {
        "ResourceArn": identity_arn(kind, record),
        "ResourceId": identity_id(kind, record),
        "ResourceType": record["NumberType"] if kind == PHONE_NUMBER else "SENDER_ID",
        "IsoCountryCode": record["IsoCountryCode"],
        "PhoneNumber": record.get("PhoneNumber") if kind == PHONE_NUMBER else None,
        "kind": kind,
        "key": identity_key(kind, record),
    }
    registration["associations"].append(association)
    record["RegistrationId"] = registration["RegistrationId"]
    if is_approved(registration):
        _activate(kind, record)
    return association


def _find_identity(region: Region, registration: dict, value: str) -> tuple[str, dict]:
    arn = arns.parse(value)
    if value.startswith("pool-") or (arn is not None and arn.resource_type == "pool"):
        raise _invalid("ResourceId", f"{value} is a pool: associate its phone numbers or sender IDs one by one.",
                       "INVALID_REGISTRATION_ASSOCIATION")  # fmt: skip
    supported = BY_TYPE[registration["RegistrationType"]]["SupportedAssociations"]
    iso = next((a.get("IsoCountryCode") for a in supported if a["ResourceType"] == "SENDER_ID"), None) or ""
    return find_number_or_sender_id(region, value, iso, "ResourceId")


def _association_answer(registration: dict, association: dict) -> dict:
    return {"RegistrationArn": registration["RegistrationArn"], "RegistrationId": registration["RegistrationId"],
            "RegistrationType": registration["RegistrationType"], **association}  # fmt: skip


def create_registration_association(region: Region, request: dict) -> dict:
    registration = find_registration(region, request["RegistrationId"])
    kind, record = _find_identity(region, registration, request["ResourceId"])
    return _association_answer(registration, _associate(region, registration, kind, record, "ResourceId"))


def join_new_number(region: Region, registration_value: str, number: dict) -> None:
    """RequestPhoneNumber's RegistrationId: the new number is associated with that registration."""
    registration = find_registration(region, registration_value, "RegistrationId")
    _associate(region, registration, PHONE_NUMBER, number, "RegistrationId")


def list_registration_associations(region: Region, request: dict) -> dict:
    registration = find_registration(region, request["RegistrationId"])
    known = {"resource-type": filters.equals("ResourceType"), "iso-country-code": filters.equals("IsoCountryCode")}
    page, token = paginate(filters.select(registration["associations"], request.get("Filters"), known), request)
    return {"RegistrationArn": registration["RegistrationArn"], "RegistrationId": registration["RegistrationId"],
            "RegistrationType": registration["RegistrationType"], "RegistrationAssociations": page, "NextToken": token}  # fmt: skip


# ---------------------------------------------------------------------------------------------
# The simulated review (`smscli sim review`, and `registration_review = approve` on submit)


def review(region: Region, registration_value: str, decision: str, reason: str | None = None,
           field_paths: tuple[str, ...] = ()) -> dict:  # fmt: skip
    """Approve, deny or request updates on the registration's submitted version."""
    registration = find_registration(region, registration_value)
    version = _current(registration)
    if _status(version) not in UNDER_REVIEW:
        raise _conflict(f"Version {version['VersionNumber']} of the registration {registration['RegistrationId']} is "
                        f"{_status(version)}: only a submitted version can be reviewed.", None, REGISTRATION,
                        registration["RegistrationId"])  # fmt: skip
    definition = BY_TYPE[registration["RegistrationType"]]
    paths = [_field(definition, path)["FieldPath"] for path in field_paths]
    changed = _decide(region, registration, version, decision, reason, paths)
    return {
        "RegistrationArn": registration["RegistrationArn"], "RegistrationId": registration["RegistrationId"],
        "RegistrationType": registration["RegistrationType"], "RegistrationStatus": registration["RegistrationStatus"],
        **{k: v for k, v in version.items() if k != "values"},
        "ActivatedOriginationIdentities": changed,
    }  # fmt: skip


def _decide(region: Region, registration: dict, version: dict, decision: str, reason: str | None = None,
            paths: list[str] = ()) -> list[dict]:  # fmt: skip
    """Apply a review decision; the origination identities it made usable, as {ResourceId, ResourceType, ...}."""
    now = region.now()
    if _status(version) != REVIEWING:
        _set_status(version, REVIEWING, now)
    if decision != APPROVE:
        _set_status(version, DENIED, now)
        registration["LatestDeniedVersionNumber"] = version["VersionNumber"]
        registration["RegistrationStatus"] = "REQUIRES_UPDATES"
        title = "Requires updates" if decision == REQUEST_UPDATES else "Denied"
        version["DeniedReasons"] = [{"Reason": title, "ShortDescription": reason or (
            "Fix the flagged fields and resubmit a new version." if decision == REQUEST_UPDATES
            else "The registration was denied; correct it and resubmit a new version.")}]  # fmt: skip
        if reason:
            version["Feedback"] = reason
        for path in paths:
            version["values"].setdefault(path, {"FieldPath": path})["DeniedReason"] = reason or title
        return []
    for other in registration["versions"]:
        if other is not version and _status(other) == APPROVED:
            _set_status(other, ARCHIVED, now)
    _set_status(version, APPROVED, now)
    registration["ApprovedVersionNumber"] = version["VersionNumber"]
    registration["RegistrationStatus"] = "COMPLETE"  # PROVISIONING passes at once
    _provision_sender_id(region, registration, version)
    changed = []
    for association in registration["associations"]:
        identity = _identity(region, association)
        if _activate(association["kind"], identity):
            changed.append({"ResourceId": association["ResourceId"], "ResourceType": association["ResourceType"],
                            "PhoneNumber": association["PhoneNumber"], "Status": identity["Status"]})  # fmt: skip
    return changed


def _provision_sender_id(region: Region, registration: dict, version: dict) -> None:
    """An approved sender ID registration provisions its sender ID (or registers the one requested earlier)."""
    provisions = BY_TYPE[registration["RegistrationType"]].get("provisions_sender_id")
    text = version["values"].get(provisions["field"], {}).get("TextValue") if provisions else None
    if not text:
        return
    from smscli.service.senderids import MONTHLY_LEASING_PRICE

    iso, key = provisions["iso"], sender_key(text, provisions["iso"])
    senders = region.collection(SENDER_IDS)
    sender = senders.setdefault(key, {
        "SenderIdArn": region.arn(f"sender-id/{text}/{iso}"), "SenderId": text, "IsoCountryCode": iso,
        "MessageTypes": ["TRANSACTIONAL", "PROMOTIONAL"], "MonthlyLeasingPrice": MONTHLY_LEASING_PRICE,
        "DeletionProtectionEnabled": False, "Registered": False, "Tags": [],
    })  # fmt: skip
    sender["Registered"] = True
    if sender.get("RegistrationId") != registration["RegistrationId"]:
        _link(region, registration, SENDER_ID, sender)


OPERATIONS = {
    "CreateRegistration": create_registration,
    "DeleteRegistration": delete_registration,
    "DescribeRegistrations": describe_registrations,
    "CreateRegistrationVersion": create_registration_version,
    "DescribeRegistrationVersions": describe_registration_versions,
    "SubmitRegistrationVersion": submit_registration_version,
    "DiscardRegistrationVersion": discard_registration_version,
    "CreateRegistrationAttachment": create_registration_attachment,
    "DeleteRegistrationAttachment": delete_registration_attachment,
    "DescribeRegistrationAttachments": describe_registration_attachments,
    "PutRegistrationFieldValue": put_registration_field_value,
    "DeleteRegistrationFieldValue": delete_registration_field_value,
    "DescribeRegistrationFieldValues": describe_registration_field_values,
    "DescribeRegistrationFieldDefinitions": describe_registration_field_definitions,
    "DescribeRegistrationSectionDefinitions": describe_registration_section_definitions,
    "DescribeRegistrationTypeDefinitions": describe_registration_type_definitions,
    "CreateRegistrationAssociation": create_registration_association,
    "ListRegistrationAssociations": list_registration_associations,
}
