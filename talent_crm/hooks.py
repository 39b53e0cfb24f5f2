# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging

import psycopg2

from odoo.tools import SQL

_logger = logging.getLogger(__name__)


def pre_init_hook(env):
    """Make sure ``pg_trgm`` is there: duplicate detection compares names with it.

    Odoo creates the extension with new databases; for older ones the database owner
    can create it (``pg_trgm`` is a trusted extension since PostgreSQL 13).
    """
    try:
        with env.cr.savepoint():
            env.cr.execute(SQL("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
        env.registry.has_trigram = True
    except psycopg2.Error as error:
        _logger.warning("talent_crm: pg_trgm could not be created (%s); fuzzy duplicate detection needs it.", error)


def post_init_hook(env):
    """Data that existed before talent_crm: profiles count as updated when they were last
    written, pool members get an open membership, applicants a legal basis and a retention."""
    env.cr.execute(
        SQL(
            "UPDATE hr_applicant SET talent_profile_date = COALESCE(write_date, create_date) "
            "WHERE talent_profile_date IS NULL"
        )
    )
    env["talent.pool.membership"]._talent_open_existing()
    # Odoo's own applicants, archived and refused ones included: a legal basis and a retention
    env["hr.applicant"]._talent_lifecycle_upgrade()
    env["digest.digest"]._talent_lifecycle_digest_line()
