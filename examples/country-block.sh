#!/bin/sh
# Rehearse a country block with a protect configuration: block the UK for SMS, apply it through a
# configuration set, let one customer through with a number override, make it the account default,
# and take it all down again. Every refusal is the one AWS would give.
set -eu
SMSCLI_HOME=$(mktemp -d)
export SMSCLI_HOME
trap 'rm -rf "$SMSCLI_HOME"' EXIT
CUSTOMER=+447700900555
OTHER=+447700900556

# A production account (the sandbox reaches only verified numbers) with a UK long code.
smscli configure set account_tier production
smscli request-phone-number --iso-country-code GB --message-type TRANSACTIONAL --number-capabilities SMS \
  --number-type LONG_CODE --query PhoneNumber --output text
smscli create-configuration-set --configuration-set-name uk-alerts --output text

protect=$(smscli create-protect-configuration --tags Key=Name,Value=no-uk-sms --query ProtectConfigurationId --output text)
smscli update-protect-configuration-country-rule-set --protect-configuration-id "$protect" --number-capability SMS \
  --country-rule-set-updates 'GB={ProtectStatus=BLOCK}' --query CountryRuleSet.GB.ProtectStatus --output text
smscli associate-protect-configuration --protect-configuration-id "$protect" --configuration-set-name uk-alerts --output text

# Sends through the configuration set to the UK are refused ...
if smscli send-text-message --destination-phone-number $CUSTOMER --message-body "Your order has shipped" \
  --configuration-set-name uk-alerts 2>/tmp/smscli-err.$$; then exit 1; fi
grep '^Reason: DESTINATION_COUNTRY_BLOCKED_BY_PROTECT_CONFIGURATION$' /tmp/smscli-err.$$ && rm -f /tmp/smscli-err.$$

# ... except to a customer with an ALLOW override (until it expires).
smscli put-protect-configuration-rule-set-number-override --protect-configuration-id "$protect" \
  --destination-phone-number $CUSTOMER --action ALLOW --expiration-timestamp 2099-01-01T00:00:00Z --output text
smscli send-text-message --destination-phone-number $CUSTOMER --message-body "Your order has shipped" \
  --configuration-set-name uk-alerts --output text
if smscli send-text-message --destination-phone-number $OTHER --message-body "Your order has shipped" \
  --configuration-set-name uk-alerts 2>/dev/null; then exit 1; fi
smscli list-protect-configuration-rule-set-number-overrides --protect-configuration-id "$protect" --output table

# Sends without a configuration set are not protected until the configuration is the account default.
smscli send-text-message --destination-phone-number $OTHER --message-body "Hello" --output text
smscli set-account-default-protect-configuration --protect-configuration-id "$protect" --output text
if smscli send-text-message --destination-phone-number $OTHER --message-body "Hello" 2>/dev/null; then exit 1; fi
smscli describe-account-attributes --output table
smscli describe-protect-configurations --output table

# Teardown: while it is the default or used by a set, the configuration can't be deleted.
if smscli delete-protect-configuration --protect-configuration-id "$protect" 2>/dev/null; then exit 1; fi
smscli delete-account-default-protect-configuration --output text
smscli disassociate-protect-configuration --protect-configuration-id "$protect" --configuration-set-name uk-alerts --output text
smscli delete-protect-configuration --protect-configuration-id "$protect" --query ProtectConfigurationId --output text
test "$(smscli sim messages --query 'length(Messages)' --output text)" = 2
echo "country block: OK"
