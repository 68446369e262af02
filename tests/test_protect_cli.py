"""Protect configurations end to end: argv -> service -> JSON output, and the refusals' exit code and text."""

from __future__ import annotations

ID = "protect-00000000000000000000000000000001"
ARN = "arn:aws:sms-voice:us-east-1:123456789012:protect-configuration/" + ID
NOW = "2026-01-01T00:00:00+00:00"



def test_create_and_describe(run):
    assert run("create-protect-configuration --deletion-protection-enabled --tags Key=Name,Value=uk-block") == {
        "ProtectConfigurationArn": ARN,
        "ProtectConfigurationId": ID,
        "CreatedTimestamp": NOW,
        "AccountDefault": False,
        "DeletionProtectionEnabled": True,
        "Tags": [{"Key": "Name", "Value": "uk-block"}],
    }
    assert run("describe-protect-configurations --filters Name=deletion-protection-enabled,Values=true") == {
        "ProtectConfigurations": [{
            "ProtectConfigurationArn": ARN,
            "ProtectConfigurationId": ID,
            "CreatedTimestamp": NOW,
            "AccountDefault": False,
            "DeletionProtectionEnabled": True,
        }]
    }  # fmt: skip


def test_rule_set_update_from_shorthand(run):
    run("create-protect-configuration")
    reply = run(f"update-protect-configuration-country-rule-set --protect-configuration-id {ID} --number-capability SMS "
                "--country-rule-set-updates GB={ProtectStatus=BLOCK},FR={ProtectStatus=MONITOR}")  # fmt: skip
    assert {key: reply[key] for key in ("ProtectConfigurationArn", "ProtectConfigurationId", "NumberCapability")} == {
        "ProtectConfigurationArn": ARN, "ProtectConfigurationId": ID, "NumberCapability": "SMS"}
    assert (reply["CountryRuleSet"]["GB"], reply["CountryRuleSet"]["FR"], reply["CountryRuleSet"]["US"]) == (
        {"ProtectStatus": "BLOCK"}, {"ProtectStatus": "MONITOR"}, {"ProtectStatus": "ALLOW"})
    assert run(f"get-protect-configuration-country-rule-set --protect-configuration-id {ID} --number-capability SMS "
               "--query CountryRuleSet.GB.ProtectStatus") == "BLOCK"  # fmt: skip


def test_number_override_with_an_expiry(run):
    run("create-protect-configuration")
    assert run(f"put-protect-configuration-rule-set-number-override --protect-configuration-id {ID} "
               "--destination-phone-number +447700900555 --action ALLOW --expiration-timestamp 2026-02-01T00:00:00Z") == {
        "ProtectConfigurationArn": ARN,
        "ProtectConfigurationId": ID,
        "DestinationPhoneNumber": "+447700900555",
        "CreatedTimestamp": NOW,
        "Action": "ALLOW",
        "IsoCountryCode": "GB",
        "ExpirationTimestamp": "2026-02-01T00:00:00+00:00",
    }  # fmt: skip
    assert run(f"list-protect-configuration-rule-set-number-overrides --protect-configuration-id {ID} "
               "--filters Name=expires-before,Values=2026-03-01T00:00:00Z Name=iso-country-code,Values=GB") == {
        "RuleSetNumberOverrides": [{
            "DestinationPhoneNumber": "+447700900555",
            "CreatedTimestamp": NOW,
            "Action": "ALLOW",
            "IsoCountryCode": "GB",
            "ExpirationTimestamp": "2026-02-01T00:00:00+00:00",
        }],
        "ProtectConfigurationId": ID,
        "ProtectConfigurationArn": ARN,
    }  # fmt: skip


def test_refusals_exit_254_with_the_reason(run):
    run("create-protect-configuration --deletion-protection-enabled")
    result = run(f"delete-protect-configuration --protect-configuration-id {ID}", code=254)
    assert result.err == (
        "smscli: [ERROR]: An error occurred (ConflictException) when calling the DeleteProtectConfiguration operation: "
        f"The protect configuration {ID} has deletion protection enabled; disable it first.\n\n"
        "Additional error details:\n"
        "Reason: DELETION_PROTECTION_ENABLED\n"
        "ResourceType: protect-configuration\n"
        f"ResourceId: {ID}\n"
    )
    result = run("delete-account-default-protect-configuration", code=254)
    assert "ResourceType: account\n" in result.err
    assert run(f"set-account-default-protect-configuration --protect-configuration-id {ARN}") == {
        "DefaultProtectConfigurationArn": ARN, "DefaultProtectConfigurationId": ID}
    assert run("describe-account-attributes --query AccountAttributes[1]") == {
        "Name": "DEFAULT_PROTECT_CONFIGURATION_ID", "Value": ID}
