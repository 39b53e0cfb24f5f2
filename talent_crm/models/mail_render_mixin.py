# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re

import lxml.html
import markupsafe

from odoo import api, models
from odoo.tools.mail import URL_SKIP_PROTOCOL_REGEX, is_html_empty

from odoo.addons.link_tracker.tools.html import find_links_with_urls_and_labels

# Links signed for one person (preference centre, sign-up confirmation, job-alert apply) and
# their placeholders (/talent/my-..., replaced when the email leaves, see mail_mail) are
# never turned into link trackers: the tracker table would hold every person's token, readable
# by marketing users, and Odoo would fetch each URL for its title while sending.
PERSONAL_PATHS = ["/talent/preferences", "/talent/confirm", "/talent/jobs", "/talent/my-preferences", "/talent/my-job"]
NOT_TRACKED_PATHS = ["/unsubscribe_from_list", "/view", "/cards", *PERSONAL_PATHS]

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
    def _render_template_postprocess(self, model, rendered):
        """Track the links of nurture emails with one link-tracker lookup for the whole batch
        (Email Marketing's ``post_convert_links`` looks them up email by email)."""
        rendered = super()._render_template_postprocess(model, rendered)
        tracker_values = self.env.context.get("talent_nurture_link_tracker")
        if tracker_values:
            rendered = self._talent_shorten_links_batch(rendered, tracker_values)
        return rendered

    @api.model
    def _shorten_links(self, html, link_tracker_vals, blacklist=None, base_url=None):
        """Never track the personal links, nor their placeholders: they are replaced per recipient."""
        blacklist = [*(blacklist or []), *TALENT_PLACEHOLDER_PATHS, *PERSONAL_PATHS]
        return super()._shorten_links(html, link_tracker_vals, blacklist=blacklist, base_url=base_url)

    def _shorten_links_text(self, content, link_tracker_vals, blacklist=None, base_url=None):
        blacklist = [*(blacklist or []), *PERSONAL_PATHS]
        return super()._shorten_links_text(content, link_tracker_vals, blacklist=blacklist, base_url=base_url)

    @api.model
    def _talent_shorten_links_batch(self, rendered, tracker_values):
        base_url = self.env["ir.config_parameter"].sudo().get_param("web.base.url")
        parsed, urls_and_labels = {}, []
        for res_id, html in rendered.items():
            if not html or is_html_empty(html):
                continue
            root = lxml.html.fromstring(html)
            nodes, found = find_links_with_urls_and_labels(
                root,
                base_url,
                skip_regex=rf"^{URL_SKIP_PROTOCOL_REGEX}",
                skip_prefix=base_url + "/r/",
                skip_list=NOT_TRACKED_PATHS,
            )
            if nodes:
                parsed[res_id] = (root, nodes, len(urls_and_labels))
                urls_and_labels += found
        if not urls_and_labels:
            return rendered
        trackers = (
            self.env["link.tracker"]
            .sudo()
            .search_or_create([dict(tracker_values, **url_and_label) for url_and_label in urls_and_labels])
        )
        short_urls = [tracker.short_url for tracker in trackers]
        for res_id, (root, nodes, offset) in parsed.items():
            for index, node in enumerate(nodes):
                node.set("href", short_urls[offset + index])
            new_html = lxml.html.tostring(root, encoding="unicode", method="xml")
            if isinstance(rendered[res_id], markupsafe.Markup):
                new_html = markupsafe.Markup(new_html)
            rendered[res_id] = new_html
        return rendered
