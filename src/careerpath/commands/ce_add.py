"""`ce add`: one activity, or a whole conference in one go.

After a conference a nurse has one date, one provider and six sessions. Each `--session`
is `TITLE|HOURS[|TOPIC,TOPIC[|CERTIFICATE]]`; `--csv FILE` takes the same columns with a header
(title,hours,topics,certificate, optionally date,provider,unit,accreditor,format). Everything
is validated first and saved in one transaction: all sessions land or none.
"""

from __future__ import annotations

import argparse
import csv
from fractions import Fraction
from pathlib import Path
from typing import Any

from careerpath.amounts import with_unit_from_amount
from careerpath.commands.context import Context
from careerpath.commands.record_specs import CE
from careerpath.commands.records import describe, given_fields, validate
from careerpath.errors import CareerpathError, UsageError

CSV_COLUMNS = ("date", "title", "hours", "unit", "topics", "provider", "accreditor", "format",
               "certificate", "claim")  # fmt: skip


def _topics(text: str) -> list[str]:
    return [t.strip() for t in text.replace(";", ",").split(",") if t.strip()]


def parse_session(text: str) -> dict[str, Any]:
    parts = [p.strip() for p in text.split("|")]
    if len(parts) < 2 or len(parts) > 4 or not parts[0]:
        raise UsageError(
            f"--session {text!r}: write TITLE|HOURS[|TOPIC,TOPIC[|CERTIFICATE]], "
            "e.g. 'Sepsis update|1.5|sepsis,infection-control'"
        )
    session: dict[str, Any] = {"title": parts[0], "amount": parts[1]}
    if len(parts) >= 3 and parts[2]:
        session["topics"] = _topics(parts[2])
    if len(parts) == 4 and parts[3]:
        session["certificate"] = parts[3]
    return session


def read_csv(path: Path) -> list[dict[str, Any]]:
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            if reader.fieldnames is None:
                raise CareerpathError(f"{path} is empty")
            headers = [h.strip().lower() for h in reader.fieldnames]
            unknown = sorted(set(headers) - set(CSV_COLUMNS))
            if unknown or "title" not in headers or "hours" not in headers:
                raise CareerpathError(
                    f"{path}: columns must include title and hours, from {', '.join(CSV_COLUMNS)}"
                    + (f"; unknown: {', '.join(unknown)}" if unknown else "")
                )
            sessions = []
            for line, raw in enumerate(reader, start=2):
                row = {k.strip().lower(): (v or "").strip() for k, v in raw.items() if k}
                session: dict[str, Any] = {"line": line, "title": row.get("title", ""),
                                           "amount": row.get("hours", "")}  # fmt: skip
                for column, field in (("date", "completed"), ("unit", "unit"),
                                      ("provider", "provider"), ("accreditor", "accreditor"),
                                      ("format", "format"), ("certificate", "certificate")):  # fmt: skip
                    if row.get(column):
                        session[field] = row[column]
                if row.get("topics"):
                    session["topics"] = _topics(row["topics"])
                if row.get("claim"):
                    session["claimed_for"] = _topics(row["claim"])
                sessions.append(session)
            return sessions
    except OSError as exc:
        raise CareerpathError(f"cannot read {path}: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise CareerpathError(f"{path} is not a readable CSV file ({exc})") from None


def cmd_ce_add(ctx: Context, args: argparse.Namespace) -> int:
    shared = given_fields(CE, args)
    shared.pop("title", None)
    shared.pop("amount", None)
    sessions: list[dict[str, Any]] = [parse_session(s) for s in args.session or []]
    if args.csv:
        sessions.extend(read_csv(Path(args.csv)))
    if args.title or args.amount:
        if not (args.title and args.amount):
            raise UsageError("give both --title and --hours for a single activity")
        single: dict[str, Any] = {"title": args.title, "amount": args.amount}
        if args.certificate:
            single["certificate"] = args.certificate
        sessions.insert(0, single)
    elif args.certificate:
        raise UsageError(
            "--certificate goes with --title/--hours; for sessions use TITLE|HOURS|TOPICS|FILE"
        )
    if getattr(args, "from_certificate", None):
        from careerpath.commands.ce_certificates import sessions_from_certificates

        if sessions:
            raise UsageError("--from-certificate reads the sessions: leave out --session/--csv")
        sessions = sessions_from_certificates(
            [Path(p).expanduser() for p in args.from_certificate], shared, yes=args.yes
        )
        if not sessions:
            print("nothing saved")
            return 0
    if not sessions:
        raise UsageError(
            "nothing to add: give --title and --hours, --session (repeatable), --csv FILE "
            "or --from-certificate FILE..."
        )
    return save_sessions(ctx, shared, sessions)


def save_sessions(ctx: Context, shared: dict[str, Any], sessions: list[dict[str, Any]]) -> int:
    """Validate every session, then copy certificates and write all rows in one transaction."""
    from careerpath.records import CEActivity, CEFormat
    from careerpath.store import certificates

    if len(sessions) > 1 and "format" not in shared:
        shared = {**shared, "format": CEFormat.CONFERENCE.value}

    # Validate everything before copying any file or writing any row.
    activities: list[tuple[CEActivity, str | None]] = []
    for number, session in enumerate(sessions, start=1):
        where = f"line {session.pop('line')}" if "line" in session else f"session {number}"
        data = {**shared, **session}
        certificate = data.pop("certificate", None)
        if "completed" not in data:
            raise UsageError(f"{where}: a date is needed: give --date YYYY-MM-DD")
        try:
            activity = validate(CE, with_unit_from_amount(data))
        except CareerpathError as exc:
            raise CareerpathError(f"{where}: {exc}") from None
        assert isinstance(activity, CEActivity)
        if activity.completed > ctx.today:
            raise CareerpathError(
                f"{where}: completed {activity.completed} is after today ({ctx.today}); "
                "log CE once it is done"
            )
        if certificate and not Path(certificate).expanduser().is_file():
            raise CareerpathError(f"{where}: certificate file {certificate} does not exist")
        activities.append((activity, certificate))

    ready = []
    for activity, certificate in activities:
        if certificate:
            name = certificates.attach(ctx.home, Path(certificate).expanduser())
            activity = activity.model_copy(update={"certificate": name})
        ready.append(activity)
    saved = ctx.store().add_many(ready)
    _warn_tags(ctx, [tag for activity in saved for tag in activity.topics])
    for activity in saved:
        print(f"added CE activity {activity.id}: {describe(CE, activity.model_dump(mode='json'))}")
    if len(saved) > 1:
        from careerpath.hours import format_hours

        total = sum((a.exact_hours() for a in saved), Fraction(0))
        print(f"{len(saved)} activities, {format_hours(total)} contact hours")
    return 0


def _warn_tags(ctx: Context, tags: list[str]) -> None:
    """Say which tags fill no mandatory topic, so a typo or a generic tag never fails silently."""
    if not tags:
        return
    from careerpath.planner.topics import tag_warnings

    for warning in tag_warnings(tags, ctx.records(), ctx.rules()):
        ctx.warn(warning)
