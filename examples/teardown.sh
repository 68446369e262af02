#!/bin/sh
# Tear down everything a setup made, in the order the service requires: resource policies, keywords,
# pools (which lets go of their members), phone numbers (deletion protection off first), sender IDs,
# opt-out lists, configuration sets and their event destinations, protect configurations (account
# default and deletion protection off first), registrations, verified destination numbers.
# The teardown reads what exists with describe-* (it knows no ids in advance), so the `teardown`
# function works on any state; here it runs on a small setup built first, then checks nothing is left
# but what the service keeps: the Default opt-out list and a verified number added less than a day ago,
# which a second teardown removes once `smscli sim clock --advance 24h` has moved the simulated day on.
set -eu
SMSCLI_HOME=$(mktemp -d)
export SMSCLI_HOME
trap 'rm -rf "$SMSCLI_HOME"' EXIT
ERR="$SMSCLI_HOME/stderr"

# refused REASON COMMAND...: the command must fail with exactly that Reason.
refused() {
  reason=$1; shift
  if "$@" 2>"$ERR" >/dev/null; then echo "expected $reason: $*" >&2; exit 1; fi
  grep -q "^Reason: $reason\$" "$ERR" || { cat "$ERR" >&2; exit 1; }
}

# ---------------------------------------------------------------------------------------------
# A setup: an opt-out list, a protected pool of two US numbers with a keyword and a shared-resource
# policy, a protected UK number with its own keyword, a sender ID, a configuration set with an event
# destination and a default sender ID, a protected protect configuration that is the account default
# and the set's, a verified destination number and a draft 10DLC brand registration.
smscli create-opt-out-list --opt-out-list-name marketing --query OptOutListName --output text
first=$(smscli request-phone-number --iso-country-code US --message-type TRANSACTIONAL \
  --number-capabilities SMS VOICE --number-type SIMULATOR --opt-out-list-name marketing \
  --deletion-protection-enabled --query PhoneNumberId --output text)
pool=$(smscli create-pool --origination-identity "$first" --iso-country-code US \
  --message-type TRANSACTIONAL --deletion-protection-enabled --query PoolId --output text)
smscli put-keyword --origination-identity "$pool" --keyword JOIN \
  --keyword-message "Welcome! Reply STOP to opt out." --keyword-action OPT_IN --query Keyword --output text
smscli request-phone-number --iso-country-code US --message-type TRANSACTIONAL \
  --number-capabilities SMS VOICE --number-type SIMULATOR --pool-id "$pool" --query PhoneNumber --output text
pool_arn=$(smscli describe-pools --pool-ids "$pool" --query 'Pools[0].PoolArn' --output text)
smscli put-resource-policy --resource-arn "$pool_arn" --query ResourceArn --output text --policy \
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sms-voice:SendTextMessage","Resource":"'"$pool_arn"'"}]}'
uk=$(smscli request-phone-number --iso-country-code GB --message-type TRANSACTIONAL \
  --number-capabilities SMS --number-type LONG_CODE --deletion-protection-enabled \
  --query PhoneNumberId --output text)
smscli put-keyword --origination-identity "$uk" --keyword INFO \
  --keyword-message "Example Corp alerts." --query Keyword --output text
smscli request-sender-id --sender-id MyBrand --iso-country-code GB --deletion-protection-enabled \
  --query SenderIdArn --output text
smscli create-configuration-set --configuration-set-name alerts --query ConfigurationSetName --output text
smscli create-event-destination --configuration-set-name alerts --event-destination-name all-events \
  --matching-event-types ALL --sns-destination TopicArn=arn:aws:sns:us-east-1:123456789012:sms-events \
  --query EventDestination.EventDestinationName --output text
smscli set-default-sender-id --configuration-set-name alerts --sender-id MyBrand --query SenderId --output text
protect=$(smscli create-protect-configuration --deletion-protection-enabled --tags Key=Name,Value=block-list \
  --query ProtectConfigurationId --output text)
smscli update-protect-configuration-country-rule-set --protect-configuration-id "$protect" \
  --number-capability SMS --country-rule-set-updates 'IN={ProtectStatus=BLOCK}' \
  --query 'CountryRuleSet.IN.ProtectStatus' --output text
smscli set-account-default-protect-configuration --protect-configuration-id "$protect" \
  --query DefaultProtectConfigurationId --output text
