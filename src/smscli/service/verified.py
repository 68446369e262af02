"""Verified destination numbers: the only numbers (with the destination simulators) a sandbox account reaches.

CreateVerifiedDestinationNumber, DeleteVerifiedDestinationNumber, DescribeVerifiedDestinationNumbers,
SendDestinationNumberVerificationCode, VerifyDestinationNumber. Rules (API reference, user guide):
- a number is added PENDING and becomes VERIFIED with the code it received; it is E.164 (a missing
  `+` is added) of a known country; the same number can't be added twice (ConflictException
  RESOURCE_ALREADY_EXISTS); at most 10 per account (ServiceQuotaExceededException
  VERIFIED_DESTINATION_NUMBERS_PER_ACCOUNT), in the sandbox and, the reference naming no tier, in
  production too;
- a number can be deleted only 24 hours after it was added; the reference lists no ConflictException
  for DeleteVerifiedDestinationNumber, so this is a ValidationException (INVALID_REQUEST);
- the code goes by TEXT or VOICE (LanguageCode picks the wording, EN_US by default) from an
  origination identity that is ACTIVE, has the channel's capability and is in the destination's
  country (the guide: it "can only send messages within its country"; a SIMULATOR number reaches only
  the destination simulators); the one named (E.164 number, phone number id/ARN, sender ID/ARN, pool
  id/ARN: its first fitting member) or else the account's first fitting number, then (TEXT) a sender
  ID of that country (ConflictException NO_ORIGINATION_IDENTITIES_FOUND when none fits); sender IDs
  have no voice (VOICE_CAPABILITY_NOT_AVAILABLE); in the voice sandbox, voice reaches only its countries;
  when the account's only numbers there are simulator numbers, the refusal says that they reach only
  the destination simulators (not that the account has no ACTIVE identity);
- a code sent by VOICE is a voice message: it counts toward the account's voice quotas and is refused
  by them as a SendVoiceMessage would be (account.check_voice_calls);
- a code is 6 random digits, valid 15 minutes; a new code replaces the previous one; at most 5 codes
  per number in any 24 hours (ServiceQuotaExceededException VERIFICATION_ATTEMPTS_PER_DAY, an smscli
  figure: the guide gives none); the first code a number ever receives is free, later ones cost one
  text part or one voice minute and count against the monthly spend limit;
- VerifyDestinationNumber: a wrong code, or no code ever sent, is a ValidationException
  VERIFICATION_CODE_MISMATCH; the right code after 15 minutes a ConflictException
  VERIFICATION_CODE_EXPIRED; a number already VERIFIED (so a code already used) a ConflictException
  VERIFICATION_ALREADY_COMPLETE, as is sending a code to it.

The code is "sent" as a message of the local outbox (Source "verification"): `smscli sim messages`
shows it. A record is its VerifiedDestinationNumberInformation members plus Tags, plus hidden `code`
and `code_expires`.
"""

from __future__ import annotations

from smscli.service import account, arns, filters, prices
from smscli.service.countries import country, place_name
from smscli.service.errors import (
    ConflictException,
    ServiceQuotaExceededException,
    ValidationException,
    not_found,
)
from smscli.service.identities import simulators_only
from smscli.service.outbox import MESSAGES, new_message_id, record_message
from smscli.service.pagination import paginate
from smscli.service.phones import destination_country
from smscli.service.region import Region
from smscli.service.simulators import simulator
from smscli.service.tags import checked_tags

VERIFIED = "verified_destination_numbers"
RESOURCE_TYPE = "verified-destination-number"
PENDING, VERIFIED_STATUS = "PENDING", "VERIFIED"
CODE_DIGITS = 6
CODE_VALID_SECONDS = 15 * 60
DELETE_AFTER_SECONDS = 24 * 3600
CODES_PER_NUMBER_PER_DAY = 5
DAY_SECONDS = 24 * 3600
VOICE_SANDBOX_COUNTRIES = ("AU", "CA", "DE", "HK", "IL", "JP", "MX", "SG", "SE", "US", "GB")
_CAPABILITY = {"TEXT": "SMS", "VOICE": "VOICE"}
_NUMBERS, _POOLS, _SENDER_IDS, _CONFIGURATION_SETS = "phone_numbers", "pools", "sender_ids", "configuration_sets"

