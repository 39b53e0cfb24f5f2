# talent_crm: the two commands, plus helpers. Every target is idempotent.
.PHONY: setup run test lint wheel bench i18n compare-odoo

setup:  ## install PostgreSQL, Chromium, Python requirements and (if missing) Odoo 19
	bash scripts/setup.sh

run:    ## demo database with talent_crm, served on http://localhost:8069 (admin/admin)
	bash scripts/run.sh

test:   ## lint, wheel build, fresh database + the whole pytest suite (what CI runs)
	bash scripts/test.sh

lint:   ## OCA's pre-commit hooks, ruff and pylint-odoo over the repository (pre-commit run --all-files)
	bash scripts/lint.sh

wheel:  ## build the wheel odoo-addon-talent_crm (whool) into a temporary directory and check it
	bash scripts/wheel.sh

bench:  ## benchmarks (SCALE=10000 by default)
	bash scripts/bench.sh

compare-odoo:  ## Odoo's own hr_recruitment and mass_mailing tests with and without talent_crm, compared
	bash scripts/compare_odoo_suites.sh

i18n:   ## re-export talent_crm.pot and merge it into de.po
	bash scripts/i18n.sh
