"""Sending: SendTextMessage, SendVoiceMessage, SendMediaMessage, and PutMessageFeedback.

Every check a real send makes runs, in this order, each with the service's exception and Reason
(API reference; the API digest's recommended pipeline where the reference lists errors but no order):
 1. the body: text within 1530 GSM-7 septets / 630 UCS-2 code units (parts counted by smscli.sms, the same
    segmenter as `smscli parts`); voice TEXT within 3,000 characters and SSML within 3,000 spoken
    (6,000 with tags); media with a body or a media file of a supported type (MAXIMUM_SIZE_EXCEEDED,
    MISSING_PARAMETER, MEDIA_TYPE_NOT_SUPPORTED);
 2. the destination: a number of a known country, not one the service can't send to (Cuba, Iran,
    North Korea, Syria, Sudan: DESTINATION_COUNTRY_BLOCKED);
 3. the configuration set and protect configuration exist (ResourceNotFoundException);
 4. the origination identity: as named (E.164 number, phone number id/ARN, sender ID/ARN, pool id/ARN)
    or, for text without one, an ACTIVE number of the destination's country, else a sender ID there,
    else the configuration set's default sender ID (NO_ORIGINATION_IDENTITIES_FOUND when none fits; when
    the only numbers that could are simulator numbers, the message says they reach only simulators);
    a pool sends from its first member that fits; ACTIVE (RESOURCE_NOT_ACTIVE); the channel's
    capability (VOICE_CAPABILITY_NOT_AVAILABLE, NUMBER_CAPABILITIES_MISMATCH); no sender IDs for voice;
 5. the identity reaches the destination: same country unless the number may send abroad
    (INTERNATIONAL_SENDING_NOT_SUPPORTED, INVALID_IDENTITY_FOR_DESTINATION_COUNTRY); a SIMULATOR number
    sends only to destination simulators of its country; inbound-only long codes don't send;
 6. the sandbox (a new account's tier): only VERIFIED verified destination numbers and destination
    simulators (Conflict DESTINATION_PHONE_NUMBER_NOT_VERIFIED); voice only to the sandbox countries;
 7. opt-outs: the opt-out list of the pool or number used holds the destination (Conflict
    DESTINATION_PHONE_NUMBER_OPTED_OUT), unless opt-outs are self-managed; a number in a pool uses its
    pool's list and setting however it is named (the pool, the number's id, ARN or E.164 number, or
    chosen for a send without an identity: identities.settings_owner); a sender ID named directly
    respects Default and the list of every pool holding it (so a customer who opted out through a pool
    is not reached through its sender ID);
    a configuration set's default sender ID uses the Default list;
 7b. the protect configuration in effect (the message's, else the configuration set's, else the
    account default) lets the message through: a number override first, then the country rule
    (protect.check_send);
 8. price: MaxPrice (per text part, per MMS) or MaxPricePerMinute (PRICE_OVER_THRESHOLD), from the
    illustrative table in prices.py;
 9. the month's spend limit of the channel (ServiceQuotaExceededException
    MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT/VOICE/MEDIA); voice: the account's voice quotas
    (account.check_voice_calls: the sandbox's 20 a day, 5 per recipient a day, 5 or 20 calls a minute)
    and, with the body (1), the message's length (account.check_voice_length: 30 seconds in the sandbox,
    5 minutes out of it).
DryRun stops there: it returns a MessageId and records nothing (no message, event or spend).
Otherwise the message goes to the outbox, the spend is added, its events go to the configuration
set's destinations (events.py), and with feedback enabled (the request, else the set's default) it
waits for PutMessageFeedback: RECEIVED or FAILED, and FAILED on its own after an hour.
"""

from __future__ import annotations

import re
from collections import namedtuple

from smscli.service import account, arns, events, protect
from smscli.service.configsets import find_configuration_set
from smscli.service.countries import country, place_name
from smscli.service.errors import ConflictException, ValidationException, not_found
from smscli.service.identities import NUMBERS, PHONE_NUMBER, POOL, SENDER_ID, SENDER_IDS, find_pool, pools_holding, sender_key, settings_owner, simulators_only
from smscli.service.optout import LISTS
from smscli.service.outbox import MESSAGES, new_message_id, record_message
from smscli.service.phones import destination_country
from smscli.service.region import Region
from smscli.service.simulators import FAILURE, simulator
from smscli.service.verified import is_verified
from smscli.service import prices

