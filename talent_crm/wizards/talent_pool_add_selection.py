# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import ast

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain
from odoo.orm.domains import DomainAnd


class TalentPoolAddSelection(models.TransientModel):
    """Add the selected talents, or all talents of the current search, to a pool.

    The pool is an existing one or a new one; the search can be kept as the pool's rule, which
    makes it a dynamic pool.
    """

    _name = "talent.pool.add.selection"
    _description = "Add Talents to a Pool"

    mode = fields.Selection(
        [("existing", "Existing pool"), ("new", "New pool")], string="Add To", required=True, default="existing"
    )
    pool_id = fields.Many2one(
        "hr.talent.pool", domain="[('company_id', 'in', [False] + allowed_company_ids)]"
    )
    pool_name = fields.Char(string="New Pool Name")
    scope = fields.Selection(
        [("selected", "The selected talents"), ("filter", "All talents matching the search")],
        string="Talents",
        required=True,
        default="selected",
    )
    talent_ids = fields.Many2many("hr.applicant", string="Selected Talents")
    filter_domain = fields.Char(string="Search", readonly=True)
    save_rule = fields.Boolean(
        string="Keep the search as the pool's rule",
        help="Talents matching this search later join the pool automatically.",
    )
    talent_count = fields.Integer(compute="_compute_talent_count", string="Talents to Add")

    @api.model
    def default_get(self, fields):
        values = super().default_get(fields)
        context = self.env.context
        if context.get("active_model") == "hr.applicant":
            if "talent_ids" in fields and not values.get("talent_ids"):
                values["talent_ids"] = [Command.set(context.get("active_ids") or [])]
            if "filter_domain" in fields and context.get("active_domain") is not None:
                domain = self._talent_search_domain(context["active_domain"])
                values["filter_domain"] = "[]" if domain.is_true() else repr(list(domain))
        return values

    @api.model
    def _talent_search_domain(self, domain):
        """The user's search without the talent lists' own "is a talent" condition: the list's
        action adds it to the search, and a pool's rule always applies among talents."""
        domain = Domain(domain)
        talents = self.env["hr.applicant"]._talent_domain()
        if domain == talents:
            return Domain.TRUE
        if isinstance(domain, DomainAnd):
            return Domain.AND(child for child in domain.children if child != talents)
        return domain

    @api.depends("scope", "talent_ids", "filter_domain")
    def _compute_talent_count(self):
        for wizard in self:
            try:
                wizard.talent_count = len(wizard._talent_targets())
            except UserError:
                wizard.talent_count = 0

    def _talent_filter(self):
        """The search as a ``Domain`` restricted to talents; ``UserError`` if unusable."""
        try:
            value = ast.literal_eval(self.filter_domain or "[]")
            domain = self._talent_search_domain(list(value))
            self.env["hr.applicant"]._search(domain)
        except (ValueError, SyntaxError, TypeError, KeyError, AssertionError) as error:
            raise UserError(self.env._("The search cannot be used: %(error)s", error=error)) from error
        return domain

    def _talent_targets(self):
        Applicant = self.env["hr.applicant"]
        if self.scope == "filter":
            return Applicant.search(Applicant._talent_domain() & self._talent_filter())
        return self.talent_ids.filtered("talent_pool_ids")

    def action_add(self):
        self.ensure_one()
        if self.mode == "new" and not (self.pool_name or "").strip():
            raise UserError(self.env._("Give the new pool a name."))
        if self.mode == "existing" and not self.pool_id:
            raise UserError(self.env._("Choose the pool to add the talents to."))
        if self.save_rule and not self._talent_filter():
            raise UserError(
                self.env._("The search has no condition: it cannot become a rule (it would add every talent).")
            )
        talents = self._talent_targets()
        if not talents and not self.save_rule:
            raise UserError(self.env._("No talent to add: select talents or search for some first."))
        pool = self.pool_id
        if self.mode == "new":
            pool = self.env["hr.talent.pool"].create({"name": self.pool_name.strip()})
        before = pool.no_of_talents
        added = talents - talents.filtered(lambda t: pool in t.talent_pool_ids)
        if added:
            self.env["hr.talent.pool"].browse(pool.ids).with_context(talent_pool_join_method="manual").write(
                {"talent_ids": [Command.link(talent.id) for talent in added]}
            )
        if self.save_rule:
            pool.write({"talent_rule_active": True, "talent_rule_domain": repr(list(self._talent_filter()))})
        pool.invalidate_recordset(["no_of_talents"])
        message = self.env._("%(count)s talents added to %(pool)s.", count=pool.no_of_talents - before, pool=pool.name)
        self.env["talent.audit.log"]._talent_log("bulk_action", added, summary=message, company=pool.company_id or None)
        if self.mode == "new" or self.save_rule:
            # a new pool, or a pool that now has a rule: open it, to see and refine what was saved
            return pool._talent_notification(message, next_action=self._talent_pool_form_action(pool))
        return pool._talent_notification(message)

    def _talent_pool_form_action(self, pool):
        action = self.env["ir.actions.act_window"]._for_xml_id("talent_crm.hr_talent_pool_action_talent_crm")
        action.update({"res_id": pool.id, "view_mode": "form", "views": [(False, "form")], "target": "current"})
        return action
