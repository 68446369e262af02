"""TAB completion and `--help` against the AWS CLI's completer, measured in the same run.

Times, as whole processes (median of --runs runs each), what the shell runs on a key press:
- `aws_completer` (from the awscli package) for `aws pinpoint-sms-voice-v2 create-p` and for
  `aws pinpoint-sms-voice-v2 create-pool --`: the reference;
- smscli through its Typer-protocol completion for a command name and for an option;
- smscli completing `describe-pools --pool-ids` and `describe-phone-numbers --phone-number-ids` on a
  state of 10,000 phone numbers (their index written by a real write, as any command writes it);
- `smscli --help`, next to `python -c "import typer"`.

The issue's targets: a command name or an option in at most a fifth of aws_completer's time, an id
from 10,000 numbers under two fifths, and --help close to the cost of importing typer.

Usage: python benchmarks/bench_completion.py [--runs 20]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

from timing import installed_smscli, median_seconds, steady_env, throwaway_home

AWS_PREFIX = "aws pinpoint-sms-voice-v2 "



def aws_env(base: dict, line: str) -> dict:
    return {**base, "COMP_LINE": line, "COMP_POINT": str(len(line))}


def smscli_env(base: dict, line: str) -> dict:
    words = line.split()
    index = len(words) if line.endswith(" ") else len(words) - 1
    return {**base, "_SMSCLI_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(index)}


def state_with_numbers(home: Path, env: dict, count: int) -> None:
    """`count` phone numbers: one requested through the CLI, the rest copies of it with their own ids
    (the service quota allows 25 per account), then a real write so the index is rebuilt."""
    smscli = shutil.which("smscli")
    subprocess.run([smscli, "request-phone-number", "--iso-country-code", "US", "--message-type", "TRANSACTIONAL",
                    "--number-capabilities", "SMS", "--number-type", "SIMULATOR"], env=env, check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    state = json.loads((home / "state.json").read_text())
    region = state["accounts"]["123456789012"]["regions"]["us-east-1"]
    [template] = region["phone_numbers"].values()
    numbers = {}
    for index in range(count):
        number_id = f"phone-{index:032x}"
        numbers[number_id] = {**template, "PhoneNumberId": number_id, "PhoneNumber": f"+1617{index:07d}",
                              "PhoneNumberArn": template["PhoneNumberArn"].rsplit("/", 1)[0] + "/" + number_id}  # fmt: skip
    region["phone_numbers"] = numbers
    (home / "state.json").write_text(json.dumps(state))
    subprocess.run([smscli, "create-opt-out-list", "--opt-out-list-name", "bench"], env=env, check=True, stdout=subprocess.DEVNULL)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--numbers", type=int, default=10_000)
    options = parser.parse_args()
    runs = options.runs
    smscli = installed_smscli()
    aws_completer = shutil.which("aws_completer") or sys.exit("install the awscli package first (pip install awscli)")
    home = throwaway_home()
    base = {key: value for key, value in steady_env().items() if not key.startswith(("SMSCLI_", "COMP_", "_SMSCLI"))}
    base["SMSCLI_HOME"] = str(home)
    state_with_numbers(home, base, options.numbers)
    state_size = (home / "state.json").stat().st_size

    rows = [
        ("aws_completer: command name", median_seconds([aws_completer], aws_env(base, AWS_PREFIX + "create-p"), runs, "create-pool")),
        ("aws_completer: option", median_seconds([aws_completer], aws_env(base, AWS_PREFIX + "create-pool --"), runs, "--iso-country-code")),
        ("smscli: command name", median_seconds([smscli], smscli_env(base, "smscli create-p"), runs, "create-pool")),
        ("smscli: option", median_seconds([smscli], smscli_env(base, "smscli create-pool --"), runs, "--iso-country-code")),
        ("smscli: enum value", median_seconds([smscli], smscli_env(base, "smscli create-pool --message-type "), runs, "PROMOTIONAL")),
        (f"smscli: phone number id ({options.numbers:,} numbers)",
         median_seconds([smscli], smscli_env(base, "smscli describe-phone-numbers --phone-number-ids phone-0000000000000000000000000000270"),
                        runs, "phone-00000000000000000000000000002700")),
        (f"smscli: pool id ({options.numbers:,} numbers)",
         median_seconds([smscli], smscli_env(base, "smscli describe-pools --pool-ids "), runs)),
        ("python -c 'import typer'", median_seconds([sys.executable, "-c", "import typer"], base, runs)),
        ("smscli --help", median_seconds([smscli, "--help"], base, runs, "create-pool")),
    ]  # fmt: skip
    print(f"median of {runs} runs each; state file {state_size / 1e6:.1f} MB with {options.numbers:,} phone numbers")
    aws = min(rows[0][1], rows[1][1])
    for label, seconds in rows:
        print(f"  {label:<48} {seconds * 1000:8.1f} ms   {seconds / aws:5.2f} x aws_completer")
    shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
