"""What the registration modules share: the stored registrations and the statuses of their versions,
finding a registration (its associations settled first) and what every answer about a version shows.

Rules (API reference, user guide, and the API digest's decisions where the reference is silent):
- an association ends when its number or sender ID is released; a DISASSOCIATE_ALL_CLOSES_REGISTRATION
  registration whose identities are all gone is CLOSED.

State: `registrations` keyed by RegistrationId (RegistrationInformation members, Tags, and hidden
`versions` [RegistrationVersionInformation + `values` {FieldPath: RegistrationFieldValueInformation}]
and `associations` [RegistrationAssociationMetadata + `kind`, `key`]).
"""

from __future__ import annotations

from smscli import spec
from smscli.service import arns
from smscli.service.errors import ConflictException, ValidationException, not_found
from smscli.service.identities import NUMBERS, PHONE_NUMBER, SENDER_IDS
from smscli.service.region import Region
from smscli.service.registration_catalog import BY_TYPE

REGISTRATIONS = "registrations"
REGISTRATION = "registration"
DAY_SECONDS = 24 * 3600

DRAFT, SUBMITTED, AWS_REVIEWING, REVIEWING = "DRAFT", "SUBMITTED", "AWS_REVIEWING", "REVIEWING"
APPROVED, DENIED, DISCARDED, ARCHIVED = "APPROVED", "DENIED", "DISCARDED", "ARCHIVED"
UNDER_REVIEW = (SUBMITTED, AWS_REVIEWING, REVIEWING, "REQUIRES_AUTHENTICATION")
_HISTORY = {
    DRAFT: "DraftTimestamp", SUBMITTED: "SubmittedTimestamp", AWS_REVIEWING: "AwsReviewingTimestamp",
    REVIEWING: "ReviewingTimestamp", APPROVED: "ApprovedTimestamp", DISCARDED: "DiscardedTimestamp",
    DENIED: "DeniedTimestamp", ARCHIVED: "ArchivedTimestamp",
}  # fmt: skip


def _invalid(member: str, message: str, reason: str) -> ValidationException:
    return ValidationException(message, reason=reason, fields=[{"Name": member, "Message": message}])


def _conflict(message: str, reason: str | None, resource_type: str, resource_id: str) -> ConflictException:
    return ConflictException(message, reason=reason, resource_type=resource_type, resource_id=resource_id)


def _enum(shape: str) -> tuple[str, ...]:
    return tuple(spec.shape(shape)["enum"])


def find_registration(region: Region, value: str, member: str = "RegistrationId") -> dict:
    registration_id = arns.resolve(region, value, REGISTRATION, member)
    record = region.collection(REGISTRATIONS).get(registration_id)
    if record is None:
        raise not_found(REGISTRATION, value)
    _settle(region, record)
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


def _referenced_id(region: Region, text: str) -> str:
    arn = arns.parse(text)
    return arn.resource_id if arn is not None and arn.resource_type == REGISTRATION else text
