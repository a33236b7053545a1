"""Field types and column roles: the vocabulary every other module speaks.

A *field type* says how to read a column's cells (seed 000's five CRM field
types).  A *role* says what a column means to the analysis (deal value,
outcome, industry …).  A ``Mapping`` holds one ``ColumnSpec`` per column and
is what the user corrects on the Data page and what the workspace stores.

Automatic detection (``detect_mapping``) lives at the bottom of this module.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

__all__ = [
    "FieldType",
    "Role",
    "ColumnSpec",
    "Mapping",
    "SEPARATORS",
    "NUMERIC_ROLES",
    "CATEGORY_ROLES",
]


class FieldType(StrEnum):
    TEXT = "text"
    SINGLE = "single"  # single-select: one category per cell
    MULTI = "multi"  # multi-select: several tags per cell, split by ColumnSpec.sep
    NUMBER = "number"
    DATE = "date"


class Role(StrEnum):
    NONE = "none"
    NAME = "name"  # customer / company name (the row's identity)
    ID = "id"  # customer id / account number
    OUTCOME = "outcome"  # won/lost, 已签约/未签约
    VALUE = "value"  # deal value, revenue, ACV, contract amount
    PROFIT = "profit"  # profit in money
    MARGIN = "margin"  # gross margin, a fraction (0.35) after cleaning
    LTV = "ltv"
    CAC = "cac"  # acquisition cost / CPA
    CYCLE_DAYS = "cycle_days"  # sales cycle in days
    CREATED = "created"  # date the deal/lead was created (cycle start)
    CLOSED = "closed"  # date the deal closed / contract signed (cycle end)
    DEALS = "deals"  # number of deals / orders / volume
    EMPLOYEES = "employees"  # company size
    REFERRALS = "referrals"
    TICKETS = "tickets"  # support tickets / support need
    INDUSTRY = "industry"
    REGION = "region"
    CHANNEL = "channel"  # lead source
    CONTACT_TITLE = "contact_title"  # decision-maker title / role
    PREVIOUS = "previous_solution"  # what they used before / current vendor
    NOTES = "notes"  # free text: needs, goals, pains


NUMERIC_ROLES = frozenset(
    {
        Role.VALUE,
        Role.PROFIT,
        Role.MARGIN,
        Role.LTV,
        Role.CAC,
        Role.CYCLE_DAYS,
        Role.DEALS,
        Role.EMPLOYEES,
        Role.REFERRALS,
        Role.TICKETS,
    }
)
CATEGORY_ROLES = frozenset(
    {Role.INDUSTRY, Role.REGION, Role.CHANNEL, Role.CONTACT_TITLE, Role.PREVIOUS, Role.OUTCOME}
)

# Multi-select separators users actually type, in the order we try them.
SEPARATORS: tuple[str, ...] = (",", "、", ";", "/", "|", "，", "；")


@dataclass
class ColumnSpec:
    """How one column is read and what it means. ``include=False`` ignores it."""

    name: str
    type: FieldType = FieldType.TEXT
    role: Role = Role.NONE
    sep: str | None = None  # multi-select separator
    include: bool = True

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["type"] = self.type.value
        d["role"] = self.role.value
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ColumnSpec:
        return cls(
            name=str(d["name"]),
            type=FieldType(d.get("type", "text")),
            role=Role(d.get("role", "none") or "none"),
            sep=d.get("sep"),
            include=bool(d.get("include", True)),
        )


@dataclass
class Mapping:
    """The user-confirmed meaning of every column, in table order."""

    columns: list[ColumnSpec] = field(default_factory=list)

    def by_role(self, role: Role) -> ColumnSpec | None:
        """The included column with ``role`` (the first one if several)."""
        for c in self.columns:
            if c.include and c.role == role:
                return c
        return None

    def col(self, role: Role) -> str | None:
        spec = self.by_role(role)
        return spec.name if spec else None

    def get(self, name: str) -> ColumnSpec | None:
        for c in self.columns:
            if c.name == name:
                return c
        return None

    def of_type(self, *types: FieldType) -> list[ColumnSpec]:
        return [c for c in self.columns if c.include and c.type in types]

    def to_list(self) -> list[dict[str, Any]]:
        return [c.to_dict() for c in self.columns]

    @classmethod
    def from_list(cls, items: list[dict[str, Any]]) -> Mapping:
        return cls([ColumnSpec.from_dict(d) for d in items])
