# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import PendingScenario


class PoolMailingRecipients(PendingScenario):
    """Slot for pool mailings (issue 6).

    To fill in after merging: ``setup`` makes a mailing on the talents of the largest pools,
    ``fast`` = its recipient computation (de-duplicated per person, exclusions, caps),
    ``baseline`` = mass_mailing's own recipient computation for a plain partner mailing of
    the same size (``mailing.mailing._get_recipients()``), ``records`` = recipients. Goal:
    100,000 talents in under 5 s and within 2x of mass_mailing's own computation.
    """

    name = "pool_mailing_recipients"
    title = "Pool mailing recipients"
    description = "Compute the recipients of a pool mailing (dedup, blacklist, do-not-contact, caps)."
    baseline_label = "mass_mailing on partners"
    feature = "campaigns and job alerts (issue 6)"
    sequence = 80
    requires = ("hr.talent.pool:action_talent_send_mailing",)
