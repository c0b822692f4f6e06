import { maintenanceConfiguration } from "../../lib/core/kinds";
import { PolicyMeta, stackPolicy, StackCheckContext } from "../../lib/policy";
import { root } from "../../lib/stack";
import { StackCluster } from "../../lib/stack/aks";
import { isOneOf, Targets, textAt } from "../../lib/stack/links";
import { UNKNOWN } from "../../lib/core/known";

export const meta: PolicyMeta = {
    name: "aks-maintenance-window-configured",
    displayName: "AKS: planned maintenance window for upgrades",
    description: "Every AKS cluster has a planned maintenance window for its automatic cluster or node OS upgrades.",
    controls: ["NODE-1"],
    checks: ["AKS-28"],
    severity: "low",
    enforcementLevel: "advisory",
    url: "https://learn.microsoft.com/azure/aks/planned-maintenance",
    remediationSteps: [
        "azure-native: add a `containerservice.MaintenanceConfiguration` with `configName: \"aksManagedAutoUpgradeSchedule\"` (or `\"aksManagedNodeOSUpgradeSchedule\"`), `resourceName: cluster.name` and a `maintenanceWindow` (schedule, durationHours, startTime).",
        "classic azure: add a `maintenanceWindowAutoUpgrade` (or `maintenanceWindowNodeOs`) block to the KubernetesCluster with frequency, interval, duration and startTime.",
    ].join("\n"),
};

const SCHEDULES = ["aksManagedAutoUpgradeSchedule", "aksManagedNodeOSUpgradeSchedule"];

export function* check(ctx: StackCheckContext<Record<string, never>>): Iterable<{ urn: string; message: string }> {
    const clusters = StackCluster.all(ctx.stack);
    if (clusters.length === 0) {
        return;
    }
    const targets = new Targets(clusters.map(c => c.r));
    const byName = new Map<string, StackCluster[]>();
    for (const c of clusters) {
        for (const n of c.names()) {
            byName.set(n, [...(byName.get(n) ?? []), c]);
        }
    }
    const covered = new Set<string>();
    for (const m of ctx.stack.of(maintenanceConfiguration)) {
        const p = root(m);
        const config = textAt(p, "configName");
        if (config !== UNKNOWN && !isOneOf(config, SCHEDULES)) {
            continue;
        }
        targets.viaDeps(m, "resourceName").forEach(r => covered.add(r.urn));
        const name = textAt(p, "resourceName");
        const group = textAt(p, "resourceGroupName");
        if (name && name !== UNKNOWN) {
            for (const c of byName.get(name.toLowerCase()) ?? []) {
                const rg = c.resourceGroup();
                if (!rg || !group || group === UNKNOWN || rg === group.toLowerCase()) {
                    covered.add(c.urn);
                }
            }
        }
    }
    for (const c of clusters) {
        if (covered.has(c.urn)) {
            continue;
        }
        const windows = c.inlineMaintenanceWindows();
        if (windows === undefined) {
            yield {
                urn: c.urn,
                message: `${c.label} has no planned maintenance window (automatic upgrades start at any time); add a MaintenanceConfiguration with configName "${SCHEDULES[0]}" or "${SCHEDULES[1]}" and resourceName set to the cluster's name.`,
            };
            continue;
        }
        if (windows.some(w => w === undefined || w.isObject)) {
            continue;
        }
        yield {
            urn: c.urn,
            message: `${c.label} sets neither maintenanceWindowAutoUpgrade nor maintenanceWindowNodeOs (automatic upgrades start at any time); add one of them with the window's frequency, interval, duration and startTime.`,
        };
    }
}

export const policy = stackPolicy(meta, check);
