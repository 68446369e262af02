"""Protect configurations through the service entry point: every operation, its errors, and what sends do."""

from __future__ import annotations

import pytest

from conftest import FIXED_NOW as NOW
from conftest import fresh
from smscli.service import account
from smscli.service.countries import countries
from smscli.service.dispatch import Service
from smscli.service.errors import (
    AccessDeniedException,
    ConflictException,
    ResourceNotFoundException,
    ServiceQuotaExceededException,
    ValidationException,
)
from smscli.service.protect import MAX_PROTECT_CONFIGURATIONS, PROTECT_CONFIGURATIONS, check_send
from smscli.service.region import Context

ARN = "arn:aws:sms-voice:us-east-1:123456789012:protect-configuration/"
SUCCESS = "+14254147755"  # the US success destination simulator
UK_RECIPIENT, UK_OTHER = "+447700900555", "+447700900556"


def pid(n: int) -> str:
    return f"protect-{n:032x}"


@pytest.fixture
def production(service):
    context = service.context
    return Service(service.store, Context(clock=context.clock, new_hex=context.new_hex, settings={"account_tier": "production"}))


def create(service, **request):
    return service.call("CreateProtectConfiguration", request)


def rules(service, protect_id, capability="SMS", **updates):
    return service.call("UpdateProtectConfigurationCountryRuleSet", {
        "ProtectConfigurationId": protect_id, "NumberCapability": capability,
        "CountryRuleSetUpdates": {iso: {"ProtectStatus": status} for iso, status in updates.items()}})  # fmt: skip


def override(service, protect_id, number, action="ALLOW", **extra):
    return service.call("PutProtectConfigurationRuleSetNumberOverride",
                        {"ProtectConfigurationId": protect_id, "DestinationPhoneNumber": number, "Action": action, **extra})  # fmt: skip


def listed(service, protect_id, **request):
    reply = fresh(service).call("ListProtectConfigurationRuleSetNumberOverrides", {"ProtectConfigurationId": protect_id, **request})
    return [entry["DestinationPhoneNumber"] for entry in reply["RuleSetNumberOverrides"]]


def make_set(service, name="alerts"):
    return service.call("CreateConfigurationSet", {"ConfigurationSetName": name})


def associate(service, protect_id, name="alerts", op="AssociateProtectConfiguration"):
    return service.call(op, {"ProtectConfigurationId": protect_id, "ConfigurationSetName": name})


def simulator_number(service):
    return service.call("RequestPhoneNumber", {"IsoCountryCode": "US", "MessageType": "TRANSACTIONAL",
                                               "NumberCapabilities": ["SMS", "VOICE", "MMS"], "NumberType": "SIMULATOR"})  # fmt: skip


def uk_number(service):
    return service.call("RequestPhoneNumber", {"IsoCountryCode": "GB", "MessageType": "TRANSACTIONAL",
                                               "NumberCapabilities": ["SMS", "VOICE"], "NumberType": "LONG_CODE"})  # fmt: skip


def send(service, destination=SUCCESS, **extra):
    return service.call("SendTextMessage", {"DestinationPhoneNumber": destination, "MessageBody": "Your code is 1234", **extra})


def refusal(raised):
    return raised.value.reason, raised.value.resource_type, raised.value.resource_id


# ---------------------------------------------------------------------------------------------
# Create, update, describe, delete


def test_create_answers_the_configuration_with_its_name_tag(service):
    reply = create(service, Tags=[{"Key": "Name", "Value": "marketing"}])
    assert reply == {
        "ProtectConfigurationArn": ARN + pid(1),
        "ProtectConfigurationId": pid(1),
        "CreatedTimestamp": NOW,
        "AccountDefault": False,
        "DeletionProtectionEnabled": False,
        "Tags": [{"Key": "Name", "Value": "marketing"}],
    }
    assert fresh(service).call("ListTagsForResource", {"ResourceArn": ARN + pid(1)})["Tags"] == [{"Key": "Name", "Value": "marketing"}]
    assert create(service, DeletionProtectionEnabled=True)["DeletionProtectionEnabled"] is True


