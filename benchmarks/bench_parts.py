"""Throughput of `smscli parts --batch`, and agreement with Twilio's segment calculator.

Generates --count messages (default 100,000; 20 to 400 characters; about 20% with a curly quote or
curly double quotes, some with an emoji, a flag or a skin tone, some with a euro sign or another GSM
extension character), then times the whole process `python -m smscli parts --batch -` reading them
on stdin (median of --runs runs), and reports messages per second against the 50,000/s goal.

When the npm package `sms-segments-calculator` is installed under --segcalc (default /tmp/segcalc:
`mkdir -p /tmp/segcalc && cd /tmp/segcalc && npm install sms-segments-calculator`) and `node` is on
the PATH, every message's encoding and part count is compared with it; otherwise the comparison is
skipped with a message. Exits 1 when a comparison finds a difference.

Usage: python benchmarks/bench_parts.py [--count 100000] [--runs 3] [--segcalc /tmp/segcalc]
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


def generate(path: Path, count: int, seed: int) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for _ in range(count):
            out.write(message(rng) + "\n")


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
  const m = new SegmentedMessage(line);
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
    messages = source.read_text(encoding="utf-8").split("\n")[:-1]
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
          f"{len(messages):,} messages with the same encoding and part count")  # fmt: skip
    for line, mine, other, text in differences[:5]:
        print(f"  line {line}: smscli {mine}, calculator {other}: {text!r}")
    return not differences


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--segcalc", type=Path, default=Path("/tmp/segcalc"))
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="smscli-bench-parts-"))
    try:
        env = {**os.environ, "SMSCLI_HOME": str(work)}
        env.pop("SMSCLI_OUTPUT", None)
        source, ours = work / "messages.txt", work / "parts.jsonl"
        generate(source, options.count, options.seed)
        seconds = statistics.median(run_smscli(source, ours, env) for _ in range(options.runs))
        rate = options.count / seconds
        verdict = "meets" if rate >= GOAL else "MISSES"
        print(f"smscli parts --batch -: {options.count:,} messages in {seconds:.2f} s (median of {options.runs}, "
              f"whole process) = {rate:,.0f} messages/s; {verdict} the {GOAL:,}/s goal")  # fmt: skip
        same = compare_with_twilio(source, ours, options.segcalc, work)
    finally:
        shutil.rmtree(work)
    if same is False:
        sys.exit(1)


if __name__ == "__main__":
    main()
