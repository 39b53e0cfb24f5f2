/** @odoo-module **/
// Copyright 2026 talent_crm developers
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
//
// The domain of a mailing with the "Talents Only" audience: its record counter tells how many
// people receive the mailing (one per person, without the blocked and the capped), the figure of
// "Check Audience", and "Show matching records" lists their talents. Any other mailing keeps
// Odoo's domain field as it is.
import { registry } from "@web/core/registry";
import { SelectCreateDialog } from "@web/views/view_dialogs/select_create_dialog";
import { DomainField, domainField } from "@web/views/fields/domain/domain_field";
import { _t } from "@web/core/l10n/translation";

function many2manyIds(value) {
    return value ? value.currentIds || value.resIds || [] : [];
}

export class TalentMailingDomainField extends DomainField {
    isTalentAudience(props = this.props) {
        const data = props.record.data;
        return Boolean(data.talent_audience) && data.mailing_model_real === "hr.applicant";
    }

    talentValues(props = this.props) {
        const data = props.record.data;
        const company = data.talent_company_id;
        return {
            mailing_domain: this.getDomain(props),
            mailing_type: data.mailing_type,
            talent_pool_ids: many2manyIds(data.talent_pool_ids),
            talent_topic_ids: many2manyIds(data.talent_topic_ids),
            talent_company_id: company ? company.id || company[0] || false : false,
        };
    }

    async checkProps(props = this.props) {
        // read synchronously: the record observer reloads the count when these change
        if (!this.isTalentAudience(props)) {
            return super.checkProps(props);
        }
        const values = this.talentValues(props);
        const domain = this.getEvaluatedDomain(props);
        if (domain.isInvalid) {
            this.updateState({ isValid: false, recordCount: 0, hasLimitedCount: false });
            return;
        }
        let result;
        try {
            result = await this.orm.silent.call("mailing.mailing", "talent_preview_audience", [values]);
        } catch {
            this.updateState({ isValid: false, recordCount: 0, hasLimitedCount: false });
            return;
        }
        this.updateState({ isValid: true, recordCount: result.count, hasLimitedCount: false });
    }

    async onButtonClick() {
        if (!this.isTalentAudience()) {
            return super.onButtonClick();
        }
        const result = await this.orm.call("mailing.mailing", "talent_preview_audience", [this.talentValues()], {
            with_ids: true,
        });
        this.addDialog(SelectCreateDialog, {
            title: _t("Recipients"),
            noCreate: true,
            multiSelect: false,
            resModel: "hr.applicant",
            domain: [["id", "in", result.ids]],
            context: this.getContext(),
        });
    }
}

export const talentMailingDomainField = {
    ...domainField,
    component: TalentMailingDomainField,
};

registry.category("fields").add("talent_mailing_domain", talentMailingDomainField);