def test_create_is_idempotent_with_a_client_token(service):
    first = create(service, ClientToken="once")
    assert create(service, ClientToken="once") == first
    assert len(fresh(service).call("DescribeProtectConfigurations", {})["ProtectConfigurations"]) == 1
    with pytest.raises(ValidationException) as raised:
        create(service, ClientToken="once", DeletionProtectionEnabled=True)
    assert raised.value.reason == "INVALID_REQUEST"


def test_create_refuses_duplicate_tag_keys_and_the_quota(service):
    with pytest.raises(ValidationException):
        create(service, Tags=[{"Key": "Name", "Value": "a"}, {"Key": "Name", "Value": "b"}])
    for _ in range(MAX_PROTECT_CONFIGURATIONS):
        create(service)
    with pytest.raises(ServiceQuotaExceededException) as raised:
        create(service)
    assert raised.value.reason == "PROTECT_CONFIGURATIONS_PER_ACCOUNT"


def test_update_sets_deletion_protection_only_when_given(service):
    create(service)
    update = {"ProtectConfigurationId": ARN + pid(1)}
    assert service.call("UpdateProtectConfiguration", {**update, "DeletionProtectionEnabled": True}) == {
        "ProtectConfigurationArn": ARN + pid(1), "ProtectConfigurationId": pid(1), "CreatedTimestamp": NOW,
        "AccountDefault": False, "DeletionProtectionEnabled": True,
    }  # fmt: skip
    assert service.call("UpdateProtectConfiguration", update)["DeletionProtectionEnabled"] is True
    with pytest.raises(ResourceNotFoundException) as raised:
        service.call("UpdateProtectConfiguration", {"ProtectConfigurationId": "protect-nope"})
    assert (raised.value.resource_type, raised.value.resource_id) == ("protect-configuration", "protect-nope")


def test_ids_and_arns(service):
    create(service)
    for bad, error in [(ARN.replace("us-east-1", "eu-west-1") + pid(1), ValidationException),
                       ("arn:aws:sms-voice:us-east-1:123456789012:pool/" + pid(1), ValidationException),
                       (ARN.replace("123456789012", "210987654321") + pid(1), AccessDeniedException)]:  # fmt: skip
        with pytest.raises(error):
            service.call("UpdateProtectConfiguration", {"ProtectConfigurationId": bad})
    with pytest.raises(ResourceNotFoundException) as raised:
        service.call("UpdateProtectConfiguration", {"ProtectConfigurationId": ARN + pid(9)})
    assert raised.value.resource_id == ARN + pid(9)


