/* Copyright 2026 talent_crm developers
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import { registry } from "@web/core/registry";

// A candidate on their own signed link (issue 19, point 5): sees the status of their
// applications with the candidate-facing stage names, updates their city, withdraws a consent.
// The same steps run in English and German; the texts checked are the page's language.
function selfServiceSteps(texts) {
    return [
        {
            content: "The page is the person's preference centre, in their language",
            trigger: `h1:contains('${texts.title}')`,
        },
        {
            content: "The open application shows the stage's name for candidates",
            trigger: `.o_talent_application:contains('${texts.openJob}') .o_talent_application_status:contains('${texts.openStatus}')`,
        },
        {
            content: "The refused application shows as closed",
            trigger: `.o_talent_application:contains('${texts.refusedJob}') .o_talent_application_status.text-bg-secondary`,
        },
        {
            content: "Another company's application is not on this page",
            trigger: `#talent_applications:not(:contains('${texts.foreignJob}'))`,
        },
        {
            content: "Change the city",
            trigger: "input[name='city']",
            run: "edit Hamburg",
        },
        {
            content: "Save",
            trigger: "form[enctype='multipart/form-data'] button[type='submit']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Saved",
            trigger: ".o_talent_community .alert-success",
        },
        {
            content: "The page shows the new city",
            trigger: "input[name='city'][value='Hamburg']",
        },
        {
            content: "Withdraw the consent to news and job alerts",
            trigger: ".o_talent_consent .o_talent_consent_withdraw",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The consent is withdrawn and can no longer be withdrawn",
            trigger: "#talent_consents .o_talent_consent:not(:has(.o_talent_consent_withdraw))",
        },
    ];
}

registry.category("web_tour.tours").add("talent_crm_self_service_tour_en", {
    steps: () =>
        selfServiceSteps({
            title: "Your preferences",
            openJob: "Tour Backend Developer",
            openStatus: "Technical talk",
            refusedJob: "Tour Data Engineer",
            foreignJob: "Tour Foreign Job",
        }),
});

registry.category("web_tour.tours").add("talent_crm_self_service_tour_de", {
    steps: () =>
        selfServiceSteps({
            title: "Ihre Präferenzen",
            openJob: "Tour Backend Developer",
            openStatus: "Fachgespräch",
            refusedJob: "Tour Data Engineer",
            foreignJob: "Tour Foreign Job",
        }),
});
