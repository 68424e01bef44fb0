"""Address safety: every notation of a non-public address is recognised."""

import ipaddress

import pytest

from crawler.addresses import host_literal, is_public


@pytest.mark.parametrize("host, address", [
    ("127.0.0.1", "127.0.0.1"),
    ("2130706433", "127.0.0.1"),          # decimal integer
    ("0x7f000001", "127.0.0.1"),          # hexadecimal integer
    ("0177.0.0.1", "127.0.0.1"),          # octal dotted
    ("127.1", "127.0.0.1"),               # short form
    ("[::1]", "::1"),
    ("[::ffff:127.0.0.1]", "::ffff:7f00:1"),
    ("169.254.169.254", "169.254.169.254"),
    ("www.example.com", None),
    ("1.example", None),
    ("deadbeef.example", None),
])
def test_host_literal(host, address):
    literal = host_literal(host)
    assert (str(literal) if literal else None) == address


@pytest.mark.parametrize("address, public", [
    ("127.0.0.1", False), ("127.45.3.2", False), ("10.0.0.5", False), ("172.16.0.1", False),
    ("192.168.1.1", False), ("169.254.169.254", False), ("224.0.0.1", False), ("240.0.0.1", False),
    ("0.0.0.0", False), ("100.64.0.1", False), ("::1", False), ("fe80::1", False), ("fc00::1", False),
    ("::ffff:127.0.0.1", False), ("::ffff:10.1.2.3", False), ("ff02::1", False),
    ("93.184.216.34", True), ("2606:2800:220:1:248:1893:25c8:1946", True), ("::ffff:93.184.216.34", True),
])
def test_is_public(address, public):
    assert is_public(ipaddress.ip_address(address)) is public


def test_a_failed_lookup_is_not_cached_as_allowed(monkeypatch):
    import asyncio

    from scrapy.utils.test import get_crawler
    from twisted.internet.defer import maybeDeferred

    import crawler.addresses as addresses

    answers = iter([OSError("temporary failure"), [ipaddress.ip_address("127.0.0.1")]])

    def flaky(host):
        answer = next(answers)
        if isinstance(answer, Exception):
            raise answer
        return answer

    monkeypatch.setattr(addresses, "resolve", flaky)
    monkeypatch.setattr(addresses.threads, "deferToThread", maybeDeferred)  # resolve in this thread
    middleware = addresses.AddressSafetyMiddleware(get_crawler(), [])

    async def verdicts():
        return [await middleware._verdict("rebind.example"), await middleware._verdict("rebind.example")]

    first, second = asyncio.run(verdicts())
    assert first is None  # the download will fail as a DNS error and be recorded
    assert second and "non-public address (127.0.0.1)" in second  # asked again, not taken from a cache


def test_the_resolver_checks_the_address_a_connection_really_uses(monkeypatch):
    from twisted.internet.base import ThreadedResolver
    from twisted.internet.defer import succeed
    from twisted.internet.error import DNSLookupError

    from crawler.addresses import BlockedLookup, SafeResolver

    answers = {"rebind.example": "127.0.0.1", "news.example": "93.184.216.34", "intranet.example": "10.0.0.7"}
    monkeypatch.setattr(ThreadedResolver, "getHostByName", lambda self, name, timeout=(): succeed(answers[name]))
    monkeypatch.setattr(SafeResolver, "trusted", {"intranet.example"})
    resolver = SafeResolver(None, cache_size=0, timeout=5)
    outcomes = {}
    for name in answers:
        resolver.getHostByName(name).addCallbacks(lambda address, n=name: outcomes.__setitem__(n, address),
                                                  lambda failure, n=name: outcomes.__setitem__(n, failure))
    assert outcomes["news.example"] == "93.184.216.34"
    assert outcomes["intranet.example"] == "10.0.0.7"  # a host the user named as a source
    blocked = outcomes["rebind.example"]
    assert blocked.check(BlockedLookup) and blocked.check(DNSLookupError)  # recorded, retried like DNS errors
    assert "non-public address (127.0.0.1)" in blocked.getErrorMessage()
