"""The selection every Describe* operation makes: explicit ids (or names, or ARNs) or Owner, then
Filters, then a page.

- ids: 0-5; each must exist (ResourceNotFoundException, from `find`); duplicates are listed once, in
  the order given;
- Owner and ids together: ValidationException PARAMETERS_CANNOT_BE_USED_TOGETHER; Owner=SHARED
  lists nothing, because nothing is shared with a simulated account;
- neither: every record, in creation order;
- then the Filters, combined as the operation says (filters.py: ALL_OF unless it passes ANY_OF).
"""

from __future__ import annotations

from smscli.service import filters
from smscli.service.errors import ValidationException
from smscli.service.pagination import paginate


def select(records, request: dict, ids_member: str, find, known_filters: dict,
           combine=filters.ALL_OF) -> tuple[list, str | None]:  # fmt: skip
    wanted = request.get(ids_member)
    if wanted and request.get("Owner"):
        raise ValidationException(
            f"The Owner and {ids_member} parameters can't be used together.",
            reason="PARAMETERS_CANNOT_BE_USED_TOGETHER",
            fields=[{"Name": "Owner", "Message": f"Can't be used with {ids_member}."}],
        )
    if request.get("Owner") == "SHARED":
        selected = []
    elif wanted:
        selected = list({id(record): record for record in (find(value) for value in wanted)}.values())
    else:
        selected = list(records)
    return paginate(filters.select(selected, request.get("Filters"), known_filters, combine), request)