_WORDING = {
    "EN_US": "Your verification code is {code}. It expires in 15 minutes.",
    "EN_GB": "Your verification code is {code}. It expires in 15 minutes.",
    "DE_DE": "Ihr Bestätigungscode lautet {code}. Er läuft in 15 Minuten ab.",
    "ES_ES": "Tu código de verificación es {code}. Caduca en 15 minutos.",
    "ES_419": "Tu código de verificación es {code}. Vence en 15 minutos.",
    "FR_FR": "Votre code de vérification est {code}. Il expire dans 15 minutes.",
    "FR_CA": "Votre code de vérification est {code}. Il expire dans 15 minutes.",
    "IT_IT": "Il tuo codice di verifica è {code}. Scade tra 15 minuti.",
    "PT_BR": "Seu código de verificação é {code}. Ele expira em 15 minutos.",
    "JA_JP": "確認コードは {code} です。有効期限は15分です。",
    "KO_KR": "인증 코드는 {code}입니다. 15분 후에 만료됩니다.",
    "ZH_CN": "您的验证码是 {code}，15分钟内有效。",
    "ZH_TW": "您的驗證碼是 {code}，15分鐘內有效。",
}
DEFAULT_LANGUAGE = "EN_US"
# The GSM 03.38 basic character set (a text outside it goes as UCS-2).
_GSM_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿"
    "abcdefghijklmnopqrstuvwxyzäöñüà"
)


def _invalid(member: str, message: str, reason: str) -> ValidationException:
    return ValidationException(message, reason=reason, fields=[{"Name": member, "Message": message}])


def _conflict(message: str, reason: str, resource_type: str, resource_id: str) -> ConflictException:
    return ConflictException(message, reason=reason, resource_type=resource_type, resource_id=resource_id)


def normalized(number: str) -> str:
    """The E.164 form of a number the reference's pattern accepts with or without its `+`."""
    return number if number.startswith("+") else "+" + number


def find_verified(region: Region, value: str, member: str = "VerifiedDestinationNumberId") -> dict:
    verified_id = arns.resolve(region, value, RESOURCE_TYPE, member)
    record = region.collection(VERIFIED).get(verified_id)
    if record is None:
        raise not_found(RESOURCE_TYPE, value)
    return record


def is_verified(region: Region, e164: str) -> bool:
    """True when a VERIFIED verified destination number has this DestinationPhoneNumber."""
    return any(
        record["DestinationPhoneNumber"] == e164 and record["Status"] == VERIFIED_STATUS
        for record in region.collection(VERIFIED).values()
    )


# ---------------------------------------------------------------------------------------------
# Create, delete, describe


def create_verified_destination_number(region: Region, request: dict) -> dict:
    number = normalized(request["DestinationPhoneNumber"])
    if destination_country(number) is None:
        raise _invalid("DestinationPhoneNumber", f"{request['DestinationPhoneNumber']} is not an E.164 phone number "
                       "of a known country or region.", "INVALID_PARAMETER")  # fmt: skip
    records = region.collection(VERIFIED)
    existing = [record for record in records.values() if record["DestinationPhoneNumber"] == number]
    if existing:
        raise _conflict(f"{number} is already a verified destination number ({existing[0]['VerifiedDestinationNumberId']}).",
                        "RESOURCE_ALREADY_EXISTS", RESOURCE_TYPE, existing[0]["VerifiedDestinationNumberId"])  # fmt: skip
    tags = checked_tags(request.get("Tags"))
    account.check_account_limit(region, "VERIFIED_DESTINATION_NUMBERS", "verified destination numbers")
    verified_id = region.new_id("verified")
    records[verified_id] = {
        "VerifiedDestinationNumberArn": region.arn(f"{RESOURCE_TYPE}/{verified_id}"),
        "VerifiedDestinationNumberId": verified_id,
        "DestinationPhoneNumber": number,
        "Status": PENDING,
        "CreatedTimestamp": region.now(),
        "Tags": tags,
    }
    return records[verified_id]


def delete_verified_destination_number(region: Region, request: dict) -> dict:
    record = find_verified(region, request["VerifiedDestinationNumberId"])
    age = region.now() - record["CreatedTimestamp"]
    if age < DELETE_AFTER_SECONDS:
        hours = (DELETE_AFTER_SECONDS - age) / 3600
        raise _invalid(
            "VerifiedDestinationNumberId",
            f"A verified destination number can be deleted only 24 hours after it was added; "
            f"{record['VerifiedDestinationNumberId']} can be deleted in {hours:.1f} hours.",
            "INVALID_REQUEST",
        )
    del region.collection(VERIFIED)[record["VerifiedDestinationNumberId"]]
    return record


_FILTERS = {"status": filters.equals("Status", (PENDING, VERIFIED_STATUS))}


