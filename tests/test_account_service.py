"""The account through the service entry point: tier, quotas, spend limits, and the spend helpers sends use."""

from __future__ import annotations

import pytest

from conftest import FIXED_NOW
from conftest import fresh
from smscli.service import account
from smscli.service.dispatch import Service
from smscli.service.errors import ServiceQuotaExceededException, ValidationException
from smscli.service.region import Context

NAMES = {"TEXT": "TEXT_MESSAGE_MONTHLY_SPEND_LIMIT", "VOICE": "VOICE_MESSAGE_MONTHLY_SPEND_LIMIT",
         "MEDIA": "MEDIA_MESSAGE_MONTHLY_SPEND_LIMIT"}  # fmt: skip


@pytest.fixture
def production(service):
    context = service.context
    return Service(service.store, Context(clock=context.clock, new_hex=context.new_hex, settings={"account_tier": "production"}))


def limits(service):
    return {entry["Name"]: entry for entry in service.call("DescribeSpendLimits", {})["SpendLimits"]}


def test_a_new_account_is_in_the_sandbox(service, production):
    assert service.call("DescribeAccountAttributes", {}) == {"AccountAttributes": [{"Name": "ACCOUNT_TIER", "Value": "SANDBOX"}]}
    assert not service.store.path.exists(), "a read-only call never writes"
    assert production.call("DescribeAccountAttributes", {})["AccountAttributes"] == [{"Name": "ACCOUNT_TIER", "Value": "PRODUCTION"}]


def test_the_default_protect_configuration_is_listed_while_set(service):
    with service.write_region() as region:
        region.collection(account.ACCOUNT)[account.DEFAULT_PROTECT_CONFIGURATION] = "protect-" + "a" * 32
    assert fresh(service).call("DescribeAccountAttributes", {})["AccountAttributes"] == [
        {"Name": "ACCOUNT_TIER", "Value": "SANDBOX"},
        {"Name": "DEFAULT_PROTECT_CONFIGURATION_ID", "Value": "protect-" + "a" * 32},
    ]
    page = fresh(service).call("DescribeAccountAttributes", {"MaxResults": 1})
    assert len(page["AccountAttributes"]) == 1 and page["NextToken"]


def test_limits_count_what_the_account_holds(service):
    reply = service.call("DescribeAccountLimits", {})["AccountLimits"]
    assert [entry["Name"] for entry in reply] == [
        "PHONE_NUMBERS", "POOLS", "CONFIGURATION_SETS", "OPT_OUT_LISTS", "SENDER_IDS", "REGISTRATIONS",
        "REGISTRATION_ATTACHMENTS", "VERIFIED_DESTINATION_NUMBERS",
    ]  # fmt: skip
    assert {entry["Name"]: (entry["Used"], entry["Max"]) for entry in reply}["OPT_OUT_LISTS"] == (1, 25)  # Default counts
    service.call("CreateOptOutList", {"OptOutListName": "marketing"})
    service.call("RequestPhoneNumber", {"IsoCountryCode": "US", "MessageType": "TRANSACTIONAL",
                                        "NumberCapabilities": ["SMS"], "NumberType": "SIMULATOR"})  # fmt: skip
    service.call("CreateVerifiedDestinationNumber", {"DestinationPhoneNumber": "+447700900555"})
    used = {entry["Name"]: (entry["Used"], entry["Max"]) for entry in fresh(service).call("DescribeAccountLimits", {})["AccountLimits"]}
    assert used["OPT_OUT_LISTS"] == (2, 25)
    assert used["PHONE_NUMBERS"] == (1, 25)
    assert used["VERIFIED_DESTINATION_NUMBERS"] == (1, 10)
    assert used["POOLS"] == (0, 25)


def test_spend_limits_start_at_the_sandbox_maximum(service, production):
    assert service.call("DescribeSpendLimits", {})["SpendLimits"] == [
        {"Name": NAMES[channel], "EnforcedLimit": 1, "MaxLimit": 1, "Overridden": False} for channel in ("TEXT", "VOICE", "MEDIA")
    ]
    assert limits(production)[NAMES["TEXT"]] == {"Name": NAMES["TEXT"], "EnforcedLimit": 1000, "MaxLimit": 1000, "Overridden": False}


@pytest.mark.parametrize("channel", ["Text", "Voice", "Media"])
def test_an_override_within_the_maximum_and_its_deletion(service, channel):
    name = NAMES[channel.upper()]
    assert service.call(f"Set{channel}MessageSpendLimitOverride", {"MonthlyLimit": 0}) == {"MonthlyLimit": 0}
    assert limits(fresh(service))[name] == {"Name": name, "EnforcedLimit": 0, "MaxLimit": 1, "Overridden": True}
    with pytest.raises(ValidationException) as raised:
        service.call(f"Set{channel}MessageSpendLimitOverride", {"MonthlyLimit": 2})
    assert raised.value.reason == "REQUESTED_SPEND_LIMIT_HIGHER_THAN_SERVICE_LIMIT"
    assert raised.value.fields[0]["Name"] == "MonthlyLimit"
    assert service.call(f"Delete{channel}MessageSpendLimitOverride", {}) == {"MonthlyLimit": 1}
    assert limits(fresh(service))[name] == {"Name": name, "EnforcedLimit": 1, "MaxLimit": 1, "Overridden": False}
    assert service.call(f"Delete{channel}MessageSpendLimitOverride", {}) == {"MonthlyLimit": 1}  # none set: fine


def test_overrides_follow_the_tier(service, production):
    assert production.call("SetTextMessageSpendLimitOverride", {"MonthlyLimit": 500}) == {"MonthlyLimit": 500}
    assert limits(fresh(production))[NAMES["TEXT"]]["EnforcedLimit"] == 500
    assert limits(fresh(service))[NAMES["TEXT"]] == {"Name": NAMES["TEXT"], "EnforcedLimit": 1, "MaxLimit": 1, "Overridden": True}


def test_spend_is_checked_added_and_kept_per_calendar_month(service, clock):
    clock.now = FIXED_NOW + 30 * 24 * 3600  # 2026-01-31
    with service.write_region() as region:
        assert account.month_to_date_spend(region, "TEXT") == 0.0
        account.add_spend(region, "TEXT", 0.6)
        account.add_spend(region, "TEXT", 0.3)
        account.check_spend(region, "TEXT", 0.1)  # exactly the limit is allowed
        with pytest.raises(ServiceQuotaExceededException) as raised:
            account.check_spend(region, "TEXT", 0.11)
        assert raised.value.reason == "MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT"
        account.check_spend(region, "VOICE", 1.0)  # each channel has its own limit
        account.add_spend(region, "MEDIA", 1.0)
        with pytest.raises(ServiceQuotaExceededException) as raised:
            account.check_spend(region, "MEDIA", 0.01)
        assert raised.value.reason == "MONTHLY_SPEND_LIMIT_REACHED_FOR_MEDIA"
    with fresh(service).write_region() as region:
        assert account.month_to_date_spend(region, "TEXT") == pytest.approx(0.9)
    clock.now = FIXED_NOW + 31 * 24 * 3600  # 2026-02-01: a new month
    with fresh(service).write_region() as region:
        assert account.month_to_date_spend(region, "TEXT") == 0.0
        account.check_spend(region, "TEXT", 1.0)
