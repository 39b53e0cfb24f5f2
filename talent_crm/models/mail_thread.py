# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    @api.model
    def _routing_handle_bounce(self, email_message, message_dict):
        """Flag the talents of an address that bounced permanently.

        Odoo (and mass_mailing, for ``mailing.trace``) count every bounce; talent_crm acts on
        hard bounces only, so that a full mailbox does not mark a person as unreachable.
        """
        result = super()._routing_handle_bounce(email_message, message_dict)
        bounced_email = message_dict.get("bounced_email")
        if bounced_email and self._talent_is_hard_bounce(email_message):
            self.env["res.partner"].sudo()._talent_register_hard_bounce(bounced_email)
        return result

    @api.model
    def _talent_is_hard_bounce(self, email_message):
        """Whether a bounce is permanent.

        A delivery status notification (RFC 3464) says so per recipient: ``Status: 5.x.x``
        or ``Action: failed`` is permanent, ``Status: 4.x.x`` or ``Action: delayed`` is
        transient. A bounce without such a report (a plain "undeliverable" text) is
        treated as permanent, as Odoo's own bounce handling does.
        """
        transient = False
        for part in email_message.walk():
            if part.get_content_type() != "message/delivery-status":
                continue
            payload = part.get_payload()
            blocks = payload[1:] if isinstance(payload, list) else []
            for block in blocks:
                status = (block.get("Status") or "").strip()
                action = (block.get("Action") or "").strip().lower()
                if status.startswith("5") or action == "failed":
                    return True
                if status.startswith("4") or action in ("delayed", "relayed", "delivered", "expanded"):
                    transient = True
        return not transient
