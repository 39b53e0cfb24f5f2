# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Issue 16, points 2, 6 and 7: erasure and retention hit only people of the talent pool,
evidence cannot be edited, and nothing identifies an erased person afterwards."""
import ast
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged, users

from .common import CSRF_RE, TalentCommunityHttpCommon, TalentCrmCommon, TalentLeadCommon, TalentNurtureCommon


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


class LifecycleMixin:
    """Issue 19: the retention cron as it runs every day, and the freezegun dates of a lifecycle."""

    T0 = datetime(2026, 1, 15, 10, 0)

    def _run_cron(self):
        cron = self.env.ref("talent_crm.ir_cron_talent_crm_retention")
        with self.enter_registry_test_mode():
            result = cron.sudo().method_direct_trigger()
        self.assertIs(result, True, "the cron ran without error: %s" % (result,))

    def _run_on(self, when):
        with freeze_time(when):
            self._run_cron()

    def _gone(self, record):
        return bool(record.with_context(active_test=False).talent_anonymized_date)

    def _backdate(self, records, when):
        self._set_create_date(records, when)
        records.modified(["create_date"])
        records.flush_recordset()


@tagged("post_install", "-at_install", "talent_crm")
class TestLifecycleByLegalBasis(LifecycleMixin, TalentLeadCommon):
    """Issue 19, point 1: each legal basis keeps the data its own time, then the person goes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "talent_retention_months": 24,
                "talent_retention_notice_days": 30,
                "talent_application_retention_months": 6,
                "talent_legitimate_interest_months": 12,
            }
        )

    def _person(self, name):
        return self.env["res.partner"].create({"name": name, "email": "%s@example.net" % name.split()[0].lower()})

    def test_defaults_and_settings(self):
        company = self.env["res.company"].create({"name": "Fresh GmbH"})
        self.assertEqual(company.talent_application_retention_months, 6)
        self.assertEqual(company.talent_legitimate_interest_months, 12)
        with self.assertRaises(ValidationError):
            company.talent_application_retention_months = -1
        settings = self.env["res.config.settings"].create({"talent_application_retention_months": 7})
        settings.execute()
        self.assertEqual(self.env.company.talent_application_retention_months, 7)

    def test_refused_applicant_goes_at_six_months_and_not_a_day_before(self):
        with freeze_time(self.T0):
            application = self._application("Paula Plain")
            self._refuse(application, send_mail=False)
        application = application.with_context(active_test=False)
        self.assertRecordValues(
            application,
            [
                {
                    "talent_legal_basis": "application",
                    "talent_closed_date": self.T0.date(),
                    "talent_retention_date": self.T0.date() + relativedelta(months=6),
                    "talent_retention_reason": "application",
                }
            ],
        )
        self.assertIn(self.job.name, application.talent_legal_basis_evidence)
        self._run_on(self.T0 + relativedelta(months=6) - timedelta(days=1))
        self._run_on(self.T0 + relativedelta(months=6))
        self.assertFalse(self._gone(application), "kept through the last day of the period")
        self.assertEqual(application.partner_name, "Paula Plain")
        self._run_on(self.T0 + relativedelta(months=6, days=1))
        self.assertTrue(self._gone(application))
        self.assertNotIn("Paula", application.partner_name)
        self.assertFalse(application.email_from)
        self.assertIn("retention of applications", application.message_ids[0].body)
        # statistics stay: the job, the refuse reason, the stage
        self.assertEqual((application.job_id, application.refuse_reason_id), (self.job, self.refuse_reason))
        self.assertFalse(application.talent_retention_date, "no longer in the deletion calendar")

    def test_last_application_counts(self):
        person = self._person("Lena Last")
        with freeze_time(self.T0):
            first = self._application("Lena Last", partner_id=person.id, email_from=person.email)
            # Odoo's refuse wizards do not recompute together: one at a time, as in the browser
            self._refuse(first, send_mail=False).unlink()
        with freeze_time(self.T0 + relativedelta(months=4)):
            second = self._application("Lena Last", job=self.job_2, partner_id=person.id, email_from=person.email)
            self._refuse(second, send_mail=False)
        expected = (self.T0 + relativedelta(months=10)).date()
        self.assertEqual(first.with_context(active_test=False).talent_retention_date, expected)
        self._run_on(self.T0 + relativedelta(months=7))
        self.assertFalse(self._gone(first), "the person's last application started the period again")
        self._run_on(self.T0 + relativedelta(months=10, days=1))
        self.assertTrue(self._gone(first) and self._gone(second))

    def test_ongoing_application_is_never_anonymised(self):
        person = self._person("Otto Ongoing")
        with freeze_time(self.T0):
            refused = self._application("Otto Ongoing", partner_id=person.id, email_from=person.email)
            self._refuse(refused, send_mail=False).unlink()
            ongoing = self._application("Otto Ongoing", job=self.job_2, partner_id=person.id, email_from=person.email)
        self.assertFalse(refused.with_context(active_test=False).talent_retention_date)
        self.assertEqual(ongoing.application_status, "ongoing")
        self._run_on(self.T0 + relativedelta(years=3))
        self.assertFalse(self._gone(refused) or self._gone(ongoing))
        # even with a retention date forced into the past, the cron checks again before it anonymises
        self.env.cr.execute(
            "UPDATE hr_applicant SET talent_retention_date = %s WHERE id IN %s",
            (self.T0.date(), tuple((refused | ongoing).ids)),
        )
        self.env.invalidate_all()
        self._run_on(self.T0 + relativedelta(years=3))
        self.assertFalse(self._gone(refused) or self._gone(ongoing))

    def test_hired_people_leave_the_lifecycle(self):
        with freeze_time(self.T0):
            application = self._application("Hanna Hired")
            application.stage_id = self.stage_hired
        self.assertEqual(application.talent_legal_basis, "hired")
        self.assertFalse(application.talent_retention_date)
        self._run_on(self.T0 + relativedelta(years=5))
        self.assertFalse(self._gone(application))

    def test_sourced_contact_goes_after_the_period(self):
        talent = self._create_talent("Sven Sourced", source_id=self.source.id)
        self._backdate(talent, self.T0)
        self.assertRecordValues(
            talent,
            [
                {
                    "talent_legal_basis": "legitimate_interest",
                    "talent_legal_basis_date": self.T0.date(),
                    "talent_retention_date": self.T0.date() + relativedelta(months=12),
                    "talent_retention_reason": "legitimate_interest",
                }
            ],
        )
        self.assertIn(self.source.name, talent.talent_legal_basis_evidence)
        self._run_on(self.T0 + relativedelta(months=12))
        self.assertFalse(self._gone(talent))
        self._run_on(self.T0 + relativedelta(months=12, days=1))
        self.assertTrue(self._gone(talent))
        self.assertFalse(talent.partner_id.with_context(active_test=False).email)

    def test_objection_stops_everything(self):
        talent = self._create_talent("Olli Objects", source_id=self.source.id)
        self._backdate(talent, self.T0)
        with freeze_time(self.T0 + relativedelta(months=1)):
            talent.with_user(self.user_recruiter).action_talent_record_objection()
        self.assertTrue(talent.talent_objection_date)
        self.assertTrue(talent.partner_id.talent_do_not_contact)
        self.assertIn(
            "do_not_contact", talent.partner_id._talent_contact_blockers("email", self.company)[talent.partner_id.id]
        )
        self.assertEqual(talent.talent_retention_reason, "objection")
        self.assertEqual(talent.talent_retention_date, (self.T0 + relativedelta(months=1)).date())
        self._run_on(self.T0 + relativedelta(months=1, days=1))
        self.assertTrue(self._gone(talent), "processed no longer: anonymised at the next daily run")
        with self.assertRaises(AccessError):
            self._create_talent("Eve Employee").with_user(self.user_employee).action_talent_record_objection()

    def test_objection_does_not_cut_the_application_period(self):
        person = self._person("Ada Applied")
        with freeze_time(self.T0):
            application = self._application("Ada Applied", partner_id=person.id, email_from=person.email)
            self._refuse(application, send_mail=False)
            application.with_context(active_test=False).action_talent_record_objection()
        application = application.with_context(active_test=False)
        self.assertEqual(application.talent_legal_basis, "application")
        self.assertEqual(application.talent_retention_date, self.T0.date() + relativedelta(months=6))

    def test_consent_shows_its_evidence(self):
        talent = self._create_talent("Cora Consent")
        consent = self.env["talent.consent"].create(
            {
                "partner_id": talent.partner_id.id,
                "talent_id": talent.id,
                "purpose": "talent_pool",
                "source": "signup",
                "confirmation_required": True,
            }
        )
        self.assertEqual(talent.talent_legal_basis, "legitimate_interest", "a consent awaiting confirmation is none")
        consent._talent_confirm()
        self.assertEqual(talent.talent_legal_basis, "consent")
        self.assertIn("confirmed by the person", talent.talent_legal_basis_evidence)
        self.assertEqual(talent.talent_retention_date, consent.date_expiry)

    def test_hold_wins_and_dry_run_tells(self):
        with freeze_time(self.T0):
            application = self._application("Hugo Held")
            self._refuse(application, send_mail=False)
        application = application.with_context(active_test=False)
        with freeze_time(self.T0 + relativedelta(months=1)):
            hold = (
                self.env["talent.retention.hold"]
                .with_user(self.user_manager)
                .create({"applicant_id": application.id, "reason": "litigation", "note": "ArbG Berlin 12 Ca 345/26"})
            )
        self.assertEqual(hold.company_id, self.company)
        with freeze_time(self.T0 + relativedelta(months=7)):
            action = self.env["hr.applicant"].with_user(self.user_manager).action_talent_retention_dry_run()
            self.assertIn(("id", "in", application.ids), action["domain"])
            self.assertIn("0 to anonymise, 1 on hold", action["name"])
            self._run_cron()
        self.assertFalse(self._gone(application), "a hold always wins")
        hold.action_archive()
        with freeze_time(self.T0 + relativedelta(months=7)):
            action = self.env["hr.applicant"].with_user(self.user_manager).action_talent_retention_dry_run()
            self.assertIn("1 to anonymise, 0 on hold", action["name"])
            self.assertFalse(self._gone(application), "a dry run changes nothing")
            self._run_cron()
        self.assertTrue(self._gone(application))
        with self.assertRaises(AccessError):
            self.env["hr.applicant"].with_user(self.user_recruiter).action_talent_retention_dry_run()

    def test_monthly_digest_counts_the_anonymised(self):
        digest = self.env.ref("talent_crm.digest_digest_talent_crm")
        self.assertTrue(digest.kpi_talent_crm_anonymised, "on in the monthly Talent CRM digest")
        with freeze_time(self.T0):
            application = self._application("Dora Digest")
            self._refuse(application, send_mail=False)
        self._run_on(self.T0 + relativedelta(months=6, days=2))
        digest = digest.with_user(self.user_manager).with_context(
            start_datetime=self.T0 + relativedelta(months=6), end_datetime=self.T0 + relativedelta(months=7)
        )
        self.assertEqual(digest.kpi_talent_crm_anonymised_value, 1)
        digest.invalidate_recordset()
        digest = digest.with_context(
            start_datetime=self.T0 + relativedelta(months=7), end_datetime=self.T0 + relativedelta(months=8)
        )
        self.assertEqual(digest.kpi_talent_crm_anonymised_value, 0)

    def test_two_runs_give_the_same_result(self):
        with freeze_time(self.T0):
            application = self._application("Ida Idempotent")
            self._refuse(application, send_mail=False)
        application = application.with_context(active_test=False)
        when = self.T0 + relativedelta(months=6, days=1)
        self._run_on(when)
        state = (application.talent_anonymized_date, application.partner_name, len(application.message_ids))
        self._run_on(when + timedelta(days=1))
        self.assertEqual(
            (application.talent_anonymized_date, application.partner_name, len(application.message_ids)), state
        )


