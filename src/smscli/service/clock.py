"""How far the simulated clock (the machine's time plus `smscli sim clock --advance`) can go.

Every timestamp smscli makes is the simulated "now" (CreatedTimestamp, OptedOutTimestamp, ...), and
every consumer of one must hold it: `datetime` (ISO 8601 output in local time, render/timestamps.py)
ends at 9999-12-31T23:59:59, and a local time zone can be 14 hours ahead of UTC. So:

- `sim clock --advance` may move the simulated time up to LATEST_SIMULATED_TIME (9999-01-01T00:00:00Z)
  and no further: a longer advance is refused before anything is written;
- a state whose clock is past TIMESTAMP_LIMIT (9999-12-31T00:00:00Z) is refused by every command but
  `sim clock --reset` (which only writes 0), so it cannot crash them. The year between the two
  bounds is the room the machine's clock has to move on after an advance to the limit.
"""

from __future__ import annotations

LATEST_SIMULATED_TIME = 253370764800  # 9999-01-01T00:00:00Z, epoch seconds
LATEST_SIMULATED_TIME_TEXT = "9999-01-01T00:00:00Z"
TIMESTAMP_LIMIT = 253402214400  # 9999-12-31T00:00:00Z: 14 hours (the farthest time zone) short of datetime's end
TIMESTAMP_LIMIT_TEXT = "9999-12-31T00:00:00Z"


class ClockLimitError(ValueError):
    """An advance that would take the simulated clock past LATEST_SIMULATED_TIME."""


def room_to_advance(machine_now: float, offset: float) -> float:
    """How many seconds the simulated clock can still move ahead (0 or less: none)."""
    return LATEST_SIMULATED_TIME - (machine_now + offset)


def check_advance(machine_now: float, offset: float, seconds: float) -> None:
    room = room_to_advance(machine_now, offset)
    if not seconds <= room:
        most = f"at most {int(room)}s ({int(room) // 86400}d)" if room >= 1 else "no further"
        raise ClockLimitError(
            f"the simulated clock cannot pass {LATEST_SIMULATED_TIME_TEXT} (timestamps end in the year 9999); "
            f"it can move ahead {most}"
        )


def offset_problem(machine_now: float, offset: float) -> str | None:
    """Why a state's clock offset cannot be used (the simulated time is past what timestamps hold), or None."""
    if machine_now + offset <= TIMESTAMP_LIMIT:
        return None
    return (
        f'"clock_offset_seconds" ({offset!r}) puts the simulated clock past {TIMESTAMP_LIMIT_TEXT}, '
        "beyond what timestamps can hold; run `smscli sim clock --reset` to bring it back to the machine's time"
    )

