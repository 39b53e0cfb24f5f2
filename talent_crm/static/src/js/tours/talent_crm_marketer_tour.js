/* Copyright 2026 talent_crm developers
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import { registry } from "@web/core/registry";

// The marketer's path, in any language (selectors name fields and buttons, never translated
// text; only record names typed by the test appear): a sequence that enrolls a pool, then a
// mailing to the talents whose record counter counts the people who receive it.

function expectNumber(expected, what) {
    return function () {
        const found = parseInt(this.anchor.textContent.trim(), 10);
        if (found !== expected) {
            throw new Error(`${what}: expected ${expected}, found ${this.anchor.textContent.trim()}`);
        }
    };
}

registry.category("web_tour.tours").add("talent_crm_marketer_sequence_tour", {
    steps: () => [
        {
            content: "Name the sequence",
            trigger: ".o_form_view .o_field_widget[name=name] input",
            run: "edit Marketer Tour Sequence",
        },
        {
            content: "Add an email step",
            trigger: ".o_field_widget[name=step_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=name] input",
            run: "edit Marketer hello",
        },
        {
            trigger: ".modal .o_field_widget[name=channel] input[data-value=email]",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=mail_template_id] input",
            run: "edit Marketer Tour Template",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('Marketer Tour Template')",
            run: "click",
        },
        {
            content: "Save the step",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=step_ids] .o_data_row:contains('Marketer hello')",
        },
        {
            content: "Save the sequence",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Enroll a pool",
            trigger: ".o_form_view button[name=action_open_enroll_pool_wizard]",
            run: "click",
        },
        {
            content: "The wizard is for this sequence",
            trigger: ".modal .o_field_widget[name=sequence_id] input:value('Marketer Tour Sequence')",
        },
        {
            content: "Pick the pool",
            trigger: ".modal .o_field_widget[name=pool_ids] input",
            run: "edit Marketer Tour Pool",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('Marketer Tour Pool')",
            run: "click",
        },
        {
            content: "Three people will be enrolled (one profile twice, one may not be contacted)",
            trigger: ".modal .o_field_widget[name=talent_count] span:contains('3')",
            run: expectNumber(3, "people to enroll"),
        },
        {
            content: "The wizard says why the others are skipped",
            trigger: ".modal .o_talent_enroll_preview:contains('3'):contains('1')",
        },
        {
            trigger: ".modal button[name=action_enroll]",
            run: "click",
        },
        {
            content: "The enrollments of the pool are listed (the wizard is closed)",
            trigger:
                "body:not(:has(.modal)) .o_action_manager .o_list_view " +
                ".o_data_row:contains('Olga Outreach'):contains('Marketer Tour Sequence')",
        },
    ],
});

registry.category("web_tour.tours").add("talent_crm_marketer_mailing_tour", {
    steps: () => [
        {
            content: "Subject",
            trigger: ".o_form_view .o_field_widget[name=subject] input",
            run: "edit Talent news",
        },
        {
            content: "Type Talent in Recipients",
            trigger: ".o_field_widget[name=mailing_model_id] input",
            run: "edit Talent",
        },
        {
            content: "Talents are found",
            trigger: ".o-autocomplete--dropdown-item a:contains('Talent')",
            run: "click",
        },
        {
            content: "The talent audience is on",
            trigger: ".o_field_widget[name=talent_audience] input:checked",
        },
        {
            content: "Only the pool",
            trigger: ".o_field_widget[name=talent_pool_ids] input",
            run: "edit Marketer Tour Pool",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('Marketer Tour Pool')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=talent_pool_ids] .o_tag:contains('Marketer Tour Pool')",
        },
        {
            content: "The record counter counts the people who receive the mailing",
            trigger: ".o_field_widget[name=mailing_domain] .o_domain_show_selection_button:contains('3')",
            run: expectNumber(3, "record counter"),
        },
        {
            content: "Save the mailing",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
        },
    ],
});
