"""Every error smscli reports, with the exit code it maps to (as the AWS CLI v2).

| exit | meaning                                                                    |
|------|----------------------------------------------------------------------------|
| 252  | bad command line: usage, parameter parsing, client-side parameter validation |
| 253  | configuration or state problem                                              |
| 254  | the (local) service refused the call                                        |
| 255  | anything else, including operations not simulated yet                       |
| 130  | interrupted                                                                 |

The text of each error is produced in one place, `smscli.render.errors`.
"""

from __future__ import annotations


class SmscliError(Exception):
    exit_code = 255
    hint: str | None = None  # one line of advice printed after the error, where a common mistake is recognised


class UsageError(SmscliError):
    """The command line does not parse (argparse's errors in the AWS CLI): printed with the usage lines."""

    exit_code = 252

    def __init__(self, message: str, *, suggestion: str | None = None):
        super().__init__(message)
        self.message = message
        self.suggestion = suggestion


class ClientError(SmscliError):
    """A request the CLI refuses before calling the service (exit 252)."""

    exit_code = 252


class ParamError(ClientError):
    """A parameter value that cannot be read: bad JSON, bad shorthand, a missing paramfile, ..."""

    def __init__(self, cli_name: str, message: str):
        super().__init__(f"Error parsing parameter '{cli_name}': {message}")
        self.cli_name = cli_name
        self.message = message


class ParamValidationError(ClientError):
    """Client-side validation of the request dict, as botocore does it before anything is sent."""

    def __init__(self, problems: list[str]):
        super().__init__("Parameter validation failed:\n" + "\n".join(problems))
        self.problems = problems


class ConfigError(SmscliError):
    exit_code = 253


class StateError(SmscliError):
    exit_code = 253


class NotSimulatedError(SmscliError):
    exit_code = 255

    def __init__(self, operation: str):
        super().__init__(
            f"The {operation} operation is not simulated yet: smscli parsed and validated the request, "
            "but its service behaviour has not been built. Nothing was changed."
        )
        self.operation = operation


class ServiceError(SmscliError):
    """An exception of the API (ValidationException, ConflictException, ...), with its modeled members."""

    exit_code = 254
    code = "ServiceException"

    def __init__(
        self,
        message: str,
        *,
        reason: str | None = None,
        resource_type: str | None = None,
        resource_id: str | None = None,
        fields: list[dict] | None = None,
    ):
        super().__init__(message)
        self.message = message
        self.reason = reason
        self.resource_type = resource_type
        self.resource_id = resource_id
        self.fields = fields
        self.operation: str | None = None

    def details(self) -> dict:
        """The exception's modeled members other than Message, as the API returns them."""
        found = {
            "Reason": self.reason,
            "ResourceType": self.resource_type,
            "ResourceId": self.resource_id,
            "Fields": self.fields,
        }
        return {key: value for key, value in found.items() if value is not None}
