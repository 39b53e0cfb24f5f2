# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import AccessError

from ..tools.replica import read_on_replica


class DigestDigest(models.Model):
    """Talent CRM KPIs for the periodic digest email (the "Talent CRM KPIs" digest is monthly).

    Each KPI reads a reporting view, so the email shows the same figures as the
    Talent CRM / Reporting menu.
    """

    _inherit = "digest.digest"

    kpi_talent_crm_new_talents = fields.Boolean(string="New Talents")
    kpi_talent_crm_new_talents_value = fields.Integer(compute="_compute_kpi_talent_crm_new_talents_value")
    kpi_talent_crm_replies = fields.Boolean(string="Talent Replies")
    kpi_talent_crm_replies_value = fields.Integer(compute="_compute_kpi_talent_crm_replies_value")
    kpi_talent_crm_conversions = fields.Boolean(string="Talents Converted to Applicants")
    kpi_talent_crm_conversions_value = fields.Integer(compute="_compute_kpi_talent_crm_conversions_value")
    kpi_talent_crm_pool_hires = fields.Boolean(string="Hires from Talent Pools")
    kpi_talent_crm_pool_hires_value = fields.Integer(compute="_compute_kpi_talent_crm_pool_hires_value")
    kpi_talent_crm_anonymised = fields.Boolean(string="Anonymised at the End of Retention")
    kpi_talent_crm_anonymised_value = fields.Integer(compute="_compute_kpi_talent_crm_anonymised_value")

    def _talent_check_kpi_access(self):
        if not self.env.user.has_group("talent_crm.group_talent_crm_user"):
            raise AccessError(self.env._("Do not have access, skip this data for user's digest email"))

    def _compute_kpi_talent_crm_new_talents_value(self):
        self._talent_check_kpi_access()
        self._calculate_company_based_kpi(
            "talent.source.report", "kpi_talent_crm_new_talents_value", date_field="date"
        )

    def _compute_kpi_talent_crm_replies_value(self):
        self._talent_check_kpi_access()
        self._calculate_company_based_kpi(
            "talent.engagement.report", "kpi_talent_crm_replies_value", date_field="date", sum_field="replied_count"
        )

    def _compute_kpi_talent_crm_conversions_value(self):
        """Applications created in the period whose talent was in the CRM before."""
        self._talent_check_kpi_access()
        self._calculate_company_based_kpi(
            "talent.hire.report",
            "kpi_talent_crm_conversions_value",
            date_field="date",
            additional_domain=[("from_pool", "=", True)],
        )

    def _compute_kpi_talent_crm_pool_hires_value(self):
        self._talent_check_kpi_access()
        self._calculate_company_based_kpi(
            "talent.hire.report",
            "kpi_talent_crm_pool_hires_value",
            date_field="date_closed",
            additional_domain=[("from_pool", "=", True)],
        )

    def _compute_kpi_talent_crm_anonymised_value(self):
        """Talents and applications anonymised in the period (archived by then): the deletion
        calendar's monthly line."""
        self._talent_check_kpi_access()
        self.with_context(active_test=False)._calculate_company_based_kpi(
            "hr.applicant", "kpi_talent_crm_anonymised_value", date_field="talent_anonymized_date"
        )

    def _talent_subscribe_managers(self):
        """Send the digest to every Talent CRM manager (called once when the module is installed)."""
        managers = self.env.ref("talent_crm.group_talent_crm_manager").all_user_ids.filtered(
            lambda user: not user.share and user.active
        )
        for digest in self:
            digest.user_ids = [fields.Command.link(user.id) for user in managers]

    @api.model
    def _talent_lifecycle_digest_line(self):
        """The monthly Talent CRM digest tells how many people were anonymised (issue 19)."""
        digest = self.env.ref("talent_crm.digest_digest_talent_crm", raise_if_not_found=False)
        if digest:
            digest.sudo().kpi_talent_crm_anonymised = True

    def _compute_kpis(self, company, user):
        """The digest's figures are read on the replica (when one is configured). No figure
        counts what the digest itself writes meanwhile (the mails it queues have no comment
        subtype, its next run date is no KPI), so the replica serves them even once the digest
        cron has queued the mail of a first recipient (``own_writes=False``). The result is
        plain values."""
        def kpis(env):
            return super(DigestDigest, self.with_env(env))._compute_kpis(company.with_env(env), user.with_env(env))

        return read_on_replica(self.env, kpis, own_writes=False)

    def _compute_kpis_actions(self, company, user):
        res = super()._compute_kpis_actions(company, user)
        menu = "?menu_id=%s" % self.env.ref("talent_crm.talent_crm_menu_root").id
        res["kpi_talent_crm_new_talents"] = "talent_crm.talent_source_report_action" + menu
        res["kpi_talent_crm_replies"] = "talent_crm.talent_engagement_report_action" + menu
        res["kpi_talent_crm_conversions"] = "talent_crm.talent_hire_report_action" + menu
        res["kpi_talent_crm_pool_hires"] = "talent_crm.talent_hire_report_action" + menu
        res["kpi_talent_crm_anonymised"] = "talent_crm.hr_applicant_action_talent_retention_calendar" + menu
        return res