def test_describe_by_id_filters_and_pages(service):
    for protected in (False, True, False):
        create(service, DeletionProtectionEnabled=protected)
    service.call("SetAccountDefaultProtectConfiguration", {"ProtectConfigurationId": pid(3)})

    def ids(**request):
        return [entry["ProtectConfigurationId"] for entry in fresh(service).call("DescribeProtectConfigurations", request)["ProtectConfigurations"]]

    assert ids() == [pid(1), pid(2), pid(3)]
    assert ids(ProtectConfigurationIds=[pid(3), ARN + pid(1), pid(3)]) == [pid(3), pid(1)]
    assert ids(Filters=[{"Name": "account-default", "Values": ["true"]}]) == [pid(3)]
    assert ids(Filters=[{"Name": "deletion-protection-enabled", "Values": ["false"]}]) == [pid(1), pid(3)]
    assert ids(Filters=[{"Name": "deletion-protection-enabled", "Values": ["true"]},
                        {"Name": "account-default", "Values": ["true"]}]) == [pid(2), pid(3)]  # any of them (8402)  # fmt: skip
    first = fresh(service).call("DescribeProtectConfigurations", {"MaxResults": 2})
    assert [entry["AccountDefault"] for entry in first["ProtectConfigurations"]] == [False, False]
    rest = fresh(service).call("DescribeProtectConfigurations", {"MaxResults": 2, "NextToken": first["NextToken"]})
    assert [entry["ProtectConfigurationId"] for entry in rest["ProtectConfigurations"]] == [pid(3)]
    assert "NextToken" not in rest
    with pytest.raises(ValidationException) as raised:
        ids(Filters=[{"Name": "account-default", "Values": ["yes"]}])
    assert raised.value.reason == "INVALID_FILTER_VALUES"
    with pytest.raises(ResourceNotFoundException) as raised:
        ids(ProtectConfigurationIds=[pid(1), pid(7)])
    assert (raised.value.resource_type, raised.value.resource_id) == ("protect-configuration", pid(7))
    with pytest.raises(ValidationException) as raised:
        ids(Filters=[{"Name": "account-default", "Values": ["false"]}], NextToken=first["NextToken"])  # another query's token
    assert raised.value.reason == "INVALID_NEXT_TOKEN"


def test_delete_answers_the_configuration_and_removes_it_with_its_rules(service):
    create(service, Tags=[{"Key": "Name", "Value": "gone"}])
    rules(service, pid(1), GB="BLOCK")
    override(service, pid(1), UK_RECIPIENT)
    assert service.call("DeleteProtectConfiguration", {"ProtectConfigurationId": pid(1)}) == {
        "ProtectConfigurationArn": ARN + pid(1), "ProtectConfigurationId": pid(1), "CreatedTimestamp": NOW,
        "AccountDefault": False, "DeletionProtectionEnabled": False,
    }  # fmt: skip
    with fresh(service).write_region() as region:
        assert region.collection(PROTECT_CONFIGURATIONS) == {}
    with pytest.raises(ResourceNotFoundException):
        service.call("DeleteProtectConfiguration", {"ProtectConfigurationId": pid(1)})


def test_delete_is_refused_while_protected_then_while_default_then_while_associated(service):
    create(service, DeletionProtectionEnabled=True)
    make_set(service)
    service.call("SetAccountDefaultProtectConfiguration", {"ProtectConfigurationId": pid(1)})
    associate(service, pid(1))
    blockers = [
        ("DELETION_PROTECTION_ENABLED", lambda: service.call("UpdateProtectConfiguration",
                                                             {"ProtectConfigurationId": pid(1), "DeletionProtectionEnabled": False})),
        ("PROTECT_CONFIGURATION_IS_ACCOUNT_DEFAULT", lambda: service.call("DeleteAccountDefaultProtectConfiguration", {})),
        ("PROTECT_CONFIGURATION_ASSOCIATED_WITH_CONFIGURATION_SET", lambda: associate(service, pid(1), op="DisassociateProtectConfiguration")),
    ]  # fmt: skip
    for reason, lift in blockers:
        with pytest.raises(ConflictException) as raised:
            service.call("DeleteProtectConfiguration", {"ProtectConfigurationId": pid(1)})
        assert refusal(raised) == (reason, "protect-configuration", pid(1))
        lift()
    assert service.call("DeleteProtectConfiguration", {"ProtectConfigurationId": pid(1)})["ProtectConfigurationId"] == pid(1)


# ---------------------------------------------------------------------------------------------
# Country rule sets


def test_every_country_starts_allowed_for_every_capability(service):
    create(service)
    for capability in ("SMS", "VOICE", "MMS"):
        reply = fresh(service).call("GetProtectConfigurationCountryRuleSet", {"ProtectConfigurationId": pid(1), "NumberCapability": capability})
        assert reply["NumberCapability"] == capability
        assert (reply["ProtectConfigurationArn"], reply["ProtectConfigurationId"]) == (ARN + pid(1), pid(1))
        assert list(reply["CountryRuleSet"]) == sorted(countries())
        assert len(reply["CountryRuleSet"]) == 214
        assert {entry["ProtectStatus"] for entry in reply["CountryRuleSet"].values()} == {"ALLOW"}
    with pytest.raises(ResourceNotFoundException):
        service.call("GetProtectConfigurationCountryRuleSet", {"ProtectConfigurationId": pid(2), "NumberCapability": "SMS"})


