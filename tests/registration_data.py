"""Test data shared by the registration tests: a minimal PNG, and the field values that complete a 10DLC
brand and campaign registration (`{brand}` and `{screenshot}` are filled in by the test)."""

PNG = b"\x89PNG\r\n\x1a\n" + b"\0\0\0\rIHDR" + b"\0" * 64

BRAND_FIELDS = (
    ("companyInfo.legalCompanyName", "--text-value 'Example Corp'"),
    ("companyInfo.taxId", "--text-value 123456789"),
    ("companyInfo.taxIdIssuingCountry", "--text-value US"),
    ("companyInfo.legalType", "--select-choices PRIVATE_PROFIT"),
    ("companyInfo.address", "--text-value '123 Main St'"),
    ("companyInfo.city", "--text-value Seattle"),
    ("companyInfo.state", "--text-value WA"),
    ("companyInfo.zipCode", "--text-value 98101"),
    ("companyInfo.isoCountryCode", "--text-value US"),
    ("contactInfo.vertical", "--select-choices TECHNOLOGY"),
    ("contactInfo.website", "--text-value https://example.com"),
    ("contactInfo.supportEmail", "--text-value support@example.com"),
    ("contactInfo.supportPhoneNumber", "--text-value +12065550142"),
)
CAMPAIGN_FIELDS = (
    ("campaignInfo.brandRegistrationId", "--text-value {brand}"),
    ("campaignInfo.campaignName", "--text-value 'Account alerts'"),
    ("campaignInfo.campaignDescription", "--text-value 'Balance and security alerts for ExampleCorp account holders.'"),
    ("campaignInfo.vertical", "--select-choices TECHNOLOGY"),
    ("campaignInfo.optInWorkflow", "--text-value 'Customers tick the SMS box at https://example.com/alerts and confirm by text.'"),
    ("campaignInfo.helpMessage", "--text-value 'ExampleCorp Alerts: help at example.com. Msg&data rates may apply.'"),
    ("campaignInfo.stopMessage", "--text-value 'You are unsubscribed from ExampleCorp Alerts. No more messages.'"),
    ("campaignInfo.optInScreenshot", "--registration-attachment-id {screenshot}"),
    ("campaignCapabilities.numberCapability", "--select-choices SMS"),
    ("campaignCapabilities.messageType", "--select-choices TRANSACTIONAL"),
    ("campaignUseCase.useCase", "--select-choices ACCOUNT_NOTIFICATION"),
    ("campaignUseCase.subUseCases", "--select-choices SECURITY_ALERT FRAUD_ALERT"),
    ("campaignUseCase.subscriberOptIn", "--select-choices YES"),
    ("campaignUseCase.subscriberOptOut", "--select-choices YES"),
    ("campaignUseCase.subscriberHelp", "--select-choices YES"),
    ("messageSamples.messageSample1", "--text-value 'ExampleCorp: your balance is below $100. Reply STOP to opt out.'"),
)