@tagged("post_install", "-at_install", "talent_crm")
class TestLifecycleUpgrade(LifecycleMixin, TalentLeadCommon):
    """Issue 19, point 3: applicants from before talent_crm get a basis from what is known."""

    def test_existing_applicants_get_a_basis_and_the_rest_is_listed(self):
        self.company.write({"talent_application_retention_months": 6, "talent_legitimate_interest_months": 12})
        refused = self._application("Rudi Refused")
        archived = self._application("Anke Archived", job=self.job_2)
        ongoing = self._application("Olaf Ongoing")
        sourced = self._create_talent("Sina Sourced")
        stray = self.env["hr.applicant"].create({"partner_name": "Stray Record"})
        refused.write({"refuse_reason_id": self.refuse_reason.id, "active": False, "refuse_date": self.T0})
        archived.action_archive()
        records = refused | archived | ongoing | sourced | stray
        self._set_create_date(records, self.T0 - relativedelta(months=1))
        # as the database was before the update: nothing of the lifecycle yet, archived long ago
        self.env.cr.execute(
            "UPDATE hr_applicant SET talent_legal_basis = NULL, talent_retention_date = NULL, "
            "talent_retention_reason = NULL, talent_closed_date = NULL, write_date = %s WHERE id IN %s",
            (self.T0 + relativedelta(months=2), tuple(records.ids)),
        )
        self.env.invalidate_all()
        with freeze_time(self.T0 + relativedelta(years=1)):
            unclassified = self.env["hr.applicant"]._talent_lifecycle_upgrade()
        self.assertIn(stray, unclassified)
        self.assertFalse((refused | archived | ongoing | sourced) & unclassified)
        records = records.with_context(active_test=False)
        self.assertRecordValues(
            records,
            [
                {"talent_legal_basis": "application", "talent_retention_date": date(2026, 7, 15)},
                {"talent_legal_basis": "application", "talent_retention_date": date(2026, 9, 15)},
                {"talent_legal_basis": "application", "talent_retention_date": False},
                {
                    "talent_legal_basis": "legitimate_interest",
                    "talent_retention_date": (self.T0 + relativedelta(months=11)).date(),
                },
                {"talent_legal_basis": False, "talent_retention_date": False},
            ],
        )
        action = self.env.ref("talent_crm.hr_applicant_action_talent_unclassified")
        listed = self.env["hr.applicant"].with_context(active_test=False).search(ast.literal_eval(action.domain))
        self.assertIn(stray, listed)
        self.assertNotIn(refused, listed)


