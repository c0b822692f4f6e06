import { diagnosticSetting } from "../../lib/core/kinds";
import { ALL_CATEGORIES, DiagnosticSettingView, readDiagnosticSetting } from "../../lib/stack/diagnostic-setting";
import { PolicyMeta, stackPolicy, StackCheckContext } from "../../lib/policy";
import { label, root } from "../../lib/stack";
import { StackCluster } from "../../lib/stack/aks";
import { known, Targets } from "../../lib/stack/links";

export interface Config {
    requiredCategories: string[];
}

export const meta: PolicyMeta = {
    name: "aks-control-plane-logs-enabled",
    displayName: "AKS: control-plane diagnostic logs (audit and API server)",
    description: "Every AKS cluster has a diagnostic setting that sends its audit and API server logs to a Log Analytics workspace, storage account or event hub.",
    controls: ["LOG-2", "LOG-5"],
    checks: ["AKS-20"],
    severity: "high",
    enforcementLevel: "advisory",
    cis: ["2.1.1"],
    mcsb: ["LT-4"],
    url: "https://learn.microsoft.com/azure/aks/monitor-aks#aks-control-planeresource-logs",
    remediationSteps: [
        "azure-native: add a `monitor.DiagnosticSetting` with `resourceUri: cluster.id`, `logs: [{ category: \"kube-audit\", enabled: true }, { category: \"kube-apiserver\", enabled: true }]` (or `{ categoryGroup: \"allLogs\", enabled: true }`) and `workspaceId` (or `storageAccountId` / `eventHubAuthorizationRuleId`).",
        "classic azure: add a `monitoring.DiagnosticSetting` with `targetResourceId: cluster.id`, `enabledLogs: [{ category: \"kube-audit\" }, { category: \"kube-apiserver\" }]` and `logAnalyticsWorkspaceId` (or `storageAccountId` / `eventhubAuthorizationRuleId`).",
    ].join("\n"),
    config: {
        requiredCategories: {
            type: "array",
            items: { type: "string" },
            default: ["kube-audit", "kube-apiserver"],
            description: "Log categories every cluster must send to a destination. kube-audit-admin satisfies kube-audit; the categoryGroup allLogs satisfies every category, audit satisfies kube-audit, kube-audit-admin and guard.",
        },
    },
};

function covers(got: Set<string>, want: string): boolean {
    const w = want.toLowerCase();
    return got.has(ALL_CATEGORIES) || got.has(w) || (w === "kube-audit" && got.has("kube-audit-admin"));
}

export function* check(ctx: StackCheckContext<Config>): Iterable<{ urn: string; message: string }> {
    const clusters = StackCluster.all(ctx.stack);
    if (clusters.length === 0) {
        return;
    }
    const required = Array.isArray(ctx.config.requiredCategories)
        ? ctx.config.requiredCategories.filter((c): c is string => typeof c === "string" && c.trim() !== "").map(c => c.trim())
        : (meta.config!.requiredCategories.default as string[]);
    const targets = new Targets(clusters.map(c => c.r));
    const found = new Map<string, { settings: string[]; setting: DiagnosticSettingView; sink: boolean; sent: Set<string> }>();
    for (const ds of ctx.stack.of(diagnosticSetting)) {
        const s = readDiagnosticSetting(ds);
        const key = s.spell({ native: "resourceUri", classic: "targetResourceId" });
        const linked = targets.linked(ds, key, [known(root(ds), key)]);
        if (linked.length === 0) {
            continue;
        }
        for (const c of linked) {
            let f = found.get(c.urn);
            if (!f) {
                f = { settings: [], setting: s, sink: false, sent: new Set() };
                found.set(c.urn, f);
            }
            f.settings.push(s.sink ? label(ds) : `${label(ds)} (no destination)`);
            if (s.sink) {
                f.sink = true;
                s.categories.forEach(x => f!.sent.add(x));
            }
        }
    }
    const wanted = required.length > 0 ? required.join(" and ") : "the control-plane log categories";
    for (const c of clusters) {
        const f = found.get(c.urn);
        if (!f) {
            const fix = c.spell({ native: `add a DiagnosticSetting with resourceUri set to the cluster's id, logs enabled for ${wanted}, and a workspaceId, storageAccountId or eventHubAuthorizationRuleId`, classic: `add a DiagnosticSetting with targetResourceId set to the cluster's id, enabledLogs for ${wanted}, and a logAnalyticsWorkspaceId, storageAccountId or eventhubAuthorizationRuleId` });
            yield { urn: c.urn, message: `${c.label} has no diagnostic setting in this stack (its control-plane logs are not collected); ${fix}.` };
            continue;
        }
        const missing = required.filter(x => !covers(f.sent, x));
        const sinks = f.setting.spell({ native: "workspaceId, storageAccountId or eventHubAuthorizationRuleId", classic: "logAnalyticsWorkspaceId, storageAccountId or eventhubAuthorizationRuleId" });
        const settings = `diagnostic settings: ${f.settings.join(", ")}`;
        if (missing.length > 0) {
            const list = missing.join(" and ");
            const where = f.setting.spell({ native: "in logs[] with enabled: true", classic: "in enabledLogs" });
            yield { urn: c.urn, message: `${c.label} does not send ${list} logs to a destination (${settings}); enable ${list} ${where} (or the categoryGroup allLogs) on a setting that sets ${sinks}.` };
        } else if (!f.sink) {
            yield { urn: c.urn, message: `${c.label} does not send its logs to a destination (${settings}); set ${sinks} on one of them.` };
        }
    }
}

export const policy = stackPolicy<Config>(meta, check);