def test_updates_merge_into_the_named_capability_only(service):
    create(service)
    reply = rules(service, pid(1), GB="BLOCK", FR="MONITOR", DE="FILTER")
    assert reply["NumberCapability"] == "SMS"
    assert {iso: reply["CountryRuleSet"][iso]["ProtectStatus"] for iso in ("GB", "FR", "DE", "US")} == {
        "GB": "BLOCK", "FR": "MONITOR", "DE": "FILTER", "US": "ALLOW"}
    reply = rules(service, pid(1), GB="ALLOW", US="BLOCK")
    assert {iso: reply["CountryRuleSet"][iso]["ProtectStatus"] for iso in ("GB", "FR", "US")} == {
        "GB": "ALLOW", "FR": "MONITOR", "US": "BLOCK"}
    rules(service, pid(1), "VOICE", GB="FILTER")
    rules(service, pid(1), "MMS", CA="MONITOR")
    get = fresh(service).call("GetProtectConfigurationCountryRuleSet", {"ProtectConfigurationId": pid(1), "NumberCapability": "VOICE"})
    assert {iso for iso, rule in get["CountryRuleSet"].items() if rule["ProtectStatus"] != "ALLOW"} == {"GB"}
    get = fresh(service).call("GetProtectConfigurationCountryRuleSet", {"ProtectConfigurationId": pid(1), "NumberCapability": "SMS"})
    assert {iso for iso, rule in get["CountryRuleSet"].items() if rule["ProtectStatus"] != "ALLOW"} == {"FR", "DE", "US"}


def test_updates_are_validated(service):
    create(service)
    with pytest.raises(ValidationException) as raised:
        rules(service, pid(1), QQ="BLOCK")
    assert raised.value.reason == "INVALID_PARAMETER"
    assert raised.value.fields[0]["Name"] == "CountryRuleSetUpdates"
    for updates in ({"gb": {"ProtectStatus": "BLOCK"}}, {"GB": {"ProtectStatus": "DENY"}}, {}):
        with pytest.raises(ValidationException) as raised:
            service.call("UpdateProtectConfigurationCountryRuleSet",
                         {"ProtectConfigurationId": pid(1), "NumberCapability": "SMS", "CountryRuleSetUpdates": updates})  # fmt: skip
        assert raised.value.reason == "FIELD_VALIDATION_FAILED"
    with pytest.raises(ValidationException):
        rules(service, pid(1), "RCS", GB="BLOCK")
    with pytest.raises(ResourceNotFoundException):
        rules(service, pid(2), GB="BLOCK")


# ---------------------------------------------------------------------------------------------
# Configuration sets and the account default


