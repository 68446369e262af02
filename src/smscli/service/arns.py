"""ARNs of the service: `arn:aws:sms-voice:<region>:<account>:<type>/<id>`, and "name or ARN" inputs."""

from __future__ import annotations

import re
from collections import namedtuple

from smscli.service.errors import AccessDeniedException, ValidationException
from smscli.service.region import Region

_ARN = re.compile(r"arn:aws:sms-voice:(?P<region>[a-z0-9-]+):(?P<account>\d{12}):(?P<type>[a-z-]+)/(?P<id>.+)")


# resource_type: "opt-out-list", "pool", "sender-id", ...; resource_id: "Default", "pool-...", "MySender/US", ...
Arn = namedtuple("Arn", "region account resource_type resource_id")


def parse(value: str) -> Arn | None:
    match = _ARN.fullmatch(value)
    return Arn(match["region"], match["account"], match["type"], match["id"]) if match else None


def invalid_arn(value: str, member: str, why: str) -> ValidationException:
    return ValidationException(
        f"The ARN {value} is not valid: {why}.",
        reason="INVALID_ARN",
        fields=[{"Name": member, "Message": why}],
    )


def resolve(region: Region, value: str, resource_type: str, member: str) -> str:
    """The id or name a parameter names, given either bare or as an ARN of `resource_type`.

    An ARN must be well formed, of the expected type and of this Region (else ValidationException
    INVALID_ARN); an ARN of another account is refused as the service refuses a resource that was
    not shared with the caller (AccessDeniedException)."""
    if not value.startswith("arn:"):
        return value
    arn = check_arn(region, value, member)
    if arn.resource_type != resource_type:
        raise invalid_arn(value, member, f"expected a {resource_type} ARN, got a {arn.resource_type} ARN")
    return arn.resource_id


def check_arn(region: Region, value: str, member: str) -> Arn:
    arn = parse(value)
    if arn is None:
        raise invalid_arn(value, member, "expected arn:aws:sms-voice:<region>:<account-id>:<resource-type>/<id>")
    if arn.account != region.account_id:
        raise AccessDeniedException(
            f"The account {region.account_id} is not authorized to access {value}: the resource belongs to "
            f"account {arn.account} and was not shared."
        )
    if arn.region != region.name:
        raise invalid_arn(value, member, f"the resource is in {arn.region}, but this call is in {region.name}")
    return arn
