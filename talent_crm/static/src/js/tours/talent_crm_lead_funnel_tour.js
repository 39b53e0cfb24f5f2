/* Copyright 2026 talent_crm developers
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import { registry } from "@web/core/registry";
import { openTalentCrm } from "@talent_crm/js/tours/talent_crm_tour_steps";

const column = (title) => `.o_kanban_group:has(.o_column_title:contains('${title}'))`;

// A recruiter drags a lead across the funnel kanban, then converts it into an application.
registry.category("web_tour.tours").add("talent_crm_lead_funnel_tour", {
    url: "/odoo",
    steps: () => [
        ...openTalentCrm("Talents", "Lead Funnel"),
        {
            content: "The lead waits in Captured",
            trigger: `${column("Captured")} .o_kanban_record:contains('Kira Kanban')`,
        },
        {
            content: "The card can be dragged",
            trigger: ".o_kanban_record.o_draggable:contains('Kira Kanban')",
        },
        {
            content: "Drag the lead to Qualified",
            trigger: ".o_kanban_record:contains('Kira Kanban')",
            run: `drag_and_drop (${column("Qualified")})`,
        },
        {
            content: "The lead is qualified, and the move is saved (the card can be dragged again)",
            trigger: `${column("Qualified")} .o_kanban_record.o_draggable:contains('Kira Kanban')`,
        },
        {
            content: "Drag the lead to Activated: a conversation about a concrete role",
            trigger: ".o_kanban_record:contains('Kira Kanban')",
            run: `drag_and_drop (${column("Activated")})`,
        },
        {
            content: "The lead is activated, and the move is saved",
            trigger: `${column("Activated")} .o_kanban_record.o_draggable:contains('Kira Kanban')`,
        },
        {
            content: "Open the activated lead",
            trigger: `${column("Activated")} .o_kanban_record:contains('Kira Kanban')`,
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=talent_lead_state] .o_arrow_button_current:contains('Activated')",
        },
        {
            content: "Convert: create an application",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_job_add_applicants']",
            run: "click",
        },
        {
            content: "Pick the job",
            trigger: ".modal .o_field_widget[name=job_ids] input",
            run: "edit Tour Backend Job",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('Tour Backend Job')",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=job_ids] .o_tag:contains('Tour Backend Job')",
        },
        {
            content: "Create the application",
            trigger: ".modal-footer button[name='action_add_applicants_to_job']",
            run: "click",
        },
        {
            content: "The new application opens",
            trigger: ".o_form_view .o_field_widget[name=job_id] input:value('Tour Backend Job')",
        },
    ],
});
