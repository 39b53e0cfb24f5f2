/* Copyright 2026 talent_crm developers
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
// The kiosk form of a recruiting event, tolerant of a dropped connection (plain script, no
// bundle: the page is public and must work on any tablet or phone).
//
// Each form carries a submission key made by the server. On "Send", the form's fields and its
// key are kept in localStorage before they are posted; the stored entry is forgotten once the
// server answered. When the post fails (no connection), the entry stays on the device, the form
// is cleared for the next visitor with a new key, and stored entries are sent again when the
// browser is back online, every 30 seconds and when the page is opened again. The server
// records a submission key once, so a form that did reach the server before the connection
// dropped is not doubled. A CV file is kept in memory only, while the page stays open.
(function () {
    "use strict";
    const first = document.querySelector("form.o_talent_kiosk_form");
    if (!first || !window.fetch || !window.localStorage) {
        return;
    }
    const action = first.getAttribute("action");
    const storeKey = "talent_kiosk_pending:" + action;
    const files = new Map();
    let flushing = false;

    function load() {
        try {
            return JSON.parse(window.localStorage.getItem(storeKey) || "[]");
        } catch {
            return [];
        }
    }

    function showPending(list) {
        const note = document.querySelector(".o_talent_kiosk_pending");
        if (note) {
            note.classList.toggle("d-none", !list.length);
            note.querySelector(".o_talent_kiosk_pending_count").textContent = String(list.length);
        }
    }

    function save(list) {
        window.localStorage.setItem(storeKey, JSON.stringify(list));
        showPending(list);
    }

    function forget(key) {
        save(load().filter((entry) => entry.key !== key));
        files.delete(key);
    }

    function newKey() {
        const bytes = new Uint8Array(24);
        window.crypto.getRandomValues(bytes);
        return window
            .btoa(String.fromCharCode(...bytes))
            .replace(/\+/g, "-")
            .replace(/\//g, "_")
            .replace(/=+$/, "");
    }

    async function send(entry) {
        const body = new FormData();
        for (const [name, value] of entry.fields) {
            body.append(name, value);
        }
        const file = files.get(entry.key);
        if (file) {
            body.append("cv", file, file.name);
        }
        const response = await window.fetch(action, { method: "POST", body, credentials: "same-origin" });
        // a server error may be passing: keep the entry; any other answer is final
        if (response.status >= 500) {
            throw new Error("server error " + response.status);
        }
        return response;
    }

    async function flush() {
        if (flushing) {
            return;
        }
        flushing = true;
        try {
            for (const entry of load()) {
                try {
                    await send(entry);
                } catch {
                    break;
                }
                forget(entry.key);
            }
        } finally {
            flushing = false;
        }
    }

    function showAnswer(html) {
        // the server's answer (thanks, or the form with its errors) replaces the card
        const page = new DOMParser().parseFromString(html, "text/html");
        const answer = page.querySelector(".o_talent_community");
        const current = document.querySelector(".o_talent_community");
        if (answer && current) {
            current.replaceWith(answer);
            bind(answer.querySelector("form.o_talent_kiosk_form"));
        }
    }

    function bind(form) {
        if (!form) {
            return;
        }
        form.addEventListener("submit", async (ev) => {
            ev.preventDefault();
            if (form.dataset.sending) {
                return;
            }
            form.dataset.sending = "1";
            const data = new FormData(form);
            const key = data.get("submission_key");
            const fields = [...data.entries()].filter(([, value]) => typeof value === "string");
            const file = data.get("cv");
            if (file && file.size) {
                files.set(key, file);
            }
            save([...load().filter((entry) => entry.key !== key), { key, fields }]);
            let response = null;
            try {
                response = await send({ key, fields });
            } catch {
                // no connection: the form stays on this device and goes when the connection is back
                document.querySelector(".o_talent_kiosk_offline").classList.remove("d-none");
                form.reset();
                form.querySelector("input[name='submission_key']").value = newKey();
                delete form.dataset.sending;
                return;
            }
            forget(key);
            showAnswer(await response.text());
        });
    }

    bind(first);
    showPending(load());
    window.addEventListener("online", flush);
    window.setInterval(flush, 30000);
    flush();
})();
