"""Generate smscli's compact service model, src/smscli/spec/service.json.

Reads:
- botocore's published model of `pinpoint-sms-voice-v2` (service-2.json.gz, paginators-1.json,
  paginators-1.sdk-extras.json), found through the installed botocore distribution; botocore is a
  development dependency only, never imported by smscli at run time;
- what it needs from the API reference: by default the committed extract,
  scripts/api_reference_extract.json (the reference's list of actions and, for each documented
  request member, response member and data type member, the fields of its entry: Type, Length
  Constraints, Pattern, Valid Values, ...), so a clone generates without the reference; or the full
  reference as text with --seed PATH (the seed 003_1130e85a092bf54c.txt).

Writes the 91 operations of the API reference with the shapes they reach, without documentation:
- only the members the API reference documents (its action pages and Data Types); members that
  exist only in the newer model (RCS, Notify, number preferences, ...) are dropped and reported;
- enums hold the values the API reference lists (the exception Reason enums keep the model's);
- `required` and `min` stay as the model says (the AWS CLI checks those client-side); where the API
  reference is stricter or different (min, max, pattern), the shape carries a `seed` override and a
  structure a `seedRequired` list, which the local service validates with;
- each structure keeps its members' model order in `order`; paginated operations carry their
  paginator (tokens, limit key, result key, non-aggregate keys).

The extract is made from the full reference by `--write-extract [--seed PATH]` (default:
shared/seeds/003_1130e85a092bf54c.txt beside the repo, or beside a folder above it); the extract and
the full text give the same service.json (tests/test_api_reference_extract.py checks it, where the
full reference is at hand; tests/test_spec_generation.py checks service.json from the extract).

Usage: python scripts/gen_spec.py [--seed PATH] [--check]
       python scripts/gen_spec.py --write-extract [--seed PATH] [--check]
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import hashlib
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED_NAME = "003_1130e85a092bf54c.txt"
# The full reference, where the project's sources keep it: shared/seeds/ beside the repo or beside a
# folder above it (a worktree's); a user's clone has none and needs none.
_SEED_PLACES = [folder / "shared" / "seeds" / SEED_NAME for folder in REPO.parents]
DEFAULT_SEED = next((path for path in _SEED_PLACES if path.is_file()), _SEED_PLACES[0])
EXTRACT = REPO / "scripts" / "api_reference_extract.json"
OUTPUT = REPO / "src" / "smscli" / "spec" / "service.json"

_FOOTER = re.compile(r"API Version 2022-03-31 \d+\s*$")
_LABELS = (
    "Type", "Length Constraints", "Pattern", "Valid Values", "Array Members", "Valid Range", "Map Entries",
    "Required", "Key Length Constraints", "Key Pattern", "Value Length Constraints", "Value Pattern",
)  # fmt: skip
_LABEL_LINE = re.compile(r"^(%s): ?(.*)$" % "|".join(re.escape(label) for label in _LABELS))
_REASON_ENUMS = ("Reason", "ResourceType")  # exception members the API reference does not enumerate


# ---------------------------------------------------------------------------------------------
# The model


def botocore_distribution():
    """The installed botocore distribution (found by its metadata, not imported: the AWS CLI
    package, also a test dependency, puts a vendored botocore of its own on the import path)."""
    from importlib.metadata import distribution

    return distribution("botocore")


def load_model() -> tuple[dict, dict, dict]:
    base = Path(botocore_distribution().locate_file("botocore/data/pinpoint-sms-voice-v2/2022-03-31"))
    service = json.loads(gzip.open(base / "service-2.json.gz").read())
    paginators = json.loads((base / "paginators-1.json").read_text())["pagination"]
    extras_path = base / "paginators-1.sdk-extras.json"
    extras = json.loads(extras_path.read_text())["merge"]["pagination"] if extras_path.exists() else {}
    return service, paginators, extras


def _strip_anchors(pattern: str) -> str:
    return pattern.removeprefix("^").removesuffix("$")


# ---------------------------------------------------------------------------------------------
# The API reference


def clean_lines(text: str) -> list[str]:
    """The reference's lines without page footers, stripped."""
    return [line.strip() for line in text.splitlines() if not _FOOTER.search(line)]


