# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re

from odoo import api, models

# Static links that templates and marketers put in a message; each email gets the person's
# signed link instead when it leaves (mail.mail), so that no signed link is ever kept in a
# rendered body, a chatter copy or a link tracker:
# - /talent/my-preferences: the person's preference centre;
# - /talent/my-job/<job id>: the person's "I am interested" link of that job (job alerts).
TALENT_PREFERENCES_PLACEHOLDER = "/talent/my-preferences"
TALENT_JOB_PLACEHOLDER = "/talent/my-job/"
# what link trackers skip (matched as a path followed by "/", "?", "#" or the end)
TALENT_PLACEHOLDER_PATHS = [TALENT_PREFERENCES_PLACEHOLDER, TALENT_JOB_PLACEHOLDER.rstrip("/")]
# the placeholder, relative or behind any host (the part before the path is dropped)
TALENT_PLACEHOLDER_RE = re.compile(r"(?:https?://[^\s\"'<>/]+)?/talent/my-(?:preferences\b|job/(\d+)\b)")


class MailRenderMixin(models.AbstractModel):
    _inherit = "mail.render.mixin"

    @api.model
    def _shorten_links(self, html, link_tracker_vals, blacklist=None, base_url=None):
        """Never track the personal-link placeholders: they are replaced per recipient."""
        blacklist = list(blacklist or []) + TALENT_PLACEHOLDER_PATHS
        return super()._shorten_links(html, link_tracker_vals, blacklist=blacklist, base_url=base_url)