def describe_verified_destination_numbers(region: Region, request: dict) -> dict:
    records = list(region.collection(VERIFIED).values())
    ids = request.get("VerifiedDestinationNumberIds")
    numbers = request.get("DestinationPhoneNumbers")
    if ids:
        chosen = [find_verified(region, value, "VerifiedDestinationNumberIds") for value in ids]
        records = list({record["VerifiedDestinationNumberId"]: record for record in chosen}.values())
    if numbers:
        by_number = {record["DestinationPhoneNumber"]: record for record in region.collection(VERIFIED).values()}
        for value in numbers:
            if normalized(value) not in by_number:
                raise not_found(RESOURCE_TYPE, value)
        wanted = {normalized(value) for value in numbers}
        if ids:
            records = [record for record in records if record["DestinationPhoneNumber"] in wanted]
        else:
            records = list({number: by_number[number] for number in map(normalized, numbers)}.values())
    records = filters.select(records, request.get("Filters"), _FILTERS)
    page, token = paginate(records, request)
    return {"VerifiedDestinationNumbers": page, "NextToken": token}


# ---------------------------------------------------------------------------------------------
# Sending the code: which identity sends it


def _reach_problem(number: dict, channel: str, iso: str, destination: str) -> tuple[str, str] | None:
    """Why this phone number can't send the code, as (message, Reason), or None."""
    home = number["IsoCountryCode"]
    wrong = "INVALID_IDENTITY_FOR_DESTINATION_COUNTRY"
    if number["NumberType"] == "SIMULATOR":
        target = simulator(destination)
        if target is None or target[0] != home:
            return f"A simulator number sends only to the destination simulator numbers of {place_name(home)}.", wrong
        return None
    if home != iso:
        return (f"The phone number {number['PhoneNumberId']} is for {place_name(home)}: it can send verification "
                f"codes only within {place_name(home)}, not to {place_name(iso)}.", wrong)  # fmt: skip
    place = country(home)
    if channel == "TEXT" and number["NumberType"] == "LONG_CODE" and place is not None and place.long_codes == "inbound":
        return f"Long codes of {place_name(home)} receive messages only; they can't send.", wrong
    return None


def _number_fits(number: dict, channel: str, iso: str, destination: str) -> bool:
    return (
        number["Status"] == "ACTIVE"
        and _CAPABILITY[channel] in number["NumberCapabilities"]
        and _reach_problem(number, channel, iso, destination) is None
    )


def _check_number(number: dict, channel: str, iso: str, destination: str) -> None:
    number_id = number["PhoneNumberId"]
    if number["Status"] != "ACTIVE":
        raise _conflict(f"The phone number {number_id} is {number['Status']}, not ACTIVE.", "RESOURCE_NOT_ACTIVE",
                        "phone-number", number_id)  # fmt: skip
    if _CAPABILITY[channel] not in number["NumberCapabilities"]:
        message = f"The phone number {number_id} has no {_CAPABILITY[channel]} capability."
        if channel == "VOICE":
            raise _invalid("OriginationIdentity", message, "VOICE_CAPABILITY_NOT_AVAILABLE")
        raise _conflict(message, "NUMBER_CAPABILITIES_MISMATCH", "phone-number", number_id)
    problem = _reach_problem(number, channel, iso, destination)
    if problem:
        raise _invalid("OriginationIdentity", problem[0], problem[1])


def _check_sender(sender: dict, channel: str, iso: str) -> None:
    if channel == "VOICE":
        raise _invalid("OriginationIdentity", "Sender IDs can't send voice messages.", "VOICE_CAPABILITY_NOT_AVAILABLE")
    if sender["IsoCountryCode"] != iso:
        raise _invalid("OriginationIdentity", f"The sender ID {sender['SenderId']} is for "
                       f"{place_name(sender['IsoCountryCode'])}, not {place_name(iso)}.",
                       "INVALID_IDENTITY_FOR_DESTINATION_COUNTRY")  # fmt: skip


def _from_pool(region: Region, pool: dict, channel: str, iso: str, destination: str) -> tuple[dict, str, str | None]:
    numbers, senders = region.collection(_NUMBERS), region.collection(_SENDER_IDS)
    for member in pool.get("members", []):
        number = numbers.get(member["key"]) if member["kind"] == "phone-number" else None
        if number is not None and _number_fits(number, channel, iso, destination):
            return number, number["PhoneNumber"], pool["PoolId"]
    if channel == "TEXT":
        for member in pool.get("members", []):
            sender = senders.get(member["key"]) if member["kind"] == "sender-id" else None
            if sender is not None and sender["IsoCountryCode"] == iso:
                return sender, sender["SenderId"], pool["PoolId"]
    raise _conflict(f"The pool {pool['PoolId']} has no origination identity that can send a verification code "
                    f"to {place_name(iso)} by {channel}.", "NO_ORIGINATION_IDENTITIES_FOUND", "pool", pool["PoolId"])  # fmt: skip