def bullet_list(lines: list[str], heading: str, start: int = 0) -> list[str]:
    """The names of the "• Name" list after the line `heading` (the actions, the data types)."""
    start = lines.index(heading, start)
    names = []
    for line in lines[start + 1 :]:
        if line.startswith("• "):
            names.append(line[2:].strip())
        elif line and names:
            break
    return names


def _find_heading(lines: list[str], name: str, start: int, markers: tuple[str, ...], window: int = 80) -> int:
    """Index of the line `name` at or after `start` that one of `markers` follows within `window`
    lines, before any "Type:" line (which would make it a member's heading, not a page's)."""
    for index in range(start, len(lines)):
        if lines[index] != name:
            continue
        for line in lines[index + 1 : index + window]:
            if line in markers:
                return index
            if line.startswith("Type:"):
                break
    raise SystemExit(f"cannot find the page of {name} in the API reference")


def _between(lines: list[str], start: int, stop: int, begin: str, ends: tuple[str, ...]) -> list[str]:
    """The lines after the heading `begin` up to the first of `ends`, inside lines[start:stop]."""
    page = lines[start:stop]
    if begin not in page:
        return []
    first = page.index(begin) + 1
    last = min((page.index(end, first) for end in ends if end in page[first:]), default=len(page))
    return page[first:last]


def member_fields(section: list[str], members: list[str]) -> dict[str, dict[str, str]]:
    """{member: {label: value}} for each member documented in a Request Parameters, Response
    Elements or Contents section (a member heading is a line that is exactly the member name)."""
    headings = []
    for index, line in enumerate(section):
        if line in members and any(_LABEL_LINE.match(item) for item in section[index + 1 : index + 40] if item.startswith("Type:")):
            headings.append(index)
    documented: dict[str, dict[str, str]] = {}
    for position, index in enumerate(headings):
        end = headings[position + 1] if position + 1 < len(headings) else len(section)
        documented.setdefault(section[index], _fields(section[index + 1 : end]))
    return documented


def _fields(block: list[str]) -> dict[str, str]:
    fields: dict[str, str] = {}
    label = None
    for line in block:
        match = _LABEL_LINE.match(line)
        if match:
            label = match.group(1)
            fields[label] = match.group(2)
        elif not line:
            label = None
        elif label:  # a wrapped line: patterns and hyphenated words continue without a space
            joiner = "" if label.endswith("Pattern") or fields[label].endswith("-") else " "
            fields[label] = (fields[label] + joiner + line).strip()
    return fields


def _numbers(text: str, kind: str) -> dict:
    """min/max from 'Minimum length of 1. Maximum length of 64.', 'Fixed number of 1 item.', ..."""
    found = {}
    if match := re.search(rf"Minimum {kind} of (-?\d+)", text):
        found["min"] = int(match.group(1))
    if match := re.search(rf"Maximum {kind} of (-?\d+)", text):
        found["max"] = int(match.group(1))
    if match := re.search(r"Fixed (?:length|number) of (\d+)", text):
        found["min"] = found["max"] = int(match.group(1))
    return found


def seed_constraints(fields: dict[str, str]) -> dict[str, dict]:
    """The constraints one documented member states, split by what they apply to: the member
    itself ("self"), the elements of a list ("element"), or a map's keys and values."""
    own: dict = {}
    element: dict = {}
    keys: dict = {}
    values: dict = {}
    is_list = fields.get("Type", "").startswith("Array of")
    scalar = element if is_list else own
    if "Array Members" in fields:
        own.update(_numbers(fields["Array Members"], "number"))
    if "Map Entries" in fields:
        own.update(_numbers(fields["Map Entries"], "number"))
    if "Length Constraints" in fields:
        scalar.update(_numbers(fields["Length Constraints"], "length"))
    if "Valid Range" in fields:
        scalar.update(_numbers(fields["Valid Range"], "value"))
    if "Pattern" in fields:
        scalar["pattern"] = fields["Pattern"]
    if "Valid Values" in fields:
        scalar["enum"] = [value.strip() for value in fields["Valid Values"].split("|") if value.strip()]
    if "Key Length Constraints" in fields:
        keys.update(_numbers(fields["Key Length Constraints"], "length"))
    if "Key Pattern" in fields:
        keys["pattern"] = fields["Key Pattern"]
    if "Value Length Constraints" in fields:
        values.update(_numbers(fields["Value Length Constraints"], "length"))
    if "Value Pattern" in fields:
        values["pattern"] = fields["Value Pattern"]
    return {"self": own, "element": element, "key": keys, "value": values}


