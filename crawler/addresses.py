"""Address safety: fetch only public addresses, except the hosts the user configured as sources.

A page, feed, sitemap or redirect on a public site may point at 127.0.0.1, 10.0.0.5,
169.254.169.254 or a hostname that resolves there, written in any notation the resolver accepts
(2130706433, 0x7f000001, 0177.0.0.1, 127.1, [::1], [::ffff:127.0.0.1]). None of it is fetched.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.redirect import RedirectMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request
from scrapy.resolver import CachingThreadedResolver
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet import threads
from twisted.internet.defer import Deferred
from twisted.internet.error import DNSLookupError

from .config import NewsarchiveConfig

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class BlockedAddress(IgnoreRequest):
    """A request to a non-public address that no source configured."""


def host_literal(host: str) -> IPAddress | None:
    """The IP address a host string denotes by itself, in any notation; None for a hostname."""
    host = host.strip("[]").lower()
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    if host and all(c in "0123456789abcdefx." for c in host) and any(c.isdigit() for c in host):
        try:  # inet_aton reads the legacy forms: 2130706433, 0x7f000001, 0177.0.0.1, 127.1
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None


def is_public(address: IPAddress) -> bool:
    """Whether an address is a public unicast one (IPv4-mapped IPv6 judged by its IPv4)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not (address.is_multicast or address.is_reserved)


def resolve(host: str) -> list[IPAddress]:
    """All addresses a hostname resolves to (blocking)."""
    infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    return [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos]


class AddressSafetyMiddleware:
    """Refuse requests to non-public addresses and non-http(s) schemes, except configured source hosts."""

    def __init__(self, crawler: Crawler, allowed_hosts: Iterable[str]):
        self.crawler = crawler
        self.allowed = {h.lower() for h in allowed_hosts}
        self.verdicts: dict[str, str | None] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> AddressSafetyMiddleware:
        config = NewsarchiveConfig.of(crawler)
        return cls(crawler, config.trusted_hosts() if config else [])

    async def _verdict(self, host: str) -> str | None:
        """Why `host` may not be fetched, or None when it may."""
        if host in self.allowed:
            return None
        if host not in self.verdicts:
            literal = host_literal(host)
            if literal is not None:
                addresses = [literal]
            else:
                try:
                    addresses = await maybe_deferred_to_future(threads.deferToThread(resolve, host))
                except OSError:
                    return None  # not cached: the download fails as a DNS error, and a retry asks again
            bad = [a for a in addresses if not is_public(a)]
            self.verdicts[host] = f"{host} is a non-public address ({bad[0]})" if bad else None
        return self.verdicts[host]

    async def process_request(self, request: Request) -> None:
        parts = urlparse_cached(request)
        if parts.scheme not in ("http", "https"):
            raise BlockedAddress(f"blocked: scheme {parts.scheme!r} is never fetched")
        reason = await self._verdict((parts.hostname or "").lower())
        if reason:
            raise BlockedAddress(f"blocked: {reason}")


class BlockedLookup(DNSLookupError):
    """A host name that resolved to a non-public address while being connected to."""


class SafeResolver(CachingThreadedResolver):
    """Scrapy's caching resolver that refuses names resolving to non-public addresses.

    AddressSafetyMiddleware checks a host before the request is sent; the connection then resolves
    the name again, and a DNS server answering 203.0.113.5 the first time and 127.0.0.1 the second
    (rebinding) would get through. This resolver checks the address the connection really uses.
    It serves the whole process (Twisted installs one resolver per reactor), so the hosts the user
    named as sources are registered here by the spider.
    """

    trusted: ClassVar[set[str]] = set()

    def getHostByName(self, name: str, timeout: Sequence[int] = ()) -> Deferred[str]:  # noqa: N802 (Twisted's name)
        lookup = super().getHostByName(name, timeout)
        lookup.addCallback(self._checked, name)
        return lookup

    def _checked(self, address: str, name: str) -> str:
        if name.lower() in self.trusted:
            return address
        try:
            public = is_public(ipaddress.ip_address(address))
        except ValueError:
            return address
        if not public:
            raise BlockedLookup(f"blocked: {name} resolves to a non-public address ({address})")
        return address


class RecordingRedirectMiddleware(RedirectMiddleware):
    """Redirects that always end in a recorded outcome, without fetching a page twice.

    Scrapy gives a redirect the original request's dont_filter, so in a cycle A → B → A the duplicate
    filter drops the second A silently and the seed has no outcome at all. Here a redirect back into
    its own chain, or of a frontier article URL (which must end done or failed), passes the filter —
    a cycle then ends in "max redirections reached" and is recorded — while other redirects (short
    links to a page already fetched) are still filtered as duplicates.
    """

    def _redirect(self, redirected: Request, request: Request, reason: Any) -> Request:
        result = super()._redirect(redirected, request, reason)
        chain = set(result.meta.get("redirect_urls", []))
        if result.url in chain or request.meta.get("kind") == "article":
            result.dont_filter = True
        return result
