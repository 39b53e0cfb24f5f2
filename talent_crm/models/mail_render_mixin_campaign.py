# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models

# static link marketers put in a mailing; each email gets the person's signed link instead
TALENT_PREFERENCES_PLACEHOLDER = "/talent/my-preferences"


class MailRenderMixin(models.AbstractModel):
    _inherit = "mail.render.mixin"

    @api.model
    def _shorten_links(self, html, link_tracker_vals, blacklist=None, base_url=None):
        """Never track the preference-centre placeholder: it is replaced per recipient."""
        blacklist = list(blacklist or []) + [TALENT_PREFERENCES_PLACEHOLDER]
        return super()._shorten_links(html, link_tracker_vals, blacklist=blacklist, base_url=base_url)