@tagged("post_install", "-at_install", "talent_crm")
class TestRunnersUpAreAsked(LifecycleMixin, TalentLeadCommon):
    """Issue 19, point 2: refusing a runner-up asks whether they stay; they wait, pending."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {"talent_retention_months": 24, "talent_application_retention_months": 6, "email": "jobs@example.com"}
        )

    def _refuse_runners_up(self, names):
        with freeze_time(self.T0):
            applications = self.env["hr.applicant"].concat(
                *(self._application(name, stage=self.stage_final) for name in names)
            )
            # as Odoo's refuse action opens it: refused applications are archived
            form = Form(
                self.env["applicant.get.refuse.reason"].with_context(
                    active_test=False, default_applicant_ids=applications.ids
                )
            )
            form.refuse_reason_id = self.refuse_reason
            self.assertTrue(form.talent_invite_community)
            self.assertEqual(form.template_id, self.env.ref("talent_crm.mail_template_talent_pool_request"))
            form.save().action_refuse_reason_apply()
        return applications.with_context(active_test=False)

    def test_runner_up_who_confirms_stays_one_who_does_not_goes(self):
        keep, drop = self._refuse_runners_up(["Kira Keeps", "Dirk Drops"])
        pool = self.company.talent_runners_up_pool_id
        for application in keep | drop:
            talent = application.pool_applicant_id
            self.assertIn(pool, talent.talent_pool_ids, "waits in the Runners-up pool")
            consent = talent.partner_id.talent_consent_ids.filtered(lambda c: c.purpose == "talent_pool")
            self.assertEqual(consent.state, "pending")
            self.assertEqual(talent.talent_legal_basis, "application", "asked, not assumed")
            self.assertEqual(talent.talent_retention_date, self.T0.date() + relativedelta(months=6))
            mail = self.env["mail.mail"].sudo().search(
                [("email_to", "=", application.email_from)], order="id desc", limit=1
            )
            self.assertIn("may we keep your profile", mail.subject)
            self.assertIn("/talent/my-preferences/stay", mail.body_html, "a placeholder until it leaves")
            outgoing = mail._prepare_outgoing_list()
            self.assertIn(
                talent.partner_id._talent_preference_url(company=self.company) + "/stay", outgoing[0]["body"]
            )
            self.assertNotIn(
                "/talent/preferences/",
                "".join(application.message_ids.mapped("body")),
                "no personal link in the chatter",
            )
        with freeze_time(self.T0 + relativedelta(days=3)):
            confirmed = self.env["talent.consent"]._talent_confirm_pool_request(
                keep.partner_id, self.company, ip_address="198.51.100.4"
            )
        self.assertEqual(confirmed.state, "valid")
        self.assertEqual(confirmed.ip_address, "198.51.100.4")
        self.assertEqual(keep.pool_applicant_id.talent_legal_basis, "consent")
        self.assertFalse(
            self.env["talent.consent"]._talent_confirm_pool_request(keep.partner_id, self.company),
            "a second click confirms nothing more",
        )
        self._run_on(self.T0 + relativedelta(months=6, days=1))
        self.assertFalse(self._gone(keep.pool_applicant_id) or self._gone(keep))
        self.assertTrue(self._gone(drop.pool_applicant_id) and self._gone(drop))

    def test_bulk_refusal_asks_each_once(self):
        applications = self._refuse_runners_up(["Bea Bulk", "Bob Bulk"])
        consents = self.env["talent.consent"].search(
            [("partner_id", "in", applications.partner_id.ids), ("purpose", "=", "talent_pool")]
        )
        self.assertEqual(len(consents), 2)
        applications.pool_applicant_id._talent_ask_pool_consent()
        applications._talent_ask_pool_consent()
        self.assertEqual(
            self.env["talent.consent"].search_count(
                [("partner_id", "in", applications.partner_id.ids), ("purpose", "=", "talent_pool")]
            ),
            2,
        )


@tagged("post_install", "-at_install", "talent_crm")
class TestPendingPeopleAreNotContacted(TalentNurtureCommon):
    """Issue 19, point 2: no campaign or nurture reaches a runner-up awaiting their confirmation."""

    def test_no_campaign_and_no_nurture_for_a_pending_person(self):
        job = self.env["hr.job"].create({"name": "Data Engineer (pending test)", "company_id": self.company.id})
        pia = self._create_nurture_talent("Pia Pending")
        clara = self._create_nurture_talent("Clara Contactable")
        application = self.env["hr.applicant"].create(
            {"partner_id": pia.partner_id.id, "job_id": job.id, "pool_applicant_id": pia.id}
        )
        application._talent_ask_pool_consent()
        mailing = self.env["mailing.mailing"].create(
            {
                "subject": "News",
                "mailing_type": "mail",
                "mailing_model_id": self.env["ir.model"]._get_id("hr.applicant"),
                "mailing_domain": "[]",
                "body_html": "<p>Hello</p>",
                "talent_pool_ids": [Command.set(self.pool.ids)],
            }
        )
        recipients = mailing._get_recipients()
        self.assertIn(clara.id, recipients)
        self.assertNotIn(pia.id, recipients)
        enrollments = (pia | clara)._talent_enroll(self.sequence)
        self._run_scheduler()
        self.assertFalse(self._mails(pia, self.step_email))
        self.assertEqual(len(self._mails(clara, self.step_email)), 1)
        self.assertTrue(enrollments)
        # once confirmed, the person is reachable again
        self.env["talent.consent"]._talent_confirm_pool_request(pia.partner_id, self.company)
        self.assertIn(pia.id, mailing._get_recipients())


@tagged("post_install", "-at_install", "talent_crm")
class TestRetentionHoldAccess(TalentCrmCommon):
    """Issue 19, point 4: managers place holds, Talent CRM users and the data-protection officer
    read them, the works council (no personal data) and nobody else sees them, and no company
    sees another's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.talent = cls._create_talent("Hold Person")
        cls.hold = cls.env["talent.retention.hold"].create({"applicant_id": cls.talent.id, "reason": "dispute"})
        for login, name, group in (
            ("talent_council", "Werner Council", "talent_crm.group_talent_crm_works_council"),
            ("talent_dpo", "Dana Protection", "talent_crm.group_talent_crm_dpo"),
        ):
            new_test_user(
                cls.env,
                login=login,
                name=name,
                groups=group,
                company_id=cls.company.id,
                company_ids=[Command.set(cls.company.ids)],
            )
        cls.other_talent = cls._create_talent("Other Hold", company_id=cls.other_company.id, talent_pool_ids=False)
        cls.other_hold = cls.env["talent.retention.hold"].create(
            {"applicant_id": cls.other_talent.id, "reason": "litigation"}
        )

    @users("talent_manager")
    def test_manager_places_and_lifts_holds(self):
        Hold = self.env["talent.retention.hold"]
        hold = Hold.create({"applicant_id": self.talent.id, "reason": "litigation"})
        hold.write({"date_end": "2030-01-01"})
        hold.action_archive()
        self.assertEqual(Hold.search([]), self.hold)
        with self.assertRaises(ValidationError):
            Hold.create({"applicant_id": self.talent.id, "date_start": "2030-01-02", "date_end": "2030-01-01"})

    @users("talent_recruiter", "talent_dpo")
    def test_readers_cannot_write(self):
        hold = self.hold.with_env(self.env)
        self.assertEqual(hold.reason, "dispute")
        with self.assertRaises(AccessError):
            hold.write({"reason": "other"})
        with self.assertRaises(AccessError):
            self.env["talent.retention.hold"].create({"applicant_id": self.talent.id, "reason": "other"})
        with self.assertRaises(AccessError):
            hold.unlink()

    @users("talent_employee", "talent_council")
    def test_employee_and_council_see_no_hold(self):
        with self.assertRaises(AccessError):
            self.env["talent.retention.hold"].search([])

    @users("talent_other_recruiter")
    def test_other_company_sees_only_its_holds(self):
        self.assertEqual(self.env["talent.retention.hold"].search([]), self.other_hold)
        with self.assertRaises(AccessError):
            self.hold.with_env(self.env).read(["reason"])