class Reference:
    """What the API reference documents: per operation its request and response members, per data
    type its members, each with the fields of its entry ({member: {label: value}})."""

    def __init__(self, actions: list[str], requests: dict, responses: dict, types: dict):
        self.actions = actions
        self.requests: dict[str, dict] = requests
        self.responses: dict[str, dict] = responses
        self.types: dict[str, dict] = types

    @classmethod
    def from_text(cls, text: str, model: dict) -> Reference:
        """Read the full API reference (the model names the members to look for)."""
        lines = clean_lines(text)
        self = cls(bullet_list(lines, "The following actions are supported:"), {}, {}, {})
        shapes = model["shapes"]
        markers = ("Request Syntax", "Response Syntax")
        starts = []
        position = 0
        for action in self.actions:
            position = _find_heading(lines, action, position, markers)
            starts.append(position)
            position += 1
        data_types = lines.index("Data Types", position)
        for action, start, stop in zip(self.actions, starts, starts[1:] + [data_types]):
            operation = model["operations"][action]
            request_members = list(shapes[operation["input"]["shape"]]["members"])
            response_members = list(shapes[operation["output"]["shape"]]["members"])
            self.requests[action] = member_fields(
                _between(lines, start, stop, "Request Parameters", ("Response Syntax", "Response Elements", "Errors")), request_members
            )
            self.responses[action] = member_fields(_between(lines, start, stop, "Response Elements", ("Errors",)), response_members)
        for name in bullet_list(lines, "The following data types are supported:", data_types):
            if name not in shapes:
                raise SystemExit(f"the API reference documents a type {name} that the model lacks")
            start = _find_heading(lines, name, data_types, ("Contents",))
            contents = lines[lines.index("Contents", start) + 1 : lines.index("See Also", start)]
            self.types[name] = member_fields(contents, list(shapes[name].get("members", {})))
        return self

    @classmethod
    def from_extract(cls, text: str) -> Reference:
        data = json.loads(text)
        return cls(data["actions"], data["requests"], data["responses"], data["types"])

    def extract(self, seed_text: str) -> str:
        """The extract: a header naming its source, then one line per documented member."""
        header = {
            "document": "AWS End User Messaging SMS, version 2 API Reference (API Version 2022-03-31), as text",
            "file": SEED_NAME,
            "sha256": hashlib.sha256(seed_text.encode("utf-8")).hexdigest(),
            "made by": "python scripts/gen_spec.py --write-extract --seed PATH",
            "holds": "what scripts/gen_spec.py reads from the reference: the list of actions, and the fields "
                     "of each documented member of each action's request and response and of each data type",
        }  # fmt: skip
        parts = ["{", f' "source": {json.dumps(header, ensure_ascii=False)},', f' "actions": {json.dumps(self.actions)},']
        sections = [("requests", self.requests), ("responses", self.responses), ("types", self.types)]
        for position, (key, section) in enumerate(sections):
            parts.append(f' "{key}": {{')
            for index, (name, members) in enumerate(sorted(section.items())):
                comma = "," if index + 1 < len(section) else ""
                if not members:
                    parts.append(f"  {json.dumps(name)}: {{}}{comma}")
                    continue
                parts.append(f"  {json.dumps(name)}: {{")
                for number, (member, fields) in enumerate(sorted(members.items())):
                    inner = "," if number + 1 < len(members) else ""
                    parts.append(f"   {json.dumps(member)}: {json.dumps(fields, ensure_ascii=False)}{inner}")
                parts.append(f"  }}{comma}")
            parts.append(" }" + ("," if position + 1 < len(sections) else ""))
        parts.append("}")
        return "\n".join(parts) + "\n"


# ---------------------------------------------------------------------------------------------
# Building the compact model


