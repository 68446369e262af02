"""Per-result table views: which columns a list of records shows, in which order, and which go first
when the terminal is too narrow for all of them.

The table renderer looks a list of records up here by the member name that holds it (``"PhoneNumbers"``,
``"Pools"``, ``"EventDestinations"``...; the name is the same at any depth of the response). A record's
members are read as dotted paths: a member holding a dict too big for one cell is read member by member
(``"DisplayHints.Title"``, ``"Event.eventType"``).

A view lists its columns in display order; the first is the record's primary id, shown in full and never
dropped. Every other member of the records is shown too, after the view's columns, as long as the width
holds it. When it does not, columns are taken by rank (``rank=``, else the display order; members the
view does not name come last) while they fit, and the caption names the ones left out: "3 fields hidden
(PoolArn, SharedRoutesEnabled, CreatedTimestamp): --output json shows them".

A column is one of three kinds, which decide how narrow it may get (layout.py applies them):

* plain (the default): ids, ARNs, numbers, timestamps, enums, booleans: always its full width, one line;
* ``words(...)``: lists of short values: wraps between its words, never inside one;
* ``text(...)``: free text (message bodies, descriptions): wraps anywhere, or in a ``one_line`` view is
  cut with "…" (the caption says so).

``one_line=True`` marks tall results (``sim messages``, ``sim events``, field definitions): one line per
record, and members too deep for a cell are counted as hidden rather than given sub-tables per record.

``NOUNS`` names what an empty list holds where the automatic name (``"PhoneNumbers"`` -> "phone numbers")
reads wrong: an empty list prints "No phone numbers." instead of a table.

This module is pure data: it imports neither Rich nor anything else heavy.
"""

from __future__ import annotations

from dataclasses import dataclass

PLAIN, WORDS, TEXT = "plain", "words", "text"


@dataclass(frozen=True)
class Column:
    """One column: the record member (a dotted path) it shows, its heading, its kind, and for epoch
    milliseconds (the event records' ``eventTimestamp``) ``millis=True`` to show them as ISO 8601."""

    member: str
    heading: str = ""
    kind: str = PLAIN
    millis: bool = False
    also: tuple[str, ...] = ()  # members shown in the same column when ``member`` is absent

    @property
    def label(self) -> str:
        return self.heading or self.member

    @property
    def members(self) -> tuple[str, ...]:
        return (self.member, *self.also)


def words(member: str, heading: str = "", also: tuple[str, ...] = ()) -> Column:
    return Column(member, heading, WORDS, also=also)


def text(member: str, heading: str = "", also: tuple[str, ...] = ()) -> Column:
    return Column(member, heading, TEXT, also=also)


def millis(member: str, heading: str = "") -> Column:
    return Column(member, heading, millis=True)


@dataclass(frozen=True)
class View:
    """The columns of one kind of record list in display order (the first is the primary id), the order
    in which they are kept when not all fit, and whether records stay one line each."""

    columns: tuple[Column, ...]
    rank: tuple[str, ...] = ()
    one_line: bool = False

    @classmethod
    def of(cls, *specs: str | tuple | Column, rank: tuple[str, ...] = (), one_line: bool = False) -> View:
        """Build a view from member names, ``(member, heading)`` tuples or ``Column``s; ``rank`` lists
        members most important first (the id always comes first; unnamed columns follow in display order)."""
        columns = tuple(s if isinstance(s, Column) else Column(s) if isinstance(s, str) else Column(*s) for s in specs)
        return cls(columns, rank, one_line)

    @property
    def key(self) -> str:
        return self.columns[0].member

    def ranked(self) -> list[str]:
        """Members of the view's columns, most important first."""
        order = [self.key] + [m for m in self.rank if m != self.key]
        return order + [c.member for c in self.columns if c.member not in order]


