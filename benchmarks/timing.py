"""What the benchmarks share: whole-process timing in the steady state a user's machine is in.

A user's Python keeps compiled bytecode (pip writes it at install, or the first run does); a machine
that sets PYTHONDONTWRITEBYTECODE (this one does) would make every run compile every module again,
about 30 ms that no user pays. So the child processes run without it, after one warm-up run.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def steady_env(env: dict | None = None) -> dict:
    """`env` (default: this process's) without PYTHONDONTWRITEBYTECODE."""
    env = dict(os.environ if env is None else env)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def median_seconds(argv: list[str], env: dict, runs: int, expect: str | None = None) -> float:
    """The median wall time of `runs` runs of `argv` (after one warm-up run); each must succeed and,
    with `expect`, print it."""
    samples = []
    for index in range(runs + 1):
        start = time.perf_counter()
        completed = subprocess.run(argv, env=env, capture_output=True, text=True)
        if index:
            samples.append(time.perf_counter() - start)
        if completed.returncode != 0 or (expect is not None and expect not in completed.stdout):
            raise SystemExit(f"{argv} failed or answered wrong: {completed.stdout[:200]!r} {completed.stderr[-500:]}")
    return statistics.median(samples)


def installed_smscli() -> str:
    """The `smscli` a user would run (the installed console script)."""
    return shutil.which("smscli") or sys.exit("install smscli first (pip install .)")


def throwaway_home() -> Path:
    """A fresh SMSCLI_HOME for one benchmark run."""
    return Path(tempfile.mkdtemp(prefix="smscli-bench-"))
