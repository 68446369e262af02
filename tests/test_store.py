"""The state file: no lost updates under parallel writers, refusal of damaged files, atomic writes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from conftest import run_process
from smscli.errors import StateError
from smscli.store.state import Store


def test_sixteen_parallel_writers_lose_nothing(home):
    env = {**os.environ, "SMSCLI_HOME": str(home)}
    numbers = [f"+1206555{n:04d}" for n in range(16)]

    def put(number):
        return subprocess.run(
            [sys.executable, "-m", "smscli", "put-opted-out-number", "--opt-out-list-name", "Default",
             "--opted-out-number", number, "--output", "json"],
            capture_output=True, text=True, env=env,
        )  # fmt: skip

    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(put, numbers))
    assert [result.returncode for result in results] == [0] * 16, [result.stderr for result in results]
    described = run_process("describe-opted-out-numbers", "--opt-out-list-name", "Default", "--output", "json", env=env)
    assert sorted(entry["OptedOutNumber"] for entry in described.json()["OptedOutNumbers"]) == numbers
    leftovers = [name for name in os.listdir(home) if name.endswith(".tmp")]
    assert leftovers == []


@pytest.mark.parametrize(
    "content, why",
    [
        (b'{"schema_version": 1, "accounts": {', "is not valid JSON"),
        (b"\xff\xfe garbage", "is not valid JSON"),
        (b'{"schema_version": 99, "accounts": {}}', "has schema version 99; this smscli reads version 1"),
        (b'["not", "a", "state"]', "is not an smscli state file"),
        (b'{"schema_version": 1, "accounts": {"123456789012": {"regions": {"us-east-1": []}}}}', "is damaged"),
    ],
)
def test_a_damaged_state_file_is_refused_and_kept(home, smscli, content, why):
    home.mkdir(parents=True)
    state = home / "state.json"
    state.write_bytes(content)
    for argv in (["describe-opt-out-lists"], ["create-opt-out-list", "--opt-out-list-name", "x"]):
        result = smscli(*argv, "--output", "json")
        assert result.code == 253
        assert result.out == ""
        assert result.err.startswith(f"smscli: [ERROR]: The state file {state} {why}")
        assert "left it untouched" in result.err
        assert state.read_bytes() == content


def test_reads_never_create_files(home, smscli):
    assert smscli("describe-opt-out-lists", "--output", "json").code == 0
    assert not home.exists()


def test_a_transaction_that_fails_leaves_the_file_as_it_was(tmp_path):
    store = Store(tmp_path / "state.json")
    with store.transaction() as state:
        state["accounts"]["123456789012"] = {"regions": {}}
    before = store.path.read_bytes()
    with pytest.raises(RuntimeError):
        with store.transaction() as state:
            state["accounts"]["999999999999"] = {"regions": {}}
            raise RuntimeError("boom")
    assert store.path.read_bytes() == before
    assert json.loads(before)["schema_version"] == 1


def test_load_refuses_unknown_versions_with_state_error(tmp_path):
    path = tmp_path / "state.json"
    path.write_text('{"schema_version": 2, "accounts": {}}')
    with pytest.raises(StateError):
        Store(path).load()
