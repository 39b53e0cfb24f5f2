/* Copyright 2026 talent_crm developers
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import { registry } from "@web/core/registry";

// A recruiter refuses an application with the invitation to the talent community: the dialog
// previews the email with the person's name and job, not the template's sample text.
registry.category("web_tour.tours").add("talent_crm_refuse_preview_tour", {
    steps: () => [
        {
            content: "Refuse the application",
            trigger: ".o_form_view .o_form_statusbar button[name=archive_applicant]",
            run: "click",
        },
        {
            content: "Choose the reason",
            trigger: ".modal .o_field_widget[name=refuse_reason_id] span:contains('Preview tour reason')",
            run: "click",
        },
        {
            content: "Invite to the talent community",
            trigger: ".modal .o_field_widget[name=talent_invite_community] input",
            run: "click",
        },
        {
            content: "The preview says whom it shows",
            trigger: ".modal .o_field_widget[name=talent_preview_note]:contains('Paula Preview')",
        },
        {
            content: "The preview shows the person and the job",
            trigger:
                ".modal .o_field_widget[name=talent_preview_body]:contains('Hello Paula Preview'):contains('Tour Engineer Job')",
        },
        {
            content: "No sample text",
            trigger: ".modal .o_field_widget[name=talent_preview_body]:not(:contains('Jane'))",
        },
        {
            content: "Close the dialog",
            trigger: ".modal-footer button:contains('Cancel')",
            run: "click",
        },
        {
            content: "Back on the application",
            trigger: "body:not(:has(.modal)) .o_form_view .o_form_statusbar button[name=archive_applicant]",
        },
    ],
});