def test_associate_replaces_and_disassociate_checks_the_pair(service):
    create(service)
    create(service)
    make_set(service)
    assert associate(service, pid(1)) == {
        "ConfigurationSetArn": "arn:aws:sms-voice:us-east-1:123456789012:configuration-set/alerts",
        "ConfigurationSetName": "alerts", "ProtectConfigurationArn": ARN + pid(1), "ProtectConfigurationId": pid(1),
    }  # fmt: skip
    associate(service, pid(1))  # the same pair again
    associate(service, ARN + pid(2), "arn:aws:sms-voice:us-east-1:123456789012:configuration-set/alerts")  # replaces
    sets = fresh(service).call("DescribeConfigurationSets", {"Filters": [{"Name": "protect-configuration-id", "Values": [pid(2)]}]})
    assert [s["ProtectConfigurationId"] for s in sets["ConfigurationSets"]] == [pid(2)]
    with pytest.raises(ConflictException) as raised:
        associate(service, pid(1), op="DisassociateProtectConfiguration")
    assert refusal(raised) == ("PROTECT_CONFIGURATION_NOT_ASSOCIATED_WITH_CONFIGURATION_SET", "protect-configuration", pid(1))
    assert associate(service, pid(2), op="DisassociateProtectConfiguration")["ProtectConfigurationId"] == pid(2)
    assert "ProtectConfigurationId" not in fresh(service).call("DescribeConfigurationSets", {})["ConfigurationSets"][0]
    with pytest.raises(ConflictException):  # the set has none now
        associate(service, pid(2), op="DisassociateProtectConfiguration")
    for op in ("AssociateProtectConfiguration", "DisassociateProtectConfiguration"):
        with pytest.raises(ResourceNotFoundException) as raised:
            associate(service, pid(1), "nope", op=op)
        assert raised.value.resource_type == "configuration-set"
        with pytest.raises(ResourceNotFoundException) as raised:
            associate(service, pid(9), op=op)
        assert raised.value.resource_type == "protect-configuration"


def test_deleting_a_configuration_set_frees_its_protect_configuration(service):
    create(service)
    make_set(service)
    associate(service, pid(1))
    service.call("DeleteConfigurationSet", {"ConfigurationSetName": "alerts"})
    assert service.call("DeleteProtectConfiguration", {"ProtectConfigurationId": pid(1)})


def test_the_account_default(service):
    create(service)
    create(service)
    assert service.call("SetAccountDefaultProtectConfiguration", {"ProtectConfigurationId": ARN + pid(1)}) == {
        "DefaultProtectConfigurationArn": ARN + pid(1), "DefaultProtectConfigurationId": pid(1)}
    assert service.call("SetAccountDefaultProtectConfiguration", {"ProtectConfigurationId": pid(2)})["DefaultProtectConfigurationId"] == pid(2)
    described = fresh(service).call("DescribeProtectConfigurations", {})["ProtectConfigurations"]
    assert [entry["AccountDefault"] for entry in described] == [False, True]
    assert service.call("UpdateProtectConfiguration", {"ProtectConfigurationId": pid(2)})["AccountDefault"] is True
    assert {"Name": "DEFAULT_PROTECT_CONFIGURATION_ID", "Value": pid(2)} in fresh(service).call(
        "DescribeAccountAttributes", {})["AccountAttributes"]
    assert service.call("DeleteAccountDefaultProtectConfiguration", {}) == {
        "DefaultProtectConfigurationArn": ARN + pid(2), "DefaultProtectConfigurationId": pid(2)}
    assert fresh(service).call("DescribeAccountAttributes", {})["AccountAttributes"] == [{"Name": "ACCOUNT_TIER", "Value": "SANDBOX"}]
    with pytest.raises(ResourceNotFoundException) as raised:
        service.call("DeleteAccountDefaultProtectConfiguration", {})
    assert (raised.value.resource_type, raised.value.resource_id) == ("account", "123456789012")
    with pytest.raises(ResourceNotFoundException):
        service.call("SetAccountDefaultProtectConfiguration", {"ProtectConfigurationId": pid(3)})
    with fresh(service).write_region() as region:
        assert account.DEFAULT_PROTECT_CONFIGURATION not in region.collection(account.ACCOUNT)


# ---------------------------------------------------------------------------------------------
# Number overrides


