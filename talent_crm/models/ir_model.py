# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models
from odoo.fields import Domain

# context key set by the Recipients field of the mailing form (views/mailing_mailing_views.xml)
TALENT_RECIPIENTS_CONTEXT = "talent_crm_mailing_recipients"


class IrModel(models.Model):
    """Talents as an Email Marketing audience: in the Recipients field of a mailing, the
    applicant model (whose "Talents Only" audience mails talents) is called and found as
    "Talents". Elsewhere, and for users without Talent CRM rights, nothing changes."""

    _inherit = "ir.model"

    def _talent_recipients_context(self):
        return bool(self.env.context.get(TALENT_RECIPIENTS_CONTEXT)) and self.env.user.has_group(
            "talent_crm.group_talent_crm_user"
        )

    def _talent_recipients_label(self):
        return self.env._("Talents")

    @api.depends_context(TALENT_RECIPIENTS_CONTEXT, "lang", "uid")
    def _compute_display_name(self):
        super()._compute_display_name()
        if not self._talent_recipients_context():
            return
        for model in self.filtered(lambda m: m.model == "hr.applicant"):
            model.display_name = self.env._(
                "%(talents)s (%(model)s)", talents=self._talent_recipients_label(), model=model.name
            )

    @api.model
    def _search_display_name(self, operator, value):
        domain = super()._search_display_name(operator, value)
        if (
            operator in ("ilike", "=ilike")
            and isinstance(value, str)
            and value.strip()
            and self._talent_recipients_context()
        ):
            needle = value.strip().strip("%").casefold()
            labels = {"talents", self._talent_recipients_label().casefold()}
            if needle and any(needle in label for label in labels):
                domain = Domain.OR([domain, Domain("model", "=", "hr.applicant")])
        return domain