TEXT, VOICE, MEDIA = "TEXT", "VOICE", "MEDIA"
CAPABILITY = {TEXT: "SMS", VOICE: "VOICE", MEDIA: "MMS"}
# Where the service can't send (user guide), by dialing code: these countries are not in its table.
UNREACHABLE_COUNTRIES = {"53": "Cuba", "98": "Iran", "850": "North Korea", "963": "Syria", "249": "Sudan"}
VOICE_SANDBOX_COUNTRIES = ("AU", "CA", "DE", "HK", "IL", "JP", "MX", "SG", "SE", "US", "GB")
MEDIA_TYPES = ("jpg", "jpeg", "png", "gif", "bmp", "mp4", "3gp", "mov", "mp3", "wav", "amr", "ogg", "vcf", "pdf", "txt")
MAX_VOICE_SPOKEN, MAX_VOICE_TOTAL = 3000, 6000
DEFAULT_VOICE_ID = "MATTHEW"
FEEDBACK_TIMEOUT_SECONDS = 3600
_US_IDENTITY_REACH = ("US", "PR", "VI", "GU", "AS")  # where US toll-free and 10DLC numbers can send

# What sends: kind ("phone-number", "sender-id", "default-sender-id"), the number or sender ID record
# (None for a default sender ID), the pool it was chosen from (or None), what the recipient sees.
Origin = namedtuple("Origin", "kind record pool shown")


def _invalid(member: str, message: str, reason: str) -> ValidationException:
    return ValidationException(message, reason=reason, fields=[{"Name": member, "Message": message}])


def _conflict(message: str, reason: str, resource_type: str, resource_id: str) -> ConflictException:
    return ConflictException(message, reason=reason, resource_type=resource_type, resource_id=resource_id)


# ---------------------------------------------------------------------------------------------
# 1. Bodies


def _text_body(request: dict):
    from smscli.sms.segments import SERVICE_LIMIT_UNITS, UNIT_NAMES, segment

    body = request.get("MessageBody")
    if body is None:
        raise _invalid("MessageBody", "A text message needs a MessageBody.", "MISSING_PARAMETER")
    segmentation = segment(body)
    if not segmentation.fits_service_limit:
        raise _invalid(
            "MessageBody",
            f"The message is {segmentation.units} {UNIT_NAMES[segmentation.encoding]} of {segmentation.encoding}: more "
            f"than the service sends in one message ({SERVICE_LIMIT_UNITS[segmentation.encoding]}).",
            "MAXIMUM_SIZE_EXCEEDED",
        )
    return segmentation


def _spoken(request: dict) -> str:
    body = request.get("MessageBody")
    if body is None:
        raise _invalid("MessageBody", "A voice message needs a MessageBody.", "MISSING_PARAMETER")
    ssml = request.get("MessageBodyTextType") == "SSML"
    spoken = re.sub(r"<[^>]*>", "", body) if ssml else body
    if len(spoken) > MAX_VOICE_SPOKEN or len(body) > MAX_VOICE_TOTAL:
        limit = f"{MAX_VOICE_SPOKEN} spoken characters ({MAX_VOICE_TOTAL} with SSML tags)" if ssml else f"{MAX_VOICE_SPOKEN} characters"
        raise _invalid("MessageBody", f"A voice message can hold at most {limit}.", "MAXIMUM_SIZE_EXCEEDED")
    return spoken


def _media(request: dict):
    urls = request.get("MediaUrls") or []
    if request.get("MessageBody") is None and not urls:
        raise _invalid("MediaUrls", "A media message needs a MessageBody, MediaUrls or both.", "MISSING_PARAMETER")
    for url in urls:
        extension = url.rsplit(".", 1)[-1].lower() if "." in url.rsplit("/", 1)[-1] else ""
        if extension not in MEDIA_TYPES:
            raise _invalid("MediaUrls", f"The media file {url} is not of a supported type ({', '.join(MEDIA_TYPES)}).",
                           "MEDIA_TYPE_NOT_SUPPORTED")  # fmt: skip
    return _text_body(request) if request.get("MessageBody") is not None else None


# ---------------------------------------------------------------------------------------------
# 2-5. Destination and origination identity


def _destination(request: dict) -> str:
    number = request["DestinationPhoneNumber"]
    for code, name in UNREACHABLE_COUNTRIES.items():
        if number.lstrip("+").startswith(code):
            raise _invalid("DestinationPhoneNumber", f"Messages can't be sent to {name}.", "DESTINATION_COUNTRY_BLOCKED")
    iso = destination_country(number)
    if iso is None:
        raise _invalid("DestinationPhoneNumber", f"{number} is not a phone number of a known country or region.", "INVALID_PARAMETER")
    return iso


