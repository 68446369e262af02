"""Wall-clock cost of help, as a person at a terminal pays it (whole processes, median of --runs).

`<command> help` reads spec/help.json (the API reference's texts) on top of what `smscli --help`
does; the goal (issue 13) is that it stays under 2x `smscli --help`. Times `python -c pass` for
scale, `smscli --help`, and the help of a few operations: create-pool, describe-pools (filters,
structures), create-event-destination (the longest OPTIONS); prints each one's ratio to --help and
exits 1 when one is 2x or more.

Usage: python benchmarks/bench_help.py [--runs 20]
"""

from __future__ import annotations

import argparse
import shutil
import sys

from timing import installed_smscli, median_seconds, steady_env, throwaway_home

GOAL = 2.0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    smscli = installed_smscli()
    home = throwaway_home()
    env = {**steady_env(), "SMSCLI_HOME": str(home)}
    print(f"median of {runs} runs, whole processes")
    print(f"{'python -c pass':<40} {median_seconds([sys.executable, '-c', 'pass'], env, runs) * 1000:7.1f} ms")
    root = median_seconds([smscli, "--help"], env, runs, expect="API operations")
    print(f"{'smscli --help':<40} {root * 1000:7.1f} ms")
    worst = 0.0
    for command in ("create-pool", "describe-pools", "create-event-destination"):
        seconds = median_seconds([smscli, command, "help"], env, runs, expect="DESCRIPTION")
        worst = max(worst, seconds / root)
        print(f"{'smscli ' + command + ' help':<40} {seconds * 1000:7.1f} ms  {seconds / root:4.2f}x --help")
    shutil.rmtree(home)
    print(f"worst: {worst:.2f}x (goal: under {GOAL:.0f}x)")
    return 0 if worst < GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
