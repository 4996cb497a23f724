"""The fields of a CE certificate, read from its text: pure, no files, no clock.

Each field is found (with how sure), missing, or ambiguous (several candidates, listed). The
rules are conservative on purpose: an amount or a date is never chosen among candidates that
disagree, and dates printed next to 'expires', 'valid through' or 'issued' are not completion
dates. Equivalent amounts ("0.15 CEU (1.5 contact hours)") are one amount, in the unit printed
first.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from pydantic import BaseModel, ConfigDict, Field

from careerpath.hours import MAX_CONTACT_HOURS, CEUnit, contact_hours, format_hours


class Found(StrEnum):
    FOUND = "found"
    MISSING = "missing"
    AMBIGUOUS = "ambiguous"


class Confidence(StrEnum):
    HIGH = "high"
    """Printed next to its label ('Date of completion: ...')."""
    LOW = "low"
    """Inferred from context (the only date on the page, the subject of the accreditation)."""


class FieldReading(BaseModel):
    model_config = ConfigDict(frozen=True)

    state: Found
    value: str | None = None
    """The value as stored: ISO date, `1.5 contact_hours`, plain text."""
    confidence: Confidence | None = None
    candidates: list[str] = Field(default_factory=list)
    """For an ambiguous field: the values it could be, in the order printed."""


FIELDS: dict[str, str] = {
    "title": "Title",
    "completed": "Completed",
    "amount": "Amount",
    "provider": "Provider",
    "accreditation": "Accreditation statement",
    "approval_number": "Provider/approval number",
    "certificate_number": "Certificate number",
}
"""Field names in the order shown, with their labels."""
REQUIRED = ("title", "completed", "amount", "provider")
"""What a CE record and a board audit cannot do without. Accreditation is required too, as
either the statement or an approval number (see `CertificateReading.gaps`)."""


class CertificateReading(BaseModel):
    model_config = ConfigDict(frozen=True)

    fields: dict[str, FieldReading]
    accreditor: str | None = None
    """The accrediting body named in the statement (ANCC, ASHA, AOTA ...), when it is one we know."""

    def get(self, name: str) -> FieldReading:
        return self.fields[name]

    def gaps(self) -> list[str]:
        """Fields to resolve before the reading can be accepted unattended (`--yes`)."""
        out = [n for n in REQUIRED if self.fields[n].state is not Found.FOUND]
        if all(
            self.fields[n].state is not Found.FOUND for n in ("accreditation", "approval_number")
        ):
            out.append("accreditation")
        out += [
            n
            for n in ("accreditation", "approval_number", "certificate_number")
            if self.fields[n].state is Found.AMBIGUOUS and n not in out
        ]
        return out


_MISSING = FieldReading(state=Found.MISSING)


def _found(value: str, confidence: Confidence) -> FieldReading:
    return FieldReading(state=Found.FOUND, value=value, confidence=confidence)


def _choose(values: list[str], confidence: Confidence) -> FieldReading:
    unique = list(dict.fromkeys(values))
    if not unique:
        return _MISSING
    if len(unique) == 1:
        return _found(unique[0], confidence)
    return FieldReading(state=Found.AMBIGUOUS, candidates=unique)


def read_fields(text: str) -> CertificateReading:
    """Every field of one certificate's text (all its pages)."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    flat = join_lines(lines)
    statement = accreditation(lines)
    provider = provider_of(lines, statement.value)
    return CertificateReading(
        fields={
            "title": title_of(lines),
            "completed": completion_date(lines),
            "amount": amount_of(flat),
            "provider": provider,
            "accreditation": statement,
            "approval_number": approval_number(flat),
            "certificate_number": certificate_number(flat),
        },
        accreditor=accreditor_of(statement.value),
    )


# -- amounts ---------------------------------------------------------------------------------

