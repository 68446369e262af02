"""Writing smscli's own files (the state, its index, config.toml) safely: the rules both share.

- A writer holds an exclusive flock on `<file>.lock` for the whole read-change-write. It never hangs:
  when another process holds the lock it says so on stderr after a second, and gives up after the
  lock timeout (SMSCLI_LOCK_TIMEOUT seconds, default 30; config.lock_timeout) with the caller's error
  (exit 253) naming the lock file; nothing is written then.
- A write goes to a temporary `.<file>-XXXX.tmp` beside the file, is fsynced, atomically replaces
  the file, and the directory is fsynced. The temporary is removed whatever fails. A failure to
  write (full disk, read-only file system, no permission, ...) is the caller's error naming the file
  and the reason, never a bare OSError.
- A file that is a symbolic link is written through to its target (the link stays a link), and the
  lock and the temporaries live beside the target, so that every path to one file shares one lock.
- The new file keeps the old one's permission bits (a `chmod 640` survives); a new file is 0600.
- Temporaries are only ever written under the lock, so under the lock any `.<file>-*.tmp` beside the
  file is one a killed writer left: `clean_temporaries` removes them (a write killed mid-way leaves
  litter only until the next write).
"""

from __future__ import annotations

import fcntl
import os
import sys
import time
from contextlib import contextmanager
from pathlib import Path

WAIT_NOTE_AFTER_SECONDS = 1.0


def target_of(path: Path) -> Path:
    """The file a write of `path` must change: the end of its chain of symbolic links, if any."""
    return Path(os.path.realpath(path)) if os.path.islink(path) else path


def lock_path_of(path: Path) -> Path:
    target = target_of(path)
    return target.with_name(target.name + ".lock")


@contextmanager
def locked(path: Path, timeout: float, error: type[Exception], what: str):
    """Hold the exclusive lock of `path` (its `.lock` file beside its target) for the block; `what`
    names the file in messages ("state file")."""
    lock_path = lock_path_of(path)
    try:
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(lock_path, "a+b")
    except OSError as problem:
        raise error(f"Cannot change the {what} {path}: its lock file {lock_path} cannot be created "
                    f"({problem.strerror}). Nothing was changed.") from None  # fmt: skip
    with handle:
        _acquire(handle, lock_path, timeout, error)
        yield


def _acquire(handle, lock_path: Path, timeout: float, error: type[Exception]) -> None:
    start = time.monotonic()
    noted = False
    delay = 0.005
    while True:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        except OSError as problem:
            raise error(f"Cannot lock {lock_path}: {problem.strerror}. Nothing was changed.") from None
        waited = time.monotonic() - start
        if waited >= timeout:
            raise error(
                f"Gave up after {timeout:g} s waiting for the lock {lock_path}: another process holds it "
                "(another smscli writing, or one stopped in the middle of a write). Nothing was changed. "
                "Run the command again once it has finished, or set SMSCLI_LOCK_TIMEOUT to wait longer."
            )
        if not noted and waited >= WAIT_NOTE_AFTER_SECONDS:
            sys.stderr.write(f"smscli: waiting for the lock {lock_path}: another process holds it "
                             f"(giving up after {timeout:g} s)...\n")  # fmt: skip
            sys.stderr.flush()
            noted = True
        pause = min(delay, timeout - waited)
        if not noted:
            pause = min(pause, max(WAIT_NOTE_AFTER_SECONDS - waited, 0.001))
        time.sleep(max(pause, 0.001))
        delay = min(delay * 2, 0.05)


def clean_temporaries(path: Path) -> None:
    """Remove the temporaries killed writers of `path` left beside its target (call under its lock)."""
    target = target_of(path)
    prefix = f".{target.name}-"
    try:
        names = os.listdir(target.parent)
    except OSError:
        return
    for name in names:
        if name.startswith(prefix) and name.endswith(".tmp"):
            try:
                os.unlink(target.parent / name)
            except OSError:
                pass


def replace(path: Path, data: bytes, fail, durable: bool = True) -> None:
    """Write `data` to a temporary beside `path`'s target, fsync it (when `durable`), atomically put it
    in place and fsync the directory; an OSError on the way raises `fail(reason)`, e.g. "No space
    left on device", with the temporary removed."""
    import stat
    import tempfile

    target = target_of(path)
    tmp = None
    try:
        try:
            mode = stat.S_IMODE(os.stat(target).st_mode)
        except FileNotFoundError:
            mode = None
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}-", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            if mode is not None and mode != 0o600:
                os.fchmod(handle.fileno(), mode)
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, target)
        tmp = None
    except OSError as problem:
        raise fail(problem.strerror or str(problem)) from None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
    if durable:
        try:
            directory = os.open(target.parent, os.O_RDONLY)
            try:
                os.fsync(directory)
            finally:
                os.close(directory)
        except OSError:
            pass  # the file is in place; a directory that cannot be synced only loses durability, not data
