"""A checklist as Markdown, CSV or a printable HTML page (every user value escaped)."""

from __future__ import annotations

import csv
import html
import io

from careerpath.growth.checklist import Checklist
from careerpath.records import SKILL_LEVELS, expiry_text

FORMATS = ("md", "csv", "html")


def render(sheet: Checklist, fmt: str) -> str:
    if fmt == "md":
        return markdown(sheet)
    if fmt == "csv":
        return csv_text(sheet)
    if fmt == "html":
        return html_page(sheet)
    raise ValueError(f"unknown checklist format {fmt!r}")


def _heading(sheet: Checklist) -> str:
    who = sheet.name or "(no name in profile)"
    jobs = ", ".join(sheet.professions) or "-"
    return f"{who} - {jobs} - completed {sheet.today.isoformat()}"


def markdown(sheet: Checklist) -> str:
    lines = [f"# {sheet.role_title} skills checklist", "", _heading(sheet), ""]
    lines.append("Scale: " + "; ".join(f"{k} = {v}" for k, v in SKILL_LEVELS.items()))
    category = None
    for row in sheet.rows:
        if row.category != category:
            category = row.category
            lines += ["", f"## {category}", "", "| Skill | Level | Rated | Last performed |"]
            lines.append("|---|---|---|---|")
        level = f"{row.level} - {row.level_label}" if row.level else "not rated"
        last = row.last_performed.isoformat() if row.last_performed else ""
        lines.append(f"| {_md(row.skill)} | {level} | {row.rated_text} | {last} |")
    if sheet.certifications:
        lines += [
            "",
            "## Certifications",
            "",
            "| Certification | Held | Expires |",
            "|---|---|---|",
        ]
        for cert in sheet.certifications:
            expires = expiry_text(cert.expires)
            lines.append(f"| {_md(cert.name)} | {'yes' if cert.held else 'no'} | {expires} |")
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|")


def csv_text(sheet: Checklist) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "section",
            "item",
            "kind",
            "level",
            "level_label",
            "last_performed",
            "rated_on",
            "assessed_by",
        ]
    )
    for row in sheet.rows:
        writer.writerow(
            [
                row.category,
                row.skill,
                row.kind,
                row.level or "",
                row.level_label,
                row.last_performed.isoformat() if row.last_performed else "",
                row.rated_on.isoformat() if row.rated_on else "",
                row.assessed_by or "",
            ]
        )
    for cert in sheet.certifications:
        writer.writerow(
            [
                "Certifications",
                cert.name,
                cert.requirement,
                "",
                "held" if cert.held else "not held",
                expiry_text(cert.expires),
                "",
                "",
            ]
        )
    return out.getvalue()


_STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem;color:#111}
h1{font-size:1.4rem;margin:0}h2{font-size:1.05rem;margin:1.2rem 0 .3rem}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:left}
th{background:#eee}td.level{width:14rem}.muted{color:#555}
@media print{body{margin:0}h2{break-after:avoid}tr{break-inside:avoid}}
"""


def html_page(sheet: Checklist) -> str:
    esc = html.escape
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{esc(sheet.role_title)} skills checklist</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>{esc(sheet.role_title)} skills checklist</h1>",
        f'<p class="muted">{esc(_heading(sheet))}</p>',
        '<p class="muted">Scale: '
        + "; ".join(f"{k} = {esc(v)}" for k, v in SKILL_LEVELS.items())
        + "</p>",
    ]
    category = None
    for row in sheet.rows:
        if row.category != category:
            if category is not None:
                parts.append("</tbody></table>")
            category = row.category
            parts.append(f"<h2>{esc(category)}</h2>")
            parts.append(
                "<table><thead><tr><th>Skill</th><th>Level</th><th>Rated</th>"
                "<th>Last performed</th></tr>"
                "</thead><tbody>"
            )
        level = f"{row.level} - {row.level_label}" if row.level else "not rated"
        last = row.last_performed.isoformat() if row.last_performed else ""
        parts.append(
            f'<tr><td>{esc(row.skill)}</td><td class="level">{esc(level)}</td>'
            f"<td>{esc(row.rated_text)}</td><td>{last}</td></tr>"
        )
    if category is not None:
        parts.append("</tbody></table>")
    if sheet.certifications:
        parts.append("<h2>Certifications</h2>")
        parts.append(
            "<table><thead><tr><th>Certification</th><th>Held</th><th>Expires</th></tr>"
            "</thead><tbody>"
        )
        for cert in sheet.certifications:
            expires = expiry_text(cert.expires)
            held = "yes" if cert.held else "no"
            parts.append(f"<tr><td>{esc(cert.name)}</td><td>{held}</td><td>{expires}</td></tr>")
        parts.append("</tbody></table>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