_NUMBER = r"(?<![\d.,/-])(\d{1,3}(?:\.\d{1,4})?|\.\d{1,4})(?![\d/-])"
_HOUR_WORDS = (
    r"(?:nursing\s+|ANCC\s+|CNE\s+|CRCE\s+|continuing\s+education\s+)?(?:contact\s*hours?|CNE\s+hours?"
    r"|CE\s+hours?|clock\s+hours?|hours?\s+of\s+(?:continuing\s+education|CE)|credit\s+hours?)"
)
_AMOUNT_PATTERNS: tuple[tuple[re.Pattern[str], CEUnit], ...] = (
    (re.compile(_NUMBER + r"\s*" + _HOUR_WORDS + r"\b", re.I), CEUnit.CONTACT_HOURS),
    (
        re.compile(
            r"\b(?:contact\s*hours?|CE\s+hours|CNE\s+hours)\s*(?:awarded|earned)?\s*[:=]\s*"
            + _NUMBER
            + r"(?!\s*(?:CEU|min))",
            re.I,
        ),
        CEUnit.CONTACT_HOURS,
    ),
    (
        re.compile(_NUMBER + r"\s*(?:ASHA\s+|AOTA\s+|IACET\s+|ACPE\s+)?CEUs?\b", re.I),
        CEUnit.CEU,
    ),
    (
        re.compile(
            r"\bCEUs?\s*(?:awarded|earned)?\s*[:=]\s*" + _NUMBER + r"(?!\s*(?:contact|hour|min))",
            re.I,
        ),
        CEUnit.CEU,
    ),
    (re.compile(r"(?<![\d.,/-])(\d{1,4})\s*(?:minutes|mins?)\b", re.I), CEUnit.MINUTES),
)
_PART_OF_TOTAL = re.compile(
    r"(?:of\s+which|including|includes|pharmacolog\w*|pharmacotherapeutic\w*|Rx)\s*[:(]?\s*$",
    re.I,
)
"""Words just before an amount that make it a part of the total, not the total."""


def amount_of(flat: str) -> FieldReading:
    """The activity's amount and unit; candidates that differ in contact hours are ambiguous."""
    found: list[tuple[int, Decimal, CEUnit]] = []
    taken: list[tuple[int, int]] = []
    for pattern, unit in _AMOUNT_PATTERNS:
        for match in pattern.finditer(flat):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            before = flat[max(0, start - 25) : start]
            if _PART_OF_TOTAL.search(before):
                continue
            number = Decimal(match.group(1))
            hours = contact_hours(number, unit)
            if hours <= 0 or hours > MAX_CONTACT_HOURS:
                continue
            taken.append((start, end))
            found.append((start, number, unit))
    found.sort()
    groups: dict[Fraction, str] = {}
    for _, number, unit in found:
        groups.setdefault(contact_hours(number, unit), f"{format(number.normalize(), 'f')} {unit}")
    if not groups:
        return _MISSING
    if len(groups) == 1:
        return _found(next(iter(groups.values())), Confidence.HIGH)
    return FieldReading(state=Found.AMBIGUOUS, candidates=list(groups.values()))


def describe_amount(value: str) -> str:
    """`1.5 contact_hours` -> `1.5 contact hours`; `0.15 ceu` -> `0.15 CEU (1.5 contact hours)`."""
    number, unit = value.split(" ", 1)
    amount, kind = Decimal(number), CEUnit(unit)
    if kind is CEUnit.CONTACT_HOURS:
        return f"{number} contact hours"
    hours = format_hours(contact_hours(amount, kind))
    word = "CEU" if kind is CEUnit.CEU else "minutes"
    return f"{number} {word} ({hours} contact hours)"


# -- dates -----------------------------------------------------------------------------------

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_PATTERNS = (
    re.compile(
        _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\s*(?:[-–]\s*(?P<last>\d{1,2}))?,?\s+"
        r"(?P<year>\d{4})\b",
        re.I,
    ),
    re.compile(r"\b(?P<day>\d{1,2})\s+" + _MONTH + r",?\s+(?P<year>\d{4})\b", re.I),
    re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\b"),
    re.compile(r"\b(?P<mnum>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})\b"),
)
_COMPLETION = re.compile(
    r"(?:date\s+of\s+(?:completion|attendance|activity|course|session|program|event|training)"
    r"|completion\s+date|date\s+completed|completed(?:\s+on)?|date\s+attended|attended\s+on"
    r"|session\s+date|activity\s+date|course\s+date|awarded\s+on|earned\s+on|on)"
    r"\s*[:#-]?\s*$",
    re.I,
)
_NOT_COMPLETION = re.compile(
    r"(?:expir\w*|valid\s+(?:through|until|thru)|approv\w*\s+(?:through|until|period|valid)"
    r"|approval\s+(?:period|expires|date)|through|until|issued(?:\s+on)?|date\s+issued"
    r"|printed(?:\s+on)?|released?(?:\s+date)?|review(?:ed)?(?:\s+date)?|accredited\s+until"
    r"|renew\w*|revised|effective|birth)\s*(?:date)?\s*[:#-]?\s*[\w ,]{0,12}$",
    re.I,
)


