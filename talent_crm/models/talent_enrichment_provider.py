# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class TalentEnrichmentProvider(models.AbstractModel):
    """Interface of the services that fill a talent profile from a profile URL.

    A provider is an abstract model inheriting this one, named
    ``talent.enrichment.provider.<code>``, with ``_talent_provider_code = "<code>"`` and a
    ``_description`` users pick it by (Settings, per company). It implements one method,
    :meth:`_talent_enrich`. Example of a paid service in another module::

        class TalentEnrichmentProviderAcme(models.AbstractModel):
            _name = "talent.enrichment.provider.acme"
            _inherit = "talent.enrichment.provider"
            _description = "ACME People Data"
            _talent_provider_code = "acme"

            def _talent_enrich(self, url, talent):
                values = self.env["talent.enrichment.provider.offline"]._talent_enrich(url, talent)
                values.update(call_acme_api(url))  # e.g. talent_current_title, talent_city
                return values

    talent_crm ships the offline provider (``talent.enrichment.provider.offline``): it
    recognises and normalises the address and makes no network call.
    """

    _name = "talent.enrichment.provider"
    _description = "Talent Enrichment Provider"

    #: code stored in ``res.company.talent_enrichment_provider``
    _talent_provider_code = False

    def _talent_enrich(self, url, talent):
        """Read ``url`` for ``talent`` and return ``hr.applicant`` values.

        The values must hold the normalised URL in its profile field (``linkedin_profile``,
        ``talent_github_url``, ``talent_xing_url`` or ``talent_website_url``) and may hold
        any other profile field; the caller only fills fields that are empty. Raise
        ``profile_urls.InvalidProfileUrl`` for an unusable address.

        :param str url: the address as pasted
        :param talent: ``hr.applicant`` record (may be a new record in a form)
        :rtype: dict
        """
        raise NotImplementedError()

    @api.model
    def _talent_providers(self):
        """``{code: model name}`` of every provider in the registry."""
        providers = {}
        for model_name in sorted(self.env.registry[self._name]._inherit_children):
            provider = self.env[model_name]
            if provider._talent_provider_code:
                providers[provider._talent_provider_code] = model_name
        return providers

    @api.model
    def _talent_provider_selection(self):
        return [
            (code, self.env["ir.model"]._get(model_name).name or self.env[model_name]._description)
            for code, model_name in self._talent_providers().items()
        ]

    @api.model
    def _talent_get_provider(self, company):
        """The provider ``company`` chose, the offline one when that is no longer installed."""
        providers = self._talent_providers()
        model_name = providers.get(company.talent_enrichment_provider) or providers["offline"]
        return self.env[model_name]
