# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import api, fields
from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL

from .common import PDF_BYTES


@tagged("post_install", "-at_install", "talent_crm")
class TestSignupCleanup(TransactionCase):
    """The clean-up of expired sign-ups run by two workers at once (real transactions): the
    second skips what the first is deleting instead of waiting for it or failing, and each row
    is deleted once, with its CV."""

    EMAIL = "cleanup.%s@example.com"

    def _env(self, cr):
        return api.Environment(cr, api.SUPERUSER_ID, {})

    def _cleanup(self):
        with self.registry.cursor() as cr:
            env = self._env(cr)
            env["talent.signup"].search([("email", "=like", "cleanup.%@example.com")]).unlink()

    def test_two_workers_purge_each_expired_signup_once(self):
        self.addCleanup(self._cleanup)
        with self.registry.cursor() as cr:
            env = self._env(cr)
            company = env.ref("base.main_company")
            signups = env["talent.signup"].create(
                [
                    {
                        "email": self.EMAIL % index,
                        "company_id": company.id,
                        "date_expiry": fields.Datetime.now() - timedelta(days=1),
                    }
                    for index in range(3)
                ]
                + [
                    {
                        "email": self.EMAIL % "fresh",
                        "company_id": company.id,
                        "date_expiry": fields.Datetime.now() + timedelta(days=1),
                    }
                ]
            )
            for signup in signups:
                signup.cv_attachment_id = env["ir.attachment"].create(
                    {"name": "cv.pdf", "raw": PDF_BYTES, "res_model": "talent.signup", "res_id": signup.id}
                )
            ids, cv_ids = signups.ids, signups.cv_attachment_id.ids
            cr.commit()  # pylint: disable=invalid-commit  # a separate cursor: the two workers below must see the rows
        with self.registry.cursor() as first, self.registry.cursor() as second:
            # the second worker never waits: were it to, this would fail instead of hanging
            second.execute(SQL("SET LOCAL lock_timeout = '3s'"))
            self._env(first)["talent.signup"]._cron_purge_expired(batch_size=2)
            self._env(second)["talent.signup"]._cron_purge_expired()
            first.commit()
            second.commit()
        with self.registry.cursor() as cr:
            env = self._env(cr)
            left = env["talent.signup"].browse(ids).exists()
            self.assertEqual(left.mapped("email"), [self.EMAIL % "fresh"], "expired ones gone, the fresh one kept")
            self.assertEqual(env["ir.attachment"].browse(cv_ids).exists(), left.cv_attachment_id)
            # running again changes nothing
            env["talent.signup"]._cron_purge_expired()
            self.assertEqual(env["talent.signup"].browse(ids).exists(), left)
