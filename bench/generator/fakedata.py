# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Realistic people for the bench: names, emails, phones, titles, skills, profile URLs.

Everything is drawn from one ``random.Random`` and Faker instances seeded from it, so
that one seed always gives the same people (Faker is pinned in requirements.txt).
"""

import random
import re

import phonenumbers
from faker import Faker
from faker.decode import unidecode
from phonenumbers import PhoneNumberFormat, PhoneNumberType

# locale, country code, weight (a German-speaking company recruiting in Europe and beyond)
LOCALES = [
    ("de_DE", "DE", 42),
    ("de_AT", "AT", 6),
    ("de_CH", "CH", 6),
    ("en_US", "US", 9),
    ("en_GB", "GB", 9),
    ("fr_FR", "FR", 7),
    ("nl_NL", "NL", 5),
    ("pl_PL", "PL", 6),
    ("es_ES", "ES", 5),
    ("it_IT", "IT", 5),
]

FREE_MAIL = {
    "DE": ["gmx.de", "web.de", "t-online.de", "gmail.com", "outlook.de", "posteo.de"],
    "AT": ["gmx.at", "aon.at", "gmail.com", "outlook.com"],
    "CH": ["bluewin.ch", "gmx.ch", "gmail.com", "outlook.com"],
    "US": ["gmail.com", "yahoo.com", "outlook.com", "icloud.com"],
    "GB": ["gmail.com", "outlook.com", "yahoo.co.uk", "btinternet.com"],
    "FR": ["gmail.com", "orange.fr", "free.fr", "laposte.net"],
    "NL": ["gmail.com", "ziggo.nl", "outlook.com", "kpnmail.nl"],
    "PL": ["gmail.com", "wp.pl", "o2.pl", "onet.pl"],
    "ES": ["gmail.com", "hotmail.es", "yahoo.es", "outlook.es"],
    "IT": ["gmail.com", "libero.it", "virgilio.it", "outlook.it"],
}
TLD = {"DE": "de", "AT": "at", "CH": "ch", "US": "com", "GB": "co.uk", "FR": "fr", "NL": "nl", "PL": "pl",
       "ES": "es", "IT": "it"}

# role family xml id (talent_crm data) -> weight, titles, skill names (see SKILL_TYPES)
ROLE_FAMILIES = {
    "talent_crm.talent_role_family_engineering": (
        30,
        ["Software Engineer", "Backend Developer", "Frontend Developer", "Full-Stack Developer",
         "DevOps Engineer", "Site Reliability Engineer", "Mobile Developer", "Odoo Developer"],
        ["Python", "Java", "JavaScript", "TypeScript", "Go", "C#", "C++", "Kotlin", "Rust", "PHP", "SQL",
         "Odoo", "Django", "React", "Angular", "Vue.js", "Spring Boot", ".NET", "Node.js", "Kubernetes",
         "Docker", "AWS", "Azure", "Terraform", "PostgreSQL", "Scrum"],
    ),
    "talent_crm.talent_role_family_data": (
        12,
        ["Data Scientist", "Data Engineer", "Data Analyst", "Machine Learning Engineer", "BI Developer"],
        ["Python", "SQL", "Scala", "Spark", "Machine Learning", "Power BI", "Tableau", "Data Modelling",
         "Statistics", "dbt", "PostgreSQL", "AWS"],
    ),
    "talent_crm.talent_role_family_product": (
        10,
        ["Product Manager", "Product Owner", "UX Designer", "UI Designer", "UX Researcher"],
        ["Scrum", "Project Management", "Figma", "User Research", "Data Modelling", "SQL", "Content Marketing"],
    ),
    "talent_crm.talent_role_family_sales": (
        16,
        ["Account Executive", "Sales Manager", "Key Account Manager", "Business Development Manager",
         "Sales Development Representative"],
        ["Salesforce", "B2B Sales", "Key Account Management", "Negotiation", "Lead Generation", "SAP"],
    ),
    "talent_crm.talent_role_family_marketing": (
        12,
        ["Marketing Manager", "Performance Marketing Manager", "Content Manager", "SEO Specialist",
         "Employer Branding Manager"],
        ["SEO", "Content Marketing", "Performance Marketing", "Lead Generation", "Salesforce", "Figma"],
    ),
    "talent_crm.talent_role_family_finance": (
        10,
        ["Accountant", "Financial Controller", "Payroll Specialist", "Finance Manager", "Tax Advisor"],
        ["Accounting (HGB)", "Financial Controlling", "SAP", "Power BI", "Project Management"],
    ),
    "talent_crm.talent_role_family_operations": (
        10,
        ["Operations Manager", "Supply Chain Manager", "Project Manager", "Office Manager", "Logistics Planner"],
        ["Supply Chain", "SAP", "Project Management", "Scrum", "Negotiation"],
    ),
}

# skill type name -> skill names; levels are shared by every type
SKILL_TYPES = {
    "Programming Languages": ["Python", "Java", "JavaScript", "TypeScript", "Go", "C#", "C++", "Kotlin", "Rust",
                              "PHP", "SQL", "Scala"],
    "Frameworks and Platforms": ["Odoo", "Django", "React", "Angular", "Vue.js", "Spring Boot", ".NET", "Node.js",
                                 "Kubernetes", "Docker", "AWS", "Azure", "Terraform", "PostgreSQL", "Spark"],
    "Data and Design": ["Machine Learning", "Power BI", "Tableau", "Data Modelling", "Statistics", "dbt", "Figma",
                        "User Research"],
    "Business": ["Salesforce", "SAP", "B2B Sales", "Key Account Management", "Negotiation", "Lead Generation",
                 "SEO", "Content Marketing", "Performance Marketing", "Financial Controlling", "Accounting (HGB)",
                 "Project Management", "Scrum", "Supply Chain"],
}
SKILL_LEVELS = [("Beginner", 25), ("Intermediate", 50), ("Advanced", 75), ("Expert", 100)]
LANGUAGES_BY_COUNTRY = {
    "DE": "German", "AT": "German", "CH": "German", "US": "English", "GB": "English", "FR": "French",
    "NL": "English", "PL": "English", "ES": "Spanish", "IT": "English",
}

SENIORITY_TITLE_PREFIX = {1: "Working Student", 2: "Junior", 3: "", 4: "Senior", 5: "Lead", 6: "Head of"}
# seniority xml id (talent_crm data), rank, weight
SENIORITIES = [
    ("talent_crm.talent_seniority_intern", 1, 5),
    ("talent_crm.talent_seniority_junior", 2, 18),
    ("talent_crm.talent_seniority_mid", 3, 34),
    ("talent_crm.talent_seniority_senior", 4, 28),
    ("talent_crm.talent_seniority_lead", 5, 10),
    ("talent_crm.talent_seniority_executive", 6, 5),
]

_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def ascii_slug(text, sep="-"):
    """``Jürgen Groß-Weber`` -> ``juergen-gross-weber``."""
    return _NOT_SLUG.sub(sep, unidecode(text.translate(_GERMAN)).lower()).strip(sep)


def typo(rng, name):
    """One realistic typo: a dropped, doubled or swapped letter, or an umlaut spelled out."""
    if any(ch in name for ch in "äöüÄÖÜß") and rng.random() < 0.5:
        return name.translate(_GERMAN)
    letters = [i for i, ch in enumerate(name) if ch.isalpha()]
    if len(letters) < 4:
        return name + name[-1]
    i = rng.choice(letters[1:-1])
    kind = rng.randrange(3)
    if kind == 0:
        return name[:i] + name[i + 1:]
    if kind == 1:
        return name[:i] + name[i] + name[i:]
    return name[:i] + name[i + 1] + name[i] + name[i + 2:]


class PeopleFactory:
    """Draws people: name, email, phone, location, company, title, skills, profile URLs."""

    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.fakers = {}
        for index, (locale, _country, _weight) in enumerate(LOCALES):
            faker = Faker(locale)
            faker.seed_instance(seed * 1000 + index)
            self.fakers[locale] = faker
        self._locale_choices = [(locale, country) for locale, country, _w in LOCALES]
        self._locale_weights = [weight for _l, _c, weight in LOCALES]
        self._phone_templates = {}
        self.used_emails = set()
        self.used_slugs = set()

    # -- small helpers ------------------------------------------------------------------------------

    def weighted(self, choices, weights):
        return self.rng.choices(choices, weights=weights, k=1)[0]

    def locale(self):
        return self.weighted(self._locale_choices, self._locale_weights)

    def mobile(self, country):
        """A valid mobile number of ``country``: (international display form, E.164)."""
        if country not in self._phone_templates:
            example = phonenumbers.example_number_for_type(country, PhoneNumberType.MOBILE)
            self._phone_templates[country] = (example.country_code, str(example.national_number))
        country_code, national = self._phone_templates[country]
        keep = 3 if len(national) > 8 else 2
        for _attempt in range(100):
            digits = national[:keep] + "".join(
                self.rng.choice("0123456789") for _ in range(len(national) - keep)
            )
            number = phonenumbers.PhoneNumber(country_code=country_code, national_number=int(digits))
            if phonenumbers.is_valid_number(number) and phonenumbers.number_type(number) in (
                PhoneNumberType.MOBILE,
                PhoneNumberType.FIXED_LINE_OR_MOBILE,
            ):
                break
        else:
            number = phonenumbers.PhoneNumber(country_code=country_code, national_number=int(national))
        return (
            phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL),
            phonenumbers.format_number(number, PhoneNumberFormat.E164),
        )

    def unique_email(self, local, domain):
        email = "%s@%s" % (local, domain)
        counter = 1
        while email.lower() in self.used_emails:
            counter += 1
            email = "%s%d@%s" % (local, counter, domain)
        self.used_emails.add(email.lower())
        return email

    def unique_slug(self, base):
        slug = base
        while slug in self.used_slugs:
            slug = "%s-%s" % (base, "".join(self.rng.choice("0123456789abcdef") for _ in range(6)))
        self.used_slugs.add(slug)
        return slug

    # -- a person -----------------------------------------------------------------------------------

    def person(self, role_family):
        """A dict describing one person; the generator turns it into partner and talent rows."""
        rng = self.rng
        locale, country = self.locale()
        faker = self.fakers[locale]
        first, last = faker.first_name(), faker.last_name()
        company = faker.company()
        seniority_xmlid, rank, _w = self.weighted(SENIORITIES, [s[2] for s in SENIORITIES])
        _weight, titles, skills = ROLE_FAMILIES[role_family]
        title = rng.choice(titles)
        prefix = SENIORITY_TITLE_PREFIX[rank]
        if prefix:
            title = "%s %s" % (prefix, title)
        local = "%s.%s" % (ascii_slug(first, "."), ascii_slug(last, "."))
        if rng.random() < 0.72:
            domain = rng.choice(FREE_MAIL[country])
        else:
            domain = "%s.%s" % (ascii_slug(company.split(" ")[0].strip(",")) or "mail", TLD[country])
        email = self.unique_email(local, domain) if rng.random() < 0.94 else False
        if email and rng.random() < 0.08:
            # people type their address the way they like; Odoo keeps it and normalises a copy
            email = "%s.%s@%s" % (first.translate(_GERMAN), last.translate(_GERMAN), domain)
            email = unidecode(email).replace(" ", "")
            if email.lower() in self.used_emails:
                email = self.unique_email(local, domain)
            self.used_emails.add(email.lower())
        phone = self.mobile(country) if rng.random() < 0.7 else (False, False)
        slug_base = ascii_slug("%s %s" % (first, last))
        linkedin = False
        if rng.random() < 0.75:
            linkedin = "https://www.linkedin.com/in/%s" % self.unique_slug(slug_base)
        github = False
        if role_family in ("talent_crm.talent_role_family_engineering", "talent_crm.talent_role_family_data") \
                and rng.random() < 0.45:
            github = "https://github.com/%s" % self.unique_slug(ascii_slug(first + last, ""))[:39].strip("-")
        xing = False
        if country in ("DE", "AT", "CH") and rng.random() < 0.3:
            xing = "https://www.xing.com/profile/%s_%s" % (
                unidecode(first.translate(_GERMAN)).replace(" ", "_"),
                unidecode(last.translate(_GERMAN)).replace(" ", "_"),
            )
        website = False
        if rng.random() < 0.05:
            website = "https://%s.dev" % slug_base
        skill_count = rng.randint(3, 8)
        chosen = rng.sample(skills, min(skill_count, len(skills)))
        levels = [min(len(SKILL_LEVELS) - 1, max(0, rank // 2 + rng.randint(-1, 1))) for _ in chosen]
        language = LANGUAGES_BY_COUNTRY[country]
        person_skills = list(zip(chosen, levels, strict=True)) + [(language, 3)]
        if language != "English" and rng.random() < 0.8:
            person_skills.append(("English", rng.randint(1, 3)))
        return {
            "locale": locale,
            "country": country,
            "first": first,
            "last": last,
            "name": "%s %s" % (first, last),
            "email": email,
            "phone": phone[0],
            "phone_e164": phone[1],
            "city": faker.city(),
            "company": company,
            "title": title,
            "seniority": seniority_xmlid,
            "role_family": role_family,
            "linkedin": linkedin,
            "github": github,
            "xing": xing,
            "website": website,
            "skills": person_skills,
        }

    def near_duplicate(self, person):
        """Another record of the same person, the way imports and sign-ups create them.

        Returns ``(person, kind)``; ``kind`` tells which key links it to the original.
        """
        rng = self.rng
        dup = dict(person)
        dup["skills"] = list(person["skills"])
        kinds = []
        if person["email"]:
            kinds.append("email_case")
        if person["phone"]:
            kinds.append("phone")
        kinds.append("name_typo")
        if person["linkedin"]:
            kinds.append("linkedin")
        kind = rng.choice(kinds)
        if kind == "email_case":
            local, domain = person["email"].split("@", 1)
            variant = "%s@%s" % (local.title(), domain.upper())
            if variant == person["email"]:
                variant = person["email"].upper()
            dup["email"] = variant
        elif kind == "phone":
            dup["email"] = self.unique_email(ascii_slug(person["first"], "") + "." + ascii_slug(person["last"], ""),
                                             rng.choice(FREE_MAIL[person["country"]]))
        elif kind == "name_typo":
            dup["last"] = typo(rng, person["last"])
            dup["name"] = "%s %s" % (dup["first"], dup["last"])
            dup["phone"], dup["phone_e164"] = (False, False)
            dup["email"] = False if rng.random() < 0.5 else person["email"]
        elif kind == "linkedin":
            dup["email"] = False
            dup["phone"], dup["phone_e164"] = (False, False)
        if kind != "linkedin":
            dup["linkedin"] = False if rng.random() < 0.5 else person["linkedin"]
        dup["github"] = False
        dup["company"] = person["company"] if rng.random() < 0.6 else self.fakers[person["locale"]].company()
        return dup, kind
