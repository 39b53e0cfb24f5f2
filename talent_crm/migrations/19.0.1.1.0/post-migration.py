# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Backfills that 19.0.1.0.0 ran at every update (``res.partner._auto_init`` and
``talent.pool.membership.init``) and that now run once, here; a fresh install needs neither
(no touches yet; existing pool members are handled by the post-init hook)."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    # the newest counted touch of each person (talent_cap_touch_date / _company_id), from the touches
    groups = env["talent.touch"]._read_group([("counts_toward_cap", "=", True)], ["partner_id"])
    env["talent.touch"]._talent_refresh_partner_caps([partner.id for (partner,) in groups])
    # pool members without an open membership
    env["talent.pool.membership"]._talent_open_existing()
