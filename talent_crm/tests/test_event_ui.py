# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Recruiting events and referrals in the browser, in English and German (issue 20): a visitor at
the kiosk whose connection drops while sending, a recruiter in the kiosk's staff mode, an employee
who refers someone (talent_crm_event_tour.js)."""

from odoo.tests import HttpCase, tagged

from .common import tour_user


class EventTourCase:
    """The three tours, run by an English and a German class below."""

    # Odoo's runner runs only the methods of a test class's own body unless told otherwise
    allow_inherited_tests_method = True

    lang = "en_US"
    prefix = ""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if cls.lang != "en_US":
            cls.env["res.lang"]._activate_lang(cls.lang)
            cls.env["ir.module.module"]._load_module_terms(["talent_crm"], [cls.lang], overwrite=True)
        cls.company = cls.env.ref("base.main_company")
        cls.company.write({"talent_require_consent": False, "email": "jobs@example.com"})
        cls.env["ir.config_parameter"].sudo().set_param("talent_crm.signup_rate_limit", "100000")
        cls.pool = cls.env["hr.talent.pool"].create({"name": "Fair Tour Pool", "company_id": cls.company.id})
        cls.event = cls.env["event.event"].create(
            {
                "name": "Tour Career Fair",
                "company_id": cls.company.id,
                "talent_recruiting": True,
                "talent_pool_id": cls.pool.id,
            }
        )
        cls.path = "/talent/event/%s/kiosk/%s" % (cls.event.id, cls.event._talent_kiosk_token())

    def _registrations(self):
        return self.env["event.registration"].search([("event_id", "=", self.event.id)], order="id")

    def test_kiosk_tour(self):
        self.start_tour(self.prefix + self.path, "talent_crm_event_kiosk_tour")
        # the form kept while offline was sent once, then the next visitor's
        self.assertEqual(
            self._registrations().mapped("email"), ["vera.visitor@example.com", "willi.walkin@example.com"]
        )
        signups = self.env["talent.signup"].sudo().search([("email", "like", "%@example.com")])
        self.assertEqual(sorted(signups.mapped("email")), ["vera.visitor@example.com", "willi.walkin@example.com"])

    def test_staff_tour(self):
        recruiter = tour_user(
            self.env,
            "tour_event_recruiter",
            "Rita Recruiter",
            "talent_crm.group_talent_crm_user",
            lang=self.lang,
            email="rita@example.com",
        )
        self.start_tour(self.prefix + self.path + "/staff", "talent_crm_event_staff_tour", login=recruiter.login)
        registration = self._registrations()
        self.assertEqual(registration.email, "bruno.booth@example.com")
        talent = registration.talent_id
        self.assertEqual(talent.talent_pool_ids, self.pool)
        self.assertEqual(talent.talent_legal_basis, "legitimate_interest")
        self.assertIn("Talked about Kotlin and remote work", talent.message_ids.mapped("body")[0])

    def test_refer_someone_tour(self):
        employee = tour_user(self.env, "tour_referrer", "Eva Employee", "base.group_user", lang=self.lang)
        self.start_tour("/odoo/refer-someone", "talent_crm_refer_someone_tour", login=employee.login)
        referral = self.env["talent.referral"].search([("email", "=", "rosa.referral@example.com")])
        self.assertEqual(referral.referrer_id, employee)
        self.assertEqual(referral.talent_id.source_id, self.env.ref("talent_crm.utm_source_referral"))


@tagged("post_install", "-at_install", "talent_crm")
class TestEventTours(EventTourCase, HttpCase):
    """In English."""


@tagged("post_install", "-at_install", "talent_crm")
class TestEventToursGerman(EventTourCase, HttpCase):
    """In German: the German terms are loaded once for the three tours."""

    lang = "de_DE"
    prefix = "/de"