class Builder:
    def __init__(self, model: dict, paginators: dict, extras: dict, reference: Reference):
        self.model = model
        self.paginators = paginators
        self.extras = extras
        self.reference = reference
        self.shapes: dict[str, dict] = {}
        self.dropped: list[str] = []
        self.overrides: dict[str, dict] = {}  # shape -> seed override
        self.override_sources: dict[str, str] = {}
        self.enum_changes: list[str] = []

    def build(self) -> dict:
        operations = {}
        for action in sorted(self.reference.actions):
            operation = self.model["operations"][action]
            entry = {
                "input": operation["input"]["shape"],
                "output": operation["output"]["shape"],
                "errors": [error["shape"] for error in operation.get("errors", [])],
            }
            self._structure(entry["input"], self.reference.requests[action], f"{action} request")
            self._structure(entry["output"], self.reference.responses[action], f"{action} response")
            for error in entry["errors"]:
                self._visit(error, f"{action} error")
            if action in self.paginators:
                paginator = self.paginators[action]
                entry["paginator"] = {
                    "inputToken": paginator["input_token"],
                    "outputToken": paginator["output_token"],
                    "limitKey": paginator["limit_key"],
                    "resultKey": paginator["result_key"],
                    "nonAggregateKeys": self.extras.get(action, {}).get("non_aggregate_keys", []),
                }
            operations[action] = entry
        for name, override in self.overrides.items():
            if override:
                self.shapes[name]["seed"] = override
        model = self.model["metadata"]
        return {
            "metadata": {
                "apiVersion": model["apiVersion"],
                "cliName": "pinpoint-sms-voice-v2",
                "serviceId": model["serviceId"],
                "botocoreVersion": botocore_distribution().version,
                "targetPrefix": model["targetPrefix"],
            },
            "operations": operations,
            "shapes": dict(sorted(self.shapes.items())),
        }

    def _structure(self, name: str, documented: dict[str, dict] | None, where: str) -> None:
        """Copy a structure with only its documented members (all of them for exceptions)."""
        if name in self.shapes:
            return
        source = self.model["shapes"][name]
        exception = bool(source.get("exception"))
        shape: dict = {"type": "structure"}
        self.shapes[name] = shape
        if exception:
            shape["exception"] = True
        members = {}
        required = [member for member in source.get("required", [])]
        seed_required = []
        for member, reference in source["members"].items():
            if not exception and member not in (documented or {}):
                self.dropped.append(f"{where}: {name}.{member}")
                continue
            entry = {"shape": reference["shape"]}
            if reference.get("idempotencyToken"):
                entry["idempotencyToken"] = True
            members[member] = entry
            fields = (documented or {}).get(member, {})
            if fields.get("Required") == "Yes" and member not in required:
                seed_required.append(member)
            self._visit(reference["shape"], f"{where} {name}.{member}", fields, exception and member in _REASON_ENUMS)
        shape["members"] = members
        shape["order"] = list(members)
        required = [member for member in required if member in members]
        if required:
            shape["required"] = required
        if seed_required:
            shape["seedRequired"] = seed_required

    def _visit(self, name: str, where: str, fields: dict | None = None, keep_enum: bool = False) -> None:
        source = self.model["shapes"][name]
        kind = source["type"]
        constraints = seed_constraints(fields or {})
        if kind == "structure":
            self._structure(name, self.reference.types.get(name), where)
            return
        if name not in self.shapes:
            shape = {"type": kind}
            for key in ("min", "max"):
                if key in source:
                    shape[key] = source[key]
            if "pattern" in source:
                shape["pattern"] = _strip_anchors(source["pattern"])
            if "enum" in source:
                shape["enum"] = list(source["enum"])
            self.shapes[name] = shape
        if kind == "list":
            self.shapes[name]["member"] = source["member"]["shape"]
            self._compare(name, constraints["self"], where)
            element = source["member"]["shape"]
            if self.model["shapes"][element]["type"] == "structure":
                self._visit(element, where)
            else:
                self._visit(element, where, None, keep_enum)
                self._compare(element, constraints["element"], where, keep_enum)
        elif kind == "map":
            self.shapes[name]["key"] = source["key"]["shape"]
            self.shapes[name]["value"] = source["value"]["shape"]
            self._compare(name, constraints["self"], where)
            self._visit(source["key"]["shape"], where)
            self._compare(source["key"]["shape"], constraints["key"], where)
            self._visit(source["value"]["shape"], where)
            if self.model["shapes"][source["value"]["shape"]]["type"] != "structure":
                self._compare(source["value"]["shape"], constraints["value"], where)
        else:
            self._compare(name, constraints["self"], where, keep_enum)

    def _compare(self, name: str, seed: dict, where: str, keep_enum: bool = False) -> None:
        """Fold what the reference says about one use of a shape into the shape."""
        if not seed:
            return
        shape = self.shapes[name]
        if "enum" in seed and "enum" in shape and not keep_enum:
            values = [value for value in seed["enum"] if value in shape["enum"]]
            if values != shape["enum"]:
                dropped = [value for value in shape["enum"] if value not in values]
                if dropped:
                    self.enum_changes.append(f"{name}: dropped {', '.join(dropped)} ({where})")
                shape["enum"] = values
        override = {key: seed[key] for key in ("min", "max", "pattern") if key in seed and seed[key] != shape.get(key)}
        previous = self.overrides.get(name)
        if previous is not None and previous != override:
            raise SystemExit(
                f"shape {name} needs different overrides for {self.override_sources[name]} ({previous}) "
                f"and {where} ({override}); give them shapes of their own"
            )
        self.overrides[name] = override
        self.override_sources.setdefault(name, where)


