"""Export and import: lossless, validated before writing, schema kept in the repo."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from tests.conftest import CLI

from careerpath.errors import CareerpathError
from careerpath.records import CEActivity, License, Profile
from careerpath.store import certificates, transfer
from careerpath.store.repository import Store

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_FILE = ROOT / "docs" / "export.schema.json"


def filled(home: Path, tmp_path: Path) -> Store:
    store = Store(home)
    store.save_profile(Profile(name="Ana", professions=["PT"], home_state="TX"))
    lic = store.add(
        License(profession="PT", jurisdiction="TX", number="PT-1", expires="2027-01-31")
    )
    store.add(License(profession="PT", jurisdiction="OR", kind="privilege", home_license_id=lic.id))
    pdf = tmp_path / "cert.pdf"
    pdf.write_bytes(b"%PDF-1.4 certificate")
    name = certificates.attach(home, pdf)
    store.add(CEActivity(completed="2026-01-01", title="Ethics", amount="50", unit="minutes",
                         topics=["ethics"], certificate=name, claimed_for=[lic.id or 0]))  # fmt: skip
    store.set_plan_step("icu:ccrn", "2026-11-01")
    return store


def test_schema_file_is_current() -> None:
    assert json.loads(SCHEMA_FILE.read_text()) == transfer.json_schema(), (
        "regenerate docs/export.schema.json: python -m careerpath.store.schema_export"
    )


def test_round_trip_with_files(tmp_path: Path) -> None:
    source = filled(tmp_path / "a", tmp_path)
    out = tmp_path / "export.json"
    transfer.write(transfer.build(source, with_files=True), out)
    jsonschema.validate(json.loads(out.read_text()), transfer.json_schema())
    target = Store(tmp_path / "b")
    transfer.apply(target, transfer.read(out), replace=False)
    assert target.records() == source.records()
    assert target.plan_steps() == {"icu:ccrn": "2026-11-01"}
    name = source.records().ce_activities[0].certificate or ""
    assert certificates.path_of(target.home, name).read_bytes() == b"%PDF-1.4 certificate"


def test_import_refuses_non_empty_store_without_replace(tmp_path: Path) -> None:
    source = filled(tmp_path / "a", tmp_path)
    out = tmp_path / "export.json"
    transfer.write(transfer.build(source, with_files=False), out)
    with pytest.raises(CareerpathError, match="--replace"):
        transfer.apply(source, transfer.read(out), replace=False)
    transfer.apply(source, transfer.read(out), replace=True)
    assert list((source.home / "backups").glob("careerpath-before-import-*.db"))


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d["records"]["licenses"][0].update(jurisdiction="ZZ"), "not a US state"),
        (lambda d: d["records"]["ce_activities"][0].update(amount="-1"), "more than 0"),
        (lambda d: d["records"]["ce_activities"][0].update(claimed_for=[77]), "unknown license"),
        (lambda d: d.update(format_version=99), "format 99"),
        (lambda d: d.update(format="other"), "not a careerpath export"),
        (lambda d: d["certificates"][0].update(sha256="0" * 64), "does not match"),
    ],
)
def test_bad_import_writes_nothing(tmp_path: Path, mutate: object, expected: str) -> None:
    source = filled(tmp_path / "a", tmp_path)
    out = tmp_path / "export.json"
    transfer.write(transfer.build(source, with_files=True), out)
    data = json.loads(out.read_text())
    mutate(data)  # type: ignore[operator]
    out.write_text(json.dumps(data))
    target = Store(tmp_path / "b")
    with pytest.raises(CareerpathError, match=expected):
        transfer.apply(target, transfer.read(out), replace=True)
    assert target.is_empty()


def test_truncated_json_is_one_line(tmp_path: Path) -> None:
    out = tmp_path / "export.json"
    out.write_text('{"format": "careerpath-export", "records": {')
    with pytest.raises(CareerpathError, match="not valid JSON") as exc:
        transfer.read(out)
    assert "\n" not in str(exc.value)


def test_an_export_without_files_always_round_trips(cli: CLI, tmp_path: Path) -> None:
    """Imported without --with-files, a certificate is missing here: later exports record it
    as missing (they used to be refused), and `ce certificate` re-attaches or drops it."""
    first, second, third = (tmp_path / name for name in ("a", "b", "c"))
    pdf = tmp_path / "sepsis.pdf"
    pdf.write_bytes(b"%PDF-1.4 certificate")
    added = cli("ce", "add", "--home", str(first), "--title", "Sepsis", "--hours", "1",
                "--date", "2026-01-01", "--certificate", str(pdf))  # fmt: skip
    assert added.code == 0, added.err
    plain = tmp_path / "plain.json"
    assert cli("export", str(plain), "--home", str(first)).code == 0
    imported = cli("import", str(plain), "--home", str(second))
    assert imported.code == 0 and "re-attach it with `careerpath ce certificate" in imported.err
    again = tmp_path / "again.json"
    exported = cli("export", str(again), "--home", str(second))
    assert exported.code == 0, exported.err
    assert "1 missing (re-attach it" in exported.out
    document = json.loads(again.read_text())
    assert document["certificates"][0]["missing"] is True
    assert document["records"] == json.loads(plain.read_text())["records"]
    assert cli("import", str(again), "--home", str(third)).code == 0  # the round trip holds
    assert cli("export", str(tmp_path / "third.json"), "--home", str(third)).code == 0
    attached = cli("ce", "certificate", "1", str(pdf), "--home", str(second))
    assert attached.code == 0, attached.err
    full = tmp_path / "full.json"
    assert cli("export", str(full), "--with-files", "--home", str(second)).code == 0
    assert json.loads(full.read_text())["certificates"][0]["missing"] is False
    dropped = cli("ce", "certificate", "1", "--drop", "--home", str(third))
    assert dropped.code == 0 and "certificate dropped" in dropped.out
    last = tmp_path / "last.json"
    assert cli("export", str(last), "--home", str(third)).code == 0
    assert json.loads(last.read_text())["certificates"] == []
    neither = cli("ce", "certificate", "1", "--home", str(third))
    assert neither.code == 2 and "give a certificate FILE or --drop" in neither.err