def _named_origin(region: Region, value: str, channel: str, iso: str, destination: str) -> tuple[dict, str, str | None]:
    """(identity record, what the recipient sees, PoolId or None) for the OriginationIdentity given."""
    member = "OriginationIdentity"
    kind, key = "phone-number", value
    if value.startswith("arn:"):
        arn = arns.check_arn(region, value, member)
        if arn.resource_type not in ("phone-number", "pool", "sender-id"):
            raise arns.invalid_arn(value, member, f"a {arn.resource_type} does not send messages")
        kind, key = arn.resource_type, arn.resource_id
    elif value.startswith("+"):
        matches = [n for n in region.collection(_NUMBERS).values() if n["PhoneNumber"] == value]
        if not matches:
            raise not_found("phone-number", value)
        key = matches[0]["PhoneNumberId"]
    elif value.startswith("pool-"):
        kind = "pool"
    elif not value.startswith("phone-"):
        kind, key = "sender-id", f"{value}/{iso}"
    if kind == "pool":
        pool = region.collection(_POOLS).get(key)
        if pool is None:
            raise not_found("pool", value)
        return _from_pool(region, pool, channel, iso, destination)
    if kind == "sender-id":
        sender = region.collection(_SENDER_IDS).get(key)
        if sender is None and not value.startswith("arn:"):
            same = [s for s in region.collection(_SENDER_IDS).values() if s["SenderId"] == value]
            sender = same[0] if same else None
        if sender is None:
            raise not_found("sender-id", value)
        _check_sender(sender, channel, iso)
        return sender, sender["SenderId"], None
    number = region.collection(_NUMBERS).get(key)
    if number is None:
        raise not_found("phone-number", value)
    _check_number(number, channel, iso, destination)
    return number, number["PhoneNumber"], None


def _chosen_origin(region: Region, record: dict, channel: str, iso: str) -> tuple[dict, str, None]:
    destination = record["DestinationPhoneNumber"]
    for number in region.collection(_NUMBERS).values():
        if _number_fits(number, channel, iso, destination):
            return number, number["PhoneNumber"], None
    if channel == "TEXT":
        for sender in region.collection(_SENDER_IDS).values():
            if sender["IsoCountryCode"] == iso:
                return sender, sender["SenderId"], None
    simulators = simulators_only(region, iso, _CAPABILITY[channel])
    if simulators:
        message = (f"The account's only ACTIVE phone numbers in {place_name(iso)} with {_CAPABILITY[channel]} are simulator "
                   f"numbers ({', '.join(simulators)}), and a simulator number sends only to the destination simulator "
                   f"numbers, not to {destination}.")  # fmt: skip
    else:
        message = (f"The account has no ACTIVE origination identity with {_CAPABILITY[channel]} in {place_name(iso)} to send "
                   f"the verification code to {destination}; an identity can send verification codes only within its "
                   "country.")  # fmt: skip
    raise _conflict(message, "NO_ORIGINATION_IDENTITIES_FOUND", RESOURCE_TYPE, record["VerifiedDestinationNumberId"])


def _configuration_set(region: Region, value: str | None) -> str | None:
    if not value:
        return None
    name = arns.resolve(region, value, "configuration-set", "ConfigurationSetName")
    configuration_set = region.collection(_CONFIGURATION_SETS).get(name)
    if configuration_set is None:
        raise not_found("configuration-set", value)
    return configuration_set.get("ConfigurationSetName", name)


# ---------------------------------------------------------------------------------------------
# Sending and checking the code


def _new_code(region: Region) -> str:
    return f"{int(region.context.new_hex(), 16) % 10**CODE_DIGITS:0{CODE_DIGITS}d}"


