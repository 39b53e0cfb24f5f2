/* Copyright 2026 talent_crm developers
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import { registry } from "@web/core/registry";

// A recruiter opens the blind shortlist of a job: the best match is "Talent #1", with title and
// skills; the recruiter reveals that person with a reason, and then sees the name.
registry.category("web_tour.tours").add("talent_crm_blind_tour", {
    steps: () => [
        {
            content: "Best matches from pools",
            trigger: ".o_form_view button[name='action_talent_open_matches']",
            run: "click",
        },
        {
            content: "The best match is shown blind, with title and skills",
            trigger: ".o_list_view .o_data_row:first-child:contains('Talent #1'):contains('Rust Engineer'):not(:contains('Blanka Blind'))",
        },
        {
            content: "Open the best match",
            trigger: ".o_list_view .o_data_row:first-child td[name='talent_label']",
            run: "click",
        },
        {
            content: "Nothing to open or convert while hidden",
            trigger: ".o_form_view:not(:has(button[name='action_talent_open'])):not(:has(button[name='action_talent_convert']))",
        },
        {
            content: "Reveal this person",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_talent_reveal']",
            run: "click",
        },
        {
            content: "Say why",
            trigger: ".modal .o_field_widget[name=reason] textarea",
            run: "edit Shortlisted for a first interview",
        },
        {
            trigger: ".modal button[name='action_reveal']",
            run: "click",
        },
        {
            content: "The name shows once revealed",
            trigger: ".o_form_view .oe_title:contains('Blanka Blind')",
        },
        {
            content: "and the talent can be opened",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_talent_open']",
        },
    ],
});
