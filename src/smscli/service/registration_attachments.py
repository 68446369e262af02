"""Registration attachments: CreateRegistrationAttachment, DeleteRegistrationAttachment,
DescribeRegistrationAttachments.

Rules (API reference, user guide, and the API digest's decisions where the reference is silent):
- attachments: AttachmentBody (base64 on the wire) or an s3:// AttachmentUrl, not both
  (PARAMETERS_CANNOT_BE_USED_TOGETHER) and not neither (MISSING_PARAMETER); at most 500 KB
  (MAXIMUM_SIZE_EXCEEDED); PDF, JPEG or PNG by content or by the URL's extension
  (ATTACHMENT_TYPE_NOT_SUPPORTED); 25 per account, 50 created a day (an smscli figure); the answer
  shows UPLOAD_IN_PROGRESS and the stored attachment is UPLOAD_COMPLETE; one used by a DRAFT version
  can't be deleted (Conflict RESOURCE_DELETION_NOT_ALLOWED); the content itself is not kept (its
  type, size and SHA-256 are).

State: `registration_attachments` keyed by RegistrationAttachmentId (+ hidden `content`);
`registration_activity` (attachment creation times, for the daily quota).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re

from smscli.service import account, arns, describe, filters
from smscli.service.errors import ServiceQuotaExceededException, not_found
from smscli.service.region import Region
from smscli.service.registration_records import (
    DAY_SECONDS,
    DRAFT,
    REGISTRATIONS,
    _conflict,
    _current,
    _enum,
    _invalid,
    _status,
)
from smscli.service.tags import checked_tags

ATTACHMENTS = "registration_attachments"
_ACTIVITY = "registration_activity"
ATTACHMENT = "registration-attachment"
ATTACHMENTS_PER_DAY = 50
MAX_ATTACHMENT_BYTES = 500 * 1024
_MAGIC = ((b"%PDF-", "PDF"), (b"\x89PNG\r\n\x1a\n", "PNG"), (b"\xff\xd8\xff", "JPEG"))
_EXTENSIONS = {"pdf": "PDF", "png": "PNG", "jpg": "JPEG", "jpeg": "JPEG"}
_S3_URL = re.compile(r"s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]/\S+")


def find_attachment(region: Region, value: str, member: str = "RegistrationAttachmentId") -> dict:
    attachment_id = arns.resolve(region, value, ATTACHMENT, member)
    record = region.collection(ATTACHMENTS).get(attachment_id)
    if record is None:
        raise not_found(ATTACHMENT, value, "registration attachment")
    return record


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


OPERATIONS = {
    "CreateRegistrationAttachment": create_registration_attachment,
    "DeleteRegistrationAttachment": delete_registration_attachment,
    "DescribeRegistrationAttachments": describe_registration_attachments,
}
