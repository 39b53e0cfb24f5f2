/* Copyright 2026 talent_crm developers
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import { registry } from "@web/core/registry";
import { user } from "@web/core/user";

// Recruiting events and referrals, in the page's language (English or German): a visitor at the
// kiosk (the connection drops while sending, the form goes when it is back), a recruiter in the
// kiosk's staff mode, and an employee who refers someone.
function texts() {
    // the user's language in the backend; public pages are opened under /de/ in German
    const german = (user.lang || "").startsWith("de") || window.location.pathname.startsWith("/de/");
    return german
        ? { send: "Senden", thanks: "Vielen Dank!", refer: "Jemanden empfehlen", received: "Eingegangen" }
        : { send: "Send", thanks: "Thank you!", refer: "Refer Someone", received: "Received" };
}

registry.category("web_tour.tours").add("talent_crm_event_kiosk_tour", {
    steps: () => {
        const t = texts();
        return [
            {
                content: "The kiosk form, in the visitor's language",
                trigger: `form.o_talent_kiosk_form .o_talent_kiosk_send:contains('${t.send}')`,
            },
            {
                content: "A QR code opens the same form on the visitor's phone",
                trigger: ".o_talent_kiosk_qr img[src^='data:image/png;base64,']",
            },
            { content: "Name", trigger: "#kiosk_name", run: "edit Vera Visitor" },
            { content: "Email", trigger: "#kiosk_email", run: "edit vera.visitor@example.com" },
            { content: "Consent", trigger: "#kiosk_consent", run: "click" },
            {
                content: "The connection drops",
                trigger: "form.o_talent_kiosk_form",
                run() {
                    const realFetch = window.fetch;
                    window.talentTourRealFetch = realFetch;
                    window.fetch = (url, ...args) =>
                        String(url).includes("/kiosk/")
                            ? Promise.reject(new TypeError("Failed to fetch"))
                            : realFetch(url, ...args);
                },
            },
            { content: "Send", trigger: ".o_talent_kiosk_send", run: "click" },
            {
                content: "The form is kept on the device",
                trigger: ".o_talent_kiosk_pending:not(.d-none) .o_talent_kiosk_pending_count:contains('1')",
            },
            { content: "The visitor is told", trigger: ".o_talent_kiosk_offline:not(.d-none)" },
            {
                content: "The connection is back",
                trigger: ".o_talent_kiosk_offline:not(.d-none)",
                run() {
                    window.fetch = window.talentTourRealFetch;
                    window.dispatchEvent(new Event("online"));
                },
            },
            { content: "The kept form was sent", trigger: ".o_talent_kiosk_pending.d-none:not(:visible)" },
            { content: "Next visitor", trigger: "#kiosk_name", run: "edit Willi Walkin" },
            { content: "Email", trigger: "#kiosk_email", run: "edit willi.walkin@example.com" },
            { content: "Consent", trigger: "#kiosk_consent", run: "click" },
            { content: "Send", trigger: ".o_talent_kiosk_send", run: "click" },
            { content: "Thanked", trigger: `.o_talent_kiosk_thanked:contains('${t.thanks}')` },
        ];
    },
});

registry.category("web_tour.tours").add("talent_crm_event_staff_tour", {
    steps: () => {
        const t = texts();
        return [
            { content: "Staff mode", trigger: ".o_talent_kiosk_staff" },
            { content: "No consent box: legitimate interest", trigger: "form:not(:has(#kiosk_consent))" },
            { content: "Name", trigger: "#kiosk_name", run: "edit Bruno Booth" },
            { content: "Email", trigger: "#kiosk_email", run: "edit bruno.booth@example.com" },
            { content: "Note", trigger: "#kiosk_note", run: "edit Talked about Kotlin and remote work" },
            { content: "Send", trigger: `.o_talent_kiosk_send:contains('${t.send}')`, run: "click" },
            { content: "Saved", trigger: ".o_talent_kiosk_saved" },
        ];
    },
});

registry.category("web_tour.tours").add("talent_crm_refer_someone_tour", {
    steps: () => {
        const t = texts();
        return [
            { content: "Name", trigger: ".o_field_widget[name=name] input", run: "edit Rosa Referral" },
            { content: "Email", trigger: ".o_field_widget[name=email] input", run: "edit rosa.referral@example.com" },
            {
                content: "Note",
                trigger: ".o_field_widget[name=note] textarea",
                run: "edit Great backend engineer, open to offers",
            },
            { content: "Send", trigger: ".o_form_view button[name=action_talent_send]", run: "click" },
            {
                content: "The referral is received",
                trigger: `.o_statusbar_status button.o_arrow_button_current:contains('${t.received}')`,
            },
        ];
    },
});
