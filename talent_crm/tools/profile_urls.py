# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Recognise and normalise the public profile URLs recruiters paste.

Pure functions without any Odoo import, so that models, imports, the sign-up page
and the enrichment providers all agree on one canonical form per profile:

* LinkedIn  ``https://www.linkedin.com/in/<slug>``
* GitHub    ``https://github.com/<login>`` (from an address or a bare login)
* Xing      ``https://www.xing.com/profile/<Name>``
* websites  ``https://<host>/<path>`` (scheme added, fragment dropped)
"""

import re
from urllib.parse import quote, unquote, urlsplit

_LINKEDIN_HOST = re.compile(r"^([a-z]{2,3}\.|www\.|m\.)?linkedin\.com$")
_LINKEDIN_SLUG = re.compile(r"^[\w\-%.~]{2,100}$", re.UNICODE)
_GITHUB_LOGIN = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$")
_GITHUB_RESERVED = {
    "about", "apps", "collections", "enterprise", "explore", "features", "issues", "login",
    "marketplace", "new", "notifications", "orgs", "organizations", "pricing", "pulls",
    "search", "settings", "site", "sponsors", "topics", "trending",
}
_XING_NAME = re.compile(r"^[\w\-.%]{2,100}$", re.UNICODE)
_HOSTNAME = re.compile(
    r"^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*\.[a-z]{2,63}$"
)

#: The ``hr.applicant`` field holding each kind of profile URL: the one map of profile fields.
FIELD_BY_KIND = {
    "linkedin": "linkedin_profile",
    "github": "talent_github_url",
    "xing": "talent_xing_url",
    "website": "talent_website_url",
}
KIND_BY_FIELD = {fname: kind for kind, fname in FIELD_BY_KIND.items()}
KINDS = tuple(FIELD_BY_KIND)


class InvalidProfileUrl(ValueError):
    """Raised when a URL cannot be used for its field.

    ``code`` says why, so that callers can word the message in the user's language:
    spaces, scheme, host, linkedin_host, linkedin_path, github_host, github_path,
    xing_host, xing_path.
    """

    def __init__(self, code):
        super().__init__(code)
        self.code = code


def _split(value):
    text = (value or "").strip()
    if not text:
        return None
    if any(ch.isspace() for ch in text):
        raise InvalidProfileUrl("spaces")
    if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", text):
        text = "https://" + text
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https"):
        raise InvalidProfileUrl("scheme")
    host = (parts.hostname or "").lower().rstrip(".")
    if not host:
        raise InvalidProfileUrl("host")
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError as exc:
        raise InvalidProfileUrl("host") from exc
    if not _HOSTNAME.match(host):
        raise InvalidProfileUrl("host")
    segments = [unquote(s) for s in parts.path.split("/") if s]
    return host, segments, parts


#: How each profile site is recognised by its host (anything else is a website).
_SITE_HOST = {
    "linkedin": _LINKEDIN_HOST.match,
    "github": {"github.com", "www.github.com"}.__contains__,
    "xing": {"xing.com", "www.xing.com"}.__contains__,
}


def detect_kind(value):
    """Return the profile kind of a URL (``linkedin``, ``github``, ``xing`` or ``website``)."""
    split = _split(value)
    if not split:
        return False
    return next((kind for kind, is_host in _SITE_HOST.items() if is_host(split[0])), "website")


def _site_segments(value, kind):
    """The path segments of a ``kind`` profile address; None when empty; raises on another host."""
    split = _split(value)
    if not split:
        return None
    if not _SITE_HOST[kind](split[0]):
        raise InvalidProfileUrl("%s_host" % kind)
    return split[1]


def normalize_linkedin(value):
    segments = _site_segments(value, "linkedin")
    if segments is None:
        return False
    if len(segments) >= 2 and segments[0].lower() in ("in", "pub"):
        kind = segments[0].lower()
        slug_parts = segments[1:] if kind == "pub" else segments[1:2]
        slug = "/".join(s.lower() for s in slug_parts)
        if all(_LINKEDIN_SLUG.match(s) for s in slug.split("/")):
            return "https://www.linkedin.com/%s/%s" % (kind, quote(slug, safe="/-_.~"))
    raise InvalidProfileUrl("linkedin_path")


def normalize_github(value):
    login = (value or "").strip().removeprefix("@")
    if _GITHUB_LOGIN.match(login) and login.lower() not in _GITHUB_RESERVED:
        # a bare login ("jane-doe", "@jane-doe"), as people type it in a GitHub field
        return "https://github.com/%s" % login.lower()
    segments = _site_segments(value, "github")
    if segments is None:
        return False
    if segments and _GITHUB_LOGIN.match(segments[0]) and segments[0].lower() not in _GITHUB_RESERVED:
        return "https://github.com/%s" % segments[0].lower()
    raise InvalidProfileUrl("github_path")


def normalize_xing(value):
    segments = _site_segments(value, "xing")
    if segments is None:
        return False
    if len(segments) >= 2 and segments[0].lower() == "profile" and _XING_NAME.match(segments[1]):
        return "https://www.xing.com/profile/%s" % quote(segments[1], safe="-_.~")
    raise InvalidProfileUrl("xing_path")


def normalize_website(value):
    split = _split(value)
    if not split:
        return False
    host, _segments, parts = split
    netloc = "%s:%s" % (host, parts.port) if parts.port else host
    url = "%s://%s%s" % (parts.scheme.lower(), netloc, parts.path.rstrip("/"))
    if parts.query:
        url += "?" + parts.query
    return url


NORMALIZERS = {
    "linkedin": normalize_linkedin,
    "github": normalize_github,
    "xing": normalize_xing,
    "website": normalize_website,
}


def try_normalize(value, kind, fallback=False):
    """``value`` normalised for ``kind``, or ``fallback`` when it is no valid address of that kind."""
    try:
        return NORMALIZERS[kind](value)
    except InvalidProfileUrl:
        return fallback


def normalize(value, kind=None):
    """Normalise ``value`` for ``kind`` (detected when not given); returns ``(kind, url)``."""
    kind = kind or detect_kind(value)
    if not kind:
        return False, False
    return kind, NORMALIZERS[kind](value)
