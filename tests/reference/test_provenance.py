"""Where the facts come from: every source ranked, pending bills tied to their session, changed
facts re-sourced, and the figures `data info` and `data stale` print."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError
from tests.conftest import CLI

from careerpath.planner.where import Basis, where
from careerpath.reference.loader import DataFileError, load, load_folder
from careerpath.reference.manifest_file import KINDS
from careerpath.reference.provenance import figures, stale, unranked
from careerpath.reference.ranks import Publisher, Rank, Registry, host
from careerpath.reference.schema import CompactMembership, CompactModel, CompactStatus

from .fact_digest import digests, read_baseline

DATA = Path(__file__).resolve().parents[2] / "data"
BASELINE = Path(__file__).parent / "fixtures" / "facts-baseline.json"
RULES = load()


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    for kind in KINDS:
        shutil.copytree(DATA / kind, folder / kind)
    return folder


# --- ranks ------------------------------------------------------------------------------------
def test_every_bundled_source_has_a_rank() -> None:
    for node in [*RULES.compacts.values(), *RULES.states.values()]:
        assert unranked(node, RULES.registry) == []


def test_a_source_without_a_rank_is_refused(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    path = folder / "compacts" / "pt.json"
    document = json.loads(path.read_text())
    document["rules"]["source"] = "https://unranked.example.org/pt-compact"
    path.write_text(json.dumps(document))
    with pytest.raises(DataFileError, match=r"no rank in the source registry: https://unranked"):
        load_folder(folder)


def test_a_folder_without_a_registry_is_refused(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    shutil.rmtree(folder / "sources")
    with pytest.raises(DataFileError, match=r"registry\.json"):
        load_folder(folder)


def test_the_longest_match_wins_and_hosts_are_normalised() -> None:
    registry = Registry(
        publishers=[
            Publisher(match="github.com", rank=Rank.OTHER, publisher="GitHub"),
            Publisher(
                match="github.com/csg-org/CompactConnect",
                rank=Rank.OFFICIAL,
                publisher="CompactConnect",
            ),
            Publisher(match="ncsbn.org", rank=Rank.OFFICIAL, publisher="NCSBN"),
        ]
    )
    assert (
        registry.rank("https://github.com/csg-org/CompactConnect/blob/x/cdk.json") is Rank.OFFICIAL
    )
    assert registry.rank("https://github.com/someone/else") is Rank.OTHER
    assert registry.rank("https://www.ncsbn.org:443/nlc") is Rank.OFFICIAL
    assert registry.rank("https://ncsbn.org.example.com/nlc") is None
    assert host("https://WWW.Example.GOV./x") == "example.gov"


def test_a_publisher_listed_twice_is_refused() -> None:
    with pytest.raises(ValidationError, match="listed more than once"):
        Registry(
            publishers=[
                Publisher(match="ncsbn.org", rank=Rank.OFFICIAL, publisher="NCSBN"),
                Publisher(match="ncsbn.org", rank=Rank.OTHER, publisher="NCSBN again"),
            ]
        )


# --- pending bills and their sessions ---------------------------------------------------------
def _member(**fields: object) -> CompactMembership:
    base: dict[str, object] = {"code": "TX", "source": "https://capitol.texas.gov/x",
                               "verified": "2025-03-01"}  # fmt: skip
    return CompactMembership.model_validate(base | fields)


def test_pending_needs_its_bill_and_session() -> None:
    with pytest.raises(ValidationError, match="needs its bill"):
        _member(status="pending", session_ends="2025-06-02")
    with pytest.raises(ValidationError, match="session_ends"):
        _member(status="pending", legislation="HB 932 (2025)")
    assert _member(status="pending", legislation="HB 932", session_ends="2025-06-02")


@given(ends=st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)),
       today=st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)))  # fmt: skip
def test_a_bill_counts_as_pending_exactly_until_its_session_ends(
    ends: dt.date, today: dt.date
) -> None:
    member = _member(status="pending", legislation="HB 932 (2025)", session_ends=ends.isoformat())
    now = member.on(today)
    if today > ends:
        assert now.status is CompactStatus.NOT_MEMBER
        assert now.notes and "HB 932 (2025)" in now.notes and ends.isoformat() in now.notes
    else:
        assert now is member


def test_other_statuses_do_not_lapse() -> None:
    member = _member(status="enacted", legislation="HB 1", session_ends="2020-01-01")
    assert member.on(dt.date(2030, 1, 1)) is member


def test_where_answers_not_a_member_once_the_session_has_ended() -> None:
    # OT Compact, Pennsylvania: HB 482 (2025-2026) was pending; the General Assembly's
    # two-year session ends on 30 November 2026 (data/compacts/ot.json).
    from tests.planner.builders import lic, profile, records

    recs = records(profile("OH", "OT"), lic(1, "OT", "OH"))
    during = where(recs, RULES, dt.date(2026, 11, 25), "OT").get("PA")
    assert during.basis is Basis.COMPACT_PENDING
    after = where(recs, RULES, dt.date(2026, 12, 4), "OT").get("PA")
    assert after.basis is Basis.LICENSE_NEEDED
    assert any("HB 482" in w and "2026-11-30" in w for w in after.warnings)
    assert after.source == RULES.compacts["ot"].member("PA").source


def test_every_bundled_pending_entry_names_its_bill_and_session() -> None:
    for compact in RULES.compacts.values():
        for member in compact.jurisdictions:
            if member.status is CompactStatus.PENDING:
                assert member.legislation and member.session_ends, f"{compact.id} {member.code}"


# --- cross-file checks ------------------------------------------------------------------------
def test_a_privilege_state_issues_privileges() -> None:
    """Where the planner offers a compact privilege, the compact runs and the state is in
    force, and a state that issues to its residents also accepts privileges (or says why)."""
    for compact in RULES.compacts.values():
        if compact.model is not CompactModel.PRIVILEGE_TO_PRACTICE:
            continue
        for member in compact.jurisdictions:
            where_ = f"{compact.id} {member.code}"
            if member.practice_allowed:
                assert compact.operational is True, where_
                assert member.status in (CompactStatus.IMPLEMENTED, CompactStatus.PARTIAL), where_
            if member.issues_to_residents:
                assert member.practice_allowed or member.partial_detail, where_


def test_every_changed_fact_has_a_new_source_or_date() -> None:
    """Against the baseline digest: a block where a fact known then has changed carries a
    source, and either a new source, a new verified date, or a dated note saying what changed.
    (A fact added since from the block's own source is not a change.)"""
    baseline = read_baseline(BASELINE)
    for where_, now in digests(DATA).items():
        old = baseline.get(where_)
        if old is None or not now.changed_since(old):
            continue
        document = _block_notes(where_)
        assert now.verified is not None, f"{where_}: changed without a verified date"
        renewed = now.source != old.source or now.verified != old.verified
        dates = re.findall(r"\b(20\d\d-\d\d-\d\d)\b", document)
        assert renewed or any(d > (old.verified or "") for d in dates), (
            f"{where_}: facts changed but neither the source, the date nor a dated note did"
        )


def _block_notes(where_: str) -> str:
    file, *path = where_.split(" ")
    node: object = json.loads((DATA / file).read_bytes())
    for step in path:
        assert isinstance(node, dict)
        if step.isupper():
            node = next(j for j in node["jurisdictions"] if j["code"] == step)
        else:
            node = node[step]
    assert isinstance(node, dict)
    return str(node.get("notes") or "")


# --- figures ----------------------------------------------------------------------------------
def test_shares_add_up_and_name_the_oldest_date() -> None:
    for node in [*RULES.compacts.values(), *RULES.states.values()]:
        shares = figures(node, RULES.registry)
        assert shares.official + shares.two_sourced + shares.single == shares.known
        assert 0 < shares.known <= shares.facts
        assert shares.oldest is not None


def test_stale_lists_old_facts_oldest_first() -> None:
    slp = RULES.states["SLP"]
    today = dt.date(2026, 12, 4)
    found = stale(slp, RULES.registry, today, 12)
    dates = [f.verified for f in found if f.verified]
    assert dates == sorted(dates) and dates[0] < dt.date(2025, 12, 4)
    assert all(f.verified is None or f.verified < dt.date(2025, 12, 4) for f in found)
    assert stale(slp, RULES.registry, today, 12 * 100) == []


def test_cli_data_info_prints_the_source_figures(cli: CLI) -> None:
    result = cli("data", "info", "--json")
    assert result.code == 0, result.err
    pt = next(f for f in json.loads(result.out)["files"] if f["file"] == "compacts/pt.json")
    assert set(pt["sources"]) >= {"official_pct", "two_sourced_pct", "single_non_official_pct",
                                  "null_pct", "oldest_verified"}  # fmt: skip
    table = cli("data", "info").out
    assert "one non-official" in table and "oldest verified" in table


def test_cli_data_stale(cli: CLI) -> None:
    result = cli("data", "stale", "--json")
    assert result.code == 0, result.err
    rows = json.loads(result.out)
    assert rows and all(r["verified"] is None or r["verified"] < "2025-11-25" for r in rows)
    assert {r["rank"] for r in rows} <= {r.value for r in Rank} | {None}
    text = cli("data", "stale", "--months", "1200")
    assert "no facts verified more than 1200 months" in text.out
    bad = cli("data", "stale", "--months", "-1")
    assert bad.code != 0 and "--months" in bad.err


def test_docs_sources_md_is_current() -> None:
    from careerpath.reference.sources import markdown

    expected = markdown(DATA)
    written = (DATA.parent / "docs" / "SOURCES.md").read_text()
    assert written == expected, (
        "regenerate: python -m careerpath.reference.sources data > docs/SOURCES.md"
    )


def test_role_profiles_cite_ranked_sources_only(tmp_path: Path) -> None:
    from careerpath.reference.roles import RoleFileError, load_roles

    assert load_roles.__wrapped__(DATA)
    folder = _copy(tmp_path)
    path = folder / "roles" / "icu.json"
    document = json.loads(path.read_text())
    document["sources"] = [*document.get("sources", []), "https://unranked.example.org/icu"]
    path.write_text(json.dumps(document))
    with pytest.raises(RoleFileError, match="no rank in the source registry"):
        load_roles.__wrapped__(folder)
