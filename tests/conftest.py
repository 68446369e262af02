"""Shared fixtures: an isolated SMSCLI_HOME, a clean environment, and ways to run smscli."""

from __future__ import annotations

import itertools
import shlex
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest


REPO = Path(__file__).resolve().parent.parent
FIXED_NOW = 1767225600.0  # 2026-01-01T00:00:00Z


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self):
        return json.loads(self.out)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch, tmp_path):
    """No AWS/SMSCLI settings leak in from the machine; state and config live in a fresh SMSCLI_HOME."""
    for name in list(os.environ):
        if name == "AWS_DATA_PATH":  # set by the awscli package (the test oracle) for its own data
            continue
        if name.startswith(("AWS_", "SMSCLI_")) or name in ("NO_COLOR",):
            monkeypatch.delenv(name, raising=False)
    home = tmp_path / "home"
    monkeypatch.setenv("SMSCLI_HOME", str(home))
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield home
    time.tzset()


@pytest.fixture
def home(clean_env) -> Path:
    return clean_env


@pytest.fixture
def fixed_context(monkeypatch):
    """A clock that stands at FIXED_NOW (tests move it with clock_state["now"]), and ids 000...1, 000...2, ..."""
    from smscli.cli import operation
    from smscli.service.region import Context

    ids = itertools.count(1)
    clock_state = {"now": FIXED_NOW}

    def clock():
        return clock_state["now"]

    def make_context(account_id, region, settings=None):
        return Context(account_id=account_id, region=region, clock=clock, new_hex=lambda: f"{next(ids):032x}",
                       settings=settings)  # fmt: skip

    monkeypatch.setattr(operation, "make_context", make_context)
    return clock_state


@pytest.fixture
def smscli(capsys):
    """Run smscli in-process: smscli("describe-pools", "--output", "json") -> Result."""

    from smscli.cli import main as cli_main

    def run(*argv: str) -> Result:
        code = cli_main.main(list(argv))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture
def run(smscli, fixed_context):
    """run("create-pool --pool-id ...") with --output json and the fixed clock and ids: the parsed
    response; run(command, code=N) expects exit code N and gives the Result."""

    def call(command: str, code: int = 0):
        result = smscli(*shlex.split(command), "--output", "json")
        assert result.code == code, result.err
        return result.json() if result.out and code == 0 else result

    return call


class Clock:
    """A clock that stands still until a test moves it (clock.now += seconds)."""

    def __init__(self):
        self.now = FIXED_NOW

    def __call__(self):
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def service(tmp_path, clock):
    """The local service on a fresh state file, with a fixed clock and ids 000...1, 000...2, ..."""
    from smscli.service.dispatch import Service
    from smscli.service.region import Context
    from smscli.store.state import Store

    ids = itertools.count(1)
    return Service(Store(tmp_path / "state.json"), Context(clock=clock, new_hex=lambda: f"{next(ids):032x}"))


def fresh(service):
    """A new process on the same state file (a process reads the state once)."""
    from smscli.service.dispatch import Service

    return Service(service.store, service.context)


def run_process(*argv: str, env: dict | None = None, input: str | None = None) -> Result:
    """Run smscli as a separate process (python -m smscli), as scripts do."""
    completed = subprocess.run(
        [sys.executable, "-m", "smscli", *argv], capture_output=True, text=True, env=env or os.environ.copy(), input=input
    )
    return Result(completed.returncode, completed.stdout, completed.stderr)


GOLDEN = Path(__file__).parent / "golden"


class Transcript:
    """Runs commands, remembers the values later commands need, and writes what a terminal would show."""

    def __init__(self, smscli):
        self.smscli = smscli
        self.lines: list[str] = []
        self.values: dict[str, str] = {}

    def __call__(self, command: str, remember: dict | None = None, code: int = 0):
        """Run `command` (formatted with the remembered values); `remember` maps a name to a response
        member, or to a function of the response, to keep for later commands."""
        argv = shlex.split(command.format(**self.values))
        result = self.smscli(*argv, "--output", "json")
        self.lines.append(f"$ smscli {shlex.join(argv)}")
        self.lines.append(result.out.rstrip("\n") if result.out else "")
        if result.code:
            self.lines.append(f"[exit {result.code}]\n{result.err.rstrip()}")
        assert result.code == code, result.err
        for name, member in (remember or {}).items():
            self.values[name] = member(result.json()) if callable(member) else result.json()[member]
        return result

    def text(self) -> str:
        return "\n".join(line for line in self.lines if line != "") + "\n"


UPDATE_GOLDEN = os.environ.get("SMSCLI_UPDATE_GOLDEN") == "1"  # read before clean_env clears SMSCLI_*


def assert_golden(relative: str, actual: str) -> None:
    """Compare `actual` with tests/golden/<relative>, byte for byte.

    With SMSCLI_UPDATE_GOLDEN=1 a differing (or missing) golden is rewritten and the test fails once
    with "rewrote ...", so an update is never silent: review the diff and rerun without the variable.
    """
    path = GOLDEN / relative
    expected = path.read_text(encoding="utf-8") if path.exists() else None
    if actual == expected:
        return
    if UPDATE_GOLDEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="")
        pytest.fail(f"rewrote {path}; review the diff and rerun without SMSCLI_UPDATE_GOLDEN")
    assert expected is not None, f"missing golden {path}; run with SMSCLI_UPDATE_GOLDEN=1 to create it"
    assert actual == expected
