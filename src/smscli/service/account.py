"""The account: attributes, resource quotas, monthly spend limits and their overrides.

DescribeAccountAttributes, DescribeAccountLimits, DescribeSpendLimits,
Set/Delete{Text,Voice,Media}MessageSpendLimitOverride, and the spend helpers the sends call.
Rules (API reference, user guide quotas):
- a new account is in the sandbox: ACCOUNT_TIER is SANDBOX unless the profile setting
  `account_tier` is "production" (PRODUCTION); DEFAULT_PROTECT_CONFIGURATION_ID is listed only while
  the account has a default protect configuration;
- quotas (AccountLimitName): PHONE_NUMBERS, POOLS, CONFIGURATION_SETS, OPT_OUT_LISTS (the Default
  list counts) 25 each, VERIFIED_DESTINATION_NUMBERS 10 (the reference says "up to 10" with no tier
  condition, so production keeps 10), and, where the guide gives no figure, smscli's SENDER_IDS 25,
  REGISTRATIONS 25, REGISTRATION_ATTACHMENTS 25; Used is counted live from the state;
- spend limits are whole USD per calendar month (UTC) and channel (TEXT, VOICE, MEDIA); MaxLimit is
  1 in the sandbox (the guide's $1.00 for SMS; voice and media the same) and, an smscli decision,
  1000 in production; an override must be at most MaxLimit (ValidationException
  REQUESTED_SPEND_LIMIT_HIGHER_THAN_SERVICE_LIMIT); EnforcedLimit is the override (capped by MaxLimit
  should the tier change) or MaxLimit, Overridden says whether an override is set; deleting an
  override (set or not) answers the MaxLimit;
- a send whose price would take the month's spend of its channel above the EnforcedLimit is refused
  (ServiceQuotaExceededException MONTHLY_SPEND_LIMIT_REACHED_FOR_<CHANNEL>);
- voice quotas (the guide's voice sandbox, 001_d878c4bf3599ab7d.txt:1227-1254, and its voice quotas
  table, 14470-14525): in the sandbox at most 20 voice messages in any 24 hours, 5 calls a minute and
  30 seconds a message; in production 20 calls a minute and 5 minutes a message, no daily total; in
  both, 5 voice messages to one recipient in any 24 hours. The length is measured at the simulation's
  speaking rate (prices.SPOKEN_CHARACTERS_PER_SECOND). Each refusal (smscli decisions, the reference's
  enums having no value for the account-wide rates): too long, ValidationException
  MAXIMUM_SIZE_EXCEEDED (Fields MessageBody); calls a minute, ThrottlingException (the API's exception
  for "too many requests were sent during a certain amount of time"; it has no Reason); the sandbox's
  daily total, ServiceQuotaExceededException with no Reason, so that a script tells it apart from the
  per-recipient DAILY_DESTINATION_CALL_LIMIT. Counted: every voice message in the outbox, voice
  verification codes included (a code sent by VOICE is a call to the recipient); a DryRun records
  nothing, so it counts nothing (but is refused as a real send would be). The windows slide on the
  simulated clock (`smscli sim clock --advance`).

State: the `account` collection holds `DefaultProtectConfigurationId` (set by the protect
configuration operations), `spend_limit_overrides` {channel: USD} and `spend` {"YYYY-MM": {channel: USD}}.
"""

from __future__ import annotations

import math
import time

from smscli.service.errors import ServiceQuotaExceededException, ThrottlingException, ValidationException
from smscli.service.outbox import MESSAGES
from smscli.service.pagination import paginate
from smscli.service.region import Region

ACCOUNT = "account"
DEFAULT_PROTECT_CONFIGURATION = "DefaultProtectConfigurationId"
_OVERRIDES = "spend_limit_overrides"
_SPEND = "spend"
SANDBOX, PRODUCTION = "SANDBOX", "PRODUCTION"
TEXT, VOICE, MEDIA = "TEXT", "VOICE", "MEDIA"
CHANNELS = (TEXT, VOICE, MEDIA)
SPEND_LIMIT_NAMES = {
    TEXT: "TEXT_MESSAGE_MONTHLY_SPEND_LIMIT",
    VOICE: "VOICE_MESSAGE_MONTHLY_SPEND_LIMIT",
    MEDIA: "MEDIA_MESSAGE_MONTHLY_SPEND_LIMIT",
}
MAX_SPEND = {SANDBOX: 1, PRODUCTION: 1000}

# AccountLimitName -> (state collection counted for Used, Max), in the reference's enum order.
ACCOUNT_LIMITS = {
    "PHONE_NUMBERS": ("phone_numbers", 25),
    "POOLS": ("pools", 25),
    "CONFIGURATION_SETS": ("configuration_sets", 25),
    "OPT_OUT_LISTS": ("opt_out_lists", 25),
    "SENDER_IDS": ("sender_ids", 25),
    "REGISTRATIONS": ("registrations", 25),
    "REGISTRATION_ATTACHMENTS": ("registration_attachments", 25),
    "VERIFIED_DESTINATION_NUMBERS": ("verified_destination_numbers", 10),
}


