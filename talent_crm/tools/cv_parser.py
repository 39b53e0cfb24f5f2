# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Find contact data, profile URLs and skills in the text of a CV.

Pure functions without any Odoo import: the text comes from Odoo's attachment
indexing (``ir.attachment.index_content``), the skill catalogue from ``hr.skill``.
Works on German and English CVs: umlauts and their spelled-out forms, hyphenated
and joined compounds, and a small bilingual synonym list.
"""

import io
import re
import zipfile

from . import profile_urls
from .dedup import fold

try:
    import phonenumbers
except ImportError:  # pragma: no cover - phonenumbers is an Odoo requirement
    phonenumbers = None

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,24}(?![\w-])", re.UNICODE)
# Addresses with a scheme, and bare addresses of the profile sites (people write "github.com/login").
_URL = re.compile(
    r"(?:https?://[^\s<>\"'()]+)"
    r"|(?:(?<![\w@./-])(?:[a-z]{2,3}\.|www\.)?(?:linkedin\.com|xing\.com|github\.com)/[^\s<>\"'()]+)"
    r"|(?:(?<![\w@./-])www\.[^\s<>\"'()]+)",
    re.IGNORECASE,
)
#: The CV files talent_crm reads (uploads, suggestions): mimetype -> file extension.
CV_EXTENSIONS = {
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
}
CV_MIMETYPES = tuple(CV_EXTENSIONS)
_TRAILING_PUNCTUATION = ".,;:!?)]}»\"'"

# Bilingual spellings of common skills: every group is one skill. A catalogue skill whose
# name (or company keyword) is in a group is also found by the other spellings of the group.
SKILL_SYNONYMS = (
    ("project management", "projektmanagement", "projektleitung"),
    ("product management", "produktmanagement"),
    ("machine learning", "maschinelles lernen"),
    ("artificial intelligence", "kuenstliche intelligenz", "ai", "ki"),
    ("data analysis", "datenanalyse", "data analytics"),
    ("software development", "softwareentwicklung"),
    ("software architecture", "softwarearchitektur"),
    ("leadership", "fuehrung", "personalfuehrung", "mitarbeiterfuehrung", "teamleitung", "team leadership"),
    ("communication", "kommunikation"),
    ("negotiation", "verhandlungsfuehrung", "verhandlungsgeschick"),
    ("sales", "vertrieb"),
    ("accounting", "buchhaltung", "rechnungswesen"),
    ("controlling",),
    ("customer service", "kundenservice", "kundenbetreuung"),
    ("recruiting", "recruitment", "personalbeschaffung"),
    ("human resources", "personalwesen", "hr"),
    ("quality assurance", "qualitaetssicherung", "qa"),
    ("testing", "softwaretest", "softwaretests"),
    ("german", "deutsch"),
    ("english", "englisch"),
    ("french", "franzoesisch"),
    ("spanish", "spanisch"),
    ("italian", "italienisch"),
    ("javascript", "js", "ecmascript"),
    ("typescript", "ts"),
    ("kubernetes", "k8s"),
    ("postgresql", "postgres"),
    ("continuous integration", "ci cd", "ci"),
    ("user experience", "ux"),
    ("search engine optimization", "search engine optimisation", "seo"),
)
# Names too ambiguous to match in lower case ("go", "r", "c"): they must be written
# as in the catalogue.
_CASE_SENSITIVE_MAX_LENGTH = 2

# Size caps of uploaded documents: bytes read, bytes an archive (docx, xlsx, ...) unpacks to,
# and characters of text kept in the index and parsed.
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_TEXT_CHARS = 300_000


def is_oversized(bin_data):
    """Whether a document is too large to read: over the byte cap, or an archive (Office
    documents are zip files) that would unpack to more than the unpacked cap."""
    if not bin_data:
        return False
    if len(bin_data) > MAX_DOCUMENT_BYTES:
        return True
    if bin_data[:2] == b"PK":
        try:
            with zipfile.ZipFile(io.BytesIO(bin_data)) as archive:
                return sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES
        except (zipfile.BadZipFile, ValueError, OSError):
            return False
    return False


def cap_text(text):
    """``text`` cut to the text cap."""
    return text[:MAX_TEXT_CHARS] if text and len(text) > MAX_TEXT_CHARS else text


def _clean_url(raw):
    return raw.rstrip(_TRAILING_PUNCTUATION)


def extract_emails(text):
    """Email addresses in order of appearance, lower-cased, without duplicates."""
    seen = []
    for match in _EMAIL.finditer(text or ""):
        email = match.group(0).strip(".").lower()
        if email not in seen:
            seen.append(email)
    return seen


def extract_phones(text, region=None):
    """Phone numbers in E.164 (``+493012345678``), national numbers read in ``region``."""
    if not phonenumbers or not text:
        return []
    seen = []
    for match in phonenumbers.PhoneNumberMatcher(text, (region or "ZZ").upper(), leniency=phonenumbers.Leniency.VALID):
        number = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        if number not in seen:
            seen.append(number)
    return seen


def extract_profile_urls(text):
    """``[(kind, canonical_url)]`` of the profile and website addresses in ``text``.

    Addresses of the profile sites that are not profiles (a company page on LinkedIn, a
    GitHub repository search) are dropped rather than guessed.
    """
    seen = []
    for match in _URL.finditer(text or ""):
        raw = _clean_url(match.group(0))
        try:
            kind, url = profile_urls.normalize(raw)
        except profile_urls.InvalidProfileUrl:
            continue
        if url and (kind, url) not in seen:
            seen.append((kind, url))
    return seen


def _variants(term):
    """Spellings of one folded term: as written, with spaces instead of hyphens, joined."""
    base = term.strip()
    if not base:
        return set()
    spaced = " ".join(base.replace("-", " ").split())
    return {base, spaced, spaced.replace(" ", "")}


def _term_pattern(term):
    return r"(?<![\w+#.])%s(?![\w+#])" % re.escape(term).replace(r"\ ", r"[\s\-]+")


def build_skill_matchers(skills):
    """Compile matchers for a catalogue.

    :param skills: iterable of ``(skill_id, [names and keywords in any language])``
    :return: list of ``(skill_id, folded_patterns, case_sensitive_patterns)``
    """
    synonyms = {}
    for group in SKILL_SYNONYMS:
        for word in group:
            synonyms.setdefault(word, set()).update(group)
    matchers = []
    for skill_id, names in skills:
        folded_terms, exact_terms = set(), set()
        for name in names:
            name = (name or "").strip()
            if not name:
                continue
            if len(name) <= _CASE_SENSITIVE_MAX_LENGTH and name.isalpha():
                exact_terms.add(name)
                continue
            lowered = name.lower()
            # keep symbols that carry meaning in technology names (C++, C#, .NET, Node.js)
            folded = fold(name) if re.fullmatch(r"[\w\s\-]+", lowered) else lowered
            terms = {folded}
            terms.update(synonyms.get(folded, ()))
            for term in terms:
                folded_terms.update(_variants(term))
        folded_patterns = [re.compile(_term_pattern(term)) for term in sorted(folded_terms) if term]
        exact_patterns = [re.compile(r"(?<![\w+#.])%s(?![\w+#])" % re.escape(term)) for term in sorted(exact_terms)]
        if folded_patterns or exact_patterns:
            matchers.append((skill_id, folded_patterns, exact_patterns))
    return matchers


def match_skills(text, matchers):
    """Ids of the catalogue skills mentioned in ``text``, in catalogue order."""
    if not text:
        return []
    # fold() would drop the symbols of C++ or .NET: search the lower-cased text with umlauts
    # spelled out as well as the folded text.
    lowered = text.lower()
    for source, target in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        lowered = lowered.replace(source, target)
    folded = fold(text)
    # "Projekt-Management" is also written "Projektmanagement"
    joined = re.sub(r"(?<=[a-z])-(?=[a-z])", "", lowered)
    texts = (lowered, folded, joined)
    found = []
    for skill_id, folded_patterns, exact_patterns in matchers:
        if any(p.search(t) for p in folded_patterns for t in texts) or any(
            p.search(text) for p in exact_patterns
        ):
            found.append(skill_id)
    return found


def parse(text, skill_matchers=(), region=None):
    """Everything found in one CV text (cut to the text cap), as a dict of lists."""
    text = cap_text(text or "")
    return {
        "emails": extract_emails(text),
        "phones": extract_phones(text, region),
        "urls": extract_profile_urls(text),
        "skills": match_skills(text, skill_matchers),
    }
