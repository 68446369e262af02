"""The text of every error smscli prints on stderr: one style, the AWS CLI v2's.

- A service error reads "An error occurred (<code>) when calling the <Operation> operation: ..."; one
  raised where no operation was named reads "An error occurred (<code>): ..." (never "the an").
- Its modeled members follow under "Additional error details:"; a Fields entry whose enum value set
  the message already lists refers to it instead of listing the values again.
- A bad command line (UsageError) reads as argparse's errors in the AWS CLI: the usage lines, then
  "smscli: error: ..."; the local commands' (`sim`, `configure`, ...) use the same text as the API's.
- The text is always writable: lone surrogates (undecodable bytes echoed from input) are escaped.
"""

from __future__ import annotations

import re

from smscli.errors import ServiceError, SmscliError, UsageError
from smscli.render.escape import escape_surrogates

PROG = "smscli"

USAGE = f"""usage: {PROG} [options] <command> [parameters]
To see help text, you can run:

  {PROG} help
  {PROG} <command> help
"""


def format_error(error: BaseException) -> str:
    return escape_surrogates(_format(error))


def _format(error: BaseException) -> str:
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
    calling = f" when calling the {error.operation} operation" if error.operation else ""
    text = f"{PROG}: [ERROR]: An error occurred ({error.code}){calling}: {error.message}\n"
    details = error.details()
    if details:
        text += "\nAdditional error details:\n"
        for key, value in details.items():
            if key == "Fields":
                text += "Fields:\n" + "".join(
                    f"  {field['Name']}: {_listed_once(field['Message'], error.message)}\n" for field in value
                )
            else:
                text += f"{key}: {value}\n"
    return text


_ENUM_SET = re.compile(r"enum value set: (\[[^\]]*\])")


def _listed_once(field_message: str, message: str) -> str:
    """A field's message, with an enum value set the error's message already lists referred to."""
    return _ENUM_SET.sub(
        lambda found: "enum value set (listed above)" if found.group(1) in message else found.group(0), field_message
    )


def format_invalid_choice(command: str, suggestions: list[str], argument: str = "command") -> UsageError:
    """The error for an unknown command (or a local command's unknown `subcommand`), with the nearest
    valid ones."""
    message = f"argument {argument}: Found invalid choice '{command}'"
    if suggestions:
        message += "\n\nInvalid choice: '{}', maybe you meant:\n\n{}".format(
            command, "\n".join(f"  * {name}" for name in suggestions)
        )
    return UsageError(message)


def format_invalid_value(argument: str, value: str, choices: list[str]) -> UsageError:
    """The error for a value outside an option's (or argument's) fixed set, which it lists."""
    return UsageError(f"argument {argument}: Invalid choice '{value}', valid choices are:\n\n{' | '.join(choices)}")
