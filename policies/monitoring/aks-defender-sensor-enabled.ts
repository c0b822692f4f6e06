import { CLUSTER, say } from "../../lib/core/message";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { ClusterView } from "../../lib/views/cluster";
import { clusters } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "aks-defender-sensor-enabled",
    displayName: "AKS: Microsoft Defender sensor",
    description: "The Microsoft Defender for Containers sensor runs in the AKS cluster and reports to a named Log Analytics workspace.",
    controls: ["LOG-3"],
    checks: ["AKS-21"],
    severity: "medium",
    enforcementLevel: "advisory",
    mcsb: ["LT-1"],
    url: "https://learn.microsoft.com/azure/defender-for-cloud/defender-for-containers-enable",
    remediationSteps: [
        "Enable the Defender for Containers plan on the subscription (`azure-native:security:Pricing` `Containers`, classic `azure.securitycenter.SubscriptionPricing`).",
        "azure-native: set `securityProfile: { defender: { securityMonitoring: { enabled: true }, logAnalyticsWorkspaceResourceId: workspace.id } }` on the ManagedCluster.",
        "classic azure: set `microsoftDefender: { logAnalyticsWorkspaceId: workspace.id }` on the KubernetesCluster.",
    ].join("\n"),
};

export function* check(c: ClusterView): Iterable<string> {
    const d = c.defender();
    if (!d.block.isObject) {
        yield say({
            element: CLUSTER,
            node: d.block,
            absent: "no Defender sensor runs in the cluster, unless Defender auto-provisioning adds one later",
            fix: c.spell({ native: "set it to { securityMonitoring: { enabled: true }, logAnalyticsWorkspaceResourceId: <workspace id> }", classic: "set it to { logAnalyticsWorkspaceId: <workspace id> }" }),
        });
        return;
    }
    if (d.enabled && d.enabled.bool() !== true) {
        yield say({ element: CLUSTER, node: d.enabled, absent: "the sensor is off", fix: "set it to true" });
    }
    // Set from the workspace's output (workspace.id): unknown in preview, but named.
    if (!d.workspace.pending && !d.workspace.hasText) {
        yield say({ element: CLUSTER, node: d.workspace, absent: "the sensor has no workspace to report to", fix: "set it to the resource ID of a Log Analytics workspace" });
    }
}

export const policy = resourcePolicy(meta, clusters, check);