def _number_fits(number: dict, channel: str, iso: str, destination: str) -> bool:
    return number["Status"] == "ACTIVE" and CAPABILITY[channel] in number["NumberCapabilities"] and _reach_problem(number, iso, destination) is None


def _named_origin(region: Region, value: str, channel: str, iso: str, destination: str) -> Origin:
    """The identity a request names: +E.164, phone-..., pool-..., an ARN, or a sender ID."""
    kind, key = PHONE_NUMBER, value
    if value.startswith("arn:"):
        arn = arns.check_arn(region, value, "OriginationIdentity")
        if arn.resource_type not in (PHONE_NUMBER, POOL, SENDER_ID):
            raise arns.invalid_arn(value, "OriginationIdentity", f"a {arn.resource_type} does not send messages")
        kind, key = arn.resource_type, arn.resource_id
    elif value.startswith("+"):
        match = [n for n in region.collection(NUMBERS).values() if n["PhoneNumber"] == value]
        if not match:
            raise not_found(PHONE_NUMBER, value)
        key = match[0]["PhoneNumberId"]
    elif value.startswith("pool-"):
        kind = POOL
    elif not value.startswith("phone-"):
        kind, key = SENDER_ID, sender_key(value, iso)
    if kind == POOL:
        return _from_pool(region, find_pool(region, value, "OriginationIdentity"), channel, iso, destination)
    if kind == SENDER_ID:
        senders = region.collection(SENDER_IDS)
        same_name = [s for s in senders.values() if s["SenderId"] == key.partition("/")[0]]
        sender = senders.get(key) or (same_name[0] if same_name and not value.startswith("arn:") else None)
        if sender is None:
            raise not_found(SENDER_ID, value)
        return Origin(SENDER_ID, sender, None, sender["SenderId"])
    number = region.collection(NUMBERS).get(key)
    if number is None:
        raise not_found(PHONE_NUMBER, value)
    return Origin(PHONE_NUMBER, number, None, number["PhoneNumber"])


def _from_pool(region: Region, pool: dict, channel: str, iso: str, destination: str) -> Origin:
    numbers, senders = region.collection(NUMBERS), region.collection(SENDER_IDS)
    for member in pool["members"]:
        if member["kind"] == PHONE_NUMBER and _number_fits(numbers[member["key"]], channel, iso, destination):
            number = numbers[member["key"]]
            return Origin(PHONE_NUMBER, number, pool, number["PhoneNumber"])
    if channel != VOICE:
        for member in pool["members"]:
            sender = senders.get(member["key"]) if member["kind"] == SENDER_ID else None
            if sender and sender["IsoCountryCode"] == iso:
                return Origin(SENDER_ID, sender, pool, sender["SenderId"])
    raise _conflict(f"The pool {pool['PoolId']} has no origination identity that can send this message to {place_name(iso)}.",
                    "NO_ORIGINATION_IDENTITIES_FOUND", POOL, pool["PoolId"])  # fmt: skip


def _chosen_origin(region: Region, channel: str, iso: str, destination: str, configuration_set: dict | None) -> Origin:
    """The service's choice when the request names no identity."""
    for number in region.collection(NUMBERS).values():
        if _number_fits(number, channel, iso, destination):
            return Origin(PHONE_NUMBER, number, None, number["PhoneNumber"])
    for sender in region.collection(SENDER_IDS).values():
        if sender["IsoCountryCode"] == iso:
            return Origin(SENDER_ID, sender, None, sender["SenderId"])
    default = (configuration_set or {}).get("DefaultSenderId")
    place = country(iso)
    if default and place is not None and place.sender_ids != "no":
        return Origin("default-sender-id", None, None, default)
    message = f"The account has no origination identity that can send to {destination} ({place_name(iso)})."
    simulators = simulators_only(region, iso, CAPABILITY[channel])
    if simulators:
        message += (f" Its only ACTIVE phone numbers there with {CAPABILITY[channel]} are simulator numbers "
                    f"({', '.join(simulators)}), and a simulator number sends only to the destination simulator numbers.")  # fmt: skip
    raise _conflict(message, "NO_ORIGINATION_IDENTITIES_FOUND", PHONE_NUMBER, destination)


