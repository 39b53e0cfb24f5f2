# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io
import re
from collections import Counter
from pathlib import Path

import polib

from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import trans_export

I18N = Path(__file__).resolve().parent.parent / "i18n"

# what a translation must carry over unchanged: named and positional placeholders, QWeb
# expressions and attributes, links and the HTML elements of email bodies
PLACEHOLDERS = (
    re.compile(r"%\(\w+\)[sd]"),
    re.compile(r"(?<!%)%[sd]"),
    re.compile(r"\{\{.*?\}\}", re.S),
    re.compile(r"""\bt-[\w-]+="[^"]*"|\bt-[\w-]+='[^']*'"""),
    re.compile(r"""\bhref=["'][^"']*["']"""),
    re.compile(r"</?[a-zA-Z][\w-]*"),
)


def glossary_checks(text):
    """Rows of the table "Checks" of GLOSSARY.md: ``(concept, msgid regex, msgstr must match,
    msgstr must not match)``; ``\\|`` in a cell is a ``|`` of the regular expression."""
    section = text.split("\n## Checks", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        if not line.startswith("| ") or "`" not in line:
            continue
        concept, *patterns = (cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", line)[1:-1])
        flags = [re.IGNORECASE, 0, 0]
        rows.append(
            (concept, *(re.compile(p.strip("`"), flag) if p else None for p, flag in zip(patterns, flags, strict=True)))
        )
    return rows


def glossary_violations(entries, rows):
    """``(concept, msgid, problem)`` for each translation that breaks a row of the glossary."""
    found = []
    for entry in entries:
        # a placeholder's name (``%(recruiter)s``) is no word of the text
        msgid = re.sub(r"%\(\w+\)[sdf]", "", entry.msgid)
        for concept, msgid_re, must, must_not in rows:
            if not msgid_re.search(msgid):
                continue
            if must and not must.search(entry.msgstr):
                found.append((concept, entry.msgid, "lacks %s" % must.pattern))
            if must_not and must_not.search(entry.msgstr):
                found.append((concept, entry.msgid, "uses %r" % must_not.search(entry.msgstr).group(0)))
    return found


def placeholder_mismatches(entries):
    """``(msgid, pattern)`` for each translation whose placeholders differ from its msgid's."""
    return [
        (entry.msgid, rx.pattern)
        for entry in entries
        for rx in PLACEHOLDERS
        if Counter(rx.findall(entry.msgid)) != Counter(rx.findall(entry.msgstr))
    ]


@tagged("post_install", "-at_install", "talent_crm")
class TestTranslations(TransactionCase):
    def test_pot_is_current_and_german_complete(self):
        buffer = io.BytesIO()
        trans_export(False, ["talent_crm"], buffer, "po", self.env)
        exported = {(e.msgctxt or "", e.msgid) for e in polib.pofile(buffer.getvalue().decode())}
        committed = {(e.msgctxt or "", e.msgid) for e in polib.pofile(str(I18N / "talent_crm.pot"))}
        self.assertFalse(exported - committed, "terms missing from talent_crm.pot: run `make i18n`")
        self.assertFalse(committed - exported, "stale terms in talent_crm.pot: run `make i18n`")
        german = polib.pofile(str(I18N / "de.po"))
        translated = {(e.msgctxt or "", e.msgid) for e in german if e.msgstr}
        self.assertFalse(sorted(exported - translated)[:20], "untranslated German terms")
        self.assertFalse([e.msgid for e in german if e.fuzzy or not e.msgstr][:20], "no fuzzy or empty entry")
        self.assertFalse(placeholder_mismatches(german)[:20], "placeholders kept in the translation")

    def test_german_follows_the_glossary(self):
        rows = glossary_checks((I18N / "GLOSSARY.md").read_text(encoding="utf-8"))
        concepts = {row[0].split(" ")[0] for row in rows}
        self.assertGreaterEqual(
            concepts, {"touch", "nurture", "sequence", "hire", "skill", "recruiter", "seniority", "pool"}
        )
        german = polib.pofile(str(I18N / "de.po"))
        self.assertFalse(glossary_violations(german, rows)[:20], "de.po uses the words of GLOSSARY.md")

    def test_checks_catch_the_words_users_reported(self):
        """The glossary's checks fail the translations that were reported as wrong."""
        rows = glossary_checks((I18N / "GLOSSARY.md").read_text(encoding="utf-8"))
        reported = [
            polib.POEntry(msgid="Touches", msgstr="Kontakte"),
            polib.POEntry(msgid="Hires from Pools", msgstr="Einstellungen aus Pools"),
            polib.POEntry(msgid="Sequence", msgstr="Reihenfolge"),
            polib.POEntry(msgid="Nurture", msgstr="Nurture"),
            polib.POEntry(msgid="Skill", msgstr="Fähigkeit"),
            polib.POEntry(msgid="Recruiter", msgstr="Recruiter"),
            polib.POEntry(msgid="Pool Manager", msgstr="Pool-Verantwortlicher"),
            polib.POEntry(msgid="Talent Pools", msgstr="Talent-Pools"),
            polib.POEntry(msgid="Seniority", msgstr="Karrierestufe"),
            polib.POEntry(msgid="Manage my preferences", msgstr="Meine Einstellungen verwalten"),
        ]
        flagged = {msgid for _concept, msgid, _problem in glossary_violations(reported, rows)}
        self.assertEqual(flagged, {entry.msgid for entry in reported})
        fine = [
            polib.POEntry(msgid="Touches", msgstr="Kontaktpunkte"),
            polib.POEntry(msgid="Let us stay in touch", msgstr="Lassen Sie uns in Kontakt bleiben"),
            polib.POEntry(msgid="Hires from Pools", msgstr="Neueinstellungen aus Pools"),
            polib.POEntry(msgid="Contact", msgstr="Kontakt"),
        ]
        self.assertFalse(glossary_violations(fine, rows))
        broken = [
            polib.POEntry(msgid="Sequences of %(name)s", msgstr="Sequenzen von %(nom)s"),
            polib.POEntry(msgid='<p>Hi <t t-out="object.name"/></p>', msgstr='<p>Hallo <t t-out="object.nom"/></p>'),
            polib.POEntry(msgid="Hello {{ object.name }}", msgstr="Hallo"),
        ]
        self.assertEqual(len({msgid for msgid, _rx in placeholder_mismatches(broken)}), 3)
