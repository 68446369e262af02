"""The AWS CLI itself (the `awscli` package, a test-only dependency) as the oracle for command lines.

`aws_request(argv)` runs `aws pinpoint-sms-voice-v2 <argv>` in-process with a fresh driver; a
`before-call` hook captures the JSON body botocore would send and answers `{}` without any network.
It returns whether the AWS CLI accepted the command line and the request it built (with the
ClientToken botocore invents when none is given).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
from dataclasses import dataclass

import pytest

awscli = pytest.importorskip("awscli")

_ENV = {
    "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE",
    "AWS_SECRET_ACCESS_KEY": "secret",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_CONFIG_FILE": os.devnull,
    "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
    "AWS_PAGER": "",
}


@dataclass
class AwsResult:
    accepted: bool
    request: dict | None
    code: int
    err: str


def aws_request(argv: list[str]) -> AwsResult:
    from awscli.clidriver import create_clidriver

    saved = {name: os.environ.get(name) for name in _ENV}
    os.environ.update(_ENV)
    try:
        driver = create_clidriver()
        captured: dict = {}

        def before_call(params, **kwargs):
            captured["body"] = params["body"]
            return (type("Http", (), {"status_code": 200, "headers": {}})(), {})

        driver.session.register("before-call.pinpoint-sms-voice-v2", before_call)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = driver.main(["pinpoint-sms-voice-v2", *argv])
            except SystemExit as stop:
                code = stop.code
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    body = captured.get("body")
    request = json.loads(body) if body else ({} if "body" in captured else None)
    return AwsResult(request is not None, request, code, err.getvalue())
