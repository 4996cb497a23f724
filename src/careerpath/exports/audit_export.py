"""`careerpath audit` as the CLI and the app call it: read the store, write the zip, say what."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from careerpath.errors import CareerpathError, UsageError
from careerpath.exports.audit_packet import (
    PacketFile,
    build_audit_packet,
    certificate_names,
    write_audit_zip,
)
from careerpath.planner.audit import Window, audit_readiness
from careerpath.reference.loader import RulesData


def export_audit(
    home: Path,
    today: dt.date,
    license_id: int,
    target: Path,
    *,
    window: Window | str = Window.CURRENT,
    include_numbers: bool = False,
    rules: RulesData | None = None,
) -> str:
    """Write the audit packet of one license's window to `target` (.zip); the summary line."""
    from careerpath.store import certificates
    from careerpath.store.repository import Store

    if target.suffix.lower() != ".zip":
        raise UsageError(f"{target}: the audit packet is a .zip file (e.g. -o audit-tx.zip)")
    try:
        which = Window(window)
    except ValueError:
        raise UsageError(f"--window {window!r}: use current or previous") from None
    if rules is None:
        from careerpath.reference.loader import load

        rules = load()
    with Store(home) as store:
        records = store.records()
    lic = next((x for x in records.licenses if x.id == license_id), None)
    if lic is None:
        known = ", ".join(str(x.id) for x in records.licenses) or "none stored"
        raise CareerpathError(f"no license {license_id} (licenses: {known})")
    readiness = audit_readiness(
        lic, records, rules, today, window=which,
        stored_certificates=certificates.stored_names(home),
    )  # fmt: skip
    document = build_audit_packet(
        readiness, lic, records.profile, today, include_numbers=include_numbers
    )
    names = certificate_names(readiness)
    by_id = {item.activity.id: item.activity for item in readiness.items}
    files = [
        PacketFile(name, certificates.path_of(home, by_id[activity_id].certificate or ""))
        for activity_id, name in names.items()
    ]
    written, count = write_audit_zip(target, document, files)
    return (
        f"audit packet written to {written}: {len(readiness.items)} activities, "
        f"{count} certificates; {readiness.summary()}"
        + ("" if include_numbers else " (license number left out; --with-numbers adds it)")
    )
