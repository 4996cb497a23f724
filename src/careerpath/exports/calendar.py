"""Every dated duty as an iCalendar file a phone calendar can import.

The events are the planner's obligations (planner/reminders.py): license, privilege and
certification expiries, CE still owed at a license's renewal, and apply-by dates for stored
upcoming assignments. Each is an all-day event with display alarms at the user's lead times
(90, 60, 30 and 7 days by default), at 09:00 local time on those days. An alarm whose day has
already passed is left out (a date nearer than every lead time gets one alarm on the day
itself), and a date already past gets none: the event stays, worded in the past tense.

UIDs name the record and the duty, never the date (`license-12-expires@careerpath`,
`cert-bls-expires@careerpath`), so importing a later export after a renewal moves the event
instead of adding a second one. DTSTAMP is `today`, so one day's export is byte-for-byte stable.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from icalendar import Alarm, Calendar, Event

from careerpath import __version__, jurisdictions
from careerpath.exports.labels import short_license
from careerpath.hours import format_hours
from careerpath.planner import credentials
from careerpath.planner.ce_ledger import CELedger
from careerpath.planner.ce_status import LicenseCE, ce_status, state_rules_for
from careerpath.planner.reminders import Obligation, ReminderKind, obligations
from careerpath.planner.settings import PlannerSettings
from careerpath.records import Assignment, Certification, License, Records
from careerpath.reference.loader import RulesData

PRODID = f"-//careerpath//careerpath {__version__}//EN"
UID_DOMAIN = "careerpath"
ALARM_HOUR = 9
"""Alarms fire at this local hour on their day rather than at midnight."""

_SUFFIX = {
    ReminderKind.LICENSE_EXPIRY: "expires",
    ReminderKind.PRIVILEGE_EXPIRY: "expires",
    ReminderKind.PRIVILEGE_LAPSED: "lapses",
    ReminderKind.CERTIFICATION_EXPIRY: "expires",
    ReminderKind.CE_SHORTFALL: "ce-due",
    ReminderKind.APPLY_BY: "apply-by",
}
_CATEGORY = {
    ReminderKind.LICENSE_EXPIRY: "License",
    ReminderKind.PRIVILEGE_EXPIRY: "License",
    ReminderKind.PRIVILEGE_LAPSED: "License",
    ReminderKind.CERTIFICATION_EXPIRY: "Certification",
    ReminderKind.CE_SHORTFALL: "CE",
    ReminderKind.APPLY_BY: "Assignment",
}


def build_calendar(
    records: Records,
    rules: RulesData,
    today: dt.date,
    settings: PlannerSettings | None = None,
) -> bytes:
    """The iCalendar file (RFC 5545) for every obligation, as bytes ready to write."""
    settings = settings or PlannerSettings()
    ledger = CELedger(records.ce_activities)
    found = obligations(records, rules, today, settings=settings, ledger=ledger)
    context = _Context(records, rules, today, ledger)

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "careerpath")
    stamp = dt.datetime.combine(today, dt.time(0), tzinfo=dt.UTC)
    seen: set[str] = set()
    for ob, uid in sorted(_with_uids(found.items, context, seen), key=lambda p: (p[0].date, p[1])):
        calendar.add_component(_event(ob, uid, stamp, today, settings, context))
    content: bytes = calendar.to_ical()
    return content


class _Context:
    """Lookups for the wording and links of each event."""

    def __init__(
        self, records: Records, rules: RulesData, today: dt.date, ledger: CELedger
    ) -> None:
        self.rules = rules
        self.today = today
        self.licenses = credentials.by_id(records)
        self.certs: dict[int, Certification] = {
            c.id: c for c in records.certifications if c.id is not None
        }
        self.assignments: dict[int, Assignment] = {
            a.id: a for a in records.assignments if a.id is not None
        }
        self.ce: dict[int, LicenseCE] = {
            row.license_id: row
            for row in ce_status(records, rules, today, ledger).licenses
            if row.license_id is not None
        }
        professions = credentials.professions_of(records)
        self.default_profession = professions[0] if professions else None

    def board(self, lic: License) -> tuple[str | None, str | None]:
        state = state_rules_for(lic, self.rules)
        return (state.board.name, state.board.url) if state else (None, None)

    def assignment_board(self, item: Assignment) -> tuple[str | None, str | None]:
        profession = str(item.profession) if item.profession else self.default_profession
        if profession is None:
            return None, None
        state = self.rules.rules_for(profession, item.jurisdiction)
        return (state.board.name, state.board.url) if state else (None, None)


def _with_uids(
    items: Iterable[Obligation], context: _Context, seen: set[str]
) -> list[tuple[Obligation, str]]:
    out = []
    for ob in items:
        uid = _uid(ob, context)
        if uid in seen:  # two duties of one kind on one record: keep both, distinctly
            uid = uid.replace("@", f"-{ob.date.isoformat()}@")
        seen.add(uid)
        out.append((ob, uid))
    return out


def _uid(ob: Obligation, context: _Context) -> str:
    suffix = _SUFFIX[ob.kind]
    if ob.kind is ReminderKind.CERTIFICATION_EXPIRY and ob.record_id in context.certs:
        # By name: a renewed card is usually a new record that supersedes the old one.
        return f"cert-{_slug(context.certs[ob.record_id].name)}-{suffix}@{UID_DOMAIN}"
    ident = str(ob.record_id) if ob.record_id is not None else _slug(ob.text)
    return f"{ob.record}-{ident}-{suffix}@{UID_DOMAIN}"


def _slug(text: str) -> str:
    kept = "".join(ch if ch.isalnum() else "-" for ch in text.casefold())
    return "-".join(part for part in kept.split("-") if part) or "item"


def _event(
    ob: Obligation,
    uid: str,
    stamp: dt.datetime,
    today: dt.date,
    settings: PlannerSettings,
    context: _Context,
) -> Event:
    past = ob.overdue or ob.date < today
    summary, details, url = _wording(ob, past, context)
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", ob.date)
    event.add("dtend", ob.date + dt.timedelta(days=1))
    event.add("summary", summary)
    text = ob.past_text if past and ob.past_text else ob.text
    lines = [_sentence(text), *details]
    if url:
        lines.append(url)
    lines.append(f"(careerpath, as of {today.isoformat()})")
    event.add("description", "\n".join(lines))
    if url:
        event.add("url", url)
    event.add("categories", [_CATEGORY[ob.kind]])
    event.add("transp", "TRANSPARENT")
    event.add("class", "PRIVATE")
    for lead in alarm_leads(ob.date, today, settings.lead_times):
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", dt.timedelta(days=-lead, hours=ALARM_HOUR))
        when = "today" if lead == 0 else f"in {lead} days"
        alarm.add("description", f"{summary} {when}")
        event.add_component(alarm)
    return event


def alarm_leads(date: dt.date, today: dt.date, leads: tuple[int, ...]) -> list[int]:
    """Lead times whose alarm day is still ahead (or today); for a date closer than every lead
    time, one alarm on the day itself. A date already past gets none: an alarm in the past would
    only pop up as 'missed' the moment the calendar is imported."""
    if date < today:
        return []
    ahead = [lead for lead in leads if date - dt.timedelta(days=lead) >= today]
    return ahead or [0]


def _sentence(text: str) -> str:
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def _wording(ob: Obligation, past: bool, context: _Context) -> tuple[str, list[str], str | None]:
    """(SUMMARY, extra DESCRIPTION lines, board URL) for one obligation."""
    kind = ob.kind
    if kind is ReminderKind.CERTIFICATION_EXPIRY:
        cert = context.certs.get(ob.record_id or -1)
        name = cert.name if cert else "Certification"
        details = [f"Issuer: {cert.issuer}."] if cert and cert.issuer else []
        return f"{name} {'expired' if past else 'expires'}", details, None

    if kind is ReminderKind.APPLY_BY:
        item = context.assignments.get(ob.record_id or -1)
        if item is None:
            return ob.text, [], None
        where = item.facility or jurisdictions.name(item.jurisdiction)
        board, url = context.assignment_board(item)
        details = [f"Assignment starts {item.start.isoformat()} ({item.status})."]
        if board:
            details.append(f"Board: {board}.")
        if "processing time unknown" in ob.text:  # dated on the start: no apply-by known
            return f"{where} starts: {item.jurisdiction} board time unknown", details, url
        return f"Apply for {item.jurisdiction} license for {where}", details, url

    lic = context.licenses.get(ob.record_id or -1)
    if lic is None:
        return ob.text, [], None
    short = short_license(lic)
    board, url = context.board(lic)
    details = [f"Board: {board}."] if board else []
    if kind is ReminderKind.CE_SHORTFALL:
        row = context.ce.get(lic.id or -1)
        summary = _ce_summary(short, row, past)
        return summary, [*_ce_details(row, context.today), *details], url
    if kind is ReminderKind.PRIVILEGE_LAPSED:
        verb = "lapsed" if past else "ends with its home license"
        return f"{short} {verb}", details, url
    if lic.expires is not None:
        status = "" if lic.status == "active" else f" (status: {lic.status})"
        details.insert(0, f"Expiry date {lic.expires.isoformat()}{status}.")
    return f"{short} {'expired' if past else 'expires'}", details, url


def _ce_summary(short: str, row: LicenseCE | None, past: bool) -> str:
    if row is None:
        return f"CE due for {short}"
    owed = []
    if row.needed:
        owed.append(f"{format_hours(row.needed)} h")
    if row.missing:
        count = len(row.missing)
        if count == 1 and not owed:
            owed.append(row.missing[0])
        else:
            owed.append(f"{count} topic" + ("s" if count > 1 else ""))
    return f"CE for {short}: {' + '.join(owed) or 'some'} {'short' if past else 'still owed'}"


def _ce_details(row: LicenseCE | None, today: dt.date) -> list[str]:
    if row is None:
        return []
    lines = []
    if row.window_start and row.window_end:
        window = f"{row.window_start.isoformat()} to {row.window_end.isoformat()}"
        required = "unknown" if row.required is None else f"{format_hours(row.required)} h"
        lines.append(
            f"Renewal window {window}: required {required}, earned {format_hours(row.earned)} h "
            f"(as of {today.isoformat()})."
        )
    if row.missing:
        lines.append("Missing mandatory topics: " + ", ".join(row.missing) + ".")
    if row.check:
        lines.append("Check: " + "; ".join(row.check) + ".")
    return lines
