"""The API's exception types. Raise these from the service; the CLI prints them and exits 254."""

from __future__ import annotations

from smscli.errors import ServiceError


class AccessDeniedException(ServiceError):
    code = "AccessDeniedException"


class ConflictException(ServiceError):
    code = "ConflictException"


class InternalServerException(ServiceError):
    code = "InternalServerException"


class ResourceNotFoundException(ServiceError):
    code = "ResourceNotFoundException"


class ServiceQuotaExceededException(ServiceError):
    code = "ServiceQuotaExceededException"


class ThrottlingException(ServiceError):
    code = "ThrottlingException"


class ValidationException(ServiceError):
    code = "ValidationException"


def not_found(resource_type: str, resource_id: str, label: str | None = None) -> ResourceNotFoundException:
    """RNF in the service's words: the ResourceType and the id exactly as the caller gave it."""
    what = label or resource_type.replace("-", " ")
    return ResourceNotFoundException(
        f"The {what} {resource_id} does not exist.", resource_type=resource_type, resource_id=resource_id
    )


def invalid(member: str, message: str, reason: str = "FIELD_VALIDATION_FAILED") -> ValidationException:
    """A ValidationException about one request member, with Fields naming it."""
    return ValidationException(message, reason=reason, fields=[{"Name": member, "Message": message}])
