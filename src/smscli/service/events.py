"""Event records of sent messages, as the user guide documents them, and their delivery to the event
destinations of the message's configuration set.

"If you don't specify a configuration set with an event destination, the API doesn't emit event
records": a send without a configuration set produces none. Each record goes to every enabled
destination whose MatchingEventTypes include its type (or ALL, or TEXT_ALL / VOICE_ALL / MEDIA_ALL),
and is kept in the `events` collection as {ConfigurationSetName, EventDestinationName, Event} for
`smscli sim events`. The simulated carrier answers at once: a text goes SUCCESSFUL (accepted by the
carrier) then DELIVERED, a call INITIATED, RINGING, ANSWERED, COMPLETED; messages to a destination
simulator's failure number end UNREACHABLE (text, media) or FAILED (voice).
"""

from __future__ import annotations

from smscli.service.region import Region

EVENTS = "events"
EVENT_VERSION = "1.0"

_TEXT_STATUS = {
    "SUCCESSFUL": "Message has been accepted by phone carrier",
    "DELIVERED": "Message has been delivered to the recipient's device",
    "UNREACHABLE": "The recipient's device is unavailable or turned off",
}
_VOICE_STATUS = {
    "INITIATED": "The call has been initiated",
    "RINGING": "The recipient's phone is ringing",
    "ANSWERED": "The recipient answered the call",
    "COMPLETED": "The voice message was played to the recipient",
    "FAILED": "The call could not be completed",
}


def text_events(message: dict, *, failed: bool, media: bool = False) -> list[dict]:
    """The records of a text (or media) message: successful then delivered, or unreachable."""
    prefix = "MEDIA" if media else "TEXT"
    statuses = ["UNREACHABLE"] if failed else ["SUCCESSFUL", "DELIVERED"]
    records = []
    for index, status in enumerate(statuses):
        record = {
            "eventType": f"{prefix}_{status}",
            "eventVersion": EVENT_VERSION,
            "eventTimestamp": _millis(message["CreatedTimestamp"]) + index,
            "isFinal": index == len(statuses) - 1,
            "originationPhoneNumber": message["OriginationPhoneNumber"],
            "destinationPhoneNumber": message["DestinationPhoneNumber"],
            "isoCountryCode": message["IsoCountryCode"],
            "messageId": message["MessageId"],
            "messageRequestTimestamp": _millis(message["CreatedTimestamp"]),
        }
        if not media:
            record["messageEncoding"] = "GSM" if message.get("Encoding") == "GSM-7" else "Unicode"
        record.update({
            "messageType": message["MessageType"],
            "messageStatus": status,
            "messageStatusDescription": _TEXT_STATUS[status],
        })  # fmt: skip
        if message.get("Context"):
            record["context"] = message["Context"]
        if media:
            record["mediaUrls"] = message.get("MediaUrls", [])
        else:
            record["totalMessageParts"] = message["MessageParts"]
        record["totalMessagePrice"] = message["Price"]
        record["totalCarrierFee"] = 0.0
        records.append(record)
    return records


def voice_events(message: dict, *, failed: bool) -> list[dict]:
    statuses = ["INITIATED", "FAILED"] if failed else ["INITIATED", "RINGING", "ANSWERED", "COMPLETED"]
    records = []
    for index, status in enumerate(statuses):
        final = index == len(statuses) - 1
        record = {
            "eventType": f"VOICE_{status}",
            "eventVersion": EVENT_VERSION,
            "eventTimestamp": _millis(message["CreatedTimestamp"]) + index,
            "isFinal": final,
            "originationPhoneNumber": message["OriginationPhoneNumber"],
            "destinationPhoneNumber": message["DestinationPhoneNumber"],
            "isoCountryCode": message["IsoCountryCode"],
            "messageId": message["MessageId"],
            "messageRequestTimestamp": _millis(message["CreatedTimestamp"]),
            "messageStatus": status,
            "messageStatusDescription": _VOICE_STATUS[status],
        }
        if final and status == "COMPLETED":
            record["callDurationInSeconds"] = message["CallDurationSeconds"]
            record["totalDurationInMinutes"] = message["BilledMinutes"]
        if message.get("Context"):
            record["context"] = message["Context"]
        record["totalMessagePrice"] = message["Price"] if final else 0.0
        records.append(record)
    return records


def _millis(seconds: float) -> int:
    return int(round(seconds * 1000))


def deliver(region: Region, configuration_set: dict | None, records: list[dict]) -> None:
    """Give each record to every enabled, matching event destination of the configuration set."""
    if configuration_set is None:
        return
    from smscli.service.configsets import matching_destinations

    events = region.collection(EVENTS)
    for record in records:
        for destination in matching_destinations(configuration_set, record["eventType"]):
            events[str(len(events) + 1)] = {
                "ConfigurationSetName": configuration_set["ConfigurationSetName"],
                "EventDestinationName": destination["EventDestinationName"],
                "Event": record,
            }
