"""Shared fixtures: an isolated SMSCLI_HOME, a clean environment, and ways to run smscli."""

from __future__ import annotations

import itertools
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
    """A clock that starts at FIXED_NOW and ticks one second per call, and ids 000...1, 000...2, ..."""
    from smscli.cli import operation
    from smscli.service.region import Context

    ticks = itertools.count()
    ids = itertools.count(1)
    clock_state = {"now": FIXED_NOW}

    def clock():
        return clock_state["now"] + next(ticks)

    def make_context(account_id, region):
        return Context(account_id=account_id, region=region, clock=clock, new_hex=lambda: f"{next(ids):032x}")

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


def run_process(*argv: str, env: dict | None = None, input: str | None = None) -> Result:
    """Run smscli as a separate process (python -m smscli), as scripts do."""
    completed = subprocess.run(
        [sys.executable, "-m", "smscli", *argv], capture_output=True, text=True, env=env or os.environ.copy(), input=input
    )
    return Result(completed.returncode, completed.stdout, completed.stderr)
