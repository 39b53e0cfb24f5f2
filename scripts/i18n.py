# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Keep talent_crm/i18n/talent_crm.pot and de.po complete.

    python3 scripts/i18n.py export  -c ODOO_CONF -d DB      # re-export the .pot, merge it into de.po,
                                                              # list what is left to translate (JSON on stdout)
    python3 scripts/i18n.py apply   FILE.json               # {"msgid": "German text", ...} into de.po
    python3 scripts/i18n.py check                           # exit 1 if de.po lacks a translation of the .pot
"""

import argparse
import io
import json
import sys
from pathlib import Path

import polib

I18N = Path(__file__).resolve().parent.parent / "talent_crm" / "i18n"
POT = I18N / "talent_crm.pot"
DE = I18N / "de.po"


def _key(entry):
    return (entry.msgctxt or "", entry.msgid)


def export(conf, dbname):
    import odoo
    from odoo.modules.registry import Registry
    from odoo.tools.translate import trans_export

    odoo.tools.config.parse_config(["-c", conf, "-d", dbname])
    registry = Registry(dbname)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        buffer = io.BytesIO()
        trans_export(False, ["talent_crm"], buffer, "po", env)
    POT.write_bytes(buffer.getvalue())
    merge()


def merge():
    pot = polib.pofile(str(POT))
    old = polib.pofile(str(DE)) if DE.exists() else polib.POFile()
    translated = {_key(e): e.msgstr for e in old if e.msgstr}
    po = polib.POFile(wrapwidth=78)
    po.metadata = dict(pot.metadata)
    po.metadata.update({"Language": "de", "Plural-Forms": "nplurals=2; plural=(n != 1);"})
    po.header = pot.header
    for entry in pot:
        entry = polib.POEntry(
            msgid=entry.msgid,
            msgctxt=entry.msgctxt,
            msgstr=translated.get(_key(entry), ""),
            occurrences=entry.occurrences,
            comment=entry.comment,
            tcomment=entry.tcomment,
            flags=entry.flags,
        )
        po.append(entry)
    po.save(str(DE))
    missing = {e.msgid: "" for e in po if not e.msgstr}
    json.dump(missing, sys.stdout, ensure_ascii=False, indent=1)
    print(file=sys.stdout)
    print("%d entries, %d untranslated" % (len(po), len(missing)), file=sys.stderr)


def apply(path):
    translations = json.loads(Path(path).read_text())
    po = polib.pofile(str(DE), wrapwidth=78)
    for entry in po:
        if not entry.msgstr and translations.get(entry.msgid):
            entry.msgstr = translations[entry.msgid]
    po.save(str(DE))
    return check()


def check():
    pot = polib.pofile(str(POT))
    po = polib.pofile(str(DE))
    translated = {_key(e) for e in po if e.msgstr}
    missing = [e.msgid for e in pot if _key(e) not in translated]
    for msgid in missing:
        print("untranslated: %r" % msgid, file=sys.stderr)
    print("%d entries in the .pot, %d untranslated in de.po" % (len(pot), len(missing)), file=sys.stderr)
    return 1 if missing else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    exp = sub.add_parser("export")
    exp.add_argument("-c", "--config", required=True)
    exp.add_argument("-d", "--database", required=True)
    app = sub.add_parser("apply")
    app.add_argument("file")
    sub.add_parser("check")
    args = parser.parse_args()
    if args.command == "export":
        export(args.config, args.database)
        return 0
    if args.command == "apply":
        return apply(args.file)
    return check()


if __name__ == "__main__":
    sys.exit(main())
