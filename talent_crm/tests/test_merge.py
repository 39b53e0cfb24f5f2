# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged, users

from .common import TalentCrmCommon


@tagged("post_install", "-at_install", "talent_crm")
class TestTalentMerge(TalentCrmCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.skill_go = cls.skill_type.skill_ids.filtered(lambda s: s.name == "Go")
        cls.level_beginner = cls.skill_type.skill_level_ids.filtered(lambda lvl: lvl.name == "Beginner")
        cls.pool_b = cls.env["hr.talent.pool"].create({"name": "Events 2026 (test)"})
        cls.follower = cls.env["res.partner"].create({"name": "Fiona Follower", "email": "fiona@example.com"})

    def _skill(self, skill, level):
        return Command.create({"skill_id": skill.id, "skill_type_id": self.skill_type.id, "skill_level_id": level.id})

    def _make_pair(self):
        kept = self._create_talent(
            "Maria Merge",
            email_from="maria@example.com",
            talent_current_title="Backend Engineer",
            applicant_notes="<p>Met at PyCon.</p>",
            applicant_skill_ids=[self._skill(self.skill_python, self.level_advanced)],
        )
        merged = self._create_talent(
            "Maria M.",
            email_from="maria.m@example.org",
            partner_phone="+49 30 2223334",
            talent_pool_ids=[Command.set(self.pool_b.ids)],
            talent_city="Berlin",
            talent_current_company="ACME",
            talent_current_title="Engineer (old)",
            talent_availability="open",
            linkedin_profile="linkedin.com/in/maria-merge",
            applicant_notes="<p>Prefers remote.</p>",
            applicant_skill_ids=[
                self._skill(self.skill_python, self.level_beginner),
                self._skill(self.skill_go, self.level_advanced),
            ],
        )
        self.assertNotEqual(kept.partner_id, merged.partner_id)
        return kept, merged

    def test_merge_keeps_every_linked_record(self):
        kept, merged = self._make_pair()
        kept_partner, merged_partner = kept.partner_id, merged.partner_id
        job = self.env["hr.job"].create({"name": "Backend Developer (merge test)"})
        application = self.env["job.add.applicants"].create(
            {"applicant_ids": [Command.set(merged.ids)], "job_ids": [Command.set(job.ids)]}
        )._add_applicants_to_job()
        self.assertEqual(application.pool_applicant_id, merged)
        attachment = self.env["ir.attachment"].create(
            {"name": "cv.txt", "datas": base64.b64encode(b"CV"), "res_model": "hr.applicant", "res_id": merged.id}
        )
        message = merged.message_post(body="Called her about the Berlin role.")
        activity = merged.activity_schedule("mail.mail_activity_data_todo", summary="Send the offer")
        kept.message_subscribe(self.follower.ids)
        merged.message_subscribe(self.follower.ids)
        touch = merged_partner._talent_log_touch("Intro call", channel="call", talent_id=merged.id)
        consent = self.env["talent.consent"].create(
            {"partner_id": merged_partner.id, "talent_id": merged.id, "purpose": "communication"}
        )
        suggestion = self.env["talent.cv.suggestion"].create(
            {"talent_id": merged.id, "kind": "email", "value": "maria@work.example.com"}
        )
        self.env["talent.duplicate"]._talent_refresh(kept | merged)

        # contacts with different emails: only an administrator may merge them (Odoo's rule)
        self.user_manager.group_ids = [Command.link(self.env.ref("base.group_erp_manager").id)]
        kept.with_user(self.user_manager)._talent_merge_into(kept)  # merging a talent into itself changes nothing
        (kept | merged).with_user(self.user_manager)._talent_merge_into(kept)

        self.assertFalse(merged.exists())
        self.assertFalse(merged_partner.exists(), "the partners were merged by Odoo's partner merge")
        self.assertEqual(kept.partner_id, kept_partner)
        # applications, pools, skills
        self.assertEqual(application.pool_applicant_id, kept)
        self.assertEqual(application.partner_id, kept_partner)
        self.assertEqual(kept.talent_application_ids, application)
        self.assertEqual(kept.talent_pool_ids, self.pool | self.pool_b)
        self.assertIn(kept, self.pool_b.talent_ids)
        self.assertEqual(kept.skill_ids, self.skill_python | self.skill_go)
        python = kept.applicant_skill_ids.filtered(lambda s: s.skill_id == self.skill_python)
        self.assertEqual(python.skill_level_id, self.level_advanced, "on a conflict the kept talent's row wins")
        # attachments, chatter, activities, followers
        self.assertEqual((attachment.res_model, attachment.res_id), ("hr.applicant", kept.id))
        self.assertEqual((message.model, message.res_id), ("hr.applicant", kept.id))
        self.assertEqual(activity.res_id, kept.id)
        self.assertEqual(kept.message_follower_ids.partner_id.filtered(lambda p: p == self.follower), self.follower)
        # person-level history
        self.assertEqual(touch.talent_id, kept)
        self.assertEqual(touch.partner_id, kept_partner)
        self.assertEqual(consent.talent_id, kept)
        self.assertEqual(consent.partner_id, kept_partner)
        self.assertIn(consent, kept.talent_consent_ids)
        self.assertEqual(kept.talent_last_contact_date, touch.date)
        self.assertEqual(suggestion.talent_id, kept)
        # fields: kept values stay, empty ones are filled, notes joined
        self.assertEqual(kept.email_from, "maria@example.com")
        self.assertEqual(kept.talent_current_title, "Backend Engineer")
        self.assertEqual(kept.talent_city, "Berlin")
        self.assertEqual(kept.talent_current_company, "ACME")
        self.assertEqual(kept.talent_availability, "open")
        self.assertEqual(kept.linkedin_profile, "https://www.linkedin.com/in/maria-merge")
        self.assertEqual(kept.partner_phone, "+49 30 2223334")
        self.assertEqual(kept_partner.phone, "+49 30 2223334")
        self.assertIn("PyCon", kept.applicant_notes)
        self.assertIn("remote", kept.applicant_notes)
        # the candidate is gone, the chatter says what happened
        self.assertFalse(self.env["talent.duplicate"].search([("talent_id", "=", kept.id)]))
        note = kept.message_ids.filtered(lambda m: "Merged into this talent" in (m.body or ""))
        self.assertEqual(len(note), 1)
        self.assertIn("Maria M.", note.body)
        self.assertIn("maria.m@example.org", note.body)

    def test_merge_from_candidate_with_wizard(self):
        kept, merged = self._make_pair()
        merged.email_from = "maria@example.com"
        kept._talent_detect_duplicates()
        candidate = self.env["talent.duplicate"].search([("talent_id", "=", kept.id)])
        self.assertEqual(candidate.duplicate_id, merged)
        action = candidate.with_user(self.user_manager).action_merge()
        wizard_form = Form(self.env[action["res_model"]].with_user(self.user_manager).with_context(**action["context"]))
        self.assertEqual(wizard_form.dst_talent_id, kept)
        wizard_form.dst_talent_id = merged
        self.assertIn("Maria M.", wizard_form.preview)
        result = wizard_form.save().action_merge()
        self.assertEqual(result["res_id"], merged.id)
        self.assertFalse(kept.exists())
        self.assertEqual(merged.talent_current_title, "Engineer (old)", "the kept talent's values stay")
        self.assertEqual(merged.talent_pool_ids, self.pool | self.pool_b)

    def test_wizard_from_talent_list(self):
        kept, merged = self._make_pair()
        wizard = Form(
            self.env["talent.merge.wizard"]
            .with_user(self.user_manager)
            .with_context(active_model="hr.applicant", active_ids=(kept | merged).ids)
        )
        self.assertEqual(wizard.dst_talent_id, kept, "the oldest talent is kept by default")
        self.assertEqual(len(wizard.talent_ids), 2)
        wizard.talent_ids.remove(id=merged.id)
        with self.assertRaisesRegex(UserError, "at least two"):
            wizard.save().action_merge()

    def test_merge_refuses_other_companies_and_non_talents(self):
        kept, _merged = self._make_pair()
        application = self.env["hr.applicant"].create({"partner_name": "Just Applied", "email_from": "ja@example.com"})
        with self.assertRaisesRegex(UserError, "Only talents"):
            (kept | application)._talent_merge_into(kept)
        other_pool = self.env["hr.talent.pool"].create({"name": "Vienna", "company_id": self.other_company.id})
        other = self.env["hr.applicant"].with_company(self.other_company).create(
            {
                "partner_name": "Maria Merge",
                "company_id": self.other_company.id,
                "talent_pool_ids": [Command.set(other_pool.ids)],
            }
        )
        with self.assertRaisesRegex(UserError, "different companies"):
            (kept | other)._talent_merge_into(kept)

    def test_merge_three_talents(self):
        kept, merged = self._make_pair()
        third = self._create_talent("Maria Third", email_from="maria3@example.net")
        third_partner = third.partner_id
        # Odoo's partner merge lets only administrators merge contacts with different emails
        (merged | third).partner_id.write({"email": "maria@example.com"})
        (kept | merged | third).with_user(self.user_manager)._talent_merge_into(kept)
        self.assertFalse((merged | third).exists())
        self.assertFalse(third_partner.exists())

    @users("talent_recruiter")
    def test_recruiter_cannot_merge(self):
        kept, merged = self._make_pair()
        kept, merged = kept.with_env(self.env), merged.with_env(self.env)
        with self.assertRaises(AccessError):
            (kept | merged)._talent_merge_into(kept)
        with self.assertRaises(AccessError):
            self.env["talent.merge.wizard"].create(
                {"talent_ids": [Command.set((kept | merged).ids)], "dst_talent_id": kept.id}
            )
        self.assertTrue(merged.exists())

    def test_manager_keeps_odoos_partner_merge_checks(self):
        """Odoo's partner merge refuses contacts with different emails to non-administrators:
        a talent merge by a manager keeps that check (and merges nothing)."""
        kept, merged = self._make_pair()
        merged_partner = merged.partner_id
        with self.assertRaisesRegex(UserError, "same email"):
            (kept | merged).with_user(self.user_manager)._talent_merge_into(kept)
        self.assertTrue(merged.exists())
        self.assertTrue(merged_partner.exists())

    def test_merge_needs_write_access_on_every_record(self):
        """A manager who cannot write one of the contacts (another company's) cannot merge it."""
        kept, merged = self._make_pair()
        foreign = self.env["res.partner"].create(
            {"name": "Maria M.", "email": "maria@example.com", "company_id": self.other_company.id}
        )
        merged.partner_id = foreign
        kept.partner_id.email = "maria@example.com"
        with self.assertRaises(AccessError):
            (kept | merged).with_user(self.user_manager)._talent_merge_into(kept)
        self.assertTrue(merged.exists())
        self.assertTrue(foreign.exists())
        self.assertEqual(foreign.name, "Maria M.")

    def test_merge_needs_write_access_on_every_talent(self):
        """A talent of the other company (hidden by the record rules) cannot be merged in."""
        kept, _merged = self._make_pair()
        other_pool = self.env["hr.talent.pool"].create({"name": "Graz", "company_id": self.other_company.id})
        hidden = self.env["hr.applicant"].create(
            {
                "partner_id": kept.partner_id.id,
                "partner_name": "Maria Merge",
                "company_id": self.other_company.id,
                "talent_pool_ids": [Command.set(other_pool.ids)],
            }
        )
        with self.assertRaises(AccessError):
            (kept | hidden).with_user(self.user_manager)._talent_merge_into(kept)
        self.assertTrue(hidden.exists())

    def test_contacts_merge_needs_write_access_on_every_contact(self):
        """Odoo's own contact merge, as a user who cannot write one of the contacts (another
        company's), merges nothing."""
        kept, _merged = self._make_pair()
        foreign = self.env["res.partner"].create(
            {"name": "Maria Merge", "email": "maria@example.com", "company_id": self.other_company.id}
        )
        wizard = self.env["base.partner.merge.automatic.wizard"].with_user(self.user_manager)
        with self.assertRaises(AccessError):
            wizard._merge((kept.partner_id | foreign).ids, dst_partner=kept.partner_id.with_user(self.user_manager))
        self.assertTrue(foreign.exists())
