"""Ctrl-C is exit 130 with no traceback wherever it lands: in TAB completion, which runs before the main
error handling (it was a KeyboardInterrupt traceback), in a local (Typer) command and in an operation.

Each test stops smscli for real where it is: reading a config.toml that is a FIFO nobody writes to
(the process blocks in read), then sends it SIGINT."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time

import pytest


def blocked_on_fifo(argv: list[str], home, env_extra: dict | None = None):
    """Start smscli with config.toml a FIFO; return (process, the FIFO's write end) once it is blocked reading it."""
    home.mkdir(parents=True, exist_ok=True)
    fifo = home / "config.toml"
    os.mkfifo(fifo)
    env = {**os.environ, "SMSCLI_HOME": str(home), **(env_extra or {})}
    process = subprocess.Popen([sys.executable, "-m", "smscli", *argv], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, env=env)  # fmt: skip
    deadline = time.monotonic() + 20
    while True:  # the FIFO opens for writing once smscli has it open for reading
        try:
            writer = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            break
        except OSError as error:
            if error.errno != errno.ENXIO or time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail(f"smscli never opened the FIFO: {process.communicate()}")
            time.sleep(0.02)
    time.sleep(0.3)  # now in read(), which waits for data that never comes
    return process, writer


def interrupt(process, writer) -> tuple[int, str, str]:
    process.send_signal(signal.SIGINT)
    try:
        out, err = process.communicate(timeout=20)
    finally:
        os.close(writer)
    return process.returncode, out, err


def test_ctrl_c_in_configure_set_is_130(home):
    code, out, err = interrupt(*blocked_on_fifo(["configure", "set", "region", "eu-west-1"], home))
    assert (code, out) == (130, "")
    assert "Traceback" not in err and "KeyboardInterrupt" not in err


def test_ctrl_c_in_configure_list_is_130(home):
    code, out, err = interrupt(*blocked_on_fifo(["configure", "list"], home))
    assert (code, out) == (130, "")
    assert "Traceback" not in err


def test_ctrl_c_in_tab_completion_is_130_and_quiet(home):
    completion = {"_SMSCLI_COMPLETE": "complete_bash", "COMP_WORDS": "smscli --profile ", "COMP_CWORD": "2"}
    code, out, err = interrupt(*blocked_on_fifo([], home, completion))
    assert (code, out, err) == (130, "", "")


def test_ctrl_c_in_an_api_operation_reading_its_config_is_130(home):
    code, out, err = interrupt(*blocked_on_fifo(["describe-opt-out-lists", "--output", "json"], home))
    assert (code, out, err) == (130, "", "\n")
