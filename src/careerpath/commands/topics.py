"""`careerpath topics`: the tags that fill each board's mandatory CE topics."""

from __future__ import annotations

import argparse

from careerpath.commands.context import Context, print_json, render_table


def cmd_topics(ctx: Context, args: argparse.Namespace) -> int:
    from careerpath.planner.topics import catalogue

    found = catalogue(ctx.rules(), state=args.state, profession=args.profession)
    if args.json:
        print_json(found.model_dump(mode="json"))
        return 0
    if not found.topics:
        print("no mandatory CE topics in the rules data for that choice")
        return 0
    body = []
    for entry in found.topics:
        where = sorted({f"{r.profession} {r.state}" for r in entry.required_by})
        shown = ", ".join(where[:6]) + (f" +{len(where) - 6} more" if len(where) > 6 else "")
        body.append([entry.tag, entry.required_by[0].label[:48], shown])
    print(render_table(["tag", "what", "required by"], body))
    print(
        "\nTag CE with these (synonyms such as 'jurisprudence' are folded for you). A state's "
        "own topic, like fl-laws-and-rules, is filled only by a course tagged for that state."
    )
    return 0