smscli associate-protect-configuration --protect-configuration-id "$protect" --configuration-set-name alerts \
  --query ConfigurationSetName --output text
smscli create-verified-destination-number --destination-phone-number +447700900555 \
  --query DestinationPhoneNumber --output text
smscli create-registration --registration-type US_TEN_DLC_BRAND_REGISTRATION --query RegistrationStatus --output text

# What the service refuses while protections are on.
refused DELETION_PROTECTION_ENABLED smscli delete-pool --pool-id "$pool"
refused DELETION_PROTECTION_ENABLED smscli release-phone-number --phone-number-id "$uk"
refused DELETION_PROTECTION_ENABLED smscli delete-protect-configuration --protect-configuration-id "$protect"

# ---------------------------------------------------------------------------------------------
teardown() {
  # 1. Resource policies: stop sharing before anything goes (they would go with their resources).
  for arn in $(smscli describe-pools --query 'Pools[].PoolArn' --output text) \
             $(smscli describe-phone-numbers --query 'PhoneNumbers[].PhoneNumberArn' --output text) \
             $(smscli describe-sender-ids --query 'SenderIds[].SenderIdArn' --output text) \
             $(smscli describe-opt-out-lists --query 'OptOutLists[].OptOutListArn' --output text); do
    if smscli get-resource-policy --resource-arn "$arn" >/dev/null 2>&1; then
      smscli delete-resource-policy --resource-arn "$arn" --query ResourceArn --output text
    fi
  done

  # 2. Keywords of pools and of numbers outside pools. HELP, STOP and the keywords carriers require
  #    can't be deleted (RESOURCE_DELETION_NOT_ALLOWED): they go with their number or pool.
  for owner in $(smscli describe-pools --query 'Pools[].PoolId' --output text) \
               $(smscli describe-phone-numbers --query 'PhoneNumbers[?!PoolId].PhoneNumberId' --output text); do
    smscli describe-keywords --origination-identity "$owner" --query 'Keywords[].[Keyword]' --output text |
      while IFS= read -r keyword; do
        if smscli delete-keyword --origination-identity "$owner" --keyword "$keyword" 2>"$ERR" >/dev/null; then
          echo "deleted keyword $keyword of $owner"
        else
          grep -q '^Reason: RESOURCE_DELETION_NOT_ALLOWED$' "$ERR" || { cat "$ERR" >&2; exit 1; }
        fi
      done
  done

  # 3. Pools: deletion protection off, then delete; a deleted pool lets go of its members.
  for id in $(smscli describe-pools --query 'Pools[?DeletionProtectionEnabled].PoolId' --output text); do
    smscli update-pool --pool-id "$id" --no-deletion-protection-enabled --query PoolId --output text
  done
  for id in $(smscli describe-pools --query 'Pools[].PoolId' --output text); do
    smscli delete-pool --pool-id "$id" --query Status --output text
  done

  # 4. Phone numbers (out of their pools now, so they can be updated): protection off, release.
  for id in $(smscli describe-phone-numbers --query 'PhoneNumbers[?DeletionProtectionEnabled].PhoneNumberId' --output text); do
    smscli update-phone-number --phone-number-id "$id" --no-deletion-protection-enabled --query PhoneNumberId --output text
  done
  for id in $(smscli describe-phone-numbers --query 'PhoneNumbers[].PhoneNumberId' --output text); do
    smscli release-phone-number --phone-number-id "$id" --query Status --output text
  done

  # 5. Sender IDs: protection off, release.
  smscli describe-sender-ids --query 'SenderIds[].[SenderId,IsoCountryCode,DeletionProtectionEnabled]' --output text |
    while read -r sender iso protected; do
      if [ "$protected" = True ]; then
        smscli update-sender-id --sender-id "$sender" --iso-country-code "$iso" --no-deletion-protection-enabled \
          --query SenderId --output text
      fi
      smscli release-sender-id --sender-id "$sender" --iso-country-code "$iso" --query SenderIdArn --output text
    done

  # 6. Opt-out lists (no number or pool uses them any more); the Default list always stays.
  for name in $(smscli describe-opt-out-lists --query "OptOutLists[?OptOutListName!='Default'].OptOutListName" --output text); do
    smscli delete-opt-out-list --opt-out-list-name "$name" --query OptOutListName --output text
  done

  # 7. Configuration sets: their protect configuration, their event destinations, then the sets.
  smscli describe-configuration-sets --query 'ConfigurationSets[?ProtectConfigurationId].[ConfigurationSetName,ProtectConfigurationId]' \
    --output text | while read -r name protect_id; do
      smscli disassociate-protect-configuration --configuration-set-name "$name" \
        --protect-configuration-id "$protect_id" --query ConfigurationSetName --output text
    done
  for name in $(smscli describe-configuration-sets --query 'ConfigurationSets[].ConfigurationSetName' --output text); do
    for destination in $(smscli describe-configuration-sets --configuration-set-names "$name" \
        --query 'ConfigurationSets[0].EventDestinations[].EventDestinationName' --output text); do
      smscli delete-event-destination --configuration-set-name "$name" --event-destination-name "$destination" \
        --query EventDestination.EventDestinationName --output text
    done
    smscli delete-configuration-set --configuration-set-name "$name" --query ConfigurationSetName --output text
  done

  # 8. Protect configurations: no longer the account default, deletion protection off, delete.
  if [ -n "$(smscli describe-protect-configurations --query 'ProtectConfigurations[?AccountDefault].ProtectConfigurationId' --output text)" ]; then
    smscli delete-account-default-protect-configuration --query DefaultProtectConfigurationId --output text
  fi
  for id in $(smscli describe-protect-configurations \
      --query 'ProtectConfigurations[?DeletionProtectionEnabled].ProtectConfigurationId' --output text); do
    smscli update-protect-configuration --protect-configuration-id "$id" --no-deletion-protection-enabled \
      --query ProtectConfigurationId --output text
  done
  for id in $(smscli describe-protect-configurations --query 'ProtectConfigurations[].ProtectConfigurationId' --output text); do
    smscli delete-protect-configuration --protect-configuration-id "$id" --query ProtectConfigurationId --output text
  done

  # 9. Registrations (their numbers and sender IDs are released by now).
  for id in $(smscli describe-registrations --query 'Registrations[].RegistrationId' --output text); do
    smscli delete-registration --registration-id "$id" --query RegistrationStatus --output text
  done

  # 10. Verified destination numbers: the service deletes one only 24 hours after it was added
  #    (INVALID_REQUEST); younger ones are reported and stay until a later teardown.
  for id in $(smscli describe-verified-destination-numbers \
      --query 'VerifiedDestinationNumbers[].VerifiedDestinationNumberId' --output text); do
    if smscli delete-verified-destination-number --verified-destination-number-id "$id" 2>"$ERR" \
        --query DestinationPhoneNumber --output text; then :; else
      grep -q '^Reason: INVALID_REQUEST$' "$ERR" || { cat "$ERR" >&2; exit 1; }
      echo "kept $id: $(sed -n 's/.*operation: //p' "$ERR")"
    fi
  done
}

