"""A real HTTP server on 127.0.0.1 for update tests: each path answers the way a test says."""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from careerpath.paths import bundled_data_dir
from careerpath.rules_update.manifest import build_manifest, dump

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

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
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

    def publish(self, folder: Path, version: str, prefix: str = "v") -> str:
        """Serve `folder`'s data files and a manifest for them; returns the manifest URL."""
        manifest = build_manifest(folder, version)
        for entry in manifest.files:
            self.routes[f"{prefix}/{entry.path}"] = static((folder / entry.path).read_bytes())
        self.routes[f"{prefix}/manifest.json"] = static(dump(manifest), etag=f'"{version}"')
        return self.url(f"{prefix}/manifest.json")


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
