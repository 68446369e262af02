"""`smscli sim`: what only the simulation can show or do, kept apart from the API's commands.

- `sim messages`: what was "sent" (sends, verification codes, keyword replies);
- `sim events`: what each event destination received;
- `sim inbound`: a customer texts one of our numbers (keywords, opt-outs, replies, two-way);
- `sim review`: the review of a submitted registration (approve, deny, request updates);
- `sim clock`: the simulated time, moved ahead to rehearse expiries and waiting rules.
Output follows the global --output/--query/--color like every command. A service error names the
command as its operation (`when calling the SimInbound operation`); text that would be stored is
checked as the API checks it (an undecodable byte or a lone surrogate: ValidationException
CANNOT_PARSE); the clock stops at service/clock.py's limit (a longer advance is a usage error).
"""

from __future__ import annotations

from contextlib import contextmanager

import typer

from smscli import config

app = typer.Typer(
    name="sim",
    help="What the simulation sent and received, the customer's side of two-way SMS, registration reviews, "
    "and the simulated clock.",
    add_completion=False,
)


def _session(ctx: typer.Context):
    from smscli.cli.operation import service_for

    globals_ = ctx.obj
    profile = config.load_profile(
        globals_.get("profile"),
        {"region": globals_.get("region"), "output": globals_.get("output"), "color": globals_.get("color")},
    )
    return profile, service_for(profile)


@contextmanager
def _operation(name: str):
    """Service errors raised inside name `name` as their operation, as the API's commands name theirs."""
    from smscli.errors import ServiceError

    try:
        yield
    except ServiceError as error:
        error.operation = name
        raise


def _show(ctx: typer.Context, profile, data: dict, title: str) -> None:
    from smscli.cli.output import OutputSettings, write_output

    settings = OutputSettings.from_profile(profile, ctx.obj.get("query"))
    if settings.timestamps != "wire":
        data = _iso_timestamps(data)
    write_output(data, title, settings, timestamps=False)


def _iso_timestamps(value):
    """The records' own timestamps (CreatedTimestamp, epoch seconds) as ISO 8601, as the API's commands
    print theirs; the event records keep the user guide's epoch milliseconds (eventTimestamp)."""
    from smscli.render.timestamps import to_iso8601

    if isinstance(value, list):
        return [_iso_timestamps(item) for item in value]
    if not isinstance(value, dict):
        return value
    return {
        key: to_iso8601(item) if key[:1].isupper() and key.endswith("Timestamp") and isinstance(item, (int, float))
        else _iso_timestamps(item)
        for key, item in value.items()
    }  # fmt: skip


@app.command("messages")
def list_messages(
    ctx: typer.Context,
    message_id: str = typer.Option(None, "--message-id", help="only this message"),
    destination_phone_number: str = typer.Option(None, "--destination-phone-number", help="only messages to this number"),
) -> None:
    """The messages the simulated service sent, oldest first."""
    from smscli.service import simulator

    with _operation("SimMessages"):
        profile, service = _session(ctx)
        found = simulator.messages(service.read_region(), message_id, destination_phone_number)
    _show(ctx, profile, {"Messages": found}, "SimMessages")


@app.command("events")
def list_events(
    ctx: typer.Context,
    message_id: str = typer.Option(None, "--message-id", help="only the events of this message"),
    event_destination_name: str = typer.Option(None, "--event-destination-name", help="only what this destination received"),
    destination_phone_number: str = typer.Option(None, "--destination-phone-number", help="only events of messages to this number"),
) -> None:
    """The event records each event destination received, in order."""
    from smscli.service import simulator

    with _operation("SimEvents"):
        profile, service = _session(ctx)
        found = simulator.delivered_events(service.read_region(), message_id, event_destination_name, destination_phone_number)
    _show(ctx, profile, {"Events": found}, "SimEvents")


