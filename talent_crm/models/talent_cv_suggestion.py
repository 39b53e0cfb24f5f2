# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, api, fields, models, tools
from odoo.exceptions import UserError

from ..tools import cv_parser, profile_urls

# the talent field each kind of suggestion fills
KIND_FIELDS = {"email": "email_from", "phone": "partner_phone", **profile_urls.FIELD_BY_KIND}


class TalentCvSuggestion(models.Model):
    """One thing found in a talent's CV, waiting for the recruiter to accept or reject it.

    The text comes from Odoo's attachment indexing (``ir.attachment.index_content``,
    PDF through pdfminer and Word documents through ``attachment_indexation``). Nothing
    is written to the profile until the recruiter accepts the suggestion; a rejected
    suggestion is not proposed again for that talent.
    """

    _name = "talent.cv.suggestion"
    _description = "CV Suggestion"
    _order = "talent_id, state desc, kind, id"
    _rec_name = "value"

    talent_id = fields.Many2one("hr.applicant", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="talent_id.company_id", store=True, index=True)
    attachment_id = fields.Many2one("ir.attachment", string="CV", ondelete="set null")
    kind = fields.Selection(
        [
            ("email", "Email"),
            ("phone", "Phone"),
            ("linkedin", "LinkedIn"),
            ("github", "GitHub"),
            ("xing", "Xing"),
            ("website", "Website"),
            ("skill", "Skill"),
        ],
        required=True,
    )
    value = fields.Char(string="Found", required=True)
    skill_id = fields.Many2one("hr.skill", ondelete="cascade")
    skill_type_id = fields.Many2one(related="skill_id.skill_type_id")
    current_value = fields.Char(string="In the Profile", compute="_compute_current_value")
    state = fields.Selection(
        [("pending", "To Review"), ("accepted", "Accepted"), ("rejected", "Rejected")],
        required=True,
        default="pending",
        index=True,
    )

    _talent_kind_value_uniq = models.Constraint(
        "UNIQUE(talent_id, kind, value)", "This suggestion was already made for this talent."
    )

    @api.depends("talent_id", "kind")
    def _compute_current_value(self):
        for suggestion in self:
            fname = KIND_FIELDS.get(suggestion.kind)
            if fname:
                suggestion.current_value = suggestion.talent_id[fname] or False
            elif suggestion.skill_id in suggestion.talent_id.skill_ids:
                suggestion.current_value = suggestion.skill_id.name
            else:
                suggestion.current_value = False

    # ------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------

    def action_accept(self):
        """Write the accepted values to the profiles (skills at the skill type's default level)."""
        pending = self.filtered(lambda s: s.state == "pending")
        for suggestion in pending:
            talent = suggestion.talent_id
            if suggestion.kind == "skill":
                if suggestion.skill_id not in talent.skill_ids:
                    talent.write({"applicant_skill_ids": [Command.create(suggestion._talent_skill_values())]})
            else:
                talent.write({KIND_FIELDS[suggestion.kind]: suggestion.value})
        pending.write({"state": "accepted"})
        return True

    def action_reject(self):
        self.filtered(lambda s: s.state == "pending").write({"state": "rejected"})
        return True

    def _talent_skill_values(self):
        self.ensure_one()
        skill_type = self.skill_id.skill_type_id
        levels = skill_type.skill_level_ids
        level = levels.filtered("default_level")[:1] or levels.sorted("level_progress")[:1]
        if not level:
            raise UserError(
                self.env._(
                    "The skill type %(type)s has no levels: add one before accepting skills.", type=skill_type.name
                )
            )
        return {"skill_id": self.skill_id.id, "skill_type_id": skill_type.id, "skill_level_id": level.id}

    # ------------------------------------------------------------
    # Parsing
    # ------------------------------------------------------------

    @api.model
    def _talent_cv_mimetypes(self):
        return list(cv_parser.CV_MIMETYPES)

    @api.model
    def _talent_cv_text(self, attachment):
        """Text of a CV attachment, from Odoo's index (computed at upload), cut to the text
        cap; a file over the size caps is not read (see ``cv_parser.is_oversized``)."""
        attachment = attachment.sudo()
        if (attachment.file_size or 0) > cv_parser.MAX_DOCUMENT_BYTES:
            raise UserError(
                self.env._(
                    "%(file)s is too large to be read (more than %(size)s MB).",
                    file=attachment.name,
                    size=cv_parser.MAX_DOCUMENT_BYTES // (1024 * 1024),
                )
            )
        text = attachment.index_content
        if not text:
            raw = attachment.raw or b""
            text = "" if cv_parser.is_oversized(raw) else attachment._index(raw, attachment.mimetype)
        return cv_parser.cap_text(text or "")

    @api.model
    def _talent_skill_matchers(self):
        """The skill catalogue with each skill's names in every installed language and its keywords."""
        skills = self.env["hr.skill"].search([("skill_type_id.active", "=", True)])
        names = {skill.id: set() for skill in skills}
        for code, _name in self.env["res.lang"].get_installed():
            for skill in skills.with_context(lang=code):
                names[skill.id].add(skill.name)
        for skill in skills:
            names[skill.id].update(k.strip() for k in (skill.talent_cv_keywords or "").split(",") if k.strip())
        return cv_parser.build_skill_matchers((skill.id, sorted(names[skill.id])) for skill in skills)

    @api.model
    def _talent_parse_cv(self, talent, attachment):
        """Create the suggestions for ``talent`` from ``attachment``; returns the new ones.

        Values the profile already holds, skills it already has and suggestions made
        before (accepted or rejected) are left out.
        """
        talent.ensure_one()
        text = self._talent_cv_text(attachment)
        if not text.strip():
            raise UserError(
                self.env._(
                    "No text could be read from %(file)s (a scanned image?). Enter the data by hand.",
                    file=attachment.name,
                )
            )
        country = talent.talent_country_id or talent.partner_id.country_id or talent.company_id.country_id
        found = cv_parser.parse(text, self._talent_skill_matchers(), region=country.code)
        known = {(s.kind, s.value) for s in self.search([("talent_id", "=", talent.id)])}
        current = {
            "email": tools.email_normalize(talent.email_from or ""),
            "phone": talent.partner_phone_sanitized,
        }
        candidates = [("email", email, False) for email in found["emails"] if email != current["email"]]
        candidates += [("phone", phone, False) for phone in found["phones"] if phone != current["phone"]]
        for kind, url in found["urls"]:
            if url != talent[KIND_FIELDS[kind]]:
                candidates.append((kind, url, False))
        for skill in self.env["hr.skill"].browse(found["skills"]):
            if skill not in talent.skill_ids:
                candidates.append(("skill", "%s (%s)" % (skill.name, skill.skill_type_id.name), skill.id))
        vals_list = []
        for kind, value, skill_id in candidates:
            if (kind, value) in known:
                continue
            known.add((kind, value))
            vals_list.append(
                {
                    "talent_id": talent.id,
                    "attachment_id": attachment.id,
                    "kind": kind,
                    "value": value,
                    "skill_id": skill_id,
                }
            )
        return self.create(vals_list)
