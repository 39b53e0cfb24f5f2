# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io
import re
from pathlib import Path

import polib

from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import trans_export

I18N = Path(__file__).resolve().parent.parent / "i18n"


@tagged("post_install", "-at_install", "talent_crm")
class TestTranslations(TransactionCase):
    def test_pot_is_current_and_german_complete(self):
        buffer = io.BytesIO()
        trans_export(False, ["talent_crm"], buffer, "po", self.env)
        exported = {(e.msgctxt or "", e.msgid) for e in polib.pofile(buffer.getvalue().decode())}
        committed = {(e.msgctxt or "", e.msgid) for e in polib.pofile(str(I18N / "talent_crm.pot"))}
        self.assertFalse(exported - committed, "terms missing from talent_crm.pot: run `make i18n`")
        self.assertFalse(committed - exported, "stale terms in talent_crm.pot: run `make i18n`")
        german = polib.pofile(str(I18N / "de.po"))
        translated = {(e.msgctxt or "", e.msgid) for e in german if e.msgstr}
        self.assertFalse(sorted(exported - translated)[:20], "untranslated German terms")
        for entry in german:
            if "%(" in entry.msgid:
                with self.subTest(msgid=entry.msgid):
                    self.assertEqual(
                        sorted(re.findall(r"%\((\w+)\)s", entry.msgid)),
                        sorted(re.findall(r"%\((\w+)\)s", entry.msgstr)),
                        "placeholders kept in the translation",
                    )