def tier(region: Region) -> str:
    """SANDBOX or PRODUCTION, from the profile setting `account_tier`."""
    return PRODUCTION if (region.setting("account_tier") or "").strip().lower() == "production" else SANDBOX


def in_sandbox(region: Region) -> bool:
    return tier(region) == SANDBOX


def check_account_limit(region: Region, name: str, noun: str, note: str = "") -> None:
    """Refuse one more resource of an AccountLimitName at its Max, as DescribeAccountLimits shows it
    (ServiceQuotaExceededException <NAME>_PER_ACCOUNT)."""
    collection, maximum = ACCOUNT_LIMITS[name]
    used = len(region.collection(collection))
    if used >= maximum:
        raise ServiceQuotaExceededException(
            f"The account already has {used} {noun}{note}, the most allowed ({maximum}).", reason=f"{name}_PER_ACCOUNT"
        )


def _account(region: Region) -> dict:
    return region.collection(ACCOUNT)


# ---------------------------------------------------------------------------------------------
# Attributes and quotas


def describe_account_attributes(region: Region, request: dict) -> dict:
    attributes = [{"Name": "ACCOUNT_TIER", "Value": tier(region)}]
    default = _account(region).get(DEFAULT_PROTECT_CONFIGURATION)
    if default:
        attributes.append({"Name": "DEFAULT_PROTECT_CONFIGURATION_ID", "Value": default})
    page, token = paginate(attributes, request)
    return {"AccountAttributes": page, "NextToken": token}


def describe_account_limits(region: Region, request: dict) -> dict:
    limits = [
        {"Name": name, "Used": len(region.collection(collection)), "Max": maximum}
        for name, (collection, maximum) in ACCOUNT_LIMITS.items()
    ]
    page, token = paginate(limits, request)
    return {"AccountLimits": page, "NextToken": token}


# ---------------------------------------------------------------------------------------------
# Spend limits


def max_limit(region: Region, channel: str) -> int:
    return MAX_SPEND[tier(region)]


def enforced_limit(region: Region, channel: str) -> int:
    override = _account(region).get(_OVERRIDES, {}).get(channel)
    maximum = max_limit(region, channel)
    return maximum if override is None else min(override, maximum)


def _spend_limit(region: Region, channel: str) -> dict:
    return {
        "Name": SPEND_LIMIT_NAMES[channel],
        "EnforcedLimit": enforced_limit(region, channel),
        "MaxLimit": max_limit(region, channel),
        "Overridden": channel in _account(region).get(_OVERRIDES, {}),
    }


def describe_spend_limits(region: Region, request: dict) -> dict:
    page, token = paginate([_spend_limit(region, channel) for channel in CHANNELS], request)
    return {"SpendLimits": page, "NextToken": token}


def _set_override(channel: str):
    def set_override(region: Region, request: dict) -> dict:
        limit = request["MonthlyLimit"]
        maximum = max_limit(region, channel)
        if limit > maximum:
            message = (
                f"The requested {channel.lower()} spend limit, {limit} USD a month, is higher than the account's "
                f"MaxLimit ({maximum} USD)."
            )
            raise ValidationException(
                message,
                reason="REQUESTED_SPEND_LIMIT_HIGHER_THAN_SERVICE_LIMIT",
                fields=[{"Name": "MonthlyLimit", "Message": message}],
            )
        _account(region).setdefault(_OVERRIDES, {})[channel] = limit
        return {"MonthlyLimit": limit}

    return set_override


def _delete_override(channel: str):
    def delete_override(region: Region, request: dict) -> dict:
        _account(region).setdefault(_OVERRIDES, {}).pop(channel, None)
        return {"MonthlyLimit": max_limit(region, channel)}

    return delete_override


# ---------------------------------------------------------------------------------------------
# Month-to-date spend (called by the sends)


def _month(region: Region) -> str:
    return time.strftime("%Y-%m", time.gmtime(region.now()))


def month_to_date_spend(region: Region, channel: str) -> float:
    """What the account spent on `channel` this calendar month (UTC), in USD."""
    return _account(region).get(_SPEND, {}).get(_month(region), {}).get(channel, 0.0)


def check_spend(region: Region, channel: str, price: float) -> None:
    """Refuse a send that would take the month's spend above the channel's enforced limit."""
    spent = month_to_date_spend(region, channel)
    limit = enforced_limit(region, channel)
    if round(spent + price, 6) > limit:
        raise ServiceQuotaExceededException(
            f"This {channel.lower()} message ({price:.5f} USD) would take this month's {channel.lower()} spend "
            f"({spent:.5f} USD so far) above the monthly spend limit of {limit} USD.",
            reason=f"MONTHLY_SPEND_LIMIT_REACHED_FOR_{channel}",
        )


