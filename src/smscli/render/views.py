"""Per-result table views: which columns a list of records shows, in which order, under which headings.

The table renderer looks a list of records up here by the member name that holds it (``"PhoneNumbers"``,
``"Pools"``, ``"EventDestinations"``...; the name is the same at any depth of the response). Without a
view, every scalar or compact member becomes a column, in first-seen order. With one, only the view's
columns are shown, in the view's order; members left out are counted in a caption under the table, so
nothing disappears silently. Members too deep for a cell still get their own sub-tables either way.

Registering a view for a new result is one line in ``VIEWS``::

    "PhoneNumbers": View.of("PhoneNumber", "Status", ("NumberCapabilities", "Capabilities"), "PoolId"),

This module is pure data: it imports neither Rich nor anything else heavy.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    """One column of a view: the record member it shows, optionally its heading, and for long ids
    how many characters to keep (the cell then ends with "…"; the caption says ids are shortened)."""

    member: str
    heading: str = ""
    shorten: int = 0

    @property
    def label(self) -> str:
        return self.heading or self.member


@dataclass(frozen=True)
class View:
    """The columns shown for one kind of record list, in display order. A compact view is drawn
    without vertical rules, which leaves room for more columns at 80 characters."""

    columns: tuple[Column, ...]
    compact: bool = False

    @classmethod
    def of(cls, *specs: str | tuple, compact: bool = False) -> View:
        """Build a view from member names or ``(member, heading[, shorten])`` tuples."""
        return cls(tuple(Column(s) if isinstance(s, str) else Column(*s) for s in specs), compact)


# Long ids (pool-<32 hex>) shortened in compact views: enough to tell them apart at a glance.
_ID = 10

VIEWS: dict[str, View] = {
    "OptOutLists": View.of("OptOutListName", "CreatedTimestamp", "OptOutListArn"),
    "PhoneNumbers": View.of(
        ("PhoneNumber", "Number"), ("NumberType", "Type"), ("IsoCountryCode", "ISO"), "Status",
        ("NumberCapabilities", "Caps"), ("PoolId", "Pool", _ID), ("OptOutListName", "Opt-out"),
        ("DeletionProtectionEnabled", "Prot."), compact=True,
    ),
    "Pools": View.of(
        ("PoolId", "Pool", _ID), "Status", ("MessageType", "Type"), ("OptOutListName", "Opt-out"),
        ("TwoWayEnabled", "2-way"), ("SelfManagedOptOutsEnabled", "Self-mgd"), ("DeletionProtectionEnabled", "Prot."),
        compact=True,
    ),
    "OriginationIdentities": View.of(
        ("OriginationIdentity", "Identity"), ("PhoneNumber", "Number"), ("IsoCountryCode", "ISO"),
        ("NumberCapabilities", "Capabilities"), compact=True,
    ),
    "SenderIds": View.of(
        "SenderId", ("IsoCountryCode", "ISO"), ("MessageTypes", "Message types"), "Registered",
        ("DeletionProtectionEnabled", "Protected"), compact=True,
    ),
    "Keywords": View.of("Keyword", ("KeywordAction", "Action"), ("KeywordMessage", "Message")),
    "Messages": View.of(
        ("MessageId", "Message", _ID), "Channel", ("OriginationPhoneNumber", "From"), ("DestinationPhoneNumber", "To"),
        "Status", ("MessageParts", "Parts"), "Price", ("MessageBody", "Body"), compact=True,
    ),
    "Registrations": View.of(
        ("RegistrationId", "Registration", 21), ("RegistrationType", "Type"), ("RegistrationStatus", "Status"),
        ("CurrentVersionNumber", "Ver"), compact=True,
    ),
    "RegistrationAssociations": View.of(
        ("ResourceId", "Resource"), ("ResourceType", "Type"), ("IsoCountryCode", "ISO"), ("PhoneNumber", "Number"),
        compact=True,
    ),
    "RegistrationFieldDefinitions": View.of(
        ("FieldPath", "Field"), ("FieldType", "Type"), ("FieldRequirement", "Requirement"), compact=True,
    ),
    "ConfigurationSets": View.of(
        ("ConfigurationSetName", "Name"), ("DefaultMessageType", "Msg type"), ("DefaultSenderId", "Sender ID"),
        ("ProtectConfigurationId", "Protect", 18), ("DefaultMessageFeedbackEnabled", "Feedback"),
        ("CreatedTimestamp", "Created"), compact=True,
    ),
    "VerifiedDestinationNumbers": View.of(
        ("VerifiedDestinationNumberId", "Verified", 19), ("DestinationPhoneNumber", "Number"), "Status",
        ("CreatedTimestamp", "Created"), compact=True,
    ),
    "ProtectConfigurations": View.of(
        ("ProtectConfigurationId", "Protect configuration", 18), ("AccountDefault", "Default"),
        ("DeletionProtectionEnabled", "Prot."), ("CreatedTimestamp", "Created"), compact=True,
    ),
    "RuleSetNumberOverrides": View.of(
        ("DestinationPhoneNumber", "Number"), "Action", ("IsoCountryCode", "ISO"), ("ExpirationTimestamp", "Expires"),
        compact=True,
    ),
    "RegistrationAttachments": View.of(
        ("RegistrationAttachmentId", "Attachment"), ("AttachmentStatus", "Status"), ("CreatedTimestamp", "Created"),
        compact=True,
    ),
    "RegistrationVersions": View.of(
        ("VersionNumber", "Version"), ("RegistrationVersionStatus", "Status"), ("DeniedReasons", "Denied"),
        compact=True,
    ),
    "RegistrationFieldValues": View.of(
        ("FieldPath", "Field"), ("TextValue", "Text"), ("SelectChoices", "Choices"),
        ("RegistrationAttachmentId", "Attachment", 21), ("DeniedReason", "Denied"), compact=True,
    ),
}
