"""CSV tables out, CE activities in: columns, encoding, validation of every row."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from tests.planner.builders import TODAY, d, lic, profile, records

from careerpath.errors import CareerpathError
from careerpath.exports.csv_tables import CE_COLUMNS, export_csv, parse_ce_csv
from careerpath.exports.formats import CSVTable
from careerpath.records import CEActivity, Certification, Records


def activity(id: int, when: str, title: str, amount: str, unit: str = "contact_hours",
             **kw: Any) -> CEActivity:  # fmt: skip
    data = {"id": id, "completed": when, "title": title, "amount": amount, "unit": unit, **kw}
    return CEActivity.model_validate(data)


def stored() -> Records:
    recs = records(
        profile("TX", "RN"),
        lic(1, "RN", "TX", kind="multistate", number="RN-884201"),
        lic(2, "RN", "CA", number="95012345", issued=d("2024-01-31")),
        certifications=[Certification(id=1, name="BLS", issuer="AHA", number="BLS-9")],
    )
    recs.ce_activities = [
        activity(1, "2026-05-20", "Sepsis update", "1.5", provider="AACN NTI", accreditor="ANCC",
                 topics=["sepsis", "infection-control"], format="conference", claimed_for=[1, 2]),
        activity(2, "2026-05-20", 'Ethics, "end of life" & Pflege – Ü', "0.1", "ceu",
                 provider="AACN NTI", topics=["ethics"]),
        activity(3, "2026-01-10", "Vent waveforms", "90", "minutes", format="online"),
    ]  # fmt: skip
    return recs


def rows_of(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def test_ce_table_columns_and_values() -> None:
    content = export_csv(stored(), CSVTable.CE)
    assert content.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    assert content.splitlines(keepends=True)[0].endswith(b"\r\n")
    rows = rows_of(content)
    assert list(rows[0]) == list(CE_COLUMNS)
    assert [r["date"] for r in rows] == ["2026-01-10", "2026-05-20", "2026-05-20"]  # by date
    vent, sepsis, ethics = rows
    assert (vent["hours"], vent["unit"], vent["contact_hours"]) == ("90", "minutes", "1.5")
    assert sepsis == {
        "date": "2026-05-20", "title": "Sepsis update", "provider": "AACN NTI",
        "accreditor": "ANCC", "hours": "1.5", "unit": "contact_hours", "contact_hours": "1.5",
        "topics": "sepsis;infection-control", "format": "conference", "claim": "1;2",
        "certificate": "",
    }  # fmt: skip
    assert ethics["title"] == 'Ethics, "end of life" & Pflege – Ü'
    assert (ethics["hours"], ethics["unit"], ethics["contact_hours"]) == ("0.1", "ceu", "1")


def test_license_and_certification_tables_leave_numbers_out_unless_asked() -> None:
    licenses = rows_of(export_csv(stored(), CSVTable.LICENSES))
    assert list(licenses[0]) == ["id", "profession", "state", "kind", "status", "issued",
                                 "expires", "home_license_id"]  # fmt: skip
    assert licenses[1] == {
        "id": "2", "profession": "RN", "state": "CA", "kind": "single_state",
        "status": "active", "issued": "2024-01-31", "expires": "2028-01-31",
        "home_license_id": "",
    }  # fmt: skip
    with_numbers = rows_of(export_csv(stored(), CSVTable.LICENSES, include_numbers=True))
    assert [r["number"] for r in with_numbers] == ["RN-884201", "95012345"]
    certs = export_csv(stored(), CSVTable.CERTIFICATIONS)
    assert b"BLS-9" not in certs and rows_of(certs)[0]["name"] == "BLS"
    assert b"BLS-9" in export_csv(stored(), CSVTable.CERTIFICATIONS, include_numbers=True)


def test_export_parses_back_to_the_same_activities() -> None:
    recs = stored()
    text = export_csv(recs, CSVTable.CE).decode("utf-8-sig")
    parsed = parse_ce_csv(text, today=TODAY, license_ids=[1, 2])
    assert parsed.problems == [] and parsed.duplicates == []
    strip = {"id"}
    got = sorted((r.activity.model_dump(exclude=strip) for r in parsed.rows), key=str)
    want = sorted((a.model_dump(exclude=strip) for a in recs.ce_activities), key=str)
    assert got == want


def test_every_bad_row_is_reported_and_none_accepted() -> None:
    text = (
        "Date,Title,Hours,Unit,Topics,Claim,Contact_Hours\n"
        "2026-01-01,Good,1,,,,\n"
        "2026-13-01,Bad date,1,,,,\n"
        "2026-02-01,Negative,-1,,,,\n"
        "2026-02-01,Unit,2,parsecs,,,\n"
        "2027-02-01,Future,1,,,9,\n"
        "2026-02-01,Edited hours,0.2,ceu,,,3\n"
        "2026-02-01,Clash,90min,ceu,,,\n"
        "2026-02-01,Too many,1,,,,,extra\n"
        ",,,,,,\n"
    )
    parsed = parse_ce_csv(text, today=TODAY, license_ids=[1])
    assert [r.row for r in parsed.rows] == [2]
    assert parsed.problems == [
        "row 3: date: '2026-13-01' is not a date (use YYYY-MM-DD)",
        "row 4: hours must be more than 0, got -1 contact_hours",
        "row 5: unit: 'parsecs' is not a CE unit (use contact_hours, ceu or minutes)",
        "row 6: claim: there is no license 9 here (add it, or clear the claim); "
        "date: 2027-02-01 is after today (2026-11-25); log CE once it is done",
        "row 7: contact_hours: 3 does not match hours 0.2 ceu (2); change hours and unit, "
        "or clear contact_hours",
        "row 8: hours: '90min' says minutes but unit says ceu",
        "row 9: 8 cells but 7 columns (a comma inside a value needs quotes)",
    ]


def test_people_typed_values_are_read() -> None:
    text = (
        "title,hours,date,topics,format\n"
        "Stroke,90min,2026-03-01,\"Stroke, Neuro care\",Home Study\n"
    )  # fmt: skip
    (row,) = parse_ce_csv(text, today=TODAY).rows
    assert row.activity.unit == "minutes" and row.activity.amount == 90
    assert row.activity.topics == ["stroke", "neuro-care"]
    assert row.activity.format == "home_study"


def test_duplicates_of_stored_activities_are_skipped() -> None:
    recs = stored()
    text = export_csv(recs, CSVTable.CE).decode("utf-8-sig")
    # Same activity, written in another unit and case: still the same one.
    text += "2026-01-10,VENT WAVEFORMS,,,1.5,contact_hours,,,,,\r\n"
    text += "2026-01-11,Vent waveforms,,,1.5,contact_hours,,,,,\r\n"
    parsed = parse_ce_csv(text, today=TODAY, existing=recs.ce_activities, license_ids=[1, 2])
    assert parsed.duplicates == [2, 3, 4, 5]
    assert [r.activity.completed for r in parsed.rows] == [d("2026-01-11")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("name,issuer\nBLS,AHA\n", "missing: date, title, hours; unknown: name, issuer"),
        ("date,title,hours,hours\n", "repeated: hours"),
    ],
)
def test_wrong_header_is_one_error(text: str, message: str) -> None:
    with pytest.raises(CareerpathError, match=message):
        parse_ce_csv(text, today=TODAY)
