# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import talent_report_mixin
from . import talent_lead_funnel_report
from . import talent_engagement_report
from . import talent_source_report
from . import talent_hire_report
from . import talent_pool_health_report
from . import talent_pool_growth_report
from . import talent_match_outcome_report
