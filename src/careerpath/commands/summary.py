"""What plain `careerpath` prints when the terminal UI cannot start (or with --summary)."""

from __future__ import annotations

from careerpath.commands.context import Context
from careerpath.store import rows
from careerpath.store.database import open_database
from careerpath.store.tables import PROFILE, RECORD_TABLES

COMMANDS = """\
commands:
  careerpath profile set --name NAME --profession RN --home-state TX
  careerpath license add --profession RN --state TX --kind multistate --expires 2027-05-31
  careerpath cert add --name BLS --issuer AHA --expires 2027-01-31
  careerpath ce add --date 2026-03-05 --provider "NTI" --session "Sepsis|1.5|sepsis" --session "ECG|2"
  careerpath skill add --skill "ventilator management" --level 2
  careerpath assignment add --state OR --start 2027-03-03 --end 2027-06-01
  careerpath where | plan | ce status | remind   where you may work, assignment routes, CE owed, what is due
  careerpath export backup.json | careerpath import backup.json
  careerpath KIND list [--json]   (KIND: license, cert, ce, skill, assignment)
  careerpath --help               every command and option"""


def summary_text(ctx: Context) -> str:
    conn = open_database(ctx.home)
    try:
        profile = rows.fetch(conn, PROFILE)
        counts = {
            kind: conn.execute(f"SELECT count(*) FROM {spec.table}").fetchone()[0]
            for kind, spec in RECORD_TABLES.items()
        }
        expiring = conn.execute(
            "SELECT 'license', profession || ' ' || jurisdiction, expires FROM licenses "
            "WHERE expires IS NOT NULL AND expires >= ? "
            "UNION ALL SELECT 'certification', name, expires FROM certifications "
            "WHERE expires IS NOT NULL AND expires >= ? ORDER BY 3 LIMIT 5",
            (ctx.today.isoformat(), ctx.today.isoformat()),
        ).fetchall()
    finally:
        conn.close()
    lines = [f"careerpath: data in {ctx.home}"]
    if profile:
        me = profile[0]
        lines.append(
            f"profile: {me['name']}, {', '.join(me['professions']) or 'no profession'}, "
            f"home state {me['home_state'] or '-'}"
        )
    else:
        lines.append("no profile yet: start with `careerpath profile set --name NAME ...`")
    lines.append(
        f"records: {counts['license']} licenses, {counts['cert']} certifications, "
        f"{counts['ce']} CE activities, {counts['skill']} skills, "
        f"{counts['assignment']} assignments"
    )
    if expiring:
        lines.append("next expiries:")
        lines.extend(f"  {when}  {what} {name}" for what, name, when in expiring)
    lines.append("")
    lines.append(COMMANDS)
    return "\n".join(lines)


def cmd_summary(ctx: Context) -> int:
    print(summary_text(ctx))
    return 0
