# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Issue 19: every applicant that existed before the data lifecycle gets its legal basis and its
retention from what is known (closed applications from their refuse date or last change, not
from the day of the update); the ones it cannot classify are logged and listed under Talents >
Deletion Calendar > No Legal Basis."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["hr.applicant"]._talent_lifecycle_upgrade()
    env["digest.digest"]._talent_lifecycle_digest_line()
