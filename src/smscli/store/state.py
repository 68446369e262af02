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
  parallel invocations serialise on the lock and no update is lost (store/files.py has the rules a
  write follows: a held lock is waited for, with a note on stderr after a second, for at most
  SMSCLI_LOCK_TIMEOUT seconds (default 30), then refused with exit 253 naming the lock file; a failed
  write (full disk, read-only directory, ...) is a StateError naming the file, with its temporary
  removed; a symlinked state is written through to its target; the file's permission bits are kept,
  0600 for a new one; temporaries left by killed writers are removed under the lock);
- a failed call (any exception) writes nothing;
- read-only calls read without the lock (a replace is atomic, so they see a whole file) and never write;
- a file that is not valid JSON, has the wrong structure, an unknown schema version, or a record
  without a member the service relies on (store/schema.py) is refused with a StateError (exit 253)
  naming the file and the record, and left exactly as it was;
- beside the state, `<state>.index` lists the ids and names it holds, for TAB completion (store/index.py).
  It is derived: a failure to write it after the state was written is a warning on stderr (and the
  stale index is removed), not a failure of a call whose change was made.
"""

from __future__ import annotations

import json
import os
import sys
from contextlib import contextmanager
from pathlib import Path

from smscli.errors import StateError
from smscli.store import files

SCHEMA_VERSION = 1
CLOCK_OFFSET = "clock_offset_seconds"


def empty_state() -> dict:
    return {"schema_version": SCHEMA_VERSION, "accounts": {}}


class Store:
    def __init__(self, path: Path, lock_timeout: float | None = None):
        self.path = Path(path)
        self.index_path = self.path.with_name(self.path.name + ".index")
        self.lock_timeout = lock_timeout  # seconds; None: SMSCLI_LOCK_TIMEOUT or 30 (config.lock_timeout)

    @property
    def lock_path(self) -> Path:
        return files.lock_path_of(self.path)

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
        timeout = self.lock_timeout
        if timeout is None:
            from smscli.config import lock_timeout

            timeout = lock_timeout()
        with files.locked(self.path, timeout, StateError, "state file"):
            files.clean_temporaries(self.path)
            files.clean_temporaries(self.index_path)
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
        if problem is None:
            from smscli.store.schema import record_problem

            problem = record_problem(state)
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

        def refused(reason: str) -> StateError:
            return StateError(f"Cannot write the state file {self.path}: {reason}. Nothing was changed.")

        files.replace(self.path, json.dumps(state, ensure_ascii=False, separators=(",", ":")).encode(), refused)
        try:
            files.replace(self.index_path, encode_index(state), _IndexNotWritten, durable=False)
        except _IndexNotWritten as reason:  # derived data: the change is made; completion only loses names
            try:
                os.unlink(self.index_path)
            except OSError:
                pass
            sys.stderr.write(f"smscli: warning: the state was saved, but its completion index {self.index_path} "
                             f"could not be written ({reason}); TAB completion offers fewer names until the next "
                             "change.\n")  # fmt: skip


class _IndexNotWritten(Exception):
    pass


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