teardown

# ---------------------------------------------------------------------------------------------
# Nothing is left but the Default opt-out list and the verified number added less than a day ago.
test "$(smscli describe-pools --query 'length(Pools)' --output text)" = 0
test "$(smscli describe-phone-numbers --query 'length(PhoneNumbers)' --output text)" = 0
test "$(smscli describe-sender-ids --query 'length(SenderIds)' --output text)" = 0
test "$(smscli describe-opt-out-lists --query 'OptOutLists[].OptOutListName' --output text)" = Default
test "$(smscli describe-configuration-sets --query 'length(ConfigurationSets)' --output text)" = 0
test "$(smscli describe-protect-configurations --query 'length(ProtectConfigurations)' --output text)" = 0
test "$(smscli describe-registrations --query 'length(Registrations)' --output text)" = 0
test "$(smscli describe-account-attributes --query 'AccountAttributes[].Name' --output text)" = ACCOUNT_TIER
test "$(smscli describe-verified-destination-numbers \
  --query 'VerifiedDestinationNumbers[].DestinationPhoneNumber' --output text)" = +447700900555
if smscli get-resource-policy --resource-arn "$pool_arn" 2>"$ERR"; then exit 1; fi
grep -q '^ResourceType: pool$' "$ERR"  # the pool itself is gone, and its policy went first

# A day later (the simulated clock moved ahead), the verified number can go too.
smscli sim clock --advance 24h --query CurrentTimestamp --output text
teardown
test "$(smscli describe-verified-destination-numbers --query 'length(VerifiedDestinationNumbers)' --output text)" = 0
echo "teardown: OK"
