"""Loading the rules data: bundled with the app, or a newer validated copy the user downloaded.

Read once per process (cached) with pydantic's JSON parser, so every answer uses one consistent
snapshot of the rules.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import NamedTuple

from pydantic import ValidationError

from careerpath.errors import CareerpathError
from careerpath.paths import bundled_data_dir
from careerpath.reference.ranks import REGISTRY_PATH, Registry, RegistryError, load_registry
from careerpath.reference.schema import (
    Compact,
    ProfessionRules,
    SharedProfessionRules,
    StateRules,
    resolve,
)


class RulesData(NamedTuple):
    folder: Path
    compacts: dict[str, Compact]
    """By compact id (nlc, pt, ot, aslp, ...)."""
    states: dict[str, ProfessionRules]
    """By profession code (RN, LPN, PT, PTA, OT, OTA, SLP, AUD), each profession's own file;
    shared blocks already resolved. A profession without a file has no rules: nothing falls
    back to another profession's."""
    registry: Registry = Registry(publishers=[])
    """The authority rank of every source the files cite."""

    def state_rules(self, profession: str) -> ProfessionRules | None:
        return self.states.get(profession)

    def rules_for(self, profession: str, state: str) -> StateRules | None:
        """This profession's rules in `state`, or None (unknown: no file, or no entry)."""
        file = self.states.get(profession)
        return file.rules_for(state) if file else None

    def compact_for(self, profession: str, today: dt.date | None = None) -> Compact | None:
        """The compact that carries this profession's multistate license or privileges; with
        `today`, as it stands that day (a pending bill whose session ended is not pending)."""
        for compact in self.compacts.values():
            if profession in compact.professions and compact.id in PRIMARY_COMPACTS:
                return compact if today is None else compact.on(today)
        return None


PRIMARY_COMPACTS = ("nlc", "pt", "ot", "aslp")
"""Compacts the planner uses for the app's professions; others are shown for reference."""


class DataFileError(CareerpathError):
    pass


DataFile = Compact | ProfessionRules | SharedProfessionRules


def load_file(path: Path, registry: Registry | None = None) -> DataFile:
    """Validate one data file; the error names the file and the place of each problem.

    Every source it cites must have a rank in `registry` (by default the registry of the
    rules folder the file sits in, else the bundled one). A state file with `shares_with` is
    a SharedProfessionRules, returned unresolved (its partner's file is needed to resolve it:
    load_folder does)."""
    from careerpath.reference.problems import describe
    from careerpath.reference.provenance import unranked

    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataFileError(f"cannot read {path}: {exc.strerror or exc}") from None
    model: type[DataFile] = Compact if path.parent.name == "compacts" else ProfessionRules
    if model is ProfessionRules and _shares(raw):
        model = SharedProfessionRules
    try:
        loaded = model.model_validate_json(raw)
    except ValidationError as exc:
        raise DataFileError(f"{path}: " + "; ".join(describe(exc, raw))) from None
    if registry is None:
        folder = path.parent.parent
        registry = _registry(folder if (folder / REGISTRY_PATH).is_file() else bundled_data_dir())
    missing = unranked(loaded, registry)
    if isinstance(loaded, SharedProfessionRules):
        statements = (s for e in loaded.jurisdictions for s in e.shared().values())
        cited = (u for s in statements for u in (s.source, s.second_source) if u)
        missing += [
            u for u in dict.fromkeys(cited) if registry.rank(u) is None and u not in missing
        ]
    if missing:
        shown = ", ".join(missing[:5]) + (
            f" and {len(missing) - 5} more" if len(missing) > 5 else ""
        )
        raise DataFileError(
            f"{path}: {len(missing)} source(s) have no rank in the source registry: {shown}"
        )
    return loaded


def _registry(folder: Path) -> Registry:
    try:
        return load_registry(folder)
    except RegistryError as exc:
        raise DataFileError(str(exc)) from None


def load_folder(folder: Path) -> RulesData:
    compacts: dict[str, Compact] = {}
    states: dict[str, ProfessionRules] = {}
    registry = _registry(folder)
    shared: dict[Path, SharedProfessionRules] = {}
    for path in sorted((folder / "compacts").glob("*.json")):
        compact = load_file(path, registry)
        assert isinstance(compact, Compact)
        compacts[compact.id] = compact
    for path in sorted((folder / "states").glob("*.json")):
        rules = load_file(path, registry)
        if isinstance(rules, SharedProfessionRules):
            shared[path] = rules
        else:
            assert isinstance(rules, ProfessionRules)
            states[rules.profession] = rules
    for path, own in shared.items():
        partner = states.get(own.shares_with)
        if partner is None:
            raise DataFileError(f"{path}: shares with {own.shares_with}, which has no file")
        try:
            states[own.profession] = resolve(own, partner)
        except ValueError as exc:
            raise DataFileError(f"{path}: {exc}") from None
    if not compacts and not states:
        raise DataFileError(f"{folder} holds no rules data (compacts/ and states/ are empty)")
    return RulesData(folder, compacts, states, registry)


def _shares(raw: bytes) -> bool:
    """Whether a state file is one that shares blocks (it has a `shares_with` key); a byte
    search, so the file is parsed once, by the model it is."""
    return b'"shares_with"' in raw


@functools.cache
def load(folder: Path | None = None) -> RulesData:
    """The rules in `folder`, else the bundled data; read once per folder and process.

    Which folder is in use (a downloaded update, once installed and sound, wins over the
    bundled data) is decided by careerpath.rules_update.load_current, which calls this."""
    return load_folder(folder or bundled_data_dir())
