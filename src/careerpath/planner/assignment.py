"""Can I take this assignment, and by what date must I apply?

Routes, best first: already covered; buy a compact privilege; upgrade to an NLC multistate
license; apply by endorsement; a temporary license while the endorsement is processed. The
apply-by date is planned backwards from the start date: board processing (the published maximum
when there is one, in business days where the board counts them) plus the user's allowance for
fingerprints plus a safety margin.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from careerpath import jurisdictions
from careerpath.planner import credentials
from careerpath.planner.dates import days_before
from careerpath.planner.residence import Residence
from careerpath.planner.settings import PlannerSettings
from careerpath.planner.unknown import Unknown, rules_missing, unknown_text
from careerpath.planner.where import Authority, Basis, WhereReport, where
from careerpath.records import Assignment, AssignmentStatus, Records
from careerpath.reference.loader import RulesData
from careerpath.reference.schema import Compact, StateRules


class Verdict(StrEnum):
    COVERED = "covered"
    RENEW = "renew"
    """Covered once a license that lapses before or during the assignment is renewed."""
    ACT_FIRST = "act_first"
    """Covered only if a step the rules require is taken by a date (after a move, the NLC's
    application in the new home state)."""
    ON_TRACK = "on_track"
    TIGHT = "tight"
    TOO_LATE = "too_late"
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


_RANK = {
    Verdict.COVERED: 0,
    Verdict.RENEW: 1,
    Verdict.ACT_FIRST: 1,
    Verdict.ON_TRACK: 2,
    Verdict.TIGHT: 3,
    Verdict.UNKNOWN: 4,
    Verdict.TOO_LATE: 5,
}


class RouteKind(StrEnum):
    COVERED = "covered"
    PRIVILEGE = "privilege"
    MULTISTATE_UPGRADE = "multistate_upgrade"
    ENDORSEMENT = "endorsement"
    TEMPORARY_LICENSE = "temporary_license"


class Step(BaseModel):
    model_config = ConfigDict(frozen=True)

    text: str
    days: int | None = None
    business_days: bool = False


class Route(BaseModel):
    model_config = ConfigDict(frozen=True)

    kind: RouteKind
    title: str
    steps: list[Step] = Field(default_factory=list)
    fee_usd: float | None = None
    lead_days: int | None = None
    """Days the route needs before the start, margin excluded (None: unknown)."""
    apply_by: dt.date | None = None
    verdict: Verdict
    notes: list[str] = Field(default_factory=list)
    unknowns: list[Unknown] = Field(default_factory=list)


class ExpiryIssue(BaseModel):
    model_config = ConfigDict(frozen=True)

    what: str
    expires: dt.date
    when: str
    """'before the start' or 'during the assignment'."""
    record: str
    record_id: int | None = None


class AssignmentPlan(BaseModel):
    model_config = ConfigDict(frozen=True)

    state: str
    state_name: str
    profession: str
    start: dt.date
    end: dt.date | None
    today: dt.date
    assignment_id: int | None = None
    facility: str | None = None
    authority: Authority
    routes: list[Route]
    verdict: Verdict
    apply_by: dt.date | None
    best_route: RouteKind | None
    expiring: list[ExpiryIssue] = Field(default_factory=list)
    unknowns: list[Unknown] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    board_url: str | None = None


def plan_assignment(
    records: Records,
    rules: RulesData,
    today: dt.date,
    *,
    state: str,
    start: dt.date,
    end: dt.date | None = None,
    profession: str | None = None,
    settings: PlannerSettings | None = None,
    assignment: Assignment | None = None,
    report: WhereReport | None = None,
) -> AssignmentPlan:
    """Every route to working in `state` from `start`, with the verdict of the best one."""
    settings = settings or PlannerSettings()
    state = jurisdictions.normalize(state)
    if profession is None:
        found = credentials.professions_of(records)
        if not found:
            from careerpath.errors import CareerpathError

            raise CareerpathError(
                "no profession to plan for: set one (careerpath profile set --profession RN) "
                "or pass --profession"
            )
        profession = found[0]
    if report is None or report.profession != profession:
        report = where(records, rules, today, profession)
    authority = report.get(state)
    state_rules = rules.rules_for(profession, state)
    compact = rules.compact_for(profession, today)
    last_day = end or start
    planner = _Routes(
        records, today, start, last_day, settings, authority, state_rules, compact,
        residence=report.residence,
    )  # fmt: skip
    planner.has_file = rules.state_rules(profession) is not None
    routes = planner.build(report.home_state, profession)
    best = min(routes, key=lambda r: _RANK[r.verdict]) if routes else None
    unknowns = list(dict.fromkeys(u for r in routes for u in r.unknowns))
    notes = list(report.notes)
    if (
        authority.basis is Basis.COMPACT_PENDING
        and authority.expected
        and authority.expected <= start
    ):
        notes.append(
            f"The compact is expected in force on {authority.expected.isoformat()}, before "
            "your start: you may not need a license, but plan as if you do until it is."
        )
    return AssignmentPlan(
        state=state,
        state_name=jurisdictions.name(state),
        profession=profession,
        start=start,
        end=end,
        today=today,
        assignment_id=assignment.id if assignment else None,
        facility=assignment.facility if assignment else None,
        authority=authority,
        routes=routes,
        verdict=best.verdict if best else Verdict.UNKNOWN,
        apply_by=best.apply_by if best else None,
        best_route=best.kind if best else None,
        expiring=_expiring(records, authority, start, last_day),
        unknowns=unknowns,
        notes=notes,
        board_url=state_rules.board.url if state_rules else None,
    )


def plan_stored(
    records: Records, rules: RulesData, today: dt.date, settings: PlannerSettings | None = None
) -> list[AssignmentPlan]:
    """A plan for every stored assignment that is not done and has not ended."""
    plans = []
    reports: dict[str, WhereReport] = {}
    default = credentials.professions_of(records)
    for item in sorted(records.assignments, key=lambda a: a.start):
        if item.status is AssignmentStatus.DONE or (item.end or item.start) < today:
            continue
        profession = str(item.profession) if item.profession else (default[0] if default else None)
        report = None
        if profession is not None:
            report = reports.get(profession)
            if report is None:
                report = reports[profession] = where(records, rules, today, profession)
        plans.append(
            plan_assignment(
                records,
                rules,
                today,
                state=item.jurisdiction,
                start=item.start,
                end=item.end,
                profession=profession,
                settings=settings,
                assignment=item,
                report=report,
            )
        )
    return plans


class _Routes:
    def __init__(
        self,
        records: Records,
        today: dt.date,
        start: dt.date,
        last_day: dt.date,
        settings: PlannerSettings,
        authority: Authority,
        state_rules: StateRules | None,
        compact: Compact | None,
        *,
        residence: Residence | None = None,
    ) -> None:
        self.records = records
        self.today = today
        self.start = start
        self.last_day = last_day
        self.settings = settings
        self.authority = authority
        self.rules = state_rules
        self.compact = compact
        self.board = state_rules.board.url if state_rules else None
        self.residence = residence
        self.has_file = True
        """Whether the profession has a rules file at all (else its unknowns say so)."""

    def build(self, home: str | None, profession: str) -> list[Route]:
        basis = self.authority.basis
        routes: list[Route] = []
        if basis.may_practise:
            return [self._covered()]
        if basis is Basis.PRIVILEGE_AVAILABLE:
            routes.append(self._privilege(home))
        if basis is Basis.MULTISTATE_AVAILABLE:
            routes.append(self._upgrade(home))
        routes.append(self._endorsement(profession))
        temporary = self._temporary()
        if temporary is not None:
            routes.append(temporary)
        return routes

    def _verdict(self, apply_by: dt.date | None) -> Verdict:
        if apply_by is None:
            return Verdict.UNKNOWN
        if apply_by < self.today:
            return Verdict.TOO_LATE
        if (apply_by - self.today).days < self.settings.tight_days:
            return Verdict.TIGHT
        return Verdict.ON_TRACK

    def _covered(self) -> Route:
        auth = self.authority
        lapses = auth.expires is not None and auth.expires < self.last_day
        notes = []
        steps = [Step(text=auth.detail)]
        if lapses and auth.expires is not None:
            notes.append(
                f"It expires on {auth.expires.isoformat()}, before the assignment ends: renew it "
                "first."
            )
        verdict = Verdict.RENEW if lapses else Verdict.COVERED
        apply_by: dt.date | None = None
        move = self.residence
        if auth.basis is Basis.MULTISTATE and move is not None and move.apply_by is not None:
            apply_by = move.apply_by
            steps.append(
                Step(
                    text=f"Apply for a {move.home} multistate license by {apply_by.isoformat()} "
                    "(NLC rule 402(2)): you moved, and your current multistate license covers "
                    f"you only until {move.home} issues yours."
                )
            )
            verdict = self._verdict(apply_by) if not lapses else verdict
            if verdict in (Verdict.ON_TRACK, Verdict.TIGHT):
                verdict = Verdict.ACT_FIRST
        return Route(
            kind=RouteKind.COVERED,
            title=f"Already covered: {auth.basis.label}",
            steps=steps,
            lead_days=0,
            apply_by=apply_by,
            verdict=verdict,
            notes=notes,
        )

    def _privilege(self, home: str | None) -> Route:
        auth = self.authority
        assert self.compact is not None
        url = self.compact.commission.url
        steps: list[Step] = []
        unknowns = list(auth.unknowns)
        if auth.jurisprudence_exam is True:
            steps.append(Step(text=f"Pass the {auth.code} jurisprudence exam."))
        elif auth.jurisprudence_exam is None:
            steps.append(
                Step(
                    text=f"Check whether {auth.code} requires a jurisprudence exam: "
                    + unknown_text(url)
                    + "."
                )
            )
        commission = self.compact.commission_fee.usd
        total = None if auth.fee_usd is None or commission is None else auth.fee_usd + commission
        if total is not None:
            fee = f"${total:g} in all (state fee ${auth.fee_usd:g} plus the ${commission:g} commission fee)"
        elif auth.fee_usd is not None:
            fee = f"state fee ${auth.fee_usd:g} plus the commission fee"
        else:
            fee = "fee " + unknown_text(url)
        steps.append(
            Step(
                text=f"Buy the {auth.code} privilege on the {self.compact.short_name} "
                f"site ({url}) on your {home} license; {fee}.",
                days=0,
            )
        )
        apply_by = days_before(self.start, self.settings.margin_days)
        return Route(
            kind=RouteKind.PRIVILEGE,
            title=f"Buy a {self.compact.short_name} privilege",
            steps=steps,
            fee_usd=auth.fee_usd if total is None else total,
            lead_days=0,
            apply_by=apply_by,
            verdict=self._verdict(apply_by),
            notes=[
                "The commission says practice can usually start almost at once after purchase; "
                "the privilege expires with your home license."
            ],
            unknowns=unknowns,
        )

    def _upgrade(self, home: str | None) -> Route:
        auth = self.authority
        steps = [Step(text=f"Confirm: {q}") for q in auth.confirm]
        steps.append(
            Step(
                text=f"Ask the {home} board to issue a multistate license (FBI "
                "fingerprint background check required by the NLC)."
            )
        )
        return Route(
            kind=RouteKind.MULTISTATE_UPGRADE,
            title="Upgrade to a multistate license",
            steps=steps,
            verdict=Verdict.UNKNOWN,
            notes=["Covers every NLC state at once."],
            unknowns=[Unknown(what=f"{home} upgrade processing time", link=auth.source)],
        )

    def _endorsement(self, profession: str) -> Route:
        unknowns: list[Unknown] = []
        notes: list[str] = []
        if self.rules is None:
            unknowns.append(rules_missing(profession, self.authority.code, self.has_file))
            return Route(
                kind=RouteKind.ENDORSEMENT,
                title="Apply for a license by endorsement",
                steps=[Step(text="Apply to the board for a license by endorsement.")],
                verdict=Verdict.UNKNOWN,
                unknowns=unknowns,
            )
        end = self.rules.endorsement
        board = self.board
        fee = f" (fee ${end.fee_usd:g})" if end.fee_usd is not None else ""
        if end.fee_usd is None:
            unknowns.append(Unknown(what="application fee", link=board))
        steps = [Step(text=f"Apply to the {self.rules.board.name or 'board'}{fee}.")]
        lead = 0
        fingerprints = end.fingerprints_required
        if fingerprints is not False:
            text = "Fingerprints and background check"
            if fingerprints is None:
                text += " (whether required is " + unknown_text(board) + "; planned as if so)"
                unknowns.append(Unknown(what="fingerprint requirement", link=board))
            steps.append(
                Step(
                    text=text + f": allow {self.settings.fingerprint_days} days.",
                    days=self.settings.fingerprint_days,
                )
            )
            lead += self.settings.fingerprint_days
        steps.append(Step(text=_verification(profession)))
        steps += [
            Step(text=f"Pass the board's required exam: {exam}.") for exam in end.exams_required
        ]
        days = end.processing_days
        processing = days.max if days.max is not None else days.typical
        if processing is None and days.min is not None:
            processing = days.min
            notes.append(
                f"Only a minimum processing time ({days.min} days) is published: it "
                "may take longer."
            )
        business = bool(end.business_days)
        apply_by: dt.date | None = None
        if processing is None:
            steps.append(Step(text="Board processing: " + unknown_text(board) + "."))
            unknowns.append(Unknown(what="endorsement processing time", link=board))
        else:
            unit = "business days" if business else "days"
            steps.append(
                Step(
                    text=f"Board processing: up to {processing} {unit}.",
                    days=processing,
                    business_days=business,
                )
            )
            after_processing = days_before(self.start, processing, business=business)
            apply_by = after_processing - dt.timedelta(days=lead + self.settings.margin_days)
            lead += processing if not business else (self.start - after_processing).days
        return Route(
            kind=RouteKind.ENDORSEMENT,
            title="Apply for a license by endorsement",
            steps=steps,
            fee_usd=end.fee_usd,
            lead_days=lead if processing is not None else None,
            apply_by=apply_by,
            verdict=self._verdict(apply_by),
            notes=notes,
            unknowns=unknowns,
        )

    def _temporary(self) -> Route | None:
        if self.rules is None:
            return None
        temp = self.rules.endorsement.temporary_license
        if not temp.available:
            return None
        notes: list[str] = []
        unknowns: list[Unknown] = []
        apply_by: dt.date | None = None
        wait = 0
        steps = []
        if temp.after_fingerprints is not False and self.rules.endorsement.fingerprints_required:
            wait = self.settings.fingerprint_days
            if temp.after_fingerprints is None:
                unknowns.append(
                    Unknown(what="whether the permit waits for fingerprints", link=self.board)
                )
            steps.append(
                Step(
                    text=f"Fingerprint results first: allow {wait} days"
                    + (" (the board issues the permit only after them)." if temp.after_fingerprints
                       else " (planned as if the permit waits for them)."),
                    days=wait,
                )
            )  # fmt: skip
        if temp.issue_days is None:
            unknowns.append(Unknown(what="temporary license issue time", link=self.board))
        else:
            issued_by = days_before(self.start, temp.issue_days, business=bool(temp.business_days))
            apply_by = issued_by - dt.timedelta(days=wait + self.settings.margin_days)
        permanent = self._permanent_days()
        if temp.valid_days is not None:
            ends = self.start + dt.timedelta(days=temp.valid_days)
            if ends < self.last_day:
                notes.append(
                    f"A temporary license lasts {temp.valid_days} days (to about "
                    f"{ends.isoformat()}), before the assignment ends: the full license must "
                    "arrive before then."
                )
                if permanent is None:
                    unknowns.append(Unknown(what="full license processing time", link=self.board))
                else:
                    # Apply early enough that the full license lands before the permit lapses.
                    latest = days_before(ends, permanent[0], business=permanent[1])
                    latest -= dt.timedelta(days=self.settings.margin_days)
                    if apply_by is not None and latest < apply_by:
                        apply_by = latest
                        notes.append(
                            f"Apply by {latest.isoformat()} so the full license (up to "
                            f"{permanent[0]} {'business ' if permanent[1] else ''}days) arrives "
                            "before the permit lapses."
                        )
        else:
            unknowns.append(Unknown(what="temporary license validity", link=self.board))
        if temp.notes:
            notes.append(temp.notes)
        return Route(
            kind=RouteKind.TEMPORARY_LICENSE,
            title="Temporary license while the endorsement is processed",
            steps=[
                *steps,
                Step(
                    text="Ask for a temporary license with the endorsement application.",
                    days=temp.issue_days,
                    business_days=bool(temp.business_days),
                ),
            ],
            lead_days=None if temp.issue_days is None else temp.issue_days + wait,
            apply_by=apply_by,
            verdict=self._verdict(apply_by),
            notes=notes,
            unknowns=unknowns,
        )

    def _permanent_days(self) -> tuple[int, bool] | None:
        """The full license's processing time (its maximum where published) and whether it
        counts business days, plus the fingerprint wait: what a permit must bridge."""
        assert self.rules is not None
        end = self.rules.endorsement
        days = end.processing_days
        processing = days.max if days.max is not None else days.typical
        if processing is None:
            return None
        fingerprints = (
            self.settings.fingerprint_days if end.fingerprints_required is not False else 0
        )
        if end.business_days:
            return processing + fingerprints * 5 // 7, True
        return processing + fingerprints, False


_VERIFY = {
    "RN": "Verify your current license through Nursys (nursys.com).",
    "LPN": "Verify your current license through Nursys (nursys.com).",
    "PT": "Have your license and NPTE score verified (FSBPT score transfer and state verification).",
    "PTA": "Have your license and NPTE score verified (FSBPT score transfer and state verification).",
    "OT": "Have your NBCOT certification and current license verified.",
    "OTA": "Have your NBCOT certification and current license verified.",
    "SLP": "Have your current license (and ASHA CCC where asked) verified.",
}


def _verification(profession: str) -> str:
    return _VERIFY.get(profession, "Have your current license verified by its board.")


def _expiring(
    records: Records,
    authority: Authority,
    start: dt.date,
    last_day: dt.date,
) -> list[ExpiryIssue]:
    issues: list[ExpiryIssue] = []
    by_id = credentials.by_id(records)

    def add(what: str, expires: dt.date | None, record: str, record_id: int | None) -> None:
        if expires is None or expires >= last_day:
            return
        when = "before the start" if expires < start else "during the assignment"
        issues.append(
            ExpiryIssue(what=what, expires=expires, when=when, record=record, record_id=record_id)
        )

    seen: set[int] = set()
    if authority.license_id is not None and authority.license_id in by_id:
        lic = by_id[authority.license_id]
        add(credentials.label(lic), lic.expires, "license", lic.id)
        seen.add(authority.license_id)
    if authority.rests_on is not None and authority.rests_on not in seen:
        home_lic = by_id.get(authority.rests_on)
        if home_lic is not None:
            add(
                credentials.label(home_lic) + " (the privilege rests on it)",
                home_lic.expires,
                "license",
                home_lic.id,
            )
    for cert in credentials.current_certifications(records):
        add(cert.name, cert.expiry, "cert", cert.id)
    issues.sort(key=lambda i: i.expires)
    return issues
