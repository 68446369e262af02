"""Wall-clock cost of starting smscli, as scripts and people pay it.

Times, as whole processes (median of --runs runs each):
- `smscli --help`, next to `python -c pass` and `python -c "import typer"` for scale;
- `describe-opt-out-lists --output json` over a state with 1,000 opt-out lists (written directly,
  since the service quota allows 25 per account) in one process, paging merged;
- one write: `put-opted-out-number` on that state.

Usage: python benchmarks/bench_cli.py [--runs 20]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys

from timing import installed_smscli, median_seconds, steady_env, throwaway_home



def state_with_lists(count: int) -> dict:
    lists = {}
    for index in range(count):
        name = "Default" if index == 0 else f"list-{index:04d}"
        lists[name] = {
            "OptOutListArn": f"arn:aws:sms-voice:us-east-1:123456789012:opt-out-list/{name}",
            "OptOutListName": name,
            "CreatedTimestamp": 1767225600.0 + index,
            "Tags": [],
            "numbers": {},
            "opted_in": {},
        }
    return {"schema_version": 1, "accounts": {"123456789012": {"regions": {"us-east-1": {"opt_out_lists": lists}}}}}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    smscli = installed_smscli()
    home = throwaway_home()
    env = {**steady_env(), "SMSCLI_HOME": str(home)}
    env.pop("SMSCLI_OUTPUT", None)
    (home / "state.json").write_text(json.dumps(state_with_lists(1000)))
    rows = [
        ("python -c pass", [sys.executable, "-c", "pass"]),
        ("python -c 'import typer'", [sys.executable, "-c", "import typer"]),
        ("smscli --help", [smscli, "--help"]),
        ("smscli describe-opt-out-lists (1,000 lists)", [smscli, "describe-opt-out-lists", "--output", "json"]),
        ("smscli put-opted-out-number (one write)",
         [smscli, "put-opted-out-number", "--opt-out-list-name", "list-0500", "--opted-out-number", "+12065550100",
          "--output", "json"]),
    ]  # fmt: skip
    print(f"median of {runs} runs, whole processes")
    for label, argv in rows:
        print(f"{label:<48} {median_seconds(argv, env, runs) * 1000:7.1f} ms")
    shutil.rmtree(home)


if __name__ == "__main__":
    main()
