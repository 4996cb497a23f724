"""A small printable document (sections of facts and tables) and its HTML and Markdown forms.

The credential packet is built as a `Document` once and rendered twice, so the two files always
say the same thing. Every piece of text is escaped by the renderer: callers pass plain text,
never markup. Links are kept only when they are http(s).

The HTML page is self-contained: inline CSS (with a print stylesheet), no scripts, no fonts,
images or styles fetched from anywhere. A link's text should be readable on paper (the packet
shows `nursys.com`, not "click here").
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Literal

Tone = Literal["ok", "warn", "bad"]


@dataclass(frozen=True)
class Link:
    text: str
    url: str


@dataclass(frozen=True)
class Badge:
    """A short status word, coloured on screen and bold on paper when it is bad news."""

    text: str
    tone: Tone


Cell = str | Link | Badge


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    caption: str | None = None


@dataclass(frozen=True)
class Section:
    key: str
    """Stable id (`licenses`): the HTML section's id, for tests and for links."""
    title: str
    facts: tuple[tuple[str, str], ...] = ()
    """Label and value pairs (a definition list)."""
    tables: tuple[Table, ...] = ()
    notes: tuple[str, ...] = ()
    empty: str = "None recorded."
    """Shown when the section has neither facts nor table rows."""

    @property
    def is_empty(self) -> bool:
        return not self.facts and not any(t.rows for t in self.tables)


@dataclass(frozen=True)
class Document:
    title: str
    heading: str
    generated: str
    """The 'generated on' line."""
    sections: tuple[Section, ...]
    footer: tuple[str, ...] = field(default_factory=tuple)


# -- HTML ------------------------------------------------------------------------------------

_CSS = """
:root { color-scheme: light; --ink: #1d2327; --muted: #5b6770; --rule: #d5dbe0;
  --ok: #1b6e3a; --warn: #8a5a00; --bad: #b3261e; --band: #f4f6f8; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: var(--ink);
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  sans-serif; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.5rem 3rem; }
header { border-bottom: 3px solid var(--ink); padding-bottom: .75rem; margin-bottom: 1.25rem; }
header p.kicker { margin: 0; text-transform: uppercase; letter-spacing: .08em;
  font-size: .8rem; color: var(--muted); }
h1 { margin: .15rem 0 .25rem; font-size: 1.9rem; line-height: 1.2; }
p.generated { margin: 0; color: var(--muted); font-size: .9rem; }
section { margin: 1.5rem 0; }
h2 { font-size: 1.15rem; margin: 0 0 .5rem; padding-bottom: .2rem;
  border-bottom: 1px solid var(--rule); }
h3 { font-size: 1rem; margin: .9rem 0 .35rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1.25rem; margin: 0; }
dt { font-weight: 600; color: var(--muted); }
dd { margin: 0; }
table { width: 100%; border-collapse: collapse; font-size: .9rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem;
  border-bottom: 1px solid var(--rule); }
th { background: var(--band); font-weight: 600; }
tbody tr:nth-child(even) td { background: #fafbfc; }
td.date, span.date { white-space: nowrap; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: .6rem; font-size: .8rem;
  font-weight: 600; border: 1px solid currentColor; white-space: nowrap; }
.ok { color: var(--ok); } .warn { color: var(--warn); } .bad { color: var(--bad); }
a { color: #0b57a4; }
p.note, p.empty { color: var(--muted); font-size: .88rem; margin: .4rem 0 0; }
footer { margin-top: 2rem; padding-top: .6rem; border-top: 1px solid var(--rule);
  color: var(--muted); font-size: .82rem; }
footer p { margin: .2rem 0; }
@media print {
  @page { size: auto; margin: 14mm 12mm; }
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr, dl { break-inside: avoid; page-break-inside: avoid; }
  th, tbody tr:nth-child(even) td { background: none; }
  .badge { border: none; padding: 0; }
  .bad { font-weight: 700; }
  a { color: inherit; text-decoration: none; }
}
"""


