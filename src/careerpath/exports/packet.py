"""The credential packet: what a recruiter or a facility asks a traveler for, on one page.

Profile, licenses (with where to verify each), certifications, CE per license renewal window
and skills. License and certification numbers are left out unless asked for: the packet is
made to be sent to people. The content is a `document.Document`, rendered as HTML or Markdown
by exports/document.py.

Each section is its own function of plain rows, so another section (a role's skills checklist)
can be added, or one used alone, without touching the others.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Protocol

from careerpath import jurisdictions
from careerpath.exports.document import Badge, Cell, Document, Link, Section, Table, Tone
from careerpath.exports.labels import KIND_WORDS, short_license
from careerpath.hours import format_hours
from careerpath.planner import credentials
from careerpath.planner.ce_status import CEReport, CEState, TopicState, ce_status, state_rules_for
from careerpath.records import (
    SKILL_LEVELS,
    Certification,
    License,
    LicenseKind,
    LicenseStatus,
    Profession,
    Profile,
    Records,
    SkillKind,
)
from careerpath.reference.loader import RulesData

NURSYS_URL = "https://www.nursys.com/"
NURSYS_PROFESSIONS = frozenset({Profession.RN, Profession.LPN})
"""Licenses Nursys QuickConfirm verifies for the public, free of charge."""
SOON_DAYS = 90
"""An expiry this close is flagged 'renew soon'."""
NONE = "–"

_STATUS_TONE: dict[LicenseStatus, Tone] = {
    LicenseStatus.ACTIVE: "ok",
    LicenseStatus.PENDING: "warn",
    LicenseStatus.INACTIVE: "warn",
    LicenseStatus.EXPIRED: "bad",
    LicenseStatus.ENCUMBERED: "bad",
}
_CE_TONE: dict[CEState, Tone] = {
    CEState.DONE: "ok",
    CEState.ON_TRACK: "ok",
    CEState.BEHIND: "warn",
    CEState.OVERDUE: "bad",
    CEState.UNKNOWN: "warn",
}


class SkillRow(Protocol):
    """What the skills section needs of a row: a stored SkillRating has it, and so can the
    rows of a role's checklist."""

    @property
    def skill(self) -> str: ...
    @property
    def kind(self) -> SkillKind: ...
    @property
    def level(self) -> int: ...
    @property
    def last_performed(self) -> dt.date | None: ...


def build_packet(
    records: Records,
    rules: RulesData,
    today: dt.date,
    *,
    include_numbers: bool = False,
    ce: CEReport | None = None,
) -> Document:
    """The whole packet; `ce` may be passed when the caller has computed it already."""
    report = ce or ce_status(records, rules, today)
    name = records.profile.name if records.profile else "Credential packet"
    footer = [
        "Self-reported by the license holder with careerpath. Verify every license with the "
        "board or Nursys at the links given; they are the primary source."
    ]
    if not include_numbers:
        footer.append("License and certification numbers are left out; available on request.")
    return Document(
        title="Credential packet",
        heading=name,
        generated=f"Generated on {today.isoformat()}",
        sections=(
            profile_section(records.profile),
            licenses_section(records.licenses, rules, today, include_numbers=include_numbers),
            certifications_section(
                credentials.current_certifications(records), today, include_numbers=include_numbers
            ),
            ce_section(report, records.licenses),
            skills_section(records.skills),
        ),
        footer=tuple(footer),
    )


def profile_section(profile: Profile | None) -> Section:
    if profile is None:
        return Section("profile", "Profile", empty="No profile recorded.")
    facts = [("Name", profile.name)]
    if profile.professions:
        facts.append(
            ("Professions", ", ".join(f"{p.value} ({p.label})" for p in profile.professions))
        )
    if profile.home_state:
        facts.append(
            ("Home state", f"{profile.home_state} ({jurisdictions.name(profile.home_state)})")
        )
    if profile.specialty:
        facts.append(("Specialty", profile.specialty))
    return Section("profile", "Profile", facts=tuple(facts))


def licenses_section(
    licenses: Sequence[License], rules: RulesData, today: dt.date, *, include_numbers: bool
) -> Section:
    headers = ["State", "Profession", "Kind", "Status", "Expires"]
    if include_numbers:
        headers.append("Number")
    headers.append("Verify")
    rows: list[tuple[Cell, ...]] = []
    ordered = sorted(
        licenses,
        key=lambda lic: (lic.kind is LicenseKind.PRIVILEGE, lic.jurisdiction, lic.profession),
    )
    for lic in ordered:
        row: list[Cell] = [
            f"{lic.jurisdiction} ({jurisdictions.name(lic.jurisdiction)})",
            str(lic.profession),
            KIND_WORDS[lic.kind],
            license_status(lic, today),
            lic.expires.isoformat() if lic.expires else NONE,
        ]
        if include_numbers:
            row.append(lic.number or NONE)
        row.append(verification(lic, rules))
        rows.append(tuple(row))
    return Section(
        "licenses",
        "Licenses",
        tables=(Table(tuple(headers), tuple(rows)),),
        empty="No licenses recorded.",
    )


