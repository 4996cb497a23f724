"""The credential packet, HTML read back structurally with html.parser, and its Markdown twin."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

from tests.planner.builders import TODAY, ce, d, lic, records

from careerpath.exports.document import md_escape, render_html, render_markdown
from careerpath.exports.packet import build_packet, skills_section
from careerpath.records import Certification, Profile, Records, SkillRating
from careerpath.reference.loader import load

RULES = load()


class Page(HTMLParser):
    """Sections by id, each a list of tables, each a list of rows of cell texts."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, dict[str, str | None]]] = []
        self.sections: dict[str, list[list[list[str]]]] = {}
        self.headers: dict[str, list[list[str]]] = {}
        self.links: list[tuple[str, str]] = []
        self.text: list[str] = []
        self._section: str | None = None
        self._cell: list[str] | None = None
        self._row: list[str] | None = None
        self._href: str | None = None
        self._in_thead = False
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.append((tag, dict(attrs)))
        found = dict(attrs)
        if tag == "section":
            self._section = found["id"]
            self.sections[self._section or ""] = []
            self.headers[self._section or ""] = []
        elif tag == "table" and self._section:
            self.sections[self._section].append([])
        elif tag == "thead":
            self._in_thead = True
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "a":
            self._href = found.get("href")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None and self._section:
            if self._in_thead:
                self.headers[self._section].append(self._row)
            else:
                self.sections[self._section][-1].append(self._row)
            self._row = None
        elif tag == "thead":
            self._in_thead = False
        elif tag == "section":
            self._section = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)
        if self._href is not None:
            self.links.append((data, self._href))
            self._href = None

    def rows(self, section: str, table: int = 0) -> list[list[str]]:
        return self.sections[section][table]


def traveler(name: str = "Ana Rivera") -> Records:
    recs = records(
        Profile(name=name, professions=["RN", "PT"], home_state="TX", specialty="ICU"),
        lic(1, "RN", "TX", kind="multistate", number="RN-884201", expires=d("2028-01-31")),
        lic(2, "PT", "OR", number="PT-5551", expires=d("2027-03-31")),
        lic(3, "RN", "CA", number="95012345", expires=d("2026-10-31")),
        certifications=[
            Certification(id=1, name="BLS", issuer="AHA", number="BLS-1", expires=d("2027-01-31")),
            Certification(id=2, name="bls", issuer="AHA", expires=d("2025-01-31")),  # superseded
            Certification(id=3, name="CCRN", issuer="AACN", number="CCRN-77"),
        ],
        ce_activities=[ce(1, "2026-05-01", "4", "pain-management")],
    )
    recs.skills = [
        SkillRating(id=1, skill="Ventilator management", level=2),
        SkillRating(id=2, skill="Triage (ESI)", level=4),
        SkillRating(id=3, skill="Communication", kind="soft", level=3),
    ]
    return recs


def test_sections_and_table_rows() -> None:
    page = Page(render_html(build_packet(traveler(), RULES, TODAY)))
    assert list(page.sections) == ["profile", "licenses", "certifications", "ce", "skills"]
    text = " ".join(page.text)
    assert "Generated on 2026-11-25" in text
    assert "Ana Rivera" in text and "RN (Registered nurse), PT (Physical therapist)" in text
    assert "TX (Texas)" in text
    assert page.headers["licenses"] == [["State", "Profession", "Kind", "Status", "Expires",
                                         "Verify"]]  # fmt: skip
    assert page.rows("licenses") == [
        ["CA (California)", "RN", "single-state", "expired", "2026-10-31", "nursys.com"],
        ["OR (Oregon)", "PT", "single-state", "active", "2027-03-31", "oregon.gov/pt"],
        ["TX (Texas)", "RN", "multistate", "active", "2028-01-31", "nursys.com"],
    ]
    assert ("nursys.com", "https://www.nursys.com/") in page.links
    assert ("oregon.gov/pt", "https://www.oregon.gov/pt/") in page.links
    # The renewed BLS card supersedes the old one; an undated certification still shows.
    assert page.rows("certifications") == [
        ["BLS", "AHA", "2027-01-31 (renew soon)"],
        ["CCRN", "AACN", "–"],
    ]
    ce_rows = page.rows("ce")
    assert [r[0] for r in ce_rows] == [
        "RN multistate license TX",
        "PT license OR",
        "RN license CA",
    ]
    texas = ce_rows[0]
    assert texas[2:4] == ["20", "4"] and "Texas nursing jurisprudence" in texas[6]
    assert page.rows("skills", 0) == [
        ["Triage (ESI)", "4 – Expert (can teach others)", "–"],
        ["Ventilator management", "2 – Limited experience (needs review or supervision)", "–"],
    ]
    assert page.rows("skills", 1) == [
        ["Communication", "3 – Experienced (performs independently)", "–"]
    ]


