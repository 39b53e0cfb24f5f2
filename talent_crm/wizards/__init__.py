# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import (
    applicant_get_refuse_reason,
    base_partner_merge,
    job_add_applicants,
    mail_compose_message,
    privacy_lookup_wizard,
    sms_composer,
    talent_import_wizard,
    talent_lead_close,
    talent_merge_wizard,
    talent_pool_add_applicants,
    talent_sequence_enroll,
    talent_match_result,
    talent_pool_add_selection,
    talent_match_reveal_wizard,
)
