"""The JSON state file: the only code that touches it.

Layout (schema version 1)::

    {"schema_version": 1,
     "accounts": {"123456789012": {"regions": {"us-east-1": {<collection>: {<key>: <record>}, ...}}}},
     "clock_offset_seconds": 86400}

`clock_offset_seconds` (absent: 0) is how far `smscli sim clock --advance` has moved the simulated
clock ahead of the machine's.

Records are the API's own JSON members (PascalCase) plus hidden bookkeeping (snake_case keys), kept
in creation order (JSON objects keep their order), which is the order Describe* lists them in.

Safety rules:
- a write is a transaction: take an exclusive lock on `<state>.lock`, load, change, write a temporary
  file in the same directory, fsync it, atomically replace the state file, fsync the directory;
  parallel invocations serialise on the lock and no update is lost;
- a failed call (any exception) writes nothing;
- read-only calls read without the lock (a replace is atomic, so they see a whole file) and never write;
- a file that is not valid JSON, has the wrong structure or an unknown schema version is refused
  with a StateError (exit 253) and left exactly as it was;
- beside the state, `<state>.index` lists the ids and names it holds, for TAB completion (store/index.py).
"""

from __future__ import annotations

import fcntl
import json
import os
from contextlib import contextmanager
from pathlib import Path

from smscli.errors import StateError

SCHEMA_VERSION = 1
CLOCK_OFFSET = "clock_offset_seconds"


def empty_state() -> dict:
    return {"schema_version": SCHEMA_VERSION, "accounts": {}}


class Store:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.index_path = self.path.with_name(self.path.name + ".index")

    def load(self) -> dict:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return empty_state()
        except OSError as error:
            raise StateError(f"Cannot read the state file {self.path}: {error.strerror}.") from None
        return self._parse(raw)

    @contextmanager
    def transaction(self):
        """Yield the state under an exclusive lock; save it if the block ends without an exception."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            lock = open(self.lock_path, "a+b")
        except OSError as error:
            raise StateError(f"Cannot create the state directory or lock file for {self.path}: {error}.") from None
        with lock:
            fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
            state = self.load()
            yield state
            self._write(state)

    def _parse(self, raw: bytes) -> dict:
        try:
            state = json.loads(raw)
        except (ValueError, UnicodeDecodeError) as error:
            raise StateError(self._refusal(f"is not valid JSON ({error})")) from None
        if not isinstance(state, dict) or "schema_version" not in state:
            raise StateError(self._refusal("is not an smscli state file (no schema_version)"))
        version = state["schema_version"]
        if version != SCHEMA_VERSION:
            raise StateError(
                self._refusal(f"has schema version {version!r}; this smscli reads version {SCHEMA_VERSION}")
            )
        problem = _structure_problem(state)
        if problem:
            raise StateError(self._refusal(f"is damaged: {problem}"))
        return state

    def _refusal(self, why: str) -> str:
        return (
            f"The state file {self.path} {why}. smscli has left it untouched; "
            "restore it from a backup or move it away to start afresh."
        )

    def _write(self, state: dict) -> None:
        from smscli.store.index import encode_index

        _replace(self.path, json.dumps(state, ensure_ascii=False, separators=(",", ":")).encode())
        _replace(self.index_path, encode_index(state), durable=False)


def _replace(path: Path, data: bytes, durable: bool = True) -> None:
    """Write `data` to a temporary file beside `path`, fsync it, and atomically put it in place."""
    import tempfile

    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    if durable:
        directory = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)


def _structure_problem(state: dict) -> str | None:
    offset = state.get(CLOCK_OFFSET, 0)
    if not isinstance(offset, (int, float)) or isinstance(offset, bool) or offset < 0:
        return f'"{CLOCK_OFFSET}" is not a number of seconds'
    accounts = state.get("accounts")
    if not isinstance(accounts, dict):
        return '"accounts" is not an object'
    for account_id, account in accounts.items():
        regions = account.get("regions") if isinstance(account, dict) else None
        if not isinstance(regions, dict):
            return f'account {account_id} has no "regions" object'
        for region_name, region in regions.items():
            if not isinstance(region, dict):
                return f"region {region_name} of account {account_id} is not an object"
            for collection, records in region.items():
                if not isinstance(records, dict):
                    return f'"{collection}" of {account_id}/{region_name} is not an object'
    return None