@tagged("post_install", "-at_install", "talent_crm")
class TestStayInPoolPage(TalentCommunityHttpCommon):
    """Issue 19, point 2: the one-click answer, over HTTP, as the person and as an attacker."""

    def setUp(self):
        super().setUp()
        self.job = self.env["hr.job"].create({"name": "SRE (stay test)", "company_id": self.company.id})
        self.partner = self.env["res.partner"].create({"name": "Stella Stay", "email": "stella@example.com"})
        self.application = self.env["hr.applicant"].create(
            {"partner_id": self.partner.id, "job_id": self.job.id, "email_from": self.partner.email}
        )
        self.application._talent_ask_pool_consent()
        self.consent = self.env["talent.consent"].search(
            [("partner_id", "=", self.partner.id), ("purpose", "=", "talent_pool")]
        )
        self.path = "/talent/preferences/%s/stay" % self.partner._talent_access_token("preferences", self.company)

    def test_person_confirms_with_one_click(self):
        page = self.url_open(self.path)
        self.assertEqual(page.status_code, 200)
        self.assertIn("May we keep your profile?", page.text)
        self.assertEqual(self.consent.state, "pending", "opening the link confirms nothing (mail scanners)")
        response = self.url_open(self.path, data={"csrf_token": CSRF_RE.search(page.text).group(1)})
        self.assertEqual(response.status_code, 200)
        self.assertIn("we keep your profile", response.text)
        self.consent.invalidate_recordset()
        self.assertEqual(self.consent.state, "valid")
        self.assertTrue(self.consent.ip_address, "the click is recorded with its address")
        talent = self.partner._talent_get_company_talent(self.company)
        self.assertTrue(talent, "the person joined a pool")
        self.assertEqual(talent.talent_legal_basis, "consent")

    def test_forged_or_foreign_token_and_missing_csrf(self):
        other = self.env["res.partner"].create({"name": "Mallory", "email": "mallory@example.com"})
        for path in (
            "/talent/preferences/not-a-token/stay",
            "/talent/preferences/%s/stay" % other._talent_access_token("preferences", self.company)[:-2],
        ):
            response = self.url_open(path)
            self.assertEqual(response.status_code, 403, path)
        foreign = "/talent/preferences/%s/stay" % other._talent_access_token("preferences", self.company)
        page = self.url_open(foreign)
        self.url_open(foreign, data={"csrf_token": CSRF_RE.search(page.text).group(1)})
        self.consent.invalidate_recordset()
        self.assertEqual(self.consent.state, "pending", "another person's link confirms nothing of Stella's")
        response = self.url_open(self.path, data={"confirm": "1"})
        self.assertEqual(response.status_code, 400, "no CSRF token, no confirmation")
        self.consent.invalidate_recordset()
        self.assertEqual(self.consent.state, "pending")


