"""`profile show` and `profile set`: who the user is and where they live."""

from __future__ import annotations

import argparse
from typing import Any

from careerpath.commands.context import Context, print_json, show
from careerpath.errors import CareerpathError, UsageError


def cmd_show(ctx: Context, args: argparse.Namespace) -> int:
    profile = ctx.store().profile()
    if profile is None:
        if args.json:
            print_json(None)
            return 0
        print(
            "no profile yet: careerpath profile set --name 'Your Name' --profession RN --home-state TX"
        )
        return 0
    if args.json:
        print_json(profile.model_dump(mode="json"))
        return 0
    from careerpath import jurisdictions

    home = profile.home_state
    print(f"name:         {profile.name}")
    print(f"professions:  {show([p.value for p in profile.professions])}")
    print(f"home state:   {home + ' (' + jurisdictions.name(home) + ')' if home else '-'}")
    if profile.home_since or profile.previous_home:
        print(f"home since:   {show(profile.home_since)} (before: {show(profile.previous_home)})")
    print(f"birth date:   {'set (private)' if profile.birth_date else '-'}")
    print(f"specialty:    {show(profile.specialty)}")
    print(f"target roles: {show(profile.target_roles)}")
    if profile.nlc_answers:
        answers = ", ".join(f"{k}={v.value}" for k, v in sorted(profile.nlc_answers.items()))
        print(f"NLC answers:  {answers}")
    return 0


def _answers(pairs: list[str]) -> dict[str, str]:
    answers = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--nlc {pair!r}: write QUESTION=yes|no|unknown")
        answers[key.strip()] = value.strip().lower()
    return answers


def cmd_set(ctx: Context, args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from careerpath.errors import describe_validation
    from careerpath.records import Profile

    store = ctx.store()
    current = store.profile()
    data: dict[str, Any] = current.model_dump(mode="json") if current else {}
    if args.name is not None:
        data["name"] = args.name
    if args.profession:
        data["professions"] = args.profession
    if args.home_state is not None:
        data["home_state"] = args.home_state
    for field in ("home_since", "previous_home", "birth_date"):
        value = getattr(args, field)
        if value is not None:
            data[field] = value or None
    if args.specialty is not None:
        data["specialty"] = args.specialty
    if args.target_role:
        data["target_roles"] = args.target_role
    if args.nlc:
        data["nlc_answers"] = {**data.get("nlc_answers", {}), **_answers(args.nlc)}
    if "name" not in data:
        raise CareerpathError("a profile needs a name: add --name 'Your Name'")
    try:
        profile = Profile.model_validate(data)
    except ValidationError as exc:
        raise CareerpathError(describe_validation(exc, "profile")) from None
    store.save_profile(profile)
    print(f"profile saved: {profile.name}, home state {profile.home_state or '-'}")
    return 0
