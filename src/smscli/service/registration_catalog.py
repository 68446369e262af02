"""The built-in registration catalogue, as data: the registration types of the user guide's
registration forms, their sections and their fields.

Types: US toll-free number registration, US 10DLC brand registration, US 10DLC brand vetting,
US 10DLC campaign registration and Singapore sender ID registration (the forms the guide fills in
through the console), and India sender ID registration (the information its India process lists).
Field titles, rules and limits come from the guide's form descriptions (E.164 support phone
numbers, http(s) websites, a 40-character opt-in workflow, 20-160-character HELP and STOP messages,
20-character sample messages, up to five sub use cases, PNG images of at most 400 KB, 6-character
India sender IDs, ...); codes and lengths the guide does not give are smscli's, and so is the 10DLC
campaign's optional opt-in screenshot (the guide asks for opt-in mockups or screenshots in its
toll-free form; carriers review the same evidence for campaigns).

Each type is a RegistrationTypeDefinition (RegistrationType, SupportedAssociations, DisplayHints)
plus `sections` (RegistrationSectionDefinition) and `fields` (RegistrationFieldDefinition), and
hidden simulation rules (snake_case keys, never shown by the API):
- field `references`: a TEXT value naming a registration (ID or ARN) of that type, which must be
  approved when the version is submitted (a 10DLC campaign's brand);
- field `attachment_types` / `attachment_max_bytes`: what an ATTACHMENT field takes;
- type `rules`: [{"when": {"field", "in"}, "require": {"field", "in"?}, "message"}]: when the first
  field's value is one of `in`, the second field must have a value (one of its `in`, if given);
  CONDITIONAL fields are required this way;
- type `max_phone_numbers`: the phone numbers one registration can hold;
- type `provisions_sender_id`: {"field", "iso"}: the sender ID an approved registration provisions.
"""

from __future__ import annotations

FREE_TEXT = r"(?!\s*$)[\s\S]+"  # not only whitespace (the API's own pattern for message bodies)
EMAIL = r"[^@\s]+@[^@\s]+\.[^@\s]+"
E164 = r"\+[1-9][0-9]{1,14}"
WEBSITE = r"https?://\S+"
ISO_COUNTRY = r"[A-Z]{2}"
ZIP_CODE = r"[A-Za-z0-9 -]+"
SENDER_ID = r"(?=.*[A-Za-z])[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?"
PNG_ONLY, MAX_400_KB = ("PNG",), 400 * 1024


def section(path: str, title: str, description: str) -> dict:
    return {"SectionPath": path, "DisplayHints": {"Title": title, "ShortDescription": description}}


def text(path, title, description, min_length=1, max_length=100, pattern=FREE_TEXT, requirement="REQUIRED",
         example=None, rule=None, **hidden) -> dict:  # fmt: skip
    hints = {"Title": title, "ShortDescription": description}
    if rule:
        hints["TextValidationDescription"] = rule
    if example:
        hints["ExampleTextValue"] = example
    return {
        "SectionPath": path.split(".")[0], "FieldPath": path, "FieldType": "TEXT", "FieldRequirement": requirement,
        "TextValidation": {"MinLength": min_length, "MaxLength": max_length, "Pattern": pattern},
        "DisplayHints": hints, **hidden,
    }  # fmt: skip


def select(path, title, description, options, min_choices=1, max_choices=1, requirement="REQUIRED") -> dict:
    """`options`: (code, title) pairs."""
    return {
        "SectionPath": path.split(".")[0], "FieldPath": path, "FieldType": "SELECT", "FieldRequirement": requirement,
        "SelectValidation": {"MinChoices": min_choices, "MaxChoices": max_choices, "Options": [code for code, _ in options]},
        "DisplayHints": {"Title": title, "ShortDescription": description,
                         "SelectOptionDescriptions": [{"Option": code, "Title": name} for code, name in options]},
    }  # fmt: skip


