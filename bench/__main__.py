# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Command line of the benchmarks: ``python3 -m bench {run,generate} --help``."""

import sys

from .cli import main

sys.exit(main())
