"""The repository stands alone: the README links to no file outside it, its links to docs/ resolve, and
docs/sms-encoding.md says what the code does (its examples table and its JSON example)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from smscli.sms.segments import segment

REPO = Path(__file__).resolve().parent.parent
ENCODING_DOC = REPO / "docs" / "sms-encoding.md"


def test_the_readme_points_at_nothing_outside_the_repository():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "../shared" not in readme and "shared/spec" not in readme and "shared/seeds" not in readme
    links = re.findall(r"\]\(([^)#]+)\)", readme)
    local = [link for link in links if not link.startswith(("http://", "https://"))]
    assert "docs/sms-encoding.md" in local
    assert [link for link in local if not (REPO / link).is_file()] == []


def _message(cell: str) -> str:
    """`A` × 152, `€`, `B` × 10 -> "A" * 152 + "€" + "B" * 10; "a form feed alone" -> "\\f"."""
    if cell == "a form feed alone":
        return "\f"
    text = ""
    for piece in cell.split(", "):
        match = re.fullmatch(r"`([^`]+)`(?: × (\d+))?", piece)
        assert match, f"cannot read the example {cell!r}"
        text += match[1] * int(match[2] or 1)
    return text


def test_the_examples_table_is_what_the_segmenter_answers():
    rows = re.findall(r"^\| (.+?) \| (GSM-7|UCS-2) \| \[([\d, ]+)\]", ENCODING_DOC.read_text(encoding="utf-8"), re.M)
    assert len(rows) == 17
    for cell, encoding, units in rows:
        result = segment(_message(cell))
        assert (cell, result.encoding, [part.units for part in result.parts]) == (cell, encoding, [int(u) for u in units.split(", ")])


def test_the_json_example_is_what_parts_prints(smscli):
    text = ENCODING_DOC.read_text(encoding="utf-8")
    command = re.search(r'`smscli parts "([^"]+)" --output json`', text)
    shown = re.search(r"```json\n(.*?)```", text, re.S)[1]
    result = smscli("parts", command[1], "--output", "json")
    assert (result.code, result.out) == (0, shown)
    assert list(json.loads(shown)) == ["Encoding", "MessageParts", "Characters", "Units", "MaxUnitsPerPart", "Parts",
                                       "NonGsmCharacters", "FitsServiceLimit"]  # fmt: skip