def attachment(path, title, description, requirement="REQUIRED", types=("PDF", "JPEG", "PNG"), max_bytes=500 * 1024) -> dict:
    return {
        "SectionPath": path.split(".")[0], "FieldPath": path, "FieldType": "ATTACHMENT", "FieldRequirement": requirement,
        "DisplayHints": {"Title": title, "ShortDescription": description},
        "attachment_types": list(types), "attachment_max_bytes": max_bytes,
    }  # fmt: skip


def association(resource_type, iso, behavior, disassociation) -> dict:
    return {"ResourceType": resource_type, "IsoCountryCode": iso, "AssociationBehavior": behavior,
            "DisassociationBehavior": disassociation}  # fmt: skip


YES_NO = (("YES", "Yes"), ("NO", "No"))
VERTICALS = (
    ("AGRICULTURE", "Agriculture"), ("COMMUNICATION", "Communication and mass media"), ("CONSTRUCTION", "Construction"),
    ("EDUCATION", "Education"), ("ENERGY", "Energy and utilities"), ("ENTERTAINMENT", "Entertainment"),
    ("FINANCIAL", "Financial"), ("GAMBLING", "Gambling and lottery"), ("GOVERNMENT", "Government"),
    ("HEALTHCARE", "Healthcare"), ("HOSPITALITY", "Hospitality and travel"), ("HUMAN_RESOURCES", "Human resources"),
    ("INSURANCE", "Insurance"), ("LEGAL", "Legal"), ("MANUFACTURING", "Manufacturing"), ("NGO", "Non-profit organization"),
    ("POLITICAL", "Political"), ("POSTAL", "Postal and delivery"), ("PROFESSIONAL", "Professional services"),
    ("REAL_ESTATE", "Real estate"), ("RETAIL", "Retail and consumer products"), ("TECHNOLOGY", "Information technology"),
    ("TRANSPORTATION", "Transportation and logistics"),
)  # fmt: skip
MONTHLY_VOLUMES = (
    ("10", "10"), ("100", "100"), ("1000", "1,000"), ("10000", "10,000"), ("100000", "100,000"), ("250000", "250,000"),
    ("500000", "500,000"), ("750000", "750,000"), ("1000000", "1,000,000"), ("5000000", "5,000,000"),
    ("10000000", "10,000,000 or more"),
)  # fmt: skip
USE_CASE_CATEGORIES = (
    ("TWO_FACTOR_AUTHENTICATION", "Two-factor authentication"), ("ONE_TIME_PASSWORDS", "One-time passwords"),
    ("NOTIFICATIONS", "Notifications"), ("POLLING_AND_SURVEYS", "Polling and surveys"), ("INFO_ON_DEMAND", "Info on demand"),
    ("PROMOTIONS_AND_MARKETING", "Promotions and Marketing"), ("OTHER", "Other"),
)  # fmt: skip
CAMPAIGN_USE_CASES = (
    ("TWO_FACTOR_AUTHENTICATION", "2FA"), ("ACCOUNT_NOTIFICATION", "Account Notifications"),
    ("CUSTOMER_CARE", "Customer care"), ("DELIVERY_NOTIFICATION", "Delivery notifications"),
    ("FRAUD_ALERT", "Fraud alert messaging"), ("HIGHER_EDUCATION", "Higher education"), ("MARKETING", "Marketing"),
    ("MIXED", "Mixed"), ("PUBLIC_SERVICE_ANNOUNCEMENT", "Public service announcement"),
    ("POLLING_VOTING", "Polling and voting"), ("SECURITY_ALERT", "Security alert"), ("LOW_VOLUME", "Low Volume"),
    ("CHARITY", "Charity"),
)  # fmt: skip
SUB_USE_CASES = tuple(case for case in CAMPAIGN_USE_CASES if case[0] not in ("MIXED", "LOW_VOLUME", "CHARITY"))
LEGAL_FORMS = (("PRIVATE_PROFIT", "Private for-profit"), ("PUBLIC_PROFIT", "Public for-profit"),
               ("NON_PROFIT", "Not-for-profit"), ("GOVERNMENT", "US government"))  # fmt: skip
