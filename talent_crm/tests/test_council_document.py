# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The works council's document of a matching version (issue 21, point 6): what the score uses
and does not use, generated from the version's own weights and penalties."""

from lxml import html

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from ..models.res_company import MATCH_WEIGHT_FIELDS
from .common import TalentCrmCommon


@tagged("post_install", "-at_install", "talent_crm")
class TestCouncilDocument(TalentCrmCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_council = new_test_user(
            cls.env,
            login="talent_council_doc",
            name="Wiebke Council",
            groups="talent_crm.group_talent_crm_works_council",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        Version = cls.env["talent.matching.version"]
        config = dict(Version._talent_config_of(cls.company), text=40, engagement=0, penalty_recent=7, recent_days=21)
        cls.version = Version._talent_make(
            cls.company, config, "Text counts more", previous=Version._talent_current(cls.company)
        )

    def _rows(self, document):
        tree = html.fromstring(str(document))
        return {
            row.xpath("./td[1]")[0].text_content().strip(): [cell.text_content().strip() for cell in row.xpath("./td")]
            for row in tree.xpath("//table[contains(@class, 'o_talent_council_factors')]/tbody/tr")
        }, tree

    def test_factor_table_is_generated_from_the_version(self):
        config = self.version.config
        total = sum(config[key] for key in MATCH_WEIGHT_FIELDS)
        rows, tree = self._rows(self.version.council_document)
        labels = self.env["hr.job"]._talent_match_labels()
        self.assertEqual(set(rows), {labels[key] for key in MATCH_WEIGHT_FIELDS}, "one row per factor of the score")
        for key in MATCH_WEIGHT_FIELDS:
            _label, weight, share, uses, fit, counts = rows[labels[key]]
            self.assertEqual(int(weight), config[key], key)
            self.assertEqual(share, "%s %%" % round(100.0 * config[key] / total), key)
            self.assertTrue(uses and fit, "%s: the data it reads and how its fit is measured are described" % key)
            gated = key in ("location", "seniority", "availability", "engagement")
            self.assertEqual(counts, "As much as the profile fits the job" if gated else "Fully", key)
        self.assertEqual(rows[labels["engagement"]][2], "0 %", "a factor weighted 0 has no share")
        penalty_items = tree.xpath("//h4[text()='Penalties']/following-sibling::ul[1]/li")
        penalties = " ".join(li.text_content() for li in penalty_items)
        self.assertIn("last 21 days lose 7 points", penalties)
        self.assertIn("Text counts more", tree.text_content(), "the reason of the version is part of the document")
        self.assertIn("Text Relevance Weight: 20 → 40", self.version.change_summary)
        self.assertIn(self.version.change_summary.splitlines()[0], tree.text_content())

    def test_every_factor_of_the_ranking_is_documented(self):
        """A factor hr.job ranks with must have its description: adding one without it fails here."""
        ranking_factors = set(self.env["hr.job"]._talent_match_labels()) - {"penalty_dnc", "penalty_recent"}
        self.assertEqual(ranking_factors, set(MATCH_WEIGHT_FIELDS))
        self.assertEqual(set(self.env["talent.matching.version"]._talent_council_factor_texts()), ranking_factors)

    def test_agreement_is_stated(self):
        tree = html.fromstring(str(self.version.council_document))
        self.assertTrue(tree.xpath("//*[contains(@class, 'o_talent_council_not_agreed')]"))
        self.version.write({"agreed": True, "agreement_reference": "BV-2026-07"})
        tree = html.fromstring(str(self.version.council_document))
        self.assertFalse(tree.xpath("//*[contains(@class, 'o_talent_council_not_agreed')]"))
        self.assertIn("BV-2026-07", tree.xpath("//*[contains(@class, 'o_talent_council_agreed')]")[0].text_content())

    def test_protected_characteristics_are_listed_as_not_used(self):
        tree = html.fromstring(str(self.version.council_document))
        items = tree.xpath("//ul[contains(@class, 'o_talent_council_not_used')]/li")
        not_used = " ".join(li.text_content() for li in items)
        for word in ("Gender", "date of birth", "Nationality", "religion", "disability", "photo"):
            self.assertIn(word, not_used)

    def test_council_reads_and_prints_it_employee_does_not(self):
        version = self.version.with_user(self.user_council)
        self.assertIn("o_talent_council_factors", str(version.council_document))
        report = self.env.ref("talent_crm.talent_matching_version_action_report_council").with_user(self.user_council)
        content, _type = report._render_qweb_html(report, self.version.ids)
        self.assertIn(b"o_talent_council_factors", content)
        self.assertIn(self.company.name.encode(), content)
        with self.assertRaises(AccessError):
            self.version.with_user(self.user_employee).council_document  # noqa: B018

    def test_german_document(self):
        self.env["res.lang"]._activate_lang("de_DE")
        self.env["ir.module.module"]._load_module_terms(["talent_crm"], ["de_DE"], overwrite=True)
        document = str(self.version.with_context(lang="de_DE").council_document)
        self.assertIn("Was die Punktzahl nie verwendet", document)
        self.assertIn("Geschlecht", document)
        self.assertIn("Nicht mit dem Betriebsrat vereinbart", document)
        self.assertNotIn("What the score never uses", document)
        self.assertNotIn("Gender", document)
