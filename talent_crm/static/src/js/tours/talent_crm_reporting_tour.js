/* Copyright 2026 talent_crm developers
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import { registry } from "@web/core/registry";
import { openTalentCrm } from "@talent_crm/js/tours/talent_crm_tour_steps";

const openReport = (xmlid, content, title) => [
    {
        content: "Open the Reporting menu",
        trigger: ".o_main_navbar button:contains('Reporting')",
        run: "click",
    },
    {
        content,
        trigger: `.dropdown-menu [data-menu-xmlid='talent_crm.${xmlid}']`,
        run: "click",
    },
    {
        // the previous report stays on screen until the new one is loaded
        content: `${title} is open`,
        trigger: `.o_control_panel .o_breadcrumb:contains('${title}')`,
    },
];

// A talent manager opens every Talent CRM report and drills down from the hires pivot.
registry.category("web_tour.tours").add("talent_crm_reporting_tour", {
    url: "/odoo",
    steps: () => [
        ...openTalentCrm(),
        ...openReport("talent_crm_menu_report_lead_funnel", "Lead funnel by source", "Lead Funnel by Source"),
        {
            content: "The funnel pivot lists the lead states",
            trigger: ".o_pivot th:contains('Captured')",
        },
        ...openReport("talent_crm_menu_report_lead_funnel_time", "Lead states over time", "Lead States over Time"),
        {
            content: "The states are drawn month by month",
            trigger: ".o_graph_renderer canvas",
        },
        ...openReport("talent_crm_menu_report_pool_growth", "Pool growth", "Pool Growth"),
        {
            content: "Growth is drawn month by month",
            trigger: ".o_graph_renderer canvas",
        },
        {
            content: "Switch to the pivot",
            trigger: "button.o_switch_view.o_pivot",
            run: "click",
        },
        {
            content: "The pool's members joined this month",
            trigger: ".o_pivot th:contains('Tour Report Pool')",
        },
        ...openReport("talent_crm_menu_report_engagement", "Engagement", "Engagement"),
        {
            content: "Messages of pool mailings are counted",
            trigger: ".o_pivot th:contains('Mailing')",
        },
        ...openReport("talent_crm_menu_report_engagement_pool", "Engagement by pool", "Engagement by Pool"),
        {
            content: "The pool has its row",
            trigger: ".o_pivot th:contains('Tour Report Pool')",
        },
        ...openReport("talent_crm_menu_report_source", "Source effectiveness", "Source Effectiveness"),
        {
            content: "The source has its row",
            trigger: ".o_pivot th:contains('Tour Report Source')",
        },
        ...openReport("talent_crm_menu_report_hire", "Hires from pools", "Hires from Pools"),
        {
            content: "Hires from pools have their row",
            trigger: ".o_pivot th:contains('From a pool')",
        },
        {
            content: "Drill down into the hires from pools",
            trigger: ".o_pivot tr:has(th:contains('From a pool')) .o_pivot_cell_value",
            run: "click",
        },
        {
            content: "The hired application is listed",
            trigger: ".o_list_view .o_data_row:contains('Tour Hired')",
        },
        ...openReport("talent_crm_menu_report_pool_health", "Pool health", "Pool Health"),
        {
            content: "The pool nobody touched is flagged",
            trigger: ".o_list_view .o_data_row.text-danger:contains('Tour Report Pool')",
        },
        {
            content: "It counts its one talent, touched by nobody",
            trigger:
                ".o_list_view .o_data_row:contains('Tour Report Pool'):has(td[name='talent_count']:contains('1'))" +
                ":has(td[name='touched_count']:contains('0'))",
        },
        {
            content: "A pool never touched says so (not '0 days') and is at risk",
            trigger:
                ".o_list_view .o_data_row:contains('Tour Report Pool')" +
                ":has(td[name='last_touch_text']:contains('Never touched'))" +
                ":has(td[name='health_state']:contains('At Risk'))",
        },
    ],
});
