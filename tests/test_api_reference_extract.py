"""The committed extract of the API reference (scripts/api_reference_extract.json) is what the full
reference gives, and the full reference gives the same service.json. These need the full reference,
which the project's sources keep beside the repository (shared/seeds/); a user's clone has none, and
these skip there, while the drift test (tests/test_spec_generation.py) runs from the extract."""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def _generator():
    module_spec = importlib.util.spec_from_file_location("gen_spec", REPO / "scripts" / "gen_spec.py")
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    return module


GENERATOR = _generator()
SEED = GENERATOR.DEFAULT_SEED
pytestmark = pytest.mark.skipif(not SEED.is_file(), reason=f"the full API reference is not at {SEED}")


def test_the_committed_extract_is_what_the_full_reference_gives():
    text = SEED.read_text(encoding="utf-8")
    assert json.loads(GENERATOR.EXTRACT.read_text())["source"]["sha256"] == hashlib.sha256(text.encode()).hexdigest()
    assert GENERATOR.write_extract(SEED) == GENERATOR.EXTRACT.read_text(encoding="utf-8"), (
        "the extract drifted: run python scripts/gen_spec.py --write-extract")  # fmt: skip


def test_the_full_reference_gives_the_same_spec():
    generated, _ = GENERATOR.generate(SEED)
    assert GENERATOR.render(generated) == (REPO / "src" / "smscli" / "spec" / "service.json").read_text()
