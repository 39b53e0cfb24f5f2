/* Copyright 2026 talent_crm developers
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";
import { openTalentCrm } from "@talent_crm/js/tours/talent_crm_tour_steps";

// The recruiter's path, in any language (no selector reads a translated text): search the
// talents, add one to a pool, open a job from Recruitment, its best matches from the job card's
// menu, convert the best match into an application, open the job's pipeline (and its best
// matches from there), and refuse an application.
registry.category("web_tour.tours").add("talent_crm_recruiter_path_tour", {
    url: "/odoo",
    steps: () => [
        ...openTalentCrm(),
        {
            content: "Search the talents",
            trigger: ".o_list_view .o_searchview_input",
            run: "edit Paula Python",
        },
        {
            trigger: ".o_searchview_input",
            run: "press Enter",
        },
        {
            content: "Open the talent found",
            trigger: ".o_list_view .o_data_row:contains('Paula Python') td[name='partner_name']",
            run: "click",
        },
        {
            content: "Add the talent to a pool",
            trigger: ".o_form_view .o_field_widget[name=talent_pool_ids] input",
            run: "edit Tour Python Pool",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('Tour Python Pool')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=talent_pool_ids] .o_tag:contains('Tour Python Pool')",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
        },
        stepUtils.showAppsMenuItem(),
        {
            content: "Open Recruitment",
            trigger: '.o_app[data-menu-xmlid="hr_recruitment.menu_hr_recruitment_root"]',
            run: "click",
        },
        {
            content: "Open the job card's menu",
            trigger: ".o_kanban_record:contains('Tour Python Developer')",
            run: "hover && click .o_kanban_record:contains('Tour Python Developer') .o_dropdown_kanban .dropdown-toggle",
        },
        {
            content: "Best matches of the job",
            trigger: ".o-dropdown--kanban-record-menu .o_talent_best_matches",
            run: "click",
        },
        {
            content: "The Python developer is the best match, the sales representative is not",
            trigger: ".o_list_view .o_data_row:first-child:contains('Paula Python')",
        },
        {
            content: "Select the best match",
            trigger: ".o_list_view .o_data_row:first-child .o_list_record_selector input",
            run: "click",
        },
        {
            content: "Convert the talent into an application for the job",
            trigger: ".o_control_panel button[name='action_talent_convert']",
            run: "click",
        },
        {
            content: "The job is filled in",
            trigger: ".modal .o_field_widget[name=job_ids] .o_tag:contains('Tour Python Developer')",
        },
        {
            trigger: ".modal button[name='action_add_applicants_to_job']",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
        {
            content: "Back to the jobs",
            trigger: ".o_breadcrumb .breadcrumb-item a:first",
            run: "click",
        },
        {
            content: "Open the job's pipeline",
            trigger: ".o_kanban_record:contains('Tour Python Developer') .number_description:first",
            run: "click",
        },
        {
            content: "The new application is in the pipeline",
            trigger: ".o_kanban_view .o_kanban_record:contains('Paula Python')",
        },
        {
            content: "Best matches from the pipeline too",
            trigger: ".o_control_panel button.o_talent_best_matches",
            run: "click",
        },
        {
            content: "The talent now applying is no longer among the matches",
            trigger: ".o_list_view .o_data_row:first-child:not(:contains('Paula Python'))",
        },
        {
            content: "Back to the pipeline",
            trigger: ".o_breadcrumb .breadcrumb-item a:last",
            run: "click",
        },
        {
            content: "Open the application",
            trigger: ".o_kanban_view .o_kanban_record:contains('Paula Python')",
            run: "click",
        },
        {
            content: "Refuse it",
            trigger: ".o_form_view .o_statusbar_buttons button[name='archive_applicant']",
            run: "click",
        },
        {
            content: "Pick a reason",
            trigger: ".modal .o_field_widget[name=refuse_reason_id] .o_selection_badge:first",
            run: "click",
        },
        {
            trigger: ".modal button[name='action_refuse_reason_apply']",
            run: "click",
        },
        {
            content: "The application is refused",
            trigger: ".o_form_view .ribbon, .o_form_view .o_widget_web_ribbon",
        },
    ],
});
