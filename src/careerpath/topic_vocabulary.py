"""CE topic tags as people type them, folded to the ids the rules data uses.

One fold for every entry point (CLI, app, CSV and JSON import) because it runs in the record's
own validator: `jurisprudence` becomes `laws-and-rules`, `Florida jurisprudence` becomes
`fl-laws-and-rules`. A topic whose content is one jurisdiction's law or program (the rules data
marks it `jurisdiction_specific`) is tagged with that jurisdiction's code in front, so a Florida
laws-and-rules course never fills Ohio's.
"""

from __future__ import annotations

from careerpath import jurisdictions

SYNONYMS: dict[str, str] = {
    "jurisprudence": "laws-and-rules",
    "jurisprudence-exam": "laws-and-rules",
    "law": "laws-and-rules",
    "laws": "laws-and-rules",
    "state-law": "laws-and-rules",
    "laws-rules": "laws-and-rules",
    "rules-and-regulations": "laws-and-rules",
    "practice-act": "laws-and-rules",
    "nurse-practice-act": "laws-and-rules",
    "professional-ethics": "ethics",
    "ethics-and-jurisprudence": "ethics",
    "bias": "implicit-bias",
    "unconscious-bias": "implicit-bias",
    "cultural-competence": "cultural-competency",
    "cultural-humility": "cultural-competency",
    "trafficking": "human-trafficking",
    "mandated-reporter": "child-abuse",
    "mandatory-reporter": "child-abuse",
    "child-abuse-reporting": "child-abuse",
    "child-abuse-recognition": "child-abuse",
    "pain": "pain-management",
    "suicide": "suicide-prevention",
    "dementia": "alzheimers-dementia",
    "alzheimers": "alzheimers-dementia",
    "alzheimer-s": "alzheimers-dementia",
    "substance-abuse": "substance-use",
    "addiction": "substance-use",
    "hiv": "hiv-aids",
    "aids": "hiv-aids",
    "hiv/aids": "hiv-aids",
    "dv": "domestic-violence",
    "intimate-partner-violence": "domestic-violence",
    "errors": "medical-errors",
    "prevention-of-medical-errors": "medical-errors",
    "patient-safety": "medical-errors",
    "opioids": "opioid-prescribing",
    "controlled-substances": "opioid-prescribing",
    "infection-prevention": "infection-control",
    "bls": "basic-life-support",
    "cpr": "basic-life-support",
    "elder-abuse-reporting": "elder-abuse",
    "end-of-life": "end-of-life-care",
    "palliative-care": "end-of-life-care",
}
"""Words people tag with -> the rules data's topic id. Not a rules fact: product vocabulary."""

_NAMES = {
    "-".join(jurisdictions.name(code).lower().split()): code.lower() for code in jurisdictions.CODES
}


def canonical(tag: str) -> str:
    """`Florida jurisprudence` -> `fl-laws-and-rules`; `CE ethics` stays itself otherwise."""
    slug = "-".join(tag.strip().lower().replace("_", " ").split())
    prefix, rest = _jurisdiction_prefix(slug)
    base = SYNONYMS.get(rest, rest)
    return f"{prefix}-{base}" if prefix and base else base


def _jurisdiction_prefix(slug: str) -> tuple[str | None, str]:
    """Split a leading state code or name (`fl-`, `florida-`, `new-york-`) off a slug."""
    for name, code in sorted(_NAMES.items(), key=lambda item: -len(item[0])):
        if slug.startswith(name + "-"):
            return code, slug[len(name) + 1 :]
    head, sep, rest = slug.partition("-")
    if sep and len(head) == 2 and head.upper() in jurisdictions.CODES and rest:
        return head, rest
    return None, slug


def qualified(code: str, topic: str) -> str:
    """The tag that fills a jurisdiction-specific topic: `fl-laws-and-rules`."""
    return f"{code.lower()}-{topic}"


def split(tag: str) -> tuple[str | None, str]:
    """`fl-laws-and-rules` -> ('FL', 'laws-and-rules'); `ethics` -> (None, 'ethics')."""
    prefix, rest = _jurisdiction_prefix(tag)
    return (prefix.upper() if prefix else None), rest
