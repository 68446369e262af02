"""Registration associations and the origination identities they gate: CreateRegistrationAssociation,
ListRegistrationAssociations, `join_new_number` (RequestPhoneNumber's RegistrationId), and what an
approval does to the identities (activating numbers, provisioning a sender ID: `review` in
registrations.py decides). How an association ends: registration_records.py.

Rules (API reference, user guide, and the API digest's decisions where the reference is silent):
- associations: a phone number (by its NumberType: TEN_DLC, TOLL_FREE) or sender ID the type
  supports (else INVALID_REGISTRATION_ASSOCIATION; pools and sender IDs of ASSOCIATE_ON_APPROVAL
  types too), of the type's country (Conflict PHONE_NUMBER_NOT_IN_REGISTRATION_REGION);
  ASSOCIATE_AFTER_COMPLETE needs an approved registration (REGISTRATION_NOT_COMPLETE),
  ASSOCIATE_BEFORE_SUBMIT a DRAFT version (REGISTRATION_ALREADY_SUBMITTED); one registration per
  identity (RESOURCE_ALREADY_ASSOCIATED); 49 numbers per 10DLC campaign, 1 per toll-free registration
  (PHONE_NUMBERS_PER_REGISTRATION); an associated number of an approved registration is ACTIVE;
  RequestPhoneNumber's RegistrationId associates the new number the same way.
"""

from __future__ import annotations

from smscli.service import arns, filters
from smscli.service.errors import ServiceQuotaExceededException
from smscli.service.identities import (
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
from smscli.service.registration_catalog import BY_TYPE
from smscli.service.registration_records import (
    DRAFT,
    REGISTRATION,
    _conflict,
    _current,
    _invalid,
    _status,
    find_registration,
    is_approved,
)


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
# A sender ID registration's approval (registrations.py's review)


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
    "CreateRegistrationAssociation": create_registration_association,
    "ListRegistrationAssociations": list_registration_associations,
}
