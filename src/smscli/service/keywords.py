"""Keywords of phone numbers and pools: PutKeyword, DeleteKeyword, DescribeKeywords, and the defaults
every new number gets.

Rules (API reference and user guide):
- keywords live on phone numbers and pools (not sender IDs); a number in a pool has its keywords
  managed on the pool (Conflict PHONE_NUMBER_ASSOCIATED_TO_POOL), and every change on the pool is
  written through to its member numbers (identities.members_follow), so a member's DescribeKeywords,
  inbound matching and AssociateOriginationIdentity's KEYWORD_MISMATCH check all see the pool's set;
- a keyword is 1-30 characters, does not start or end with a space, and matches case-insensitively:
  `help` is the HELP keyword, and PutKeyword overwrites it;
- every new number gets HELP and STOP; where carriers require them (the US, its territories and
  Canada) also the other opt-out keywords (ARRET, CANCEL, END, OPT-OUT, OPTOUT, QUIT, REMOVE, TD,
  UNSUBSCRIBE); these required keywords cannot be deleted and their action cannot change;
  PutKeyword without a KeywordAction keeps an existing keyword's action (AUTOMATIC_RESPONSE for a new
  keyword), so a required keyword's message can change on its own;
- US toll-free numbers: "opt-outs are managed at the carrier level. The only supported opt-out keyword
  for a US toll-free number is STOP. You can't add additional opt-out keywords, or change the response
  message" (001_d878c4bf3599ab7d.txt:2749-2753, repeated 3928-3932, 6790-6794 and 11046-11050; also
  1725-1728). So a toll-free number gets HELP and STOP only (the other opt-out words don't opt a
  customer out there: no keyword matches them), STOP can't be changed, and no keyword can get the
  OPT_OUT action; UNSTOP and START may be added as OPT_IN keywords (2754-2756). A pool made from a
  toll-free number inherits its keywords, and a pool holding toll-free numbers has the same rules;
- at most 30 keywords per phone number and per pool (the defaults count).

A number or pool record keeps its keywords as `keywords`: {UPPER-CASE KEYWORD: KeywordInformation}.
The default response texts are smscli's own (the sources do not give the service's).
"""

from __future__ import annotations

from smscli.service import filters
from smscli.service.countries import OPT_OUT_KEYWORD_COUNTRIES
from smscli.service.errors import ConflictException, ServiceQuotaExceededException, ValidationException, not_found
from smscli.service.identities import PHONE_NUMBER, find_number_or_pool, member_numbers, members_follow, settings_owner
from smscli.service.pagination import paginate
from smscli.service.region import Region

MAX_KEYWORDS = 30
HELP_MESSAGE = "Reply STOP to stop receiving messages from this number. Message and data rates may apply."
STOP_MESSAGE = "You are now opted out and will no longer receive messages from this number."
OPT_OUT_KEYWORDS = ("ARRET", "CANCEL", "END", "OPT-OUT", "OPTOUT", "QUIT", "REMOVE", "STOP", "TD", "UNSUBSCRIBE")


def _entry(keyword: str, message: str, action: str) -> dict:
    return {"Keyword": keyword, "KeywordMessage": message, "KeywordAction": action}


def default_keywords(iso_country_code: str, number_type: str | None = None) -> dict:
    """The keywords a new number (or a pool made from a sender ID) of this type has in this country."""
    keywords = {"HELP": _entry("HELP", HELP_MESSAGE, "AUTOMATIC_RESPONSE")}
    carriers_require = iso_country_code in OPT_OUT_KEYWORD_COUNTRIES and number_type != "TOLL_FREE"
    opt_outs = OPT_OUT_KEYWORDS if carriers_require else ("STOP",)
    for keyword in opt_outs:
        keywords[keyword] = _entry(keyword, STOP_MESSAGE, "OPT_OUT")
    return keywords


def required_keywords(iso_country_code: str | None, number_type: str | None = None) -> set[str]:
    return set(default_keywords(iso_country_code or "", number_type))


def _pool_number_type(region: Region, pool: dict) -> str | None:
    """TOLL_FREE for a pool of toll-free numbers (its keyword rules are theirs), else None."""
    types = {number["NumberType"] for number in member_numbers(region, pool)}
    return "TOLL_FREE" if "TOLL_FREE" in types else None


def _target(region: Region, request: dict) -> tuple[str, dict, str | None, str | None]:
    """(kind, record, country, number type) of the phone number or pool a request names."""
    kind, record = find_number_or_pool(region, request["OriginationIdentity"], "OriginationIdentity")
    if kind == PHONE_NUMBER:
        return kind, record, record["IsoCountryCode"], record["NumberType"]
    return kind, record, record.get("iso_country_code"), _pool_number_type(region, record)


def undeletable_keywords(region: Region, kind: str, record: dict) -> set[str]:
    """The keywords DeleteKeyword refuses on this number or pool: every one of a number in a pool (they
    are managed on the pool), else the required ones (the completion index lists them, so that TAB
    offers `delete-keyword` only what it can delete)."""
    if kind == PHONE_NUMBER and record.get("PoolId"):
        return set(record["keywords"])
    if kind == PHONE_NUMBER:
        return required_keywords(record["IsoCountryCode"], record["NumberType"])
    return required_keywords(record.get("iso_country_code"), _pool_number_type(region, record))


