# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Full-text search of matching: which PostgreSQL text search configurations it uses."""

#: Text search configurations used for matching: the profile and CV text is indexed in both,
#: each in the column suffixed with its code (``talent_profile_tsv_en``, ``talent_cv_tsv_de``).
MATCH_TS_CONFIGS = {"english": "en", "german": "de"}