def render_html(doc: Document) -> str:
    e = _escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="careerpath">',
        f"<title>{e(doc.title)}: {e(doc.heading)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        "<header>",
        f'<p class="kicker">{e(doc.title)}</p>',
        f"<h1>{e(doc.heading)}</h1>",
        f'<p class="generated">{e(doc.generated)}</p>',
        "</header>",
    ]
    for section in doc.sections:
        parts.append(_html_section(section))
    if doc.footer:
        parts.append("<footer>")
        parts.extend(f"<p>{e(line)}</p>" for line in doc.footer)
        parts.append("</footer>")
    parts += ["</main>", "</body>", "</html>", ""]
    return "\n".join(parts)


def _html_section(section: Section) -> str:
    e = _escape
    out = [f'<section id="{e(section.key)}">', f"<h2>{e(section.title)}</h2>"]
    if section.facts:
        out.append("<dl>")
        for label, value in section.facts:
            out.append(f"<dt>{e(label)}</dt><dd>{e(value)}</dd>")
        out.append("</dl>")
    for table in section.tables:
        if table.caption:
            out.append(f"<h3>{e(table.caption)}</h3>")
        if not table.rows:
            out.append(f'<p class="empty">{e(section.empty)}</p>')
            continue
        out.append("<table>")
        out.append("<thead><tr>" + "".join(f"<th>{e(h)}</th>" for h in table.headers))
        out.append("</tr></thead>")
        out.append("<tbody>")
        for row in table.rows:
            out.append("<tr>" + "".join(_html_cell(c) for c in row) + "</tr>")
        out.append("</tbody>")
        out.append("</table>")
    if section.is_empty and not section.tables:
        out.append(f'<p class="empty">{e(section.empty)}</p>')
    out.extend(f'<p class="note">{e(note)}</p>' for note in section.notes)
    out.append("</section>")
    return "\n".join(out)


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ANY_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def _html_cell(cell: Cell) -> str:
    e = _escape
    if isinstance(cell, Link):
        if _safe_url(cell.url):
            return f'<td><a href="{e(cell.url)}">{e(cell.text)}</a></td>'
        return f"<td>{e(cell.text)}</td>"
    if isinstance(cell, Badge):
        return f'<td><span class="badge {cell.tone}">{e(cell.text)}</span></td>'
    css = ' class="date"' if _ISO_DATE.match(cell) else ""
    # A date never breaks at its hyphens (a window "2025-04-25 – 2027-04-24" wraps between them).
    text = _ANY_DATE.sub(r'<span class="date">\g<0></span>', e(cell)) if not css else e(cell)
    return f"<td{css}>{text}</td>"


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


def _safe_url(url: str) -> bool:
    return url.startswith(("https://", "http://")) and not any(c.isspace() for c in url)


# -- Markdown --------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&#!])")


def md_escape(text: str) -> str:
    """Plain text that Markdown shows as typed: no emphasis, links, HTML or table breaks."""
    flat = " ".join(text.split())
    return _MD_SPECIAL.sub(r"\\\1", flat)


def render_markdown(doc: Document) -> str:
    m = md_escape
    lines = [f"# {m(doc.title)}: {m(doc.heading)}", "", m(doc.generated), ""]
    for section in doc.sections:
        lines += [f"## {m(section.title)}", ""]
        if section.facts:
            lines += [f"- **{m(label)}:** {m(value)}" for label, value in section.facts]
            lines.append("")
        for table in section.tables:
            if table.caption:
                lines += [f"### {m(table.caption)}", ""]
            if not table.rows:
                lines += [f"_{m(section.empty)}_", ""]
                continue
            lines.append("| " + " | ".join(m(h) for h in table.headers) + " |")
            lines.append("|" + "|".join(" --- " for _ in table.headers) + "|")
            for row in table.rows:
                lines.append("| " + " | ".join(_md_cell(c) for c in row) + " |")
            lines.append("")
        if section.is_empty and not section.tables:
            lines += [f"_{m(section.empty)}_", ""]
        for note in section.notes:
            lines += [f"_{m(note)}_", ""]
    if doc.footer:
        lines += ["---", ""]
        for line in doc.footer:
            lines += [m(line), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _md_cell(cell: Cell) -> str:
    if isinstance(cell, Link):
        if _safe_url(cell.url):
            url = cell.url.replace("(", "%28").replace(")", "%29").replace("|", "%7C")
            return f"[{md_escape(cell.text)}]({url})"
        return md_escape(cell.text)
    if isinstance(cell, Badge):
        text = md_escape(cell.text)
        return f"**{text}**" if cell.tone == "bad" else text
    return md_escape(cell)
