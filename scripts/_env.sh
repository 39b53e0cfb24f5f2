# Shared settings for the scripts/ commands. Sourced, not executed.
# Every value can be overridden from the environment; none has to be.
set -euo pipefail

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
# Where the Odoo 19.0 source goes when `odoo` is not importable yet.
ODOO_SRC="${ODOO_SRC:-/opt/odoo19}"
ODOO_GIT_URL="${ODOO_GIT_URL:-https://github.com/odoo/odoo.git}"
ODOO_BRANCH="${ODOO_BRANCH:-19.0}"
# PostgreSQL: a dedicated role with CREATEDB (Odoo refuses to run as `postgres`).
PGHOST="${PGHOST:-localhost}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-odoo}"
PGPASSWORD="${PGPASSWORD:-odoo}"
export PGHOST PGPORT PGUSER PGPASSWORD
# Local state (configuration, filestore, logs): never committed.
STATE_DIR="${STATE_DIR:-$REPO_DIR/.odoo}"
ODOO_CONF="$STATE_DIR/odoo.conf"
HTTP_PORT="${HTTP_PORT:-8069}"

log() { printf '\033[1;34m[talent_crm]\033[0m %s\n' "$*" >&2; }

# Run a command as root: directly when we are root, through sudo otherwise.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

odoo_cmd() {
    "$PYTHON" -m odoo -c "$ODOO_CONF" "$@"
}

# Odoo's launcher script (odoo-bin next to the odoo package), for serving; `-m odoo` elsewhere.
odoo_bin() {
    "$PYTHON" -c 'import os, odoo; print(os.path.join(os.path.dirname(list(odoo.__path__)[0]), "odoo-bin"))'
}

db_exists() {
    psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$1'" | grep -q 1
}

module_installed() {
    db_exists "$1" && psql -d "$1" -tAc \
        "SELECT 1 FROM ir_module_module WHERE name = 'talent_crm' AND state = 'installed'" 2>/dev/null | grep -q 1
}