def _check_origin(origin: Origin, channel: str, iso: str, destination: str) -> None:
    if origin.kind != PHONE_NUMBER:
        if channel == VOICE:
            raise _invalid("OriginationIdentity", "Sender IDs can't send voice messages.", "INVALID_PARAMETER")
        if channel == MEDIA:
            raise _conflict("Sender IDs can't send media messages.", "NUMBER_CAPABILITIES_MISMATCH", SENDER_ID, origin.shown)
        if origin.record is not None and origin.record["IsoCountryCode"] != iso:
            raise _invalid("OriginationIdentity", f"The sender ID {origin.shown} is for {place_name(origin.record['IsoCountryCode'])}, "
                           f"not {place_name(iso)}.", "INVALID_IDENTITY_FOR_DESTINATION_COUNTRY")  # fmt: skip
        return
    number = origin.record
    if number["Status"] != "ACTIVE":
        raise _conflict(f"The phone number {number['PhoneNumberId']} is {number['Status']}, not ACTIVE"
                        + (" (its registration is not complete)." if number["Status"] == "PENDING" else "."),
                        "RESOURCE_NOT_ACTIVE", PHONE_NUMBER, number["PhoneNumberId"])  # fmt: skip
    if CAPABILITY[channel] not in number["NumberCapabilities"]:
        message = f"The phone number {number['PhoneNumberId']} has no {CAPABILITY[channel]} capability."
        if channel == VOICE:
            raise _invalid("OriginationIdentity", message, "VOICE_CAPABILITY_NOT_AVAILABLE")
        raise _conflict(message, "NUMBER_CAPABILITIES_MISMATCH", PHONE_NUMBER, number["PhoneNumberId"])
    problem = _reach_problem(number, iso, destination)
    if problem:
        raise _invalid("DestinationPhoneNumber", problem[0], problem[1])


def _reach_problem(number: dict, iso: str, destination: str) -> tuple[str, str] | None:
    """Why this number can't send to that destination, as (message, Reason), or None."""
    home = number["IsoCountryCode"]
    wrong = "INVALID_IDENTITY_FOR_DESTINATION_COUNTRY"
    if number["NumberType"] == "SIMULATOR":
        target = simulator(destination)
        if target is None or target[0] != home:
            return (f"A simulator number sends only to the destination simulator numbers of {place_name(home)}.", wrong)
        return None
    place = country(home)
    if place is not None and place.long_codes == "inbound" and number["NumberType"] == "LONG_CODE":
        return (f"Long codes of {place_name(home)} receive messages only; they can't send.", wrong)
    if iso == home:
        return None
    if number["NumberType"] in ("TOLL_FREE", "TEN_DLC"):
        if iso in _US_IDENTITY_REACH:
            return None
        return (f"{number['NumberType']} numbers send only within the United States and its territories.", wrong)
    if number["NumberType"] == "SHORT_CODE":
        return (f"A short code sends only to recipients in {place_name(home)}.", wrong)
    if not number.get("InternationalSendingEnabled"):
        return (f"The phone number {number['PhoneNumberId']} is for {place_name(home)} and international sending is not "
                "enabled on it.", "INTERNATIONAL_SENDING_NOT_SUPPORTED")  # fmt: skip
    return None


# ---------------------------------------------------------------------------------------------
# 6-7. Sandbox and opt-outs


def _check_sandbox(region: Region, channel: str, destination: str, iso: str) -> None:
    if not account.in_sandbox(region):
        return
    if channel == VOICE and iso not in VOICE_SANDBOX_COUNTRIES:
        raise _invalid("DestinationPhoneNumber", f"In the voice sandbox, calls go only to {', '.join(VOICE_SANDBOX_COUNTRIES)}.",
                       "DESTINATION_COUNTRY_BLOCKED")  # fmt: skip
    if simulator(destination) is None and not is_verified(region, destination):
        raise _conflict(
            f"The account is in the sandbox: {destination} must be a verified destination number (or a simulator number).",
            "DESTINATION_PHONE_NUMBER_NOT_VERIFIED", "verified-destination-number", destination,
        )  # fmt: skip


def _settings_source(region: Region, origin: Origin) -> dict | None:
    """Whose opt-out list and self-managed setting apply: the pool's (the pool sent through, or the
    pool of the number sent from), else the number's; None for a sender ID outside a pool."""
    if origin.pool is not None:
        return origin.pool
    return settings_owner(region, origin.record) if origin.kind == PHONE_NUMBER else None


