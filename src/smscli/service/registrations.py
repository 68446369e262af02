"""Registrations: CreateRegistration, DeleteRegistration, DescribeRegistrations,
CreateRegistrationVersion, DescribeRegistrationVersions, SubmitRegistrationVersion,
DiscardRegistrationVersion; and `review`, the simulated review behind `smscli sim review`.
The rest of the registration API: the catalogue and field values in registration_fields.py,
attachments in registration_attachments.py, associations in registration_associations.py; what they
all share (the stored registrations, finding one, version statuses) in registration_records.py.

Rules (API reference, user guide, and the API digest's decisions where the reference is silent):
- CreateRegistration: status CREATED with version 1 in DRAFT; 25 per account (REGISTRATIONS_PER_ACCOUNT);
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
  an smscli figure);
- DiscardRegistrationVersion ("Discard the current version of the registration", API reference 11139): only
  a SUBMITTED current version, as the user guide says ("You can only discard the registration if it's
  status us Submitted", 001_d878c4bf3599ab7d.txt:8402-8404); the guide tells Submitted ("submitted and is
  awaiting review") from Reviewing ("accepted and is being reviewed", 8339-8345), so a DRAFT, a version
  under review (AWS_REVIEWING, REVIEWING, REQUIRES_AUTHENTICATION) or decided is refused (Conflict
  DISCARD_REGISTRATION_VERSION_NOT_ALLOWED); the registration falls back to COMPLETE, REQUIRES_UPDATES or
  CREATED; every status change stamps RegistrationVersionStatusHistory;
- DeleteRegistration: DELETE_REGISTRATION_DISASSOCIATES types release their identities (a sender ID
  stays, no longer Registered); other types are refused while identities are associated (Conflict
  RESOURCE_NOT_EMPTY), and a registration another one refers to (a brand with campaigns) is
  refused too (RESOURCE_DELETION_NOT_ALLOWED); the answer shows DELETED and the registration is gone.
"""

from __future__ import annotations

import copy

from smscli.service import account, describe, filters
from smscli.service.errors import ServiceQuotaExceededException, ValidationException, not_found
from smscli.service.identities import SENDER_ID
from smscli.service.pagination import paginate
from smscli.service.region import Region
from smscli.service.registration_associations import _activate, _provision_sender_id
from smscli.service.registration_catalog import BY_TYPE
from smscli.service.registration_fields import _field, _missing_fields, _value_of, type_definition
from smscli.service.registration_records import (
    APPROVED,
    ARCHIVED,
    AWS_REVIEWING,
    DAY_SECONDS,
    DENIED,
    DISCARDED,
    DRAFT,
    REGISTRATION,
    REGISTRATIONS,
    REVIEWING,
    SUBMITTED,
    UNDER_REVIEW,
    _conflict,
    _current,
    _enum,
    _identity,
    _invalid,
    _referenced_id,
    _set_status,
    _settle,
    _status,
    _version_answer,
    find_registration,
    is_approved,
)
from smscli.service.tags import checked_tags

VERSIONS_PER_DAY = 10
REVIEW_SETTING = "registration_review"
APPROVE, DENY, REQUEST_UPDATES = "approve", "deny", "request-updates"


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
    status = _status(version)
    if status != SUBMITTED:
        hint = " (edit the draft, or delete the registration)" if status == DRAFT else ""
        raise _conflict(f"Version {version['VersionNumber']} of the registration {registration_id} is {status}; "
                        f"only a SUBMITTED version can be discarded{hint}.",
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


OPERATIONS = {
    "CreateRegistration": create_registration,
    "DeleteRegistration": delete_registration,
    "DescribeRegistrations": describe_registrations,
    "CreateRegistrationVersion": create_registration_version,
    "DescribeRegistrationVersions": describe_registration_versions,
    "SubmitRegistrationVersion": submit_registration_version,
    "DiscardRegistrationVersion": discard_registration_version,
}
