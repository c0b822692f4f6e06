import { diagnosticSetting, logAnalyticsWorkspace, sentinelOnboarding } from "../../lib/core/kinds";
import { PolicyMeta, stackPolicy, StackCheckContext } from "../../lib/policy";
import { label, Resource, root } from "../../lib/stack";
import { StackCluster } from "../../lib/stack/aks";
import { known, Targets, textAt } from "../../lib/stack/links";
import { UNKNOWN } from "../../lib/core/known";

export interface Config {
    managedElsewhere: boolean;
}

export const meta: PolicyMeta = {
    name: "aks-sentinel-onboarded",
    displayName: "AKS: cluster logs onboarded to Microsoft Sentinel",
    description: "The Log Analytics workspaces of the stack that AKS clusters send logs to are onboarded to Microsoft Sentinel.",
    controls: ["LOG-4"],
    checks: ["AKS-23"],
    severity: "low",
    enforcementLevel: "advisory",
    url: "https://learn.microsoft.com/azure/sentinel/quickstart-onboard",
    remediationSteps: [
        "azure-native: add a `securityinsights.SentinelOnboardingState` with `workspaceName` set to the workspace's name and `resourceGroupName` its resource group.",
        "classic azure: add a `sentinel.LogAnalyticsWorkspaceOnboarding` with `workspaceId: workspace.id`.",
        "Off by default (`managedElsewhere: true`): Sentinel is usually onboarded on a central workspace; set `managedElsewhere: false` for stacks that own their workspace.",
    ].join("\n"),
    config: {
        managedElsewhere: {
            type: "boolean",
            default: true,
            description: "Sentinel onboarding is managed outside this stack (the usual case, on a central workspace): check nothing. Set it to false to require onboarding of the stack's workspaces that clusters send to.",
        },
    },
};

const nativeWorkspace = logAnalyticsWorkspace.kinds[0];
const nativeSetting = diagnosticSetting.kinds[0];

/** Known names of a workspace, lower-cased: `workspaceName` (azure-native input) / `name`. */
function names(w: Resource): string[] {
    const out: string[] = [];
    for (const k of nativeWorkspace.matches(w.type) ? ["workspaceName", "name"] : ["name"]) {
        const t = textAt(root(w), k);
        if (t && t !== UNKNOWN) out.push(t.toLowerCase());
    }
    return out;
}

export function* check(ctx: StackCheckContext<Config>): Iterable<{ urn: string; message: string }> {
    const workspaces = ctx.stack.of(logAnalyticsWorkspace);
    const clusters = StackCluster.all(ctx.stack);
    if (ctx.config.managedElsewhere !== false || workspaces.length === 0 || clusters.length === 0) {
        return;
    }
    const ws = new Targets(workspaces);
    const senders = new Map<string, string[]>();
    const send = (w: Resource, who: string) => {
        const list = senders.get(w.urn) ?? [];
        if (!list.includes(who)) list.push(who);
        senders.set(w.urn, list);
    };
    for (const c of clusters) {
        for (const { key, value } of c.workspaces()) {
            ws.linked(c.r, key, [value]).forEach(w => send(w, c.label));
        }
    }
    const ct = new Targets(clusters.map(c => c.r));
    const labels = new Map(clusters.map(c => [c.urn, c.label]));
    for (const ds of ctx.stack.of(diagnosticSetting)) {
        const native = nativeSetting.matches(ds.type);
        const target = native ? "resourceUri" : "targetResourceId";
        const sink = native ? "workspaceId" : "logAnalyticsWorkspaceId";
        const from = ct.linked(ds, target, [known(root(ds), target)]);
        if (from.length === 0) continue;
        for (const w of ws.linked(ds, sink, [known(root(ds), sink)])) {
            from.forEach(c => send(w, labels.get(c.urn)!));
        }
    }
    const byName = new Map<string, Resource[]>();
    for (const w of workspaces) {
        for (const n of names(w)) byName.set(n, [...(byName.get(n) ?? []), w]);
    }
    const onboarded = new Set<string>();
    for (const s of ctx.stack.of(sentinelOnboarding)) {
        const p = root(s);
        ws.linked(s, "workspaceId", [known(p, "workspaceId")]).forEach(w => onboarded.add(w.urn));
        ws.viaDeps(s, "workspaceName").forEach(w => onboarded.add(w.urn));
        const name = textAt(p, "workspaceName");
        if (name && name !== UNKNOWN) {
            (byName.get(name.toLowerCase()) ?? []).forEach(w => onboarded.add(w.urn));
        }
    }
    for (const w of workspaces) {
        const who = senders.get(w.urn);
        if (!who || onboarded.has(w.urn)) {
            continue;
        }
        const add = nativeWorkspace.matches(w.type)
            ? "add a SentinelOnboardingState with workspaceName set to the workspace's name"
            : "add a LogAnalyticsWorkspaceOnboarding with workspaceId set to the workspace's id";
        yield {
            urn: w.urn,
            message: `${label(w)} receives the logs of ${who.join(", ")} but is not onboarded to Microsoft Sentinel (no SIEM analytics run on them); ${add}, or set managedElsewhere: true when Sentinel is onboarded elsewhere.`,
        };
    }
}

export const policy = stackPolicy<Config>(meta, check);
