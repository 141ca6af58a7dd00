"""A lean HTTP/1.1 client for the load generator: one connection per request, cookies kept.

Why not httpx: on this project's two-core benchmark machine the load generator shares the cores
with the server it measures, so every millisecond it spends per request is taken from the server
and shows up as server latency. httpx's ``AsyncClient`` spent 1.4 ms of CPU per ``/healthz``
request; this client spends 0.2–0.4 ms on it (0.3–0.65 ms across the benchmark's operations), which
is the difference between measuring the client and measuring the app. It is just enough HTTP for that job, and no more:

- each request opens its own connection and says ``Connection: close``, so the server closes it
  after the response and the response is read to the end of the stream (gunicorn's sync workers
  close every connection after one response anyway);
- request bodies are HTML forms (``application/x-www-form-urlencoded``);
- responses may be plain or ``Transfer-Encoding: chunked``;
- cookies are name/value pairs for the one server (the session cookie); an expired or emptied
  cookie is dropped, as a browser would.

Redirects are not followed: a POST answered with 303 is done, which is what is timed.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit


class WireError(Exception):
    """The response could not be read: connection refused or reset, malformed reply, timeout."""


@dataclass
class Response:
    status: int
    headers: list[tuple[str, str]]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    def header(self, name: str) -> str | None:
        name = name.lower()
        return next((v for k, v in self.headers if k.lower() == name), None)


@dataclass
class Client:
    """Requests to one ``base`` URL (``http://host:port``), sharing one cookie jar."""

    base: str
    timeout: float = 30.0
    cookies: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        parts = urlsplit(self.base)
        if parts.scheme != "http" or not parts.hostname:
            raise ValueError(f"only plain http://host:port bases are supported, not {self.base!r}")
        self.host, self.port = parts.hostname, parts.port or 80
        self._host_header = parts.netloc

    async def get(self, path: str) -> Response:
        return await self.request("GET", path)

    async def post(self, path: str, data: dict[str, str]) -> Response:
        return await self.request("POST", path, urlencode(data).encode())

    async def request(self, method: str, path: str, body: bytes | None = None) -> Response:
        try:
            return await asyncio.wait_for(self._exchange(method, path, body), self.timeout)
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as e:
            raise WireError(f"{type(e).__name__}: {e}") from e

    async def _exchange(self, method: str, path: str, body: bytes | None) -> Response:
        reader, writer = await asyncio.open_connection(self.host, self.port)
        try:
            writer.write(self._head(method, path, body) + (body or b""))
            raw = await reader.read()  # the server closes the connection after its response
        finally:
            writer.close()
        response = parse_response(raw)
        self._keep_cookies(response)
        return response

    def _head(self, method: str, path: str, body: bytes | None) -> bytes:
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self._host_header}", "Connection: close",
                 "Accept: text/html"]
        if self.cookies:
            lines.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        if body is not None:
            lines += ["Content-Type: application/x-www-form-urlencoded", f"Content-Length: {len(body)}"]
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")

    def _keep_cookies(self, response: Response) -> None:
        for name, value in response.headers:
            if name.lower() != "set-cookie":
                continue
            pair, *attributes = value.split(";")
            key, _, val = pair.strip().partition("=")
            attrs = {a.strip().partition("=")[0].lower(): a.strip().partition("=")[2] for a in attributes}
            max_age = attrs.get("max-age", "").strip()
            expired = (max_age.lstrip("-").isdigit() and int(max_age) <= 0) or "1970" in attrs.get("expires", "")
            if expired or not val:
                self.cookies.pop(key, None)
            else:
                self.cookies[key] = val


def parse_response(raw: bytes) -> Response:
    """Status, headers and body of one complete HTTP/1.1 response (``ValueError`` if malformed)."""
    head, sep, rest = raw.partition(b"\r\n\r\n")
    if not sep:
        raise ValueError("the response ended before its headers did")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    version, _, tail = status_line.partition(" ")
    code = tail[:3]
    if not version.startswith("HTTP/1.") or not code.isdigit():
        raise ValueError(f"not an HTTP/1.x status line: {status_line[:60]!r}")
    headers = []
    for line in header_lines:
        name, colon, value = line.partition(":")
        if not colon:
            raise ValueError(f"malformed header line: {line[:60]!r}")
        headers.append((name.strip(), value.strip()))
    response = Response(int(code), headers, b"")
    if (response.header("transfer-encoding") or "").lower() == "chunked":
        response.body = _dechunk(rest)
    else:
        length = response.header("content-length")
        if length is not None:
            if not length.isdigit() or len(rest) < int(length):
                raise ValueError("the response body is shorter than its Content-Length")
            rest = rest[: int(length)]
        response.body = rest
    return response


def _dechunk(data: bytes) -> bytes:
    out, pos = [], 0
    while True:
        end = data.find(b"\r\n", pos)
        if end < 0:
            raise ValueError("a chunked body ended inside a chunk size line")
        size = int(data[pos:end].split(b";", 1)[0], 16)  # ValueError if not hex
        if size == 0:
            return b"".join(out)
        start = end + 2
        if len(data) < start + size + 2:
            raise ValueError("a chunked body ended inside a chunk")
        out.append(data[start : start + size])
        pos = start + size + 2
