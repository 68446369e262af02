"""The local outbox: every message the simulated service "sent" (text, voice, media, verification
codes and automatic keyword replies), kept in the `messages` collection by MessageId, in send order.

A record holds what `smscli sim messages` shows: MessageId, Channel (TEXT | VOICE | MEDIA),
OriginationIdentity (the identity the send named, or the one chosen), OriginationPhoneNumber (the
number or sender ID the recipient sees), DestinationPhoneNumber, MessageBody, Encoding (GSM-7 |
UCS-2, text only), MessageParts, MessageType, Status, Price (USD), ConfigurationSetName, Context,
MediaUrls, Source ("send", "verification", "keyword-reply"), CreatedTimestamp, plus the feedback
record of messages sent with MessageFeedbackEnabled.
"""

from __future__ import annotations

from smscli.service.region import Region

MESSAGES = "messages"


def new_message_id(region: Region) -> str:
    """A UUID-shaped message id, as the service returns."""
    hex_ = region.context.new_hex()
    return f"{hex_[:8]}-{hex_[8:12]}-{hex_[12:16]}-{hex_[16:20]}-{hex_[20:32]}"


def record_message(region: Region, message_id: str, **fields) -> dict:
    """Store one sent message (None members are left out) and return its record."""
    record = {"MessageId": message_id, **{key: value for key, value in fields.items() if value is not None}}
    record.setdefault("CreatedTimestamp", region.now())
    region.collection(MESSAGES)[message_id] = record
    return record
