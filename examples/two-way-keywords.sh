#!/bin/sh
# Play the customer's side of two-way SMS: text a keyword, HELP, STOP and JOIN to our number and
# see the automatic replies, the opt-out, and what the two-way channel receives.
set -eu
SMSCLI_HOME=$(mktemp -d)
export SMSCLI_HOME
trap 'rm -rf "$SMSCLI_HOME"' EXIT
CUSTOMER=+14254147755

id=$(smscli request-phone-number --iso-country-code US --message-type TRANSACTIONAL \
  --number-capabilities SMS --number-type SIMULATOR --query PhoneNumberId --output text)
number=$(smscli describe-phone-numbers --phone-number-ids "$id" --query 'PhoneNumbers[0].PhoneNumber' --output text)
smscli update-phone-number --phone-number-id "$id" --two-way-enabled \
  --two-way-channel-arn arn:aws:sns:us-east-1:123456789012:inbound-sms --output text
smscli put-keyword --origination-identity "$id" --keyword JOIN \
  --keyword-message "Welcome to alerts! Reply STOP to opt out." --keyword-action OPT_IN --output text

smscli sim inbound --origination-phone-number $CUSTOMER --destination-phone-number "$number" --message-body "help" --output json
smscli sim inbound --origination-phone-number $CUSTOMER --destination-phone-number "$number" --message-body "Stop." --output json
test "$(smscli describe-opted-out-numbers --opt-out-list-name Default --query 'OptedOutNumbers[0].EndUserOptedOut' --output text)" = True
if smscli send-text-message --destination-phone-number $CUSTOMER --origination-identity "$number" --message-body "Hi" 2>/dev/null; then exit 1; fi
smscli sim inbound --origination-phone-number $CUSTOMER --destination-phone-number "$number" --message-body "JOIN" --output json
smscli send-text-message --destination-phone-number $CUSTOMER --origination-identity "$number" --message-body "Welcome back" --output text
smscli sim messages --destination-phone-number $CUSTOMER --output table
echo "two-way keywords: OK"
