"""The audit packet: one license's renewal window as a board's CE audit asks for it.

A zip with `summary.html` (the credential packet's printable style, exports/document.py):
the window's requirements and how each is met, every activity counted with its provider,
accreditation and hours, what is missing, and the board's own CE notes; and each
certificate file, named by date and title so that the summary's table points at it. The
license number is left out unless asked for.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

from careerpath import jurisdictions
from careerpath.exports.document import Badge, Cell, Document, Link, Section, Table, render_html
from careerpath.exports.labels import short_license
from careerpath.exports.packet import NONE, address
from careerpath.hours import format_hours
from careerpath.planner.audit import AuditReadiness, Missing, Window
from careerpath.planner.ce_status import CEState, TopicState
from careerpath.planner.unknown import unknown_text
from careerpath.records import CEActivity, License, Profile

SUMMARY = "summary.html"
FOLDER = "certificates"
_SLUG = re.compile(r"[^a-z0-9]+")


class PacketFile(NamedTuple):
    name: str
    """Path inside the zip."""
    source: Path


def certificate_names(readiness: AuditReadiness) -> dict[int, str]:
    """Zip path of each counted activity's certificate, by activity id: date and title."""
    names: dict[int, str] = {}
    used: set[str] = set()
    for item in readiness.items:
        activity = item.activity
        if not item.certificate_present or activity.certificate is None or activity.id is None:
            continue
        slug = _SLUG.sub("-", activity.title.lower()).strip("-")[:60] or "certificate"
        suffix = Path(activity.certificate).suffix.lower() or ".pdf"
        base = f"{FOLDER}/{activity.completed.isoformat()}-{slug}"
        name, n = f"{base}{suffix}", 2
        while name in used:
            name, n = f"{base}-{n}{suffix}", n + 1
        used.add(name)
        names[activity.id] = name
    return names


def build_audit_packet(
    readiness: AuditReadiness,
    lic: License,
    profile: Profile | None,
    today: dt.date,
    *,
    include_numbers: bool = False,
) -> Document:
    files = certificate_names(readiness)
    who = profile.name if profile else "CE audit packet"
    footer = [
        "Self-reported by the license holder with careerpath. The certificates in this packet "
        "are the proof; the board's rules at the link given are the authority.",
    ]
    if not include_numbers:
        footer.append("The license number is left out; available on request.")
    return Document(
        title="CE audit packet",
        heading=f"{who} · {short_license(lic)}",
        generated=f"Generated on {today.isoformat()}",
        sections=(
            _license_section(readiness, lic, include_numbers=include_numbers),
            _requirements_section(readiness),
            _activities_section(readiness, files),
            _readiness_section(readiness),
            _board_section(readiness),
        ),
        footer=tuple(footer),
    )


def _window_text(readiness: AuditReadiness) -> str:
    ce = readiness.ce
    if ce.window_start is None or ce.window_end is None:
        return "unknown"
    return f"{ce.window_start.isoformat()} – {ce.window_end.isoformat()}"


def _license_section(readiness: AuditReadiness, lic: License, *, include_numbers: bool) -> Section:
    facts = [
        ("License", short_license(lic)),
        ("State", f"{lic.jurisdiction} ({jurisdictions.name(lic.jurisdiction)})"),
        ("Profession", f"{lic.profession.value} ({lic.profession.label})"),
    ]
    if include_numbers:
        facts.append(("License number", lic.number or NONE))
    facts.append(("Expires", lic.expires.isoformat() if lic.expires else NONE))
    label = "Renewal window" + (" (previous)" if readiness.window is Window.PREVIOUS else "")
    facts.append((label, _window_text(readiness)))
    if readiness.ce.minutes_per_hour != 60:
        facts.append(("Contact hour", f"{readiness.ce.minutes_per_hour} minutes"))
    return Section("license", "License and renewal window", facts=tuple(facts))


def _met(state: TopicState) -> Badge:
    return {
        TopicState.MET: Badge("met", "ok"),
        TopicState.MISSING: Badge("missing", "bad"),
        TopicState.NOT_DUE: Badge("not due", "ok"),
        TopicState.CHECK: Badge("check with the board", "warn"),
    }[state]