def load_reference(model: dict, seed: Path | None = None) -> Reference:
    """The full reference from `seed`, else the committed extract."""
    if seed is None:
        return Reference.from_extract(EXTRACT.read_text(encoding="utf-8"))
    return Reference.from_text(Path(seed).read_text(encoding="utf-8"), model)


def write_extract(seed: Path = DEFAULT_SEED) -> str:
    """The extract the full reference at `seed` gives."""
    model, _, _ = load_model()
    text = Path(seed).read_text(encoding="utf-8")
    return Reference.from_text(text, model).extract(text)


def generate(seed: Path | None = None) -> tuple[dict, Builder]:
    """service.json from botocore's model and the extract (or the full reference at `seed`)."""
    model, paginators, extras = load_model()
    reference = load_reference(model, seed)
    if len(reference.actions) != 91:
        raise SystemExit(f"expected the API reference to list 91 actions, found {len(reference.actions)}")
    builder = Builder(model, paginators, extras, reference)
    return builder.build(), builder


def render(spec: dict) -> str:
    return json.dumps(spec, indent=1, sort_keys=True) + "\n"


def _differs(path: Path, text: str) -> bool:
    """Print how the committed `path` differs from `text`; True when it does."""
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    if current == text:
        return False
    diff = difflib.unified_diff(current.splitlines(), text.splitlines(), "committed", "generated", lineterm="", n=1)
    print("\n".join(list(diff)[:60]))
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=Path, help=f"the full API reference as text (default: the extract; with "
                        f"--write-extract: {DEFAULT_SEED})")  # fmt: skip
    parser.add_argument("--write-extract", action="store_true", help=f"write {EXTRACT.relative_to(REPO)} from the full reference")
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed file is not what would be written")
    options = parser.parse_args()
    if options.write_extract:
        seed = options.seed or DEFAULT_SEED
        if not seed.exists():
            parser.error(f"the API reference is not at {seed}; give it with --seed PATH")
        text = write_extract(seed)
        if options.check:
            return int(_differs(EXTRACT, text))
        EXTRACT.write_text(text, encoding="utf-8")
        print(f"wrote {EXTRACT.relative_to(REPO)} from {seed}", file=sys.stderr)
        return 0
    spec, builder = generate(options.seed)
    text = render(spec)
    if options.check:
        return int(_differs(OUTPUT, text))
    for line in builder.dropped:
        print(f"dropped member (not in the API reference): {line}", file=sys.stderr)
    for line in builder.enum_changes:
        print(f"enum narrowed to the API reference: {line}", file=sys.stderr)
    for name, override in sorted(builder.overrides.items()):
        if override:
            print(f"seed override on {name}: {override} ({builder.override_sources[name]})", file=sys.stderr)
    for name, shape in spec["shapes"].items():
        if "seedRequired" in shape:
            print(f"required by the API reference only: {name}.{', '.join(shape['seedRequired'])}", file=sys.stderr)
    OUTPUT.write_text(text)
    print(f"wrote {OUTPUT.relative_to(REPO)}: {len(spec['operations'])} operations, {len(spec['shapes'])} shapes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
