"""A CE record in the making from one certificate: what was read, what the user settled.

The CLI and the app show the same preview and ask about the same gaps; this module holds
both, without any input or output, so they cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from careerpath.amounts import split_amount
from careerpath.certificates.extract import (
    FIELDS,
    REQUIRED,
    CertificateReading,
    Confidence,
    Found,
    describe_amount,
    parse_date,
    read_fields,
)
from careerpath.certificates.text import CertificateText
from careerpath.errors import CareerpathError

NOT_FOUND = "– not found"


@dataclass
class Draft:
    path: Path
    reading: CertificateReading
    problem: str | None = None
    values: dict[str, str | None] = field(default_factory=dict)
    candidates: dict[str, list[str]] = field(default_factory=dict)
    """Fields read ambiguously and not settled yet, with what they could be."""
    inferred: set[str] = field(default_factory=set)
    """Fields found from context rather than next to their label: shown as 'check'."""

    def set(self, name: str, value: str | None) -> None:
        """Settle a field (the user's answer, or a value shared by the whole batch)."""
        self.values[name] = normalize(name, value) if value else None
        self.candidates.pop(name, None)
        self.inferred.discard(name)

    def gaps(self) -> list[str]:
        """Fields to settle before saving: required ones missing, any still ambiguous, and the
        accreditation (statement or approval number) boards ask for."""
        out = [n for n in REQUIRED if not self.values.get(n)]
        if not self.values.get("accreditation") and not self.values.get("approval_number"):
            out.append("accreditation")
        out += [n for n in self.candidates if n not in out]
        return out

    def preview(self) -> list[tuple[str, str]]:
        """(label, what was read) for each field, in order, marking what is not settled."""
        rows = []
        for name, label in FIELDS.items():
            value = self.values.get(name)
            if name in self.candidates:
                shown = "? ambiguous: " + " or ".join(_show(name, c) for c in self.candidates[name])
            elif value is None:
                shown = NOT_FOUND
            else:
                shown = _show(name, value)
                if name in self.inferred:
                    shown += "  (inferred: check)"
            rows.append((label, shown))
        if self.reading.accreditor and self.values.get("accreditation"):
            rows.append(("Accreditor", self.reading.accreditor))
        return rows

    def shown(self, name: str, value: str) -> str:
        return _show(name, value)

    def session(self) -> dict[str, Any]:
        """The CE fields as `ce add` validates them (the certificate file to attach included)."""
        amount = self.values.get("amount") or ""
        number, _, unit = amount.partition(" ")
        data: dict[str, Any] = {
            "title": self.values.get("title"),
            "completed": self.values.get("completed"),
            "amount": number,
            "unit": unit or None,
            "provider": self.values.get("provider"),
            "accreditation": self.values.get("accreditation"),
            "approval_number": self.values.get("approval_number"),
            "certificate_number": self.values.get("certificate_number"),
            "certificate": str(self.path),
        }
        if self.reading.accreditor and self.values.get("accreditation"):
            data["accreditor"] = self.reading.accreditor
        return {k: v for k, v in data.items() if v}


def draft_of(text: CertificateText) -> Draft:
    reading = read_fields(text.text)
    draft = Draft(text.path, reading, text.problem)
    for name in FIELDS:
        got = reading.get(name)
        draft.values[name] = got.value if got.state is Found.FOUND else None
        if got.state is Found.AMBIGUOUS:
            draft.candidates[name] = list(got.candidates)
        if got.confidence is Confidence.LOW:
            draft.inferred.add(name)
    return draft


def normalize(name: str, value: str) -> str:
    """A typed answer in the stored form; a bad date or amount is a one-line error."""
    value = " ".join(value.split())
    if name == "completed":
        day = parse_date(value)
        if day is None:
            raise CareerpathError(f"{value!r} is not a date (e.g. 2026-03-14 or March 14, 2026)")
        return day.isoformat()
    if name == "amount":
        number, unit = split_amount(value)
        if number <= 0:
            raise CareerpathError(f"the amount must be more than 0, got {value!r}")
        return f"{format(number.normalize(), 'f')} {unit or 'contact_hours'}"
    return value


def _show(name: str, value: str) -> str:
    if name == "amount":
        return describe_amount(value)
    if name == "accreditation" and len(value) > 90:
        return value[:87] + "..."
    return value


def shared_value(drafts: list[Draft], name: str) -> str | None:
    """The value most of the batch read (a default to offer the others), or None."""
    seen = [d.values[name] for d in drafts if d.values.get(name) and name not in d.candidates]
    if not seen:
        return None
    return max(dict.fromkeys(seen), key=seen.count)


__all__ = ["NOT_FOUND", "Draft", "draft_of", "normalize", "shared_value"]
