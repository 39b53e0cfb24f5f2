# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Issue 16, points 2, 6 and 7: erasure and retention hit only people of the talent pool,
evidence cannot be edited, and nothing identifies an erased person afterwards."""
from datetime import datetime

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged, users

from .common import TalentCrmCommon


def contact_state(partner):
    partner = partner.with_context(active_test=False)
    return (partner.name, partner.email, partner.phone, partner.active)


@tagged("post_install", "-at_install", "talent_crm")
class TestErasureProtectsContacts(TalentCrmCommon):
    """Point 2: contacts that are more than a person of the talent pool survive an erasure or
    the retention cron unchanged, while talent_crm's own data about the talent goes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write({"talent_retention_months": 24, "talent_retention_notice_days": 30})

    def _talent_on(self, partner, name):
        # without an email of its own, the applicant does not rename its contact (Odoo pushes a
        # typed email's name onto the contact)
        talent = self.env["hr.applicant"].create(
            {"partner_name": name, "partner_id": partner.id, "talent_pool_ids": [Command.set(self.pool.ids)]}
        )
        partner._talent_log_touch("Call with %s" % name, talent_id=talent.id)
        consent = self.env["talent.consent"].create(
            {"partner_id": partner.id, "talent_id": talent.id, "purpose": "communication", "ip_address": "192.0.2.8"}
        )
        return talent, consent

    def _erase(self, talent):
        talent.with_user(self.user_manager).action_talent_crm_erase()

    def _assert_talent_erased(self, talent, name, consent):
        talent = talent.with_context(active_test=False)
        self.assertTrue(talent.talent_anonymized_date)
        self.assertFalse(talent.active)
        self.assertNotIn(name.split()[0], talent.partner_name)
        self.assertFalse(talent.email_from)
        touches = self.env["talent.touch"].search([("talent_id", "=", talent.id)])
        self.assertEqual(set(touches.mapped("summary")), {"Anonymised"})
        self.assertEqual(consent.state, "withdrawn")
        self.assertFalse(consent.ip_address)

    def test_company_partner_survives_erasure(self):
        own = self.company.partner_id
        own.write({"email": "info@yourcompany.example.com", "phone": "+49 30 1234567"})
        before = contact_state(own)
        talent, consent = self._talent_on(own, "Ivo Info")
        self._erase(talent)
        self.assertEqual(contact_state(own), before)
        self._assert_talent_erased(talent, "Ivo Info", consent)

    def test_company_address_survives_erasure(self):
        address = self.env["res.partner"].create(
            {"name": "Jobs Desk", "email": "jobs@yourcompany.example.com", "parent_id": self.company.partner_id.id}
        )
        before = contact_state(address)
        talent, consent = self._talent_on(address, "Jo Jobs")
        self._erase(talent)
        self.assertEqual(contact_state(address), before)
        self._assert_talent_erased(talent, "Jo Jobs", consent)

    def test_customer_with_a_business_document_survives_erasure(self):
        customer = self.env["res.partner"].create(
            {"name": "Carla Customer", "email": "carla@customer.example.com", "phone": "+49 89 555 0101"}
        )
        # a document of another app points to the contact (a bank account here)
        self.env["res.partner.bank"].create({"acc_number": "DE89370400440532013000", "partner_id": customer.id})
        before = contact_state(customer)
        talent, consent = self._talent_on(customer, "Carla Customer")
        self._erase(talent)
        self.assertEqual(contact_state(customer), before)
        self._assert_talent_erased(talent, "Carla Customer", consent)

    def test_contact_with_another_companys_application_survives_erasure(self):
        person = self.env["res.partner"].create({"name": "Otto Other", "email": "otto@example.com"})
        job = self.env["hr.job"].create({"name": "Tester (other company)", "company_id": self.other_company.id})
        other_application = self.env["hr.applicant"].create(
            {"partner_id": person.id, "job_id": job.id, "company_id": self.other_company.id}
        )
        before = contact_state(person)
        talent, consent = self._talent_on(person, "Otto Other")
        self._erase(talent)
        self.assertEqual(contact_state(person), before)
        self.assertTrue(other_application.active, "the other company's application is not touched")
        self.assertEqual(other_application.email_from, "otto@example.com")
        self._assert_talent_erased(talent, "Otto Other", consent)

    def test_employee_contact_survives_erasure(self):
        employee = self.env["hr.employee"].create({"name": "Erna Employee", "work_email": "erna@yourcompany.example"})
        contact = employee.work_contact_id
        self.assertTrue(contact)
        before = contact_state(contact)
        talent, consent = self._talent_on(contact, "Erna Employee")
        self._erase(talent)
        self.assertEqual(contact_state(contact), before)
        self._assert_talent_erased(talent, "Erna Employee", consent)

    def test_user_partner_survives_erasure(self):
        user = new_test_user(self.env, login="ulla_user", name="Ulla User", email="ulla@example.com")
        before = contact_state(user.partner_id)
        talent, consent = self._talent_on(user.partner_id, "Ulla User")
        self._erase(talent)
        self.assertEqual(contact_state(user.partner_id), before)
        self._assert_talent_erased(talent, "Ulla User", consent)

    def test_shared_mailbox_survives_erasure_and_export(self):
        agency = self.env["res.partner"].create({"name": "Agency Mailbox", "email": "cv@agency.example.com"})
        anna, anna_consent = self._talent_on(agency, "Anna Agency")
        bert, bert_consent = self._talent_on(agency, "Bert Agency")
        sequence = self.env["talent.sequence"].create(
            {
                "name": "Keep warm (erasure test)",
                "company_id": self.company.id,
                "step_ids": [Command.create({"name": "Call", "channel": "call", "activity_summary": "Call"})],
            }
        )
        anna_enrollment = anna._talent_enroll(sequence)
        bert_enrollment = bert._talent_enroll(sequence)
        before = contact_state(agency)
        export = agency._talent_export_data(self.company)
        self.assertEqual(len(export["profiles"]), 1, "only the person's own talent is exported")
        self.assertNotEqual(export["person"]["name"], "Agency Mailbox")
        self.assertNotIn("Bert Agency" if export["person"]["name"] == "Anna Agency" else "Anna Agency", str(export))
        self._erase(anna)
        self.assertEqual(contact_state(agency), before)
        self._assert_talent_erased(anna, "Anna Agency", anna_consent)
        # the other person on the mailbox keeps everything
        self.assertTrue(bert.active)
        self.assertEqual(bert.partner_name, "Bert Agency")
        self.assertEqual(bert_consent.state, "valid")
        self.assertEqual(
            self.env["talent.touch"].search([("talent_id", "=", bert.id)]).summary, "Call with Bert Agency"
        )
        self.assertEqual(anna_enrollment.state, "stopped", "the erased talent's nurture ends")
        self.assertEqual(bert_enrollment.state, "running")

    def test_retention_keeps_protected_contacts(self):
        own = self.company.partner_id
        own.email = "info@yourcompany.example.com"
        agency = self.env["res.partner"].create({"name": "Agency Mailbox", "email": "cv@agency.example.com"})
        user = new_test_user(self.env, login="ute_user", name="Ute User", email="ute@example.com")
        start = datetime(2024, 1, 10, 9, 0)
        with freeze_time(start):
            talents = self.env["hr.applicant"]
            for partner, name in ((own, "Ivo Info"), (agency, "Anna Agency"), (user.partner_id, "Ute User")):
                talents |= self._talent_on(partner, name)[0]
            bert = self.env["hr.applicant"].create(
                {
                    "partner_name": "Bert Agency",
                    "partner_id": agency.id,
                    "talent_pool_ids": [Command.set(self.pool.ids)],
                }
            )
        self.env.flush_all()
        self.env.cr.execute("UPDATE hr_applicant SET create_date = %s WHERE id IN %s", (start, tuple(talents.ids)))
        talents.invalidate_recordset(["create_date"])
        talents.modified(["create_date"])
        before = {partner: contact_state(partner) for partner in (own, agency, user.partner_id)}
        with freeze_time(start + relativedelta(months=25)):
            cron = self.env.ref("talent_crm.ir_cron_talent_crm_retention")
            with self.enter_registry_test_mode():
                cron.sudo().method_direct_trigger()
        for partner, state in before.items():
            self.assertEqual(contact_state(partner), state)
        for talent in talents:
            self.assertTrue(talent.with_context(active_test=False).talent_anonymized_date)
        self.assertTrue(bert.active)
        self.assertEqual(bert.partner_name, "Bert Agency")

    def test_erasure_request_withdraws_only_this_companys_consents(self):
        person = self.env["res.partner"].create({"name": "Cora Cross", "email": "cora@example.com"})
        talent, consent = self._talent_on(person, "Cora Cross")
        other = self.env["talent.consent"].create(
            {"partner_id": person.id, "company_id": self.other_company.id, "purpose": "communication"}
        )
        person._talent_request_erasure(self.company)
        self.assertEqual(consent.state, "withdrawn")
        self.assertEqual(other.state, "valid", "the other company's consent is not this request's")

    def test_interview_invitation_does_not_shield_the_person(self):
        talent, consent = self._talent_on(
            self.env["res.partner"].create({"name": "Ines Interview", "email": "ines@example.com"}), "Ines Interview"
        )
        partner = talent.partner_id
        self.env["calendar.event"].create(
            {
                "name": "Interview",
                "start": "2026-05-04 09:00:00",
                "stop": "2026-05-04 10:00:00",
                "partner_ids": [Command.link(partner.id)],
            }
        )
        self._erase(talent)
        self.assertNotIn("Ines", partner.with_context(active_test=False).name)
        self._assert_talent_erased(talent, "Ines Interview", consent)

    def test_plain_talent_is_still_anonymised(self):
        talent, consent = self._talent_on(
            self.env["res.partner"].create({"name": "Paula Plain", "email": "paula@example.com"}), "Paula Plain"
        )
        partner = talent.partner_id
        self._erase(talent)
        self.assertNotIn("Paula", partner.with_context(active_test=False).name)
        self.assertFalse(partner.with_context(active_test=False).email)
        self._assert_talent_erased(talent, "Paula Plain", consent)


