"""URL canonicalisation: one article, one URL."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

# Query parameters that identify a visit, not a page.
_TRACKING = re.compile(
    r"^(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|igshid|_ga|_gl|"
    r"ref|ref_src|ref_url|src|cmpid|ncid|at_medium|at_campaign|s_cid|share|from|"
    r"phpsessid|jsessionid|sid|sessionid|session_id|amp)$",
    re.IGNORECASE,
)
_SESSION_IN_PATH = re.compile(r";(jsessionid|phpsessid|sid)=[^/?#]*", re.IGNORECASE)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def canonicalize(url: str) -> str:
    """Lower-case scheme/host, drop default ports, fragments, tracking and session parameters.

    The result is still the URL to fetch: its path is kept as linked (a server may answer
    `/a/` and not `/a`). `site_key` goes further for deciding whether two URLs are one page.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    if parts.port and parts.port != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{parts.port}"
    path = _SESSION_IN_PATH.sub("", parts.path) or "/"
    path = quote(unquote(path), safe="/%:@!$&'()*+,;=-._~")
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)]
    return urlunsplit((scheme, host, path, urlencode(sorted(query), doseq=True), ""))


def site_key(url: str) -> str:
    """A key that is equal for the http/https, www./m., index-page and trailing-slash spellings of one page."""
    parts = urlsplit(canonicalize(url))
    host = parts.netloc
    for prefix in ("www.", "m.", "mobile.", "amp."):
        if host.startswith(prefix):
            host = host[len(prefix):]
            break
    path = parts.path
    if path.endswith(("/index.html", "/index.php", "/index.htm")):
        path = path.rsplit("/", 1)[0] + "/"
    if len(path) > 1:
        path = path.rstrip("/")
    return urlunsplit(("", host, path, parts.query, ""))


def same_site(url: str, hosts: set[str]) -> bool:
    """Whether `url` is on one of `hosts`."""
    return (urlsplit(url).hostname or "").lower() in hosts
