"""What only a simulation can show or do, for `smscli sim`: the messages "sent", the events each event
destination received, and a customer texting one of our numbers (inbound two-way SMS).

Inbound handling, as the service does it (user guide, two-way guide):
- the keyword is the start of the message, case-insensitive: its first word ("Stop." and "STOP me"
  are STOP; punctuation after the word is ignored), or a whole keyword phrase;
- a number in a pool answers with the pool's keywords and settings;
- OPT_OUT keywords put the customer on the opt-out list (EndUserOptedOut true) and answer with the
  keyword's message, OPT_IN keywords take the customer off it and answer, AUTOMATIC_RESPONSE keywords
  answer; with self-managed opt-outs on, nothing is automatic: the message only goes to the two-way
  channel;
- with two-way enabled, the message is published to the two-way channel in the documented payload
  shape (originationNumber, destinationNumber, messageKeyword, messageBody, inboundMessageId,
  previousPublishedMessageId); smscli keeps it in the `inbound` collection;
- an answer is a real (simulated) outbound text: it is in the outbox and costs like one.
"""

from __future__ import annotations

from smscli.service import account, prices
from smscli.service.errors import ResourceNotFoundException
from smscli.service.events import EVENTS
from smscli.service.identities import NUMBERS, POOLS
from smscli.service.optout import LISTS
from smscli.service.outbox import MESSAGES, new_message_id, record_message
from smscli.service.region import Region
from smscli.service.sending import feedback_status

INBOUND = "inbound"
_TRAILING_PUNCTUATION = ".,!?;:"


def messages(region: Region, message_id: str | None = None, destination: str | None = None) -> list[dict]:
    found = []
    for message in region.collection(MESSAGES).values():
        if message_id and message["MessageId"] != message_id:
            continue
        if destination and message["DestinationPhoneNumber"] != destination:
            continue
        status = feedback_status(region, message)
        found.append({**message, "MessageFeedbackStatus": status} if status else message)
    return found


def delivered_events(region: Region, message_id: str | None = None, destination_name: str | None = None,
                     destination_number: str | None = None) -> list[dict]:
    """What the event destinations received, oldest first: of one message, one event destination, or
    about one recipient's number."""
    return [
        entry
        for entry in region.collection(EVENTS).values()
        if (not message_id or entry["Event"]["messageId"] == message_id)
        and (not destination_name or entry["EventDestinationName"] == destination_name)
        and (not destination_number or entry["Event"].get("destinationPhoneNumber") == destination_number)
    ]  # fmt: skip


def matching_keyword(keywords: dict, body: str) -> dict | None:
    """The keyword a message starts with, the longest first; None when none matches."""
    text = body.strip().upper()
    for key in sorted(keywords, key=len, reverse=True):
        if text == key or (text.startswith(key) and (text[len(key)] in " \t\n" or text[len(key)] in _TRAILING_PUNCTUATION)):
            return keywords[key]
    return None


def inbound(region: Region, customer: str, our_number: str, body: str) -> dict:
    number = next((n for n in region.collection(NUMBERS).values() if n["PhoneNumber"] == our_number), None)
    if number is None:
        raise ResourceNotFoundException(
            f"The account has no phone number {our_number} in {region.name}.", resource_type="phone-number", resource_id=our_number
        )
    owner = region.collection(POOLS)[number["PoolId"]] if number.get("PoolId") else number
    keyword = matching_keyword(owner["keywords"], body)
    action = keyword["KeywordAction"] if keyword else None
    self_managed = bool(owner.get("SelfManagedOptOutsEnabled"))
    outcome = {"Keyword": keyword["Keyword"] if keyword else None, "Action": action, "SelfManagedOptOuts": self_managed,
               "OptOutListName": owner["OptOutListName"], "OptedOut": None, "Reply": None}  # fmt: skip
    if keyword and not self_managed:
        if action == "OPT_OUT":
            outcome["OptedOut"] = _opt_out(region, owner["OptOutListName"], customer)
        elif action == "OPT_IN":
            _opt_in(region, owner["OptOutListName"], customer)
            outcome["OptedOut"] = False
        outcome["Reply"] = _reply(region, number, customer, keyword["KeywordMessage"])
    payload = _two_way_payload(region, number, customer, body, keyword)
    outcome["InboundMessage"] = payload
    outcome["TwoWayChannelArn"] = owner.get("TwoWayChannelArn") if owner.get("TwoWayEnabled") else None
    if outcome["TwoWayChannelArn"]:
        region.collection(INBOUND)[payload["inboundMessageId"]] = {"TwoWayChannelArn": outcome["TwoWayChannelArn"], **payload}
    return outcome


def _opt_out(region: Region, list_name: str, customer: str) -> bool:
    entries = region.collection(LISTS)[list_name]["numbers"]
    entries[customer] = {"OptedOutNumber": customer, "OptedOutTimestamp": region.now(), "EndUserOptedOut": True}
    return True


def _opt_in(region: Region, list_name: str, customer: str) -> None:
    """Take the customer off the list (nothing to do when they are not on it)."""
    region.collection(LISTS)[list_name]["numbers"].pop(customer, None)


def _reply(region: Region, number: dict, customer: str, text: str) -> dict:
    from smscli.service.phones import destination_country
    from smscli.sms.segments import segment

    segmentation = segment(text)
    iso = destination_country(customer) or number["IsoCountryCode"]
    price = round(prices.sms_part_price(iso) * segmentation.message_parts, 5)
    message = record_message(
        region, new_message_id(region), Channel="TEXT", Source="keyword-reply", OriginationIdentity=number["PhoneNumberId"],
        OriginationPhoneNumber=number["PhoneNumber"], DestinationPhoneNumber=customer, IsoCountryCode=iso, MessageBody=text,
        Encoding=segmentation.encoding, MessageParts=segmentation.message_parts, MessageType="TRANSACTIONAL",
        Status="DELIVERED", Price=price,
    )  # fmt: skip
    account.add_spend(region, "TEXT", price)
    return message


def _two_way_payload(region: Region, number: dict, customer: str, body: str, keyword: dict | None) -> dict:
    previous = [m for m in region.collection(MESSAGES).values()
                if m["DestinationPhoneNumber"] == customer and m.get("OriginationPhoneNumber") == number["PhoneNumber"]
                and m.get("Source") != "keyword-reply"]  # fmt: skip
    payload = {
        "originationNumber": customer,
        "destinationNumber": number["PhoneNumber"],
        "messageKeyword": keyword["Keyword"] if keyword else None,
        "messageBody": body,
        "inboundMessageId": new_message_id(region),
    }
    if previous:
        payload["previousPublishedMessageId"] = previous[-1]["MessageId"]
    return payload
