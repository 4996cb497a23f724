"""`careerpath upskill`, `careerpath checklist` and `careerpath roles`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from careerpath.commands.context import Context, print_json, render_table
from careerpath.errors import CareerpathError
from careerpath.growth.plan import GrowthPlan, PlanStep, upskill
from careerpath.growth.readiness import Readiness
from careerpath.planner.settings import load_growth_settings
from careerpath.reference.roles import Role, roles_in_use


def _roles(ctx: Context) -> dict[str, Role]:
    return roles_in_use(ctx.rules().folder)


def _target(ctx: Context, wanted: str | None) -> Role:
    from careerpath.growth.targets import target_role

    return target_role(_roles(ctx), ctx.records(), wanted)


def cmd_roles(ctx: Context, args: argparse.Namespace) -> int:
    from careerpath.growth.targets import my_roles, no_role_message

    every = _roles(ctx)
    roles = every if args.all else my_roles(every, ctx.records())
    if not roles:
        raise CareerpathError(no_role_message(every, ctx.records()) + " (or: roles --all)")
    if args.json:
        print_json(
            [
                {"id": r.id, "title": r.title, "professions": r.professions, "aliases": r.aliases}
                for r in roles.values()
            ]
        )
        return 0
    body = [[r.id, r.title, ", ".join(r.professions)] for r in roles.values()]
    print(render_table(["id", "title", "for"], body))
    return 0


def cmd_upskill(ctx: Context, args: argparse.Namespace) -> int:
    role = _target(ctx, args.role)
    profile = ctx.records().profile
    if not args.role and not (profile and profile.target_roles):
        print(
            f"no target role set: showing {role.id}, a role for your profession "
            "(set one with `careerpath profile set --target-role ROLE`; list: `careerpath roles`)",
            file=sys.stderr,
        )
    if args.tick or args.untick:
        key = args.tick or args.untick
        if not key.startswith(f"{role.id}:"):
            raise CareerpathError(f"{key!r} is not a step of the {role.id} plan")
        ctx.store().set_plan_step(key, ctx.today.isoformat() if args.tick else None)
    records = ctx.records()
    done = ctx.store().plan_steps() if ctx.has_store() else {}
    plan = upskill(
        records,
        role,
        ctx.rules(),
        ctx.today,
        settings=ctx.settings(),
        stale_months=load_growth_settings(ctx.config).stale_months,
        done=done,
    )
    if args.json:
        print_json(plan.model_dump(mode="json"))
        return 0
    print_plan(plan)
    for note in _other_roles_ahead(ctx, role):
        print(f"\nnote: {note}")
    return 0


def _other_roles_ahead(ctx: Context, shown: Role) -> list[str]:
    """Coming assignments that name another role: where to see whether you are ready for them."""
    from careerpath.growth.readiness import assignments_for

    records = ctx.records()
    notes = []
    for role in _roles(ctx).values():
        if role.id == shown.id:
            continue
        for a in assignments_for(records, role, ctx.today):
            notes.append(
                f"your {a.specialty} assignment from {a.start} ({a.jurisdiction}) is a "
                f"{role.title} role: `careerpath upskill --role {role.id}` shows whether you "
                "are ready for it"
            )
    return notes


def _step_line(step: PlanStep) -> str:
    from careerpath.growth.reasons import effort_and_cost

    box = "[x]" if step.done_on else "[ ]"
    kind = step.type.value.replace("_", " ")
    return f"{box} {kind}: {step.title} ({effort_and_cost(step.effort_hours, step.cost)})"


def print_plan(plan: GrowthPlan) -> None:
    print(f"Growth plan for {plan.role_title} (as of {plan.today})")
    print(
        "Ranked by how much the role needs each item, how far you are from it, how often it is"
        " used, your interest, and the time and cost of the first step (scores: --json)."
    )
    if not plan.items:
        print("\nNo gaps among the skills you have rated. ", end="")
        print("Rate the rest to be sure." if plan.to_rate else "You meet this role's profile.")
    for item in plan.items:
        print(f"\n{item.rank:2}. {item.name} [{item.category}]")
        print(f"    why: {item.reason}")
        if item.tie_note:
            print(f"    {item.tie_note}")
        for step in item.steps:
            print(f"    {_step_line(step)}")
            for also in step.counts_for:
                print(f"        {also}")
            print(f"        step id: {step.key}")
    if plan.certifications_held:
        held = ", ".join(f"{c.name}" + _lasts(c.expires) for c in plan.certifications_held)
        print(f"\nCertifications you hold for this role: {held}")
    if plan.topic_courses:
        print("\nCE about a mandatory topic your licenses are missing:")
        groups: dict[tuple[str, bool, str, str | None], list[str]] = {}
        for course in plan.topic_courses:
            key = (course.label, course.settled, ", ".join(course.licenses), course.own_law_of)
            groups.setdefault(key, []).append(f"{course.step.title} ({course.skill})")
        for (label, settled, licenses, own), titles in groups.items():
            only = f" only if it covers {own}'s own law or program" if own else ""
            verdict = (
                "fills it"
                if settled
                else f"may count toward it{only} - check that the course is approved for it"
            )
            print(f"  {label} (missing for {licenses}); {verdict}:")
            for title in titles:
                print(f"    - {title}")
    if plan.trends:
        print("\nYour growth:")
        for trend in plan.trends:
            print(f"  {trend.text}")
    if plan.readiness:
        for ready in plan.readiness:
            print_readiness(ready, plan)
    if plan.license_steps:
        print("\nLicenses for your stored assignments:")
        for lic in plan.license_steps:
            by = f", apply by {lic.apply_by}" if lic.apply_by else ", apply-by date unknown"
            print(f"  {lic.state} from {lic.start}: {lic.route or 'no route'}{by} ({lic.verdict})")
    if plan.to_rate:
        names = ", ".join(a.name for a in plan.to_rate)
        print(f"\nRate yourself (1-4) on {len(plan.to_rate)} skill(s): {names}")
        print("  careerpath skill add --skill 'NAME' --level N  (or the app's Growth screen)")
    for note in plan.notes:
        print(f"\nnote: {note}")


def print_readiness(ready: Readiness, plan: GrowthPlan) -> None:
    """The gaps before an assignment's start, each with the plan step that closes it."""
    print(f"\nReady for {ready.summary}")
    steps = {s.key: s for item in plan.items for s in item.steps}
    for gap in ready.gaps:
        print(f"  - {gap.name}: {gap.problem}")
        first = next((steps[k] for k in gap.step_keys if k in steps), None)
        if first is not None:
            print(f"      next: {_step_line(first)}")
    if ready.to_rate:
        print(f"  not rated yet (rate them to know): {', '.join(ready.to_rate)}")


def cmd_checklist(ctx: Context, args: argparse.Namespace) -> int:
    from careerpath.growth.checklist import checklist
    from careerpath.growth.checklist_formats import render

    role = _target(ctx, args.role)
    text = render(checklist(ctx.records(), role, ctx.today), args.format)
    if args.output:
        target = Path(args.output)
        try:
            target.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise CareerpathError(f"cannot write {target}: {exc.strerror or exc}") from None
        print(f"wrote the {role.title} checklist to {target}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def _lasts(expires: object) -> str:
    if expires == "never":
        return " (does not expire)"
    return f" (expires {expires})" if expires else ""
