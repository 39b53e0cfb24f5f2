# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io
import zipfile
from unittest.mock import patch
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from ..tools import cv_parser
from .common import TalentCrmCommon

GERMAN_CV = [
    "Lebenslauf",
    "Jürgen Müller",
    "E-Mail: juergen.mueller@beispiel.de",
    "Telefon: 030 1234567",
    "LinkedIn: linkedin.com/in/juergen-mueller/",
    "GitHub: https://github.com/jmueller",
    "Kenntnisse: Projektmanagement, Python, Maschinelles Lernen, agile Methoden",
    "Sprachen: Deutsch (Muttersprache), Englisch (fließend)",
    "Berufserfahrung: 2019 - 2024 Softwareentwickler bei Beispiel GmbH, München",
]
ENGLISH_CV = [
    "Curriculum Vitae",
    "Jane Doe",
    "Email: jane.doe@example.co.uk | Phone: +44 20 7946 0958",
    "Web: www.janedoe.dev | xing.com/profile/Jane_Doe",
    "Skills: Java, K8s, project-management, Scrum",
    "Languages: English (native), German (good)",
    "Let's go the extra mile.",
]


def make_pdf(lines):
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    y = 800
    for line in lines:
        pdf.drawString(60, y, line)
        y -= 24
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def make_docx(lines):
    paragraphs = "".join("<w:p><w:r><w:t>%s</w:t></w:r></w:p>" % escape(line) for line in lines)
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body>%s</w:body></w:document>" % paragraphs
    )
    content_types = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        "</Types>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="word/document.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
        "</Relationships>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as docx:
        docx.writestr("[Content_Types].xml", content_types)
        docx.writestr("_rels/.rels", rels)
        docx.writestr("word/document.xml", document)
    return buffer.getvalue()


