#!/bin/sh
# Rehearse a pool setup before touching a real account: numbers, a pool, keywords, an opt-out list,
# two-way, a sender ID pool, tags, and a full teardown. Every step fails where AWS would fail.
set -eu
SMSCLI_HOME=$(mktemp -d)
export SMSCLI_HOME
trap 'rm -rf "$SMSCLI_HOME"' EXIT

smscli create-opt-out-list --opt-out-list-name marketing --output text
first=$(smscli request-phone-number --iso-country-code US --message-type TRANSACTIONAL \
  --number-capabilities SMS VOICE --number-type SIMULATOR --opt-out-list-name marketing \
  --query PhoneNumberId --output text)
pool=$(smscli create-pool --origination-identity "$first" --iso-country-code US \
  --message-type TRANSACTIONAL --deletion-protection-enabled --tags Key=Name,Value=alerts \
  --query PoolId --output text)
smscli put-keyword --origination-identity "$pool" --keyword JOIN \
  --keyword-message "Welcome to alerts! Reply STOP to opt out." --keyword-action OPT_IN --output text
# A new number can join the pool at once; it takes the pool's configuration.
smscli request-phone-number --iso-country-code US --message-type TRANSACTIONAL \
  --number-capabilities SMS VOICE --number-type SIMULATOR --pool-id "$pool" --query PhoneNumber --output text
smscli update-pool --pool-id "$pool" --two-way-enabled \
  --two-way-channel-arn arn:aws:sns:us-east-1:123456789012:inbound-sms --output text
smscli list-pool-origination-identities --pool-id "$pool" --output table
smscli describe-keywords --origination-identity "$pool" --filters Name=keyword-action,Values=OPT_IN --output table

# A number with another opt-out list does not fit the pool: the service's Reason says why.
outsider=$(smscli request-phone-number --iso-country-code US --message-type TRANSACTIONAL \
  --number-capabilities SMS VOICE --number-type SIMULATOR --query PhoneNumberId --output text)
if smscli associate-origination-identity --pool-id "$pool" --origination-identity "$outsider" \
  --iso-country-code US 2>/tmp/smscli-err.$$; then exit 1; fi
grep '^Reason:' /tmp/smscli-err.$$ && rm -f /tmp/smscli-err.$$

# Sender IDs: supported in the United Kingdom, not in the United States.
smscli request-sender-id --sender-id MyBrand --iso-country-code GB --message-types PROMOTIONAL --output text
if smscli request-sender-id --sender-id MyBrand --iso-country-code US 2>/dev/null; then exit 1; fi
smscli describe-phone-numbers --output table

# Teardown: deletion protection first, then everything else.
if smscli delete-pool --pool-id "$pool" 2>/dev/null; then exit 1; fi
smscli update-pool --pool-id "$pool" --no-deletion-protection-enabled --output text
smscli delete-pool --pool-id "$pool" --output text
for number in $(smscli describe-phone-numbers --query 'PhoneNumbers[].PhoneNumberId' --output text); do
  smscli release-phone-number --phone-number-id "$number" --query Status --output text
done
smscli release-sender-id --sender-id MyBrand --iso-country-code GB --query SenderId --output text
smscli delete-opt-out-list --opt-out-list-name marketing --query OptOutListName --output text
echo "pool dry run: OK"