def test_self_contained_printable_page() -> None:
    content = render_html(build_packet(traveler(), RULES, TODAY))
    page = Page(content)
    assert content.startswith("<!DOCTYPE html>")
    assert "script" not in page.tags and "link" not in page.tags and "img" not in page.tags
    assert "@media print" in content
    for _tag, attrs in page.attributes:
        assert "src" not in attrs
        for name, value in attrs.items():
            assert not name.startswith("on")  # no event handlers
            if name == "href":
                assert value and value.startswith("https://")
    assert "url(" not in content and "@import" not in content


def test_numbers_only_when_asked() -> None:
    numbers = ("RN-884201", "PT-5551", "95012345", "BLS-1", "CCRN-77")
    plain = build_packet(traveler(), RULES, TODAY)
    for text in (render_html(plain), render_markdown(plain)):
        assert not any(n in text for n in numbers)
        assert "numbers are left out" in text
    asked = build_packet(traveler(), RULES, TODAY, include_numbers=True)
    page = Page(render_html(asked))
    assert page.headers["licenses"][0][5] == "Number"
    assert [r[5] for r in page.rows("licenses")] == ["95012345", "PT-5551", "RN-884201"]
    assert [r[3] for r in page.rows("certifications")] == ["BLS-1", "CCRN-77"]
    assert all(n in render_markdown(asked) for n in numbers)


def test_user_text_is_escaped() -> None:
    evil = '<script>alert("x")</script> & Co'
    recs = traveler(name=evil)
    recs.skills.append(SkillRating(id=9, skill="<b>bold</b> | pipes", level=1))
    content = render_html(build_packet(recs, RULES, TODAY))
    assert "<script>" not in content and "<b>bold" not in content
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co" in content
    page = Page(content)
    assert "script" not in page.tags and "b" not in page.tags
    assert evil in " ".join(page.text)  # shown as typed
    markdown = render_markdown(build_packet(recs, RULES, TODAY))
    assert "<script>" not in markdown and "<b>" not in markdown
    assert "\\<b\\>bold\\</b\\> \\| pipes" in markdown  # a pipe cannot break the table


def test_markdown_has_the_same_content() -> None:
    markdown = render_markdown(build_packet(traveler(), RULES, TODAY))
    assert markdown.startswith("# Credential packet: Ana Rivera\n")
    assert "Generated on 2026-11-25" in markdown
    for heading in ("## Profile", "## Licenses", "## Certifications", "## Continuing education",
                    "## Skills", "### Clinical skills", "### Soft skills"):  # fmt: skip
        assert f"\n{heading}\n" in markdown
    assert (
        "| TX (Texas) | RN | multistate | active | 2028-01-31 | [nursys.com](https://www.nursys.com/) |"
        in markdown
    )
    assert "| CA (California) | RN | single-state | **expired** |" in markdown


def test_skills_section_takes_any_rows() -> None:
    class Row:
        def __init__(self, skill: str, level: int) -> None:
            self.skill, self.kind, self.level = (
                skill,
                SkillRating.model_fields["kind"].default,
                level,
            )
            self.last_performed: dt.date | None = d("2026-10-01")

    section = skills_section([Row("Arterial lines", 3)], key="icu-checklist", title="ICU checklist")
    assert section.key == "icu-checklist" and section.title == "ICU checklist"
    assert section.tables[0].rows == (
        ("Arterial lines", "3 – Experienced (performs independently)", "2026-10-01"),
    )
    assert skills_section([]).is_empty


def test_empty_records_still_make_a_packet() -> None:
    page = Page(render_html(build_packet(Records(), RULES, TODAY)))
    assert set(page.sections) == {"profile", "licenses", "certifications", "ce", "skills"}
    assert "No licenses recorded." in " ".join(page.text)


def test_md_escape() -> None:
    assert (
        md_escape("a*b_c [x](y) <i> #1 | 2\nnext") == "a\\*b\\_c \\[x\\](y) \\<i\\> \\#1 \\| 2 next"
    )
