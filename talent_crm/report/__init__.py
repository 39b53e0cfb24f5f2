# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import (
    talent_engagement_report,
    talent_hire_report,
    talent_lead_funnel_report,
    talent_pool_growth_report,
    talent_pool_health_report,
    talent_report_mixin,
    talent_source_report,
)
