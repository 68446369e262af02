"""Generate src/smscli/spec/help.json: the texts `smscli <command> help` shows (smscli/cli/help.py).

Reads:
- the API reference as text (shared/seeds/003_1130e85a092bf54c.txt, found as scripts/gen_spec.py
  finds it, or --reference PATH): each action's description (the paragraphs before "Request Syntax",
  or "Response Syntax" on the four pages of actions that take no request members), the description
  of each request member (before its "Type:" line) and of each response member, and of each data
  type and its members (before "Contents", and before each member's "Type:");
- the user guide as text (001_d878c4bf3599ab7d.txt beside it, or --guide PATH): one AWS CLI example
  per operation where it has one, at the lines scripts/help_tables.py names;
- scripts/help_tables.py: smscli's own texts, what each filter Name compares (the reference lists the
  names only), how the filters of a request combine, and the corrections of examples the guide prints
  wrong;
- src/smscli/spec/service.json: which operations, members and data types there are.

Text rules: page footers ("See Also API Version 2022-03-31 39"), the link targets some footers carry
(a URL alone on a line) and running headers ("AWS End User Messaging SMS API Reference") are
dropped; the lines of a paragraph are joined with a space, except after a hyphen that ends a word
("time-" + "sensitive" is "time-sensitive": the reference breaks lines only at real hyphens); a
paragraph that a page break cut (no closing punctuation, the next starts in lower case) is joined
again, and a bullet or an "Important" that a page break glued to the line above is a paragraph
again; "Important" and "Note" lead the paragraph they head; curly quotes become straight ones.
Bullets keep their "• " (help.py prints them as the AWS CLI does).

Writes one JSON object, without whitespace (json.load is the only cost `<command> help` adds):
  "operations": {Op: {"d": [paragraph, ...], "in": {Member: [paragraph, ...]},
                      "out": {Member: text}, "ex": {"c": command, "s": section, "n": note}}},
  "types": {Shape: {"d": [paragraph, ...], "in": {Member: [paragraph, ...]}, "out": {Member: text}}},
  "filters": {FilterNameShape: {name: text}}, "combine": {"all": text, "any": text, "anyOf": [Op, ...]}
  (these two are smscli's texts, not the reference's: help.py says so where it shows them)
"out" texts are the short ones only: a member's whole description when it is at most 240 characters
and has no bullets, else its first paragraph when that is short (and does not end with ":"), else
none. "types" holds the structures the operations' inputs reach ("d", "in") and their outputs reach
("out").

The committed file is what this makes (tests/test_help.py checks it where the seeds are at hand).

Usage: python scripts/gen_help.py [--reference PATH] [--guide PATH] [--check]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import gen_spec  # noqa: E402  (the reference's lines and headings, read as service.json's generator reads them)
import help_tables  # noqa: E402

REPO = gen_spec.REPO
REFERENCE = gen_spec.DEFAULT_SEED
GUIDE_NAME = "001_d878c4bf3599ab7d.txt"
GUIDE = REFERENCE.with_name(GUIDE_NAME)
SERVICE = REPO / "src" / "smscli" / "spec" / "service.json"
OUTPUT = REPO / "src" / "smscli" / "spec" / "help.json"

_RUNNING_HEADER = "AWS End User Messaging SMS API Reference"
_LINK = re.compile(r"^https?://\S+$")
_LEADS = ("Important", "Note", "Tip")
_SHORT = 240
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_CLI = "aws pinpoint-sms-voice-v2 "


# ---------------------------------------------------------------------------------------------
# Paragraphs


def reference_lines(text: str) -> list[str]:
    """The reference's lines, stripped, without page footers, the link targets printed below some of
    them (a bare URL on its own line) and running headers."""
    return [line for line in gen_spec.clean_lines(text) if line != _RUNNING_HEADER and not _LINK.match(line)]


def join_lines(lines: list[str]) -> str:
    text = ""
    for line in lines:
        text += line if re.search(r"\w-$", text) or not text else " " + line
    return re.sub(r"\s+", " ", text.translate(_QUOTES)).strip()


def paragraphs(lines: list[str]) -> list[str]:
    """The blank-line separated paragraphs of `lines`, mended where a page break cut one."""
    found: list[str] = []
    current: list[str] = []
    for line in [*lines, ""]:
        if (line in _LEADS or line.startswith("• ")) and current:  # a page break can take the blank line away
            found.append(join_lines(current))
            current = []
        if line:
            current.append(line)
        elif current:
            found.append(join_lines(current))
            current = []
    mended: list[str] = []
    for text in found:
        previous = mended[-1] if mended else ""
        if previous in _LEADS:
            mended[-1] = f"{previous}: {text}"
        elif previous and not previous.startswith("• ") and not re.search(r"[.:!?)\"]$", previous) and text[0].islower():
            mended[-1] = f"{previous} {text}"
        else:
            mended.append(text)
    return mended


def short_text(texts: list[str]) -> str | None:
    """What OUTPUT shows of a member's description: all of it when short, else a short first paragraph."""
    whole = " ".join(texts)
    if texts and len(whole) <= _SHORT and not texts[0].endswith(":") and not any(text.startswith("• ") for text in texts):
        return whole
    if texts and len(texts[0]) <= _SHORT and not texts[0].endswith(":"):
        return texts[0]
    return None


