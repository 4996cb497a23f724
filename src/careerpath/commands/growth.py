"""`careerpath upskill`, `careerpath checklist` and `careerpath roles`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from careerpath.commands.context import Context, print_json, render_table
from careerpath.errors import CareerpathError
from careerpath.growth.plan import GrowthPlan, PlanStep, upskill
from careerpath.planner.settings import load_growth_settings
from careerpath.reference.roles import Role, find_role, roles_in_use


def _roles(ctx: Context) -> dict[str, Role]:
    return roles_in_use(ctx.rules().folder)


def _target(ctx: Context, wanted: str | None) -> Role:
    roles = _roles(ctx)
    if wanted:
        return find_role(roles, wanted)
    profile = ctx.records().profile
    if profile and profile.target_roles:
        return find_role(roles, profile.target_roles[0])
    raise CareerpathError(
        "no target role: pass --role ROLE or set one with "
        f"`careerpath profile set --target-role ROLE` (roles: {', '.join(sorted(roles))})"
    )


def cmd_roles(ctx: Context, args: argparse.Namespace) -> int:
    roles = _roles(ctx)
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
    return 0


def _step_line(step: PlanStep) -> str:
    box = "[x]" if step.done_on else "[ ]"
    effort = f"{step.effort_hours:g} h" if step.effort_hours else "effort unknown"
    cost = (
        ""
        if step.cost is None
        else ", free"
        if step.cost.value == "free"
        else f", {step.cost.value} cost"
    )
    line = f"{box} {step.type.value.replace('_', ' ')}: {step.title} ({effort}{cost})"
    if step.counts_for:
        line += " - also " + "; ".join(step.counts_for)
    return line


def print_plan(plan: GrowthPlan) -> None:
    print(f"Growth plan for {plan.role_title} (as of {plan.today})")
    print(f"Ranked by {plan.formula}; see README 'Growth'.")
    if not plan.items:
        print("\nNo gaps among the skills you have rated. ", end="")
        print("Rate the rest to be sure." if plan.to_rate else "You meet this role's profile.")
    for item in plan.items:
        print(f"\n{item.rank:2}. {item.name} [{item.category}]  score {item.score}")
        print(f"    {item.reason}" + ("  (you flagged interest)" if item.interested else ""))
        if item.tie_note:
            print(f"    {item.tie_note}")
        for step in item.steps:
            print(f"    {_step_line(step)}")
            print(f"        step id: {step.key}")
    if plan.certifications_held:
        held = ", ".join(
            f"{c.name}" + (f" (expires {c.expires})" if c.expires else "")
            for c in plan.certifications_held
        )
        print(f"\nCertifications you hold for this role: {held}")
    if plan.topic_courses:
        print("\nCE that also fills a mandatory topic your licenses are missing:")
        for course in plan.topic_courses:
            print(
                f"  {course.topic}: {course.step.title} ({course.skill}) "
                f"- for {', '.join(course.licenses)}"
            )
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
