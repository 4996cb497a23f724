"""HTTP for rules updates: HTTPS only, bounded in time and size, one retry, no downgrades.

The only module of careerpath that talks to the network, and only `data update` calls it. A
URL must be https, or plain http to this machine (127.0.0.1, ::1, localhost: for tests and for
trying a release before publishing it). Redirects are followed by hand so every hop is checked
the same way: a redirect from https to http is refused, as is plain http to another machine.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import NamedTuple

import httpx

from careerpath import __version__
from careerpath.errors import CareerpathError

LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})
RETRY_STATUS = 500
"""Statuses from here up (server errors) are retried once, like a broken connection."""


class Limits(NamedTuple):
    """How long and how much: generous for ~1.5 MB of JSON, tight enough to stop a bad server."""

    timeout: float = 20.0
    """Seconds to connect, and seconds allowed between two reads of an answer."""
    max_file_bytes: int = 5 * 1024 * 1024
    """Per data file (the largest is about 200 kB today)."""
    max_total_bytes: int = 50 * 1024 * 1024
    """All files of one update together."""
    max_manifest_bytes: int = 1024 * 1024
    retry_backoff: float = 1.0
    """Seconds to wait before the one retry after a connection error or a 5xx answer."""
    max_redirects: int = 5


class FetchError(CareerpathError):
    pass


class Fetched(NamedTuple):
    url: str
    """Where the answer finally came from (after redirects)."""
    body: bytes
    etag: str | None
    last_modified: str | None


class _RetryableError(FetchError):
    pass


def check_url(url: str | httpx.URL, *, came_from: httpx.URL | None = None) -> httpx.URL:
    """The URL if careerpath may fetch it; else a FetchError saying why not."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError) as exc:
        raise FetchError(f"{url} is not a URL ({exc})") from None
    host = parsed.host
    if parsed.scheme == "https" and host:
        return parsed
    if parsed.scheme != "http" or not host:
        raise FetchError(f"{url} is not an https:// URL")
    if came_from is not None and came_from.scheme == "https":
        raise FetchError(f"{came_from} redirected to plain http ({url}); only https is followed")
    if host not in LOOPBACK:
        raise FetchError(f"{url} is plain http; rules data is only fetched over https")
    return parsed


class Fetcher:
    """One HTTP client for one update (connections are reused between the files)."""

    def __init__(self, limits: Limits | None = None) -> None:
        self.limits = limits or Limits()
        self.client = httpx.Client(
            timeout=httpx.Timeout(self.limits.timeout),
            follow_redirects=False,
            headers={"User-Agent": f"careerpath/{__version__} (rules data update)"},
        )

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def get(
        self,
        url: str,
        *,
        max_bytes: int,
        headers: dict[str, str] | None = None,
        on_bytes: Callable[[int], None] | None = None,
    ) -> Fetched | None:
        """The body of `url` (None for 304 Not Modified); retried once on a connection error or
        a 5xx. `on_bytes` hears how many bytes of this answer have arrived so far."""
        target = check_url(url)
        try:
            return self._get_once(target, max_bytes, headers or {}, on_bytes)
        except _RetryableError:
            time.sleep(self.limits.retry_backoff)
        try:
            return self._get_once(target, max_bytes, headers or {}, on_bytes)
        except _RetryableError as exc:
            raise FetchError(f"{exc} (tried twice)") from None

    def _get_once(
        self,
        url: httpx.URL,
        max_bytes: int,
        headers: dict[str, str],
        on_bytes: Callable[[int], None] | None,
    ) -> Fetched | None:
        for _hop in range(self.limits.max_redirects + 1):
            try:
                with self.client.stream("GET", url, headers=headers) as response:
                    if response.has_redirect_location:
                        location = response.headers.get("location", "")
                        url = check_url(url.join(location), came_from=url)
                        continue
                    return self._read(url, response, max_bytes, on_bytes)
            except httpx.TransportError as exc:
                raise _RetryableError(f"{url}: {_explain(exc, self.limits.timeout)}") from None
        raise FetchError(f"{url}: more than {self.limits.max_redirects} redirects")

    def _read(
        self,
        url: httpx.URL,
        response: httpx.Response,
        max_bytes: int,
        on_bytes: Callable[[int], None] | None,
    ) -> Fetched | None:
        status = response.status_code
        if status == 304:
            return None
        if status >= RETRY_STATUS:
            raise _RetryableError(f"{url} answered {status} {response.reason_phrase}".rstrip())
        if status != 200:
            raise FetchError(f"{url} answered {status} {response.reason_phrase}".rstrip())
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise FetchError(
                f"{url} announces {int(declared):,} bytes, more than the {max_bytes:,} allowed"
            )
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(f"{url} sent more than the {max_bytes:,} bytes allowed")
            chunks.append(chunk)
            if on_bytes is not None:
                on_bytes(size)
        return Fetched(
            str(url), b"".join(chunks), response.headers.get("etag"),
            response.headers.get("last-modified"),
        )  # fmt: skip


def _explain(exc: httpx.TransportError, timeout: float) -> str:
    if isinstance(exc, httpx.TimeoutException):
        return f"no answer within {timeout:g} s"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"the answer broke off before its end ({exc})"
    if isinstance(exc, httpx.ConnectError):
        return f"cannot connect ({exc})"
    return f"{type(exc).__name__}: {exc}"


def resolve(base: str, relative: str) -> str:
    """A data file's URL: `relative` resolved against the manifest's URL, as a browser would."""
    return str(httpx.URL(base).join(relative))
