# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Employee referrals: every employee refers, sees their own referrals and a safe status;
the person becomes a talent (found again, never duplicated) and is informed (Art. 14 GDPR)."""

import re
from datetime import timedelta
from unittest.mock import patch

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged, users

from odoo.addons.base.tests.common import MockSmtplibCase

from .common import TalentCrmCommon

SIGNED_RE = re.compile(r"/talent/preferences/[A-Za-z0-9_\-]{20,}")


@tagged("post_install", "-at_install", "talent_crm")
class TestReferral(TalentCrmCommon, MockSmtplibCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write({"email": "jobs@example.com"})
        cls.source = cls.env.ref("talent_crm.utm_source_referral")
        cls.tag = cls.env.ref("talent_crm.hr_applicant_category_referral")
        cls.user_employee_2 = new_test_user(
            cls.env,
            login="talent_employee_2",
            name="Erna Employee",
            groups="base.group_user",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.user_other_employee = new_test_user(
            cls.env,
            login="talent_other_employee",
            name="Otto Other",
            groups="base.group_user",
            company_id=cls.other_company.id,
            company_ids=[Command.set(cls.other_company.ids)],
        )
        cls.department = cls.env["hr.department"].create({"name": "Engineering (test)", "company_id": cls.company.id})
        cls.env["hr.employee"].create(
            {
                "name": "Emil Employee",
                "user_id": cls.user_employee.id,
                "company_id": cls.company.id,
                "department_id": cls.department.id,
            }
        )
        cls.job = cls.env["hr.job"].create({"name": "Backend Engineer (referral)", "company_id": cls.company.id})

    def _refer(self, user=None, **values):
        vals = {
            "name": "Nora Newperson",
            "email": "Nora.Newperson@Example.com",
            "profile_url": "linkedin.com/in/nora-newperson/",
            "job_id": self.job.id,
            "role_family_id": self.role_backend.id,
            "relationship": "colleague",
            "note": "Great at Python",
        }
        vals.update(values)
        return self.env["talent.referral"].with_user(user or self.user_employee).create(vals)

    def _talents(self, email):
        return (
            self.env["hr.applicant"]
            .with_context(active_test=False)
            .search([("email_normalized", "=", email), ("talent_pool_ids", "!=", False)])
        )

    def _notices(self, talent):
        template = self.env.ref("talent_crm.mail_template_talent_referral_notice")
        return self.env["mail.mail"].sudo().search(
            [("model", "=", "hr.applicant"), ("res_id", "=", talent.id), ("subject", "ilike", "recommended")]
        ).filtered(lambda m: template.name and m.recipient_ids == talent.partner_id)

    # ------------------------------------------------------------
    # A new person
    # ------------------------------------------------------------

    def test_new_person_becomes_talent_with_source_basis_and_notice(self):
        referral = self._refer()
        talent = self._talents("nora.newperson@example.com")
        self.assertEqual(len(talent), 1)
        self.assertEqual(referral.sudo().talent_id, talent)
        self.assertFalse(referral.sudo().talent_known)
        self.assertEqual(referral.referrer_id, self.user_employee)
        self.assertEqual(referral.department_id, self.department)
        self.assertEqual(referral.state, "received")
        self.assertEqual(talent.source_id, self.source)
        self.assertEqual(talent.partner_name, "Nora Newperson")
        self.assertEqual(talent.linkedin_profile, "https://www.linkedin.com/in/nora-newperson")
        self.assertEqual(talent.talent_role_family_id, self.role_backend)
        self.assertEqual(talent.talent_pool_ids, self.company._talent_get_default_pool())
        self.assertIn(self.tag, talent.categ_ids)
        consent = self.env["talent.consent"].sudo().search([("talent_id", "=", talent.id)])
        self.assertEqual(consent.mapped("legal_basis"), ["legitimate_interest"])
        self.assertEqual(consent.source, "referral")
        # recruiters see the referrer on the talent
        notes = talent.message_ids.filtered(lambda m: "Referred by Emil Employee" in str(m.body))
        self.assertTrue(notes)
        self.assertIn("Great at Python", str(notes.body))
        # the information email, to the person, with the referrer and both links
        mail = self._notices(talent)
        self.assertEqual(len(mail), 1)
        self.assertTrue(talent.talent_information_date, "the referral notice is the Art. 14 information")
        self.assertNotIn(talent, talent.search(talent._talent_information_due_domain()), "no second notice")
        self.assertIn("Emil Employee", mail.body_html)
        self.assertIn("/talent/my-preferences", mail.body_html)
        self.assertIn("/talent/join", mail.body_html)

    def test_erasure_clears_what_the_referrer_typed(self):
        referral = self._refer()
        talent = referral.sudo().talent_id
        # as an erasure request and the retention cron erase a person
        talent.partner_id._talent_anonymize(applicants=talent)
        talent._talent_anonymize()
        self.env.invalidate_all()
        values = referral.sudo().read(["name", "email", "profile_url", "note", "referrer_id", "state"])[0]
        self.assertNotIn("Nora", values["name"])
        self.assertNotIn("newperson", values["email"].lower())
        self.assertFalse(values["profile_url"])
        self.assertFalse(values["note"])
        self.assertEqual(values["referrer_id"][0], self.user_employee.id, "the referral itself counts on")

    def test_notice_link_opens_the_persons_preference_centre(self):
        self._refer()
        talent = self._talents("nora.newperson@example.com")
        mail = self._notices(talent)
        sent = []
        server_class = type(self.env["ir.mail_server"])
        original = server_class._build_email__

        def build_email(server, email_from, email_to, subject, body, *args, **kwargs):
            sent.append((email_to, body))
            return original(server, email_from, email_to, subject, body, *args, **kwargs)

        with self.mock_smtplib_connection(), patch.object(server_class, "_build_email__", build_email):
            mail.sudo().send(raise_exception=False)
        self.assertEqual(len(sent), 1)
        email_to, body = sent[0]
        self.assertIn("nora.newperson@example.com", str(email_to).lower())
        match = SIGNED_RE.search(body)
        self.assertTrue(match, "the email that left carries the person's own link")
        partner, company = self.env["res.partner"]._talent_from_token("preferences", match.group(0).rsplit("/", 1)[1])
        self.assertEqual(partner, talent.partner_id)
        self.assertEqual(company, self.company)

    # ------------------------------------------------------------
    # Known people
    # ------------------------------------------------------------

    def test_known_person_is_matched_not_duplicated_nor_mailed(self):
        known = self._create_talent("Nora Newperson", email_from="nora.newperson@example.com")
        known.with_context(
            talent_lead_system=True, talent_lead_date=fields.Datetime.now() - timedelta(days=3)
        ).talent_lead_state = "activated"
        referral = self._refer()
        self.assertEqual(self._talents("nora.newperson@example.com"), known)
        self.assertEqual(referral.sudo().talent_id, known)
        self.assertTrue(referral.sudo().talent_known)
        self.assertIn(self.tag, known.categ_ids)
        self.assertEqual(known.linkedin_profile, "https://www.linkedin.com/in/nora-newperson")
        self.assertEqual(known.talent_pool_ids, self.pool, "the pools of a known talent stay as they are")
        self.assertFalse(self._notices(known), "a known person is not mailed again")
        # the state the talent had before the referral is not the referral's to tell
        self.assertEqual(referral.state, "received")

    def test_blocked_people_are_left_alone(self):
        self.env["mail.blacklist"].sudo()._add("blocked.person@example.com")
        referral = self._refer(name="Blocked Person", email="blocked.person@example.com")
        self.assertFalse(self._talents("blocked.person@example.com"))
        self.assertTrue(referral.sudo().talent_skip_reason)
        self.assertFalse(self.env["mail.mail"].sudo().search([("email_to", "ilike", "blocked.person")]))
        # a talent who asked not to be contacted stays as it is
        talent = self._create_talent("Dora Donot", email_from="dora.donot@example.com")
        talent.talent_lead_state = "do_not_contact"
        referral = self._refer(name="Dora Donot", email="dora.donot@example.com", profile_url=False)
        self.assertTrue(referral.sudo().talent_skip_reason)
        self.assertNotIn(self.tag, talent.categ_ids)
        self.assertFalse(self._notices(talent))

    # ------------------------------------------------------------
    # Access
    # ------------------------------------------------------------

    @users("talent_employee_2")
    def test_employee_reads_own_referrals_only_and_no_talent(self):
        mine = self._refer(user=self.env.user, name="Paula Peer", email="paula.peer@example.com")
        others = self._refer(user=self.user_employee)
        Referral = self.env["talent.referral"]
        self.assertEqual(Referral.search([]), mine)
        with self.assertRaises(AccessError):
            Referral.browse(others.id).read(["name"])
        # what they typed and the status; not the talent
        values = Referral.browse(mine.id).read(["name", "email", "note", "state"])[0]
        self.assertEqual(values["email"], "paula.peer@example.com")
        self.assertEqual(values["state"], "received")
        with self.assertRaises(AccessError):
            Referral.browse(mine.id).read(["talent_id"])
        talent = mine.sudo().talent_id
        with self.assertRaises(AccessError):
            self.env["hr.applicant"].browse(talent.id).read(["partner_name"])
        with self.assertRaises(AccessError):
            Referral.browse(mine.id).write({"note": "changed"})
        with self.assertRaises(AccessError):
            Referral.browse(mine.id).unlink()

    @users("talent_employee_2")
    def test_employee_cannot_forge_the_referrer_or_the_talent(self):
        other_talent = self._create_talent("Someone Else", env=self.env(su=True))
        referral = self._refer(
            user=self.env.user, referrer_id=self.user_employee.id, talent_id=other_talent.id, talent_known=True
        )
        self.assertEqual(referral.referrer_id, self.user_employee_2)
        self.assertNotEqual(referral.sudo().talent_id, other_talent)
        self.assertFalse(referral.sudo().talent_known)

    @users("talent_recruiter")
    def test_recruiter_sees_all_referrals_of_the_company_with_the_talent(self):
        first = self._refer(user=self.user_employee)
        second = self._refer(user=self.user_employee_2, name="Paula Peer", email="paula.peer@example.com")
        Referral = self.env["talent.referral"]
        self.assertEqual(Referral.search([]), first | second)
        talent = Referral.browse(first.id).talent_id
        self.assertEqual(talent.email_normalized, "nora.newperson@example.com")
        # the referrals of an application reach the talent it was created from
        application = self.env["hr.applicant"].sudo().create(
            {
                "partner_id": talent.partner_id.id,
                "job_id": self.job.id,
                "pool_applicant_id": talent.id,
                "company_id": self.company.id,
            }
        )
        self.assertEqual(Referral.search([("talent_applicant_id", "in", [application.id])]), first)
        self.assertEqual(Referral.search([("talent_applicant_id", "in", [talent.id])]), first)

    def test_other_company_sees_nothing(self):
        referral = self._refer()
        for user in (self.user_other_company, self.user_other_employee):
            with self.subTest(user=user.login):
                Referral = self.env["talent.referral"].with_user(user)
                self.assertFalse(Referral.search([]))
                with self.assertRaises(AccessError):
                    Referral.browse(referral.id).read(["name"])

    def test_menu_reaches_every_employee(self):
        for user, visible in ((self.user_employee, True), (self.user_recruiter, True)):
            menus = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
            for xmlid in ("talent_referral_menu_root", "talent_referral_menu_refer", "talent_referral_menu_my"):
                self.assertEqual(self.env.ref("talent_crm.%s" % xmlid).id in menus, visible, xmlid)
        employee_menus = self.env["ir.ui.menu"].with_user(self.user_employee)._visible_menu_ids()
        self.assertNotIn(self.env.ref("talent_crm.talent_referral_menu_talent_crm").id, employee_menus)
        self.assertNotIn(self.env.ref("talent_crm.talent_referral_menu_report").id, employee_menus)

    # ------------------------------------------------------------
    # Status, limits, bad input, report
    # ------------------------------------------------------------

    def test_status_follows_the_talent(self):
        referral = self._refer()
        talent = referral.sudo().talent_id
        later = fields.Datetime.now() + timedelta(minutes=1)
        steps = [("qualified", "in_touch"), ("converted", "interviewing"), ("hired", "hired")]
        for lead_state, state in steps:
            talent.with_context(talent_lead_date=later, talent_lead_system=True).sudo().write(
                {"talent_lead_state": lead_state}
            )
            self.assertEqual(referral.with_user(self.user_employee).state, state, lead_state)
        self.assertEqual((referral.converted_count, referral.hired_count), (1, 1))
        talent.sudo().active = False
        self.assertEqual(referral.state, "closed")

    def test_daily_limit_per_referrer(self):
        self.env["ir.config_parameter"].sudo().set_param("talent_crm.referral_daily_limit", "2")
        self._refer(email="one@example.com")
        self._refer(email="two@example.com")
        with self.assertRaises(UserError):
            self._refer(email="three@example.com")
        self._refer(user=self.user_employee_2, email="three@example.com")

    def test_bad_input_is_refused(self):
        with self.assertRaises(ValidationError):
            self._refer(email="not an address")
        with self.assertRaises(ValidationError):
            self._refer(profile_url="javascript:alert(1)")

    def test_report_by_department_with_conversions_and_hires(self):
        first = self._refer()
        self._refer(user=self.user_employee_2, name="Paula Peer", email="paula.peer@example.com")
        first.sudo().talent_id.with_context(
            talent_lead_date=fields.Datetime.now() + timedelta(minutes=1), talent_lead_system=True
        ).write({"talent_lead_state": "hired"})
        figures = self._figures(
            "talent.referral",
            [("company_id", "=", self.company.id)],
            ["department_id"],
            ["__count", "converted_count:sum", "hired_count:sum"],
        )
        self.assertEqual(figures[(self.department.id,)], (1, 1, 1))
        self.assertEqual(figures[(False,)], (1, 0, 0))


@tagged("post_install", "-at_install", "talent_crm")
class TestReferralRpc(HttpCase):
    """A plain employee refers over the web client's RPC, as the "Refer Someone" form does."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.ref("base.main_company")
        cls.employee = new_test_user(
            cls.env,
            login="referral_rpc_employee",
            password="referral_rpc_employee",
            groups="base.group_user",
            company_id=company.id,
            company_ids=[Command.set(company.ids)],
        )
        colleague = new_test_user(
            cls.env, login="referral_rpc_colleague", groups="base.group_user", company_id=company.id
        )
        cls.colleague_referral = (
            cls.env["talent.referral"]
            .with_user(colleague)
            .create({"name": "Carla Colleague", "email": "carla.colleague@example.com", "relationship": "network"})
        )

    def _call(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw/%s/%s" % (model, method),
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def test_employee_refers_and_reads_nothing_else(self):
        self.authenticate("referral_rpc_employee", "referral_rpc_employee")
        [referral_id] = self._call(
            "talent.referral",
            "create",
            [[{"name": "Rolf Rpc", "email": "rolf.rpc@example.com", "relationship": "friend"}]],
        )
        referral = self.env["talent.referral"].browse(referral_id)
        self.assertEqual(referral.referrer_id, self.employee)
        talent = referral.sudo().talent_id
        self.assertEqual(talent.email_normalized, "rolf.rpc@example.com")
        self.assertEqual(talent.source_id, self.env.ref("talent_crm.utm_source_referral"))
        found = self._call("talent.referral", "search_read", [[]], {"fields": ["name", "state"]})
        self.assertEqual([(r["id"], r["name"], r["state"]) for r in found], [(referral_id, "Rolf Rpc", "received")])
        for model, record_id, fields_ in (
            ("talent.referral", self.colleague_referral.id, ["name"]),
            ("talent.referral", referral_id, ["talent_id"]),
            ("hr.applicant", talent.id, ["partner_name"]),
        ):
            with self.subTest(model=model, fields=fields_), self.assertRaises(Exception) as caught:
                self._call(model, "read", [[record_id], fields_])
            self.assertIn("AccessError", str(caught.exception))