@tagged("post_install", "-at_install", "talent_crm")
class TestTalentCv(TalentCrmCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the catalogue is the one of this test: Odoo's own skill types are set aside
        cls.env["hr.skill.type"].search([("id", "!=", cls.skill_type.id)]).active = False
        cls.skill_go = cls.skill_type.skill_ids.filtered(lambda s: s.name == "Go")
        cls.skill_type.write(
            {
                "skill_ids": [
                    Command.create({"name": "Java"}),
                    Command.create({"name": "Kubernetes"}),
                    Command.create({"name": "Project Management"}),
                    Command.create({"name": "Machine Learning"}),
                    Command.create({"name": "Scrum", "talent_cv_keywords": "agile Methoden, agile methods"}),
                ]
            }
        )
        cls.languages = cls.env["hr.skill.type"].create(
            {
                "name": "Languages (test)",
                "skill_ids": [Command.create({"name": "English"}), Command.create({"name": "German"})],
                "skill_level_ids": [
                    Command.create({"name": "B2", "level_progress": 60, "default_level": True}),
                    Command.create({"name": "C2", "level_progress": 100}),
                ],
            }
        )
        cls.skills = (cls.skill_type | cls.languages).skill_ids

    def _attach(self, talent, name, data, mimetype=None):
        values = {"name": name, "raw": data, "res_model": "hr.applicant", "res_id": talent.id}
        if mimetype:
            values["mimetype"] = mimetype
        return self.env["ir.attachment"].create(values)

    def _found(self, talent):
        return {(s.kind, s.value) for s in talent.talent_cv_suggestion_ids}

    def _skill(self, name):
        skill = self.skills.filtered(lambda s: s.name == name)
        return "%s (%s)" % (skill.name, skill.skill_type_id.name)

    def test_german_pdf_cv(self):
        talent = self._create_talent(
            "Jürgen Müller",
            email_from="jm@example.com",
            applicant_skill_ids=[
                Command.create(
                    {
                        "skill_id": self.skill_python.id,
                        "skill_type_id": self.skill_type.id,
                        "skill_level_id": self.level_advanced.id,
                    }
                )
            ],
        ).with_user(self.user_recruiter)
        attachment = self._attach(talent, "Lebenslauf.pdf", make_pdf(GERMAN_CV))
        self.assertEqual(attachment.mimetype, "application/pdf")
        self.assertIn("juergen.mueller@beispiel.de", attachment.index_content, "Odoo's indexing read the PDF")
        action = talent.action_talent_parse_cv()
        self.assertEqual(action["res_model"], "talent.cv.suggestion")
        found = self._found(talent)
        expected = {
            ("email", "juergen.mueller@beispiel.de"),
            ("phone", "+49301234567"),
            ("linkedin", "https://www.linkedin.com/in/juergen-mueller"),
            ("github", "https://github.com/jmueller"),
            ("skill", self._skill("Project Management")),
            ("skill", self._skill("Machine Learning")),
            ("skill", self._skill("Scrum")),
            ("skill", self._skill("English")),
            ("skill", self._skill("German")),
        }
        self.assertEqual(found, expected, "Python is known already; Go, Java and Kubernetes are not in this CV")
        self.assertEqual(talent.talent_cv_suggestion_count, 9)
        self.assertFalse(talent.linkedin_profile, "nothing is written before the recruiter accepts")

        suggestions = {(s.kind, s.value): s for s in talent.talent_cv_suggestion_ids}
        suggestions[("email", "juergen.mueller@beispiel.de")].action_accept()
        suggestions[("linkedin", "https://www.linkedin.com/in/juergen-mueller")].action_accept()
        suggestions[("skill", self._skill("English"))].action_accept()
        suggestions[("phone", "+49301234567")].action_reject()
        self.assertEqual(talent.email_from, "juergen.mueller@beispiel.de")
        self.assertEqual(talent.linkedin_profile, "https://www.linkedin.com/in/juergen-mueller")
        english = talent.applicant_skill_ids.filtered(lambda s: s.skill_id.name == "English")
        self.assertEqual(english.skill_level_id.name, "B2", "accepted at the skill type's default level")
        self.assertFalse(talent.partner_phone)
        self.assertEqual(talent.talent_cv_suggestion_count, 5)

        # reading the CV again proposes nothing twice, rejected values included
        result = talent.action_talent_parse_cv()
        self.assertEqual(result["tag"], "display_notification")
        self.assertEqual(len(talent.talent_cv_suggestion_ids), 9)

    def test_english_docx_cv(self):
        talent = self._create_talent("Jane Doe", email_from="jane.doe@example.co.uk")
        attachment = self._attach(talent, "Jane_Doe_CV.docx", make_docx(ENGLISH_CV))
        self.assertEqual(
            attachment.mimetype, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        )
        talent.message_main_attachment_id = attachment
        self.assertEqual(talent._talent_get_cv_attachment(), attachment)
        talent.action_talent_parse_cv()
        found = self._found(talent)
        self.assertEqual(
            found,
            {
                ("phone", "+442079460958"),
                ("website", "https://www.janedoe.dev"),
                ("xing", "https://www.xing.com/profile/Jane_Doe"),
                ("skill", self._skill("Java")),
                ("skill", self._skill("Kubernetes")),
                ("skill", self._skill("Project Management")),
                ("skill", self._skill("Scrum")),
                ("skill", self._skill("English")),
                ("skill", self._skill("German")),
            },
            "the known email is not proposed, and 'go the extra mile' is not the Go language",
        )
        talent.talent_cv_suggestion_ids.filtered(lambda s: s.kind in ("xing", "website")).action_accept()
        self.assertEqual(talent.talent_xing_url, "https://www.xing.com/profile/Jane_Doe")
        self.assertEqual(talent.talent_website_url, "https://www.janedoe.dev")

    def test_nothing_to_read(self):
        talent = self._create_talent("No Cv")
        with self.assertRaisesRegex(UserError, "Attach a CV"):
            talent.action_talent_parse_cv()
        buffer = io.BytesIO()
        pdf = canvas.Canvas(buffer, pagesize=A4)
        pdf.rect(50, 50, 200, 200, fill=1)
        pdf.showPage()
        pdf.save()
        self._attach(talent, "scan.pdf", buffer.getvalue())
        with self.assertRaisesRegex(UserError, "No text could be read"):
            talent.action_talent_parse_cv()

    def test_oversized_documents_are_not_read(self):
        """Issue 16, point 8: uploads are indexed with a size cap (bytes read, bytes an archive
        unpacks to, text kept)."""
        talent = self._create_talent("Otto Oversized")
        lines = ENGLISH_CV + ["filler " * 40] * 20
        with patch.object(cv_parser, "MAX_DOCUMENT_BYTES", 2048):
            big = self._attach(talent, "big.docx", make_docx(lines) + b"\0" * 4096)
            self.assertFalse(big.index_content, "a file over the byte cap is not indexed")
            with self.assertRaisesRegex(UserError, "too large"):
                talent.action_talent_parse_cv()
        self.assertFalse(talent.talent_cv_suggestion_ids)

    def test_archive_bombs_are_not_unpacked(self):
        talent = self._create_talent("Zip Bomb")
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive, zipfile.ZipFile(
            io.BytesIO(make_docx(ENGLISH_CV + ["x" * 200_000]))
        ) as docx:
            for info in docx.infolist():
                archive.writestr(info.filename, docx.read(info.filename))
        bomb = buffer.getvalue()
        self.assertLess(len(bomb), 20_000, "compresses well")
        with patch.object(cv_parser, "MAX_UNPACKED_BYTES", 100_000):
            attachment = self._attach(talent, "bomb.docx", bomb)
            self.assertFalse(attachment.index_content)

    def test_indexed_text_is_capped(self):
        talent = self._create_talent("Long Text")
        text = ("jane.doe@example.co.uk " + "lorem ipsum " * 5000).encode()
        with patch.object(cv_parser, "MAX_TEXT_CHARS", 1000):
            attachment = self._attach(talent, "long.txt", text, mimetype="text/plain")
            self.assertTrue(attachment.index_content)
            self.assertLessEqual(len(attachment.index_content), 1000)
            self.assertLessEqual(len(self.env["talent.cv.suggestion"]._talent_cv_text(attachment)), 1000)
