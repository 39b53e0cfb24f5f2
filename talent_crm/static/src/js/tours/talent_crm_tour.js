/* Copyright 2026 talent_crm developers
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import { registry } from "@web/core/registry";
import { openTalentCrm } from "@talent_crm/js/tours/talent_crm_tour_steps";

// A recruiter opens Talent CRM, captures a person and adds them to a pool.
registry.category("web_tour.tours").add("talent_crm_capture_tour", {
    url: "/odoo",
    steps: () => [
        ...openTalentCrm(),
        {
            content: "The talent list is the landing page",
            trigger: ".o_list_view .o_list_button_add",
            run: "click",
        },
        {
            content: "Name",
            trigger: ".o_field_widget[name=partner_name] input",
            run: "edit Tilda Tour",
        },
        {
            content: "Email",
            trigger: ".o_field_widget[name=email_from] input",
            run: "edit tilda.tour@example.com",
        },
        {
            content: "LinkedIn, pasted as found",
            trigger: ".o_field_widget[name=linkedin_profile] input",
            run: "edit de.linkedin.com/in/Tilda-Tour/",
        },
        {
            content: "The lead starts in the default pool",
            trigger: ".o_field_widget[name=talent_pool_ids] .o_tag:contains('New leads')",
        },
        {
            content: "Add the talent to a pool",
            trigger: ".o_field_widget[name=talent_pool_ids] input",
            run: "edit Tour Pool",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('Tour Pool')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=talent_pool_ids] .o_tag:contains('Tour Pool')",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The record is saved",
            trigger: ".o_breadcrumb .active:contains('Tilda Tour')",
        },
        {
            content: "Saved, with the LinkedIn URL in its canonical form",
            trigger: ".o_field_widget[name=linkedin_profile] input:value('https://www.linkedin.com/in/tilda-tour')",
        },
        {
            content: "Back to the pools",
            trigger: ".o_main_navbar button:contains('Talents')",
            run: "click",
        },
        {
            trigger: ".dropdown-menu a:contains('Pools')",
            run: "click",
        },
        {
            content: "The pool shows its new member",
            trigger: ".o_kanban_record:contains('Tour Pool'):contains('1')",
        },
    ],
});
