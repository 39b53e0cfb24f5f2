# Copyright 2026 talent_crm developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import copy
import csv
import io
import logging

from odoo import Command, api, fields, models, tools
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import SQL

from ..tools import pg, profile_urls

_logger = logging.getLogger(__name__)

# rows created per batch (one ORM create, one commit)
IMPORT_BATCH_SIZE = 1000
# field types a column can fill directly (the cell's text, converted)
SIMPLE_TYPES = {"char", "text", "html", "selection", "integer", "float", "monetary", "boolean", "date", "datetime"}
# columns that list skills (comma-separated names) and their levels (in the same order)
SKILL_PATHS = {"applicant_skill_ids", "applicant_skill_ids/skill_id", "skill_ids"}
LEVEL_PATHS = {"applicant_skill_ids/skill_level_id"}
TRUE_WORDS = {"1", "true", "yes", "y", "x", "ja", "wahr"}
FALSE_WORDS = {"", "0", "false", "no", "n", "nein", "falsch"}


class RowError(Exception):
    """A row that cannot be imported; the message says why (for the report)."""


class TalentImportJob(models.Model):
    """A talent import running in the background.

    The import wizard (``talent.import.wizard``) stores the file, the columns mapped to
    fields and the choices of the wizard (pools, source, owner, consent); the cron
    ``_cron_talent_import`` then imports the rows in batches of ``IMPORT_BATCH_SIZE``: one
    ``hr.applicant._load_records_create`` per batch (the path of Odoo's own import, which
    finds people already known instead of creating them twice), committed together with
    the job's progress. ``row_done`` is written in the same transaction as the batch's
    talents: a job interrupted (restart, crash) resumes after the last committed batch and
    never imports a row twice. Rows that cannot be imported are rejected one by one, with
    their line and the reason, into a CSV report attached to the job at the end.
    """

    _name = "talent.import.job"
    _description = "Talent Import Job"
    _order = "id desc"

    name = fields.Char(string="File Name", required=True, readonly=True)
    company_id = fields.Many2one("res.company", required=True, readonly=True, default=lambda self: self.env.company)
    user_id = fields.Many2one(
        "res.users", string="Started By", required=True, readonly=True, default=lambda self: self.env.user
    )
    state = fields.Selection(
        [
            ("queued", "Queued"),
            ("running", "Running"),
            ("done", "Done"),
            ("failed", "Failed"),
            ("cancelled", "Cancelled"),
        ],
        required=True,
        default="queued",
        readonly=True,
    )
    file = fields.Binary(attachment=True, readonly=True, copy=False)
    file_type = fields.Char(readonly=True)
    column_fields = fields.Json(readonly=True, help="For each column of the file, the field it fills (or nothing).")
    read_options = fields.Json(readonly=True)
    import_context = fields.Json(readonly=True, help="Pools, source, owner and consent chosen in the import wizard.")
    headers = fields.Json(readonly=True)
    columns = fields.Text(string="Columns Imported", readonly=True)
    row_count = fields.Integer(string="Rows", readonly=True)
    row_done = fields.Integer(string="Rows Done", readonly=True, copy=False)
    progress = fields.Float(compute="_compute_progress")
    created_count = fields.Integer(string="Talents Created", readonly=True, copy=False)
    matched_count = fields.Integer(string="Found Again", readonly=True, copy=False)
    rejected_count = fields.Integer(string="Rows Rejected", readonly=True, copy=False)
    rejected_rows = fields.Json(readonly=True, copy=False)
    report_id = fields.Many2one("ir.attachment", readonly=True, copy=False)
    error = fields.Text(readonly=True, copy=False)
    date_done = fields.Datetime(string="Finished On", readonly=True, copy=False)

    @api.depends("row_done", "row_count", "state")
    def _compute_progress(self):
        for job in self:
            if job.state == "done":
                job.progress = 100.0
            else:
                job.progress = 100.0 * job.row_done / job.row_count if job.row_count else 0.0

    # ------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        jobs = super().create(vals_list)
        self.env.ref("talent_crm.ir_cron_talent_import")._trigger()
        return jobs

    def action_cancel(self):
        self.filtered(lambda job: job.state in ("queued", "running")).write({"state": "cancelled"})
        return True

    def action_download_report(self):
        self.ensure_one()
        if not self.report_id:
            raise UserError(self.env._("There is no report yet: it is written when the import ends."))
        return {
            "type": "ir.actions.act_url",
            "url": "/web/content/%s?download=true" % self.report_id.id,
            "target": "self",
        }

    def action_open_talents(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("talent_crm.hr_applicant_action_talent")
        source = (self.import_context or {}).get("default_source_id")
        action["domain"] = [("talent_pool_ids", "!=", False), ("source_id", "=", source)]
        return action

    # ------------------------------------------------------------
    # Reading the file
    # ------------------------------------------------------------

    @api.model
    def _talent_read_rows(self, raw, file_type, file_name, options):
        """Rows of the file as lists of cells, read by Odoo's own import (CSV, XLSX, XLS, ODS).

        :return: (header cells, [(line number, cells)]) without empty rows
        """
        importer = self.env["base_import.import"].new(
            {"res_model": "hr.applicant", "file": raw, "file_type": file_type, "file_name": file_name}
        )
        try:
            _length, rows = importer._read_file(dict(options))
        except (ValueError, csv.Error) as error:
            raise UserError(self.env._("The file cannot be read: %(error)s", error=error)) from error
        rows = list(rows)
        headers = [str(cell or "").strip() for cell in rows[0]] if rows else []
        lines = [(index + 1, row) for index, row in enumerate(rows) if index and any(row)]
        return headers, lines

    # ------------------------------------------------------------
    # Converting rows (set-wise: every lookup once per batch)
    # ------------------------------------------------------------

    @api.model
    def _talent_supported_path(self, path):
        """Whether the background import can fill the field ``path`` (a column mapping)."""
        if not path:
            return False
        if path in SKILL_PATHS or path in LEVEL_PATHS:
            return True
        field = self.env["hr.applicant"]._fields.get(path)
        if field is None or not field.store or (field.compute and field.readonly) or field.name == "id":
            return False
        if field.type in SIMPLE_TYPES or field.type == "many2one":
            return True
        return field.type == "many2many"

    def _talent_lookup(self, comodel, names, cache):
        """Map names (case-insensitively) to ids of ``comodel``, one search for all unknown names."""
        wanted = {name.strip().lower() for name in names if name and name.strip()} - set(cache)
        if not wanted:
            return
        # as the person who imports: only what they may see is found
        Model = self.env[comodel].with_user(self.user_id).with_company(self.company_id).with_context(active_test=True)
        rec_name = Model._rec_name or "id"
        domain = Domain.OR([Domain(rec_name, "=ilike", name) for name in wanted])
        if comodel == "res.country":
            domain |= Domain("code", "in", [name.upper() for name in wanted if len(name) == 2])
        if "company_id" in Model._fields:
            # as the wizard's pools: never another company's records
            domain &= Domain("company_id", "in", [self.company_id.id, False])
        for record in Model.search_fetch(domain, [rec_name], order="id"):
            cache.setdefault(str(record[rec_name]).lower(), record.id)
            if comodel == "res.country":
                cache.setdefault(record.code.lower(), record.id)
        for name in wanted:
            cache.setdefault(name, False)

    def _talent_skill_catalogue(self):
        """{skill name (lower case): (skill, {level name (lower case): level id}, default level id)}."""
        catalogue = {}
        Skill = self.env["hr.skill"].with_user(self.user_id).with_company(self.company_id)
        for skill in Skill.search([("skill_type_id", "!=", False)], order="id"):
            skill_type = skill.skill_type_id
            levels = {level.name.lower(): level.id for level in skill_type.skill_level_ids}
            default = skill_type.skill_level_ids.filtered("default_level")[:1] or skill_type.skill_level_ids[:1]
            catalogue.setdefault(skill.name.lower(), (skill, levels, default.id))
        return catalogue

    def _talent_convert_rows(self, lines, cache):
        """Turn file rows into ``hr.applicant`` create values.

        :return: ([(line, vals)], [(line, reason)])
        """
        self.ensure_one()
        Applicant = self.env["hr.applicant"]
        paths = self.column_fields or []
        # every many2one and many2many value of the batch, looked up once
        relational = {}
        for index, path in enumerate(paths):
            field = Applicant._fields.get(path) if path else None
            if field is not None and field.type in ("many2one", "many2many"):
                names = relational.setdefault(path, set())
                for _line, row in lines:
                    cell = str(row[index] or "") if index < len(row) else ""
                    names.update(cell.split(",") if field.type == "many2many" else [cell])
        for path, names in relational.items():
            comodel = Applicant._fields[path].comodel_name
            self._talent_lookup(comodel, names, cache.setdefault(comodel, {}))
        if any(path in SKILL_PATHS for path in paths) and "hr.skill" not in cache:
            cache["hr.skill"] = self._talent_skill_catalogue()
        converted, rejected = [], []
        for line, row in lines:
            try:
                converted.append((line, self._talent_convert_row(row, paths, cache)))
            except RowError as error:
                rejected.append((line, str(error)))
        return converted, rejected

    def _talent_convert_row(self, row, paths, cache):
        Applicant = self.env["hr.applicant"]
        vals, skill_names, level_names = {}, [], []
        for index, path in enumerate(paths):
            if not path:
                continue
            cell = row[index] if index < len(row) else ""
            text = str(cell).strip() if cell not in (None, False) else ""
            if path in SKILL_PATHS:
                skill_names = [name.strip() for name in text.split(",") if name.strip()]
                continue
            if path in LEVEL_PATHS:
                level_names = [name.strip() for name in text.split(",")]
                continue
            if not text:
                continue
            field = Applicant._fields[path]
            label = field.get_description(self.env)["string"]
            vals[path] = self._talent_convert_cell(field, label, text, cache)
        if skill_names:
            vals["applicant_skill_ids"] = self._talent_skill_commands(skill_names, level_names, cache["hr.skill"])
        if not vals.get("partner_name"):
            raise RowError(self.env._("The name is missing."))
        if vals.get("email_from") and not Applicant._talent_is_valid_email(vals["email_from"]):
            raise RowError(self.env._("%(email)s is not a valid email address.", email=vals["email_from"]))
        for fname, kind in profile_urls.KIND_BY_FIELD.items():
            if vals.get(fname):
                try:
                    vals[fname] = profile_urls.NORMALIZERS[kind](vals[fname])
                except profile_urls.InvalidProfileUrl as error:
                    reason = Applicant._talent_url_error_reasons().get(error.code, error.code)
                    raise RowError(
                        self.env._(
                            "%(field)s: %(value)s is not a valid address: %(reason)s.",
                            field=Applicant._fields[fname].get_description(self.env)["string"],
                            value=vals[fname],
                            reason=reason,
                        )
                    ) from error
        return vals

    def _talent_convert_cell(self, field, label, text, cache):
        def bad(value):
            return RowError(self.env._("%(field)s: %(value)s is not a valid value.", field=label, value=value))

        if field.type in ("char", "text", "html"):
            return text
        if field.type == "selection":
            selection = field._description_selection(self.env)
            for key, name in selection:
                if text.lower() in (str(key).lower(), str(name).lower()):
                    return key
            raise bad(text)
        if field.type == "boolean":
            if text.lower() in TRUE_WORDS | FALSE_WORDS:
                return text.lower() in TRUE_WORDS
            raise bad(text)
        try:
            if field.type == "integer":
                return int(float(text))
            if field.type in ("float", "monetary"):
                return float(text.replace(",", "."))
            if field.type == "date":
                return fields.Date.to_date(text[:10])
            if field.type == "datetime":
                return fields.Datetime.to_datetime(text)
        except ValueError as error:
            raise bad(text) from error
        return self._talent_convert_relational(field, label, text, cache)

    def _talent_convert_relational(self, field, label, text, cache):
        names = text.split(",") if field.type == "many2many" else [text]
        ids = []
        for name in (name.strip() for name in names):
            if not name:
                continue
            record_id = cache[field.comodel_name].get(name.lower())
            if not record_id:
                raise RowError(self.env._("%(field)s: %(value)s not found.", field=label, value=name))
            ids.append(record_id)
        if field.type == "many2one":
            return ids[0]
        return [Command.set(ids)]

    def _talent_skill_commands(self, skill_names, level_names, catalogue):
        commands, seen = [], set()
        for position, name in enumerate(skill_names):
            entry = catalogue.get(name.lower())
            if entry is None:
                raise RowError(self.env._("Skill %(skill)s is not in the skill catalogue.", skill=name))
            skill, levels, default_level = entry
            if skill.id in seen:
                continue
            seen.add(skill.id)
            level_name = level_names[position].lower() if position < len(level_names) else ""
            level_id = levels.get(level_name) if level_name else default_level
            if not level_id:
                raise RowError(
                    self.env._(
                        "Skill %(skill)s has no level %(level)s.", skill=skill.name, level=level_names[position]
                    )
                )
            commands.append(
                Command.create(
                    {"skill_id": skill.id, "skill_type_id": skill.skill_type_id.id, "skill_level_id": level_id}
                )
            )
        return commands

    # ------------------------------------------------------------
    # Importing
    # ------------------------------------------------------------

    def _talent_applicant_env(self):
        """``hr.applicant`` as the person who started the import, with the wizard's choices."""
        self.ensure_one()
        context = dict(self.import_context or {}, import_file=True, tracking_disable=False)
        return (
            self.env["hr.applicant"]
            .with_user(self.user_id)
            .with_company(self.company_id)
            .with_context(**context, allowed_company_ids=[self.company_id.id])
        )

    def _talent_import_batch(self, converted):
        """Import the converted rows; a batch that fails is imported again row by row.

        :return: ([(line, talent, created)], [(line, reason)])
        """
        Applicant = self._talent_applicant_env()
        # the talents this batch creates get ids above every id visible now (a sequence only grows);
        # a row that gives a talent seen before (known already, or earlier in the file) found it again
        self.env.cr.execute(SQL("SELECT COALESCE(MAX(id), 0) FROM hr_applicant"))
        last_id = self.env.cr.fetchone()[0]
        seen = set()

        def created(talent):
            is_new = talent.id > last_id and talent.id not in seen
            seen.add(talent.id)
            return is_new

        try:
            with self.env.cr.savepoint(), pg.jit_disabled(self.env.cr):
                talents = Applicant._load_records_create([copy.deepcopy(vals) for _line, vals in converted])
                self.env.flush_all()
            return [
                (line, talent, created(talent)) for (line, _vals), talent in zip(converted, talents, strict=True)
            ], []
        except (UserError, ValidationError, ValueError) as error:
            _logger.info("talent import %s: batch failed (%s), importing its rows one by one", self.id, error)
            self.env.invalidate_all()
        imported, rejected = [], []
        for line, vals in converted:
            try:
                with self.env.cr.savepoint():
                    talent = Applicant._load_records_create([copy.deepcopy(vals)])
                    self.env.flush_all()
                imported.append((line, talent, created(talent)))
            except (UserError, ValidationError, ValueError) as error:
                self.env.invalidate_all()
                rejected.append((line, tools.ustr(getattr(error, "args", [error])[0] or error)))
        return imported, rejected

    def _talent_process(self, lines, cache, batch_size=IMPORT_BATCH_SIZE):
        """Import the next batch of this job (locked by the caller) and record the progress.

        :param lines: every row of the file, as returned by :meth:`_talent_read_rows`
        :return: the number of rows processed
        """
        self.ensure_one()
        batch = [(line, row) for line, row in lines[self.row_done : self.row_done + batch_size]]
        converted, rejected = self._talent_convert_rows(batch, cache)
        imported, failed = self._talent_import_batch(converted) if converted else ([], [])
        rejected += failed
        report = list(self.rejected_rows or [])
        report += [[line, "rejected", reason] for line, reason in rejected]
        report += [
            [line, "found", self.env._("Found again: completed %(name)s.", name=talent.partner_name)]
            for line, talent, created in imported
            if not created
        ]
        done = self.row_done + len(batch)
        vals = {
            "state": "running",
            "row_done": done,
            "created_count": self.created_count + len({talent.id for _l, talent, created in imported if created}),
            "matched_count": self.matched_count + sum(1 for _l, _t, created in imported if not created),
            "rejected_count": self.rejected_count + len(rejected),
            "rejected_rows": sorted(report),
        }
        if done >= len(lines):
            vals.update(state="done", date_done=fields.Datetime.now())
        self.write(vals)
        if self.state == "done":
            self._talent_write_report(lines)
        return len(batch)

    def _talent_write_report(self, lines):
        """The CSV report of the rows not imported as new talents: line, result, reason, the row."""
        self.ensure_one()
        rows = dict(lines)
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        header_row = self.headers or []
        writer.writerow([self.env._("Line"), self.env._("Result"), self.env._("Reason"), *header_row])
        labels = {"rejected": self.env._("Rejected"), "found": self.env._("Found again")}
        for line, result, reason in sorted(self.rejected_rows or []):
            writer.writerow([line, labels.get(result, result), reason, *[str(cell) for cell in rows.get(line, [])]])
        attachment = self.env["ir.attachment"].sudo().create(
            {
                "name": self.env._("Import report %(file)s.csv", file=self.name),
                "raw": buffer.getvalue().encode(),
                "mimetype": "text/csv",
                "res_model": self._name,
                "res_id": self.id,
            }
        )
        self.report_id = attachment

    def _talent_claim(self):
        """Lock the oldest job to run that no other worker holds (held jobs are skipped)."""
        self.env.cr.execute(
            SQL(
                """SELECT id FROM talent_import_job
                    WHERE state IN ('queued', 'running')
                    ORDER BY id
                    LIMIT 1
                      FOR NO KEY UPDATE SKIP LOCKED"""
            )
        )
        row = self.env.cr.fetchone()
        return self.sudo().browse(row[0] if row else [])

    @api.model
    def _cron_talent_import(self, batch_size=None):
        """Run the queued imports, a batch per transaction, until done or out of time.

        Safe with two workers: each batch first locks its job (``SKIP LOCKED``), so a job is
        worked on by one worker at a time, and the rows done are committed with the talents.
        """
        cron = self.env["ir.cron"]
        batch_size = batch_size or int(
            self.env["ir.config_parameter"].sudo().get_param("talent_crm.import_batch_size", IMPORT_BATCH_SIZE)
        )
        files = {}  # job id -> rows, read once per run
        caches = {}  # job id -> looked-up names
        while True:
            job = self._talent_claim()
            if not job:
                cron._commit_progress(remaining=0)
                break
            job.invalidate_recordset()
            if job.id not in files:
                try:
                    files[job.id] = self._talent_read_rows(
                        base64.b64decode(job.file), job.file_type, job.name, job.read_options or {}
                    )[1]
                except UserError as error:
                    job.write({"state": "failed", "error": str(error)})
                    cron._commit_progress(remaining=0)
                    continue
            lines = files[job.id]
            processed = job._talent_process(lines, caches.setdefault(job.id, {}), batch_size=batch_size)
            remaining = len(lines) - job.row_done
            if not cron._commit_progress(processed, remaining=remaining):
                break
