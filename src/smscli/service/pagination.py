"""NextToken/MaxResults for the Describe*/List* operations.

Results come in creation order. A NextToken is opaque to callers: it carries the offset of the next
item and a fingerprint of the query it belongs to, so it works from another process but is refused
(ValidationException INVALID_NEXT_TOKEN) for a different query or when it was tampered with.
"""

from __future__ import annotations

import base64
import json

from smscli.service.errors import ValidationException

DEFAULT_PAGE_SIZE = 100
_PAGING_MEMBERS = ("NextToken", "MaxResults")


def _fingerprint(request: dict) -> str:
    import hashlib

    query = {key: value for key, value in request.items() if key not in _PAGING_MEMBERS}
    return hashlib.sha256(json.dumps(query, sort_keys=True).encode()).hexdigest()[:16]


def _encode(offset: int, fingerprint: str) -> str:
    return base64.urlsafe_b64encode(json.dumps({"o": offset, "q": fingerprint}).encode()).decode()


def _decode(token: str, fingerprint: str) -> int:
    try:
        data = json.loads(base64.urlsafe_b64decode(token.encode()))
        offset = data["o"]
        matches = data["q"] == fingerprint
    except (ValueError, KeyError, TypeError):
        matches, offset = False, None
    if not matches or not isinstance(offset, int) or offset < 0:
        raise ValidationException(
            "The NextToken is not valid for this request.",
            reason="INVALID_NEXT_TOKEN",
            fields=[{"Name": "NextToken", "Message": "The token was not issued for this query."}],
        )
    return offset


def paginate(items: list, request: dict) -> tuple[list, str | None]:
    """The page of `items` that `request` asks for, and the token for the next page (or None)."""
    fingerprint = _fingerprint(request)
    start = _decode(request["NextToken"], fingerprint) if request.get("NextToken") else 0
    size = request.get("MaxResults") or DEFAULT_PAGE_SIZE
    page = items[start : start + size]
    end = start + len(page)
    return page, (_encode(end, fingerprint) if end < len(items) else None)
