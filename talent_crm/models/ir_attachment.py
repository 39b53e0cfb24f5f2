# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models

from ..tools import cv_parser


class IrAttachment(models.Model):
    """Uploaded documents (CVs come from anyone on the web) are indexed with a size cap:
    a file over the byte cap, or an archive that would unpack to too much, is not read at
    all, and the text kept in the index is cut to the text cap."""

    _inherit = "ir.attachment"

    def _index(self, bin_data, file_type, checksum=None):
        if cv_parser.is_oversized(bin_data):
            return None
        return cv_parser.cap_text(super()._index(bin_data, file_type, checksum=checksum))
