#!/bin/sh
# The sandbox verification flow: a new account is in the sandbox and reaches only verified destination
# numbers (and the destination simulators). Add a number, send it a verification code, read the code
# back from what the simulation "sent", verify, then send to it.
set -eu
SMSCLI_HOME=$(mktemp -d)
export SMSCLI_HOME
trap 'rm -rf "$SMSCLI_HOME"' EXIT
ERR="$SMSCLI_HOME/stderr"
DESTINATION=+447700900555

test "$(smscli describe-account-attributes \
  --query "AccountAttributes[?Name=='ACCOUNT_TIER'].Value" --output text)" = SANDBOX

# A UK long code: no registration needed, so it turns ACTIVE at once (a US number would need one).
smscli request-phone-number --iso-country-code GB --message-type TRANSACTIONAL --number-capabilities SMS \
  --number-type LONG_CODE --query '[PhoneNumber,Status]' --output text
test "$(smscli describe-phone-numbers --query 'PhoneNumbers[0].Status' --output text)" = ACTIVE
verified=$(smscli create-verified-destination-number --destination-phone-number "$DESTINATION" \
  --query VerifiedDestinationNumberId --output text)
smscli describe-verified-destination-numbers --verified-destination-number-ids "$verified" \
  --query 'VerifiedDestinationNumbers[0].[DestinationPhoneNumber,Status]' --output text

# Not verified yet: the sandbox refuses the send.
if smscli send-text-message --destination-phone-number "$DESTINATION" --message-body "Too early" 2>"$ERR"; then
  exit 1
fi
grep '^Reason:' "$ERR"

smscli send-destination-number-verification-code --verified-destination-number-id "$verified" \
  --verification-channel TEXT --query MessageId --output text
# The code is in the message the simulation "sent" to the number.
body=$(smscli sim messages --destination-phone-number "$DESTINATION" --query 'Messages[-1].MessageBody' --output text)
echo "received: $body"
code=$(printf '%s\n' "$body" | grep -o '[0-9]\{6\}' | head -n 1)

# A wrong code is refused; the right one verifies the number.
if smscli verify-destination-number --verified-destination-number-id "$verified" \
  --verification-code 000000 2>"$ERR"; then exit 1; fi
grep '^Reason:' "$ERR"
smscli verify-destination-number --verified-destination-number-id "$verified" --verification-code "$code" \
  --query '[DestinationPhoneNumber,Status]' --output text

# Verified: the send goes, and the simulation shows it.
id=$(smscli send-text-message --destination-phone-number "$DESTINATION" \
  --message-body "Your number is verified." --query MessageId --output text)
test "$(smscli sim messages --message-id "$id" --query 'Messages[0].MessageBody' --output text)" = "Your number is verified."
echo "sandbox verification: OK"