def _opt_out_lists(region: Region, origin: Origin) -> list[str]:
    """The opt-out lists a send must respect: the settings source's (none when it manages its own
    opt-outs); a sender ID named on its own: Default and the list of every pool holding it, since a
    customer who opted out through a pool must not be reached through one of its identities either."""
    source = _settings_source(region, origin)
    if source is not None:
        return [] if source.get("SelfManagedOptOutsEnabled") else [source["OptOutListName"]]
    if origin.kind != SENDER_ID:
        return ["Default"]
    key = sender_key(origin.record["SenderId"], origin.record["IsoCountryCode"])
    pools = [pool for pool in pools_holding(region, SENDER_ID, key) if not pool.get("SelfManagedOptOutsEnabled")]
    return list(dict.fromkeys(["Default", *(pool["OptOutListName"] for pool in pools)]))


def _check_opt_out(region: Region, origin: Origin, destination: str) -> None:
    for list_name in _opt_out_lists(region, origin):
        opt_out_list = region.collection(LISTS).get(list_name)
        if opt_out_list is not None and destination in opt_out_list["numbers"]:
            raise _conflict(f"{destination} is on the opt-out list {list_name}.", "DESTINATION_PHONE_NUMBER_OPTED_OUT",
                            "opt-out-list", list_name)  # fmt: skip


# ---------------------------------------------------------------------------------------------
# 8-9. Price and limits


def _check_max_price(request: dict, member: str, unit_price: float) -> None:
    limit = request.get(member)
    if limit is not None and unit_price > float(limit):
        raise _invalid(member, f"The price, {unit_price:.5f} USD, is above {member} ({limit}).", "PRICE_OVER_THRESHOLD")


# ---------------------------------------------------------------------------------------------
# The three sends


def _prepare(region: Region, request: dict, channel: str) -> tuple[str, dict | None, Origin]:
    iso = _destination(request)
    destination = request["DestinationPhoneNumber"]
    configuration_set = (
        find_configuration_set(region, request["ConfigurationSetName"]) if request.get("ConfigurationSetName") else None
    )
    protect.effective_protect_configuration(region, request.get("ProtectConfigurationId"), configuration_set)  # exists?
    if request.get("OriginationIdentity"):
        origin = _named_origin(region, request["OriginationIdentity"], channel, iso, destination)
    else:
        origin = _chosen_origin(region, channel, iso, destination, configuration_set)
    _check_origin(origin, channel, iso, destination)
    _check_sandbox(region, channel, destination, iso)
    _check_opt_out(region, origin, destination)
    protect.check_send(region, request.get("ProtectConfigurationId"), configuration_set, channel, destination, iso)
    return iso, configuration_set, origin


def _message_type(request: dict, configuration_set: dict | None, origin: Origin) -> str:
    if request.get("MessageType"):
        return request["MessageType"]
    if configuration_set and configuration_set.get("DefaultMessageType"):
        return configuration_set["DefaultMessageType"]
    if origin.kind == PHONE_NUMBER:
        return origin.record["MessageType"]
    if origin.kind == SENDER_ID and origin.record["MessageTypes"]:
        return origin.record["MessageTypes"][0]
    return "TRANSACTIONAL"


def _feedback(request: dict, configuration_set: dict | None) -> bool:
    if request.get("MessageFeedbackEnabled") is not None:
        return request["MessageFeedbackEnabled"]
    return bool((configuration_set or {}).get("DefaultMessageFeedbackEnabled"))


def _common(region: Region, request: dict, channel: str, iso: str, configuration_set, origin: Origin, price: float) -> dict:
    feedback = _feedback(request, configuration_set)
    return {
        "Channel": channel,
        "Source": "send",
        "OriginationIdentity": request.get("OriginationIdentity") or (origin.record or {}).get("PhoneNumberId") or origin.shown,
        "OriginationPhoneNumber": origin.shown,
        "PoolId": origin.pool["PoolId"] if origin.pool else None,
        "DestinationPhoneNumber": request["DestinationPhoneNumber"],
        "IsoCountryCode": iso,
        "Price": round(price, 5),
        "ConfigurationSetName": configuration_set["ConfigurationSetName"] if configuration_set else None,
        "Context": request.get("Context"),
        "TimeToLive": request.get("TimeToLive"),
        "MessageFeedbackEnabled": feedback or None,
        "MessageFeedbackStatus": "PENDING" if feedback else None,
    }


def _failed(destination: str) -> bool:
    target = simulator(destination)
    return target is not None and target[1] == FAILURE


