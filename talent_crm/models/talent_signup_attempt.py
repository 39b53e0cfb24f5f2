# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL
from odoo.tools.misc import hmac

DEFAULT_LIMIT = 20
DEFAULT_WINDOW_MINUTES = 15


class TalentSignupAttempt(models.Model):
    """One submission of the public sign-up form, for per-IP rate limiting.

    Kept in the database, not in memory, so that the limit holds across all HTTP workers.
    Only a keyed hash of the address is stored, and rows older than the window are purged
    by a cron.
    """

    _name = "talent.signup.attempt"
    _description = "Talent Sign-up Attempt"
    _order = "date desc, id desc"
    _log_access = False

    ip_hash = fields.Char(string="Address Hash", required=True, readonly=True)
    date = fields.Datetime(required=True, readonly=True, default=fields.Datetime.now)

    _ip_hash_date_idx = models.Index("(ip_hash, date)")

    @api.model
    def _talent_rate_limit(self):
        """``(attempts, minutes)`` allowed per address, from system parameters."""
        params = self.env["ir.config_parameter"].sudo()
        try:
            limit = int(params.get_param("talent_crm.signup_rate_limit", DEFAULT_LIMIT))
            window = int(params.get_param("talent_crm.signup_rate_window", DEFAULT_WINDOW_MINUTES))
        except ValueError:
            limit, window = DEFAULT_LIMIT, DEFAULT_WINDOW_MINUTES
        return max(limit, 1), max(window, 1)

    @api.model
    def _talent_register(self, ip_address):
        """Count one submission from ``ip_address``; False when the address is over its limit.

        Submissions over the limit are not stored, so a flood cannot grow the table.
        """
        limit, window = self._talent_rate_limit()
        ip_hash = hmac(self.env(su=True), "talent_crm.signup_ip", ip_address or "unknown")
        since = fields.Datetime.now() - timedelta(minutes=window)
        rows = self.env.execute_query(
            SQL(
                "SELECT count(*) FROM talent_signup_attempt WHERE ip_hash = %s AND date > %s",
                ip_hash,
                since,
            )
        )
        if rows[0][0] >= limit:
            return False
        self.sudo().create({"ip_hash": ip_hash})
        return True

    @api.model
    def _cron_purge(self):
        """Delete attempts older than the rate-limit window (at least one hour)."""
        _limit, window = self._talent_rate_limit()
        before = fields.Datetime.now() - timedelta(minutes=max(window, 60))
        self.env.execute_query(SQL("DELETE FROM talent_signup_attempt WHERE date < %s", before))
