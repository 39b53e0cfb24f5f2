#!/usr/bin/env bash
# Build talent_crm as OCA ships its 19.0 addons: the wheel odoo-addon-talent_crm, built by whool
# from talent_crm/pyproject.toml (version = the manifest's, plus the number of commits since it
# last changed, read from git). Builds into a temporary directory and checks what the wheel holds;
# leaves nothing behind.
source "$(dirname "${BASH_SOURCE[0]}")/_env.sh"

cd "$REPO_DIR"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
start=$SECONDS
log "wheel: pip wheel ./talent_crm (whool)"
"$PYTHON" -m pip wheel --quiet --no-deps --no-build-isolation --disable-pip-version-check \
    --wheel-dir "$out" ./talent_crm
"$PYTHON" - "$out" <<'PY'
import ast, email, pathlib, sys, zipfile

wheels = sorted(pathlib.Path(sys.argv[1]).glob("*.whl"))
assert len(wheels) == 1, "one wheel built: %s" % wheels
wheel = wheels[0]
version = ast.literal_eval(pathlib.Path("talent_crm/__manifest__.py").read_text())["version"]
assert wheel.name.startswith("odoo_addon_talent_crm-%s" % version) and wheel.name.endswith("-py3-none-any.whl"), (
    "the wheel is named after the addon and its manifest version %s: %s" % (version, wheel.name)
)
with zipfile.ZipFile(wheel) as archive:
    names = set(archive.namelist())
    metadata = email.message_from_bytes(
        archive.read(next(name for name in names if name.endswith(".dist-info/METADATA")))
    )
addon = "odoo/addons/talent_crm/"
required = ["__init__.py", "__manifest__.py", "i18n/de.po", "i18n/talent_crm.pot", "security/ir.model.access.csv"]
missing = [name for name in required if addon + name not in names]
assert not missing, "the wheel lacks %s" % missing
outside = sorted(name for name in names if not name.startswith((addon, wheel.name.split("-")[0] + "-")))
assert not outside, "files outside odoo/addons/talent_crm/: %s" % outside
stray = sorted(name for name in names if "__pycache__" in name or name.endswith((".pyc", "pyproject.toml")))
assert not stray, "build or cache files in the wheel: %s" % stray
assert metadata["Name"] == "odoo-addon-talent_crm", metadata["Name"]
assert "odoo==19.0.*" in metadata.get_all("Requires-Dist", []), metadata.get_all("Requires-Dist")
print("wheel: %s, %d files, Requires-Dist: %s" % (wheel.name, len(names), ", ".join(metadata.get_all("Requires-Dist"))))
PY
log "wheel: built and checked in $((SECONDS - start))s"
