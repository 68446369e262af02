"""The one entry point of the local service: `Service.call(operation, request) -> response`.

The request and the response are exactly the API's JSON. A call:
1. validates the request against the API reference's constraints (ValidationException);
2. finds the operation's handler (operations whose behaviour is not built yet raise NotSimulatedError);
3. runs it on the account's Region: read-only operations (Describe*, List*, Get*) on a snapshot of
   the state that is never written; every other operation in a store transaction, so that the state
   is saved only if the handler succeeds;
4. replays ClientToken requests: the same token with the same parameters returns the first
   response and changes nothing; with other parameters it is a ValidationException;
5. projects the handler's result onto the operation's output shape, so hidden bookkeeping never leaks.

The simulated clock (`clock`) is bounded by service/clock.py: an advance past its limit is refused
before anything is written, and a state whose clock is already past what timestamps hold is refused
(StateError, exit 253) by every call but a reset of the clock.
"""

from __future__ import annotations

import copy
from contextlib import contextmanager

from smscli import spec
from smscli.errors import StateError
from smscli.service import validate
from smscli.service.clock import check_advance, offset_problem
from smscli.service.errors import ValidationException
from smscli.service.records import project
from smscli.service.region import Context, Region
from smscli.service.registry import handler, is_read_only
from smscli.store.state import CLOCK_OFFSET, Store

_CLIENT_TOKENS = "client_tokens"


def seed_region(region: Region) -> None:
    """Give a Region that has never been used what every account has there from the start."""
    from smscli.service import optout

    optout.seed_region(region)


class Service:
    def __init__(self, store: Store, context: Context):
        self.store = store
        self.context = context
        self._snapshot: dict | None = None

    def call(self, op: str, request: dict) -> dict:
        validate.check_request(op, request)
        run = handler(op)
        if is_read_only(op):
            result = run(self.read_region(), request)
        else:
            with self.write_region() as region:
                result = self._run_write(op, run, region, request)
        return project(result, spec.operation(op)["output"])

    def read_region(self) -> Region:
        """The account's Region as the state file has it (never written back)."""
        return self._region(self._read_state(), create=False)

    @contextmanager
    def write_region(self):
        """The account's Region in a store transaction: saved when the block ends without an exception."""
        with self.store.transaction() as state:
            self._snapshot = None
            yield self._region(state, create=True)

    def _read_state(self) -> dict:
        if self._snapshot is None:
            self._snapshot = self.store.load()
        return self._snapshot

    def _region(self, state: dict, *, create: bool) -> Region:
        regions = state["accounts"].get(self.context.account_id, {}).get("regions", {})
        data = regions.get(self.context.region)
        offset = self._usable_offset(state)
        if data is None:
            data = {}
            if create:
                account = state["accounts"].setdefault(self.context.account_id, {"regions": {}})
                account["regions"][self.context.region] = data
            region = Region(data, self.context, offset)
            seed_region(region)
            return region
        return Region(data, self.context, offset)

    def clock(self, advance_seconds: float = 0, reset: bool = False) -> dict:
        """The simulated clock, {"CurrentTimestamp", "OffsetSeconds"}: moved ahead by `advance_seconds` (or back to
        the machine's time with `reset`) for every account and Region of the state. Time only moves
        forward otherwise: expiries, 24-hour rules and monthly spend see the moved clock."""
        if not advance_seconds and not reset:
            offset = self._usable_offset(self._read_state())
        else:
            with self.store.transaction() as state:
                self._snapshot = None
                if reset:
                    offset = 0
                else:
                    offset = self._usable_offset(state)
                    check_advance(self.context.clock(), offset, advance_seconds)  # ClockLimitError: nothing written
                    offset += advance_seconds
                state[CLOCK_OFFSET] = offset
        return {"CurrentTimestamp": round(self.context.clock() + offset, 3), "OffsetSeconds": offset}

    def _usable_offset(self, state: dict) -> float:
        offset = state.get(CLOCK_OFFSET, 0)
        problem = offset_problem(self.context.clock(), offset)
        if problem:
            raise StateError(f"The state file {self.store.path} is not usable: {problem}.")
        return offset

    def _run_write(self, op: str, run, region: Region, request: dict) -> dict:
        token = request.get("ClientToken")
        if token is None or not _takes_client_token(op):
            return run(region, request)
        remembered = region.collection(_CLIENT_TOKENS).setdefault(op, {})
        parameters = {key: value for key, value in request.items() if key != "ClientToken"}
        if token in remembered:
            if remembered[token]["request"] != parameters:
                raise ValidationException(
                    f"The ClientToken {token} was already used with different parameters.",
                    reason="INVALID_REQUEST",
                    fields=[{"Name": "ClientToken", "Message": "Reused with different parameters."}],
                )
            return copy.deepcopy(remembered[token]["response"])
        response = project(run(region, request), spec.operation(op)["output"])
        remembered[token] = {"request": parameters, "response": copy.deepcopy(response)}
        return response


def _takes_client_token(op: str) -> bool:
    members = spec.input_members(op)
    return "ClientToken" in members and members["ClientToken"].get("idempotencyToken", False)

