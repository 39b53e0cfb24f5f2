#!/usr/bin/env bash
# Re-export talent_crm.pot from a fresh database and merge it into de.po; prints what is left
# to translate as JSON (fill it in and run `python3 scripts/i18n.py apply FILE.json`).
source "$(dirname "${BASH_SOURCE[0]}")/_env.sh"
I18N_DB="${I18N_DB:-talent_crm_i18n}"
bash "$REPO_DIR/scripts/setup.sh"
dropdb --if-exists "$I18N_DB"
odoo_cmd -d "$I18N_DB" -i talent_crm --stop-after-init --log-level=warn
"$PYTHON" "$REPO_DIR/scripts/i18n.py" export -c "$ODOO_CONF" -d "$I18N_DB"
