"""A real HTTP server on 127.0.0.1 for update tests: each path answers the way a test says."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from careerpath.paths import bundled_data_dir
from careerpath.reference.manifest_file import MANIFEST_NAME, build_manifest, dump
from careerpath.rules_publish.keys import Signers
from careerpath.rules_publish.repository import DEFAULT_LIFETIMES, Lifetimes, Repository

from .signing import KEYS, NOW, ROOT

Responder = Callable[["Handler"], None]


class Handler(BaseHTTPRequestHandler):
    server: RulesServer

    def do_GET(self) -> None:
        path = self.path.lstrip("/")
        self.server.requests.append((path, dict(self.headers.items())))
        responder = self.server.routes.get(path)
        if responder is None:
            self.send_error(404)
            return
        responder(self)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class RulesServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, workdir: Path) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.workdir = workdir
        """Where the repositories it serves are built."""
        self.routes: dict[str, Responder] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.release = threading.Event()
        """Set at teardown: slow answers stop waiting."""

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/{path}"

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that hung up on purpose (caps, timeouts) is not a test failure

    def paths_requested(self) -> list[str]:
        return [path for path, _headers in self.requests]

    def repository(self, prefix: str) -> Repository:
        """The TUF repository served under `prefix`/ (root version 1 over the test KEYS)."""
        repository = Repository(self.workdir / prefix)
        root = repository.metadata / "1.root.json"
        if not root.exists():
            root.parent.mkdir(parents=True)
            root.write_bytes(ROOT)
        return repository

    def serve(self, prefix: str, folder: Path | None = None) -> str:
        """Serve every file of the repository under `prefix` (or of `folder` as if it were
        that repository: what a server in an attacker's hands does); returns its URL."""
        folder = folder or self.workdir / prefix
        for path in folder.rglob("*"):
            if path.is_file() and not path.name.startswith("."):
                self.routes[f"{prefix}/{path.relative_to(folder).as_posix()}"] = static(
                    path.read_bytes()
                )
        return self.url(f"{prefix}/")

    def publish(
        self, folder: Path, version: str, prefix: str = "v", *, keys: Signers = KEYS,
        now: dt.datetime = NOW, lifetimes: Lifetimes = DEFAULT_LIFETIMES,
    ) -> str:  # fmt: skip
        """Write `folder`'s manifest (at `version`), sign it as the next release of the
        repository under `prefix` and serve it; returns the repository's URL."""
        (folder / MANIFEST_NAME).write_bytes(dump(build_manifest(folder, version)))
        self.repository(prefix).publish(folder, keys, now, lifetimes)
        return self.serve(prefix)

    def target_route(self, prefix: str, path: str) -> str:
        """The route of a target file as served (named by its hash)."""
        folder, _, name = path.rpartition("/")
        pattern = f"{prefix}/targets/{folder + '/' if folder else ''}"
        found = [r for r in self.routes if r.startswith(pattern) and r.endswith(f".{name}")]
        found = [r for r in found if "/" not in r[len(pattern) :]]
        assert len(found) >= 1, (path, sorted(self.routes))
        return found[-1]


def static(body: bytes, etag: str | None = None) -> Responder:
    """200 with the body; 304 when the request's If-None-Match is this ETag."""

    def answer(handler: Handler) -> None:
        if etag is not None and handler.headers.get("If-None-Match") == etag:
            handler.send_response(304)
            handler.send_header("ETag", etag)
            handler.end_headers()
            return
        handler.send_response(200)
        handler.send_header("Content-Length", str(len(body)))
        if etag is not None:
            handler.send_header("ETag", etag)
            handler.send_header("Last-Modified", "Wed, 25 Nov 2026 10:00:00 GMT")
        handler.end_headers()
        handler.wfile.write(body)

    return answer


def truncated(body: bytes) -> Responder:
    """Promises the whole body, sends half, hangs up."""

    def answer(handler: Handler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body[: len(body) // 2])
        handler.wfile.flush()
        handler.close_connection = True

    return answer


def endless(size: int) -> Responder:
    """`size` bytes with no Content-Length (the body ends when the connection does)."""

    def answer(handler: Handler) -> None:
        handler.send_response(200)
        handler.end_headers()
        chunk = b" " * 65536
        for _ in range(size // len(chunk)):
            handler.wfile.write(chunk)

    return answer


def trickle(server: RulesServer, body: bytes) -> Responder:
    """Announces the whole body and sends it a byte every 0.05 s: each read is quick, the
    whole answer would take hours (slow retrieval)."""

    def answer(handler: Handler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        for index in range(len(body)):
            if server.release.wait(0.05):
                return
            handler.wfile.write(body[index : index + 1])
            handler.wfile.flush()

    return answer


def status(code: int) -> Responder:
    def answer(handler: Handler) -> None:
        handler.send_error(code)

    return answer


def redirect(location: str) -> Responder:
    def answer(handler: Handler) -> None:
        handler.send_response(302)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return answer


def slow(server: RulesServer, then: Responder) -> Responder:
    """Says nothing until the test ends (or 5 s), then answers."""

    def answer(handler: Handler) -> None:
        server.release.wait(5)
        then(handler)

    return answer


def data_copy(target: Path, short_name: str = "NLC") -> Path:
    """A copy of the bundled rules files, with the NLC's short name changed (visible in
    `data info`), ready to publish."""
    source = bundled_data_dir()
    for kind in ("compacts", "states", "roles", "sources"):
        if (source / kind).is_dir():
            shutil.copytree(source / kind, target / kind)
    nlc = target / "compacts" / "nlc.json"
    document = json.loads(nlc.read_bytes())
    document["short_name"] = short_name
    nlc.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    return target
