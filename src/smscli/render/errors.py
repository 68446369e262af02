"""The text of every error smscli prints on stderr: one style, the AWS CLI v2's."""

from __future__ import annotations

from smscli.errors import ServiceError, SmscliError, UsageError

PROG = "smscli"

USAGE = f"""usage: {PROG} [options] <command> [parameters]
To see help text, you can run:

  {PROG} help
  {PROG} <command> help
"""


def format_error(error: BaseException) -> str:
    if isinstance(error, UsageError):
        text = _usage(error)
    elif isinstance(error, ServiceError):
        text = _service(error)
    elif isinstance(error, SmscliError):
        text = f"{PROG}: [ERROR]: {error}\n"
    else:
        return f"{PROG}: [ERROR]: {type(error).__name__}: {error}\n(run the command again with --debug to see where it failed)\n"
    if error.hint:
        text += f"\nHint: {error.hint}\n"
    return text


def _usage(error: UsageError) -> str:
    text = f"{USAGE}\n{PROG}: error: {error.message}\n"
    if error.suggestion:
        text += f"\nDid you mean {error.suggestion}?\n"
    return text


def _service(error: ServiceError) -> str:
    operation = error.operation or "an"
    text = f"{PROG}: [ERROR]: An error occurred ({error.code}) when calling the {operation} operation: {error.message}\n"
    details = error.details()
    if details:
        text += "\nAdditional error details:\n"
        for key, value in details.items():
            if key == "Fields":
                text += "Fields:\n" + "".join(f"  {field['Name']}: {field['Message']}\n" for field in value)
            else:
                text += f"{key}: {value}\n"
    return text


def format_invalid_choice(command: str, suggestions: list[str]) -> UsageError:
    """The error for an unknown command, with the nearest valid ones."""
    message = f"argument command: Found invalid choice '{command}'"
    if suggestions:
        message += "\n\nInvalid choice: '{}', maybe you meant:\n\n{}".format(
            command, "\n".join(f"  * {name}" for name in suggestions)
        )
    return UsageError(message)
