"""The AWS CLI's automatic pagination for the 22 paginated operations.

Unless --no-paginate is given (or the hidden --next-token/--max-results, which turn it off), the
CLI calls the operation page after page (--page-size items each) and merges the pages: the result
list is concatenated, the non-aggregate members (e.g. OptOutListName) are copied once. --max-items
stops after that many items and adds a `NextToken` to the output, which --starting-token takes to
resume. Those CLI tokens have botocore's format (base64 of {"NextToken": ..., "boto_truncate_amount": n}),
so they survive between processes.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections import namedtuple

from smscli import spec
from smscli.errors import ClientError
from smscli.parsing.argv import ParsedOperation

_PAGING_OPTIONS = (("starting_token", "--starting-token"), ("page_size", "--page-size"), ("max_items", "--max-items"))


# How to page a call: --starting-token, --page-size and --max-items (each may be None).
Plan = namedtuple("Plan", "starting_token page_size max_items")


def plan(parsed: ParsedOperation, no_paginate: bool) -> Plan | None:
    """How to page this call, or None for one plain call."""
    paginator = spec.operation(parsed.operation).get("paginator")
    if paginator is None:
        return None
    manual = paginator["inputToken"] in parsed.members or paginator["limitKey"] in parsed.members
    given = [name for key, name in _PAGING_OPTIONS if parsed.special.get(key) is not None]
    if no_paginate or manual:
        if given:
            raise ClientError(
                f"Error during pagination: Cannot specify --no-paginate along with pagination arguments: {', '.join(given)}"
            )
        return None
    return Plan(parsed.special.get("starting_token"), parsed.special.get("page_size"), parsed.special.get("max_items"))


def encode_token(service_token: str | None, skip: int) -> str:
    data: dict = {"NextToken": service_token}
    if skip:
        data["boto_truncate_amount"] = skip
    return base64.b64encode(json.dumps(data).encode()).decode()


def decode_token(token: str) -> tuple[str | None, int]:
    """(service NextToken, items to skip) from a CLI token; any other text is taken as a service
    token as it is (so the NextToken of a --no-paginate call works too), with botocore's legacy
    `<token>___<skip>` form understood."""
    try:
        data = json.loads(base64.b64decode(token.encode(), validate=True))
        return data.get("NextToken"), int(data.get("boto_truncate_amount", 0))
    except (binascii.Error, ValueError, TypeError, AttributeError):
        pass
    service_token, _, skip = token.rpartition("___")
    if service_token and skip.isdigit():
        return (None if service_token == "None" else service_token), int(skip)
    return token, 0


def first_page_request(request: dict, plan: Plan, op: str) -> dict:
    """The request of the first page: the starting token's service token and the page size."""
    paginator = spec.operation(op)["paginator"]
    page_request = dict(request)
    token, _ = decode_token(plan.starting_token) if plan.starting_token is not None else (None, 0)
    if token is not None:
        page_request[paginator["inputToken"]] = token
    if plan.page_size is not None:
        page_request[paginator["limitKey"]] = plan.page_size
    return page_request


def run_pages(call, op: str, first_request: dict, plan: Plan) -> dict:
    """Call `call(op, request)` page by page, from `first_request` (see first_page_request), and merge
    the pages as the AWS CLI does."""
    paginator = spec.operation(op)["paginator"]
    result_key, in_token, out_token = paginator["resultKey"], paginator["inputToken"], paginator["outputToken"]
    token, skip = decode_token(plan.starting_token) if plan.starting_token is not None else (None, 0)
    items: list = []
    extras: dict = {}
    resume: str | None = None
    page_request = first_request
    while True:
        page = call(op, page_request)
        for key in paginator["nonAggregateKeys"]:
            if key in page:
                extras.setdefault(key, page[key])
        page_items = page.get(result_key, [])[skip:]
        if plan.max_items is not None and len(items) + len(page_items) >= plan.max_items:
            taken = plan.max_items - len(items)
            items += page_items[:taken]
            if taken < len(page_items):
                resume = encode_token(token, skip + taken)
            elif page.get(out_token):
                resume = encode_token(page[out_token], 0)
            break
        items += page_items
        skip = 0
        token = page.get(out_token)
        if not token:
            break
        page_request = {**first_request, in_token: token}
    merged = {result_key: items, **extras}
    if resume:
        merged["NextToken"] = resume
    return merged