def _text_form(body: str) -> tuple[str, int]:
    """(Encoding, MessageParts) of a text message."""
    if set(body) <= _GSM_BASIC:
        return "GSM-7", 1 if len(body) <= 160 else -(-len(body) // 153)
    return "UCS-2", 1 if len(body) <= 70 else -(-len(body) // 67)


def _codes_sent(region: Region, destination: str, since: float | None = None) -> int:
    return sum(
        1
        for message in region.collection(MESSAGES).values()
        if message.get("Source") == "verification"
        and message.get("DestinationPhoneNumber") == destination
        and (since is None or message.get("CreatedTimestamp", 0) > since)
    )


def send_destination_number_verification_code(region: Region, request: dict) -> dict:
    record = find_verified(region, request["VerifiedDestinationNumberId"])
    verified_id = record["VerifiedDestinationNumberId"]
    if record["Status"] == VERIFIED_STATUS:
        raise _conflict(f"{record['DestinationPhoneNumber']} is already verified.", "VERIFICATION_ALREADY_COMPLETE",
                        RESOURCE_TYPE, verified_id)  # fmt: skip
    channel = request["VerificationChannel"]
    destination = record["DestinationPhoneNumber"]
    iso = destination_country(destination)
    configuration_set = _configuration_set(region, request.get("ConfigurationSetName"))
    if request.get("OriginationIdentity"):
        identity, shown, pool_id = _named_origin(region, request["OriginationIdentity"], channel, iso, destination)
    else:
        identity, shown, pool_id = _chosen_origin(region, record, channel, iso)
    if channel == "VOICE" and account.in_sandbox(region) and iso not in VOICE_SANDBOX_COUNTRIES:
        raise _invalid("VerificationChannel", f"In the voice sandbox, calls go only to {', '.join(VOICE_SANDBOX_COUNTRIES)}.",
                       "DESTINATION_COUNTRY_BLOCKED")  # fmt: skip
    now = region.now()
    if _codes_sent(region, destination, since=now - DAY_SECONDS) >= CODES_PER_NUMBER_PER_DAY:
        raise ServiceQuotaExceededException(
            f"{destination} already received {CODES_PER_NUMBER_PER_DAY} verification codes in the last 24 hours, "
            "the most allowed.",
            reason="VERIFICATION_ATTEMPTS_PER_DAY",
        )
    code = _new_code(region)
    wording = _WORDING[request.get("LanguageCode") or DEFAULT_LANGUAGE]
    if channel == "TEXT":
        body = wording.format(code=code)
        encoding, parts = _text_form(body)
        price = 0.0 if _codes_sent(region, destination) == 0 else prices.sms_part_price(iso) * parts
    else:
        body = wording.format(code=" ".join(code))  # spoken digit by digit
        encoding, parts = None, None
        price = 0.0 if _codes_sent(region, destination) == 0 else prices.voice_minute_price(iso)
    account.check_spend(region, channel, price)
    if channel == "VOICE":
        account.check_voice_calls(region, destination)
    message_id = new_message_id(region)
    record_message(
        region, message_id,
        Channel=channel, Source="verification",
        OriginationIdentity=request.get("OriginationIdentity") or identity.get("PhoneNumberId") or identity.get("SenderId"),
        OriginationPhoneNumber=shown, PoolId=pool_id, DestinationPhoneNumber=destination, IsoCountryCode=iso,
        MessageBody=body, Encoding=encoding, MessageParts=parts, MessageType="TRANSACTIONAL", Status="DELIVERED",
        Price=round(price, 5), ConfigurationSetName=configuration_set, Context=request.get("Context"),
        VerifiedDestinationNumberId=verified_id,
    )  # fmt: skip
    account.add_spend(region, channel, price)
    record["code"] = code
    record["code_expires"] = now + CODE_VALID_SECONDS
    return {"MessageId": message_id}


def verify_destination_number(region: Region, request: dict) -> dict:
    record = find_verified(region, request["VerifiedDestinationNumberId"])
    verified_id = record["VerifiedDestinationNumberId"]
    if record["Status"] == VERIFIED_STATUS:
        raise _conflict(f"{record['DestinationPhoneNumber']} is already verified.", "VERIFICATION_ALREADY_COMPLETE",
                        RESOURCE_TYPE, verified_id)  # fmt: skip
    if record.get("code") is None or request["VerificationCode"] != record["code"]:
        why = "no verification code was sent to it yet" if record.get("code") is None else "it is not the last code sent"
        raise _invalid("VerificationCode", f"The verification code does not match for {verified_id}: {why}.",
                       "VERIFICATION_CODE_MISMATCH")  # fmt: skip
    if region.now() > record["code_expires"]:
        raise _conflict(f"The verification code for {verified_id} expired 15 minutes after it was sent; send a new one.",
                        "VERIFICATION_CODE_EXPIRED", RESOURCE_TYPE, verified_id)  # fmt: skip
    record["Status"] = VERIFIED_STATUS
    record.pop("code", None)
    record.pop("code_expires", None)
    return record


OPERATIONS = {
    "CreateVerifiedDestinationNumber": create_verified_destination_number,
    "DeleteVerifiedDestinationNumber": delete_verified_destination_number,
    "DescribeVerifiedDestinationNumbers": describe_verified_destination_numbers,
    "SendDestinationNumberVerificationCode": send_destination_number_verification_code,
    "VerifyDestinationNumber": verify_destination_number,
}
