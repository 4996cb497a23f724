"""Certificate reading scores per field over the test corpus (tests/certificates/corpus.py).

Run by hand: `python -m bench.certificate_reading`. For each field: the share read correctly,
the share flagged (missing or ambiguous) although printed, and the share wrong (a value that
is not the printed one, or a value where the reader should have flagged). Wrong must stay 0
for amounts and dates. Also the reading time per certificate.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from careerpath.certificates.extract import FIELDS, Found, read_fields
from careerpath.certificates.text import read_text
from certificates.corpus import Sample, held_out, write_corpus


def grade(expected: str | None, state: Found, value: str | None) -> str:
    if state is not Found.FOUND:
        return "correct" if expected is None else "flagged"
    return "correct" if value == expected else "wrong"


def score(samples: list[tuple[Sample, Path]], heading: str) -> int:
    scores: dict[str, Counter[str]] = {name: Counter() for name in FIELDS}
    wrong: list[str] = []
    started = time.perf_counter()
    for sample, path in samples:
        reading = read_fields(read_text(path).text)
        for name in FIELDS:
            got = reading.get(name)
            mark = grade(sample.expected[name], got.state, got.value)
            scores[name][mark] += 1
            if mark == "wrong":
                wrong.append(f"{sample.name} {name}: {got.value!r} != {sample.expected[name]!r}")
    elapsed = time.perf_counter() - started
    total = len(samples)
    layouts = Counter(sample.layout for sample, _ in samples)
    print(f"\n{heading}: {total} certificates, layouts: "
          + ", ".join(f"{k} {v}" for k, v in layouts.items()))  # fmt: skip
    print(f"{'field':<20} {'correct':>8} {'flagged':>8} {'wrong':>6}")
    for name in FIELDS:
        c = scores[name]
        print(f"{name:<20} {c['correct'] / total:>8.0%} {c['flagged'] / total:>8.0%} "
              f"{c['wrong'] / total:>6.0%}")  # fmt: skip
    print(f"read in {elapsed * 1000 / total:.1f} ms per certificate (text + fields)")
    for line in wrong:
        print("wrong:", line)
    return scores["amount"]["wrong"] + scores["completed"]["wrong"]


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        corpus = write_corpus(Path(folder) / "corpus")
        extra = Path(folder) / "held-out"
        extra.mkdir()
        held = [(sample, sample.write(extra)) for sample in held_out()]
        bad = score(corpus, "corpus (the reader was written against it)")
        bad += score(held, "held out (written after)")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
