"""Per-result table views: which columns a list of records shows, in which order, under which headings.

The table renderer looks a list of records up here by the member name that holds it (``"PhoneNumbers"``,
``"Pools"``, ``"EventDestinations"``...; the name is the same at any depth of the response). Without a
view, every scalar or compact member becomes a column, in first-seen order. With one, only the view's
columns are shown, in the view's order; members left out are counted in a caption under the table, so
nothing disappears silently. Members too deep for a cell still get their own sub-tables either way.

Registering a view for a new result is one line in ``VIEWS``::

    "PhoneNumbers": View.of("PhoneNumber", "Status", ("NumberCapabilities", "Capabilities"), "PoolId"),

This module is pure data: it imports neither Rich nor anything else heavy.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    """One column of a view: the record member it shows and, optionally, its heading."""

    member: str
    heading: str = ""

    @property
    def label(self) -> str:
        return self.heading or self.member


@dataclass(frozen=True)
class View:
    """The columns shown for one kind of record list, in display order."""

    columns: tuple[Column, ...]

    @classmethod
    def of(cls, *specs: str | tuple[str, str]) -> View:
        """Build a view from member names or ``(member, heading)`` pairs."""
        return cls(tuple(Column(s) if isinstance(s, str) else Column(*s) for s in specs))


VIEWS: dict[str, View] = {
    "OptOutLists": View.of("OptOutListName", "CreatedTimestamp", "OptOutListArn"),
}