def _identity_fields(kind: str, record: dict) -> dict:
    if kind == PHONE_NUMBER:
        return {"OriginationIdentity": record["PhoneNumberId"], "OriginationIdentityArn": record["PhoneNumberArn"]}
    return {"OriginationIdentity": record["PoolId"], "OriginationIdentityArn": record["PoolArn"]}


def _managed_here(kind: str, record: dict) -> None:
    if kind == PHONE_NUMBER and record.get("PoolId"):
        raise ConflictException(
            f"The phone number {record['PhoneNumberId']} is in the pool {record['PoolId']}: manage its keywords on the pool.",
            reason="PHONE_NUMBER_ASSOCIATED_TO_POOL",
            resource_type="phone-number",
            resource_id=record["PhoneNumberId"],
        )


def _check_keyword_text(keyword: str) -> None:
    if keyword != keyword.strip(" "):
        message = "A keyword can't start or end with a space."
        raise ValidationException(message, reason="FIELD_VALIDATION_FAILED", fields=[{"Name": "Keyword", "Message": message}])


def _refuse_change(kind: str, record: dict, keyword: str, why: str, reason: str) -> ConflictException:
    return ConflictException(
        f"The keyword {keyword} {why}.", reason=reason, resource_type="keyword", resource_id=keyword
    )


def put_keyword(region: Region, request: dict) -> dict:
    kind, record, iso, number_type = _target(region, request)
    keyword = request["Keyword"]
    _check_keyword_text(keyword)
    _managed_here(kind, record)
    key = keyword.upper()
    keywords = record["keywords"]
    existing = keywords.get(key)
    action = request.get("KeywordAction") or (existing["KeywordAction"] if existing else "AUTOMATIC_RESPONSE")
    if number_type == "TOLL_FREE" and key == "STOP":
        raise _refuse_change(kind, record, keyword, "can't be changed on a toll-free number: the carriers handle its "
                             "opt-outs and its response", "RESOURCE_MODIFICATION_NOT_ALLOWED")  # fmt: skip
    if number_type == "TOLL_FREE" and action == "OPT_OUT":
        raise _refuse_change(kind, record, keyword, "can't be an opt-out keyword on a toll-free number: the carriers "
                             "handle opt-outs, with STOP only", "RESOURCE_MODIFICATION_NOT_ALLOWED")  # fmt: skip
    if existing and key in required_keywords(iso, number_type) and existing["KeywordAction"] != action:
        raise _refuse_change(kind, record, keyword, f"is required: its action stays {existing['KeywordAction']}",
                             "RESOURCE_MODIFICATION_NOT_ALLOWED")  # fmt: skip
    if existing is None and len(keywords) >= MAX_KEYWORDS:
        reason = "KEYWORDS_PER_PHONE_NUMBER" if kind == PHONE_NUMBER else "KEYWORDS_PER_POOL"
        raise ServiceQuotaExceededException(
            f"The {kind.replace('-', ' ')} already has {len(keywords)} keywords, the most allowed ({MAX_KEYWORDS}).",
            reason=reason,
        )
    keywords[key] = _entry(keyword, request["KeywordMessage"], action)
    if kind != PHONE_NUMBER:
        members_follow(region, record)
    return {**_identity_fields(kind, record), **keywords[key]}


def delete_keyword(region: Region, request: dict) -> dict:
    kind, record, iso, number_type = _target(region, request)
    keyword = request["Keyword"]
    entry = record["keywords"].get(keyword.upper())
    if entry is None:
        raise not_found("keyword", keyword)
    _managed_here(kind, record)
    if keyword.upper() in required_keywords(iso, number_type):
        raise _refuse_change(kind, record, keyword, "is required and can't be deleted", "RESOURCE_DELETION_NOT_ALLOWED")
    del record["keywords"][keyword.upper()]
    if kind != PHONE_NUMBER:
        members_follow(region, record)
    return {**_identity_fields(kind, record), **entry}


_KEYWORD_FILTERS = {"keyword-action": filters.equals("KeywordAction", ("AUTOMATIC_RESPONSE", "OPT_OUT", "OPT_IN"))}


def describe_keywords(region: Region, request: dict) -> dict:
    kind, record, _, _ = _target(region, request)
    keywords = settings_owner(region, record)["keywords"] if kind == PHONE_NUMBER else record["keywords"]
    wanted = request.get("Keywords")
    if wanted:
        missing = [keyword for keyword in wanted if keyword.upper() not in keywords]
        if missing:
            raise not_found("keyword", missing[0])
        selected = [keywords[key] for key in dict.fromkeys(keyword.upper() for keyword in wanted)]
    else:
        selected = list(keywords.values())
    page, token = paginate(filters.select(selected, request.get("Filters"), _KEYWORD_FILTERS), request)
    return {**_identity_fields(kind, record), "Keywords": page, "NextToken": token}


OPERATIONS = {
    "PutKeyword": put_keyword,
    "DeleteKeyword": delete_keyword,
    "DescribeKeywords": describe_keywords,
}