VIEWS: dict[str, View] = {
    "AccountAttributes": View.of("Name", "Value"),
    "AccountLimits": View.of("Name", "Used", "Max"),
    "SpendLimits": View.of("Name", ("EnforcedLimit", "Enforced"), ("MaxLimit", "Max"), "Overridden"),
    "OptOutLists": View.of("OptOutListName", ("CreatedTimestamp", "Created"), "OptOutListArn"),
    "OptedOutNumbers": View.of("OptedOutNumber", ("OptedOutTimestamp", "Opted out"), ("EndUserOptedOut", "By end user")),
    "PhoneNumbers": View.of(
        "PhoneNumberId", ("PhoneNumber", "Number"), "Status", ("NumberType", "Type"), ("IsoCountryCode", "ISO"),
        ("NumberCapabilities", "Caps"), "PoolId", ("OptOutListName", "Opt-out"), ("MessageType", "Msg type"),
        ("TwoWayEnabled", "2-way"), ("SelfManagedOptOutsEnabled", "Self-mgd"), ("DeletionProtectionEnabled", "Prot."),
        "RegistrationId", ("MonthlyLeasingPrice", "Monthly"), ("CreatedTimestamp", "Created"),
    ),
    "Pools": View.of(
        "PoolId", "Status", ("MessageType", "Msg type"), ("OptOutListName", "Opt-out"), ("TwoWayEnabled", "2-way"),
        ("SelfManagedOptOutsEnabled", "Self-mgd"), ("SharedRoutesEnabled", "Shared"),
        ("DeletionProtectionEnabled", "Prot."), ("CreatedTimestamp", "Created"),
    ),
    "OriginationIdentities": View.of(
        "OriginationIdentity", ("PhoneNumber", "Number"), ("IsoCountryCode", "ISO"), ("NumberCapabilities", "Caps"),
    ),
    "SenderIds": View.of(
        "SenderId", ("IsoCountryCode", "ISO"), ("MessageTypes", "Msg types"), "Registered",
        ("DeletionProtectionEnabled", "Prot."), ("MonthlyLeasingPrice", "Monthly"), "RegistrationId",
    ),
    "Keywords": View.of("Keyword", ("KeywordAction", "Action"), text("KeywordMessage", "Message")),
    "ConfigurationSets": View.of(
        "ConfigurationSetName", ("DefaultMessageType", "Msg type"), ("DefaultSenderId", "Sender ID"),
        ("DefaultMessageFeedbackEnabled", "Feedback"), "ProtectConfigurationId", ("CreatedTimestamp", "Created"),
    ),
    "EventDestinations": View.of(
        "EventDestinationName", "Enabled", words("MatchingEventTypes", "Event types"),
        words("SnsDestination", "Destination", also=("CloudWatchLogsDestination", "KinesisFirehoseDestination")),
    ),
    "VerifiedDestinationNumbers": View.of(
        "VerifiedDestinationNumberId", ("DestinationPhoneNumber", "Number"), "Status", ("CreatedTimestamp", "Created"),
    ),
    "ProtectConfigurations": View.of(
        "ProtectConfigurationId", ("AccountDefault", "Default"), ("DeletionProtectionEnabled", "Prot."),
        ("CreatedTimestamp", "Created"),
    ),
    "RuleSetNumberOverrides": View.of(
        "DestinationPhoneNumber", "Action", ("IsoCountryCode", "ISO"), ("ExpirationTimestamp", "Expires"),
        ("CreatedTimestamp", "Created"),
    ),
    "Registrations": View.of(
        "RegistrationId", ("RegistrationType", "Type"), ("RegistrationStatus", "Status"),
        ("CurrentVersionNumber", "Version"), ("ApprovedVersionNumber", "Approved"),
        ("LatestDeniedVersionNumber", "Denied"), ("CreatedTimestamp", "Created"),
        rank=("RegistrationStatus", "CurrentVersionNumber", "RegistrationType"),
    ),
    "RegistrationAssociations": View.of(
        "ResourceId", ("ResourceType", "Type"), ("IsoCountryCode", "ISO"), ("PhoneNumber", "Number"),
    ),
    "RegistrationAttachments": View.of(
        "RegistrationAttachmentId", ("AttachmentStatus", "Status"), ("CreatedTimestamp", "Created"),
        text("AttachmentUploadErrorReason", "Upload error"),
    ),
    "RegistrationVersions": View.of(
        ("VersionNumber", "Version"), ("RegistrationVersionStatus", "Status"), *(
            (f"RegistrationVersionStatusHistory.{status}Timestamp", status) for status in
            ("Draft", "Submitted", "AwsReviewing", "Reviewing", "Approved", "Denied", "Discarded", "Archived")
        ), text("Feedback"),
        rank=("RegistrationVersionStatus", "RegistrationVersionStatusHistory.SubmittedTimestamp",
              "RegistrationVersionStatusHistory.ApprovedTimestamp", "RegistrationVersionStatusHistory.DeniedTimestamp",
              "Feedback"),
    ),
    "DeniedReasons": View.of(
        "Reason", text("ShortDescription", "Description"), text("LongDescription", "Details"),
        ("DocumentationTitle", "Documentation"), "DocumentationLink",
    ),
    "RegistrationFieldValues": View.of(
        # a field holds text, choices or an attachment: one Value column (ids in it may fold at 80 columns)
        "FieldPath", text("TextValue", "Value", also=("SelectChoices", "RegistrationAttachmentId")),
        text("DeniedReason", "Denied"), text("Feedback"),
    ),
    "RegistrationFieldDefinitions": View.of(
        "FieldPath", ("FieldType", "Type"), ("FieldRequirement", "Requirement"), text("DisplayHints.Title", "Title"),
        text("SelectValidation.Options", "Options"), text("DisplayHints.ShortDescription", "Description"),
        one_line=True,
    ),
    "RegistrationSectionDefinitions": View.of(
        "SectionPath", text("DisplayHints.Title", "Title"), text("DisplayHints.ShortDescription", "Description"),
    ),
    "RegistrationTypeDefinitions": View.of(
        "RegistrationType", text("DisplayHints.Title", "Title"), text("DisplayHints.ShortDescription", "Description"),
    ),
    "SupportedAssociations": View.of(
        "ResourceType", ("IsoCountryCode", "ISO"), ("AssociationBehavior", "Association"),
        ("DisassociationBehavior", "Disassociation"),
    ),
    "Tags": View.of("Key", text("Value")),
    # smscli sim messages / sim events
    "Messages": View.of(
        "MessageId", ("DestinationPhoneNumber", "To"), "Status", text("MessageBody", "Body"), "Channel",
        ("OriginationIdentity", "From"), ("ConfigurationSetName", "Configuration set"), ("MessageType", "Msg type"),
        ("MessageParts", "Parts"), "Price", ("CreatedTimestamp", "Created"),
        rank=("DestinationPhoneNumber", "Status", "MessageBody", "Channel", "OriginationIdentity"), one_line=True,
    ),
    "Events": View.of(
        ("Event.messageId", "MessageId"), ("Event.eventType", "Event type"), ("EventDestinationName", "Destination"),
        millis("Event.eventTimestamp", "Time"), ("Event.destinationPhoneNumber", "To"),
        ("ConfigurationSetName", "Configuration set"), ("Event.isFinal", "Final"),
        text("Event.messageStatusDescription", "Status description"),
        one_line=True,
    ),
}

NOUNS: dict[str, str] = {
    "OptOutLists": "opt-out lists",
    "OptedOutNumbers": "opted-out numbers",
    "SenderIds": "sender IDs",
    "NumberCapabilities": "number capabilities",
}
