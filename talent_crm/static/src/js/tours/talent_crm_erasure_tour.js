/* Copyright 2026 talent_crm developers
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import { registry } from "@web/core/registry";
import { openTalentCrm } from "@talent_crm/js/tours/talent_crm_tour_steps";

// A talent manager processes an erasure request filed from the preference centre.
registry.category("web_tour.tours").add("talent_crm_erasure_tour", {
    url: "/odoo",
    steps: () => [
        ...openTalentCrm("Talents", "Erasure Requests"),
        {
            content: "The request to process is listed",
            trigger: ".o_list_view .o_data_row:contains('Tessa Tour-Erase') td[name=source]",
            run: "click",
        },
        {
            content: "Anonymise now",
            trigger: ".o_form_view button[name=action_erase]",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The request is done",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Erased')",
        },
        {
            content: "The records are listed, the name is gone",
            trigger: ".o_field_widget[name=records_description]:contains('hr.applicant')",
        },
    ],
});
