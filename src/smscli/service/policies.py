"""Resource-based policies: PutResourcePolicy, GetResourcePolicy, DeleteResourcePolicy.

Rules (API reference 13621, 11548, 6232; api.md section 5.12 and its decisions):
- a policy attaches to "a Pool, Opt-out list, Sender Id, or Phone number", named by its full ARN
  (ResourceArn: 20-256 characters, `arn:[A-Za-z0-9_:/-]+`, checked with the request); an ARN that
  does not parse, is of another Region or of another resource type (configuration set, registration,
  ...) is ValidationException INVALID_ARN; an ARN of another account is AccessDeniedException, as
  for every ARN input (arns.check_arn);
- the resource must exist: ResourceNotFoundException with the resource's own ResourceType
  (`pool`, `phone-number`, `sender-id`, `opt-out-list`) and the ARN as given for ResourceId;
- Policy is "the JSON formatted resource-based policy", 1-10,000 characters (the shape's limits,
  checked with the request: FIELD_VALIDATION_FAILED); text that is not JSON, or JSON that is not an
  object (a policy document is one), is ValidationException INVALID_PARAMETER naming Policy. The
  statements are not interpreted (the reference documents no grammar the service checks);
- Put attaches the policy or replaces the one attached: a replacement is a new policy, with a new
  CreatedTimestamp. The text is kept and answered exactly as given (no reformatting);
- Get answers ResourceArn, Policy and CreatedTimestamp; Delete removes the policy and answers the
  same members for the policy it deleted ("The JSON formatted resource-based policy that was
  deleted"); with no policy attached both are ResourceNotFoundException, ResourceType `policy`;
- a policy lives on its resource's record (hidden member `resource_policy`), so it goes when the
  resource is released or deleted: a resource requested again later, even with the same name or
  sender ID, starts without one;
- locally a policy has no effect on access (api.md 5.12): one simulated account shares nothing with
  another, so `Owner=SHARED` still lists nothing and another account's ARN is still refused.
"""

from __future__ import annotations

import json

from smscli.service import arns
from smscli.service.errors import ResourceNotFoundException, invalid, not_found
from smscli.service.region import Region

POLICY = "resource_policy"  # hidden member of a record: {"Policy": text, "CreatedTimestamp": epoch}

# ARN resource type -> state collection. Records are keyed by the ARN's id ("SenderId/IsoCountryCode"
# for sender IDs, the name for opt-out lists); the ResourceType of errors is the ARN's resource type.
SHAREABLE = {
    "phone-number": "phone_numbers",
    "sender-id": "sender_ids",
    "pool": "pools",
    "opt-out-list": "opt_out_lists",
}


def _resource(region: Region, arn_text: str) -> dict:
    arn = arns.check_arn(region, arn_text, "ResourceArn")
    if arn.resource_type not in SHAREABLE:
        raise arns.invalid_arn(
            arn_text, "ResourceArn",
            f"{arn.resource_type} resources take no resource-based policy (only phone-number, sender-id, pool "
            "and opt-out-list resources do)",
        )  # fmt: skip
    record = region.collection(SHAREABLE[arn.resource_type]).get(arn.resource_id)
    if record is None:
        raise not_found(arn.resource_type, arn_text)
    return record


def _attached(record: dict, arn_text: str) -> dict:
    policy = record.get(POLICY)
    if policy is None:
        raise ResourceNotFoundException(
            f"No resource-based policy is attached to {arn_text}.", resource_type="policy", resource_id=arn_text
        )
    return policy


def _checked_policy(text: str) -> str:
    try:
        document = json.loads(text)
    except ValueError as error:
        raise invalid("Policy", f"The policy is not valid JSON: {error}.", "INVALID_PARAMETER") from None
    if not isinstance(document, dict):
        raise invalid(
            "Policy", f"The policy must be a JSON object (a policy document), not a JSON {_kind(document)}.",
            "INVALID_PARAMETER",
        )  # fmt: skip
    return text


def _kind(value) -> str:
    if isinstance(value, list):
        return "array"
    if isinstance(value, str):
        return "string"
    if isinstance(value, bool):
        return "boolean"
    return "null" if value is None else "number"


def _answer(arn_text: str, policy: dict) -> dict:
    return {"ResourceArn": arn_text, "Policy": policy["Policy"], "CreatedTimestamp": policy["CreatedTimestamp"]}


def put_resource_policy(region: Region, request: dict) -> dict:
    text = _checked_policy(request["Policy"])
    record = _resource(region, request["ResourceArn"])
    record[POLICY] = {"Policy": text, "CreatedTimestamp": region.now()}
    return _answer(request["ResourceArn"], record[POLICY])


def get_resource_policy(region: Region, request: dict) -> dict:
    arn_text = request["ResourceArn"]
    return _answer(arn_text, _attached(_resource(region, arn_text), arn_text))


def delete_resource_policy(region: Region, request: dict) -> dict:
    arn_text = request["ResourceArn"]
    record = _resource(region, arn_text)
    policy = _attached(record, arn_text)
    del record[POLICY]
    return _answer(arn_text, policy)


OPERATIONS = {
    "PutResourcePolicy": put_resource_policy,
    "GetResourcePolicy": get_resource_policy,
    "DeleteResourcePolicy": delete_resource_policy,
}