def license_status(lic: License, today: dt.date) -> Badge:
    """The stored status, corrected by the date: an 'active' license past its expiry is expired."""
    if lic.status is LicenseStatus.ACTIVE and lic.expires is not None and lic.expires < today:
        return Badge("expired", "bad")
    tone = _STATUS_TONE[lic.status]
    if tone == "ok" and lic.expires is not None and (lic.expires - today).days <= SOON_DAYS:
        return Badge("active, renew soon", "warn")
    return Badge(lic.status.value, tone)


def verification(lic: License, rules: RulesData) -> Cell:
    """Where a reader can verify the license: Nursys for nurses, else the board's site."""
    if lic.profession in NURSYS_PROFESSIONS:
        return Link(address(NURSYS_URL), NURSYS_URL)
    state = state_rules_for(lic, rules)
    if state is not None and state.board.url:
        return Link(address(state.board.url), state.board.url)
    return NONE


def address(url: str) -> str:
    """`https://www.oregon.gov/pt/` -> `oregon.gov/pt`: a link text one can type from paper."""
    text = url.split("://", 1)[-1].removeprefix("www.")
    return text.rstrip("/")


def certifications_section(
    certifications: Iterable[Certification], today: dt.date, *, include_numbers: bool
) -> Section:
    headers = ["Certification", "Issuer", "Expires"]
    if include_numbers:
        headers.append("Number")
    rows: list[tuple[Cell, ...]] = []
    for cert in sorted(certifications, key=lambda c: c.name.casefold()):
        expires: Cell = "does not expire" if cert.never_expires else NONE
        if cert.expiry is not None:
            expires = cert.expiry.isoformat()
            if cert.expiry < today:
                expires = Badge(f"{cert.expiry.isoformat()} (expired)", "bad")
            elif (cert.expiry - today).days <= SOON_DAYS:
                expires = Badge(f"{cert.expiry.isoformat()} (renew soon)", "warn")
        row: list[Cell] = [cert.name, cert.issuer or NONE, expires]
        if include_numbers:
            row.append(cert.number or NONE)
        rows.append(tuple(row))
    return Section(
        "certifications",
        "Certifications",
        tables=(Table(tuple(headers), tuple(rows)),),
        empty="No certifications recorded.",
    )


def ce_section(report: CEReport, licenses: Sequence[License]) -> Section:
    """CE per license in its current renewal window, as the planner counts it."""
    by_id = {lic.id: lic for lic in licenses}
    rows: list[tuple[Cell, ...]] = []
    for row in report.licenses:
        lic = by_id.get(row.license_id)
        name = short_license(lic) if lic else row.license
        window = (
            f"{row.window_start.isoformat()} – {row.window_end.isoformat()}"
            if row.window_start and row.window_end
            else "unknown"
        )
        required = "unknown" if row.required is None else format_hours(row.required)
        met = [t.label for t in row.topics if t.state is TopicState.MET]
        # Conditional topics by name only: the board's condition texts are paragraphs.
        check = [
            f"{t.label} (if it applies)"
            for t in row.topics
            if (t.state is TopicState.MISSING and t.condition) or t.state is TopicState.CHECK
        ]
        missing = [*row.missing, *check]
        tone = _CE_TONE[row.status]
        rows.append(
            (
                name,
                window,
                required,
                format_hours(row.earned),
                Badge(row.status.label, tone),
                ", ".join(met) or NONE,
                "; ".join(missing) or NONE,
            )
        )
    headers = ("License", "Renewal window", "Hours required", "Hours earned", "Status",
               "Mandatory topics met", "Topics missing")  # fmt: skip
    return Section(
        "ce",
        "Continuing education",
        tables=(Table(headers, tuple(rows)),),
        notes=(
            f"Contact hours logged in each license's current renewal window, as of "
            f"{report.today.isoformat()}.",
        ),
        empty="No licenses that renew with CE.",
    )


def skills_section(
    rows: Iterable[SkillRow], *, key: str = "skills", title: str = "Skills"
) -> Section:
    """Self-ratings on the agencies' 1-4 scale, clinical (hard) skills first, then soft skills."""
    items = list(rows)
    tables = []
    for kind, caption in ((SkillKind.HARD, "Clinical skills"), (SkillKind.SOFT, "Soft skills")):
        chosen = sorted((r for r in items if r.kind is kind), key=lambda r: r.skill.casefold())
        if not chosen:
            continue
        body: tuple[tuple[Cell, ...], ...] = tuple(
            (
                r.skill,
                f"{r.level} – {SKILL_LEVELS[r.level]}",
                r.last_performed.isoformat() if r.last_performed else NONE,
            )
            for r in chosen
        )
        tables.append(Table(("Skill", "Level", "Last performed"), body, caption=caption))
    notes = ("Self-rated: 1 no experience, 2 limited, 3 experienced, 4 expert.",) if tables else ()
    return Section(key, title, tables=tuple(tables), notes=notes, empty="No skills rated.")