# ---------------------------------------------------------------------------------------------
# The API reference


def member_texts(section: list[str], members: list[str]) -> dict[str, list[str]]:
    """{member: paragraphs} for the members documented in a Request Parameters, Response Elements or
    Contents section: a member's heading is a line that is exactly its name with a "Type:" line below;
    its description is what stands between the two."""
    found: dict[str, list[str]] = {}
    for index, line in enumerate(section):
        if line not in members or line in found:
            continue
        below = section[index + 1 : index + 60]
        type_line = next((number for number, item in enumerate(below) if item.startswith("Type:")), None)
        if type_line is None or any(item in members and item != line for item in below[:type_line]):
            continue
        found[line] = paragraphs(below[:type_line])
    return found


class ReferenceTexts:
    """The descriptions the API reference gives, for the operations, members and types of service.json."""

    def __init__(self, text: str, service: dict):
        lines = reference_lines(text)
        shapes = service["shapes"]
        actions = gen_spec.bullet_list(lines, "The following actions are supported:")
        starts, position = [], 0
        for action in actions:
            position = gen_spec._find_heading(lines, action, position, ("Request Syntax", "Response Syntax"))
            starts.append(position)
            position += 1
        data_types = lines.index("Data Types", position)
        self.operations: dict[str, dict] = {}
        for action, start, stop in zip(actions, starts, starts[1:] + [data_types]):
            if action not in service["operations"]:
                continue
            operation = service["operations"][action]
            page = lines[start:stop]
            syntax = next(index for index, line in enumerate(page) if line in ("Request Syntax", "Response Syntax"))
            request_ends = ("Response Syntax", "Response Elements", "Errors")
            request = gen_spec._between(lines, start, stop, "Request Parameters", request_ends)
            response = gen_spec._between(lines, start, stop, "Response Elements", ("Errors",))
            self.operations[action] = {
                "d": paragraphs(page[1:syntax]),
                "in": member_texts(request, list(shapes[operation["input"]]["members"])),
                "out": member_texts(response, list(shapes[operation["output"]]["members"])),
            }
        self.types: dict[str, dict] = {}
        for name in gen_spec.bullet_list(lines, "The following data types are supported:", data_types):
            if shapes.get(name, {}).get("type") != "structure":
                continue
            start = gen_spec._find_heading(lines, name, data_types, ("Contents",))
            contents = lines.index("Contents", start)
            self.types[name] = {
                "d": paragraphs(lines[start + 1 : contents]),
                "in": member_texts(lines[contents + 1 : lines.index("See Also", start)], list(shapes[name]["members"])),
            }


# ---------------------------------------------------------------------------------------------
# The user guide's examples


def example(guide_lines: list[str], op: str, command: str) -> dict:
    """The guide's example for `op` as smscli runs it: prompts and continuations removed, lines that
    the PDF wrapped joined (without a space after "-" or "/"), `aws pinpoint-sms-voice-v2` replaced."""
    first, last, section = help_tables.EXAMPLES[op]
    above = [line.strip() for line in guide_lines[max(0, first - 81) : first - 1]]
    if section not in above:
        raise SystemExit(f"{op}: the section {section!r} is not in the 80 lines above line {first} of the guide")
    text = ""
    for number in range(first, last + 1):
        line = guide_lines[number - 1].strip()
        line = re.sub(r"^\$ |^> ?", "", line).strip()
        continued = line.endswith("\\")
        line = line.removesuffix("\\").strip()
        text += line if not text or re.search(r"[-/]$", text) else " " + line
        if continued:
            text += " "
    text = re.sub(r"\s+", " ", text).strip()
    if not text.startswith(_CLI + command + " ") and text != _CLI + command:
        raise SystemExit(f"{op}: lines {first}-{last} of the guide are not an example of {command}: {text!r}")
    entry = {"c": "smscli " + text[len(_CLI) :], "s": section}
    if op in help_tables.FIXES:
        corrections, note = help_tables.FIXES[op]
        for wrong, right in corrections:
            if wrong not in entry["c"]:
                raise SystemExit(f"{op}: the example has no {wrong!r} to correct")
            entry["c"] = entry["c"].replace(wrong, right)
        entry["n"] = note
    return entry


