"""Startup: what `smscli --help` and an operation's help import (heavy modules stay off those paths)."""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = """
import sys
from smscli.cli.main import main
main({argv!r})
print("MODULES=" + __import__("json").dumps(sorted(sys.modules)))
"""


def modules_loaded_by(*argv: str) -> set[str]:
    completed = subprocess.run([sys.executable, "-c", PROBE.format(argv=list(argv))], capture_output=True, text=True)
    line = [line for line in completed.stdout.splitlines() if line.startswith("MODULES=")][-1]
    return set(json.loads(line[len("MODULES="):]))


def test_help_imports_neither_pydantic_nor_jmespath_nor_rich():
    for argv in (["--help"], ["describe-opt-out-lists", "help"], ["help", "describe-opt-out-lists"], []):
        loaded = modules_loaded_by(*argv)
        for heavy in ("pydantic", "jmespath", "rich", "yaml", "typer", "dataclasses", "difflib"):
            assert heavy not in loaded, f"{argv} imports {heavy}"


def test_a_json_describe_imports_no_rich_and_no_jmespath(tmp_path, monkeypatch):
    monkeypatch.setenv("SMSCLI_HOME", str(tmp_path))
    loaded = modules_loaded_by("describe-opt-out-lists", "--output", "json")
    assert not {"rich", "jmespath", "yaml", "typer", "pydantic", "dataclasses", "typing"} & {name.split(".")[0] for name in loaded}


def test_a_local_command_imports_no_pydantic(tmp_path, monkeypatch):
    """Typer from 0.26 validates options through pydantic (about 180 ms at each start): kept below."""
    monkeypatch.setenv("SMSCLI_HOME", str(tmp_path))
    loaded = modules_loaded_by("parts", "hello", "--output", "json")
    assert "typer" in loaded and "pydantic" not in loaded


def test_a_local_commands_help_and_usage_errors_import_no_rich(tmp_path, monkeypatch):
    """Their help and errors are smscli's own text: Typer's Rich help and error boxes are never drawn."""
    monkeypatch.setenv("SMSCLI_HOME", str(tmp_path))
    for argv in (["sim", "help"], ["sim", "clock", "--bogus"], ["sim"], ["configure", "get"], ["completion", "tcsh"]):
        loaded = modules_loaded_by(*argv)
        assert "typer" in loaded and not {"rich", "pydantic"} & {name.split(".")[0] for name in loaded}, argv
