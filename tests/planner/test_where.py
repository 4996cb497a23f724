"""`where`: each authority rule, with the compact fact it rests on cited from data/compacts."""

from __future__ import annotations

from careerpath.planner.moving import if_home
from careerpath.planner.where import Basis, where
from careerpath.reference.loader import load

from .builders import TODAY, d, lic, profile, records

RULES = load()


def test_nlc_home_state_multistate_covers_compact_states_only() -> None:
    # NLC: a multistate license from the home (party) state covers every state where
    # practice is allowed; Oregon and California are not members (compactstates.com, 2026-06).
    recs = records(profile("TX", "RN"), lic(1, "RN", "TX", kind="multistate"))
    report = where(recs, RULES, TODAY, "RN")
    assert report.get("TX").basis is Basis.LICENSE
    assert report.get("CO").basis is Basis.MULTISTATE
    assert report.get("CO").expires == d("2028-01-31")
    assert report.get("OR").basis is Basis.LICENSE_NEEDED
    assert report.get("CA").basis is Basis.LICENSE_NEEDED
    assert "OR" not in report.practisable()


def test_partial_member_admits_remote_multistate_nurses() -> None:
    # Guam (NCSBN 2021-03-05): nurses with another state's multistate license may practise
    # there although Guam does not yet issue multistate licenses.
    recs = records(profile("TX", "RN"), lic(1, "RN", "TX", kind="multistate"))
    guam = where(recs, RULES, TODAY, "RN").get("GU")
    assert guam.basis is Basis.MULTISTATE
    assert any("Partial implementation" in w for w in guam.warnings)


def test_enacted_not_implemented_is_pending_not_covered() -> None:
    # Massachusetts enacted the NLC in Nov 2024 but multistate nurses may not yet practise there.
    recs = records(profile("TX", "RN"), lic(1, "RN", "TX", kind="multistate"))
    ma = where(recs, RULES, TODAY, "RN").get("MA")
    assert ma.basis is Basis.COMPACT_PENDING
    assert not ma.may_practise
    assert "has enacted the NLC" in ma.detail


def test_non_compact_home_state_gives_single_state_only() -> None:
    recs = records(profile("CA", "RN"), lic(1, "RN", "CA"))
    report = where(recs, RULES, TODAY, "RN")
    assert report.practisable() == ["CA"]
    assert report.get("TX").basis is Basis.LICENSE_NEEDED
    assert "not an NLC state" in report.get("TX").detail


def test_unknown_nlc_answers_give_likely_eligible_with_questions_to_confirm() -> None:
    recs = records(profile("TX", "RN", nlc="unknown"), lic(1, "RN", "TX"))
    colorado = where(recs, RULES, TODAY, "RN").get("CO")
    assert colorado.basis is Basis.MULTISTATE_AVAILABLE
    assert "likely eligible" in colorado.detail
    assert len(colorado.confirm) == len(RULES.compacts["nlc"].rules.uniform_requirements)


def test_a_no_answer_blocks_the_multistate_upgrade() -> None:
    recs = records(profile("TX", "RN", nlc="no"), lic(1, "RN", "TX"))
    report = where(recs, RULES, TODAY, "RN")
    assert report.get("CO").basis is Basis.LICENSE_NEEDED
    assert any("single-state licenses only" in n for n in report.notes)


def test_expired_and_encumbered_multistate_carry_nothing() -> None:
    expired = records(
        profile("TX", "RN"), lic(1, "RN", "TX", kind="multistate", expires=d("2026-01-31"))
    )
    report = where(expired, RULES, TODAY, "RN")
    assert report.practisable() == []
    assert "past its expiry date" in report.get("TX").warnings[0]
    # NLC: only an active, unencumbered license carries multistate practice.
    encumbered = records(
        profile("TX", "RN"), lic(1, "RN", "TX", kind="multistate", status="encumbered")
    )
    report = where(encumbered, RULES, TODAY, "RN")
    assert report.practisable() == ["TX"]
    assert report.get("TX").warnings


def test_privilege_held_rests_on_home_license_and_lapses_with_it() -> None:
    # PT Compact (ptcompact.org): privileges expire with the home-state license.
    home = lic(1, "PT", "TX", expires=d("2027-05-31"))
    privilege = lic(2, "PT", "CO", kind="privilege", home_license_id=1, expires=d("2027-05-31"))
    report = where(records(profile("TX", "PT"), home, privilege), RULES, TODAY, "PT")
    assert report.get("CO").basis is Basis.PRIVILEGE
    assert report.get("CO").rests_on == 1
    lapsed = home.model_copy(update={"expires": d("2026-10-31")})
    report = where(records(profile("TX", "PT"), lapsed, privilege), RULES, TODAY, "PT")
    assert report.get("CO").basis is Basis.LICENSE_NEEDED
    assert any("lapsed because" in w for w in report.get("CO").warnings)


def test_privilege_available_with_exam_and_fee_from_the_commission_table() -> None:
    # ptcompact.org fee and jurisprudence table: Alabama $85 with a jurisprudence exam,
    # Colorado $50 without one.
    recs = records(profile("TX", "PT"), lic(1, "PT", "TX"))
    report = where(recs, RULES, TODAY, "PT")
    alabama, colorado = report.get("AL"), report.get("CO")
    assert alabama.basis is Basis.PRIVILEGE_AVAILABLE
    assert (alabama.fee_usd, alabama.jurisprudence_exam) == (85, True)
    assert (colorado.fee_usd, colorado.jurisprudence_exam) == (50, False)
    assert report.get("CA").basis is Basis.LICENSE_NEEDED


def test_no_home_state_is_said_not_guessed() -> None:
    recs = records(profile(None, "PT"), lic(1, "PT", "TX"))
    report = where(recs, RULES, TODAY, "PT")
    assert report.practisable() == ["TX"]
    assert any("No home state" in n for n in report.notes)


def test_moving_between_nlc_states_needs_a_new_home_license_within_60_days() -> None:
    # NLC rule 402(2): apply in the new home state within 60 days of moving.
    recs = records(profile("TX", "RN"), lic(1, "RN", "TX", kind="multistate"))
    move = if_home(recs, RULES, TODAY, "RN", "CO")
    assert move.apply_for and "within 60 days" in move.apply_for[0]
    assert move.lose == [] and move.gain == []


def test_moving_to_a_non_compact_state_loses_multistate_practice() -> None:
    recs = records(profile("TX", "RN"), lic(1, "RN", "TX", kind="multistate"))
    move = if_home(recs, RULES, TODAY, "RN", "ca")
    assert move.to_state == "CA"
    assert "CO" in move.lose and "TX" not in move.lose
    assert move.gain == ["CA"]
    assert move.apply_for == ["An RN license from CA by endorsement."]