def test_put_creates_then_updates_an_override(service, clock):
    create(service)
    assert override(service, pid(1), "447700900555", "BLOCK", ExpirationTimestamp=NOW + 3600) == {
        "ProtectConfigurationArn": ARN + pid(1), "ProtectConfigurationId": pid(1), "DestinationPhoneNumber": UK_RECIPIENT,
        "CreatedTimestamp": NOW, "Action": "BLOCK", "IsoCountryCode": "GB", "ExpirationTimestamp": NOW + 3600,
    }  # fmt: skip
    clock.now += 60
    updated = override(service, pid(1), UK_RECIPIENT, "ALLOW")
    assert (updated["Action"], updated["CreatedTimestamp"], "ExpirationTimestamp" in updated) == ("ALLOW", NOW, False)
    assert listed(service, pid(1)) == [UK_RECIPIENT]
    with pytest.raises(ResourceNotFoundException) as raised:
        override(service, pid(2), UK_RECIPIENT)
    assert raised.value.resource_type == "protect-configuration"
    with pytest.raises(ValidationException):
        override(service, pid(1), "+0123")
    with pytest.raises(ValidationException):
        override(service, pid(1), UK_RECIPIENT, "MONITOR")


def test_put_is_idempotent_with_a_client_token(service):
    create(service)
    first = override(service, pid(1), UK_RECIPIENT, ClientToken="t1")
    assert override(service, pid(1), UK_RECIPIENT, ClientToken="t1") == first
    with pytest.raises(ValidationException) as raised:
        override(service, pid(1), UK_RECIPIENT, "BLOCK", ClientToken="t1")
    assert raised.value.reason == "INVALID_REQUEST"


def test_delete_answers_the_removed_override(service):
    create(service)
    override(service, pid(1), UK_RECIPIENT, "BLOCK")
    request = {"ProtectConfigurationId": pid(1), "DestinationPhoneNumber": UK_RECIPIENT}
    assert service.call("DeleteProtectConfigurationRuleSetNumberOverride", request) == {
        "ProtectConfigurationArn": ARN + pid(1), "ProtectConfigurationId": pid(1), "DestinationPhoneNumber": UK_RECIPIENT,
        "CreatedTimestamp": NOW, "Action": "BLOCK", "IsoCountryCode": "GB",
    }  # fmt: skip
    with pytest.raises(ResourceNotFoundException) as raised:
        service.call("DeleteProtectConfigurationRuleSetNumberOverride", request)
    assert (raised.value.resource_type, raised.value.resource_id) == ("protect-configuration", UK_RECIPIENT)
    with pytest.raises(ResourceNotFoundException) as raised:
        service.call("DeleteProtectConfigurationRuleSetNumberOverride", {**request, "ProtectConfigurationId": pid(5)})
    assert raised.value.resource_id == pid(5)


def test_list_filters_and_pages(service, clock):
    create(service)
    override(service, pid(1), UK_RECIPIENT, "BLOCK", ExpirationTimestamp=NOW + 100)  # created at NOW
    clock.now += 10
    override(service, pid(1), "+33612345678", "ALLOW", ExpirationTimestamp=NOW + 1000)  # at NOW + 10
    clock.now += 10
    override(service, pid(1), "+12065550100", "ALLOW")  # at NOW + 20, never expires
    every = [UK_RECIPIENT, "+33612345678", "+12065550100"]
    assert listed(service, pid(1)) == every
    reply = fresh(service).call("ListProtectConfigurationRuleSetNumberOverrides", {"ProtectConfigurationId": ARN + pid(1)})
    assert (reply["ProtectConfigurationArn"], reply["ProtectConfigurationId"]) == (ARN + pid(1), pid(1))

    def only(name, *values):
        return listed(service, pid(1), Filters=[{"Name": name, "Values": list(values)}])

    assert only("iso-country-code", "GB", "FR") == [UK_RECIPIENT, "+33612345678"]
    assert only("destination-phone-number-begins-with", "+44") == [UK_RECIPIENT]
    assert only("destination-phone-number-begins-with", "336", "1206") == ["+33612345678", "+12065550100"]
    assert only("action", "ALLOW") == ["+33612345678", "+12065550100"]
    assert only("expires-before", str(NOW + 500)) == [UK_RECIPIENT]
    assert only("expires-after", "2026-01-01T00:05:00Z") == ["+33612345678", "+12065550100"]
    assert only("created-before", "2026-01-01T00:00:10") == [UK_RECIPIENT]
    assert only("created-after", str(NOW)) == ["+33612345678", "+12065550100"]
    assert listed(service, pid(1), Filters=[{"Name": "action", "Values": ["ALLOW"]},
                                            {"Name": "created-before", "Values": [str(NOW + 15)]}]) == ["+33612345678"]  # fmt: skip
    for name, value in (("action", "MONITOR"), ("expires-before", "tomorrow")):
        with pytest.raises(ValidationException) as raised:
            only(name, value)
        assert raised.value.reason == "INVALID_FILTER_VALUES"
    page = fresh(service).call("ListProtectConfigurationRuleSetNumberOverrides", {"ProtectConfigurationId": pid(1), "MaxResults": 2})
    assert len(page["RuleSetNumberOverrides"]) == 2
    assert listed(service, pid(1), MaxResults=2, NextToken=page["NextToken"]) == ["+12065550100"]
    clock.now = NOW + 5000  # all but the last have expired: still listed until deleted
    assert listed(service, pid(1)) == every
    with pytest.raises(ResourceNotFoundException):
        listed(service, pid(2))


