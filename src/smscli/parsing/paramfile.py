"""`file://` and `fileb://` parameter values, as the AWS CLI v2 reads them.

`file://PATH` is replaced by the file's text (UTF-8), `fileb://PATH` by its bytes; `~` and
environment variables in PATH are expanded. Remote URLs are not fetched (AWS CLI v2 dropped that).
A PATH no file name can be (a NUL, a lone surrogate that is not an undecodable byte) cannot be loaded,
like a file that does not exist.
"""

from __future__ import annotations

import os

PREFIXES = ("file://", "fileb://")


class ParamFileError(Exception):
    pass


def is_paramfile(value: object) -> bool:
    return isinstance(value, str) and value.startswith(PREFIXES)


def read_paramfile(value: str) -> str | bytes:
    """The contents a `file://` or `fileb://` value names."""
    binary = value.startswith("fileb://")
    path = value[len("fileb://" if binary else "file://") :]
    try:
        path = os.path.expandvars(os.path.expanduser(path))
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise ParamFileError(f"Unable to load paramfile {value}: {error}") from None
    except ValueError as error:  # a NUL, or a lone surrogate no file name can hold
        raise ParamFileError(f"Unable to load paramfile {value}: the path is not a file name ({error})") from None
    if binary:
        return data
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ParamFileError(
            f"Unable to load paramfile ({path}), text contents could not be decoded.  If this is a binary "
            "file, please use the fileb:// prefix instead of the file:// prefix."
        ) from None


def load_if_paramfile(value):
    """The value itself, or what its file holds when it is a `file://`/`fileb://` reference."""
    return read_paramfile(value) if is_paramfile(value) else value