def _finish(region: Region, request: dict, channel: str, price: float, fields: dict, configuration_set, event_records) -> dict:
    account.check_spend(region, channel, price)
    if channel == VOICE:
        account.check_voice_calls(region, request["DestinationPhoneNumber"])
    message_id = new_message_id(region)
    if request.get("DryRun"):
        return {"MessageId": message_id}
    message = record_message(region, message_id, **fields)
    account.add_spend(region, channel, price)
    events.deliver(region, configuration_set, event_records(message))
    return {"MessageId": message_id}


def send_text_message(region: Region, request: dict) -> dict:
    segmentation = _text_body(request)
    iso, configuration_set, origin = _prepare(region, request, TEXT)
    part_price = prices.sms_part_price(iso)
    _check_max_price(request, "MaxPrice", part_price)
    price = part_price * segmentation.message_parts
    failed = _failed(request["DestinationPhoneNumber"])
    fields = {
        **_common(region, request, TEXT, iso, configuration_set, origin, price),
        "MessageBody": request["MessageBody"],
        "Encoding": segmentation.encoding,
        "MessageParts": segmentation.message_parts,
        "MessageType": _message_type(request, configuration_set, origin),
        "Keyword": request.get("Keyword"),
        "Status": "UNREACHABLE" if failed else "DELIVERED",
    }
    return _finish(region, request, TEXT, price, fields, configuration_set,
                   lambda message: events.text_events(message, failed=failed))  # fmt: skip


def send_voice_message(region: Region, request: dict) -> dict:
    spoken = _spoken(request)
    seconds = prices.voice_seconds(spoken)
    account.check_voice_length(region, seconds)
    iso, configuration_set, origin = _prepare(region, request, VOICE)
    minute_price = prices.voice_minute_price(iso)
    _check_max_price(request, "MaxPricePerMinute", minute_price)
    minutes = prices.voice_minutes(seconds)
    failed = _failed(request["DestinationPhoneNumber"])
    price = 0.0 if failed else minute_price * minutes
    fields = {
        **_common(region, request, VOICE, iso, configuration_set, origin, price),
        "MessageBody": request["MessageBody"],
        "MessageBodyTextType": request.get("MessageBodyTextType") or "TEXT",
        "VoiceId": request.get("VoiceId") or DEFAULT_VOICE_ID,
        "CallDurationSeconds": 0 if failed else seconds,
        "BilledMinutes": 0 if failed else minutes,
        "Status": "FAILED" if failed else "COMPLETED",
    }
    return _finish(region, request, VOICE, price, fields, configuration_set,
                   lambda message: events.voice_events(message, failed=failed))  # fmt: skip


def send_media_message(region: Region, request: dict) -> dict:
    segmentation = _media(request)
    iso, configuration_set, origin = _prepare(region, request, MEDIA)
    price = prices.mms_price(iso)
    _check_max_price(request, "MaxPrice", price)
    failed = _failed(request["DestinationPhoneNumber"])
    fields = {
        **_common(region, request, MEDIA, iso, configuration_set, origin, price),
        "MessageBody": request.get("MessageBody"),
        "Encoding": segmentation.encoding if segmentation else None,
        "MediaUrls": request.get("MediaUrls"),
        "MessageType": _message_type(request, configuration_set, origin),
        "Status": "UNREACHABLE" if failed else "DELIVERED",
    }
    return _finish(region, request, MEDIA, price, fields, configuration_set,
                   lambda message: events.text_events(message, failed=failed, media=True))  # fmt: skip


# ---------------------------------------------------------------------------------------------
# Feedback


def feedback_status(region: Region, message: dict) -> str | None:
    """The feedback status as the service would report it now: PENDING turns FAILED after an hour."""
    status = message.get("MessageFeedbackStatus")
    if status == "PENDING" and region.now() - message["CreatedTimestamp"] >= FEEDBACK_TIMEOUT_SECONDS:
        return "FAILED"
    return status


def put_message_feedback(region: Region, request: dict) -> dict:
    message = region.collection(MESSAGES).get(request["MessageId"])
    if message is None or not message.get("MessageFeedbackEnabled"):
        raise not_found("message", request["MessageId"])
    message["MessageFeedbackStatus"] = request["MessageFeedbackStatus"]
    message["MessageFeedbackTimestamp"] = region.now()
    return {"MessageId": message["MessageId"], "MessageFeedbackStatus": request["MessageFeedbackStatus"]}


OPERATIONS = {
    "SendTextMessage": send_text_message,
    "SendVoiceMessage": send_voice_message,
    "SendMediaMessage": send_media_message,
    "PutMessageFeedback": put_message_feedback,
}
