# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Where features meet: the hand-offs between hygiene, community and nurture."""

from odoo.tests import tagged

from .common import TalentNurtureCommon


@tagged("post_install", "-at_install", "talent_crm")
class TestFeatureHandOffs(TalentNurtureCommon):
    def test_hard_bounce_stops_nurture(self):
        talent = self._create_talent("Bruno Bounce")
        other = self._create_talent("Olga Okay")
        enrollments = (talent | other)._talent_enroll(self.sequence)
        self.assertEqual(set(enrollments.mapped("state")), {"running"})

        self.env["res.partner"]._talent_register_hard_bounce(talent.email_from)

        mine = enrollments.filtered(lambda e: e.talent_id == talent)
        self.assertEqual((mine.state, mine.stop_reason), ("stopped", "bounce"))
        self.assertEqual((enrollments - mine).state, "running", "other people keep their sequence")
        self.assertIn("bounced", talent.partner_id._talent_contact_blockers("email")[talent.partner_id.id])
