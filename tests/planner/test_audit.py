"""Audit readiness: which counted activities lack the proof a board's CE audit asks for.

Hand-built rules test each rule alone; the last test reads the bundled Texas RN rules
(22 TAC 216.3, https://texreg.sos.state.tx.us/, as cited in data/states/rn.json).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from careerpath.errors import CareerpathError
from careerpath.planner.audit import Missing, Window, audit_all, audit_readiness
from careerpath.records import CEActivity, License, Records
from careerpath.reference.loader import RulesData, load
from careerpath.reference.schema import (
    Board,
    ContinuingEducation,
    ProfessionRules,
    Renewal,
    StateRules,
)

SRC = "https://example.org/board/continuing-education"
VERIFIED = dt.date(2026, 1, 1)
TODAY = dt.date(2027, 6, 1)
EXPIRES = dt.date(2028, 1, 31)  # current window 2026-02-01 - 2028-01-31


def rules(mph: int | None = None, notes: str | None = None) -> RulesData:
    state = StateRules(
        code="TX",
        board=Board(name="TX board", url="https://example.org/board"),
        renewal=Renewal(cycle_months=24, source=SRC, verified=VERIFIED),
        ce=ContinuingEducation.model_validate(
            {"hours_per_cycle": 20, "minutes_per_hour": mph, "notes": notes, "source": SRC,
             "verified": VERIFIED}
        ),
    )  # fmt: skip
    profession = ProfessionRules(profession="RN", as_of=VERIFIED, jurisdictions=[state])
    return RulesData(Path("unused"), {}, {"RN": profession})


def lic(id: int = 1, **kw: Any) -> License:
    kw.setdefault("expires", EXPIRES)
    kw.setdefault("issued", dt.date(2015, 1, 1))
    return License(id=id, profession="RN", jurisdiction=kw.pop("state", "TX"), **kw)


def ce(id: int, when: str, **kw: Any) -> CEActivity:
    full = {"provider": "Prairie Nursing", "accreditor": "ANCC", "certificate": f"c{id}.pdf"}
    return CEActivity(
        id=id, completed=dt.date.fromisoformat(when), title=f"CE {id}",
        amount=kw.pop("amount", Decimal("1.5")), **{**full, **kw},
    )  # fmt: skip


def test_complete_proof_is_ready() -> None:
    records = Records(licenses=[lic()], ce_activities=[ce(1, "2026-03-01"), ce(2, "2027-01-10")])
    audit = audit_readiness(lic(), records, rules(), TODAY)
    assert [i.activity.id for i in audit.items] == [1, 2]
    assert audit.missing_count == 0
    assert audit.summary() == "audit ready: yes"


def test_each_missing_proof_is_one_item() -> None:
    records = Records(
        licenses=[lic()],
        ce_activities=[
            ce(1, "2026-03-01", certificate=None),
            ce(2, "2026-04-01", provider=None, accreditor=None),
            ce(3, "2026-05-01", accreditor=None, approval_number="CEP 16770"),  # approval is enough
            ce(4, "2026-06-01", accreditor=None, accreditation="X is accredited by ANCC."),
        ],
    )
    audit = audit_readiness(lic(), records, rules(), TODAY)
    assert [i.missing for i in audit.items] == [
        [Missing.CERTIFICATE], [Missing.PROVIDER, Missing.ACCREDITATION], [], [],
    ]  # fmt: skip
    assert audit.summary() == "audit ready: 3 items missing"


def test_a_file_gone_from_the_data_folder_is_missing() -> None:
    records = Records(licenses=[lic()], ce_activities=[ce(1, "2026-03-01"), ce(2, "2026-04-01")])
    audit = audit_readiness(
        lic(), records, rules(), TODAY, stored_certificates=frozenset({"c1.pdf"})
    )
    assert [i.certificate_present for i in audit.items] == [True, False]
    assert audit.summary() == "audit ready: 1 item missing"


def test_only_activities_the_license_counts_in_its_window() -> None:
    records = Records(
        licenses=[lic(1), lic(2, state="OR")],
        ce_activities=[
            ce(1, "2026-01-31"),  # the day before the window
            ce(2, "2026-02-01"),
            ce(3, "2026-05-01", claimed_for=[2]),  # claimed for the other license
            ce(4, "2027-06-02", certificate=None),  # after today: not yet counted
        ],
    )
    audit = audit_readiness(lic(1), records, rules(), TODAY)
    assert [i.activity.id for i in audit.items] == [2]


def test_previous_window() -> None:
    records = Records(licenses=[lic()], ce_activities=[ce(1, "2024-06-01"), ce(2, "2026-03-01")])
    previous = audit_readiness(lic(), records, rules(), TODAY, window=Window.PREVIOUS)
    assert (previous.ce.window_start, previous.ce.window_end) == (
        dt.date(2024, 2, 1), dt.date(2026, 1, 31),
    )  # fmt: skip
    assert [i.activity.id for i in previous.items] == [1]


def test_no_previous_window_at_a_first_renewal() -> None:
    first = lic(issued=dt.date(2026, 5, 1))
    with pytest.raises(CareerpathError, match="first renewal window"):
        audit_readiness(first, Records(licenses=[first]), rules(), TODAY, window=Window.PREVIOUS)


def test_unknown_rules_are_never_ready() -> None:
    other = lic(state="VT")
    audit = audit_readiness(other, Records(licenses=[other]), rules(), TODAY)
    assert audit.summary() == "audit ready: unknown (the renewal window is not known)"


def test_hours_in_the_boards_minutes() -> None:
    records = Records(licenses=[lic()], ce_activities=[ce(1, "2026-03-01", amount=100, unit="minutes")])  # fmt: skip
    (item,) = audit_readiness(lic(), records, rules(mph=50), TODAY).items
    assert item.hours == Decimal(2)


def test_bundled_texas_rn_passes_on_the_boards_own_notes() -> None:
    """data/states/rn.json TX (22 TAC 216.3): the notes say what counts; no verdict is made."""
    data = load()
    tx = lic(expires=dt.date(2027, 6, 30))
    (audit,) = audit_all(Records(licenses=[tx]), data, dt.date(2026, 12, 1))
    assert audit.board_notes and "216.3" in audit.board_notes
    assert audit.ce.source and audit.ce.source.startswith("https://")
    assert audit.summary() == "audit ready: yes (no CE logged yet)"
