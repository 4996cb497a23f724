"""Is each license ready for a board's CE audit of a renewal window?

A board that audits a renewal asks for every certificate of the window, and for what each
shows: provider, accreditation or approval, date and hours. For each activity the license
counts in the window this says which of those the records lack (the date and hours are
required fields of a record, so only the certificate file, the provider and the
accreditation can be missing). What the board does not accept as CE is not in the rules data
as a field; the board's own CE notes (sourced) are passed on for the user to read, never
turned into a verdict here.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from careerpath.errors import CareerpathError
from careerpath.hours import to_decimal
from careerpath.planner.ce_ledger import CELedger, counts_for
from careerpath.planner.ce_status import LicenseCE, license_ce, renews_with_ce, state_rules_for
from careerpath.records import CEActivity, License, Records
from careerpath.reference.loader import RulesData


class Window(StrEnum):
    CURRENT = "current"
    PREVIOUS = "previous"


class Missing(StrEnum):
    CERTIFICATE = "certificate"
    PROVIDER = "provider"
    ACCREDITATION = "accreditation or approval"

    @property
    def label(self) -> str:
        return {
            Missing.CERTIFICATE: "certificate file",
            Missing.PROVIDER: "provider",
            Missing.ACCREDITATION: "accreditation or approval number",
        }[self]


class AuditItem(BaseModel):
    model_config = ConfigDict(frozen=True)

    activity: CEActivity
    hours: Decimal
    """Contact hours in the board's minutes per hour."""
    certificate_present: bool
    missing: list[Missing] = Field(default_factory=list)


class AuditReadiness(BaseModel):
    model_config = ConfigDict(frozen=True)

    license_id: int | None
    window: Window
    ce: LicenseCE
    """The window's requirements and how far they are met, as `ce status` counts them."""
    items: list[AuditItem] = Field(default_factory=list)
    board_notes: str | None = None
    """The rules data's CE notes for this board (what counts, limits), with `ce.source`."""

    @property
    def known(self) -> bool:
        return self.ce.window_start is not None

    @property
    def missing_count(self) -> int:
        return sum(len(item.missing) for item in self.items)

    def summary(self) -> str:
        """`audit ready: yes`, `audit ready: 3 items missing`, or why it cannot be said."""
        if not self.known:
            return "audit ready: unknown (the renewal window is not known)"
        count = self.missing_count
        if count == 0:
            return "audit ready: yes" if self.items else "audit ready: yes (no CE logged yet)"
        return f"audit ready: {count} item{'s' if count != 1 else ''} missing"


def audit_readiness(
    lic: License,
    records: Records,
    rules: RulesData,
    today: dt.date,
    *,
    window: Window = Window.CURRENT,
    stored_certificates: frozenset[str] | None = None,
    ledger: CELedger | None = None,
) -> AuditReadiness:
    """`stored_certificates`: the certificate files actually in the data folder (None: trust
    the records' file names)."""
    ledger = ledger or CELedger(records.ce_activities)
    current = license_ce(lic, rules, today, ledger)
    ce = current
    if window is Window.PREVIOUS:
        if current.window_start is None:
            raise CareerpathError(
                f"{current.license}: the current renewal window is not known, so neither is "
                "the previous one (add the expiry date)"
            )
        if lic.issued is not None and lic.issued >= current.window_start:
            raise CareerpathError(
                f"{current.license}: issued {lic.issued}, this is its first renewal window; "
                "there is no previous one"
            )
        before = lic.model_copy(update={"expires": current.window_start - dt.timedelta(days=1)})
        ce = license_ce(before, rules, today, ledger)
    state = state_rules_for(lic, rules)
    items: list[AuditItem] = []
    if ce.window_start is not None and ce.window_end is not None:
        last = min(ce.window_end, today)
        for activity in ledger.activities:
            if ce.window_start <= activity.completed <= last and counts_for(activity, lic.id):
                items.append(_item(activity, ce.minutes_per_hour, stored_certificates))
    return AuditReadiness(
        license_id=lic.id,
        window=window,
        ce=ce,
        items=items,
        board_notes=state.ce.notes if state else None,
    )


def audit_all(
    records: Records,
    rules: RulesData,
    today: dt.date,
    *,
    stored_certificates: frozenset[str] | None = None,
) -> list[AuditReadiness]:
    """The current window of every license that renews with CE."""
    ledger = CELedger(records.ce_activities)
    return [
        audit_readiness(
            lic, records, rules, today, stored_certificates=stored_certificates, ledger=ledger
        )
        for lic in records.licenses
        if renews_with_ce(lic)
    ]


def _item(activity: CEActivity, minutes_per_hour: int, stored: frozenset[str] | None) -> AuditItem:
    present = activity.certificate is not None and (
        stored is None or activity.certificate in stored
    )
    missing = []
    if not present:
        missing.append(Missing.CERTIFICATE)
    if not activity.provider:
        missing.append(Missing.PROVIDER)
    if not (activity.accreditor or activity.accreditation or activity.approval_number):
        missing.append(Missing.ACCREDITATION)
    return AuditItem(
        activity=activity,
        hours=to_decimal(activity.exact_hours(minutes_per_hour)),
        certificate_present=present,
        missing=missing,
    )