@app.command("inbound")
def receive(
    ctx: typer.Context,
    origination_phone_number: str = typer.Option(..., "--origination-phone-number", help="the customer's number (E.164)"),
    destination_phone_number: str = typer.Option(..., "--destination-phone-number", help="our number the customer texts"),
    message_body: str = typer.Option(..., "--message-body", help="what the customer writes"),
) -> None:
    """A customer texts one of our numbers: keywords answer, STOP opts out, two-way gets the message."""
    import re

    from smscli.errors import UsageError
    from smscli.service import simulator
    from smscli.service.validate import check_readable

    if not re.fullmatch(r"\+[0-9]+", origination_phone_number):
        raise UsageError(f"--origination-phone-number must be an E.164 number, not {origination_phone_number!r}")
    with _operation("SimInbound"):
        check_readable({"DestinationPhoneNumber": destination_phone_number, "MessageBody": message_body})
        profile, service = _session(ctx)
        with service.write_region() as region:
            outcome = simulator.inbound(region, origination_phone_number, destination_phone_number, message_body)
    _show(ctx, profile, outcome, "SimInbound")


@app.command("review")
def review(
    ctx: typer.Context,
    registration_id: str = typer.Argument(..., metavar="REGISTRATION_ID", help="the registration (id or ARN) whose submitted version is reviewed"),
    approve: bool = typer.Option(False, "--approve", help="approve it: the registration is COMPLETE, its numbers ACTIVE"),
    deny: bool = typer.Option(False, "--deny", help="deny it: the registration REQUIRES_UPDATES"),
    request_updates: bool = typer.Option(False, "--request-updates", help="ask for updates (flag fields with --field-path)"),
    reason: str = typer.Option(None, "--reason", help="why, as the version's DeniedReasons and Feedback show it"),
    field_paths: list[str] = typer.Option(None, "--field-path", help="with --request-updates: a field to fix (repeatable)"),
) -> None:
    """The registrar's decision on a submitted registration version, made at once."""
    from smscli.errors import UsageError
    from smscli.service import registrations
    from smscli.service.validate import check_readable

    decisions = [name for name, chosen in (("approve", approve), ("deny", deny), ("request-updates", request_updates)) if chosen]
    if len(decisions) != 1:
        raise UsageError("give exactly one of --approve, --deny, --request-updates")
    if field_paths and decisions[0] != "request-updates":
        raise UsageError("--field-path goes with --request-updates")
    with _operation("SimReview"):
        check_readable({"RegistrationId": registration_id, "Reason": reason,
                        **{f"FieldPath[{index}]": path for index, path in enumerate(field_paths or ())}})  # fmt: skip
        profile, service = _session(ctx)
        with service.write_region() as region:
            outcome = registrations.review(region, registration_id, decisions[0], reason, tuple(field_paths or ()))
    _show(ctx, profile, outcome, "SimReview")


_DURATION_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(text: str) -> float:
    """`90s`, `15m`, `24h`, `30d` (or plain seconds) -> seconds; a UsageError for anything else."""
    from smscli.errors import UsageError

    value, unit = (text[:-1], text[-1]) if text[-1:] in _DURATION_UNITS else (text, "s")
    try:
        seconds = float(value) * _DURATION_UNITS[unit]
    except ValueError:
        seconds = -1
    if not seconds > 0 or seconds == float("inf"):
        raise UsageError(f"argument --advance: expected a positive duration such as 90s, 15m, 24h or 30d, not {text!r}")
    return int(seconds) if seconds == int(seconds) else seconds


@app.command("clock")
def clock(
    ctx: typer.Context,
    advance: str = typer.Option(None, "--advance", metavar="DURATION", help="move the clock ahead: 90s, 15m, 24h, 30d"),
    reset: bool = typer.Option(False, "--reset", help="back to the machine's time"),
) -> None:
    """The simulated clock, and moving it ahead, so that expiries and waiting rules can be rehearsed at
    once: a verification code's 15 minutes, a verified number's 24 hours before it can be deleted,
    number overrides' expiry, the next month's spend. It moves for the whole state file."""
    from smscli.errors import UsageError
    from smscli.service.clock import ClockLimitError

    if advance is not None and reset:
        raise UsageError("give --advance or --reset, not both")
    seconds = parse_duration(advance) if advance is not None else 0
    with _operation("SimClock"):
        profile, service = _session(ctx)
        try:
            now = service.clock(seconds, reset)
        except ClockLimitError as error:
            raise UsageError(f"argument --advance: {error}") from None
    _show(ctx, profile, now, "SimClock")
