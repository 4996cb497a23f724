"""Regenerate docs/export.schema.json: `python -m careerpath.store.schema_export [PATH]`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from careerpath.store.transfer import json_schema


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else Path("docs/export.schema.json")
    target.write_text(json.dumps(json_schema(), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
