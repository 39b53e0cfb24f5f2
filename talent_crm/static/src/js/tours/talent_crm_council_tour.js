/* Copyright 2026 talent_crm developers
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

// A works-council member reads how a job's ranking was produced: the version in force and its
// document, the stored ranking with its explanations (no names), and the outcomes by factor.
// Menus are found by their xmlid so that the same steps run in English and in German; the texts
// checked are the reader's language.
function councilSteps(texts) {
    return [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open Talent CRM",
            trigger: '.o_app[data-menu-xmlid="talent_crm.talent_crm_menu_root"]',
            run: "click",
        },
        {
            content: "Open Oversight",
            trigger: '.o_main_navbar [data-menu-xmlid="talent_crm.talent_crm_menu_oversight"]',
            run: "click",
        },
        {
            content: "Open the matching versions",
            trigger: '.dropdown-menu [data-menu-xmlid="talent_crm.talent_crm_menu_matching_versions"]',
            run: "click",
        },
        {
            content: "Open the agreed version",
            trigger: `.o_list_view .o_data_row:contains('${texts.reason}') td[name='reason']`,
            run: "click",
        },
        {
            content: "Read the document for the works council",
            trigger: ".o_form_view .o_notebook .nav-link[name='council']",
            run: "click",
        },
        {
            content: "Seven factors, each with its weight and share",
            trigger: ".o_talent_council_factors:has(tbody tr:nth-child(7)):not(:has(tbody tr:nth-child(8)))",
        },
        {
            content: "What the score never uses, in the reader's language",
            trigger: `.o_talent_council_document h4:contains('${texts.neverUses}')`,
        },
        {
            content: "The agreement is stated",
            trigger: `.o_talent_council_agreed:contains('${texts.agreement}')`,
        },
        {
            content: "Open Oversight",
            trigger: '.o_main_navbar [data-menu-xmlid="talent_crm.talent_crm_menu_oversight"]',
            run: "click",
        },
        {
            content: "Open the stored rankings",
            trigger: '.dropdown-menu [data-menu-xmlid="talent_crm.talent_crm_menu_match_ranking"]',
            run: "click",
        },
        {
            content: "Open the job's ranking",
            trigger: `.o_list_view .o_group_header:contains('${texts.job}')`,
            run: "click",
        },
        {
            content: "Ranks and scores, without a talent column",
            trigger: ".o_list_view:has(.o_data_row td[name='score']):not(:has(th[data-name='talent_id']))",
        },
        {
            content: "Open the first ranked talent",
            trigger: ".o_list_view .o_data_row:first td[name='score']",
            run: "click",
        },
        {
            content: "The explanation of the score, without a name",
            trigger: `.o_form_view .o_talent_match_breakdown:not(:contains('${texts.hiddenName}'))`,
        },
        {
            trigger: `.o_form_view:not(:contains('${texts.hiddenName}'))`,
        },
        {
            content: "Open Oversight",
            trigger: '.o_main_navbar [data-menu-xmlid="talent_crm.talent_crm_menu_oversight"]',
            run: "click",
        },
        {
            content: "Open the outcomes by factor",
            trigger: '.dropdown-menu [data-menu-xmlid="talent_crm.talent_crm_menu_match_outcome"]',
            run: "click",
        },
        {
            content: "Outcomes per factor and band of fit",
            trigger: `.o_pivot .o_pivot_header_cell_closed:contains('${texts.factor}'), .o_pivot th:contains('${texts.factor}')`,
        },
    ];
}

registry.category("web_tour.tours").add("talent_crm_council_tour_en", {
    url: "/odoo",
    steps: () =>
        councilSteps({
            reason: "Works agreement 2026",
            neverUses: "What the score never uses",
            agreement: "BV-2026-11",
            job: "Council Tour Developer",
            hiddenName: "Hidden Hanna",
            factor: "Required skills",
        }),
});

registry.category("web_tour.tours").add("talent_crm_council_tour_de", {
    url: "/odoo",
    steps: () =>
        councilSteps({
            reason: "Works agreement 2026",
            neverUses: "Was die Punktzahl nie verwendet",
            agreement: "BV-2026-11",
            job: "Council Tour Developer",
            hiddenName: "Hidden Hanna",
            factor: "Pflichtkompetenzen",
        }),
});
