#!/bin/sh
# Rehearse a 10DLC rollout before touching a real account: a brand registration, its review, a
# campaign with an opt-in screenshot, a 10DLC number that stays PENDING (and cannot send) until it is
# associated with the approved campaign, then a send to the US success simulator.
set -eu
SMSCLI_HOME=$(mktemp -d)
export SMSCLI_HOME
trap 'rm -rf "$SMSCLI_HOME"' EXIT

# put REGISTRATION_ID FIELD_PATH OPTION VALUE...: one field value of the registration's draft version
put() {
  registration=$1 path=$2
  shift 2
  smscli put-registration-field-value --registration-id "$registration" --field-path "$path" "$@" \
    --query FieldPath --output text
}

smscli describe-registration-field-definitions --registration-type US_TEN_DLC_BRAND_REGISTRATION \
  --query 'RegistrationFieldDefinitions[].[FieldPath,FieldType,FieldRequirement]' --output text

# 1. The brand (the company), reviewed by the simulated registrar.
brand=$(smscli create-registration --registration-type US_TEN_DLC_BRAND_REGISTRATION \
  --tags Key=Name,Value=example-corp --query RegistrationId --output text)
put "$brand" companyInfo.legalCompanyName --text-value "Example Corp"
put "$brand" companyInfo.taxId --text-value 123456789
put "$brand" companyInfo.taxIdIssuingCountry --text-value US
put "$brand" companyInfo.legalType --select-choices PRIVATE_PROFIT
put "$brand" companyInfo.address --text-value "123 Main St"
put "$brand" companyInfo.city --text-value Seattle
put "$brand" companyInfo.state --text-value WA
put "$brand" companyInfo.zipCode --text-value 98101
put "$brand" companyInfo.isoCountryCode --text-value US
put "$brand" contactInfo.vertical --select-choices TECHNOLOGY
# The form wants the website with http:// or https://: the service's Reason says so.
if put "$brand" contactInfo.website --text-value example.com 2>/tmp/smscli-err.$$; then exit 1; fi
grep '^Reason:' /tmp/smscli-err.$$ && rm -f /tmp/smscli-err.$$
put "$brand" contactInfo.website --text-value https://example.com
put "$brand" contactInfo.supportEmail --text-value support@example.com
put "$brand" contactInfo.supportPhoneNumber --text-value +12065550142
smscli submit-registration-version --registration-id "$brand" --query RegistrationVersionStatus --output text
smscli sim review "$brand" --approve --query RegistrationStatus --output text

# 2. A 10DLC number: PENDING, so a send is refused (RESOURCE_NOT_ACTIVE).
number=$(smscli request-phone-number --iso-country-code US --message-type TRANSACTIONAL \
  --number-capabilities SMS --number-type TEN_DLC --query PhoneNumberId --output text)
if smscli send-text-message --destination-phone-number +14254147755 --origination-identity "$number" \
  --message-body "Your balance is below \$100." 2>/dev/null; then exit 1; fi

# 3. The campaign, with an opt-in screenshot uploaded from a file.
campaign=$(smscli create-registration --registration-type US_TEN_DLC_CAMPAIGN_REGISTRATION \
  --tags Key=Name,Value=account-alerts --query RegistrationId --output text)
printf '\211PNG\r\n\032\n' >"$SMSCLI_HOME/opt-in.png"
screenshot=$(smscli create-registration-attachment --attachment-body "fileb://$SMSCLI_HOME/opt-in.png" \
  --query RegistrationAttachmentId --output text)
put "$campaign" campaignInfo.brandRegistrationId --text-value "$brand"
put "$campaign" campaignInfo.campaignName --text-value "Account alerts"
put "$campaign" campaignInfo.campaignDescription --text-value "Balance and security alerts for account holders."
put "$campaign" campaignInfo.vertical --select-choices TECHNOLOGY
put "$campaign" campaignInfo.optInWorkflow \
  --text-value "Customers tick the SMS box at https://example.com/alerts and confirm by text."
put "$campaign" campaignInfo.helpMessage --text-value "ExampleCorp Alerts: help at example.com. Msg&data rates may apply."
put "$campaign" campaignInfo.stopMessage --text-value "You are unsubscribed from ExampleCorp Alerts. No more messages."
put "$campaign" campaignInfo.optInScreenshot --registration-attachment-id "$screenshot"
put "$campaign" campaignCapabilities.numberCapability --select-choices SMS
put "$campaign" campaignCapabilities.messageType --select-choices TRANSACTIONAL
put "$campaign" campaignUseCase.useCase --select-choices ACCOUNT_NOTIFICATION
put "$campaign" campaignUseCase.subscriberOptIn --select-choices YES
put "$campaign" campaignUseCase.subscriberOptOut --select-choices YES
put "$campaign" campaignUseCase.subscriberHelp --select-choices YES
put "$campaign" messageSamples.messageSample1 \
  --text-value "ExampleCorp: your balance is below \$100. Reply STOP to opt out."
smscli submit-registration-version --registration-id "$campaign" --query RegistrationVersionStatus --output text
smscli sim review "$campaign" --approve --query RegistrationStatus --output text

# 4. The number joins the approved campaign and turns ACTIVE; now it sends.
smscli create-registration-association --registration-id "$campaign" --resource-id "$number" \
  --query ResourceType --output text
smscli describe-phone-numbers --phone-number-ids "$number" --query 'PhoneNumbers[0].Status' --output text
smscli send-text-message --destination-phone-number +14254147755 --origination-identity "$number" \
  --message-body "Your balance is below \$100." --query MessageId --output text
smscli list-registration-associations --registration-id "$campaign" --output table
smscli describe-registrations --output table
echo "10DLC rollout: OK"
