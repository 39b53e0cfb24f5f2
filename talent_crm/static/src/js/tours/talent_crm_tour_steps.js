/* Copyright 2026 talent_crm developers
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import { stepUtils } from "@web_tour/tour_utils";

/**
 * The steps every Talent CRM tour starts with: open the app from the apps menu, then (optional)
 * a menu of its navbar and one of its entries.
 */
export function openTalentCrm(menu, entry) {
    const steps = [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open Talent CRM",
            trigger: '.o_app[data-menu-xmlid="talent_crm.talent_crm_menu_root"]',
            run: "click",
        },
    ];
    if (menu) {
        steps.push({
            content: `Open the ${menu} menu`,
            trigger: `.o_main_navbar button:contains('${menu}')`,
            run: "click",
        });
    }
    if (entry) {
        steps.push({
            content: `Open ${entry}`,
            trigger: `.dropdown-menu a:contains('${entry}')`,
            run: "click",
        });
    }
    return steps;
}
