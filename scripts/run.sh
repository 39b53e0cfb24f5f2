#!/usr/bin/env bash
# Set up, create (or update) the demo database with talent_crm and its demo data,
# then serve the web client on http://localhost:8069 (login admin, password admin).
source "$(dirname "${BASH_SOURCE[0]}")/_env.sh"

DEMO_DB="${DEMO_DB:-talent_crm_demo}"

bash "$REPO_DIR/scripts/setup.sh"

if module_installed "$DEMO_DB"; then
    log "updating talent_crm in $DEMO_DB"
    odoo_cmd -d "$DEMO_DB" -u talent_crm --stop-after-init --log-level=warn
else
    log "creating $DEMO_DB with talent_crm and demo data"
    dropdb --if-exists "$DEMO_DB"
    odoo_cmd -d "$DEMO_DB" -i talent_crm --with-demo --stop-after-init --log-level=warn
fi

# Multi-process serving (see README, "Deployment"): WORKERS web workers, CRON_WORKERS cron
# workers and Odoo's gevent process (websocket, bus) on GEVENT_PORT. 0 workers: one threaded process.
WORKERS="${WORKERS:-0}"
CRON_WORKERS="${CRON_WORKERS:-1}"
GEVENT_PORT="${GEVENT_PORT:-$((HTTP_PORT + 3))}"
serve=(-c "$ODOO_CONF" -d "$DEMO_DB" --db-filter="^$DEMO_DB\$" --http-interface=0.0.0.0)
if [ "$WORKERS" -gt 0 ]; then
    serve+=(--workers="$WORKERS" --max-cron-threads="$CRON_WORKERS" --gevent-port="$GEVENT_PORT")
    log "$WORKERS web workers, $CRON_WORKERS cron workers, websocket on port $GEVENT_PORT"
fi
log "serving http://localhost:$HTTP_PORT (login: admin, password: admin); Ctrl-C stops"
# odoo-bin, not `python -m odoo`: in multi-worker mode Odoo starts its gevent process by re-running
# sys.argv[0], which must be a script
exec "$PYTHON" "$(odoo_bin)" "${serve[@]}" "$@"
