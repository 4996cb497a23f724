"""Keystrokes to log a 6-session conference from its certificates, CLI and app.

Run by hand: `python -m bench.conference_keystrokes`. The CLI figure is the command line's
characters plus Enter, plus what the prompts need (counted by running the real prompt flow on
the corpus's six conference certificates, answering Enter). The app figure is the pilot's key
presses in tests/tui/test_conference_certificates.py: `n`, one paste (or a drop), Enter to
read, Enter on Save. Typing the same six sessions by hand took about 390 (issue 19).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from careerpath.commands.ce_certificates import sessions_from_certificates
from certificates.corpus import conference_session

COMMAND = "careerpath ce add --from-certificate ~/Downloads/gpcc26/*.pdf"
APP_KEYS = ("n", "paste", "enter", "enter")


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        paths = [conference_session(n).write(Path(folder)) for n in range(6)]
        answers: list[str] = []

        def ask(prompt: str) -> str:
            answers.append("")
            return ""

        sessions = sessions_from_certificates(paths, {}, yes=False, ask=ask, say=lambda _: None)
    prompts = sum(len(a) + 1 for a in answers)
    print(f"CLI, confirming each: {len(COMMAND) + 1} (command) + {prompts} (Enter at "
          f"{len(answers)} prompts) = {len(COMMAND) + 1 + prompts} keystrokes, "
          f"{len(sessions)} sessions")  # fmt: skip
    print(f"CLI, --yes: {len(COMMAND + ' --yes') + 1} keystrokes")
    print(f"app: {len(APP_KEYS)} keystrokes ({', '.join(APP_KEYS)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
