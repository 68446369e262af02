"""One account's resources in one Region, plus what every operation needs: ids, ARNs and the clock."""

from __future__ import annotations

import time

ARN_PREFIX = "arn:aws:sms-voice"


def random_hex() -> str:
    import uuid

    return uuid.uuid4().hex


class Context:
    """Who is calling and when: the simulated account and Region, a clock and an id source."""

    def __init__(self, account_id="123456789012", region="us-east-1", clock=time.time, new_hex=random_hex, settings=None):
        self.account_id = account_id
        self.region = region
        self.clock = clock  # () -> epoch seconds
        self.new_hex = new_hex  # () -> 32 hex characters
        self.settings = settings or {}  # profile settings the service reads, e.g. {"account_tier": "sandbox"}


class Region:
    def __init__(self, data: dict, context: Context, clock_offset: float = 0):
        self.data = data
        self.context = context
        self.clock_offset = clock_offset  # seconds the simulated clock runs ahead (smscli sim clock)

    @property
    def account_id(self) -> str:
        return self.context.account_id

    @property
    def name(self) -> str:
        return self.context.region

    def collection(self, name: str) -> dict:
        """A collection of records keyed by id or name, in creation order."""
        return self.data.setdefault(name, {})

    def now(self) -> float:
        """The current time in epoch seconds, to the millisecond as the service reports it."""
        return round(self.context.clock() + self.clock_offset, 3)

    def new_id(self, prefix: str) -> str:
        """`pool-` + 32 hex characters, the service's id format."""
        return f"{prefix}-{self.context.new_hex()}"

    def setting(self, name: str, default: str | None = None) -> str | None:
        return self.context.settings.get(name, default)

    def arn(self, resource: str) -> str:
        """`arn:aws:sms-voice:<region>:<account>:<resource>`, e.g. resource = "pool/pool-..."."""
        return f"{ARN_PREFIX}:{self.name}:{self.account_id}:{resource}"
