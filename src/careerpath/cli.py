"""The `careerpath` command line.

Imports stay lazy: `careerpath ce list --json` must start about as fast as Python itself, and
nothing of Textual is imported unless the terminal UI starts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence

from careerpath import __version__
from careerpath.commands.context import Context
from careerpath.commands.record_specs import KINDS, KindSpec
from careerpath.errors import CareerpathError, UsageError

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2

Handler = Callable[[Context, argparse.Namespace], int]


def _date(text: str) -> dt.date:
    from careerpath.bounds import date_in_range

    try:
        return date_in_range(dt.date.fromisoformat(text.strip()))
    except ValueError as exc:
        if "outside" in str(exc):
            raise argparse.ArgumentTypeError(str(exc)) from None
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (use YYYY-MM-DD)") from None


def _jurisdiction(text: str) -> str:
    from careerpath.jurisdictions import normalize

    try:
        return normalize(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _profession(text: str) -> str:
    from careerpath.records import Profession, normalize_profession

    try:
        return str(Profession(normalize_profession(text)))
    except ValueError:
        known = ", ".join(p.value for p in Profession)
        raise argparse.ArgumentTypeError(f"{text!r} is not a profession ({known})") from None


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be 1 or more")
    from careerpath.bounds import MAX_ID

    if value > MAX_ID:
        raise argparse.ArgumentTypeError(f"{text!r} is larger than any id careerpath can store")
    return value


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of printing usage and exiting, so errors stay one line."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message} (see `{self.prog} --help`)")


def _global_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """Global options, accepted before or after the sub-command."""
    default = None if top else argparse.SUPPRESS
    parser.add_argument("--home", metavar="DIR", default=default,
                        help="data folder (default: $CAREERPATH_HOME or the platform's user data folder)")  # fmt: skip
    parser.add_argument("--today", metavar="YYYY-MM-DD", type=_date, default=default,
                        help="answer as if today were this date (what-if planning)")  # fmt: skip
    parser.add_argument("--debug", action="store_true", default=False if top else argparse.SUPPRESS,
                        help="show the full traceback on errors")  # fmt: skip


def _add_record_commands(sub: argparse._SubParsersAction[_Parser], common: _Parser) -> None:
    from careerpath.commands import records

    for kind in KINDS.values():
        group = sub.add_parser(
            kind.name, parents=[common], help=f"{_plural(kind.title)}: add, list, edit, remove",
            aliases=["licenses"] if kind.name == "license" else [],
        )  # fmt: skip
        actions = group.add_subparsers(
            dest="action", metavar="ACTION", required=True, parser_class=_Parser
        )
        if kind.name == "license":
            cost = actions.add_parser(
                "cost", parents=[common], help="what each license costs to keep, unused ones first"
            )
            cost.add_argument("--json", action="store_true", help="machine-readable output")
            cost.set_defaults(handler=_lazy("license_cost", "cmd_license_cost"))
        if kind.name == "ce":
            add = actions.add_parser(
                "add", parents=[common], help="log CE: one activity or a conference"
            )
            _record_options(add, kind, for_add=False)
            add.add_argument("--session", action="append", metavar="'TITLE|HOURS[|TOPICS[|FILE]]'",
                             help="one conference session; repeat for each")  # fmt: skip
            add.add_argument(
                "--csv", metavar="FILE", help="sessions from a CSV file (title,hours,topics,...)"
            )
            add.add_argument(
                "--certificate", metavar="FILE", help="certificate file for a single activity"
            )
            add.add_argument("--from-certificate", nargs="+", metavar="FILE",
                             help="read the activities from certificate PDFs (one each)")  # fmt: skip
            add.add_argument("--yes", action="store_true",
                             help="with --from-certificate: save without asking, only if every "
                             "field was read")  # fmt: skip
            add.set_defaults(handler=_ce_add, record_kind=kind.name)
            _add_ce_planning(actions, common)
            cert = actions.add_parser(
                "certificate", parents=[common],
                help="attach a certificate file to an activity again, or --drop it",
            )  # fmt: skip
            cert.add_argument("id", type=_positive_int)
            cert.add_argument("file", nargs="?", metavar="FILE")
            cert.add_argument("--drop", action="store_true", help="forget the certificate")
            cert.set_defaults(handler=_lazy("certificate", "cmd_certificate"))
        else:
            add = actions.add_parser("add", parents=[common], help=f"add a {kind.title}")
            _record_options(add, kind, for_add=True)
            add.set_defaults(handler=records.cmd_add, record_kind=kind.name)
        listing = actions.add_parser("list", parents=[common], help=f"list {_plural(kind.title)}")
        listing.add_argument("--json", action="store_true", help="machine-readable output")
        if kind.name == "ce":
            listing.add_argument("--since", type=_date, metavar="YYYY-MM-DD")
            listing.add_argument("--until", type=_date, metavar="YYYY-MM-DD")
            listing.add_argument("--topic", dest="topic_filter", metavar="TOPIC")
            listing.add_argument(
                "--license", type=_positive_int, metavar="ID", help="claimed for this license"
            )
            listing.add_argument("--provider", dest="provider_filter", metavar="TEXT")
            listing.add_argument("--search", metavar="TEXT", help="text in the title")
        listing.set_defaults(handler=records.cmd_list, record_kind=kind.name)
        edit = actions.add_parser("edit", parents=[common], help=f"change fields of a {kind.title}")
        edit.add_argument("id", type=_positive_int)
        _record_options(edit, kind, for_add=False)
        edit.set_defaults(handler=records.cmd_edit, record_kind=kind.name)
        remove = actions.add_parser("remove", parents=[common], help=f"remove a {kind.title}")
        remove.add_argument("id", type=_positive_int)
        remove.set_defaults(handler=records.cmd_remove, record_kind=kind.name)


def _add_ce_planning(actions: argparse._SubParsersAction[_Parser], common: _Parser) -> None:
    status = actions.add_parser(
        "status", parents=[common], help="hours and topics each license still needs"
    )
    status.add_argument("--json", action="store_true", help="machine-readable output")
    status.set_defaults(handler=_lazy("ce_status", "cmd_ce_status"))
    counts = actions.add_parser(
        "what-counts", parents=[common], help="where one CE activity counts"
    )
    counts.add_argument("id", type=_positive_int)
    counts.add_argument("--json", action="store_true", help="machine-readable output")
    counts.set_defaults(handler=_lazy("ce_status", "cmd_what_counts"))


def _add_planning_commands(sub: argparse._SubParsersAction[_Parser], common: _Parser) -> None:
    whr = sub.add_parser("where", parents=[common], help="where you may practise today")
    whr.add_argument(
        "--profession", type=_profession, help="RN, LPN, PT, OT, SLP ... (default: your profile's)"
    )
    whr.add_argument("--state", metavar="XX", type=_jurisdiction, help="only this jurisdiction")
    whr.add_argument("--if-home", metavar="XX", type=_jurisdiction,
                     help="what moving home to XX would change")  # fmt: skip
    whr.add_argument("--json", action="store_true", help="machine-readable output")
    whr.set_defaults(handler=_lazy("where", "cmd_where"))

    plan = sub.add_parser(
        "plan", parents=[common],
        help="can you take an assignment, and by when to apply (default: stored ones)",
    )  # fmt: skip
    plan.add_argument("--state", metavar="XX", type=_jurisdiction, help="the assignment's state")
    plan.add_argument("--start", type=_date, metavar="YYYY-MM-DD")
    plan.add_argument("--end", type=_date, metavar="YYYY-MM-DD")
    plan.add_argument("--profession", type=_profession, help="which license the assignment needs")
    plan.add_argument("--margin", type=_days, metavar="DAYS",
                      help="spare days before the start (default 14, or config.toml)")  # fmt: skip
    plan.add_argument("--json", action="store_true", help="machine-readable output")
    plan.set_defaults(handler=_lazy("plan", "cmd_plan"))

    remind = sub.add_parser(
        "remind", parents=[common],
        help="what is due, soonest first (exit 0 nothing due, 10 due, 11 overdue)",
    )  # fmt: skip
    remind.add_argument("--within", type=_days, metavar="DAYS",
                        help="window in days (default: the longest lead time, 90)")  # fmt: skip
    remind.add_argument("--lead-times", metavar="D,D,...",
                        help="reminder lead times in days (default 90,60,30,7)")  # fmt: skip
    remind.add_argument("--json", action="store_true", help="machine-readable output")
    _remind_delivery_options(remind)
    remind.set_defaults(handler=_lazy("remind", "cmd_remind"))

    topics = sub.add_parser(
        "topics", parents=[common], help="the CE topic tags that fill each board's mandatory topics"
    )
    topics.add_argument("--state", metavar="XX", type=_jurisdiction, help="only this jurisdiction")
    topics.add_argument("--profession", type=_profession, help="only this profession's boards")
    topics.add_argument("--json", action="store_true", help="machine-readable output")
    topics.set_defaults(handler=_lazy("topics", "cmd_topics"))

    upskill = sub.add_parser(
        "upskill", parents=[common], help="ranked plan of skills and certifications for a role"
    )
    upskill.add_argument("--role", help="target role (default: your profile's first target role)")
    upskill.add_argument("--tick", metavar="STEP", help="mark a plan step done (its step id)")
    upskill.add_argument("--untick", metavar="STEP", help="mark a plan step not done")
    upskill.add_argument("--json", action="store_true", help="machine-readable output")
    upskill.set_defaults(handler=_lazy("growth", "cmd_upskill"))

    sheet = sub.add_parser(
        "checklist", parents=[common], help="your ratings as an agency skills checklist"
    )
    sheet.add_argument("--role", help="role (default: your profile's first target role)")
    sheet.add_argument("--format", choices=("md", "csv", "html"), default="md")
    sheet.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of stdout")
    sheet.set_defaults(handler=_lazy("growth", "cmd_checklist"))

    audit = sub.add_parser(
        "audit", parents=[common],
        help="a board audit's packet for one license: summary and certificates in a .zip",
    )  # fmt: skip
    audit.add_argument("--license", type=_positive_int, required=True, metavar="ID")
    audit.add_argument("--window", choices=("current", "previous"), default="current",
                       help="which renewal window (default current)")  # fmt: skip
    audit.add_argument("--output", "-o", required=True, metavar="FILE.zip")
    audit.add_argument("--with-numbers", action="store_true",
                       help="include the license number")  # fmt: skip
    audit.set_defaults(handler=_lazy("audit", "cmd_audit"))

    roles = sub.add_parser("roles", parents=[common], help="the role profiles growth plans use")
    roles.add_argument("--json", action="store_true", help="machine-readable output")
    roles.add_argument(
        "--all", action="store_true", help="every role, not only your professions' roles"
    )
    roles.set_defaults(handler=_lazy("growth", "cmd_roles"))


def _remind_delivery_options(remind: argparse.ArgumentParser) -> None:
    remind.add_argument("--notify", action="store_true",
                        help="one desktop notification when an item crosses a lead time (for scheduled runs)")  # fmt: skip
    remind.add_argument("--time", metavar="HH:MM",
                        help="with --notify: the time of day for quiet hours (default: now)")  # fmt: skip
    when = remind.add_mutually_exclusive_group()
    when.add_argument("--schedule", choices=("daily", "weekly"),
                      help="run `remind --notify` with your platform's scheduler (per user)")  # fmt: skip
    when.add_argument("--unschedule", action="store_true", help="remove the scheduled job")
    when.add_argument("--schedule-status", action="store_true",
                      help="say which scheduled job is installed")  # fmt: skip
    remind.add_argument(
        "--at", metavar="HH:MM", help="with --schedule: time of day (default 09:00)"
    )


def _lazy(module: str, function: str) -> Handler:
    """A handler imported only when its command runs (keeps start-up fast)."""

    def run(ctx: Context, args: argparse.Namespace) -> int:
        import importlib

        handler: Handler = getattr(
            importlib.import_module(f"careerpath.commands.{module}"), function
        )
        return handler(ctx, args)

    return run


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of days") from None
    if value < 0 or value > 3650:
        raise argparse.ArgumentTypeError(f"{text!r} must be 0 to 3650 days")
    return value


def _plural(title: str) -> str:
    return title[:-1] + "ies" if title.endswith("y") else title + "s"


def _record_options(parser: argparse.ArgumentParser, kind: KindSpec, *, for_add: bool) -> None:
    for option in kind.options:
        parser.add_argument(
            option.flag,
            dest=option.field,
            required=for_add and option.required,
            action="append" if option.many else "store",
            metavar=option.metavar or option.flag.strip("-").upper().replace("-", "_"),
            help=option.help,
        )


def build_parser() -> _Parser:
    parser = _Parser(
        prog="careerpath",
        description="Career and licensure planner for traveling nurses and therapists. "
        "With no command, prints what is stored and the main commands.",
    )
    parser.add_argument("--version", action="version", version=f"careerpath {__version__}")
    _global_options(parser, top=True)
    common = _Parser(add_help=False)
    _global_options(common, top=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    from careerpath.commands import profile, transfer

    prof = sub.add_parser("profile", parents=[common], help="your name, professions, home state")
    prof_actions = prof.add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=_Parser
    )
    show = prof_actions.add_parser("show", parents=[common], help="show the profile")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=profile.cmd_show)
    pset = prof_actions.add_parser("set", parents=[common], help="create or change the profile")
    pset.add_argument("--name")
    pset.add_argument("--profession", action="append", help="repeatable: RN, LPN, PT, OT, SLP ...")
    pset.add_argument("--home-state", metavar="XX", help="primary state of residence")
    pset.add_argument("--home-since", metavar="YYYY-MM-DD",
                      help="the day it became your home state (after a move)")  # fmt: skip
    pset.add_argument("--previous-home", metavar="XX",
                      help="your home state before that move ('' clears it)")  # fmt: skip
    pset.add_argument("--birth-date", metavar="YYYY-MM-DD",
                      help="private: checks expiry dates tied to your birth month")  # fmt: skip
    pset.add_argument("--specialty")
    pset.add_argument(
        "--target-role", action="append", help="repeatable: role you want next, e.g. icu"
    )
    pset.add_argument("--nlc", action="append", metavar="QUESTION=yes|no|unknown",
                      help="answer to an NLC uniform-licensure question")  # fmt: skip
    pset.set_defaults(handler=profile.cmd_set)

    _add_record_commands(sub, common)
    _add_planning_commands(sub, common)

    exp = sub.add_parser(
        "export", parents=[common],
        help="backup .json, calendar .ics, credential packet .html/.md, table .csv",
        description="The format follows FILE's extension (.json .ics .html .md .csv) "
        "unless --format says otherwise.",
    )  # fmt: skip
    exp.add_argument("file", metavar="FILE")
    exp.add_argument("--format", metavar="ics|html|md|csv|json",
                     help="format (default: from FILE's extension)")  # fmt: skip
    exp.add_argument("--with-files", action="store_true",
                     help="JSON: embed certificate files")  # fmt: skip
    exp.add_argument("--table", metavar="ce|licenses|certifications",
                     help="CSV: which records (default ce)")  # fmt: skip
    exp.add_argument("--include-numbers", action="store_true",
                     help="packet and CSV: include license and certification numbers")  # fmt: skip
    exp.set_defaults(handler=transfer.cmd_export)
    imp = sub.add_parser(
        "import", parents=[common],
        help="import a .json export, or CE activities from a .csv (validated first)",
    )  # fmt: skip
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--format", metavar="json|csv", help="format (default: from FILE's extension)")
    imp.add_argument(
        "--replace", action="store_true", help="JSON: replace existing records (backup first)"
    )
    imp.set_defaults(handler=transfer.cmd_import)

    from careerpath.commands import data

    data_cmd = sub.add_parser(
        "data", parents=[common], help="the rules data: info, stale, validate, update, rollback"
    )
    data_actions = data_cmd.add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=_Parser
    )
    info = data_actions.add_parser(
        "info", parents=[common], help="files loaded, as-of dates, share known"
    )
    info.add_argument("--json", action="store_true")
    info.set_defaults(handler=data.cmd_info)
    old = data_actions.add_parser(
        "stale", parents=[common], help="facts whose verification is older than N months"
    )
    old.add_argument("--months", type=int, default=12, metavar="N",
                     help="verified more than N months before today (default 12)")  # fmt: skip
    old.add_argument("--json", action="store_true")
    old.set_defaults(handler=data.cmd_stale)
    check = data_actions.add_parser(
        "validate", parents=[common], help="check a data file or folder"
    )
    check.add_argument("path", metavar="PATH")
    check.set_defaults(handler=data.cmd_validate)
    fetch = data_actions.add_parser(
        "update", parents=[common],
        help="download newer rules data over https (the only network use of careerpath)",
    )  # fmt: skip
    fetch.add_argument("--from", dest="source", metavar="URL",
                       help="signed (TUF) repository URL (default: [data] source in config.toml, else the project's)")  # fmt: skip
    fetch.set_defaults(handler=data.cmd_update)
    back = data_actions.add_parser(
        "rollback", parents=[common], help="go back to the rules data in use before the last update"
    )
    back.set_defaults(handler=data.cmd_rollback)

    from careerpath.commands import backup

    backup_cmd = sub.add_parser(
        "backup", parents=[common], help="copies of your records: create, list, verify, restore"
    )
    backup_actions = backup_cmd.add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=_Parser
    )
    backup_actions.add_parser(
        "create", parents=[common], help="a checked copy of the database, now"
    ).set_defaults(handler=backup.cmd_create)
    listed = backup_actions.add_parser("list", parents=[common], help="the backups kept")
    listed.add_argument("--json", action="store_true")
    listed.set_defaults(handler=backup.cmd_list)
    verify = backup_actions.add_parser(
        "verify", parents=[common], help="check one backup (or all) is whole"
    )
    verify.add_argument("name", nargs="?", metavar="BACKUP")
    verify.set_defaults(handler=backup.cmd_verify)
    restore = backup_actions.add_parser(
        "restore", parents=[common], help="replace your records with a backup's (backed up first)"
    )
    restore.add_argument("name", metavar="BACKUP")
    restore.set_defaults(handler=backup.cmd_restore)

    summary = sub.add_parser("summary", parents=[common], help="what is stored, in a few lines")
    summary.set_defaults(handler=lambda ctx, _args: _summary(ctx))
    return parser


def _ce_add(ctx: Context, args: argparse.Namespace) -> int:
    from careerpath.commands.ce_add import cmd_ce_add

    return cmd_ce_add(ctx, args)


def _tui(ctx: Context) -> int:
    """The terminal UI: only now is Textual imported. The app loads the records itself, after
    its first frame (see tui/app.py); a database it cannot open ends it with the one-line
    error and a non-zero status."""
    from careerpath.tui.app import CareerpathApp

    ctx.close()
    app = CareerpathApp(ctx.home, ctx.today, ctx.config)
    app.run()
    if app.failure:
        print(app.failure, file=sys.stderr)
    return app.return_code or EXIT_OK


def _summary(ctx: Context) -> int:
    from careerpath.commands.summary import cmd_summary

    return cmd_summary(ctx)


def make_context(args: argparse.Namespace) -> Context:
    from careerpath.paths import config_home, data_home

    today = args.today or dt.date.today()
    return Context(
        home=data_home(args.home), today=today, debug=bool(args.debug),
        config=config_home(args.home),
    )  # fmt: skip


def _global_only(argv: list[str]) -> argparse.Namespace | None:
    """Parse an argv of global options only (`careerpath`, `careerpath --today D`): these open
    the app, and building every sub-command's parser first would cost a tenth of its start-up
    budget. Anything else (a command, --help, a bad value) goes to the full parser."""
    light = _Parser(prog="careerpath", add_help=False)
    _global_options(light, top=True)
    try:
        args, rest = light.parse_known_args(argv)
    except UsageError:
        return None
    if rest:
        return None
    args.command = None
    return args


def _writes() -> int:
    """Write transactions so far (0 while the store was never imported: the fast paths)."""
    repository = sys.modules.get("careerpath.store.repository")
    return 0 if repository is None else int(repository.Store.generation)


def _sync_calendar(ctx: Context) -> None:
    """The records changed: rewrite the `[calendar] path` file; a failure only warns (the
    change itself is saved)."""
    from careerpath.exports.calendar_sync import calendar_path, write_calendar

    try:
        path = calendar_path(ctx.config)
        if path is not None:
            write_calendar(path, ctx.records(), ctx.rules(), ctx.today, ctx.settings())
    except CareerpathError as exc:
        ctx.warn(f"calendar not updated: {exc}")


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv or bool(os.environ.get("CAREERPATH_DEBUG"))
    ctx: Context | None = None
    try:
        args = _global_only(argv) or build_parser().parse_args(argv)
        ctx = make_context(args)
        if args.command is None:
            if sys.stdin.isatty() and sys.stdout.isatty():
                return _tui(ctx)
            return _summary(ctx)
        handler: Handler = args.handler
        before = _writes()
        status = handler(ctx, args)
        if _writes() != before:
            _sync_calendar(ctx)
        return status
    except UsageError as exc:
        if debug:
            raise
        print(f"careerpath: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except CareerpathError as exc:
        if debug:
            raise
        print(f"careerpath: error: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except argparse.ArgumentTypeError as exc:  # pragma: no cover - argparse wraps these
        print(f"careerpath: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # Output piped into `head` and closed early: not an error worth a message.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print("careerpath: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        if debug:
            raise
        print(f"careerpath: error: unexpected {type(exc).__name__}: {exc} (run with --debug "
              "and report it)", file=sys.stderr)  # fmt: skip
        return EXIT_REFUSED
    finally:
        if ctx is not None:
            ctx.close()
