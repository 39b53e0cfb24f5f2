#!/usr/bin/env bash
# Idempotent set-up of everything talent_crm needs on a Debian machine:
# PostgreSQL with a dedicated role, system libraries, Chromium for the web tours,
# the Python requirements, Odoo 19.0 itself (only when `odoo` is not importable),
# and the Odoo configuration file under .odoo/.
source "$(dirname "${BASH_SOURCE[0]}")/_env.sh"

apt_missing=()
need_pkg() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed" || apt_missing+=("$1")
}

setup_system_packages() {
    for pkg in postgresql postgresql-contrib libpq-dev libldap2-dev libsasl2-dev gcc git chromium; do
        need_pkg "$pkg"
    done
    if [ "${#apt_missing[@]}" -gt 0 ]; then
        log "installing Debian packages: ${apt_missing[*]}"
        as_root apt-get update -qq
        DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${apt_missing[@]}" >/dev/null
    fi
}

# psql as the postgres superuser, over the local socket, ignoring the PG* variables of the odoo role.
pg_admin() {
    as_root env -u PGHOST -u PGPORT -u PGUSER -u PGPASSWORD su postgres -c "psql -v ON_ERROR_STOP=1 -tAq -p $PGPORT -c \"$1\""
}

setup_postgresql() {
    if ! pg_lsclusters -h 2>/dev/null | grep -q online; then
        log "starting PostgreSQL"
        local cluster
        cluster=$(pg_lsclusters -h | awk 'NR==1 {print $1" "$2}')
        if [ -z "$cluster" ]; then
            as_root pg_createcluster --start "$(ls /usr/lib/postgresql | sort -n | tail -1)" main
        else
            # shellcheck disable=SC2086
            as_root pg_ctlcluster $cluster start
        fi
    fi
    for _ in $(seq 1 30); do
        pg_admin "SELECT 1" >/dev/null 2>&1 && break
        sleep 1
    done
    if ! pg_admin "SELECT 1 FROM pg_roles WHERE rolname = '$PGUSER'" | grep -q 1; then
        log "creating PostgreSQL role $PGUSER (CREATEDB)"
        pg_admin "CREATE ROLE $PGUSER LOGIN CREATEDB PASSWORD '$PGPASSWORD'"
    fi
}

setup_odoo_source() {
    if "$PYTHON" -c "import odoo.release" 2>/dev/null; then
        return
    fi
    if [ ! -f "$ODOO_SRC/odoo/release.py" ]; then
        log "Odoo is not importable: cloning $ODOO_GIT_URL ($ODOO_BRANCH) into $ODOO_SRC"
        as_root mkdir -p "$(dirname "$ODOO_SRC")"
        as_root git clone --quiet --depth 1 --branch "$ODOO_BRANCH" "$ODOO_GIT_URL" "$ODOO_SRC"
    fi
    # Odoo 19 is a namespace package: a .pth entry makes it importable from this Python.
    local site
    site=$("$PYTHON" -c "import sysconfig; print(sysconfig.get_paths()['purelib'])")
    echo "$ODOO_SRC" | as_root tee "$site/odoo19.pth" >/dev/null
    "$PYTHON" -c "import odoo.release" || { log "Odoo is still not importable"; exit 1; }
}

setup_python_requirements() {
    local stamp_dir="${XDG_CACHE_HOME:-$HOME/.cache}/talent_crm"
    local stamp="$stamp_dir/requirements.sha256"
    local want
    local lint="$REPO_DIR/scripts/requirements-lint.txt"
    want=$( (cat "$REPO_DIR/requirements.txt" "$lint"; "$PYTHON" --version) | sha256sum | cut -d' ' -f1)
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] \
        && "$PYTHON" -c "import psycopg2, phonenumbers, pytest_odoo, pylint_odoo, whool" 2>/dev/null; then
        return
    fi
    log "installing Python requirements (Odoo's, the tests' and the lint tools')"
    "$PYTHON" -m pip install --quiet --disable-pip-version-check --root-user-action=ignore -r "$REPO_DIR/requirements.txt"
    # separately: oca-odoo-pre-commit-hooks wants polib 1.2, requirements.txt pins 1.1.1 (both work with Odoo)
    "$PYTHON" -m pip install --quiet --disable-pip-version-check --root-user-action=ignore -r "$lint"
    mkdir -p "$stamp_dir" && echo "$want" > "$stamp"
}

write_odoo_conf() {
    local odoo_root
    odoo_root=$("$PYTHON" - <<'PY'
import os, odoo
for path in odoo.__path__:
    if os.path.exists(os.path.join(path, "release.py")):
        print(os.path.dirname(path))
        break
PY
)
    mkdir -p "$STATE_DIR/data"
    cat > "$ODOO_CONF" <<CONF
[options]
addons_path = $odoo_root/addons,$odoo_root/odoo/addons,$REPO_DIR
data_dir = $STATE_DIR/data
db_host = $PGHOST
db_port = $PGPORT
db_user = $PGUSER
db_password = $PGPASSWORD
admin_passwd = admin
http_port = $HTTP_PORT
http_interface = 127.0.0.1
list_db = False
CONF
}

setup_system_packages
setup_postgresql
setup_python_requirements
setup_odoo_source
write_odoo_conf
log "set-up complete (Odoo $("$PYTHON" -c 'import odoo.release as r; print(r.version)'), config $ODOO_CONF)"
