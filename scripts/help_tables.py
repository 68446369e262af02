"""The hand-written parts of src/smscli/spec/help.json (scripts/gen_help.py reads them).

FILTERS: what each filter Name compares. The API reference lists the names (each *FilterName enum)
without saying what they mean; these texts are smscli's own, read from the service's filter tables
(the module named with each), and `smscli <command> help` says so where it shows them. `{Shape}`
stands for the values of that enum in service.json (the values the service accepts for the filter).
COMBINE: how the filters of one request combine (service/filters.py: ALL_OF for every operation but
DescribeProtectConfigurations, which the reference says matches "any of filters", 8402).

EXAMPLES: the user guide's example chosen for each operation that has one (the guide's 57 examples are
listed in shared/spec/seed-cli-examples.md): (first line, last line, the guide's section heading, which
gen_help.py finds as a line shortly above the example). An example the guide prints wrong (a typo, the
wrong shorthand, a value after a boolean option, --filters given twice, of which the AWS CLI keeps only
the last) is shown corrected, with what the guide writes in a note (FIXES). Where the guide has several
examples of a command, the one that shows most of it and passes smscli's client-side checks is chosen
(E11's placeholder ARNs are shorter than the minimum length; E30 has the typo --phonenumber-id). The
operations with no example here have none in the guide (shared/spec/seed-cli-examples.md lists them).
"""

from __future__ import annotations

_BOOLEAN = "true | false"

FILTERS: dict[str, dict[str, str]] = {
    "ConfigurationSetFilterName": {  # service/configsets.py _set_filters
        "event-destination-name": "one of the set's event destinations has this EventDestinationName",
        "matching-event-types": "one of the set's event destinations has this event type in its MatchingEventTypes "
                                "({EventType})",
        "default-message-type": "the set's DefaultMessageType ({MessageType})",
        "default-sender-id": "the set's DefaultSenderId",
        "default-message-feedback-enabled": f"the set's DefaultMessageFeedbackEnabled ({_BOOLEAN})",
        "protect-configuration-id": "the set's ProtectConfigurationId (the ID, or the protect configuration's ARN)",
    },
    "KeywordFilterName": {  # service/keywords.py _KEYWORD_FILTERS
        "keyword-action": "the keyword's KeywordAction ({KeywordAction})",
    },
    "OptedOutFilterName": {  # service/optout.py _OPTED_OUT_FILTERS
        "end-user-opted-out": f"the number's EndUserOptedOut: true when the recipient opted out, false when the "
                              f"number was put on the list with PutOptedOutNumber ({_BOOLEAN})",
    },
    "PhoneNumberFilterName": {  # service/numbers.py _number_filters
        "status": "the phone number's Status ({NumberStatus})",
        "iso-country-code": "the phone number's IsoCountryCode (two letters, such as US)",
        "message-type": "the phone number's MessageType ({MessageType})",
        "number-capability": "the phone number's NumberCapabilities include this capability ({NumberCapability})",
        "number-type": "the phone number's NumberType ({NumberType})",
        "two-way-enabled": f"the phone number's TwoWayEnabled ({_BOOLEAN})",
        "self-managed-opt-outs-enabled": f"the phone number's SelfManagedOptOutsEnabled ({_BOOLEAN})",
        "opt-out-list-name": "the phone number's OptOutListName",
        "deletion-protection-enabled": f"the phone number's DeletionProtectionEnabled ({_BOOLEAN})",
        "two-way-channel-arn": "the phone number's TwoWayChannelArn",
    },
    "PoolFilterName": {  # service/pools.py _pool_filters
        "status": "the pool's Status ({PoolStatus})",
        "message-type": "the pool's MessageType ({MessageType})",
        "two-way-enabled": f"the pool's TwoWayEnabled ({_BOOLEAN})",
        "self-managed-opt-outs-enabled": f"the pool's SelfManagedOptOutsEnabled ({_BOOLEAN})",
        "opt-out-list-name": "the pool's OptOutListName",
        "shared-routes-enabled": f"the pool's SharedRoutesEnabled ({_BOOLEAN})",
        "deletion-protection-enabled": f"the pool's DeletionProtectionEnabled ({_BOOLEAN})",
        "two-way-channel-arn": "the pool's TwoWayChannelArn",
    },
    "PoolOriginationIdentitiesFilterName": {  # service/pools.py _MEMBER_FILTERS
        "iso-country-code": "the origination identity's IsoCountryCode (two letters, such as US)",
        "number-capability": "the origination identity's NumberCapabilities include this capability "
                             "({NumberCapability})",
    },
    "ProtectConfigurationFilterName": {  # service/protect.py describe_protect_configurations
        "account-default": f"the protect configuration's AccountDefault ({_BOOLEAN})",
        "deletion-protection-enabled": f"the protect configuration's DeletionProtectionEnabled ({_BOOLEAN})",
    },
    "ProtectConfigurationRuleSetNumberOverrideFilterName": {  # service/protect.py _override_filters
        "iso-country-code": "the override's IsoCountryCode (two letters, such as US)",
        "destination-phone-number-begins-with": "the override's DestinationPhoneNumber begins with these digits "
                                                "(a leading + is optional)",
        "action": "the override's Action ({ProtectConfigurationRuleOverrideAction})",
        "expires-before": "the override's ExpirationTimestamp is before this time (epoch seconds or ISO 8601, UTC "
                          "unless an offset is given); an override that never expires is not",
        "expires-after": "the override's ExpirationTimestamp is after this time; an override that never expires is",
        "created-before": "the override's CreatedTimestamp is before this time",
        "created-after": "the override's CreatedTimestamp is after this time",
    },
    "RegistrationAssociationFilterName": {  # service/registration_associations.py list_registration_associations
        "resource-type": "the association's ResourceType",
        "iso-country-code": "the association's IsoCountryCode (two letters, such as US)",
    },
    "RegistrationAttachmentFilterName": {  # service/registration_attachments.py describe_registration_attachments
        "attachment-status": "the attachment's AttachmentStatus ({AttachmentStatus})",
    },
    "RegistrationFilterName": {  # service/registrations.py describe_registrations
        "registration-type": "the registration's RegistrationType (one that DescribeRegistrationTypeDefinitions lists)",
        "registration-status": "the registration's RegistrationStatus ({RegistrationStatus})",
    },
    "RegistrationTypeFilterName": {  # service/registration_fields.py describe_registration_type_definitions
        "supported-association-resource-type": "one of the type's SupportedAssociations has this ResourceType",
        "supported-association-iso-country-code": "one of the type's SupportedAssociations has this IsoCountryCode",
    },
    "RegistrationVersionFilterName": {  # service/registrations.py describe_registration_versions
        "registration-version-status": "the version's RegistrationVersionStatus ({RegistrationVersionStatus})",
    },
    "SenderIdFilterName": {  # service/senderids.py _SENDER_FILTERS
        "sender-id": "the sender ID's SenderId",
        "iso-country-code": "the sender ID's IsoCountryCode (two letters, such as US)",
        "message-type": "the sender ID's MessageTypes include this type ({MessageType})",
        "deletion-protection-enabled": f"the sender ID's DeletionProtectionEnabled ({_BOOLEAN})",
        "registered": f"the sender ID's Registered ({_BOOLEAN})",
    },
    "VerifiedDestinationNumberFilterName": {  # service/verified.py _FILTERS
        "status": "the verified destination number's Status ({VerificationStatus})",
    },
}

