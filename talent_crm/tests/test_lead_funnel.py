# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form, tagged, users

from .common import TalentLeadCommon


@tagged("post_install", "-at_install", "talent_crm")
class TestLeadFunnel(TalentLeadCommon):
    def _history(self, talent):
        return [
            (log.from_state, log.to_state, log.origin, log.reason)
            for log in talent.talent_lead_state_log_ids.sorted(lambda log: (log.date, log.id))
        ]

    @users("talent_recruiter")
    def test_capture_qualify_activate(self):
        with freeze_time("2026-03-02 09:00:00"):
            lead = self._create_lead("Carla Capture", env=self.env)
            self.assertEqual(lead.talent_lead_state, "captured")
            self.assertEqual(str(lead.talent_lead_state_date), "2026-03-02 09:00:00")
        with freeze_time("2026-03-05 10:00:00"):
            lead.action_talent_lead_qualify()
        with freeze_time("2026-03-12 11:00:00"):
            lead.action_talent_lead_activate()
        self.assertEqual(lead.talent_lead_state, "activated")
        self.assertEqual(str(lead.talent_lead_state_date), "2026-03-12 11:00:00")
        logs = lead.talent_lead_state_log_ids.sorted("date")
        self.assertEqual(
            [(log.from_state, log.to_state) for log in logs],
            [(False, "captured"), ("captured", "qualified"), ("qualified", "activated")],
        )
        self.assertEqual(
            [str(log.date) for log in logs], ["2026-03-02 09:00:00", "2026-03-05 10:00:00", "2026-03-12 11:00:00"]
        )
        self.assertEqual(logs.user_id, self.user_recruiter, "who moved it")
        self.assertEqual(set(logs.mapped("origin")), {"manual"})
        self.assertEqual(logs.company_id, self.company)
        # the chatter tells the story, one note per move
        notes = lead.message_ids.mapped("body")
        self.assertTrue(any("Lead state: Captured → Qualified." in note for note in notes))
        self.assertTrue(any("Lead state: Qualified → Activated." in note for note in notes))

    def test_drag_and_drop_is_a_write(self):
        """The kanban moves a card by writing the state: the same rules and the same log."""
        lead = self._create_lead("Dirk Drag")
        groups = (
            self.env["hr.applicant"]
            .with_context(read_group_expand=True)
            .formatted_read_group([("id", "=", lead.id)], ["talent_lead_state"], ["__count"])
        )
        self.assertEqual(
            [group["talent_lead_state"] for group in groups],
            ["captured", "qualified", "activated", "converted", "hired", "not_interested", "do_not_contact"],
            "every state is a kanban column, empty or not",
        )
        self.env.cr.flush()  # field tracking is written at the end of a transaction
        lead.write({"talent_lead_state": "activated"})
        self.assertEqual(self._history(lead)[-1], ("captured", "activated", "manual", False))
        self.env.cr.flush()
        tracked = lead.sudo().message_ids.tracking_value_ids.filtered(lambda t: t.field_id.name == "talent_lead_state")
        self.assertEqual(tracked.mapped("new_value_char"), ["Activated"], "a card moved on the kanban is tracked")
        lead.write({"talent_lead_state": "captured"})
        self.assertEqual(lead.talent_lead_state, "captured", "moving back is allowed")
        self.assertEqual(len(lead.talent_lead_state_log_ids), 3)

    def test_qualification_says_what_is_missing(self):
        lead = self._create_lead("Nora Nothing", email_from=False, partner_phone=False, talent_role_family_id=False)
        with self.assertRaisesRegex(UserError, "Nora Nothing: an email address or a phone number and a role family"):
            lead.action_talent_lead_qualify()
        with self.assertRaisesRegex(UserError, "a role family"):
            lead.write({"talent_lead_state": "qualified"})
        with self.assertRaisesRegex(UserError, "a role family"):
            lead.action_talent_lead_activate()
        self.assertEqual(lead.talent_lead_state, "captured", "nothing half-written")
        self.assertEqual(len(lead.talent_lead_state_log_ids), 1)

        self.company.write({"talent_qualify_require_role_family": False, "talent_qualify_require_skills": True})
        lead.partner_phone = "+49 30 1234567"
        with self.assertRaisesRegex(UserError, "Nora Nothing: skills"):
            lead.action_talent_lead_qualify()
        lead.applicant_skill_ids = [
            Command.create(
                {
                    "skill_id": self.skill_python.id,
                    "skill_type_id": self.skill_type.id,
                    "skill_level_id": self.level_advanced.id,
                }
            )
        ]
        lead.action_talent_lead_qualify()
        self.assertEqual(lead.talent_lead_state, "qualified")

    def test_qualification_needs_consent_when_configured(self):
        self.company.talent_qualify_require_consent = True
        lead = self._create_lead("Conny Consent")
        with self.assertRaisesRegex(UserError, "a valid consent"):
            lead.action_talent_lead_qualify()
        withdrawn = self.env["talent.consent"].create({"partner_id": lead.partner_id.id})
        withdrawn.action_withdraw()
        with self.assertRaisesRegex(UserError, "a valid consent"):
            lead.action_talent_lead_qualify()
        other = self.env["talent.consent"].create(
            {"partner_id": lead.partner_id.id, "company_id": self.other_company.id}
        )
        self.assertEqual(other.state, "valid", "valid, but for another company")
        with self.assertRaisesRegex(UserError, "a valid consent"):
            lead.action_talent_lead_qualify()
        self.env["talent.consent"].create({"partner_id": lead.partner_id.id, "purpose": "communication"})
        lead.action_talent_lead_qualify()
        self.assertEqual(lead.talent_lead_state, "qualified")

    def test_bulk_qualify_lists_every_gap(self):
        ready = self._create_lead("Rea Ready")
        no_family = self._create_lead("Fritz Family", talent_role_family_id=False)
        unreachable = self._create_lead("Ulla Unreachable", email_from=False)
        already = self._create_lead("Alma Already")
        already.action_talent_lead_activate()
        leads = ready | no_family | unreachable | already
        with self.assertRaises(UserError) as error:
            leads.action_talent_lead_qualify()
        message = str(error.exception)
        self.assertIn("Fritz Family: a role family", message)
        self.assertIn("Ulla Unreachable: an email address or a phone number", message)
        self.assertNotIn("Rea Ready", message)
        self.assertEqual(ready.talent_lead_state, "captured", "all or nothing")
        (no_family | unreachable).unlink()
        (ready | already).action_talent_lead_qualify()
        self.assertEqual(ready.talent_lead_state, "qualified")
        self.assertEqual(already.talent_lead_state, "activated", "bulk qualify never moves a lead back")

    def test_bulk_qualify_query_count_does_not_grow(self):
        def qualify(count, prefix):
            with freeze_time("2026-04-01 09:00:00"):
                leads = self.env["hr.applicant"]
                for index in range(count):
                    leads |= self._create_lead("%s %02d" % (prefix, index))
            self.env.invalidate_all()
            self.env.flush_all()
            before = self.env.cr.sql_log_count
            with freeze_time("2026-04-02 09:00:00"):
                leads.action_talent_lead_qualify()
                self.env.flush_all()
            self.assertEqual(set(leads.mapped("talent_lead_state")), {"qualified"})
            return self.env.cr.sql_log_count - before

        qualify(2, "Warm")
        self.assertEqual(qualify(3, "Small"), qualify(30, "Large"), "no query per lead")

    def test_converted_and_hired_come_from_recruitment(self):
        lead = self._create_lead("Mia Manual")
        for state in ("converted", "hired"):
            with self.subTest(state=state), self.assertRaisesRegex(UserError, "Create Applications"):
                lead.write({"talent_lead_state": state})
        self.assertEqual(lead.talent_lead_state, "captured")

    def test_applications_have_no_lead_state(self):
        application = self._application("Andi Application")
        self.assertFalse(application.talent_lead_state)
        with self.assertRaisesRegex(UserError, "Only talents have a lead state"):
            application.write({"talent_lead_state": "qualified"})
        with self.assertRaisesRegex(UserError, "always has a lead state"):
            self._create_lead("Tim Talent").write({"talent_lead_state": False})

    def test_close_as_not_interested_and_reopen(self):
        lead = self._create_lead("Nils Nope")
        lead.action_talent_lead_qualify()
        action = lead.action_talent_lead_close()
        form = Form(self.env[action["res_model"]].with_context(**action["context"]))
        form.outcome = "not_interested"
        form.reason = "Happy in the current job"
        form.save().action_close()
        self.assertEqual(lead.talent_lead_state, "not_interested")
        self.assertEqual(lead.talent_lead_close_reason, "Happy in the current job")
        self.assertEqual(self._history(lead)[-1], ("qualified", "not_interested", "manual", "Happy in the current job"))
        self.assertFalse(lead.partner_id.talent_do_not_contact, "not interested is not do-not-contact")
        lead.action_talent_lead_qualify()
        self.assertEqual(lead.talent_lead_state, "qualified", "a closed lead can be reopened")
        self.assertFalse(lead.talent_lead_close_reason)

    def test_do_not_contact_is_a_person_fact(self):
        lead = self._create_lead("Doro Donot")
        other_company_talent = self.env["hr.applicant"].create(
            {
                "partner_name": "Doro Donot",
                "partner_id": lead.partner_id.id,
                "company_id": self.other_company.id,
                "talent_pool_ids": [Command.set(self.other_company._talent_get_default_pool().ids)],
            }
        )
        wizard = self.env["talent.lead.close"].create(
            {"talent_ids": [Command.set(lead.ids)], "outcome": "do_not_contact", "reason": "Asked by phone"}
        )
        wizard.action_close()
        partner = lead.partner_id
        self.assertTrue(partner.talent_do_not_contact)
        self.assertEqual(partner.talent_do_not_contact_reason, "Asked by phone")
        self.assertEqual(other_company_talent.talent_lead_state, "do_not_contact", "all the person's talents")
        with self.assertRaisesRegex(UserError, "asked not to be contacted"):
            lead.write({"talent_lead_state": "captured"})
        partner.talent_do_not_contact = False
        lead.write({"talent_lead_state": "captured"})
        self.assertEqual(lead.talent_lead_state, "captured")

    def test_partner_flag_closes_the_lead(self):
        lead = self._create_lead("Paula Partner")
        lead.action_talent_lead_activate()
        lead.partner_id.write({"talent_do_not_contact": True, "talent_do_not_contact_reason": "Unsubscribed"})
        self.assertEqual(lead.talent_lead_state, "do_not_contact")
        self.assertEqual(lead.talent_lead_close_reason, "Unsubscribed")
        self.assertEqual(self._history(lead)[-1], ("activated", "do_not_contact", "system", "Unsubscribed"))
        # the form's checkbox (a related field) does the same
        other = self._create_lead("Olaf Other")
        other.talent_do_not_contact = True
        self.assertEqual(other.talent_lead_state, "do_not_contact")

    def test_existing_applicant_joining_a_pool_becomes_a_captured_lead(self):
        application = self.env["hr.applicant"].create({"partner_name": "Pia Pool", "email_from": "pia@example.com"})
        self.assertFalse(application.talent_lead_state)
        application.write({"talent_pool_ids": [Command.link(self.pool.id)], "pool_applicant_id": application.id})
        self.assertEqual(application.talent_lead_state, "captured")
        self.assertEqual(self._history(application), [(False, "captured", "manual", False)])
