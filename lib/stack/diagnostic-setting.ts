// A diagnostic setting of the stack, either provider: which log categories it sends to a
// destination, and whether it has one (azure-native `insights:DiagnosticSetting` logs[] with
// enabled flags and workspaceId/storageAccountId/eventHubAuthorizationRuleId/marketplacePartnerId;
// classic `monitoring/diagnosticSetting` enabledLog(s) and its own sink names).

import { diagnosticSetting } from "../core/kinds";
import { Resource, root } from "./index";
import { ByProvider } from "../views/setting";
import { isSet, known, knownItems, text } from "./links";
import { UNKNOWN } from "../core/known";

const nativeSetting = diagnosticSetting.kinds[0];
/** Every category (allLogs, or a list unknown at preview). */
export const ALL_CATEGORIES = "*";
const AUDIT_GROUP = ["kube-audit", "kube-audit-admin", "guard"];

export interface DiagnosticSettingView {
    /** It sends to a destination (a workspace, a storage account, an event hub or a partner). */
    sink: boolean;
    /** The categories it sends, lower-cased; ALL_CATEGORIES for all of them. */
    categories: Set<string>;
    /** The text for the setting's provider. */
    spell<T>(t: ByProvider<T>): T;
}

/** The categories one setting sends to a destination (`*`: all, or unknown at preview), and whether it has one. */
export function readDiagnosticSetting(ds: Resource): DiagnosticSettingView {
    const native = nativeSetting.matches(ds.type);
    const p = root(ds);
    const sinks = native
        ? ["workspaceId", "storageAccountId", "eventHubAuthorizationRuleId", "marketplacePartnerId"]
        : ["logAnalyticsWorkspaceId", "storageAccountId", "eventhubAuthorizationRuleId", "partnerSolutionId"];
    const sink = sinks.some(k => isSet(known(p, k)));
    const categories = new Set<string>();
    for (const key of native ? ["logs"] : ["enabledLog", "enabledLogs"]) {
        const list = known(p, key);
        const { items, unknown } = knownItems(list);
        if (unknown > 0) {
            categories.add(ALL_CATEGORIES);
        }
        for (const e of items) {
            if (native) {
                const enabled = known(e, "enabled");
                if (enabled !== undefined && enabled.bool() !== true) {
                    continue;
                }
            }
            const group = text(known(e, "categoryGroup"));
            const category = text(known(e, "category"));
            if (group === UNKNOWN || category === UNKNOWN || group?.toLowerCase() === "alllogs") {
                categories.add(ALL_CATEGORIES);
            } else if (group?.toLowerCase() === "audit") {
                AUDIT_GROUP.forEach(c => categories.add(c));
            }
            if (category && category !== UNKNOWN) {
                categories.add(category.toLowerCase());
            }
        }
    }
    return { sink, categories, spell: t => (native ? t.native : t.classic) };
}
