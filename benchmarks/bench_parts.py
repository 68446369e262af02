"""Throughput of `smscli parts --batch`, and agreement with Twilio's segment calculator.

Generates --count messages (default 100,000; 20 to 400 characters; about 20% with a curly quote or
curly double quotes, some with an emoji, a flag or a skin tone, some with a euro sign or another GSM
extension character), then times the whole process `python -m smscli parts --batch -` reading them
on stdin (median of --runs runs), and reports messages per second against the 50,000/s goal.

When the npm package `sms-segments-calculator` is installed under --segcalc (default /tmp/segcalc:
`mkdir -p /tmp/segcalc && cd /tmp/segcalc && npm install sms-segments-calculator`) and `node` is on
the PATH, every message's encoding and part count is compared with it; otherwise the comparison is
skipped with a message. Exits 1 when the comparison on the campaign corpus finds a difference.

`--corpus boundaries` generates messages built to land on the part boundaries instead (escape pairs at
septet 153 and 160, emoji, flags, ZWJ sequences and skin tones at code unit 66-68, CR LF, clusters longer
than a part): where smscli and the calculator differ there, the difference is listed by category.

Usage: python benchmarks/bench_parts.py [--count 100000] [--runs 3] [--segcalc /tmp/segcalc]
                                        [--corpus campaign|boundaries] [--no-compare]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from timing import steady_env

GOAL = 50_000  # messages per second, whole process

WORDS = (
    "your code is order shipped today tomorrow appointment reminder reply STOP to opt out HELP for help "
    "delivery window between and account balance payment due thanks for choosing us visit example.com "
    "confirm cancel reschedule Dr. Salazar office pharmacy ready pickup 10:30am 4:30pm $25.00 20% off "
    "Ahoj Grüße café niño Øresund Ærø Ça va? ¿Qué tal? ¡Hola! § 12 @ #sale (limited) 1-800-555-0100"
).split()
CURLY = ("’", "‘", "“", "”")
EMOJI = ("😀", "🎉", "👍", "❤️", "🇺🇸", "👍🏽", "📦", "✅")
EXTENSION = ("€", "[", "]", "{", "}", "~", "|", "^", "\\")


def message(rng: random.Random) -> str:
    length = rng.randint(20, 400)
    words = []
    size = 0
    while size < length:
        word = rng.choice(WORDS)
        words.append(word)
        size += len(word) + 1
    text = " ".join(words)[:length].strip() or "x"
    roll = rng.random()
    if roll < 0.20:
        text = _insert(rng, text, rng.choice(CURLY))
    elif roll < 0.27:
        text = _insert(rng, text, rng.choice(EMOJI))
    elif roll < 0.35:
        text = _insert(rng, text, rng.choice(EXTENSION))
    return text


def _insert(rng: random.Random, text: str, piece: str) -> str:
    at = rng.randint(0, len(text))
    return text[:at] + piece + text[at:]


# Boundary corpus: a run of one filler, then one piece placed so that it lands on a part boundary.
FILLERS = {"GSM-7": ("a", "Z", "0", " "), "UCS-2": ("Ж", "中", "’", "é")}
PIECES = {
    "GSM-7": ("€", "[", "]", "{", "}", "~", "|", "^", "\\", "\f", "\r\n", "a"),
    "UCS-2": ("😀", "❤️", "🇫🇷", "🇫🇷🇩🇪", "🇦🇧🇨", "👍🏽", "👩‍❤️‍👨", "👨‍👩‍👧‍👦", "👩🏽‍👩🏽‍👦🏽", "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",
              "e\u0301", "\r\n", "€", "Ж"),
}
BOUNDARIES = {"GSM-7": (153, 160, 306), "UCS-2": (67, 70, 134)}


def boundary_message(rng: random.Random) -> str:
    encoding = rng.choice(("GSM-7", "UCS-2"))
    filler = rng.choice(FILLERS[encoding])
    piece = rng.choice(PIECES[encoding])
    at = rng.choice(BOUNDARIES[encoding]) + rng.randint(-14, 2)
    if rng.random() < 0.1:  # a cluster longer than a part
        return "Ж" * rng.randint(0, 20) + "a" + "\u0301" * rng.randint(60, 90) + "Ж" * rng.randint(0, 20)
    return filler * max(at, 0) + piece + filler * rng.randint(1, 12)


def generate(path: Path, count: int, seed: int, corpus: str = "campaign") -> None:
    rng = random.Random(seed)
    make = boundary_message if corpus == "boundaries" else message
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for _ in range(count):
            text = make(rng)
            if "\n" in text or text[:1] == "{":  # a JSON Lines record, as --batch reads it
                text = json.dumps({"MessageBody": text}, ensure_ascii=False)
            out.write(text + "\n")


def read_corpus(path: Path) -> list[str]:
    """The messages of the corpus, as `smscli parts --batch` reads them."""
    messages = []
    for line in path.read_bytes().decode("utf-8").split("\n")[:-1]:
        if line[:1] == "{":
            line = json.loads(line)["MessageBody"]
        messages.append(line)
    return messages


def run_smscli(source: Path, target: Path, env: dict) -> float:
    with source.open("rb") as stdin, target.open("wb") as stdout:
        start = time.perf_counter()
        completed = subprocess.run([sys.executable, "-m", "smscli", "parts", "--batch", "-"], stdin=stdin,
                                   stdout=stdout, stderr=subprocess.PIPE, env=env)  # fmt: skip
        elapsed = time.perf_counter() - start
    if completed.returncode != 0:
        raise SystemExit(f"smscli parts --batch failed ({completed.returncode}): {completed.stderr.decode()}")
    return elapsed


NODE_SCRIPT = r"""
const { SegmentedMessage } = require('sms-segments-calculator');
const lines = require('fs').readFileSync(process.argv[2], 'utf8').split('\n');
lines.pop();
const out = [];
for (const line of lines) {
  const text = line.startsWith('{') ? JSON.parse(line).MessageBody : line;
  const m = new SegmentedMessage(text, 'auto');
  out.push(m.encodingName + '\t' + m.segmentsCount);
}
process.stdout.write(out.join('\n') + '\n');
"""


def compare_with_twilio(source: Path, ours: Path, segcalc: Path, work: Path) -> bool | None:
    node = shutil.which("node")
    if node is None or not (segcalc / "node_modules" / "sms-segments-calculator").is_dir():
        print(f"comparison skipped: node or sms-segments-calculator not found under {segcalc} "
              f"(mkdir -p {segcalc} && cd {segcalc} && npm install sms-segments-calculator)")  # fmt: skip
        return None
    script = work / "segments.js"
    script.write_text(NODE_SCRIPT)
    start = time.perf_counter()
    completed = subprocess.run([node, str(script), str(source)], capture_output=True, text=True,
                               env={**os.environ, "NODE_PATH": str(segcalc / "node_modules")})  # fmt: skip
    node_seconds = time.perf_counter() - start
    if completed.returncode != 0:
        raise SystemExit(f"node failed: {completed.stderr}")
    theirs = [tuple(line.split("\t")) for line in completed.stdout.splitlines()]
    messages = read_corpus(source)
    differences = []
    with ours.open(encoding="utf-8") as lines:
        for index, line in enumerate(lines):
            data = json.loads(line)
            mine = (data["Encoding"], str(data["MessageParts"]))
            if mine != theirs[index]:
                differences.append((index + 1, mine, theirs[index], messages[index]))
    if len(theirs) != len(messages):
        differences.append((0, "count", len(theirs), len(messages)))
    print(f"Twilio sms-segments-calculator (node, {node_seconds:.1f} s): {len(messages) - len(differences):,} of "
          f"{len(messages):,} messages with the same encoding and part count, {len(differences):,} differ")  # fmt: skip
    categories: dict[str, list] = {}
    for difference in differences:
        line, mine, theirs, text = difference
        if not line:
            name = "line count"
        else:
            side = "smscli fewer" if int(mine[1]) < int(theirs[1]) else "smscli more" if mine[0] == theirs[0] else "encoding"
            name = f"{category(text)} [{side}]"
        categories.setdefault(name, []).append(difference)
    for name, found in sorted(categories.items(), key=lambda item: -len(item[1])):
        line, mine, other, text = found[0]
        print(f"  {len(found):,} {name}, e.g. line {line}: smscli {mine}, calculator {other}: {text!r}")
    return not differences


def category(text: str) -> str:
    """Why a message may be counted differently: the feature of it that decides its parts."""
    from smscli.sms.segments import segment

    result = segment(text)
    if any(part.units > result.max_units_per_part for part in result.parts):
        return "a part over its limit (a bug in smscli)"
    if "\u0301" * 60 in text:
        longest = max(len(run) for run in text.split("Ж"))
        if longest > 67:
            return "a cluster longer than a part (smscli cuts it where the part is full; the calculator overfills a part)"
        return ("a cluster of about a part (the calculator pushes the next character into a full part after "
                "moving characters for the header)")
    if "\u200d" in text:
        return "ZWJ sequence at a boundary"
    if any("\U0001f1e6" <= character <= "\U0001f1ff" for character in text):
        return "regional indicators (flags) at a boundary"
    if "\r\n" in text:
        return "CR LF at a boundary"
    if any(character in "\f^{}\\[]~|€" for character in text) and result.encoding == "GSM-7":
        return "escape pair at a boundary"
    return "other"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--segcalc", type=Path, default=Path("/tmp/segcalc"))
    parser.add_argument("--corpus", choices=("campaign", "boundaries"), default="campaign")
    parser.add_argument("--no-compare", action="store_true", help="time smscli only")
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="smscli-bench-parts-"))
    try:
        env = {**steady_env(), "SMSCLI_HOME": str(work)}
        env.pop("SMSCLI_OUTPUT", None)
        source, ours = work / "messages.txt", work / "parts.jsonl"
        generate(source, options.count, options.seed, options.corpus)
        run_smscli(source, ours, env)  # warm-up: bytecode written, files cached
        seconds = statistics.median(run_smscli(source, ours, env) for _ in range(options.runs))
        rate = options.count / seconds
        verdict = "meets" if rate >= GOAL else "MISSES"
        goal = f"; {verdict} the {GOAL:,}/s goal" if options.corpus == "campaign" else " (a correctness corpus: no goal)"
        print(f"smscli parts --batch - ({options.corpus} corpus): {options.count:,} messages in {seconds:.2f} s (median of {options.runs}, "
              f"whole process) = {rate:,.0f} messages/s{goal}")  # fmt: skip
        same = None if options.no_compare else compare_with_twilio(source, ours, options.segcalc, work)
    finally:
        shutil.rmtree(work)
    if same is False and options.corpus == "campaign":
        sys.exit(1)


if __name__ == "__main__":
    main()