@tagged("post_install", "-at_install", "talent_crm")
class TestInformationNotice(LifecycleMixin, TalentLeadCommon):
    """Issue 19, point 1: people kept on legitimate interest are told once, at the daily run after
    their capture (Art. 14 GDPR: within a month at the latest), with a link to see, download or
    delete their data; people kept on consent or an application are not."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write({"email": "jobs@example.com", "talent_legitimate_interest_months": 12})

    def _notices(self, talent):
        return self.env["mail.mail"].sudo().search(
            [("model", "=", "hr.applicant"), ("res_id", "=", talent.id), ("subject", "ilike", "keeps your profile")]
        )

    def test_sourced_contact_is_told_once_with_a_personal_link(self):
        talent = self._create_talent("Ines Informed", source_id=self.source.id)
        self.assertEqual(talent.talent_legal_basis, "legitimate_interest")
        self.assertFalse(talent.talent_information_date)
        self._run_on(self.T0)
        mail = self._notices(talent)
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.recipient_ids, talent.partner_id)
        self.assertIn("Art. 6(1)(f)", mail.body_html)
        self.assertIn(self.source.name, mail.body_html)
        self.assertIn("after 12 months", " ".join(mail.body_html.split()), "the period the data is kept")
        self.assertEqual(talent.talent_information_date, self.T0)
        touch = self.env["talent.touch"].search([("talent_id", "=", talent.id), ("origin", "=", "community")])
        self.assertEqual(len(touch), 1)
        self.assertFalse(touch.counts_toward_cap, "a legal notice does not use up the person's cap")
        # the placeholder becomes the person's own signed link when the email leaves (as in every
        # email to people: tests/test_personal_links.py)
        self.assertIn("/talent/my-preferences", mail.body_html)
        # told once: the next runs send nothing
        self._run_on(self.T0 + relativedelta(days=1))
        self._run_on(self.T0 + relativedelta(days=20))
        self.assertEqual(len(self._notices(talent)), 1)

    def test_people_on_consent_or_application_are_not_told(self):
        applicant = self._application("Anton Applicant")
        consented = self._create_talent("Carla Consent", source_id=self.source.id)
        self.env["talent.consent"].create(
            {
                "partner_id": consented.partner_id.id,
                "talent_id": consented.id,
                "company_id": self.company.id,
                "purpose": "talent_pool",
                "legal_basis": "consent",
                "source": "recruiter",
            }
        )
        consented.invalidate_recordset()
        self.assertNotEqual(consented.talent_legal_basis, "legitimate_interest")
        self._run_on(self.T0)
        self.assertFalse(self._notices(consented))
        self.assertFalse(self._notices(applicant))
        self.assertFalse(consented.talent_information_date)

    def test_an_unreachable_person_is_marked_with_the_reason(self):
        talent = self._create_talent("Bernd Blacklisted", source_id=self.source.id)
        self.env["mail.blacklist"].sudo()._add(talent.email_from)
        self._run_on(self.T0)
        self.assertFalse(self._notices(talent))
        self.assertEqual(talent.talent_information_date, self.T0, "not retried every day")
        self.assertIn("could not be sent", talent.message_ids[0].body)
        self.assertIn("Blacklisted", talent.message_ids[0].body)