# ---------------------------------------------------------------------------------------------
# Sends


def test_a_blocked_country_refuses_the_send(service):
    create(service)
    origin = simulator_number(service)["PhoneNumberId"]
    rules(service, pid(1), US="BLOCK")
    assert send(service, OriginationIdentity=origin)  # not in effect: no set, no default, not named
    with pytest.raises(ConflictException) as raised:
        send(service, OriginationIdentity=origin, ProtectConfigurationId=pid(1))
    assert refusal(raised) == ("DESTINATION_COUNTRY_BLOCKED_BY_PROTECT_CONFIGURATION", "protect-configuration", pid(1))
    with pytest.raises(ConflictException):  # a dry run makes every check
        send(service, OriginationIdentity=origin, ProtectConfigurationId=ARN + pid(1), DryRun=True)
    with pytest.raises(ResourceNotFoundException) as raised:
        send(service, OriginationIdentity=origin, ProtectConfigurationId=pid(9))
    assert raised.value.resource_type == "protect-configuration"


def test_each_channel_reads_its_own_capability(service):
    create(service)
    origin = simulator_number(service)["PhoneNumberId"]
    rules(service, pid(1), "VOICE", US="BLOCK")
    request = {"DestinationPhoneNumber": SUCCESS, "OriginationIdentity": origin, "ProtectConfigurationId": pid(1)}
    assert send(service, OriginationIdentity=origin, ProtectConfigurationId=pid(1))
    assert service.call("SendMediaMessage", {**request, "MediaUrls": ["s3://bucket/cat.jpg"]})
    with pytest.raises(ConflictException) as raised:
        service.call("SendVoiceMessage", {**request, "MessageBody": "Your code is 1 2 3 4"})
    assert raised.value.reason == "DESTINATION_COUNTRY_BLOCKED_BY_PROTECT_CONFIGURATION"
    rules(service, pid(1), "MMS", US="BLOCK")
    with pytest.raises(ConflictException):
        service.call("SendMediaMessage", {**request, "MediaUrls": ["s3://bucket/cat.jpg"]})


def test_monitor_and_filter_let_messages_through(service):
    create(service)
    origin = simulator_number(service)["PhoneNumberId"]
    for status in ("MONITOR", "FILTER", "ALLOW"):
        rules(service, pid(1), US=status)
        assert send(service, OriginationIdentity=origin, ProtectConfigurationId=pid(1))["MessageId"]


