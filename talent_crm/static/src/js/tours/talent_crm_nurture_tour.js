/* Copyright 2026 talent_crm developers
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import { registry } from "@web/core/registry";
import { openTalentCrm } from "@talent_crm/js/tours/talent_crm_tour_steps";

// A recruiter builds a nurture sequence with two steps and enrolls a talent from the talent list.
registry.category("web_tour.tours").add("talent_crm_nurture_tour", {
    url: "/odoo",
    steps: () => [
        ...openTalentCrm("Nurture", "Sequences"),
        {
            content: "The ready-made sequences are there",
            trigger: ".o_list_view .o_data_row:contains('Quarterly keep-warm')",
        },
        {
            content: "Create a sequence",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=name] input",
            run: "edit Tour follow-up",
        },
        {
            content: "Add the first step",
            trigger: ".o_field_widget[name=step_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=name] input",
            run: "edit Thank you email",
        },
        {
            content: "Pick the welcome template",
            trigger: ".modal .o_field_widget[name=mail_template_id] input",
            run: "edit Welcome to our talent community",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('Nurture: Welcome to our talent community')",
            run: "click",
        },
        {
            content: "Save the step",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=step_ids] .o_data_row:contains('Thank you email')",
        },
        {
            content: "Add a LinkedIn task a week later",
            trigger: ".o_field_widget[name=step_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=name] input",
            run: "edit Connect on LinkedIn",
        },
        {
            trigger: ".modal .o_field_widget[name=channel] input[data-value=linkedin]",
            run: "click",
        },
        {
            content: "The task type follows the channel",
            trigger: ".modal .o_field_widget[name=activity_type_id] input:value('LinkedIn touch')",
        },
        {
            trigger: ".modal .o_field_widget[name=delay_days] input",
            run: "edit 7",
        },
        {
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=step_ids] .o_data_row:contains('Connect on LinkedIn')",
        },
        {
            content: "Save the sequence",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_breadcrumb .active:contains('Tour follow-up')",
        },
        {
            content: "Go to the talents",
            trigger: ".o_main_navbar button:contains('Talents')",
            run: "click",
        },
        {
            trigger: ".dropdown-menu a:contains('Talents')",
            run: "click",
        },
        {
            content: "Select a talent",
            trigger: ".o_data_row:contains('Tina Tour') .o_list_record_selector input",
            run: "click",
        },
        {
            content: "Open the actions",
            trigger: ".o_cp_action_menus .fa-cog",
            run: "click",
        },
        {
            trigger: ".o-dropdown--menu .o_menu_item:contains('Enroll in a Sequence')",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=sequence_id] input",
            run: "edit Tour follow-up",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('Tour follow-up')",
            run: "click",
        },
        {
            trigger: ".modal button[name=action_enroll]",
            run: "click",
        },
        {
            content: "The talent is enrolled and running",
            trigger: ".o_list_view .o_data_row:contains('Tina Tour'):contains('Running'):contains('Thank you email')",
        },
    ],
});
