"""End to end: a country block through a protect configuration, as an operator rehearses it, every JSON
response (and refusal) compared with the golden transcript tests/golden/cli/protect_country_block.txt."""

from __future__ import annotations

from conftest import Transcript, assert_golden

UK_CUSTOMER, UK_OTHER = "+447700900555", "+447700900556"


def test_country_block(smscli, fixed_context):
    assert smscli("configure", "set", "account_tier", "production").code == 0  # sends reach real numbers
    run = Transcript(smscli)
    run("request-phone-number --iso-country-code GB --message-type TRANSACTIONAL --number-capabilities SMS "
        "--number-type LONG_CODE --query '{{PhoneNumberId: PhoneNumberId, PhoneNumber: PhoneNumber}}'", {"number": "PhoneNumberId"})
    run("create-configuration-set --configuration-set-name uk-alerts")
    run("create-protect-configuration --tags Key=Name,Value=no-uk-sms", {"protect": "ProtectConfigurationId"})
    # block the UK for SMS (the rule set answers every country; the query keeps two)
    run("update-protect-configuration-country-rule-set --protect-configuration-id {protect} --number-capability SMS "
        "--country-rule-set-updates GB={{ProtectStatus=BLOCK}} --query '{{GB: CountryRuleSet.GB, FR: CountryRuleSet.FR}}'")
    run("get-protect-configuration-country-rule-set --protect-configuration-id {protect} --number-capability VOICE "
        "--query CountryRuleSet.GB")
    run("associate-protect-configuration --protect-configuration-id {protect} --configuration-set-name uk-alerts")
    run("describe-configuration-sets --configuration-set-names uk-alerts")
    # a send through the configuration set is refused; without it, nothing protects the account yet
    run(f"send-text-message --destination-phone-number {UK_CUSTOMER} --message-body 'Your order has shipped' "
        "--configuration-set-name uk-alerts", code=254)
    run(f"send-text-message --destination-phone-number {UK_CUSTOMER} --message-body 'Your order has shipped' "
        "--query MessageId")
    # a number override lets one customer through until it expires
    run("put-protect-configuration-rule-set-number-override --protect-configuration-id {protect} "
        f"--destination-phone-number {UK_CUSTOMER} --action ALLOW --expiration-timestamp 2026-02-01T00:00:00Z")
    run(f"send-text-message --destination-phone-number {UK_CUSTOMER} --message-body 'Your order has shipped' "
        "--configuration-set-name uk-alerts --query MessageId")
    run(f"send-text-message --destination-phone-number {UK_OTHER} --message-body 'Your order has shipped' "
        "--configuration-set-name uk-alerts", code=254)
    run("list-protect-configuration-rule-set-number-overrides --protect-configuration-id {protect} "
        "--filters Name=action,Values=ALLOW")
    # the account default protects every send whose configuration set has none
    run("set-account-default-protect-configuration --protect-configuration-id {protect}")
    run("describe-account-attributes")
    run("create-configuration-set --configuration-set-name plain")
    run(f"send-text-message --destination-phone-number {UK_OTHER} --message-body 'Hello' --configuration-set-name plain", code=254)
    run(f"send-text-message --destination-phone-number {UK_OTHER} --message-body 'Hello'", code=254)
    # the message's own protect configuration comes first
    run("create-protect-configuration --tags Key=Name,Value=allow-all", {"allow_all": "ProtectConfigurationId"})
    run(f"send-text-message --destination-phone-number {UK_OTHER} --message-body 'Hello' --configuration-set-name plain "
        "--protect-configuration-id {allow_all} --query MessageId")
    run("describe-protect-configurations")
    # what keeps the configuration from being deleted, one blocker at a time
    run("update-protect-configuration --protect-configuration-id {protect} --deletion-protection-enabled")
    run("delete-protect-configuration --protect-configuration-id {protect}", code=254)
    run("update-protect-configuration --protect-configuration-id {protect} --no-deletion-protection-enabled")
    run("delete-protect-configuration --protect-configuration-id {protect}", code=254)
    run("delete-account-default-protect-configuration")
    run("delete-protect-configuration --protect-configuration-id {protect}", code=254)
    run("disassociate-protect-configuration --protect-configuration-id {protect} --configuration-set-name uk-alerts")
    run("delete-protect-configuration --protect-configuration-id {protect}")
    run("sim messages --query 'Messages[].[DestinationPhoneNumber, ConfigurationSetName, Status]'")
    assert_golden("cli/protect_country_block.txt", run.text())
