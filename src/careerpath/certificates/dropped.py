"""File paths as a terminal pastes them when files are dropped or pasted into it.

Terminals differ: quoted paths, backslash-escaped spaces, `file://` URIs with %20, one per
line or space-separated. All of them come out as plain paths here.
"""

from __future__ import annotations

import shlex
from pathlib import Path
from urllib.parse import unquote, urlparse


def dropped_paths(text: str) -> list[Path]:
    try:
        tokens = shlex.split(text, posix=True)
    except ValueError:  # an unbalanced quote: fall back to whitespace
        tokens = text.split()
    paths = []
    for token in tokens:
        if token.startswith("file://"):
            token = unquote(urlparse(token).path)
        paths.append(Path(token).expanduser())
    return paths