COMBINE = {
    "all": "A filter matches when the record matches any one of its Values; a record is listed when it matches "
           "every filter given (the same Name twice is two filters).",
    "any": "A filter matches when the record matches any one of its Values; a record is listed when it matches "
           "any one of the filters given.",
}
ANY_OF_OPERATIONS = ("DescribeProtectConfigurations",)

EXAMPLES: dict[str, tuple[int, int, str]] = {  # the guide's numbering: shared/spec/seed-cli-examples.md
    "CreateVerifiedDestinationNumber": (1362, 1363, "Verify a destination phone number while in the sandbox"),  # E01
    "SendDestinationNumberVerificationCode": (1378, 1379, "Verify a destination phone number while in the sandbox"),
    "VerifyDestinationNumber": (1396, 1397, "Verify a destination phone number while in the sandbox"),  # E03
    "CreatePool": (3292, 3295, "Create a phone pool (AWS CLI)"),  # E04
    "DescribePools": (3363, 3365, "List phone pools (AWS CLI)"),  # E07: filters, corrected
    "DeletePool": (3394, 3395, "Delete a phone pool (AWS CLI)"),  # E08
    "AssociateOriginationIdentity": (3461, 3464, "Add a phone number or sender ID to a pool (AWS CLI)"),  # E09
    "ListPoolOriginationIdentities": (3488, 3489, "List origination identities (AWS CLI)"),  # E10
    "UpdatePool": (4124, 4125, "Change opt-out list (AWS CLI)"),  # E15
    "PutKeyword": (4024, 4028, "Add or edit a keyword (AWS CLI)"),  # E12
    "DescribeKeywords": (4049, 4050, "List keywords (AWS CLI)"),  # E13
    "DeleteKeyword": (4063, 4065, "Delete a keyword (AWS CLI)"),  # E14
    "TagResource": (4247, 4249, "Manage tags (AWS CLI)"),  # E16, corrected
    "UntagResource": (4262, 4264, "Manage tags (AWS CLI)"),  # E17, corrected
    "RequestPhoneNumber": (5840, 5848, "Request a phone number (AWS CLI)"),  # E18
    "UpdatePhoneNumber": (5930, 5936, "Modify phone number capabilities (AWS CLI)"),  # E19, corrected
    "DescribePhoneNumbers": (5997, 5999, "To view a filtered list of phone numbers using the AWS CLI"),  # E22, corrected
    "ReleasePhoneNumber": (6351, 6352, "Release a phone number from your Amazon Pinpoint SMS account (AWS CLI)"),
    "CreateConfigurationSet": (9658, 9659, "Creating a configuration set (AWS CLI)"),  # E35
    "DeleteConfigurationSet": (9677, 9678, "Deleting a configuration set (AWS CLI)"),  # E36
    "DescribeConfigurationSets": (9728, 9729, "Describe a configuration set (AWS CLI)"),  # E38
    "CreateEventDestination": (10328, 10334, "Create event destination (AWS CLI)"),  # E41
    "UpdateEventDestination": (10939, 10943, "Update an Amazon SNS event destination (AWS CLI)"),  # E48, corrected
    "DeleteEventDestination": (10446, 10448, "Delete an CloudWatch event destination (AWS CLI)"),  # E43
    "CreateOptOutList": (11071, 11072, "Create opt-out list (AWS CLI)"),  # E50
    "DescribeOptOutLists": (11095, 11096, "To view information about specific opt-out lists using the AWS CLI"),
    "DeleteOptOutList": (11120, 11121, "Delete opt-out list (AWS CLI)"),  # E53
    "PutOptedOutNumber": (11199, 11201, "Add a destination number (AWS CLI)"),  # E54
    "DeleteOptedOutNumber": (11237, 11239, "Remove a destination number (AWS CLI)"),  # E55
}