STOCK_EXCHANGES = (
    ("NASDAQ", "NASDAQ"), ("NYSE", "New York Stock Exchange"), ("AMEX", "NYSE American"), ("TSX", "Toronto Stock Exchange"),
    ("LON", "London Stock Exchange"), ("FRA", "Frankfurt Stock Exchange"), ("JPX", "Japan Exchange Group"),
    ("SEHK", "Hong Kong Stock Exchange"), ("SGX", "Singapore Exchange"), ("ASX", "Australian Securities Exchange"),
    ("NSE", "National Stock Exchange of India"), ("OTHER", "Other"),
)  # fmt: skip


def company_address(street: str = "address1") -> list[dict]:
    """The headquarters address; the 10DLC brand form has one street line ("address")."""
    fields = [
        text(f"companyInfo.{street}", "Address 1" if street == "address1" else "Address/Street",
             "The street address of your corporate headquarters."),
        text("companyInfo.address2", "Address 2", "The suite number of your corporate headquarters, if needed.",
             requirement="OPTIONAL"),
        text("companyInfo.city", "City", "The city of your corporate headquarters."),
        text("companyInfo.state", "State/Province", "The state of your corporate headquarters.", max_length=50),
        text("companyInfo.zipCode", "Zip Code/Postal code", "The zip code of your corporate headquarters.", max_length=10,
             pattern=ZIP_CODE),
        text("companyInfo.isoCountryCode", "Country", "The two-letter ISO country code.", 2, 2, ISO_COUNTRY, example="US"),
    ]  # fmt: skip
    return fields if street == "address1" else [fields[0], *fields[2:]]


def contact_info(e164_rule: bool = True) -> list[dict]:
    return [
        text("contactInfo.firstName", "First Name", "The first name of your business's point of contact."),
        text("contactInfo.lastName", "Last Name", "The last name of your business's point of contact."),
        text("contactInfo.supportEmail", "Support Email", "The email address of your business's point of contact.",
             pattern=EMAIL, example="support@example.com"),
        text("contactInfo.supportPhoneNumber", "Support Phone Number", "The phone number of your business's point of "
             "contact.", 2, 16, E164 if e164_rule else r"\+?[0-9]{2,15}", example="+12065550142",
             rule="Starts with a '+' and has no spaces, hyphens or parentheses." if e164_rule else None),
    ]  # fmt: skip


def use_case_fields() -> list[dict]:
    return [
        select("messagingUseCase.monthlyMessageVolume", "Monthly SMS Volume", "The number of SMS messages you will send "
               "each month.", MONTHLY_VOLUMES),
        select("messagingUseCase.useCaseCategory", "Use Case Category", "The type of messages you will send.",
               USE_CASE_CATEGORIES),
        text("messagingUseCase.useCaseDetails", "Use Case Details", "More context about the use case category; "
             "required for Other.", max_length=500, requirement="CONDITIONAL"),
    ]  # fmt: skip


def message_samples(count: int = 3, min_length: int = 1) -> list[dict]:
    return [
        text(f"messageSamples.messageSample{n}", f"Message Sample {n}", "An example of a message body you will send.",
             min_length, 1024, requirement="REQUIRED" if n == 1 else "OPTIONAL")
        for n in range(1, count + 1)
    ]  # fmt: skip


OTHER_NEEDS_DETAILS = {
    "when": {"field": "messagingUseCase.useCaseCategory", "in": ["OTHER"]},
    "require": {"field": "messagingUseCase.useCaseDetails"},
    "message": "Use Case Details is required when the Use Case Category is Other.",
}
ASSOCIATE_BEFORE_SUBMIT, ASSOCIATE_ON_APPROVAL, ASSOCIATE_AFTER_COMPLETE = (
    "ASSOCIATE_BEFORE_SUBMIT", "ASSOCIATE_ON_APPROVAL", "ASSOCIATE_AFTER_COMPLETE")  # fmt: skip

