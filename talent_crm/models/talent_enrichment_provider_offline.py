# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from urllib.parse import unquote

from odoo import models

from ..tools import profile_urls


class TalentEnrichmentProviderOffline(models.AbstractModel):
    """Enrichment without any outside service: recognise the site, normalise the address.

    When the talent has no name yet, a LinkedIn or Xing address that spells one
    (``/in/anna-schmidt-4a2b``, ``/profile/Anna_Schmidt``) gives it.
    """

    _name = "talent.enrichment.provider.offline"
    _inherit = "talent.enrichment.provider"
    _description = "Offline (address only)"
    _talent_provider_code = "offline"

    def _talent_enrich(self, url, talent):
        kind, canonical = profile_urls.normalize(url)
        if not canonical:
            raise profile_urls.InvalidProfileUrl("host")
        values = {profile_urls.FIELD_BY_KIND[kind]: canonical}
        name = self._talent_name_from_url(kind, canonical)
        if name:
            values["partner_name"] = name
        return values

    def _talent_name_from_url(self, kind, url):
        """A person's name spelled in a profile address, or False."""
        if kind == "linkedin" and "/in/" in url:
            words = unquote(url.rsplit("/in/", 1)[1]).split("-")
        elif kind == "xing":
            words = unquote(url.rsplit("/profile/", 1)[1]).split("_")
        else:
            return False
        # LinkedIn appends a random id ("anna-schmidt-4a2b93"): keep alphabetic words only
        words = [word for word in words if word.isalpha()]
        if len(words) < 2:
            return False
        return " ".join(word[:1].upper() + word[1:] for word in words)