def _dates_in(line: str) -> list[tuple[int, list[dt.date]]]:
    """(position, days) for each date or date range in a line; a range gives every day."""
    out: list[tuple[int, list[dt.date]]] = []
    taken: list[tuple[int, int]] = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(line):
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            parts = match.groupdict()
            month = _MONTHS[parts["month"].lower()] if parts.get("month") else int(parts["mnum"])
            try:
                first = dt.date(int(parts["year"]), month, int(parts["day"]))
                last = first.replace(day=int(parts["last"])) if parts.get("last") else first
            except ValueError:
                continue
            if last < first:
                continue
            days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
            taken.append(match.span())
            out.append((match.start(), days))
    return sorted(out, key=lambda item: item[0])


def completion_date(lines: list[str]) -> FieldReading:
    """The completion date: a labeled one if any, else the only date not marked as another."""
    labeled: list[str] = []
    unlabeled: list[str] = []
    for index, line in enumerate(lines):
        for position, days in _dates_in(line):
            before = line[:position]
            if not before.strip() and index > 0:
                before = lines[index - 1]  # the label on its own line above
            if _NOT_COMPLETION.search(before):
                continue
            target = labeled if _COMPLETION.search(before) else unlabeled
            target.extend(day.isoformat() for day in days)
    if labeled:
        return _choose(labeled, Confidence.HIGH)
    return _choose(unlabeled, Confidence.LOW)


def parse_date(text: str) -> dt.date | None:
    """One date as a person types it (ISO, 03/14/2026, March 14, 2026), or None."""
    found = _dates_in(" ".join(text.split()))
    if len(found) == 1 and len(found[0][1]) == 1:
        return found[0][1][0]
    return None


# -- text fields -----------------------------------------------------------------------------

_TITLE_KEYS = re.compile(
    r"^(?:course|activity|session|program|presentation|module|webinar)\s*(?:title|name)?"
    r"\s*:|^title\s*:",
    re.I,
)
_COMPLETED_PHRASE = re.compile(
    r"(?:has\s+)?(?:successfully\s+)?(?:completed|attended|participated\s+in)"
    r"(?:\s+the\s+(?:course|activity|session|program|webinar))?\s*:?\s*(?P<rest>.*)$",
    re.I,
)
_QUOTES = "\"'“”‘’"


def _clean_title(text: str) -> str:
    return text.strip().strip(_QUOTES).strip().rstrip(".").strip(_QUOTES).strip()


def title_of(lines: list[str]) -> FieldReading:
    """A labeled title ('Course title: ...'), else the line after 'has completed'."""
    labeled: list[str] = []
    for index, line in enumerate(lines):
        if _TITLE_KEYS.match(line):
            rest = line.split(":", 1)[1].strip()
            if not rest and index + 1 < len(lines):
                rest = lines[index + 1]
            rest = _clean_title(rest)
            if rest and not _dates_in(rest) and not _AMOUNT_HINT.search(rest):
                labeled.append(rest)
    if labeled:
        return _choose(labeled, Confidence.HIGH)
    phrased: list[str] = []
    for index, line in enumerate(lines):
        match = _COMPLETED_PHRASE.search(line)
        if not match:
            continue
        rest = "" if _dates_in(match["rest"]) else _clean_title(match["rest"])
        if not rest and index + 1 < len(lines):
            rest = _clean_title(lines[index + 1])
        if rest and not _dates_in(rest) and not _AMOUNT_HINT.search(rest):
            phrased.append(rest)
            break
    return _choose(phrased, Confidence.LOW)


_AMOUNT_HINT = re.compile(r"\d\s*(?:contact|CEU|minutes|hours)", re.I)


_PROVIDER_LABEL = re.compile(
    r"^(?:(?:CE\s+|education\s+)?provider(?:\s+name)?\s*:|(?:provided|presented|sponsored"
    r"|offered|hosted|jointly\s+provided)\s+by)\s*(?P<name>[^:]+?)\s*$",
    re.I,
)
_PROVIDER_STOP = re.compile(r"\s*(?:,?\s*(?:provider|approval)\s*(?:number|no\.?|#).*)$", re.I)


def provider_of(lines: list[str], statement: str | None) -> FieldReading:
    """A labeled provider, else the subject of the accreditation statement."""
    labeled = []
    for line in lines:
        match = _PROVIDER_LABEL.search(line)
        if match and not re.search(r"\b(?:number|no\.?|#|approved|accredited)\b", match["name"]):
            name = _PROVIDER_STOP.sub("", match["name"]).strip(" .,")
            if name and not _dates_in(name):
                labeled.append(name)
    if labeled:
        return _choose(labeled, Confidence.HIGH)
    if statement:
        subject = re.match(
            r"^(?:This\s+activity\s+is\s+provided\s+by\s+)?(?P<who>.+?)\s*,?\s+(?:is|are)\s+"
            r"(?:an?\s+)?(?:accredited|approved|AOTA|ASHA|IACET|recognized)",
            statement,
        )
        if subject and len(subject["who"]) <= 120 and not subject["who"].lower().startswith("this"):
            return _found(subject["who"].strip(" ,"), Confidence.LOW)
    return _MISSING