def add_spend(region: Region, channel: str, price: float) -> None:
    month = _account(region).setdefault(_SPEND, {}).setdefault(_month(region), {})
    month[channel] = round(month.get(channel, 0.0) + price, 6)


# ---------------------------------------------------------------------------------------------
# Voice quotas (called by SendVoiceMessage and by voice verification codes)

DAY_SECONDS, MINUTE_SECONDS = 24 * 3600, 60
VOICE_CALLS_PER_RECIPIENT_PER_DAY = 5
VOICE_CALLS_PER_DAY = {SANDBOX: 20, PRODUCTION: None}
VOICE_CALLS_PER_MINUTE = {SANDBOX: 5, PRODUCTION: 20}
VOICE_MESSAGE_SECONDS = {SANDBOX: 30, PRODUCTION: 5 * 60}


def check_voice_length(region: Region, seconds: int) -> None:
    """Refuse a voice message longer than the tier allows (ValidationException MAXIMUM_SIZE_EXCEEDED)."""
    limit = VOICE_MESSAGE_SECONDS[tier(region)]
    if seconds > limit:
        where = "in the voice sandbox" if in_sandbox(region) else "out of the voice sandbox"
        message = f"The voice message would last {seconds} seconds; {where} a voice message lasts at most {limit} seconds."
        raise ValidationException(message, reason="MAXIMUM_SIZE_EXCEEDED", fields=[{"Name": "MessageBody", "Message": message}])


def _voice_calls_since(region: Region, since: float, destination: str | None = None) -> list[float]:
    """When each voice message of the outbox after `since` was made (to `destination`, or to anyone), oldest first."""
    return sorted(
        message["CreatedTimestamp"]
        for message in region.collection(MESSAGES).values()
        if message.get("Channel") == VOICE and message["CreatedTimestamp"] > since
        and (destination is None or message["DestinationPhoneNumber"] == destination)
    )  # fmt: skip


def _wait(seconds: float) -> str:
    if seconds > 3600:
        return f"{seconds / 3600:.1f} hours"
    if seconds > 60:
        return f"{math.ceil(seconds / 60)} minutes"
    return f"{math.ceil(seconds)} seconds"


def check_voice_calls(region: Region, destination: str) -> None:
    """Refuse one more voice message over the account's daily total (sandbox), the recipient's daily
    total or the calls a minute, checked in that order: the longest wait first."""
    now = region.now()
    level = tier(region)
    per_day = VOICE_CALLS_PER_DAY[level]
    today = _voice_calls_since(region, now - DAY_SECONDS)
    if per_day is not None and len(today) >= per_day:
        raise ServiceQuotaExceededException(
            f"The account is in the voice sandbox, which sends at most {per_day} voice messages in 24 hours (to all "
            f"recipients together); {len(today)} were sent in the last 24 hours. The next one can go in "
            f"{_wait(today[-per_day] + DAY_SECONDS - now)}."
        )
    to_recipient = _voice_calls_since(region, now - DAY_SECONDS, destination)
    if len(to_recipient) >= VOICE_CALLS_PER_RECIPIENT_PER_DAY:
        raise ServiceQuotaExceededException(
            f"{destination} already received {len(to_recipient)} voice messages in the last 24 hours, the most allowed "
            f"({VOICE_CALLS_PER_RECIPIENT_PER_DAY}).",
            reason="DAILY_DESTINATION_CALL_LIMIT",
        )
    per_minute = VOICE_CALLS_PER_MINUTE[level]
    last_minute = _voice_calls_since(region, now - MINUTE_SECONDS)
    if len(last_minute) >= per_minute:
        where = "The account is in the voice sandbox, which makes" if level == SANDBOX else "The account makes"
        raise ThrottlingException(
            f"{where} at most {per_minute} voice calls a minute; {len(last_minute)} were made in the last 60 seconds. "
            f"Try again in {_wait(last_minute[-per_minute] + MINUTE_SECONDS - now)}."
        )


OPERATIONS = {
    "DescribeAccountAttributes": describe_account_attributes,
    "DescribeAccountLimits": describe_account_limits,
    "DescribeSpendLimits": describe_spend_limits,
    "SetTextMessageSpendLimitOverride": _set_override(TEXT),
    "DeleteTextMessageSpendLimitOverride": _delete_override(TEXT),
    "SetVoiceMessageSpendLimitOverride": _set_override(VOICE),
    "DeleteVoiceMessageSpendLimitOverride": _delete_override(VOICE),
    "SetMediaMessageSpendLimitOverride": _set_override(MEDIA),
    "DeleteMediaMessageSpendLimitOverride": _delete_override(MEDIA),
}
