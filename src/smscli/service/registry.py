"""Which operations the local service simulates, where their handlers live, and which only read.

Kept free of heavy imports: `smscli help` consults it to mark the operations not simulated yet.
"""

from __future__ import annotations

import importlib

from smscli.errors import NotSimulatedError

# Handler modules, each with an OPERATIONS table: operation name -> function(region, request).
_MODULES = {
    "smscli.service.optout": (
        "CreateOptOutList", "DeleteOptOutList", "DescribeOptOutLists",
        "PutOptedOutNumber", "DeleteOptedOutNumber", "DescribeOptedOutNumbers",
    ),
    "smscli.service.tags": ("TagResource", "UntagResource", "ListTagsForResource"),
    "smscli.service.numbers": ("RequestPhoneNumber", "UpdatePhoneNumber", "ReleasePhoneNumber", "DescribePhoneNumbers"),
    "smscli.service.senderids": ("RequestSenderId", "UpdateSenderId", "ReleaseSenderId", "DescribeSenderIds"),
    "smscli.service.pools": (
        "CreatePool", "UpdatePool", "DeletePool", "DescribePools", "AssociateOriginationIdentity",
        "DisassociateOriginationIdentity", "ListPoolOriginationIdentities",
    ),
    "smscli.service.keywords": ("PutKeyword", "DeleteKeyword", "DescribeKeywords"),
    "smscli.service.configsets": (
        "CreateConfigurationSet", "DeleteConfigurationSet", "DescribeConfigurationSets", "CreateEventDestination",
        "UpdateEventDestination", "DeleteEventDestination", "SetDefaultMessageType", "DeleteDefaultMessageType",
        "SetDefaultSenderId", "DeleteDefaultSenderId", "SetDefaultMessageFeedbackEnabled",
    ),
    "smscli.service.account": (
        "DescribeAccountAttributes", "DescribeAccountLimits", "DescribeSpendLimits",
        "SetTextMessageSpendLimitOverride", "DeleteTextMessageSpendLimitOverride",
        "SetVoiceMessageSpendLimitOverride", "DeleteVoiceMessageSpendLimitOverride",
        "SetMediaMessageSpendLimitOverride", "DeleteMediaMessageSpendLimitOverride",
    ),
    "smscli.service.verified": (
        "CreateVerifiedDestinationNumber", "DeleteVerifiedDestinationNumber", "DescribeVerifiedDestinationNumbers",
        "SendDestinationNumberVerificationCode", "VerifyDestinationNumber",
    ),
    "smscli.service.carrier": ("CarrierLookup",),
    "smscli.service.sending": ("SendTextMessage", "SendVoiceMessage", "SendMediaMessage", "PutMessageFeedback"),
    "smscli.service.registrations": (
        "CreateRegistration", "DeleteRegistration", "DescribeRegistrations", "CreateRegistrationVersion",
        "DescribeRegistrationVersions", "SubmitRegistrationVersion", "DiscardRegistrationVersion",
    ),
    "smscli.service.registration_fields": (
        "PutRegistrationFieldValue", "DeleteRegistrationFieldValue", "DescribeRegistrationFieldValues",
        "DescribeRegistrationFieldDefinitions", "DescribeRegistrationSectionDefinitions",
        "DescribeRegistrationTypeDefinitions",
    ),
    "smscli.service.registration_attachments": (
        "CreateRegistrationAttachment", "DeleteRegistrationAttachment", "DescribeRegistrationAttachments",
    ),
    "smscli.service.registration_associations": ("CreateRegistrationAssociation", "ListRegistrationAssociations"),
    "smscli.service.protect": (
        "CreateProtectConfiguration", "DeleteProtectConfiguration", "DescribeProtectConfigurations",
        "UpdateProtectConfiguration", "GetProtectConfigurationCountryRuleSet", "UpdateProtectConfigurationCountryRuleSet",
        "AssociateProtectConfiguration", "DisassociateProtectConfiguration", "SetAccountDefaultProtectConfiguration",
        "DeleteAccountDefaultProtectConfiguration", "PutProtectConfigurationRuleSetNumberOverride",
        "DeleteProtectConfigurationRuleSetNumberOverride", "ListProtectConfigurationRuleSetNumberOverrides",
    ),
    "smscli.service.policies": ("PutResourcePolicy", "GetResourcePolicy", "DeleteResourcePolicy"),
}  # fmt: skip
_MODULE_OF = {op: module for module, ops in _MODULES.items() for op in ops}
_READ_ONLY_PREFIXES = ("Describe", "List", "Get")


def is_read_only(op: str) -> bool:
    return op.startswith(_READ_ONLY_PREFIXES) or op == "CarrierLookup"


def is_simulated(op: str) -> bool:
    return op in _MODULE_OF


def handler(op: str):
    run = importlib.import_module(_MODULE_OF[op]).OPERATIONS.get(op) if op in _MODULE_OF else None
    if run is None:
        raise NotSimulatedError(op)
    return run
