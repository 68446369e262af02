"""A held lock is not a hang: a write waiting for another process's lock says so on stderr after a
second and gives up after SMSCLI_LOCK_TIMEOUT seconds (default 30) with exit 253 naming the lock file,
having written nothing; Ctrl-C while it waits is exit 130. Reads never wait."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import run_process

HOLD = """
import fcntl, sys, time
handle = open(sys.argv[1], "a+b")
fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
print("held", flush=True)
time.sleep(float(sys.argv[2]))
"""


@pytest.fixture
def hold_lock():
    """hold_lock(path, seconds): another process holds the flock on `path` (until it ends or the test does)."""
    holders = []

    def hold(path, seconds=60.0):
        path.parent.mkdir(parents=True, exist_ok=True)
        holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path), str(seconds)], stdout=subprocess.PIPE, text=True)
        holders.append(holder)
        assert holder.stdout.readline() == "held\n"
        return holder

    yield hold
    for holder in holders:
        holder.kill()
        holder.wait()


def env_with(home, **variables) -> dict:
    return {**os.environ, "SMSCLI_HOME": str(home), **variables}


def test_a_write_behind_a_held_lock_notes_the_wait_and_gives_up_with_253(home, hold_lock, smscli):
    assert smscli("create-opt-out-list", "--opt-out-list-name", "first", "--output", "json").code == 0
    state = home / "state.json"
    before = state.read_bytes()
    lock = home / "state.json.lock"
    hold_lock(lock)
    start = time.monotonic()
    completed = subprocess.run(
        [sys.executable, "-m", "smscli", "create-opt-out-list", "--opt-out-list-name", "second", "--output", "json"],
        capture_output=True, text=True, env=env_with(home, SMSCLI_LOCK_TIMEOUT="2"), timeout=20,
    )  # fmt: skip
    waited = time.monotonic() - start
    assert (completed.returncode, completed.stdout) == (253, "")
    assert completed.stderr == (
        f"smscli: waiting for the lock {lock}: another process holds it (giving up after 2 s)...\n"
        f"smscli: [ERROR]: Gave up after 2 s waiting for the lock {lock}: another process holds it (another smscli "
        "writing, or one stopped in the middle of a write). Nothing was changed. Run the command again once it has "
        "finished, or set SMSCLI_LOCK_TIMEOUT to wait longer.\n"
    )
    assert 2 <= waited < 10
    assert state.read_bytes() == before


def test_a_write_waits_for_a_lock_released_in_time(home, hold_lock):
    hold_lock(home / "state.json.lock", seconds=1.6)
    completed = subprocess.run(
        [sys.executable, "-m", "smscli", "create-opt-out-list", "--opt-out-list-name", "later", "--output", "json"],
        capture_output=True, text=True, env=env_with(home), timeout=40,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr
    assert completed.stderr.startswith(f"smscli: waiting for the lock {home / 'state.json.lock'}: another process holds it")
    described = run_process("describe-opt-out-lists", "--query", "OptOutLists[].OptOutListName", "--output", "json",
                            env=env_with(home))  # fmt: skip
    assert described.json() == ["Default", "later"]


def test_reads_do_not_wait_for_the_lock(home, hold_lock, smscli):
    smscli("create-opt-out-list", "--opt-out-list-name", "first", "--output", "json")
    hold_lock(home / "state.json.lock")
    result = run_process("describe-opt-out-lists", "--output", "json", env=env_with(home, SMSCLI_LOCK_TIMEOUT="0"))
    assert result.code == 0 and result.err == ""


def test_configure_set_waits_for_the_config_lock_and_gives_up_with_253(home, hold_lock, smscli):
    smscli("configure", "set", "region", "eu-west-1")
    config = home / "config.toml"
    before = config.read_bytes()
    lock = home / "config.toml.lock"
    hold_lock(lock)
    completed = subprocess.run([sys.executable, "-m", "smscli", "configure", "set", "region", "eu-west-2"],
                               capture_output=True, text=True, env=env_with(home, SMSCLI_LOCK_TIMEOUT="1.5"), timeout=20)  # fmt: skip
    assert completed.returncode == 253
    assert f"smscli: waiting for the lock {lock}" in completed.stderr
    assert f"Gave up after 1.5 s waiting for the lock {lock}" in completed.stderr
    assert config.read_bytes() == before


@pytest.mark.parametrize("value", ["soon", "-1", "inf", "nan"])
def test_a_bad_lock_timeout_is_a_configuration_error(smscli, monkeypatch, home, value):
    monkeypatch.setenv("SMSCLI_LOCK_TIMEOUT", value)
    result = smscli("create-opt-out-list", "--opt-out-list-name", "x", "--output", "json")
    assert result.code == 253
    assert result.err == f"smscli: [ERROR]: $SMSCLI_LOCK_TIMEOUT must be a number of seconds, 0 or more, not {value!r}.\n"
    assert not (home / "state.json").exists()


def test_ctrl_c_while_waiting_for_the_lock_is_exit_130_without_a_traceback(home, hold_lock):
    hold_lock(home / "state.json.lock")
    writer = subprocess.Popen(
        [sys.executable, "-m", "smscli", "create-opt-out-list", "--opt-out-list-name", "x", "--output", "json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env_with(home),
    )  # fmt: skip
    assert writer.stderr.readline().startswith("smscli: waiting for the lock")  # it is waiting now
    writer.send_signal(signal.SIGINT)
    out, err = writer.communicate(timeout=20)
    assert (writer.returncode, out, err) == (130, "", "\n")
    assert not (home / "state.json").exists()
