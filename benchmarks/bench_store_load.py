"""What loading a large state costs: `Store.load()` of a state with --records records (default 10,000).

The state is made by the real service (one account, one Region): a few phone numbers, pools, sender IDs,
opt-out lists, configuration sets, verified numbers and sent messages, then each kind's records cloned
under new keys until there are --records of them in all, in the proportions of a busy account (most of
them phone numbers, the largest kind, each with its keywords). Prints the file size and medians of --runs
runs in milliseconds of CPU time: the JSON parse, the checks of the parsed state (structure and records), and the
whole `Store.load` (read, parse, checks).

Usage: python benchmarks/bench_store_load.py [--records 10000] [--runs 21]
"""

from __future__ import annotations

import argparse
import copy
import itertools
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from smscli.service.dispatch import Service  # noqa: E402
from smscli.service.region import Context  # noqa: E402
from smscli.store import state as state_module  # noqa: E402
from smscli.store.state import Store  # noqa: E402

try:
    from smscli.store.schema import record_problem  # noqa: E402
except ImportError:  # before the record check existed

    def record_problem(state):
        return None

# Share of the records per collection (the rest of the state is whatever the calls made).
SHARES = {"phone_numbers": 0.6, "messages": 0.2, "sender_ids": 0.05, "pools": 0.05, "opt_out_lists": 0.04,
          "configuration_sets": 0.03, "verified_destination_numbers": 0.03}  # fmt: skip


def seed(path: Path) -> None:
    ids = itertools.count(1)
    service = Service(Store(path), Context(new_hex=lambda: f"{next(ids):032x}"))
    call = service.call
    number = call("RequestPhoneNumber", {"IsoCountryCode": "US", "MessageType": "TRANSACTIONAL",
                                         "NumberCapabilities": ["SMS", "VOICE"], "NumberType": "SIMULATOR"})  # fmt: skip
    spare = call("RequestPhoneNumber", {"IsoCountryCode": "US", "MessageType": "TRANSACTIONAL",
                                        "NumberCapabilities": ["SMS", "VOICE"], "NumberType": "SIMULATOR"})  # fmt: skip
    call("CreatePool", {"OriginationIdentity": spare["PhoneNumberId"], "IsoCountryCode": "US", "MessageType": "TRANSACTIONAL"})
    call("RequestSenderId", {"SenderId": "ACME", "IsoCountryCode": "GB"})
    call("CreateOptOutList", {"OptOutListName": "bench"})
    call("CreateConfigurationSet", {"ConfigurationSetName": "bench"})
    call("CreateVerifiedDestinationNumber", {"DestinationPhoneNumber": "+12065550100"})
    call("SendTextMessage", {"DestinationPhoneNumber": "+14254147755", "OriginationIdentity": number["PhoneNumberId"],
                             "MessageBody": "hello"})  # fmt: skip


def grow(path: Path, records: int) -> None:
    state = json.loads(path.read_bytes())
    region = state["accounts"]["123456789012"]["regions"]["us-east-1"]
    for collection, share in SHARES.items():
        existing = region.get(collection) or {}
        if not existing:
            continue
        template_key, template = next(iter(existing.items()))
        for n in range(int(records * share) - len(existing)):
            region[collection][f"{template_key}-{n:06d}"] = copy.deepcopy(template)
    path.write_bytes(json.dumps(state, ensure_ascii=False, separators=(",", ":")).encode())


def median_ms(function, runs: int) -> float:
    """The median CPU time of `runs` calls (CPU time: a machine shared with other work moves it less than wall time)."""
    samples = []
    for _ in range(runs):
        start = time.process_time()
        function()
        samples.append((time.process_time() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "state.json"
        seed(path)
        grow(path, args.records)
        store = Store(path)
        raw = path.read_bytes()
        counted = sum(len(records) for account in json.loads(raw)["accounts"].values()
                      for region in account["regions"].values() for records in region.values())  # fmt: skip
        store.load()  # warm-up
        parsed = json.loads(raw)
        parse = median_ms(lambda: json.loads(raw), args.runs)
        checks = median_ms(lambda: state_module._structure_problem(parsed) or record_problem(parsed), args.runs)
        load = median_ms(store.load, args.runs)
        print(f"{counted} records, {len(raw) / 1e6:.1f} MB, median of {args.runs}: json.loads {parse:.1f} ms, "
              f"checks {checks:.1f} ms ({100 * checks / parse:.0f}% of the parse), Store.load {load:.1f} ms")


if __name__ == "__main__":
    main()