_STATEMENT = re.compile(
    r"\b(?:(?:is|are|has\s+been)\s+(?:an?\s+)?(?:accredited|approved\s+(?:by|as)|AOTA\s+Approved"
    r"|approved\s+provider|ASHA\s+Approved|IACET\s+Accredited|recognized\s+as)"
    r"|^Provider\s+approved\s+by"
    r"|approved\s+for\s+.{0,60}?\bby\s+the\s+(?:[A-Z][\w-]*\s+){1,6}"
    r"(?:Association|Board|Center|Council|Commission))",
    re.I,
)
_SENTENCE_END = re.compile(
    r"(?<!\b[A-Z])(?<!\bSt)(?<!\bInc)(?<!\bBlvd)(?<!\bSte)(?<!\bNo)[.!?](?=\s+[A-Z]|\s*$)"
)
"""A sentence's end, not an abbreviation's ('9425 N. MacArthur Blvd., Suite 100')."""
_SENTENCE_START = re.compile(r"(?:^|(?<=[.!?])\s+)(?=[A-Z])")


def join_lines(lines: list[str]) -> str:
    """Lines as running text: a line ending in a hyphen joins the next without a space."""
    out = ""
    for line in lines:
        out += line if out.endswith("-") or not out else " " + line
    return out


def accreditation(lines: list[str]) -> FieldReading:
    """The first sentence saying who accredits or approves the provider. It must start on a
    line that names the approval (statements wrap over lines; headings above them do not)."""
    for index, line in enumerate(lines):
        for start in _SENTENCE_START.finditer(line):
            head = line[start.end() :]
            match = _STATEMENT.search(head)
            if match is None:
                continue
            text = join_lines([head, *lines[index + 1 : index + 8]])
            end = _SENTENCE_END.search(text[match.end() :])
            sentence = text[: match.end() + end.end()] if end else text
            return _found(sentence.strip()[:600], Confidence.HIGH)
    return _MISSING


_APPROVAL = (
    re.compile(
        r"\b(?:provider|approval|approved\s+provider|course\s+approval|activity\s+approval"
        r"|CE\s+broker\s+(?:provider|tracking))\s*(?:number|no\.?|#|id|code)\s*(?:#|:|is)?\s*"
        r"(?P<value>(?:CEP|PCE|BAP|RN)?\s?[A-Z]{0,4}[- ]?\d[\dA-Z-]{1,19})",
        re.I,
    ),
    re.compile(r"\b(?P<value>CEP\s?#?\s?\d{3,6})\b"),
)


def approval_number(flat: str) -> FieldReading:
    values: list[str] = []
    taken: list[tuple[int, int]] = []
    for pattern in _APPROVAL:
        for match in pattern.finditer(flat):
            if any(match.start("value") < e and s < match.end("value") for s, e in taken):
                continue
            taken.append(match.span("value"))
            values.append(" ".join(match["value"].replace("#", " ").split()))
    unique = list(dict.fromkeys(values))
    if not unique:
        return _MISSING
    return _found("; ".join(unique), Confidence.HIGH)


_CERTIFICATE_NUMBER = re.compile(
    r"\b(?:certificate|cert\.?)\s*(?:number|no\.?|#|id|code)\s*[:#]?\s*(?P<value>[A-Z0-9][A-Z0-9-]{3,30})",
    re.I,
)


def certificate_number(flat: str) -> FieldReading:
    return _choose([m["value"] for m in _CERTIFICATE_NUMBER.finditer(flat)], Confidence.HIGH)


_ACCREDITORS = (
    ("American Nurses Credentialing Center", "ANCC"),
    ("ANCC", "ANCC"),
    ("American Speech-Language-Hearing Association", "ASHA CEB"),
    ("ASHA", "ASHA CEB"),
    ("American Occupational Therapy Association", "AOTA"),
    ("AOTA", "AOTA"),
    ("IACET", "IACET"),
    ("International Accreditors for Continuing Education and Training", "IACET"),
    ("American Association for Respiratory Care", "AARC"),
    ("Federation of State Boards of Physical Therapy", "FSBPT"),
)
_BOARD = re.compile(r"\b((?:[A-Z][a-z]+\s){1,3}Board\s+of\s+(?:Registered\s+)?Nursing)\b")


def accreditor_of(statement: str | None) -> str | None:
    if not statement:
        return None
    for needle, short in _ACCREDITORS:
        if needle in statement:
            return short
    match = _BOARD.search(statement)
    return match.group(1) if match else None
