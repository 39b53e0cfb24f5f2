# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import TalentCrmCommon


@tagged("post_install", "-at_install", "talent_crm")
class TestPool(TalentCrmCommon):
    def test_membership_and_counts(self):
        runners_up = self.env["hr.talent.pool"].create({"name": "Runners-up (test)"})
        anna = self._create_talent("Anna Count", talent_availability="open")
        ben = self._create_talent("Ben Count", talent_pool_ids=[Command.set((self.pool | runners_up).ids)])
        cleo = self._create_talent("Cleo Count", email_from=False, partner_phone="+49 170 1234567")
        dora = self._create_talent("Dora Count")
        dora.partner_id.talent_do_not_contact = True
        self.env["mail.blacklist"]._add(ben.email_from)
        pools = self.pool | runners_up
        pools.invalidate_recordset()
        self.assertEqual(self.pool.no_of_talents, 4)
        self.assertEqual(runners_up.no_of_talents, 1)
        self.assertEqual(self.pool.talent_reachable_count, 1, "only Anna: Ben blacklisted, Cleo no email, Dora DNC")
        self.assertEqual(self.pool.talent_open_count, 1)
        self.assertEqual(runners_up.talent_reachable_count, 0)
        self.assertEqual(set(self.pool.talent_ids.ids), {anna.id, ben.id, cleo.id, dora.id})
        action = self.pool.action_talent_crm_open_talents()
        self.assertEqual(self.env["hr.applicant"].search(action["domain"]), anna | ben | cleo | dora)
        # leaving a pool keeps the talent in its other pools
        ben.talent_pool_ids = [Command.unlink(self.pool.id)]
        self.assertEqual(ben.talent_pool_ids, runners_up)

    def test_dnc_records_date(self):
        talent = self._create_talent("Dana DNC")
        talent.talent_do_not_contact = True
        self.assertTrue(talent.partner_id.talent_do_not_contact_date)
        talent.talent_do_not_contact = False
        self.assertFalse(talent.partner_id.talent_do_not_contact_date)

    def test_default_pool_cannot_be_deleted(self):
        default_pool = self.company._talent_get_default_pool()
        with self.assertRaises(UserError):
            default_pool.unlink()
        self.pool.unlink()
        self.assertFalse(self.pool.exists())

    def test_contact_blockers(self):
        ok = self._create_talent("Olli Okay", partner_phone="+49 170 5555555")
        dnc = self._create_talent("Doris Dnc")
        dnc.partner_id.talent_do_not_contact = True
        no_mail = self._create_talent("Nico Nomail", email_from=False)
        black = self._create_talent("Bea Black")
        self.env["mail.blacklist"]._add(black.email_from)
        partners = (ok | dnc | no_mail | black).partner_id
        self.company.talent_require_consent = False
        blockers = partners._talent_contact_blockers("email")
        self.assertNotIn(ok.partner_id.id, blockers)
        self.assertEqual(blockers[dnc.partner_id.id], ["do_not_contact"])
        self.assertEqual(blockers[no_mail.partner_id.id], ["no_email"])
        self.assertEqual(blockers[black.partner_id.id], ["blacklisted"])
        self.assertEqual(partners._talent_contact_blockers("sms")[no_mail.partner_id.id], ["no_phone"])
        self.assertNotIn(ok.partner_id.id, partners._talent_contact_blockers("sms"))
        self.assertEqual(partners._talent_contact_blockers("call")[dnc.partner_id.id], ["do_not_contact"])
        self.assertNotIn(no_mail.partner_id.id, partners._talent_contact_blockers("call"))

        self.company.talent_require_consent = True
        self.assertIn("no_consent", partners._talent_contact_blockers("email")[ok.partner_id.id])
        consent = self.env["talent.consent"].create(
            {"partner_id": ok.partner_id.id, "purpose": "communication", "company_id": self.company.id}
        )
        self.assertNotIn(ok.partner_id.id, partners._talent_contact_blockers("email"))
        other = partners._talent_contact_blockers("email", company=self.other_company)
        self.assertIn("no_consent", other[ok.partner_id.id], "consent is given to one company")
        consent.action_withdraw()
        self.assertIn("no_consent", partners._talent_contact_blockers("email")[ok.partner_id.id])
