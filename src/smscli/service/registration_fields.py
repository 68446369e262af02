"""Registration types and field values: Describe{Type,Section,Field}Definitions,
PutRegistrationFieldValue, DeleteRegistrationFieldValue, DescribeRegistrationFieldValues; and the
checks a value passes, on its own and (the fields a version still misses) before a submit.

Rules (API reference, user guide, and the API digest's decisions where the reference is silent):
- the types, sections and fields are the built-in catalogue (registration_catalog.py); a type,
  section, field or version that is not there is a ValidationException UNKNOWN_REGISTRATION_TYPE /
  _SECTION / _FIELD / _VERSION, never a ResourceNotFoundException;
- field values are edited only on a DRAFT current version (Conflict
  EDIT_REGISTRATION_FIELD_VALUES_NOT_ALLOWED); a value takes the member of its field's type
  (TextValue, SelectChoices, RegistrationAttachmentId; none: MISSING_PARAMETER, another:
  INVALID_PARAMETER) and is checked by the field's definition (length, pattern, choices:
  FIELD_VALIDATION_FAILED; an attachment must exist, be of a type and size the field takes:
  ATTACHMENT_TYPE_NOT_SUPPORTED, MAXIMUM_SIZE_EXCEEDED; a reference to another registration must
  name one of the right type); deleting a field without a value: REGISTRATION_FIELD_CANNOT_BE_DELETED.
"""

from __future__ import annotations

import re

from smscli.service import filters
from smscli.service.errors import ValidationException, not_found
from smscli.service.pagination import paginate
from smscli.service.region import Region
from smscli.service.registration_attachments import ATTACHMENTS, find_attachment
from smscli.service.registration_catalog import BY_TYPE, TYPES
from smscli.service.registration_records import (
    DRAFT,
    REGISTRATION,
    REGISTRATIONS,
    _conflict,
    _current,
    _invalid,
    _referenced_id,
    _status,
    find_registration,
)

_VALUE_MEMBERS = {"TEXT": "TextValue", "SELECT": "SelectChoices", "ATTACHMENT": "RegistrationAttachmentId"}


# ---------------------------------------------------------------------------------------------
# The catalogue


def type_definition(registration_type: str, member: str = "RegistrationType") -> dict:
    definition = BY_TYPE.get(registration_type)
    if definition is None:
        raise ValidationException(
            f"{registration_type} is not a registration type; valid types: {', '.join(BY_TYPE)}.",
            reason="UNKNOWN_REGISTRATION_TYPE",
            fields=[{"Name": member, "Message": "Not a registration type (valid types listed above)."}],
        )
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
# The fields a version still misses (SubmitRegistrationVersion's check)


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


OPERATIONS = {
    "PutRegistrationFieldValue": put_registration_field_value,
    "DeleteRegistrationFieldValue": delete_registration_field_value,
    "DescribeRegistrationFieldValues": describe_registration_field_values,
    "DescribeRegistrationFieldDefinitions": describe_registration_field_definitions,
    "DescribeRegistrationSectionDefinitions": describe_registration_section_definitions,
    "DescribeRegistrationTypeDefinitions": describe_registration_type_definitions,
}
