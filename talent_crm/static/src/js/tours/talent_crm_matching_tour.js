/* Copyright 2026 talent_crm developers
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import { registry } from "@web/core/registry";

// A recruiter opens a job, asks for the best matches from the pools and schedules a task.
registry.category("web_tour.tours").add("talent_crm_matching_tour", {
    steps: () => [
        {
            content: "The job form is open",
            trigger: ".o_form_view .o_form_sheet",
        },
        {
            content: "Best matches from pools",
            trigger: ".o_form_view button[name='action_talent_open_matches']",
            run: "click",
        },
        {
            content: "The best match is ranked first, with its score breakdown",
            trigger: ".o_list_view .o_data_row:first-child:contains('Tina Top') td[name='contribution_skills_required']",
        },
        {
            content: "Open the best match to read why",
            trigger: ".o_list_view .o_data_row:first-child td[name='talent_id']",
            run: "click",
        },
        {
            content: "The explanation lists the factors",
            trigger: ".o_form_view .o_field_widget[name=explanation]:contains('Required skills')",
        },
        {
            content: "Schedule a recruiter task",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_talent_schedule_task']",
            run: "click",
        },
        {
            content: "Confirmation",
            trigger: ".o_notification:contains('recruiter tasks scheduled')",
        },
    ],
});
