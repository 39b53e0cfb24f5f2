# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from markupsafe import Markup

from odoo import Command, models
from odoo.exceptions import LockError, UserError
from odoo.fields import Domain
from odoo.tools import split_every

# Talents converted per round: each round costs a fixed number of queries.
CONVERT_BATCH_SIZE = 500


class JobAddApplicants(models.TransientModel):
    """Odoo's talent-to-job path, made the lead conversion of the talent CRM.

    Odoo copies each talent into an application per job. On top of that the conversion
    refuses people who asked not to be contacted, keeps the same contact and the CV, never opens a second
    ongoing application for the same person and job, logs the hand-over on both sides and
    moves the talent to Converted, in batches with a fixed number of queries each.
    """

    _inherit = "job.add.applicants"

    def _add_applicants_to_job(self):
        if self.env.context.get("talent_crm_convert"):
            # one round of the conversion (see _talent_convert_batch): Odoo's copy of the talents
            return super()._add_applicants_to_job()
        created, reused = self._talent_convert()
        return created | reused

    def action_add_applicants_to_job(self):
        created, reused = self._talent_convert()
        applications = created | reused
        if len(applications) == 1:
            return {
                "type": "ir.actions.act_window",
                "res_model": "hr.applicant",
                "view_mode": "form",
                "views": [(False, "form")],
                "target": "current",
                "res_id": applications.id,
            }
        message = self.env._("Created %(count)s applications.", count=len(created))
        if reused:
            message += " " + self.env._(
                "%(count)s already had an ongoing application for the job, kept as it is: %(names)s.",
                count=len(reused),
                names=reused._talent_names(),
            )
        return self.env["hr.talent.pool"]._talent_notification(message)

    def _talent_convert(self):
        """Create the applications; return ``(created, reused)`` applications."""
        self.ensure_one()
        self._talent_check_conversion()
        Applicant = self.env["hr.applicant"]
        created, reused = Applicant, Applicant
        for batch_ids in split_every(CONVERT_BATCH_SIZE, self.applicant_ids.ids):
            batch_created, batch_reused = self._talent_convert_batch(Applicant.browse(batch_ids))
            created |= batch_created
            reused |= batch_reused
        return created, reused

    def _talent_check_conversion(self):
        if not self.job_ids:
            raise UserError(self.env._("Choose the job position to create applications for."))
        if not self.applicant_ids:
            raise UserError(self.env._("Choose the talents to create applications for."))
        blocked = self.applicant_ids.filtered(
            lambda a: a.talent_lead_state == "do_not_contact" or a.partner_id.talent_do_not_contact
        )
        if blocked:
            raise UserError(
                self.env._(
                    "These people asked not to be contacted: %(names)s.",
                    names=blocked._talent_names(),
                )
            )

    def _talent_convert_batch(self, sources):
        Applicant = self.env["hr.applicant"]
        jobs = self.job_ids
        # two recruiters converting the same person at once: the second one waits for nothing,
        # is told, and finds the application on the next try
        try:
            (sources | sources.pool_applicant_id).lock_for_update(allow_referencing=True)
        except LockError:
            raise UserError(
                self.env._("Someone else is creating applications for these people right now. Try again in a moment.")
            ) from None
        open_applications = self._talent_open_applications(sources, jobs)
        # one application per person and job: the same person selected twice is converted once
        missing_jobs = defaultdict(list)
        claimed = set()
        reused = Applicant
        for source in sources:
            person = ("partner", source.partner_id.id) if source.partner_id else ("applicant", source.id)
            job_ids = []
            for job in jobs:
                if (source.id, job.id) in open_applications:
                    reused |= open_applications[source.id, job.id]
                elif (person, job.id) not in claimed:
                    claimed.add((person, job.id))
                    job_ids.append(job.id)
            if job_ids:
                missing_jobs[tuple(job_ids)].append(source.id)

        created = Applicant
        pairs = []
        # tracking stays on: the stage's email template goes out at creation, as in Odoo
        convert_context = {"talent_crm_convert": True}
        for job_ids, source_ids in missing_jobs.items():
            wizard = self.create({"applicant_ids": [Command.set(source_ids)], "job_ids": [Command.set(list(job_ids))]})
            # Odoo creates one application per (applicant, job), in this order
            wizard_pairs = [(source, job) for source in wizard.applicant_ids for job in wizard.job_ids]
            applications = wizard.with_context(**convert_context)._add_applicants_to_job()
            pairs += [
                (source, job, application)
                for (source, job), application in zip(wizard_pairs, applications, strict=True)
            ]
            created |= applications
        created = created.with_env(self.env)

        # reused applications of the person that were not linked to the talent yet
        talent_of = {}
        for (source_id, _job_id), application in open_applications.items():
            talent = Applicant.browse(source_id).pool_applicant_id
            if talent.talent_pool_ids and not application.pool_applicant_id:
                talent_of[application.id] = talent
        Applicant.browse(list(talent_of))._talent_link_to(talent_of)

        Applicant._talent_copy_attachments([(source, application) for source, _job, application in pairs])
        self._talent_subscribe_followers(created)
        self._talent_log_conversion(pairs, reused)
        return created, reused

    def _talent_open_applications(self, sources, jobs):
        """Ongoing applications of the people of ``sources`` for ``jobs``: ``{(source id, job id): application}``.

        The person is known by the talent, the contact or the normalised email.
        """
        talents = sources.pool_applicant_id | sources.filtered("talent_pool_ids")
        emails = [email for email in sources.mapped("email_normalized") if email]
        person = Domain.OR(
            [
                Domain("pool_applicant_id", "in", talents.ids),
                Domain("partner_id", "in", sources.partner_id.ids),
                Domain("email_normalized", "in", emails),
            ]
        )
        domain = (
            person
            & Domain("job_id", "in", jobs.ids)
            & Domain("talent_pool_ids", "=", False)
            & Domain("application_status", "in", ["ongoing"])
        )
        applications = self.env["hr.applicant"].search(domain, order="id")
        index = {}
        for application in applications:
            job_id = application.job_id.id
            for key in (
                ("talent", application.pool_applicant_id.id),
                ("partner", application.partner_id.id),
                ("email", application.email_normalized),
            ):
                if key[1]:
                    index.setdefault((key, job_id), application)
        result = {}
        for source in sources:
            talent = source.pool_applicant_id if source.pool_applicant_id.talent_pool_ids else source
            keys = (
                ("talent", talent.id if talent.talent_pool_ids else False),
                ("partner", source.partner_id.id),
                ("email", source.email_normalized),
            )
            for job in jobs:
                match = next((index[key, job.id] for key in keys if key[1] and (key, job.id) in index), None)
                if match:
                    result[source.id, job.id] = match
        return result

    def _talent_subscribe_followers(self, applications):
        """Who follows a new application in Odoo: the one who created it and the job's recruiter."""
        Followers = self.env["mail.followers"]
        for user, user_applications in applications.grouped("user_id").items():
            partners = self.env.user.partner_id | user.partner_id
            Followers._insert_followers(
                "hr.applicant", user_applications.ids, partners.ids, check_existing=True, existing_policy="skip"
            )

    def _talent_log_conversion(self, pairs, reused):
        """Chatter on both sides, and the talents move to Converted (batched)."""
        Applicant = self.env["hr.applicant"]
        per_talent = defaultdict(list)
        application_bodies = {}
        for source, _job, application in pairs:
            talent = source if source.talent_pool_ids else source.pool_applicant_id
            if talent.talent_pool_ids:
                per_talent[talent].append(application)
                application_bodies[application.id] = self.env._(
                    "Created from the talent %(link)s: contact, skills, tags, source and documents carried over.",
                    link=talent._get_html_link(),
                )
        for application in reused:
            talent = application.pool_applicant_id
            if talent.talent_pool_ids and talent.talent_lead_state not in ("converted", "hired"):
                per_talent[talent].append(application)
        if application_bodies:
            Applicant.browse(list(application_bodies))._message_log_batch(bodies=application_bodies)
        if not per_talent:
            return
        notes = {}
        for talent, applications in per_talent.items():
            links = Markup(", ").join(
                application._get_html_link(title=application.job_id.name) for application in applications
            )
            notes[talent.id] = self.env._("Converted: applications %(links)s.", links=links)
        talents = Applicant.browse(list(notes))
        moved = talents._talent_lead_move(
            "converted",
            reason=", ".join(self.job_ids.mapped("name")),
            origin="conversion",
            system=True,
            notes=notes,
        )
        unmoved = talents - moved
        unmoved._message_log_batch(bodies={talent.id: notes[talent.id] for talent in unmoved})
