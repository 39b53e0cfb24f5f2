/* Copyright 2026 talent_crm developers
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import { registry } from "@web/core/registry";
import { openTalentCrm } from "@talent_crm/js/tours/talent_crm_tour_steps";

// A recruiter searches "Berlin or remote" in one go, finds no "Add to Talent CRM" on talents,
// opens a converted talent's one Applications button and reads the person's history on the application.
registry.category("web_tour.tours").add("talent_crm_applicant_history_tour", {
    url: "/odoo",
    steps: () => [
        ...openTalentCrm("Talents", "Talents"),
        {
            content: "The talent list is loaded",
            trigger: ".o_list_view .o_data_row:contains('Mia Munich')",
        },
        {
            content: "Search Berlin",
            trigger: "input.o_searchview_input",
            run: "edit Berlin",
        },
        {
            content: "... in City or Remote",
            trigger: ".o_searchview_autocomplete .o-dropdown-item:contains('City or Remote')",
            run: "click",
        },
        {
            content: "People in Berlin and people who work remotely",
            trigger: ".o_list_view .o_data_row:contains('Bea Berlin')",
        },
        {
            trigger: ".o_list_view .o_data_row:contains('Rolf Remote')",
        },
        {
            content: "Nobody on site elsewhere",
            trigger: ".o_list_view:not(:has(.o_data_row:contains('Mia Munich')))",
        },
        {
            content: "Select a talent",
            trigger: ".o_data_row:contains('Rolf Remote') .o_list_record_selector input",
            run: "click",
        },
        {
            content: "Open the Actions menu",
            trigger: ".o_control_panel .o_cp_action_menus button:has(.fa-cog)",
            run: "click",
        },
        {
            content: "Talents can join a pool, but are no applications to add to Talent CRM",
            trigger:
                ".o-dropdown--menu:has(.o-dropdown-item:contains('Add to Pool')):not(:has(.o-dropdown-item:contains('Add to Talent CRM')))",
        },
        {
            content: "Close the menu",
            trigger: ".o_control_panel .o_cp_action_menus button:has(.fa-cog)",
            run: "click",
        },
        {
            content: "Unselect the talent",
            trigger: ".o_data_row:contains('Rolf Remote') .o_list_record_selector input:checked",
            run: "click",
        },
        {
            content: "Open the talent",
            trigger: ".o_data_row:contains('Rolf Remote') td[name=partner_name]",
            run: "click",
        },
        {
            content: "Show every smart button (some may sit under More)",
            trigger: ".o_form_view .o-form-buttonbox",
            run() {
                document.querySelector(".o_form_view .o_button_more")?.click();
            },
        },
        {
            content: "One Applications button: Talent CRM's, not Odoo's second one",
            trigger:
                "body:not(:has(button[name=action_open_applications])) button[name=action_talent_crm_open_applications]",
            run: "click",
        },
        {
            content: "Open the application",
            trigger: ".o_data_row:contains('Tour History Job') td[name=job_id]",
            run: "click",
        },
        {
            content: "The History page of the application",
            trigger: ".o_form_view .o_notebook .nav-link:contains('History')",
            run: "click",
        },
        {
            content: "The person's touches, nurture and consents",
            trigger: ".o_field_widget[name=talent_history_touch_ids] .o_data_row:contains('Coffee at the meetup')",
        },
        {
            trigger: ".o_field_widget[name=talent_history_consent_ids] .o_data_row",
        },
    ],
});
