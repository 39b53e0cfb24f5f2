# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

# what a candidate sees of their application on the self-service page (issue 19, point 5)
CANDIDATE_STATUSES = ("received", "in_review", "interview", "decision", "closed")


class HrRecruitmentStage(models.Model):
    _inherit = "hr.recruitment.stage"

    talent_candidate_name = fields.Char(
        string="Shown to Candidates As",
        translate=True,
        help="The stage name candidates see on their self-service page. Leave empty for the default: "
        "Received for the first stage, In Review for the second, Decision for the last one before the hired "
        "stage, Interview for the stages in between, Closed for the hired stage. Refused and archived "
        "applications always show Closed. The internal stage name is never shown to candidates.",
    )
    talent_candidate_default_name = fields.Char(
        string="Default for Candidates", compute="_compute_talent_candidate_default_name"
    )

    @api.depends("sequence", "hired_stage")
    @api.depends_context("lang")
    def _compute_talent_candidate_default_name(self):
        labels = self._talent_candidate_labels()
        defaults = self._talent_default_candidate_status()
        for stage in self:
            stage.talent_candidate_default_name = labels[defaults.get(stage.id, "received")]

    @api.model
    def _talent_candidate_labels(self):
        """The candidate-facing names of the statuses, in the current language."""
        return {
            "received": self.env._("Received"),
            "in_review": self.env._("In Review"),
            "interview": self.env._("Interview"),
            "decision": self.env._("Decision"),
            "closed": self.env._("Closed"),
        }

    def _talent_default_candidate_status(self):
        """``{stage id: status}`` derived from the order of all stages: the first is received,
        the second in review, the last before the hired stages decision, the others interview;
        a hired stage is closed."""
        open_ids = self.sudo().search([("hired_stage", "=", False)]).ids
        last = len(open_ids) - 1
        result = {}
        for stage in self:
            if not stage.id:
                result[stage.id] = "received"
            elif stage.hired_stage:
                result[stage.id] = "closed"
            else:
                index = open_ids.index(stage.id) if stage.id in open_ids else 0
                if index == 0:
                    result[stage.id] = "received"
                elif index == 1:
                    result[stage.id] = "in_review"
                elif index == last:
                    result[stage.id] = "decision"
                else:
                    result[stage.id] = "interview"
        return result

    def _talent_candidate_names(self):
        """``{stage id: name shown to candidates}`` in the current language: the stage's own
        candidate-facing name, else its default."""
        labels = self._talent_candidate_labels()
        defaults = self._talent_default_candidate_status()
        return {stage.id: stage.talent_candidate_name or labels[defaults[stage.id]] for stage in self}
