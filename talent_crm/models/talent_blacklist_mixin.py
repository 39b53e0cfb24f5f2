# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

# Context key set by talent_crm's own blacklisting (the preference centre's "unsubscribe from
# everything"): the company whose page did it. Nothing else sets the marker.
TALENT_BLACKLIST_COMPANY_KEY = "talent_blacklist_company_id"


class TalentBlacklistMixin(models.AbstractModel):
    """A blacklisting (an unsubscribe, STOP to an SMS, or by hand) ends the person's nurture
    enrollments at once. Mixed into Odoo's email and phone blacklists.

    Entries talent_crm blacklists itself carry the company whose preference centre did it
    (``talent_company_id``); only those may be lifted by a new talent community opt-in of that
    company. Any other blacklisting (Email Marketing's unsubscribe, bounces, by hand) carries
    no marker and is never lifted by talent_crm. The marker cannot be written directly: it
    follows the entry's activations.
    """

    _name = "talent.blacklist.mixin"
    _description = "Talent CRM: blacklisting stops nurture"

    talent_company_id = fields.Many2one(
        "res.company",
        string="Blacklisted by Talent Community of",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
        help="Set when talent_crm's preference centre blacklisted the entry for this company; "
        "only such an entry is lifted when the person opts in again there.",
    )

    @api.model
    def _talent_blacklist_marker(self):
        company_id = self.env.context.get(TALENT_BLACKLIST_COMPANY_KEY)
        return company_id if isinstance(company_id, int) else False

    @api.model_create_multi
    def create(self, vals_list):
        marker = self._talent_blacklist_marker()
        for vals in vals_list:
            vals.pop("talent_company_id", None)
            if marker and vals.get("active", True):
                vals["talent_company_id"] = marker
        records = super().create(vals_list)
        records.filtered("active")._talent_stop_nurture()
        return records

    def write(self, vals):
        vals.pop("talent_company_id", None)
        activated = self.filtered(lambda entry: not entry.active) if vals.get("active") else self.browse()
        result = super().write(vals)
        if activated:
            # whoever re-activates an entry owns it from now on
            super(TalentBlacklistMixin, activated).write({"talent_company_id": self._talent_blacklist_marker()})
        if vals.get("active"):
            self._talent_stop_nurture()
        return result

    def _talent_blacklisted_partner_domain(self):
        """Domain of the people the blacklist entries of ``self`` are about."""
        raise NotImplementedError

    def _talent_stop_nurture(self):
        if not self:
            return
        partners = (
            self.env["res.partner"]
            .sudo()
            .with_context(active_test=False)
            .search(self._talent_blacklisted_partner_domain())
        )
        self.env["talent.sequence.enrollment"]._talent_stop_for_partners(partners, "unsubscribed")
