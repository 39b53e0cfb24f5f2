/* Copyright 2026 talent_crm developers
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import { registry } from "@web/core/registry";
import { openTalentCrm } from "@talent_crm/js/tours/talent_crm_tour_steps";

// A head of talent reviews the possible duplicates and merges one pair.
registry.category("web_tour.tours").add("talent_crm_merge_tour", {
    url: "/odoo",
    steps: () => [
        ...openTalentCrm("Talents", "Possible Duplicates"),
        {
            content: "The pair is listed with its reason",
            trigger: ".o_data_row:contains('Mona Merge'):contains('Same email')",
        },
        {
            content: "Merge it",
            trigger: ".o_data_row:contains('Mona Merge') button[name=action_merge]",
            run: "click",
        },
        {
            content: "The wizard shows both talents",
            trigger: ".modal .o_field_widget[name=preview]:contains('Mona M.')",
        },
        {
            content: "Confirm",
            trigger: ".modal button[name=action_merge]",
            run: "click",
        },
        {
            content: "The kept talent opens, with a note of the merge",
            trigger: ".o_form_view .o-mail-Message:contains('Merged into this talent')",
        },
    ],
});