@tagged("post_install", "-at_install", "talent_crm")
class TestEvidenceCannotBeEdited(TalentCrmCommon):
    """Point 6: consents are append-only except the withdrawal; lifecycle markers are
    written by talent_crm only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.talent = cls._create_talent("Eva Evidence")
        cls.partner = cls.talent.partner_id
        cls.consent = cls.env["talent.consent"].create(
            {"partner_id": cls.partner.id, "purpose": "communication", "source": "signup", "ip_address": "192.0.2.1"}
        )

    @users("talent_recruiter")
    def test_recruiter_cannot_rewrite_a_consent(self):
        consent = self.consent.with_env(self.env)
        for vals in (
            {"purpose": "talent_pool"},
            {"legal_basis": "legitimate_interest"},
            {"date_given": "2020-01-01 00:00:00"},
            {"date_expiry": "2099-01-01"},
            {"ip_address": "203.0.113.1"},
            {"date_confirmed": "2026-01-01 00:00:00"},
            {"date_withdrawn": False},
            {"partner_id": self.env.user.partner_id.id},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                consent.write(vals)
        self.consent.invalidate_recordset()
        self.assertEqual(
            (self.consent.purpose, self.consent.ip_address, self.consent.state),
            ("communication", "192.0.2.1", "valid"),
        )

    @users("talent_recruiter")
    def test_recruiter_withdraws_once(self):
        consent = self.consent.with_env(self.env)
        consent.action_withdraw()
        self.assertEqual(consent.state, "withdrawn")
        withdrawn = consent.date_withdrawn
        with self.assertRaises(UserError):
            consent.write({"date_withdrawn": "2030-01-01 00:00:00"})
        self.assertEqual(self.consent.date_withdrawn, withdrawn)

    @users("talent_recruiter")
    def test_recruiter_cannot_forge_a_confirmation(self):
        with self.assertRaises(AccessError):
            self.env["talent.consent"].create(
                {
                    "partner_id": self.partner.id,
                    "purpose": "communication",
                    "confirmation_required": True,
                    "date_confirmed": "2026-01-01 00:00:00",
                }
            )

    @users("talent_manager")
    def test_nobody_deletes_a_consent(self):
        with self.assertRaises(UserError):
            self.consent.with_env(self.env).unlink()
        with self.assertRaises(UserError):
            self.consent.with_env(self.env).with_context(talent_crm_erasure=True).unlink()
        self.assertTrue(self.consent.exists())
        # talent_crm's own code, as superuser, may
        self.consent.sudo().unlink()
        self.assertFalse(self.consent.exists())

    @users("talent_recruiter", "talent_manager")
    def test_lifecycle_markers_are_not_written_through_rpc(self):
        talent = self.talent.with_env(self.env).with_context(talent_crm_lifecycle=True, talent_crm_erasure=True)
        partner = self.partner.with_env(talent.env)
        for vals in (
            {"talent_anonymized_date": "2026-01-01 00:00:00"},
            {"talent_retention_notice_date": "2026-01-01"},
            {"talent_refuse_date": "2026-01-01 00:00:00"},
            {"talent_lead_state_date": "2026-01-01 00:00:00"},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                talent.write(vals)
        for vals in (
            {"talent_last_touch_date": "2020-01-01 00:00:00"},
            {"talent_last_engagement_date": "2020-01-01 00:00:00"},
            {"talent_do_not_contact_date": "2020-01-01 00:00:00"},
            {"talent_bounced_email": "x@example.com"},
            {"talent_cap_touch_date": "2020-01-01 00:00:00"},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                partner.write(vals)
        with self.assertRaises(AccessError):
            self.env["hr.applicant"].create(
                {
                    "partner_name": "Hidden Talent",
                    "talent_pool_ids": [Command.set(self.pool.ids)],
                    "talent_anonymized_date": "2026-01-01 00:00:00",
                }
            )
        self.talent.invalidate_recordset()
        self.partner.invalidate_recordset()
        self.assertFalse(self.talent.talent_anonymized_date)
        self.assertFalse(self.talent.talent_retention_notice_date)
        self.assertFalse(self.partner.talent_bounced_email)

    @users("talent_recruiter")
    def test_recruiter_cannot_forge_a_processed_erasure(self):
        for vals in ({"state": "done"}, {"date_done": "2026-01-01 00:00:00"}, {"records_description": "all gone"}):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                self.env["talent.erasure.request"].create(dict(vals, partner_id=self.partner.id))
        request = self.env["talent.erasure.request"].create({"partner_id": self.partner.id, "note": "By phone"})
        self.assertEqual(request.state, "requested")

    @users("talent_recruiter")
    def test_lead_state_log_is_read_only(self):
        log = self.env["talent.lead.state.log"].search([("talent_id", "=", self.talent.id)], limit=1)
        self.assertTrue(log)
        with self.assertRaises(AccessError):
            log.write({"reason": "rewritten"})
        with self.assertRaises(AccessError):
            log.unlink()


@tagged("post_install", "-at_install", "talent_crm")
class TestErasureIsComplete(TalentCrmCommon):
    """Point 7: after the erasure, no trace left by the person still holds their name,
    address or number."""

    NAME = "Zora Zwiebelmeier"
    EMAIL = "zora.zwiebelmeier@example.com"
    PHONE = "+4930555019977"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.talent = cls._create_talent(cls.NAME, email_from=cls.EMAIL, partner_phone=cls.PHONE, talent_city="Zwickau")
        cls.partner = cls.talent.partner_id
        # the web sign-up the person confirmed, kept as evidence of the double opt-in
        cls.signup = env["talent.signup"].sudo().create(
            {
                "email": cls.EMAIL,
                "name": cls.NAME,
                "phone": cls.PHONE,
                "company_id": env.company.id,
                "date_expiry": "2030-01-01 00:00:00",
                "date_confirmed": "2026-01-01 00:00:00",
                "partner_id": cls.partner.id,
                "ip_address": "198.51.100.7",
            }
        )
        job = env["hr.job"].create(
            {
                "name": "Onion Engineer",
                "applicant_properties_definition": [{"name": "nickname", "type": "char", "string": "Nickname"}],
            }
        )
        cls.application = env["hr.applicant"].create(
            {
                "partner_id": cls.partner.id,
                "job_id": job.id,
                "pool_applicant_id": cls.talent.id,
                "applicant_properties": {"nickname": "Zwiebel-Zora"},
                "salary_expected_extra": "Car for Zora Zwiebelmeier",
                "salary_proposed_extra": "Bike for Zwiebelmeier",
            }
        )
        cls.talent.talent_lead_close_reason = "Zora Zwiebelmeier moved to Zwickau"
        # chatter with a file, written by the person
        cls.message = cls.talent.message_post(
            body="Hi, Zora Zwiebelmeier here, call %s" % cls.PHONE,
            author_id=cls.partner.id,
            message_type="email",
            attachment_ids=[
                env["ir.attachment"]
                .create({"name": "zora.txt", "raw": b"Zora Zwiebelmeier CV", "res_model": "mail.compose.message"})
                .id
            ],
        )
        cls.message_attachment = cls.message.attachment_ids
        # a message to the person with its delivery (outgoing mail, failed notification)
        outgoing = cls.application.message_post(
            body="Dear Zora Zwiebelmeier", partner_ids=cls.partner.ids, message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        cls.notification = env["mail.notification"].search([("mail_message_id", "=", outgoing.id)], limit=1) or env[
            "mail.notification"
        ].create({"mail_message_id": outgoing.id, "res_partner_id": cls.partner.id, "notification_type": "email"})
        cls.notification.write(
            {"mail_email_address": cls.EMAIL, "failure_reason": "550 %s unknown" % cls.EMAIL}
        )
        cls.mail = env["mail.mail"].create(
            {"email_to": cls.EMAIL, "subject": "For Zora Zwiebelmeier", "body_html": "<p>Zora</p>"}
        )
        # mailing traces: email, SMS number, a click with its IP address
        mailing = env["mailing.mailing"].create(
            {"subject": "News", "mailing_model_id": env["ir.model"]._get_id("hr.applicant")}
        )
        cls.trace = env["mailing.trace"].create(
            {"model": "hr.applicant", "res_id": cls.talent.id, "email": cls.EMAIL, "mass_mailing_id": mailing.id}
        )
        cls.sms_trace = env["mailing.trace"].create(
            {
                "model": "hr.applicant",
                "res_id": cls.talent.id,
                "trace_type": "sms",
                "sms_number": cls.PHONE,
                "mass_mailing_id": mailing.id,
            }
        )
        link = env["link.tracker"].create({"url": "https://jobs.example.com/onion"})
        cls.click = env["link.tracker.click"].create(
            {
                "link_id": link.id,
                "ip": "198.51.100.77",
                "country_id": env.ref("base.de").id,
                "mailing_trace_id": cls.trace.id,
            }
        )
        # bounced and blacklisted address, consents with chatter, a CV suggestion
        cls.partner.sudo().write({"talent_bounced_email": cls.EMAIL})
        env["mail.blacklist"]._add(cls.EMAIL, message="Zora Zwiebelmeier asked to stop")
        cls.consent = env["talent.consent"].create(
            {"partner_id": cls.partner.id, "talent_id": cls.talent.id, "purpose": "communication"}
        )
        cls.consent.message_post(body="Consent of Zora Zwiebelmeier given by phone %s" % cls.PHONE)
        cls.cv = env["ir.attachment"].create(
            {"name": "Zora CV.txt", "raw": b"Zora Zwiebelmeier", "res_model": "hr.applicant", "res_id": cls.talent.id}
        )
        env["talent.cv.suggestion"].create(
            {"talent_id": cls.talent.id, "attachment_id": cls.cv.id, "kind": "email", "value": "zora@private.example"}
        )

    def _assert_nothing_identifies(self):
        env = self.env(su=True)
        needles = ("Zora", "Zwiebelmeier", "zora.zwiebelmeier", "555019977")

        def holds(value):
            return any(needle.lower() in str(value or "").lower() for needle in needles)

        records = [
            ("hr.applicant", (self.talent | self.application).with_env(env).with_context(active_test=False)),
            ("res.partner", self.partner.with_env(env).with_context(active_test=False)),
        ]
        for label, recs in records:
            for record in recs:
                for fname in (
                    "name",
                    "partner_name",
                    "email",
                    "email_from",
                    "phone",
                    "partner_phone",
                    "talent_city",
                    "talent_bounced_email",
                    "talent_lead_close_reason",
                    "salary_expected_extra",
                    "salary_proposed_extra",
                    "applicant_properties",
                ):
                    if fname in record._fields:
                        self.assertFalse(holds(record[fname]), "%s.%s still holds the person" % (label, fname))
        messages = env["mail.message"].search([])
        self.assertFalse(messages.filtered(lambda m: holds(m.body) or holds(m.subject) or holds(m.email_from)))
        tracking = env["mail.tracking.value"].search([])
        self.assertFalse(
            tracking.filtered(
                lambda t: holds(t.old_value_char) or holds(t.new_value_char) or holds(t.old_value_text)
                or holds(t.new_value_text)
            )
        )
        traces = env["mailing.trace"].search([])
        self.assertFalse(traces.filtered(lambda t: holds(t.email) or holds(t.sms_number)))
        self.assertFalse(self.click.with_env(env).ip)
        self.assertFalse(self.click.with_env(env).country_id)
        notifications = env["mail.notification"].search([])
        self.assertFalse(notifications.filtered(lambda n: holds(n.mail_email_address) or holds(n.failure_reason)))
        mails = env["mail.mail"].search([])
        self.assertFalse(mails.filtered(lambda m: holds(m.email_to) or holds(m.subject) or holds(m.body_html)))
        attachments = env["ir.attachment"].search([])
        self.assertFalse(attachments.filtered(lambda a: holds(a.name) or holds(a.index_content)))
        self.assertFalse(self.message_attachment.with_env(env).exists(), "the file of their message is deleted")
        self.assertFalse(self.cv.with_env(env).exists())
        blacklist = env["mail.blacklist"].with_context(active_test=False).search([])
        self.assertFalse(blacklist.filtered(lambda b: holds(b.email)))
        self.assertFalse(env["talent.cv.suggestion"].search([("talent_id", "=", self.talent.id)]))
        self.assertFalse(env["talent.cv.suggestion"].search([("value", "ilike", "zora")]))
        self.assertFalse(self.signup.with_env(env).exists(), "the sign-up kept as evidence goes with the person")
        self.assertFalse(env["talent.signup"].search([("email", "=", self.EMAIL)]))

    @users("talent_manager")
    def test_erasure_leaves_no_trace(self):
        self.talent.with_env(self.env).action_talent_crm_erase()
        self._assert_nothing_identifies()

    def test_privacy_lookup_lines_are_finished(self):
        wizard = self.env["privacy.lookup.wizard"].create({"name": self.NAME, "email": self.EMAIL})
        wizard.action_lookup()
        wizard.action_talent_crm_anonymize()
        self._assert_nothing_identifies()
        handled_models = {"hr.applicant", "res.partner", "mailing.trace", "talent.consent", "mail.blacklist"}
        lines = wizard.line_ids.filtered(lambda line: line.res_model in handled_models)
        self.assertTrue(lines)
        open_lines = lines.filtered(lambda line: not line.execution_details)
        self.assertFalse(open_lines, "open lines: %s" % open_lines.mapped(lambda line: (line.res_model, line.res_id)))

    def test_retention_leaves_no_trace(self):
        self.company.write({"talent_retention_months": 1, "talent_retention_notice_days": 1})
        self.application.action_archive()
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE hr_applicant SET create_date = %s WHERE id = %s", (datetime(2020, 1, 1), self.talent.id)
        )
        self.talent.invalidate_recordset(["create_date"])
        self.talent.modified(["create_date"])
        with freeze_time(datetime.now() + relativedelta(months=120)):
            cron = self.env.ref("talent_crm.ir_cron_talent_crm_retention")
            with self.enter_registry_test_mode():
                cron.sudo().method_direct_trigger()
        self.assertTrue(self.talent.with_context(active_test=False).talent_anonymized_date)
        self._assert_nothing_identifies()
