/* Copyright 2026 talent_crm developers
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import { registry } from "@web/core/registry";

// A recruiter opens a pool, starts "Send a mailing" and sends the prefilled newsletter.
registry.category("web_tour.tours").add("talent_crm_campaign_tour", {
    steps: () => [
        {
            content: "Send a mailing from the pool",
            trigger: ".o_form_view button[name=action_talent_send_mailing]",
            run: "click",
        },
        {
            content: "The mailing targets the pool",
            trigger: ".o_field_widget[name=talent_pool_ids] .o_tag:contains('Campaign Tour Pool')",
        },
        {
            content: "Subject",
            trigger: ".o_field_widget[name=subject] input",
            run: "edit Our spring news",
        },
        {
            content: "Send",
            trigger: ".o_form_view button[name=action_launch]",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal button:contains('Send to all')",
            run: "click",
        },
        {
            content: "The mailing is queued",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('In Queue')",
        },
    ],
});
