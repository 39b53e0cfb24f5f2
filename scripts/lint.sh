#!/usr/bin/env bash
# Lint, as OCA's CI does it: every hook of .pre-commit-config.yaml over every tracked file
# (OCA's module/XML/manifest and .po checks, ruff, pylint-odoo with .pylintrc, whool-init and
# the generic pre-commit hooks). Offline: the hooks call the tools that scripts/setup.sh installs.
# Exits non-zero on any message; the fixers among the hooks (ruff --fix, trailing whitespace,
# end of file) leave their fixes in the work tree for review, as pre-commit does.
source "$(dirname "${BASH_SOURCE[0]}")/_env.sh"

cd "$REPO_DIR"
log "lint: pre-commit run --all-files"
start=$SECONDS
status=0
"$PYTHON" -m pre_commit run --all-files --color=never "$@" || status=$?
log "lint: $( ((status)) && echo FAILED || echo passed) in $((SECONDS - start))s"
exit "$status"
