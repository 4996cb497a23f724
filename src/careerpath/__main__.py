"""Allow `python -m careerpath`."""

from careerpath.cli import main

raise SystemExit(main())
