import { CLUSTER, say } from "../../lib/core/message";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { ClusterView } from "../../lib/views/cluster";
import { clusters } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "aks-container-insights-enabled",
    displayName: "AKS: Container Insights to a Log Analytics workspace",
    description: "The AKS monitoring add-on (Container Insights) is enabled and sends to a named Log Analytics workspace.",
    controls: ["LOG-1"],
    checks: ["AKS-19"],
    severity: "medium",
    enforcementLevel: "advisory",
    mcsb: ["LT-1"],
    url: "https://learn.microsoft.com/azure/azure-monitor/containers/kubernetes-monitoring-enable",
    remediationSteps: [
        "azure-native: set `addonProfiles: { omsagent: { enabled: true, config: { logAnalyticsWorkspaceResourceID: workspace.id, useAADAuth: \"true\" } } }` on the ManagedCluster.",
        "classic azure: add `omsAgent: { logAnalyticsWorkspaceId: workspace.id, msiAuthForMonitoringEnabled: true }` to the KubernetesCluster.",
    ].join("\n"),
};

export function* check(c: ClusterView): Iterable<string> {
    const m = c.monitoring();
    if (!m.block.isObject) {
        yield say({
            element: CLUSTER,
            node: m.block,
            absent: "container logs and metrics are not collected",
            fix: c.spell({ native: "set it to { enabled: true, config: { logAnalyticsWorkspaceResourceID: <workspace id> } }", classic: "set omsAgent: { logAnalyticsWorkspaceId: <workspace id> }" }),
        });
        return;
    }
    if (m.enabled && m.enabled.bool() !== true) {
        yield say({ element: CLUSTER, node: m.enabled, absent: "the add-on is off", fix: "set it to true" });
    }
    // Set from the workspace's output (workspace.id): unknown in preview, but named.
    if (!m.workspace.pending && !m.workspace.hasText) {
        yield say({ element: CLUSTER, node: m.workspace, absent: "no workspace is named", fix: "set it to the resource ID of your Log Analytics workspace" });
    }
}

export const policy = resourcePolicy(meta, clusters, check);