TYPES = [
    {
        "RegistrationType": "US_TOLL_FREE_REGISTRATION",
        "SupportedAssociations": [association("TOLL_FREE", "US", ASSOCIATE_BEFORE_SUBMIT, "DISASSOCIATE_ALL_CLOSES_REGISTRATION")],
        "DisplayHints": {"Title": "US toll-free number registration", "ShortDescription": "Register a US toll-free "
                         "number: your company, contact, use case and message samples.",
                         "DocumentationTitle": "US toll-free number registration form"},
        "sections": [
            section("companyInfo", "Company info", "Your company's name, website and headquarters."),
            section("contactInfo", "Contact info", "Your business's point of contact."),
            section("messagingUseCase", "Messaging Use Case", "What you send, how much, and how users opt in."),
            section("messageSamples", "Message samples", "Examples of the messages you will send."),
        ],
        "fields": [
            text("companyInfo.companyName", "Company Name", "The name of your company."),
            text("companyInfo.website", "Company website", "The URL of your company's website.", max_length=253,
                 pattern=WEBSITE, example="https://example.com"),
            *company_address(),
            *contact_info(),
            *use_case_fields(),
            text("messagingUseCase.optInDescription", "Opt-in Workflow Description", "How users consent to receive SMS "
                 "messages, for example an online form on your website.", max_length=500),
            attachment("messagingUseCase.optInImage", "Opt-in workflow image", "An image showing how users consent to "
                       "receive messages: PNG, at most 400KB.", types=PNG_ONLY, max_bytes=MAX_400_KB),
            *message_samples(),
        ],
        "rules": [OTHER_NEEDS_DETAILS],
        "max_phone_numbers": 1,
    },
    {
        "RegistrationType": "US_TEN_DLC_BRAND_REGISTRATION",
        "SupportedAssociations": [],
        "DisplayHints": {"Title": "US 10DLC Brand registration", "ShortDescription": "Register your company or brand "
                         "with the Campaign Registry before you use 10DLC numbers and campaigns.",
                         "DocumentationTitle": "10DLC brand registration form"},
        "sections": [
            section("companyInfo", "Company registration info", "Your company's legal name, tax ID, legal form and "
                    "address, exactly as registered."),
            section("contactInfo", "Additional company and contact info", "Brand name, vertical, website and support "
                    "contact."),
        ],
        "fields": [
            text("companyInfo.legalCompanyName", "Legal company name", "The name the company is registered under, an exact "
                 "match for the name associated with the tax ID."),
            text("companyInfo.taxId", "Tax ID or Business Registration Number", "A US EIN (nine digits), a Canadian "
                 "Corporation number, or the primary tax ID of your country.", max_length=21, pattern=r"[A-Za-z0-9-]+"),
            text("companyInfo.taxIdIssuingCountry", "Country of registration", "The country where the company is "
                 "registered (two-letter ISO code).", 2, 2, ISO_COUNTRY, example="US"),
            select("companyInfo.legalType", "What type of legal form is this organization", "The option that best "
                   "describes your company.", LEGAL_FORMS),
            text("companyInfo.stockSymbol", "Stock symbol", "Your company's stock symbol; required for Public "
                 "for-profit.", max_length=10, pattern=r"[A-Za-z0-9.]+", requirement="CONDITIONAL"),
            select("companyInfo.stockExchange", "Stock exchange", "The stock exchange your company is listed on; "
                   "required for Public for-profit.", STOCK_EXCHANGES, requirement="CONDITIONAL"),
            *company_address("address"),
            text("contactInfo.dbaName", "Doing Business As (DBA) or brand name", "Any other name your company does "
                 "business as.", requirement="OPTIONAL"),
            select("contactInfo.vertical", "Vertical", "The category that best describes the company.", VERTICALS),
            text("contactInfo.website", "Company website", "The full URL of the company's website, with http:// or "
                 "https://.", max_length=253, pattern=WEBSITE, example="https://example.com"),
            *contact_info()[2:],
        ],
        "rules": [
            {"when": {"field": "companyInfo.legalType", "in": ["PUBLIC_PROFIT"]},
             "require": {"field": "companyInfo.stockSymbol"},
             "message": "Stock symbol is required for a Public for-profit company."},
            {"when": {"field": "companyInfo.legalType", "in": ["PUBLIC_PROFIT"]},
             "require": {"field": "companyInfo.stockExchange"},
             "message": "Stock exchange is required for a Public for-profit company."},
            {"when": {"field": "companyInfo.legalType", "in": ["NON_PROFIT", "GOVERNMENT"]},
             "require": {"field": "companyInfo.taxIdIssuingCountry", "in": ["US"]},
             "message": "US government and Not-for-profit are for United States organizations only; register others "
                        "as Private for-profit."},
        ],  # fmt: skip
    },
    {
        "RegistrationType": "US_TEN_DLC_BRAND_VETTING",
        "SupportedAssociations": [],
        "DisplayHints": {"Title": "US 10DLC Brand vetting", "ShortDescription": "Vet an approved 10DLC brand for a "
                         "vetting score that can raise its campaigns' throughput.",
                         "DocumentationTitle": "10DLC brand vetting"},
        "sections": [section("brandInfo", "Brand", "The approved 10DLC brand to vet.")],
        "fields": [
            text("brandInfo.brandRegistrationId", "Available 10DLC brands", "The RegistrationId of an approved US 10DLC "
                 "Brand registration.", max_length=256, pattern=r"[A-Za-z0-9_:/-]+",
                 references="US_TEN_DLC_BRAND_REGISTRATION"),
        ],
    },
    {
        "RegistrationType": "US_TEN_DLC_CAMPAIGN_REGISTRATION",
        "SupportedAssociations": [association("TEN_DLC", "US", ASSOCIATE_AFTER_COMPLETE,
                                              "DISASSOCIATE_ALL_ALLOWS_DELETE_REGISTRATION")],
        "DisplayHints": {"Title": "US 10DLC Campaign registration", "ShortDescription": "Register a 10DLC campaign of an "
                         "approved brand; once approved, associate 10DLC numbers with it.",
                         "DocumentationTitle": "10DLC campaign registration form"},
        "sections": [
            section("campaignInfo", "Campaign Info", "The brand, the campaign's purpose, opt-in and HELP/STOP answers."),
            section("campaignCapabilities", "Campaign capabilities", "SMS, or SMS and voice, and the message type."),
            section("campaignUseCase", "Campaign use case", "The use case and the campaign's attributes."),
            section("messageSamples", "Message samples", "The messages you plan to send, at least 20 characters each."),
        ],
        "fields": [
            text("campaignInfo.brandRegistrationId", "Available brands", "The RegistrationId of an approved US 10DLC Brand "
                 "registration.", max_length=256, pattern=r"[A-Za-z0-9_:/-]+",
                 references="US_TEN_DLC_BRAND_REGISTRATION"),
            text("campaignInfo.campaignName", "Campaign name", "A name for the 10DLC campaign.", max_length=64),
            text("campaignInfo.campaignDescription", "Campaign description", "The campaign's purpose.", max_length=4096),
            select("campaignInfo.vertical", "Vertical", "The option that best represents your company.", VERTICALS),
            text("campaignInfo.optInWorkflow", "Opt-in workflow", "How users consent to receive SMS messages, every "
                 "opt-in method, with links to terms and privacy policy.", 40, 2048,
                 rule="At least 40 characters."),
            text("campaignInfo.optInKeyword", "Opt-in keyword", "The keyword customers send to opt in.", max_length=30,
                 pattern=r"\S+", requirement="OPTIONAL"),
            text("campaignInfo.optInMessage", "Opt-in confirmation message", "What customers receive when they send the "
                 "opt-in keyword.", 20, 160, requirement="OPTIONAL", rule="20 to 160 characters."),
            text("campaignInfo.helpMessage", "Help message", "What customers receive when they send HELP.", 20, 160,
                 rule="20 to 160 characters.", example="ExampleCorp Account Alerts: For help call 1-888-555-0142 or go "
                 "to example.com. Msg&data rates may apply. Text STOP to cancel."),
            text("campaignInfo.stopMessage", "Stop message", "What customers receive when they send STOP.", 20, 160,
                 rule="20 to 160 characters.", example="You are unsubscribed from ExampleCorp Account Alerts. No more "
                 "messages will be sent. Reply HELP for help or call 1-888-555-0142."),
            attachment("campaignInfo.optInScreenshot", "Opt-in screenshot", "A screenshot or mockup of where and how "
                       "customers opt in (the call to action): PDF, JPEG or PNG, at most 500KB.", requirement="OPTIONAL"),
            select("campaignCapabilities.numberCapability", "Campaign capabilities", "Text messages, or text and voice "
                   "messages.", (("SMS", "SMS"), ("SMS_VOICE", "SMS and Voice"))),
            select("campaignCapabilities.messageType", "Message type", "Transactional (time-sensitive) or promotional "
                   "(marketing) content.", (("TRANSACTIONAL", "Transactional"), ("PROMOTIONAL", "Promotional"))),
            select("campaignUseCase.useCase", "Use case", "The use case closest to your campaign.", CAMPAIGN_USE_CASES),
            select("campaignUseCase.subUseCases", "Sub use case", "Up to five sub use cases.", SUB_USE_CASES, 1, 5,
                   requirement="OPTIONAL"),
            select("campaignUseCase.subscriberOptIn", "Subscriber opt-in", "Subscribers can opt in to receive messages "
                   "about this campaign.", YES_NO),
            select("campaignUseCase.subscriberOptOut", "Subscriber opt-out", "Subscribers can opt out of receiving "
                   "messages about this campaign.", YES_NO),
            select("campaignUseCase.subscriberHelp", "Subscriber help", "Subscribers can contact the sender after "
                   "sending the HELP keyword.", YES_NO),
            select("campaignUseCase.directLending", "Direct lending or loan arrangement", "The campaign includes "
                   "information about direct lending or other loan arrangements.", YES_NO, requirement="OPTIONAL"),
            select("campaignUseCase.embeddedLink", "Embedded link", "The campaign includes an embedded link (no public "
                   "URL shorteners).", YES_NO, requirement="OPTIONAL"),
            select("campaignUseCase.embeddedPhone", "Embedded phone number", "The campaign includes a phone number that "
                   "isn't a customer support number.", YES_NO, requirement="OPTIONAL"),
            select("campaignUseCase.ageGated", "Age-gated content", "The campaign includes age-gated content as CTIA "
                   "guidelines define it.", YES_NO, requirement="OPTIONAL"),
            *message_samples(5, 20),
        ],
        "max_phone_numbers": 49,
    },
    {
        "RegistrationType": "SG_SENDER_ID_REGISTRATION",
        "SupportedAssociations": [association("SENDER_ID", "SG", ASSOCIATE_ON_APPROVAL, "DELETE_REGISTRATION_DISASSOCIATES")],
        "DisplayHints": {"Title": "Singapore sender ID registration", "ShortDescription": "Register a sender ID for "
                         "Singapore (SSIR); it is provisioned once the registration is approved.",
                         "DocumentationTitle": "Singapore registration form"},
        "sections": [
            section("companyInfo", "Company info", "Your company, its Unique Entity Number and headquarters."),
            section("contactInfo", "Contact info", "Your business's point of contact."),
            section("senderIdInfo", "Sender ID info", "The sender ID and who it represents."),
            section("messagingUseCase", "Messaging Use Case", "What you send and how much."),
            section("messageSamples", "Message samples", "Examples of the messages you will send."),
        ],
        "fields": [
            text("companyInfo.companyName", "Company Name", "The name of your company."),
            text("companyInfo.taxId", "Tax ID", "Your Singapore Unique Entity Number (UEN).", 9, 10,
                 r"[0-9]{8}[A-Z]|[0-9]{9}[A-Z]|[TSR][0-9]{2}[A-Z]{2}[0-9]{4}[A-Z]", example="201912345K"),
            text("companyInfo.website", "Company website", "The URL of your company's website.", max_length=253,
                 pattern=WEBSITE, example="https://example.com"),
            *company_address(),
            *contact_info(e164_rule=False),
            text("senderIdInfo.senderId", "Sender ID", "The sender ID to register: 1-11 letters, digits, hyphens or "
                 "underscores, with at least one letter.", 1, 11, SENDER_ID, example="MyBrand"),
            select("senderIdInfo.isRepresentative", "Are you registering on behalf of another brand/entity?", "True if you "
                   "are not the end user sending the messages.", (("TRUE", "True"), ("FALSE", "False")),
                   requirement="OPTIONAL"),
            attachment("senderIdInfo.letterOfAuthorization", "Letter of authorization image", "The complete Letter of "
                       "Authorization when registering on behalf of another brand: PNG, at most 400KB.",
                       requirement="CONDITIONAL", types=PNG_ONLY, max_bytes=MAX_400_KB),
            text("senderIdInfo.senderIdConnection", "Sender ID connection", "How the sender ID relates to the company "
                 "name.", max_length=500, requirement="OPTIONAL"),
            *use_case_fields(),
            *message_samples(),
        ],
        "rules": [
            OTHER_NEEDS_DETAILS,
            {"when": {"field": "senderIdInfo.isRepresentative", "in": ["TRUE"]},
             "require": {"field": "senderIdInfo.letterOfAuthorization"},
             "message": "A Letter of Authorization is required when registering on behalf of another brand."},
        ],  # fmt: skip
        "provisions_sender_id": {"field": "senderIdInfo.senderId", "iso": "SG"},
    },
    {
        "RegistrationType": "IN_SENDER_ID_REGISTRATION",
        "SupportedAssociations": [association("SENDER_ID", "IN", ASSOCIATE_ON_APPROVAL, "DELETE_REGISTRATION_DISASSOCIATES")],
        "DisplayHints": {"Title": "India sender ID registration", "ShortDescription": "Register a 6-character sender ID "
                         "for India with your TRAI DLT registration details; it is provisioned once approved.",
                         "DocumentationTitle": "India sender ID registration process"},
        "sections": [
            section("companyInfo", "Company info", "Your organization's Indian registration numbers and DLT entity."),
            section("senderIdInfo", "Sender ID info", "The sender ID registered on the DLT portal."),
            section("messagingUseCase", "Messaging Use Case", "Volume, use case and opt-in."),
        ],
        "fields": [
            text("companyInfo.companyName", "Company Name", "The company name, exactly as given on the DLT portal."),
            text("companyInfo.pan", "Permanent Account Number (PAN)", "Your organization's PAN.", 10, 10,
                 r"[A-Z]{5}[0-9]{4}[A-Z]", example="AAAPA1234A"),
            text("companyInfo.tan", "Tax Deduction Account Number (TAN)", "Your organization's TAN.", 10, 10,
                 r"[A-Z]{4}[0-9]{5}[A-Z]", example="AAAA12345A"),
            text("companyInfo.gstin", "Goods and Services Tax Identification Number (GSTIN)", "Your organization's "
                 "GSTIN.", 15, 15, r"[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]", example="22AAAAA0000A1Z5"),
            text("companyInfo.cin", "Corporate Identity Number (CIN)", "Your organization's CIN.", 21, 21,
                 r"[LU][0-9]{5}[A-Z]{2}[0-9]{4}[A-Z]{3}[0-9]{6}", example="U12345MH2020PTC123456"),
            text("companyInfo.principalEntityId", "Principal Entity ID (PEID)", "The entity ID the DLT portal issued.",
                 12, 19, r"[0-9]+"),
            attachment("companyInfo.letterOfAuthorization", "Letter of authorization", "The letter that authorizes you "
                       "to register your organization on the DLT portal."),
            text("senderIdInfo.senderId", "Sender ID", "The sender ID: exactly 6 characters.", 6, 6, r"[A-Za-z0-9]{6}",
                 example="MYBRND"),
            select("messagingUseCase.monthlyMessageVolume", "Monthly SMS Volume", "An estimate of the messages you plan "
                   "to send each month.", MONTHLY_VOLUMES),
            text("messagingUseCase.useCaseDescription", "Use case", "A description of your use case.", max_length=500),
            text("messagingUseCase.optInDescription", "Opt-in", "The steps your recipients complete to opt in.",
                 max_length=500),
        ],
        "provisions_sender_id": {"field": "senderIdInfo.senderId", "iso": "IN"},
    },
]  # fmt: skip

BY_TYPE = {definition["RegistrationType"]: definition for definition in TYPES}
