"""Scores a response's headers by the rules of MDN's HTTP Observatory, as far as they can be checked here.

Written from the Observatory's published scoring table and test descriptions (start at 100, take off the
penalties, then add the bonuses only when the result is 90 or more). What cannot be checked from one
response is left neutral and named in ``not_checked``: whether the host is on the HSTS preload list
(+5 there) and whether the TLS certificate is valid. The redirection test is scored from the answer to
the same URL over plain HTTP when one is given.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import urlsplit

DANGEROUSLY_BROAD = {"ftp:", "http:", "https:", "*", "http://*", "http://*.*", "https://*", "https://*.*"}
UNSAFE_INLINE = {"'unsafe-inline'", "data:"}
GOOD_REFERRER = {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}
BAD_REFERRER = {"origin", "origin-when-cross-origin", "unsafe-url", "no-referrer-when-downgrade"}
SIX_MONTHS = 15_552_000


@dataclass
class Score:
    modifiers: dict = field(default_factory=dict)
    not_checked: list = field(default_factory=lambda: ["hsts-preload-list", "tls-certificate"])

    @property
    def penalties(self):
        return sum(v for v in self.modifiers.values() if v < 0)

    @property
    def bonuses(self):
        return sum(v for v in self.modifiers.values() if v > 0)

    @property
    def total(self):
        base = max(0, 100 + self.penalties)
        return base + self.bonuses if base >= 90 else base

    @property
    def grade(self):
        chart = [(100, "A+"), (90, "A"), (85, "A-"), (80, "B+"), (70, "B"), (65, "B-"), (60, "C+")]
        chart += [(50, "C"), (45, "C-"), (40, "D+"), (30, "D"), (25, "D-"), (0, "F")]
        return next(grade for floor, grade in chart if self.total >= floor)


def parse_csp(value):
    policy = {}
    for part in value.split(";"):
        tokens = part.split()
        if tokens:
            policy.setdefault(tokens[0].lower(), set(tokens[1:]))
    return policy


def csp_result(headers, https):
    value = headers.get("Content-Security-Policy")
    if not value:
        return "csp-not-implemented", -25, {}
    csp = parse_csp(value)
    script = csp.get("script-src") or csp.get("default-src") or {"*"}
    objects = csp.get("object-src") or csp.get("default-src") or {"*"}
    style = csp.get("style-src") or csp.get("default-src") or {"*"}
    if script & (DANGEROUSLY_BROAD | UNSAFE_INLINE) or objects & DANGEROUSLY_BROAD:
        return "csp-implemented-with-unsafe-inline", -20, csp
    active = [s for name, sources in csp.items() if name not in {"img-src", "media-src"} for s in sources]
    if https and any(s.startswith(("http:", "ftp:")) for s in active):
        return "csp-implemented-with-insecure-scheme", -20, csp
    if "'unsafe-eval'" in script | style:
        return "csp-implemented-with-unsafe-eval", -10, csp
    passive = [
        s for name in ("img-src", "media-src") for s in (csp.get(name) or csp.get("default-src") or ())
    ]
    if https and any(s.startswith(("http:", "ftp:")) for s in passive):
        return "csp-implemented-with-insecure-scheme-in-passive-content-only", -10, csp
    if style & (DANGEROUSLY_BROAD | UNSAFE_INLINE):
        return "csp-implemented-with-unsafe-inline-in-style-src-only", 0, csp
    if csp.get("default-src") == {"'none'"}:
        return "csp-implemented-with-no-unsafe-default-src-none", 10, csp
    return "csp-implemented-with-no-unsafe", 5, csp


def hsts_result(headers, https):
    if not https:
        return "hsts-not-implemented-no-https", -20
    value = headers.get("Strict-Transport-Security")
    if not value:
        return "hsts-not-implemented", -20
    if "," in value:
        return "hsts-header-invalid", -20
    max_age = None
    for part in value.split(";"):
        part = part.strip().lower()
        if part.startswith("max-age="):
            max_age = int(part[8:])
    if max_age is None:
        return "hsts-header-invalid", -20
    if max_age < SIX_MONTHS:
        return "hsts-implemented-max-age-less-than-six-months", -10
    return "hsts-implemented-max-age-at-least-six-months", 0


def cookies_result(set_cookie_headers, hsts_ok):
    if not set_cookie_headers:
        return "cookies-not-found", 0
    worst = None
    order = [
        ("cookies-session-without-secure-flag", -40),
        ("cookies-session-without-httponly-flag", -30),
        ("cookies-anticsrf-without-samesite-flag", -20),
        ("cookies-samesite-flag-invalid", -20),
        ("cookies-session-without-secure-flag-but-protected-by-hsts", -10),
        ("cookies-without-secure-flag", -20),
        ("cookies-without-secure-flag-but-protected-by-hsts", -5),
    ]
    found = set()
    missing_samesite = False
    for raw in set_cookie_headers:
        jar = SimpleCookie()
        jar.load(raw)
        for name, morsel in jar.items():
            session = any(word in name.lower() for word in ("login", "sess"))
            anticsrf = "csrf" in name.lower()
            samesite = morsel["samesite"].lower()
            if samesite and samesite not in {"lax", "strict", "none"}:
                found.add("cookies-samesite-flag-invalid")
            if not morsel["secure"]:
                found.add(
                    "cookies-without-secure-flag-but-protected-by-hsts"
                    if hsts_ok
                    else "cookies-without-secure-flag"
                )
                if session:
                    found.add(
                        "cookies-session-without-secure-flag-but-protected-by-hsts"
                        if hsts_ok
                        else "cookies-session-without-secure-flag"
                    )
            if anticsrf and not samesite:
                found.add("cookies-anticsrf-without-samesite-flag")
            if session and not morsel["httponly"]:
                found.add("cookies-session-without-httponly-flag")
            missing_samesite = missing_samesite or not samesite
    for name, modifier in order:
        if name in found:
            worst = (name, modifier)
            break
    if worst:
        return worst
    if missing_samesite:
        return "cookies-secure-with-httponly-sessions", 0
    return "cookies-secure-with-httponly-sessions-and-samesite", 5


class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts = []

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts.append(dict(attrs))


def sri_result(headers, body, https, site_host):
    if not headers.get("Content-Type", "").startswith("text/html"):
        return "sri-not-implemented-response-not-html", 0
    parser = _Scripts()
    parser.feed(body)
    if not parser.scripts:
        return "sri-not-implemented-but-no-scripts-loaded", 0
    external = False
    for script in parser.scripts:
        src = script.get("src")
        if not src:
            continue
        parts = urlsplit(src)
        if src.startswith("//") or (parts.scheme and parts.hostname != site_host):
            external = True
            secure = parts.scheme == "https"
            if not script.get("integrity"):
                return (
                    ("sri-not-implemented-but-external-scripts-loaded-securely", -5)
                    if secure
                    else (
                        "sri-not-implemented-and-external-scripts-not-loaded-securely",
                        -50,
                    )
                )
    if external:
        return "sri-implemented-and-external-scripts-loaded-securely", 5
    return "sri-not-implemented-but-all-scripts-loaded-from-secure-origin", 0


def score(headers, body="", *, https=True, site_host="clinic.example", set_cookies=(), http_redirect=None):
    """The score of one response; ``http_redirect`` is the Location of the same URL asked over HTTP."""
    result = Score()
    name, modifier, csp = csp_result(headers, https)
    result.modifiers[name] = modifier

    hsts_name, hsts_modifier = hsts_result(headers, https)
    result.modifiers[hsts_name] = hsts_modifier
    hsts_ok = hsts_modifier == 0

    cookie_name, cookie_modifier = cookies_result(list(set_cookies), hsts_ok)
    result.modifiers[cookie_name] = cookie_modifier

    allow_origin = headers.get("Access-Control-Allow-Origin")
    if allow_origin and headers.get("Access-Control-Allow-Credentials", "").lower() == "true":
        result.modifiers["cross-origin-resource-sharing-implemented-with-universal-access"] = -50
    else:
        result.modifiers["cross-origin-resource-sharing-not-implemented-or-restricted"] = 0

    if http_redirect is None:
        result.not_checked.append("redirection")
    else:
        target = urlsplit(http_redirect)
        if target.scheme == "https" and target.hostname == site_host:
            result.modifiers["redirection-to-https"] = 0
        elif target.scheme == "https":
            result.modifiers["redirection-off-host-from-http"] = -5
        else:
            result.modifiers["redirection-missing"] = -20

    referrer = [v.strip().lower() for v in headers.get("Referrer-Policy", "").split(",") if v.strip()]
    known = [v for v in referrer if v in GOOD_REFERRER | BAD_REFERRER]
    if not referrer:
        result.modifiers["referrer-policy-not-implemented"] = 0
    elif not known:
        result.modifiers["referrer-policy-header-invalid"] = -5
    elif known[-1] in GOOD_REFERRER:
        result.modifiers["referrer-policy-private"] = 5
    else:
        result.modifiers["referrer-policy-unsafe"] = -5

    result.modifiers.update(dict([sri_result(headers, body, https, site_host)]))

    if headers.get("X-Content-Type-Options", "").strip().lower() == "nosniff":
        result.modifiers["x-content-type-options-nosniff"] = 0
    else:
        result.modifiers["x-content-type-options-not-implemented-or-invalid"] = -5

    xfo = headers.get("X-Frame-Options", "").strip().lower()
    if "frame-ancestors" in csp:
        result.modifiers["x-frame-options-implemented-via-csp"] = 5
    elif xfo in {"deny", "sameorigin"}:
        result.modifiers["x-frame-options-sameorigin-or-deny"] = 0
    else:
        result.modifiers["x-frame-options-not-implemented-or-invalid"] = -20

    corp = headers.get("Cross-Origin-Resource-Policy", "").strip().lower()
    if corp in {"same-origin", "same-site"}:
        result.modifiers[f"cross-origin-resource-policy-implemented-with-{corp}"] = 10
    elif corp in {"", "cross-origin"}:
        result.modifiers["cross-origin-resource-policy-not-implemented-or-cross-origin"] = 0
    else:
        result.modifiers["cross-origin-resource-policy-header-invalid"] = -5
    return result
