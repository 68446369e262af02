"""Tags on every taggable resource: TagResource, UntagResource, ListTagsForResource, and the Tags of
create operations. A record keeps its tags as the API shows them: `"Tags": [{"Key", "Value"}]`."""

from __future__ import annotations

from smscli.service import arns
from smscli.service.errors import ServiceQuotaExceededException, ValidationException, not_found
from smscli.service.region import Region

MAX_TAGS_PER_RESOURCE = 200

# ARN resource type -> (state collection, ResourceType of errors). Records are keyed by the ARN's id.
TAGGABLE = {
    "opt-out-list": ("opt_out_lists", "opt-out-list"),
    "phone-number": ("phone_numbers", "phone-number"),
    "pool": ("pools", "pool"),
    "sender-id": ("sender_ids", "sender-id"),
    "configuration-set": ("configuration_sets", "configuration-set"),
    "registration": ("registrations", "registration"),
    "registration-attachment": ("registration_attachments", "registration-attachment"),
    "verified-destination-number": ("verified_destination_numbers", "verified-destination-number"),
    "protect-configuration": ("protect_configurations", "protect-configuration"),
}


def checked_tags(tags: list[dict] | None, member: str = "Tags") -> list[dict]:
    """The Tags of a request, refused when a key appears twice ("Tag keys must be unique")."""
    tags = tags or []
    keys = [tag["Key"] for tag in tags]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        message = f"Tag keys must be unique per resource; repeated: {', '.join(duplicates)}."
        raise ValidationException(message, reason="FIELD_VALIDATION_FAILED", fields=[{"Name": member, "Message": message}])
    return [{"Key": tag["Key"], "Value": tag["Value"]} for tag in tags]


def _resource(region: Region, arn_text: str) -> dict:
    arn = arns.check_arn(region, arn_text, "ResourceArn")
    if arn.resource_type not in TAGGABLE:
        raise arns.invalid_arn(arn_text, "ResourceArn", f"{arn.resource_type} resources take no tags")
    collection, resource_type = TAGGABLE[arn.resource_type]
    record = region.collection(collection).get(arn.resource_id)
    if record is None:
        raise not_found(resource_type, arn_text)
    return record


def tag_resource(region: Region, request: dict) -> dict:
    record = _resource(region, request["ResourceArn"])
    merged = {tag["Key"]: tag["Value"] for tag in record.get("Tags", [])}
    merged.update({tag["Key"]: tag["Value"] for tag in checked_tags(request["Tags"])})
    if len(merged) > MAX_TAGS_PER_RESOURCE:
        raise ServiceQuotaExceededException(
            f"A resource can have at most {MAX_TAGS_PER_RESOURCE} tags; this request would give it {len(merged)}.",
            reason="TAGS_PER_RESOURCE",
        )
    record["Tags"] = [{"Key": key, "Value": value} for key, value in merged.items()]
    return {}


def untag_resource(region: Region, request: dict) -> dict:
    record = _resource(region, request["ResourceArn"])
    removed = set(request["TagKeys"])
    record["Tags"] = [tag for tag in record.get("Tags", []) if tag["Key"] not in removed]
    return {}


def list_tags_for_resource(region: Region, request: dict) -> dict:
    record = _resource(region, request["ResourceArn"])
    return {"ResourceArn": request["ResourceArn"], "Tags": record.get("Tags", [])}


OPERATIONS = {
    "TagResource": tag_resource,
    "UntagResource": untag_resource,
    "ListTagsForResource": list_tags_for_resource,
}
