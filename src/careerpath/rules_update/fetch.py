"""HTTP for rules updates: HTTPS only, bounded in time and size, one retry, no downgrades.

The only module of careerpath that talks to the network, and only `data update` calls it. A
URL must be https, or plain http to this machine (127.0.0.1, ::1, localhost: for tests and for
trying a release before publishing it). Redirects are followed by hand so every hop is checked
the same way: a redirect from https to http is refused, as is plain http to another machine.

`Fetcher` is the network half of python-tuf's ngclient (a `FetcherInterface`): ngclient asks
for each metadata and target file with the most bytes it may have, and checks every byte
against signed metadata; this module bounds each read and the whole update in time. Response
headers other than the status and Location are never read or stored, so an odd header (a
non-ASCII ETag) cannot break this or a later update.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import NamedTuple

import httpx
from tuf.api.exceptions import DownloadError, DownloadHTTPError, SlowRetrievalError
from tuf.ngclient import FetcherInterface

from careerpath import __version__
from careerpath.errors import CareerpathError

LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})
RETRY_STATUS = 500
"""Statuses from here up (server errors) are retried once, like a broken connection."""


class Limits(NamedTuple):
    """How long and how much: generous for ~1.5 MB of JSON, tight enough to stop a bad server."""

    timeout: float = 20.0
    """Seconds to connect, and seconds allowed between two reads of an answer."""
    deadline: float = 300.0
    """Seconds for the whole update, every file together (a server trickling bytes just
    faster than `timeout` is stopped here)."""
    max_file_bytes: int = 5 * 1024 * 1024
    """Per data file (the largest is about 200 kB today)."""
    max_total_bytes: int = 50 * 1024 * 1024
    """All files of one update together."""
    max_metadata_bytes: int = 1024 * 1024
    """Per TUF metadata file whose length no signed metadata states (root, timestamp)."""
    retry_backoff: float = 1.0
    """Seconds to wait before the one retry after a connection error or a 5xx answer."""
    max_redirects: int = 5


class FetchError(CareerpathError):
    pass


class _RetryableError(DownloadError):
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


class Fetcher(FetcherInterface):
    """One HTTP client for one update (connections are reused between the files); the
    deadline starts when it is made."""

    def __init__(self, limits: Limits | None = None) -> None:
        self.limits = limits or Limits()
        self.ends = time.monotonic() + self.limits.deadline
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

    def _left(self) -> float:
        left = self.ends - time.monotonic()
        if left <= 0:
            raise SlowRetrievalError(
                f"the update took longer than the {self.limits.deadline:g} s allowed"
            )
        return left

    def _fetch(self, url: str) -> Iterator[bytes]:
        """The body of `url` as it arrives; retried once on a connection error or a 5xx."""
        try:
            target = check_url(url)
        except FetchError as exc:
            raise DownloadError(str(exc)) from None
        try:
            response = self._open(target)
        except _RetryableError:
            time.sleep(min(self.limits.retry_backoff, self._left()))
            try:
                response = self._open(target)
            except _RetryableError as exc:
                raise DownloadError(f"{exc} (tried twice)") from None
        return self._body(response)

    def _open(self, url: httpx.URL) -> httpx.Response:
        for _hop in range(self.limits.max_redirects + 1):
            timeout = httpx.Timeout(min(self.limits.timeout, self._left()))
            request = self.client.build_request("GET", url, timeout=timeout)
            try:
                response = self.client.send(request, stream=True)
            except httpx.TransportError as exc:
                raise _RetryableError(f"{url}: {_explain(exc, self.limits.timeout)}") from None
            if response.has_redirect_location:
                location = response.headers.get("location", "")
                response.close()
                try:
                    url = check_url(url.join(location), came_from=url)
                except FetchError as exc:
                    raise DownloadError(str(exc)) from None
                continue
            status = response.status_code
            if status == 200:
                return response
            response.close()
            what = f"{url} answered {status} {response.reason_phrase}".rstrip()
            if status >= RETRY_STATUS:
                raise _RetryableError(what)
            raise DownloadHTTPError(what, status)
        raise DownloadError(f"{url}: more than {self.limits.max_redirects} redirects")

    def _body(self, response: httpx.Response) -> Iterator[bytes]:
        try:
            stream = response.iter_bytes()
            while True:
                self._left()
                try:
                    chunk = next(stream, None)
                except httpx.TransportError as exc:
                    raise DownloadError(
                        f"{response.url}: {_explain(exc, self.limits.timeout)}"
                    ) from None
                if chunk is None:
                    return
                yield chunk
        finally:
            response.close()


def _explain(exc: httpx.TransportError, timeout: float) -> str:
    if isinstance(exc, httpx.TimeoutException):
        return f"no answer within {timeout:g} s"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"the answer broke off before its end ({exc})"
    if isinstance(exc, httpx.ConnectError):
        return f"cannot connect ({exc})"
    return f"{type(exc).__name__}: {exc}"
