"""The store's and config.toml's edges, found by killing and starving smscli: a full or read-only file
system is exit 253 naming the file (never an OSError, exit 255), with no temporary left; temporaries of
killed writers are cleaned under the lock; parallel `configure set`s lose nothing; a failed index write
after the state was saved is a warning, not a failure; a symlinked file stays a link and its target is
written; a file's mode is kept.

The full and read-only file systems are real: a small tmpfs mounted on SMSCLI_HOME in a private mount
namespace (`unshare -m`, as root; `unshare -rm` otherwise), filled up with a file or remounted read-only."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import tomllib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from conftest import Result, run_process

SMALL_FS = r"""
set -e
mount -t tmpfs -o size=256k,mode=0755 tmpfs "$H"
cp -a "$SEED"/. "$H"/
if [ "$FULL" = 1 ]; then dd if=/dev/zero of="$H/filler" bs=4096 2>/dev/null || true; fi
if [ "$RO" = 1 ]; then mount -o remount,ro "$H"; fi
set +e
"$PY" -m smscli "$@" > "$OUT/stdout" 2> "$OUT/stderr"
echo $? > "$OUT/rc"
rm -f "$H/filler" 2>/dev/null
cp -a "$H"/. "$AFTER"/
"""


def _unshare() -> list[str]:
    return ["unshare", "-m"] if os.geteuid() == 0 else ["unshare", "-rm"]


@pytest.fixture(scope="module")
def small_fs_available(tmp_path_factory):
    probe = tmp_path_factory.mktemp("probe")
    if shutil.which("unshare") is None:
        pytest.skip("no unshare(1) to mount a small file system")
    completed = subprocess.run([*_unshare(), "sh", "-c", f"mount -t tmpfs -o size=64k tmpfs {probe}"], capture_output=True)
    if completed.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs in a private namespace here: {completed.stderr.decode().strip()}")


def on_small_fs(tmp_path: Path, seed: dict[str, bytes], *argv: str, full=False, readonly=False) -> tuple[Result, Path, dict]:
    """Run `python -m smscli argv` with SMSCLI_HOME on a fresh 256 KiB tmpfs holding `seed`, filled up
    (`full`) or read-only; returns the result, the home path it ran with, and the files left {name: bytes}."""
    home, seed_dir, after, out = (tmp_path / name for name in ("mnt", "seed", "after", "out"))
    for directory in (home, seed_dir, after, out):
        directory.mkdir(parents=True)
    for name, data in seed.items():
        (seed_dir / name).write_bytes(data)
        (seed_dir / name).chmod(0o600)
    env = {**os.environ, "SMSCLI_HOME": str(home), "H": str(home), "SEED": str(seed_dir), "AFTER": str(after),
           "OUT": str(out), "PY": sys.executable, "FULL": "1" if full else "0", "RO": "1" if readonly else "0"}  # fmt: skip
    completed = subprocess.run([*_unshare(), "bash", "-c", SMALL_FS, "bash", *argv], env=env, capture_output=True, text=True)
    assert completed.returncode == 0, completed.stderr
    result = Result(int((out / "rc").read_text()), (out / "stdout").read_text(), (out / "stderr").read_text())
    return result, home, {path.name: path.read_bytes() for path in after.iterdir()}


@pytest.fixture
def seeded(smscli, home):
    """A state and a config.toml made by smscli: {name: bytes}."""
    assert smscli("create-opt-out-list", "--opt-out-list-name", "kept", "--output", "json").code == 0
    assert smscli("configure", "set", "cli_timestamp_format", "iso8601").code == 0
    return {name: (home / name).read_bytes() for name in ("state.json", "config.toml")}


def temporaries(files) -> list[str]:
    return sorted(name for name in files if name.endswith(".tmp"))


def test_a_full_disk_is_253_naming_the_state_file_and_leaves_it_whole(small_fs_available, tmp_path, seeded):
    result, home, after = on_small_fs(tmp_path, seeded, "create-opt-out-list", "--opt-out-list-name", "new",
                                      "--output", "json", full=True)  # fmt: skip
    assert (result.code, result.out) == (253, "")
    assert result.err == f"smscli: [ERROR]: Cannot write the state file {home}/state.json: No space left on device. Nothing was changed.\n"
    assert after["state.json"] == seeded["state.json"]
    assert temporaries(after) == []


def test_a_full_disk_in_configure_set_is_253_naming_the_config_file(small_fs_available, tmp_path, seeded):
    result, home, after = on_small_fs(tmp_path, seeded, "configure", "set", "output", "yaml", full=True)
    assert result.code == 253
    assert result.err == f"smscli: [ERROR]: Cannot write the config file {home}/config.toml: No space left on device. Nothing was changed.\n"
    assert after["config.toml"] == seeded["config.toml"]
    assert temporaries(after) == []


def test_a_read_only_config_directory_is_253_even_under_debug(small_fs_available, tmp_path, seeded):
    result, home, after = on_small_fs(tmp_path, seeded, "configure", "set", "output", "yaml", "--debug", readonly=True)
    assert result.code == 253
    assert result.err == (f"smscli: [ERROR]: Cannot change the config file {home}/config.toml: its lock file "
                          f"{home}/config.toml.lock cannot be created (Read-only file system). Nothing was changed.\n")  # fmt: skip
    assert after["config.toml"] == seeded["config.toml"]


def test_a_read_only_state_directory_is_253(small_fs_available, tmp_path, seeded):
    result, home, after = on_small_fs(tmp_path, seeded, "create-opt-out-list", "--opt-out-list-name", "new",
                                      "--output", "json", readonly=True)  # fmt: skip
    assert result.code == 253
    assert result.err.startswith(f"smscli: [ERROR]: Cannot change the state file {home}/state.json: its lock file")
    assert after["state.json"] == seeded["state.json"]
    readers = on_small_fs(tmp_path / "again", seeded, "describe-opt-out-lists", "--output", "json", readonly=True)[0]
    assert readers.code == 0  # reads need no lock and write nothing


def test_temporaries_of_killed_writers_are_cleaned_by_the_next_write_only(smscli, home, seeded):
    litter = [".state.json-k1ll3d.tmp", ".state.json.index-k1ll3d.tmp", ".config.toml-k1ll3d.tmp"]
    unrelated = [".state.json-notes.txt", "notes.tmp", ".other.json-x.tmp"]
    for name in litter + unrelated:
        (home / name).write_bytes(b"x" * 1000)
    assert smscli("describe-opt-out-lists", "--output", "json").code == 0  # a read changes nothing
    assert sorted(p.name for p in home.iterdir() if p.name in litter) == sorted(litter)
    assert smscli("create-opt-out-list", "--opt-out-list-name", "next", "--output", "json").code == 0
    left = {p.name for p in home.iterdir()}
    assert left & set(litter) == {".config.toml-k1ll3d.tmp"}  # the state's write cleans the state's litter
    assert set(unrelated) <= left
    assert smscli("configure", "set", "output", "json").code == 0
    assert {p.name for p in home.iterdir()} & set(litter) == set()


def test_a_writer_killed_mid_write_leaves_litter_only_until_the_next_write(home, seeded):
    """A real kill: SIGKILL a writer between writing its temporary and the replace."""
    script = (
        "import os, signal, sys\n"
        "from smscli.store import files\n"
        "real = os.replace\n"
        "def stop(source, target):\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        "files.os.replace = stop\n"
        "sys.argv = ['smscli', 'create-opt-out-list', '--opt-out-list-name', 'lost', '--output', 'json']\n"
        "from smscli.cli.main import entry\n"
        "entry()\n"
    )
    env = {**os.environ, "SMSCLI_HOME": str(home)}
    killed = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True)
    assert killed.returncode == -9
    assert len([p for p in home.iterdir() if p.name.startswith(".state.json-") and p.name.endswith(".tmp")]) == 1
    assert (home / "state.json").read_bytes() == seeded["state.json"]
    assert run_process("create-opt-out-list", "--opt-out-list-name", "next", "--output", "json", env=env).code == 0
    assert [p.name for p in home.iterdir() if p.name.endswith(".tmp")] == []


def test_parallel_configure_sets_of_eight_profiles_keep_all_eight(home, smscli):
    home.mkdir(parents=True)
    (home / "config.toml").write_text('# mine\n[default]\nregion = "us-east-1"\n')
    env = {**os.environ, "SMSCLI_HOME": str(home)}
    regions = ["eu-west-1", "eu-west-2", "eu-west-3", "eu-north-1", "ap-south-1", "us-west-1", "us-west-2", "ca-central-1"]

    def set_region(index):
        return run_process("configure", "set", "region", regions[index], "--profile", f"p{index}", env=env)

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(set_region, range(8)))
    assert [result.code for result in results] == [0] * 8, [result.err for result in results]
    document = tomllib.loads((home / "config.toml").read_text())
    assert document == {"default": {"region": "us-east-1"}, "profile": {f"p{i}": {"region": regions[i]} for i in range(8)}}
    assert (home / "config.toml").read_text().startswith('# mine\n[default]\nregion = "us-east-1"\n')


def test_a_failed_index_write_after_the_state_was_saved_is_a_warning(home, smscli, seeded):
    index = home / "state.json.index"
    index.unlink()
    index.mkdir()  # the index cannot be replaced now
    (index / "keep").write_text("x")
    result = smscli("create-opt-out-list", "--opt-out-list-name", "made", "--output", "json")
    assert result.code == 0
    assert result.json()["OptOutListName"] == "made"
    assert result.err.startswith(f"smscli: warning: the state was saved, but its completion index {index} could not be written (")
    assert result.err.endswith("); TAB completion offers fewer names until the next change.\n")
    names = smscli("describe-opt-out-lists", "--query", "OptOutLists[].OptOutListName", "--output", "json").json()
    assert names == ["Default", "kept", "made"]
    assert [p.name for p in home.iterdir() if p.name.endswith(".tmp")] == []


def test_a_symlinked_state_stays_a_link_and_its_target_is_written(home, smscli, seeded):
    data = home / "data"
    data.mkdir()
    (home / "state.json").rename(data / "real-state.json")
    (home / "state.json").symlink_to(Path("data") / "real-state.json")
    assert smscli("create-opt-out-list", "--opt-out-list-name", "through", "--output", "json").code == 0
    assert (home / "state.json").is_symlink()
    assert os.readlink(home / "state.json") == "data/real-state.json"
    lists = json.loads((data / "real-state.json").read_bytes())["accounts"]["123456789012"]["regions"]["us-east-1"]["opt_out_lists"]
    assert list(lists) == ["Default", "kept", "through"]
    assert (data / "real-state.json.lock").exists()
    assert [p.name for p in (*home.iterdir(), *data.iterdir()) if p.name.endswith(".tmp")] == []


def test_a_symlinked_config_stays_a_link(home, smscli, seeded):
    (home / "config.toml").rename(home / "dotfiles.toml")
    (home / "config.toml").symlink_to("dotfiles.toml")
    assert smscli("configure", "set", "output", "text").code == 0
    assert os.readlink(home / "config.toml") == "dotfiles.toml"
    assert (home / "dotfiles.toml").read_text() == '[default]\ncli_timestamp_format = "iso8601"\noutput = "text"\n'


def test_a_files_mode_is_kept_and_a_new_file_is_private(home, smscli, seeded):
    assert stat.S_IMODE((home / "state.json").stat().st_mode) == 0o600
    assert stat.S_IMODE((home / "config.toml").stat().st_mode) == 0o600
    (home / "state.json").chmod(0o640)
    (home / "config.toml").chmod(0o644)
    assert smscli("create-opt-out-list", "--opt-out-list-name", "shared", "--output", "json").code == 0
    assert smscli("configure", "set", "output", "json").code == 0
    assert stat.S_IMODE((home / "state.json").stat().st_mode) == 0o640
    assert stat.S_IMODE((home / "config.toml").stat().st_mode) == 0o644
