"""`ce add --from-certificate FILE...`: read the certificates, show what was read, ask the rest.

A conference's certificates share one date and one provider: when several lack them, the
question is asked once for all. Each certificate's fields are then shown, the gaps asked
(an ambiguous amount or date is typed, never picked for the user), and the user accepts,
skips or edits it. `--yes` asks nothing and refuses the whole batch unless every certificate
was read in full: a script must not save a guess.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from careerpath.certificates.draft import Draft, draft_of, normalize, shared_value
from careerpath.certificates.extract import FIELDS
from careerpath.certificates.text import read_text
from careerpath.errors import CareerpathError

Ask = Callable[[str], str]
Say = Callable[[str], None]
NEEDED = ("title", "completed", "amount")
"""Without these there is no CE record: an empty answer skips the certificate."""
HINTS = {
    "completed": "YYYY-MM-DD",
    "amount": "e.g. 1.5, 90min, 0.15ceu",
    "accreditation": "as printed; Enter if none",
    "approval_number": "Enter if none",
}


def _input(prompt: str) -> str:
    try:
        return input(prompt)
    except EOFError:
        raise CareerpathError(
            "no answer on standard input: answer the prompts in a terminal, or use --yes "
            "for certificates that were read in full"
        ) from None


def sessions_from_certificates(
    paths: list[Path],
    shared: dict[str, Any],
    *,
    yes: bool,
    ask: Ask = _input,
    say: Say = print,
) -> list[dict[str, Any]]:
    """The sessions to save, one per accepted certificate."""
    drafts = [draft_of(read_text(path)) for path in paths]
    for name in ("completed", "provider"):
        if shared.get(name):
            for draft in drafts:
                draft.set(name, str(shared[name]))
    if yes:
        for number, draft in enumerate(drafts, 1):
            show(draft, number, len(drafts), say)
        refused = [f"{d.path.name}: {', '.join(_gap_words(d))}" for d in drafts if d.gaps()]
        if refused:
            raise CareerpathError(
                "--yes saves only certificates read in full; settle these without --yes "
                "(or give --date/--provider): " + "; ".join(refused)
            )
        return [d.session() for d in drafts]
    if len(drafts) > 1:
        for name in ("completed", "provider"):
            _ask_shared(drafts, name, ask, say)
    sessions = []
    for number, draft in enumerate(drafts, 1):
        if _settle(draft, number, len(drafts), ask, say):
            sessions.append(draft.session())
    return sessions


def show(draft: Draft, number: int, total: int, say: Say) -> None:
    say(f"\nCertificate {number} of {total}: {draft.path.name}")
    if draft.problem:
        say(f"  cannot read it: {draft.problem}")
    width = max(len(label) for label in FIELDS.values())
    for label, shown in draft.preview():
        say(f"  {label:<{width}}  {shown}")


def _gap_words(draft: Draft) -> list[str]:
    return [
        f"{FIELDS[n].lower()} ambiguous" if n in draft.candidates else f"no {FIELDS[n].lower()}"
        for n in draft.gaps()
    ]


def _ask_shared(drafts: list[Draft], name: str, ask: Ask, say: Say) -> None:
    lacking = [d for d in drafts if name in d.gaps()]
    if not lacking:
        return
    default = shared_value(drafts, name)
    label = FIELDS[name].lower()
    prompt = f"{FIELDS[name]} for the {len(lacking)} of {len(drafts)} certificates without one"
    prompt += f" [{default}]: " if default else f" ({HINTS.get(name, 'Enter to ask each')}): "
    value = _answer(name, prompt, ask, say, default)
    if value:
        for draft in lacking:
            draft.set(name, value)
        say(f"  {label} {value} for {len(lacking)} certificates")


def _answer(name: str, prompt: str, ask: Ask, say: Say, default: str | None = None) -> str | None:
    """A valid answer, the default on Enter, or None; a bad date or amount is asked again."""
    while True:
        text = ask(prompt).strip()
        if not text:
            return default
        try:
            return normalize(name, text)
        except CareerpathError as exc:
            say(f"  {exc}")


def _settle(draft: Draft, number: int, total: int, ask: Ask, say: Say) -> bool:
    """Show the draft, ask its gaps and the confirmation; False when the user skips it."""
    show(draft, number, total, say)
    for name in draft.gaps():
        if name == "accreditation":
            for part in ("accreditation", "approval_number"):
                draft.set(part, _answer(part, f"  {FIELDS[part]} ({HINTS[part]}): ", ask, say))
            continue
        choices = draft.candidates.get(name)
        hint = (
            ("could be " + " or ".join(draft.shown(name, c) for c in choices) + "; type it")
            if choices
            else None
        )
        hint = hint or HINTS.get(name, "Enter to leave empty")
        value = _answer(name, f"  {FIELDS[name]} ({hint}): ", ask, say)
        if value is None and name in NEEDED:
            say(f"  skipped {draft.path.name}: no {FIELDS[name].lower()}")
            return False
        draft.set(name, value)
    while True:
        answer = ask("  Save it? [Y/n/e to edit] ").strip().lower()
        if answer in ("", "y", "yes"):
            return True
        if answer in ("n", "no"):
            say(f"  skipped {draft.path.name}")
            return False
        if answer in ("e", "edit"):
            _edit(draft, ask, say)
            show(draft, number, total, say)


def _edit(draft: Draft, ask: Ask, say: Say) -> None:
    for name, label in FIELDS.items():
        while True:
            text = ask(f"  {label} [{draft.values.get(name) or ''}] (Enter keeps, - clears): ")
            text = text.strip()
            if text == "-" and name in NEEDED:
                say(f"  {label.lower()} cannot be empty")
                continue
            try:
                if text:
                    draft.set(name, None if text == "-" else text)
                break
            except CareerpathError as exc:
                say(f"  {exc}")