# ---------------------------------------------------------------------------------------------
# The file


def _reached(service: dict, shape_name: str, found: dict) -> None:
    """The structures a shape reaches (through lists, maps and members), in `found`."""
    shape = service["shapes"][shape_name]
    if shape["type"] == "structure":
        if shape_name in found:
            return
        found[shape_name] = True
        for member in shape["members"].values():
            _reached(service, member["shape"], found)
    for key in ("member", "value"):
        if key in shape:
            _reached(service, shape[key], found)


def _kebab(name: str) -> str:
    return re.sub(r"([a-z0-9])([A-Z])", r"\1-\2", re.sub(r"(.)([A-Z][a-z]+)", r"\1-\2", name)).lower()


def _filter_texts(service: dict) -> dict[str, dict[str, str]]:
    shapes = service["shapes"]
    texts = {}
    for name, table in sorted(help_tables.FILTERS.items()):
        if list(table) != shapes[name]["enum"]:
            raise SystemExit(f"scripts/help_tables.py: the filters of {name} are {shapes[name]['enum']}, not {list(table)}")
        texts[name] = {
            filter_name: re.sub(r"\{(\w+)\}", lambda match: " | ".join(shapes[match[1]]["enum"]), text)
            for filter_name, text in table.items()
        }
    missing = sorted(name for name in shapes if name.endswith("FilterName") and name not in texts)
    if missing:
        raise SystemExit(f"scripts/help_tables.py has no texts for {', '.join(missing)}")
    return texts


def generate(reference_text: str, guide_text: str) -> dict:
    service = json.loads(SERVICE.read_text(encoding="utf-8"))
    reference = ReferenceTexts(reference_text, service)
    guide_lines = guide_text.splitlines()
    unknown = sorted(set(help_tables.EXAMPLES) - set(service["operations"]))
    if unknown:
        raise SystemExit(f"scripts/help_tables.py names examples of unknown operations: {unknown}")
    operations, inputs, outputs = {}, {}, {}
    for op, operation in sorted(service["operations"].items()):
        texts = reference.operations[op]
        entry = {"d": texts["d"], "in": texts["in"]}
        out = {member: short_text(value) for member, value in texts["out"].items()}
        entry["out"] = {member: text for member, text in out.items() if text}
        if op in help_tables.EXAMPLES:
            entry["ex"] = example(guide_lines, op, _kebab(op))
        operations[op] = entry
        for member in service["shapes"][operation["input"]]["members"].values():
            _reached(service, member["shape"], inputs)
        for member in service["shapes"][operation["output"]]["members"].values():
            _reached(service, member["shape"], outputs)
    types = {}
    for name in sorted({*inputs, *outputs}):
        texts = reference.types.get(name, {"d": [], "in": {}})
        entry = {}
        if name in inputs:
            entry.update({"d": texts["d"], "in": texts["in"]})
        if name in outputs:
            out = {member: short_text(value) for member, value in texts["in"].items()}
            entry["out"] = {member: text for member, text in out.items() if text}
        types[name] = entry
    combine = {**help_tables.COMBINE, "anyOf": sorted(help_tables.ANY_OF_OPERATIONS)}
    return {"operations": operations, "types": types, "filters": _filter_texts(service), "combine": combine}


def render(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"


def _differs(text: str) -> bool:
    """Print which entries of the committed help.json differ from `text` (one line of JSON: a line
    diff would print all of it); True when they do."""
    current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
    if current == text:
        return False
    old, new = (json.loads(current) if current else {}), json.loads(text)
    for part in sorted(set(old) | set(new)):
        before, after = old.get(part), new.get(part)
        if isinstance(before, dict) and isinstance(after, dict):
            names = sorted(name for name in set(before) | set(after) if before.get(name) != after.get(name))
        else:
            names = [] if before == after else ["(all)"]
        if names:
            print(f"{part}: {', '.join(names)}")
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reference", type=Path, default=REFERENCE, help=f"the API reference as text (default: {REFERENCE})")
    parser.add_argument("--guide", type=Path, help=f"the user guide as text (default: {GUIDE_NAME} beside the reference)")
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed file is not what would be written")
    options = parser.parse_args()
    guide = options.guide or options.reference.with_name(GUIDE_NAME)
    for path in (options.reference, guide):
        if not path.is_file():
            parser.error(f"{path} is not there: help.json is made from the API reference and the user guide")
    text = render(generate(options.reference.read_text(encoding="utf-8"), guide.read_text(encoding="utf-8")))
    if options.check:
        return int(_differs(text))
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(REPO)} ({len(text.encode()):,} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
