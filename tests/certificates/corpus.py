"""A corpus of realistic CE certificates, written as PDFs, with the fields a reader should find.

Several providers' layouts: conference session certificates (one per session, the conference's
date range printed next to the session date), online CE (approval valid-through dates as
distractors), ASHA CEUs, physical therapy minutes, AOTA CEUs with their contact-hour
equivalent, multi-page certificates with an agenda and a pharmacology subset, a respiratory
care certificate, one with two amounts and no total (an ambiguity), and one scan without text.

`expected` holds what is printed; None means the reader must flag the field (not printed, or
not determinable: a scan, two amounts).
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from certificates.pdf_writer import Text, write_scanned_pdf, write_text_pdf


@dataclass(frozen=True)
class Sample:
    name: str
    layout: str
    pages: list[list[Text]] = field(default_factory=list)
    expected: dict[str, str | None] = field(default_factory=dict)
    scanned: bool = False

    def write(self, folder: Path) -> Path:
        path = folder / f"{self.name}.pdf"
        if self.scanned:
            return write_scanned_pdf(path)
        return write_text_pdf(path, self.pages)


def _wrap(text: str, x: float, y: float, width: int = 110, size: float = 9) -> list[Text]:
    return [
        Text(line, x, y - n * (size + 3), size, "I")
        for n, line in enumerate(textwrap.wrap(text, width))
    ]


def _expect(
    title: str | None,
    completed: str | None,
    amount: str | None,
    provider: str | None,
    accreditation: str | None,
    approval_number: str | None = None,
    certificate_number: str | None = None,
) -> dict[str, str | None]:
    return {
        "title": title,
        "completed": completed,
        "amount": amount,
        "provider": provider,
        "accreditation": accreditation,
        "approval_number": approval_number,
        "certificate_number": certificate_number,
    }


ANCC = (
    "{who} is accredited as a provider of nursing continuing professional development by the "
    "American Nurses Credentialing Center's Commission on Accreditation."
)

CONFERENCE = "Great Plains Critical Care Conference 2026"
CONFERENCE_PROVIDER = "Prairie Nursing Education Council"
SESSIONS = (
    ("Sepsis Bundles at the Bedside", "1.5", "2026-10-08", "October 8, 2026"),
    ("Ventilator Weaning Protocols", "1", "2026-10-08", "October 8, 2026"),
    ("Delirium in the ICU: Prevention First", "1.25", "2026-10-09", "October 9, 2026"),
    ("Pain Management and Opioid Stewardship", "2", "2026-10-09", "October 9, 2026"),
    ("Implicit Bias in Critical Care", "1", "2026-10-10", "October 10, 2026"),
    ("Rapid Response Teams that Work", "0.75", "2026-10-10", "October 10, 2026"),
)


def conference_session(number: int) -> Sample:
    title, hours, iso, printed = SESSIONS[number]
    statement = ANCC.format(who=CONFERENCE_PROVIDER)
    cert = f"GPCC26-{4100 + number}"
    page = [
        Text("CERTIFICATE OF ATTENDANCE", 396, 540, 24, "B", centered=True),
        Text(CONFERENCE, 396, 505, 14, "T", centered=True),
        Text("Omaha, Nebraska - October 8-10, 2026", 396, 487, 11, centered=True),
        Text("This certifies that", 396, 440, 11, centered=True),
        Text("Jordan A. Rivera, RN", 396, 415, 20, "B", centered=True),
        Text("attended the session", 396, 388, 11, centered=True),
        Text(f"Session: {title}", 396, 362, 15, "B", centered=True),
        Text(f"Session date: {printed}", 396, 335, 11, centered=True),
        Text(f"Contact hours awarded: {hours}", 396, 317, 11, centered=True),
        Text(f"Provider: {CONFERENCE_PROVIDER}", 60, 250, 10),
        *_wrap(statement, 60, 230),
        Text(f"Certificate #: {cert}", 60, 70, 9),
        Text("Keep this certificate for four years.", 520, 70, 9),
    ]
    return Sample(
        f"conference-{number + 1}",
        "conference",
        [page],
        _expect(title, iso, f"{hours} contact_hours", CONFERENCE_PROVIDER, statement, None, cert),
    )


ONLINE = (
    ("Stroke Assessment with the NIHSS", "2.0", "03/14/2026", "2026-03-14", "OC-88412"),
    ("Human Trafficking: Recognize and Respond", "1.0", "01/09/2026", "2026-01-09", "OC-77310"),
    ("Alzheimer's Disease and Dementia Care", "3.0", "11/02/2025", "2025-11-02", "OC-66201"),
    ("Florida Laws and Rules for Nurses", "2.0", "06/30/2026", "2026-06-30", "OC-55102"),
    ("Preventing Medical Errors", "2.0", "07/01/2026", "2026-07-01", "OC-44011"),
)


def online(number: int) -> Sample:
    title, hours, printed, iso, cert = ONLINE[number]
    statement = (
        "Provider approved by the California Board of Registered Nursing, Provider Number "
        f"CEP 16770, for {hours.rstrip('0').rstrip('.')} contact hours."
    )
    page = [
        Text("NurseLearn Online", 60, 555, 13, "B"),
        Text("Certificate of Completion", 396, 500, 26, "B", centered=True),
        Text("This certifies that", 396, 460, 11, centered=True),
        Text("Sam Okafor, RN", 396, 435, 18, "B", centered=True),
        Text("has successfully completed the course", 396, 408, 11, centered=True),
        Text(f'"{title}"', 396, 383, 16, "T", centered=True),
        Text(f"Completed on: {printed}", 396, 350, 11, centered=True),
        Text(f"{hours} ANCC contact hours", 396, 332, 11, centered=True),
        Text("Offered by NurseLearn Online", 60, 230, 10),
        *_wrap(statement, 60, 212),
        Text("CE Broker tracking: reported within 24 hrs of completion.", 60, 180, 9),
        Text("Approval valid through 12/31/2027", 60, 165, 9),
        Text(f"Certificate ID: {cert}", 60, 70, 9),
    ]
    return Sample(
        f"online-{number + 1}",
        "online",
        [page],
        _expect(
            title,
            iso,
            f"{hours.rstrip('0').rstrip('.')} contact_hours",
            "NurseLearn Online",
            statement,
            "CEP 16770",
            cert,
        ),
    )


ASHA_COURSES = (
    ("Pediatric Dysphagia: Feeding the Medically Fragile Infant", "0.15", "5 February 2026",
     "2026-02-05", "AAUE2201"),
    ("Aphasia Treatment: Evidence Update", "0.3", "14 March 2026", "2026-03-14", "AAUE2310"),
    ("Voice Disorders in Teachers", "0.1", "2 May 2026", "2026-05-02", "AAUE2477"),
    ("AAC Assessment for School Teams", "0.2", "28 August 2025", "2025-08-28", "AAUE1980"),
)  # fmt: skip


def asha(number: int) -> Sample:
    title, ceus, printed, iso, course = ASHA_COURSES[number]
    provider = "Northshore Speech Academy"
    statement = (
        f"{provider} is approved by the Continuing Education Board of the American "
        "Speech-Language-Hearing Association (ASHA) to provide continuing education activities "
        "in speech-language pathology and audiology."
    )
    page = [
        Text(provider.upper(), 396, 550, 16, "B", centered=True),
        Text("Continuing Education Certificate", 396, 515, 20, "T", centered=True),
        Text("Participant: Morgan Lee, MS, CCC-SLP", 80, 460, 12),
        Text(f"Course title: {title}", 80, 440, 12),
        Text(f"Date of completion: {printed}", 80, 420, 12),
        Text(
            f"This course is offered for {ceus} ASHA CEUs (Intermediate level, Professional area).",
            80,
            400,
            11,
        ),
        Text(f"ASHA course approval number: {course}", 80, 380, 11),
        *_wrap(statement, 80, 300),
        Text("ASHA CE Provider", 600, 90, 9, "B"),
    ]
    return Sample(
        f"asha-{number + 1}",
        "asha_ceu",
        [page],
        _expect(title, iso, f"{ceus} ceu", provider, statement, course, None),
    )


PT_COURSES = (
    ("Vestibular Rehabilitation Essentials", "90", "2026-01-22", "TX-3012345"),
    ("Concussion Management in Sport", "120", "2026-04-03", "TX-3012398"),
    ("Ethics and Jurisprudence for Texas PTs", "120", "2025-12-11", "TX-3011002"),
    ("Gait Training after Stroke", "45", "2026-08-19", "TX-3012502"),
)


def physical_therapy(number: int) -> Sample:
    title, minutes, iso, approval = PT_COURSES[number]
    provider = "Lone Star Rehab Seminars"
    statement = (
        "This course is approved by the Texas Physical Therapy Association as meeting the "
        "continuing competence requirements for physical therapy licensure renewal in Texas."
    )
    page = [
        Text(provider, 60, 555, 14, "B"),
        Text("CERTIFICATE OF COMPLETION", 396, 505, 22, "B", centered=True),
        Text("Awarded to Casey Nguyen, PT, DPT", 396, 465, 13, centered=True),
        Text(f"Course title: {title}", 100, 420, 12),
        Text("Format: live webinar", 100, 402, 12),
        Text(f"Instructional time: {minutes} minutes", 100, 384, 12),
        Text(f"Completion date: {iso}", 100, 366, 12),
        Text(f"Provider: {provider}", 100, 348, 12),
        Text(f"Approval number: {approval}", 100, 330, 12),
        *_wrap(statement, 100, 280),
        Text(f"Certificate no. LSR-{iso[:4]}-{900 + number}", 100, 70, 9),
    ]
    return Sample(
        f"pt-{number + 1}",
        "pt_minutes",
        [page],
        _expect(
            title, iso, f"{minutes} minutes", provider, statement, approval,
            f"LSR-{iso[:4]}-{900 + number}",
        ),
    )  # fmt: skip


AOTA_COURSES = (
    ("Hand Therapy After Flexor Tendon Repair", "0.2", "2", "April 18, 2026", "2026-04-18"),
    ("Sensory Integration in Early Intervention", "0.3", "3", "June 6, 2026", "2026-06-06"),
    ("Low Vision Rehabilitation", "0.1", "1", "September 29, 2025", "2025-09-29"),
)


def aota(number: int) -> Sample:
    title, ceus, hours, printed, iso = AOTA_COURSES[number]
    provider = "Sunrise Rehab Education"
    statement = f"{provider} is an AOTA Approved Provider of professional development."
    page = [
        Text(provider, 396, 550, 18, "B", centered=True),
        Text("Certificate of Completion", 396, 515, 16, "T", centered=True),
        Text("Riley Patel, OTR/L", 396, 470, 16, "B", centered=True),
        Text("has completed", 396, 450, 11, centered=True),
        Text(title, 396, 428, 15, "T", centered=True),
        Text(f"on {printed}", 396, 408, 11, centered=True),
        Text(f"{statement} Course approval ID# 0{7123 + number}.", 80, 300, 10),
        Text(
            f"This Distance Learning-Independent course is offered at {ceus} CEUs "
            f"({hours} contact hours), Intermediate level, OT Service Delivery.",
            80,
            284,
            10,
        ),
        Text(
            "The assignment of AOTA CEUs does not imply endorsement of specific course content.",
            80,
            268,
            9,
        ),
    ]
    return Sample(
        f"aota-{number + 1}",
        "aota_ceu",
        [page],
        _expect(title, iso, f"{ceus} ceu", provider, statement, f"0{7123 + number}", None),
    )


def multi_page(number: int) -> Sample:
    titles = ("Pharmacology Update for Advanced Practice", "Cardiac Drips: Titration and Safety")
    title = titles[number]
    provider = "Bayview Health System Nursing Education"
    statement = ANCC.format(who=provider)
    day, iso = (("November 12, 2025", "2025-11-12"), ("February 20, 2026", "2026-02-20"))[number]
    hours = ("3.5", "2.5")[number]
    first = [
        Text("Bayview Health System", 60, 555, 14, "B"),
        Text("Certificate of Successful Completion", 396, 500, 22, "B", centered=True),
        Text("Taylor Brooks, APRN", 396, 460, 16, "B", centered=True),
        Text(f"Activity title: {title}", 100, 410, 12),
        Text(f"Date of activity: {day}", 100, 392, 12),
        Text(f"Total: {hours} contact hours", 100, 374, 12),
        Text("See page 2 for the accreditation statement and agenda.", 100, 300, 9),
    ]
    second = [
        Text("Activity details", 60, 555, 14, "B"),
        Text("Agenda", 60, 520, 12, "B"),
        Text("8:00 - 9:30 Lecture and case studies", 60, 502, 10),
        Text("9:45 - 11:15 Simulation and debrief", 60, 488, 10),
        Text("Of which pharmacology: 1.0 contact hours", 60, 460, 10),
        Text(f"Provided by {provider}", 60, 420, 10),
        *_wrap(statement, 60, 400),
        Text("Planning committee reviewed: 2025-08-01", 60, 340, 9),
        Text(f"Certificate number: BHS-{iso.replace('-', '')}-{17 + number}", 60, 70, 9),
    ]
    return Sample(
        f"multipage-{number + 1}",
        "multi_page",
        [first, second],
        _expect(
            title, iso, f"{hours} contact_hours", provider, statement, None,
            f"BHS-{iso.replace('-', '')}-{17 + number}",
        ),
    )  # fmt: skip


def respiratory() -> Sample:
    title = "Noninvasive Ventilation in the Emergency Department"
    statement = (
        "This program has been approved for 1 CRCE contact hour by the American Association for "
        "Respiratory Care, 9425 N. MacArthur Blvd., Suite 100, Irving, TX 75063."
    )
    page = [
        Text("Coastal Respiratory Society", 396, 550, 18, "B", centered=True),
        Text("Certificate of Attendance", 396, 515, 16, "T", centered=True),
        Text("Avery Chen, RRT", 396, 470, 16, "B", centered=True),
        Text(f"Program: {title}", 100, 420, 12),
        Text("Date attended: Dec 3, 2025", 100, 402, 12),
        Text("Presented by Coastal Respiratory Society", 100, 384, 12),
        Text("Course approval number: 180044000", 100, 366, 12),
        *_wrap(statement, 100, 320),
    ]
    return Sample(
        "respiratory-1",
        "respiratory",
        [page],
        _expect(title, "2025-12-03", "1 contact_hours", "Coastal Respiratory Society",
                statement, "180044000", None),
    )  # fmt: skip


def two_amounts() -> Sample:
    """Lecture and lab hours printed apart, no total: two candidates, never a guess."""
    title = "Central Line Care Skills Day"
    provider = "Summit Valley Hospital"
    statement = (
        f"{provider} is approved as a provider of nursing continuing professional development "
        "by the Colorado Nurses Association, an accredited approver by the American Nurses "
        "Credentialing Center's Commission on Accreditation."
    )
    page = [
        Text(provider, 60, 555, 14, "B"),
        Text("Certificate of Participation", 396, 505, 22, "B", centered=True),
        Text(f"Course: {title}", 100, 440, 12),
        Text("Date: 2026-05-14", 100, 422, 12),
        Text("Lecture: 1.0 contact hours", 100, 404, 12),
        Text("Skills lab: 1.5 contact hours", 100, 386, 12),
        *_wrap(statement, 100, 330),
    ]
    return Sample(
        "two-amounts-1",
        "ambiguous_amount",
        [page],
        _expect(title, "2026-05-14", None, provider, statement, None, None),
    )


def scanned() -> Sample:
    return Sample(
        "scanned-1", "scanned", expected=_expect(None, None, None, None, None), scanned=True
    )


def corpus() -> list[Sample]:
    return [
        *(conference_session(n) for n in range(len(SESSIONS))),
        *(online(n) for n in range(len(ONLINE))),
        *(asha(n) for n in range(len(ASHA_COURSES))),
        *(physical_therapy(n) for n in range(len(PT_COURSES))),
        *(aota(n) for n in range(len(AOTA_COURSES))),
        *(multi_page(n) for n in range(2)),
        respiratory(),
        two_amounts(),
        scanned(),
    ]


def write_corpus(folder: Path) -> list[tuple[Sample, Path]]:
    folder.mkdir(parents=True, exist_ok=True)
    return [(sample, sample.write(folder)) for sample in corpus()]


def held_out() -> list[Sample]:
    """Layouts written after the reader was tuned on `corpus()`: they measure how it does on
    wording it was not fitted to. `expected` is what a person reads there (the in-service's
    'CE credit: 1.0' has no unit, so no amount); flagging a printed field is a miss, not an
    error. Amounts and dates are held to zero wrong here too."""
    ena_statement = ANCC.format(who="The Emergency Nurses Association")
    ena = Sample(
        "held-ena",
        "held_out",
        [[
            Text("EMERGENCY NURSING 2026", 396, 540, 22, "B", centered=True),
            Text("This is to certify that Pat Kim, RN", 396, 500, 12, centered=True),
            Text("is awarded 2.25 Contact Hours for successful completion of", 396, 480, 12, centered=True),
            Text("Trauma Nursing Update", 396, 455, 16, "T", centered=True),
            Text("Date: September 12, 2026", 100, 400, 11),
            Text("Issued September 14, 2026", 100, 384, 11),
            *_wrap(ena_statement, 100, 340),
            Text("ENA Provider Number: P0031", 100, 300, 10),
        ]],
        _expect("Trauma Nursing Update", "2026-09-12", "2.25 contact_hours",
                "The Emergency Nurses Association", ena_statement, "P0031", None),
    )  # fmt: skip
    inservice = Sample(
        "held-inservice",
        "held_out",
        [[
            Text("Mercy General Hospital - Staff Development", 60, 555, 13, "B"),
            Text("In-service attendance", 60, 520, 16),
            Text("Topic: Restraint Use and Documentation", 60, 490, 12),
            Text("Date: 3/7/2026", 60, 472, 12),
            Text("CE credit: 1.0", 60, 454, 12),
        ]],
        _expect("Restraint Use and Documentation", "2026-03-07", None,
                "Mercy General Hospital", None, None, None),
    )  # fmt: skip
    course = Sample(
        "held-selfpaced",
        "held_out",
        [[
            Text("CareLearn Academy", 60, 555, 13, "B"),
            Text("Certificate of Completion", 60, 520, 18),
            Text("Course title: Wound Care Fundamentals", 60, 490, 12),
            Text("Start date: 01/02/2026   End date: 01/20/2026", 60, 472, 12),
            Text("This activity has been approved for 1.5 contact hours.", 60, 454, 12),
            Text("This offering includes 0.5 contact hours of pharmacology.", 60, 436, 12),
            Text("Provider: CareLearn Academy", 60, 418, 12),
        ]],
        _expect("Wound Care Fundamentals", "2026-01-20", "1.5 contact_hours", "CareLearn Academy",
                None, None, None),
    )  # fmt: skip
    iacet_statement = (
        "Keystone Health Training is accredited by the International Accreditors for "
        "Continuing Education and Training (IACET)."
    )
    iacet = Sample(
        "held-iacet",
        "held_out",
        [[
            Text("Keystone Health Training", 396, 540, 18, "B", centered=True),
            Text("Respiratory Care Equipment Update", 396, 500, 15, centered=True),
            Text("Completion date: 2026-04-09", 100, 450, 11),
            Text("IACET CEUs: 0.3 (3.0 contact hours)", 100, 432, 11),
            *_wrap(iacet_statement, 100, 400),
        ]],
        _expect("Respiratory Care Equipment Update", "2026-04-09", "0.3 ceu",
                "Keystone Health Training", iacet_statement,
                None, None),
    )  # fmt: skip
    return [ena, inservice, course, iacet]