def _requirements_section(readiness: AuditReadiness) -> Section:
    ce = readiness.ce
    rows: list[tuple[Cell, ...]] = []
    if ce.required is None:
        hours_badge = Badge(unknown_text(ce.board_url), "warn")
        required = "unknown"
    else:
        required = format_hours(ce.required)
        short = ce.needed or Decimal(0)
        hours_badge = Badge("met", "ok") if not short else Badge(
            f"{format_hours(short)} short", "bad" if ce.status is CEState.OVERDUE else "warn"
        )  # fmt: skip
    rows.append(
        (
            "CE hours in the window",
            required,
            f"{format_hours(ce.earned)} h from {len(readiness.items)} activities",
            hours_badge,
        )
    )
    for topic in ce.topics:
        carrying = [
            f"{i.activity.completed.isoformat()} {i.activity.title}"
            for i in readiness.items
            if topic.topic in i.activity.topics
        ]
        need = "any" if topic.hours_required is None else format_hours(topic.hours_required)
        if topic.condition:
            need += f" (if: {topic.condition})"
        done = f"{format_hours(topic.hours_done)} h" + (
            f": {'; '.join(carrying)}" if carrying else ""
        )
        badge = _met(topic.state)
        if topic.state is TopicState.MISSING and topic.condition:
            badge = Badge("missing, if it applies", "warn")
        rows.append((topic.label, need, done, badge))
    notes = [f"{u}" for u in ce.unknowns] + list(ce.notes)
    if ce.source:
        notes.append(f"Requirements from the rules data: {ce.source}")
    return Section(
        "requirements",
        "Requirements and how each is met",
        tables=(Table(("Requirement", "Required", "Met by", "Status"), tuple(rows)),),
        notes=tuple(notes),
    )


def _accreditation(activity: CEActivity) -> str:
    """Accreditor and approval number; the statement itself (it is on the certificate) only
    when neither is known, shortened."""
    parts = [p for p in (activity.accreditor, activity.approval_number) if p]
    if not parts and activity.accreditation:
        text = activity.accreditation
        parts.append(text if len(text) <= 120 else text[:117] + "...")
    return "; ".join(parts) or NONE


def _activities_section(readiness: AuditReadiness, files: dict[int, str]) -> Section:
    rows: list[tuple[Cell, ...]] = []
    for item in readiness.items:
        a = item.activity
        certificate: Cell = files.get(a.id or -1) or Badge("missing", "bad")
        rows.append(
            (
                a.completed.isoformat(),
                a.title + (f" (certificate no. {a.certificate_number})"
                           if a.certificate_number else ""),
                a.provider or Badge("missing", "bad"),
                Badge("missing", "bad") if Missing.ACCREDITATION in item.missing else _accreditation(a),
                format_hours(item.hours),
                certificate,
            )
        )  # fmt: skip
    return Section(
        "activities",
        "Activities counted",
        tables=(
            Table(
                ("Date", "Title", "Provider", "Accreditation / approval", "Hours", "Certificate"),
                tuple(rows),
            ),
        ),
        notes=("Certificates are in the folder 'certificates' of this packet.",) if files else (),
        empty="No CE logged in this window.",
    )


def _readiness_section(readiness: AuditReadiness) -> Section:
    rows: list[tuple[Cell, ...]] = [
        (
            item.activity.completed.isoformat(),
            item.activity.title,
            ", ".join(m.label for m in item.missing),
        )
        for item in readiness.items
        if item.missing
    ]
    tone = "ok" if readiness.known and readiness.missing_count == 0 else "warn"
    return Section(
        "readiness",
        "Audit readiness",
        facts=(("Summary", readiness.summary()),),
        tables=(Table(("Date", "Activity", "Missing"), tuple(rows)),) if rows else (),
        notes=() if tone == "ok" else ("Add what is missing before sending this packet.",),
    )


def _board_section(readiness: AuditReadiness) -> Section:
    ce = readiness.ce
    facts: list[tuple[str, str]] = []
    if readiness.board_notes:
        facts.append(
            ("The board's CE rules, as the rules data records them", readiness.board_notes)
        )
    tables: tuple[Table, ...] = ()
    if ce.board_url:
        tables = (Table(("Board",), ((Link(address(ce.board_url), ce.board_url),),)),)
    return Section(
        "board",
        "What the board accepts",
        facts=tuple(facts),
        tables=tables,
        notes=(
            "Whether the board accepts a kind of activity (a basic life support course, a "
            "provider it has not approved) is not recorded in the rules data beyond the notes "
            "above: ask the board.",
        ),
        empty="No notes on what the board accepts: check with the board.",
    )


def write_audit_zip(target: Path, document: Document, files: list[PacketFile]) -> tuple[Path, int]:
    """The zip, written atomically and privately; returns its path and the certificate count."""
    from careerpath.exports.files import write_atomic

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(SUMMARY, render_html(document))
        for file in files:
            archive.write(file.source, file.name)
    return write_atomic(target, buffer.getvalue()), len(files)
