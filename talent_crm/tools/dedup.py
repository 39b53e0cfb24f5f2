# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Keys and similarity used to find two records of the same person.

Pure functions without any Odoo import. The stored keys on ``hr.applicant``
(``talent_dedup_name``, ``talent_dedup_company``, ``talent_dedup_city``) come from
here, and :func:`similarity` computes exactly what PostgreSQL's ``pg_trgm``
``similarity()`` computes on those keys, so that the naive Python baseline and the
set-based SQL detection agree pair for pair.
"""

import math
import re
import unicodedata

from . import profile_urls

# Letters that Unicode does not decompose into an ASCII base letter, and the German
# spellings people use when a keyboard has no umlaut (Müller = Mueller).
_TRANSLITERATION = str.maketrans(
    {
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "ø": "oe",
        "å": "aa",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ı": "i",
    }
)
_NON_ALNUM = re.compile(r"[^a-z0-9]+")

# Words that say nothing about which person or organisation is meant.
NAME_STOPWORDS = frozenset({"dr", "prof", "herr", "frau", "mr", "mrs", "ms", "miss", "dipl", "ing", "von", "van", "de"})
COMPANY_STOPWORDS = frozenset(
    {
        "ab", "ag", "and", "as", "bv", "co", "corp", "corporation", "ev", "gbr", "gmbh", "group", "haftungsbeschraenkt",
        "inc", "kg", "kgaa", "limited", "llc", "ltd", "mbh", "nv", "oy", "ohg", "plc", "sa", "sarl", "se", "spa",
        "srl", "the", "ug", "und",
    }
)

#: The exact identity keys of "same person", strongest first: key -> column of ``hr_applicant``.
#: Finding an existing talent on create, the duplicate detection (SQL and its references) and
#: the hand-over to Recruitment each take the keys they need from here.
IDENTITY_KEYS = {
    "partner": "partner_id",
    "email": "email_normalized",
    # the personal profiles (a website is not a person's alone)
    **{kind: profile_urls.FIELD_BY_KIND[kind] for kind in ("linkedin", "github", "xing")},
    "phone": "partner_phone_sanitized",
}
#: Odoo's own duplicate keys of an applicant (``hr_recruitment``: contact, email, phone,
#: LinkedIn), strongest first: the keys an application is linked to its talent by.
ODOO_APPLICANT_KEYS = ("partner", "email", "phone", "linkedin")
#: Fuzzy rules: reason -> block key column of ``hr_applicant`` (same company, same city).
FUZZY_BLOCKS = {"name_company": "talent_dedup_company", "name_city": "talent_dedup_city"}
#: Confidence of one reason in percent: base + per_similarity * name similarity (0 to 1).
REASON_CONFIDENCE = {
    "partner": (100, 0),
    "email": (95, 0),
    "linkedin": (95, 0),
    "github": (90, 0),
    "xing": (90, 0),
    "phone": (80, 0),
    "name_company": (50, 40),
    "name_city": (40, 40),
}
#: A key shared by more talents than this is not personal (a switchboard, a team mailbox).
MAX_KEY_GROUP = 20

#: Minimal trigram similarity (``pg_trgm``) of two names for the fuzzy rules.
NAME_SIMILARITY_THRESHOLD = 0.5
#: Names must share one word of at least this length (first or last name) to be compared.
NAME_MIN_WORD_LENGTH = 2


def fold(text):
    """Lower-case ASCII words of ``text``: umlauts spelled out, accents dropped, punctuation removed."""
    text = (text or "").lower().translate(_TRANSLITERATION)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(_NON_ALNUM.sub(" ", text).split())


def _key(text, stopwords):
    words = [word for word in fold(text).split() if word not in stopwords]
    return " ".join(words) or False


def normalize_name(name):
    """Key of a person's name: ``"Dr. Jürgen Müller-Lüdenscheidt"`` → ``"juergen mueller luedenscheidt"``."""
    return _key(name, NAME_STOPWORDS)


def normalize_company(company):
    """Key of an organisation: legal forms dropped, ``"SAP SE"`` and ``"SAP"`` are the same key."""
    return _key(company, COMPANY_STOPWORDS)


def normalize_city(city):
    """Key of a city: ``"München"`` → ``"muenchen"``."""
    return _key(city, frozenset())


def name_words(key):
    """Words of a name key long enough to block on (the SQL detection splits on the same spaces)."""
    return {word for word in (key or "").split(" ") if len(word) >= NAME_MIN_WORD_LENGTH}


def trigrams(text):
    """The trigram set ``pg_trgm`` builds for ``text`` (``show_trgm``).

    Each alphanumeric word is lower-cased and padded with two spaces in front and one
    behind; every three consecutive characters are one trigram.
    """
    result = set()
    for word in re.findall(r"[0-9a-z]+", (text or "").lower()):
        padded = "  %s " % word
        result.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return result


def similarity(left, right):
    """``pg_trgm`` similarity: shared trigrams over all trigrams of both texts (0 to 1)."""
    left_trigrams, right_trigrams = trigrams(left), trigrams(right)
    if not left_trigrams or not right_trigrams:
        return 0.0
    return len(left_trigrams & right_trigrams) / len(left_trigrams | right_trigrams)


def combine_confidence(confidences):
    """Confidence of a pair found by several rules: 1 - product of (1 - each), in percent."""
    miss = 1.0
    for confidence in confidences:
        miss *= 1 - min(confidence, 99.9) / 100
    return min(100, math.floor(100 * (1 - miss) + 0.5))
