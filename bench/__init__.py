# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""talent_crm benchmarks: a synthetic data generator and a scenario runner.

``python3 -m bench --help`` (or ``make bench``) is the entry point; see the
"Benchmarks" section of the repository's README.rst.
"""
