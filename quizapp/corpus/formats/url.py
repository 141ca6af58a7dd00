"""Fetching an article from a link, safely: the worker's side of "or paste a link".

Only http and https; every host is resolved and *every* address it resolves to must be a public
one (no loopback, private, link-local, multicast, reserved or unspecified addresses, including
IPv4-mapped IPv6), and the connection goes to an address that was checked, so a DNS answer that
changes between the check and the connect cannot point us inside the network. Redirects are
followed by hand (a few at most) and each target is checked the same way. The body is read up to
a size cap under a total deadline.

Pure of Flask and the database: ``fetch`` takes the settings as arguments (the job passes the
app's), so tests can call it directly.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

from ..parse import ArticleError

MAX_REDIRECTS = 5
USER_AGENT = "quizapp-article-fetcher/1 (+reads one article a teacher linked)"
# What a page's media type says about how to read it; the name we keep the file under.
TYPE_EXTENSIONS = {
    "text/html": ".html", "application/xhtml+xml": ".html", "text/plain": ".txt", "text/markdown": ".md",
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
}

# Servers that do not say what a file is: its bytes and name decide, as for an upload.
OPAQUE_TYPES = ("application/octet-stream", "binary/octet-stream", "application/download")


class FetchError(ArticleError):
    """The link cannot be fetched; the message says why in words a teacher understands."""


@dataclass
class Fetched:
    url: str  # after redirects
    data: bytes
    media_type: str
    filename: str


def check_url(url: str) -> tuple[str, str, int, str]:
    """(scheme, host, port, path+query) of an acceptable link, or FetchError."""
    url = (url or "").strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise FetchError(f"That link is not a valid web address ({exc})") from exc
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError("Only http:// and https:// links can be fetched")
    if not parts.hostname:
        raise FetchError("The link has no host name")
    if parts.username or parts.password:
        raise FetchError("Links with a user name or password in them are not fetched")
    scheme = parts.scheme.lower()
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return scheme, parts.hostname, port or (443 if scheme == "https" else 80), path


def address_allowed(ip: ipaddress.IPv4Address | ipaddress.IPv6Address, allow_loopback: bool = False) -> bool:
    """A public unicast address (or loopback, when a test allows it)."""
    mapped = getattr(ip, "ipv4_mapped", None)
    if mapped is not None:
        ip = mapped
    if ip.is_loopback:
        return allow_loopback
    return ip.is_global and not (ip.is_private or ip.is_link_local or ip.is_multicast or ip.is_reserved
                                 or ip.is_unspecified)


Resolver = Callable[[str, int], list[str]]


def resolve(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"The host {host} could not be found") from exc
    return [str(info[4][0]) for info in infos]


def safe_addresses(host: str, port: int, allow_loopback: bool, resolver: Resolver = resolve) -> list[str]:
    """Every address of ``host``, all checked; FetchError if any one is not allowed."""
    addresses = resolver(host, port)
    if not addresses:
        raise FetchError(f"The host {host} could not be found")
    for addr in addresses:
        try:
            ip = ipaddress.ip_address(addr.split("%", 1)[0])
        except ValueError as exc:
            raise FetchError(f"The host {host} has an address we cannot check") from exc
        if not address_allowed(ip, allow_loopback):
            raise FetchError(f"The link points to a private or local network address ({host}); "
                             "only public web pages can be fetched")
    return addresses


class _PinnedHTTP(http.client.HTTPConnection):
    """HTTP to an address we checked, with the link's host name in the Host header."""

    def __init__(self, host: str, port: int, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    """HTTPS to an address we checked; the certificate is verified against the host name."""

    def __init__(self, host: str, port: int, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def fetch(url: str, *, max_bytes: int, timeout: float = 15.0, allow_loopback: bool = False,
          resolver: Resolver = resolve, progress: Callable[[int], None] | None = None) -> Fetched:
    """Download one page or file; FetchError with a clear message on anything we refuse."""
    deadline = time.monotonic() + timeout
    for _hop in range(MAX_REDIRECTS + 1):
        scheme, host, port, path = check_url(url)
        address = safe_addresses(host, port, allow_loopback, resolver)[0]
        cls = _PinnedHTTPS if scheme == "https" else _PinnedHTTP
        conn = cls(host, port, address, timeout=max(1.0, min(timeout, deadline - time.monotonic())))
        try:
            try:
                conn.request("GET", path, headers={"User-Agent": USER_AGENT, "Accept": "*/*",
                                                   "Accept-Encoding": "identity"})
                resp = conn.getresponse()
            except (OSError, http.client.HTTPException) as exc:
                raise FetchError(f"Could not reach {host} ({_reason(exc)})") from exc
            if resp.status in (301, 302, 303, 307, 308):
                location = resp.getheader("Location")
                if not location:
                    raise FetchError(f"{host} redirected without saying where")
                url = urljoin(url, location)
                continue
            if resp.status != 200:
                raise FetchError(f"{host} answered {resp.status} {resp.reason}: the page could not be fetched")
            media_type = (resp.getheader("Content-Type") or "").split(";")[0].strip().lower()
            if media_type and media_type not in TYPE_EXTENSIONS and media_type not in OPAQUE_TYPES:
                raise FetchError(f"The link leads to a file of type {media_type[:60]}, not an article we can read "
                                 "(a web page, PDF, Word document or text)")
            length = resp.getheader("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(f"The page is {int(length):,} bytes; pages up to {max_bytes:,} bytes are fetched")
            chunks: list[bytes] = []
            size = 0
            while True:
                if time.monotonic() > deadline:
                    raise FetchError(f"{host} took longer than {timeout:.0f} s to send the page")
                try:
                    chunk = resp.read(64 * 1024)
                except (OSError, http.client.HTTPException) as exc:
                    raise FetchError(f"The download from {host} broke off ({_reason(exc)})") from exc
                if not chunk:
                    break
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"The page is over {max_bytes:,} bytes; pages up to that size are fetched")
                chunks.append(chunk)
                if progress:
                    progress(size)
            return Fetched(url, b"".join(chunks), media_type, file_name(url, media_type))
        finally:
            conn.close()
    raise FetchError(f"The link redirected more than {MAX_REDIRECTS} times")


def file_name(url: str, media_type: str) -> str:
    """A file name for the fetched page: the link's last path segment, with the extension its
    media type calls for when the link has none we read."""
    from . import MEDIA_TYPES, extension

    parts = urlsplit(url)
    segment = unquote(parts.path.rstrip("/").rsplit("/", 1)[-1]) or parts.hostname or "page"
    segment = "".join(c if c.isalnum() or c in "._-" else "-" for c in segment)[:100].strip("-.") or "page"
    wanted = TYPE_EXTENSIONS.get(media_type)
    if extension(segment) in MEDIA_TYPES and (wanted is None or extension(segment) == wanted
                                              or {extension(segment), wanted} <= {".html", ".htm"}):
        return segment
    return segment + (wanted or ".html")


def _reason(exc: BaseException) -> str:
    if isinstance(exc, socket.timeout | TimeoutError):
        return "it did not answer in time"
    if isinstance(exc, ssl.SSLError):
        return "its secure connection could not be verified"
    if isinstance(exc, ConnectionRefusedError):
        return "the connection was refused"
    return type(exc).__name__