def test_precedence_message_then_configuration_set_then_account_default(service):
    origin = simulator_number(service)["PhoneNumberId"]
    blocking, allowing = create(service)["ProtectConfigurationId"], create(service)["ProtectConfigurationId"]
    rules(service, blocking, US="BLOCK")
    make_set(service)
    service.call("SetAccountDefaultProtectConfiguration", {"ProtectConfigurationId": blocking})
    with pytest.raises(ConflictException):  # the account default applies to every send
        send(service, OriginationIdentity=origin)
    with pytest.raises(ConflictException):  # a set without one falls back to the default
        send(service, OriginationIdentity=origin, ConfigurationSetName="alerts")
    associate(service, allowing)
    assert send(service, OriginationIdentity=origin, ConfigurationSetName="alerts")  # the set's wins
    with pytest.raises(ConflictException) as raised:  # the message's wins over the set's
        send(service, OriginationIdentity=origin, ConfigurationSetName="alerts", ProtectConfigurationId=blocking)
    assert raised.value.resource_id == blocking
    service.call("DeleteAccountDefaultProtectConfiguration", {})
    associate(service, blocking)
    assert send(service, OriginationIdentity=origin, ProtectConfigurationId=allowing, ConfigurationSetName="alerts")
    with pytest.raises(ConflictException):
        send(service, OriginationIdentity=origin, ConfigurationSetName="alerts")
    assert send(service, OriginationIdentity=origin)  # nothing in effect


def test_number_overrides_come_first_and_expire(service, production, clock):
    create(service)
    uk_number(service)
    rules(service, pid(1), GB="BLOCK")
    override(service, pid(1), UK_RECIPIENT, "ALLOW", ExpirationTimestamp=NOW + 3600)
    assert send(production, UK_RECIPIENT, ProtectConfigurationId=pid(1))["MessageId"]
    with pytest.raises(ConflictException) as raised:
        send(production, UK_OTHER, ProtectConfigurationId=pid(1))
    assert raised.value.reason == "DESTINATION_COUNTRY_BLOCKED_BY_PROTECT_CONFIGURATION"
    clock.now += 3600  # the override expires: the country rule applies again
    with pytest.raises(ConflictException) as raised:
        send(production, UK_RECIPIENT, ProtectConfigurationId=pid(1))
    assert raised.value.reason == "DESTINATION_COUNTRY_BLOCKED_BY_PROTECT_CONFIGURATION"
    rules(service, pid(1), GB="ALLOW")
    override(service, pid(1), UK_OTHER, "BLOCK")
    with pytest.raises(ConflictException) as raised:
        send(production, UK_OTHER, ProtectConfigurationId=pid(1))
    assert refusal(raised) == ("DESTINATION_PHONE_NUMBER_BLOCKED_BY_PROTECT_NUMBER_OVERRIDE", "protect-configuration", pid(1))
    assert send(production, UK_RECIPIENT, ProtectConfigurationId=pid(1))["MessageId"]


def test_a_refused_send_records_nothing(service):
    from smscli.service import simulator

    create(service)
    origin = simulator_number(service)["PhoneNumberId"]
    rules(service, pid(1), US="BLOCK")
    before = service.store.path.read_bytes()
    with pytest.raises(ConflictException):
        send(service, OriginationIdentity=origin, ProtectConfigurationId=pid(1))
    assert service.store.path.read_bytes() == before
    assert simulator.messages(fresh(service).read_region()) == []


def test_check_send_directly(service, clock):
    create(service)
    rules(service, pid(1), "MMS", FR="BLOCK")
    with fresh(service).write_region() as region:
        assert check_send(region, None, None, "MEDIA", "+33612345678", "FR") is None
        check_send(region, pid(1), None, "TEXT", "+33612345678", "FR")
        with pytest.raises(ConflictException):
            check_send(region, pid(1), None, "MEDIA", "+33612345678", "FR")
        with pytest.raises(ConflictException):
            check_send(region, None, {"ProtectConfigurationId": pid(1)}, "MMS", "+33612345678", "FR")