# operation -> ([(what the guide writes, what works), ...], the note shown with the example)
FIXES: dict[str, tuple[list[tuple[str, str]], str]] = {
    "DescribePools": ([("--filters Name=message-type,Values=TRANSACTIONAL --filters Name=two-way-enabled,Values=true",
                        "--filters Name=message-type,Values=TRANSACTIONAL Name=two-way-enabled,Values=true")],
                      "The guide gives --filters twice, and then the AWS CLI uses only the last one; for pools that "
                      "match both, give both filters after one --filters."),
    "DescribePhoneNumbers": ([("--filters Name=number-capability,Values=SMS --filters Name=iso-country-code,Values=CA",
                               "--filters Name=number-capability,Values=SMS Name=iso-country-code,Values=CA")],
                             "The guide gives --filters twice, and then the AWS CLI uses only the last one; for "
                             "numbers that match both, give both filters after one --filters."),
    "TagResource": ([("--tags tags={key1=value1,key2=value2}", "--tags Key=key1,Value=value1 Key=key2,Value=value2")],
                    "The guide writes --tags tags={key1=value1,key2=value2}, which the AWS CLI refuses "
                    "(a Tag's members are Key and Value)."),
    "UntagResource": ([("--tag-keys tags={key1=value1,key2=value2}", "--tag-keys key1 key2")],
                      "The guide writes --tag-keys tags={key1=value1,key2=value2}, which names one tag key, "
                      "\"tags={key1=value1,key2=value2}\"."),
    "UpdateEventDestination": ([("--matching-event types", "--matching-event-types")],
                               "The guide writes --matching-event types, which the AWS CLI reads as "
                               "--matching-event-types with two values, types and eventTypes."),
    "UpdatePhoneNumber": ([(f"--{name} true", f"--{name}")
                           for name in ("deletion-protection-enabled", "self-managed-opt-outs-enabled", "two-way-enabled")],
                          "The guide writes --deletion-protection-enabled true, --self-managed-opt-outs-enabled true "
                          "and --two-way-enabled true, which the AWS CLI refuses: a boolean option takes no value "
                          "(--no-two-way-enabled is false)."),
}
