#!/bin/sh
# Rehearse sending: a configuration set with an event destination, a simulator number, sends to the
# success and failure simulators, a dry run that records nothing, the refusals AWS would give, and
# what each event destination received.
set -eu
SMSCLI_HOME=$(mktemp -d)
export SMSCLI_HOME
trap 'rm -rf "$SMSCLI_HOME"' EXIT
SUCCESS=+14254147755
FAILURE=+14254147167

smscli create-configuration-set --configuration-set-name alerts --output text
smscli create-event-destination --configuration-set-name alerts --event-destination-name all-events \
  --matching-event-types ALL --sns-destination TopicArn=arn:aws:sns:us-east-1:123456789012:sms-events --output text
number=$(smscli request-phone-number --iso-country-code US --message-type TRANSACTIONAL \
  --number-capabilities SMS VOICE --number-type SIMULATOR --query PhoneNumber --output text)

# Check what the templates cost before sending them.
printf '%s\n' "Your code is 123456" "Your appointment is on Tuesday at 4:30pm – reply YES to confirm" \
  | smscli parts --batch - --output json

ok=$(smscli send-text-message --destination-phone-number $SUCCESS --origination-identity "$number" \
  --message-body "Your code is 123456" --configuration-set-name alerts --query MessageId --output text)
smscli send-text-message --destination-phone-number $FAILURE --origination-identity "$number" \
  --message-body "Your code is 654321" --configuration-set-name alerts --output text
smscli send-voice-message --destination-phone-number $SUCCESS --origination-identity "$number" \
  --message-body "Your code is 1 2 3 4 5 6" --configuration-set-name alerts --output text
smscli send-text-message --destination-phone-number $SUCCESS --origination-identity "$number" \
  --message-body "A dry run is checked but not sent" --dry-run --output text

# What AWS would refuse: a number that is not verified while the account is in the sandbox.
if smscli send-text-message --destination-phone-number +12065550100 --message-body "Hi" 2>/dev/null; then exit 1; fi

smscli sim messages --output table
smscli sim events --message-id "$ok" --output table
test "$(smscli sim messages --query 'length(Messages)' --output text)" = 3
echo "send dry run: OK"
