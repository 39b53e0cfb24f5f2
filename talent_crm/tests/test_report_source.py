# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import TalentCrmCommon


@tagged("post_install", "-at_install", "talent_crm")
class TestReportSource(TalentCrmCommon):
    """Talents without a UTM source are "No source" in the reports, not "None"."""

    def test_no_source_label(self):
        for model in (
            "talent.source.report",
            "talent.pool.growth.report",
            "talent.lead.funnel.report",
            "talent.hire.report",
            "talent.engagement.report",
        ):
            with self.subTest(model=model):
                description = self.env[model].fields_get(["source_id"], ["falsy_value_label"])
                self.assertEqual(description["source_id"].get("falsy_value_label"), "No source")
        description = self.env["talent.source.report"].fields_get(["medium_id", "campaign_id"], ["falsy_value_label"])
        self.assertEqual(description["medium_id"].get("falsy_value_label"), "No medium")
        self.assertEqual(description["campaign_id"].get("falsy_value_label"), "No campaign")

    def test_source_rows(self):
        referral = self.env.ref("talent_crm.utm_source_referral")
        with_source = self._create_talent("Sara Source", source_id=referral.id)
        without = self._create_talent("Nils Nosource", source_id=False)
        self.env.flush_all()
        groups = dict(
            self.env["talent.source.report"]._read_group(
                [("talent_id", "in", (with_source | without).ids)], ["source_id"], ["__count"]
            )
        )
        self.assertEqual(groups, {referral: 1, self.env["utm.source"]: 1}, "the talent without source is a group")
