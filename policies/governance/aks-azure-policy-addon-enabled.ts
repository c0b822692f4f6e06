import { CLUSTER, say } from "../../lib/core/message";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { ClusterView } from "../../lib/views/cluster";
import { clusters } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "aks-azure-policy-addon-enabled",
    displayName: "AKS: Azure Policy add-on",
    description: "The Azure Policy add-on runs in the AKS cluster so Azure Policy can audit and enforce in-cluster settings.",
    controls: ["GOV-1"],
    checks: ["AKS-24"],
    severity: "medium",
    enforcementLevel: "advisory",
    mcsb: ["AM-2"],
    url: "https://learn.microsoft.com/azure/governance/policy/concepts/policy-for-kubernetes",
    remediationSteps: [
        "azure-native: set `addonProfiles: { azurepolicy: { enabled: true } }` on the ManagedCluster.",
        "classic azure: set `azurePolicyEnabled: true` on the KubernetesCluster.",
        "AKS Automatic clusters (`sku.name: \"Automatic\"`) have the add-on enabled: leave it unset or true there.",
        "Then assign the Kubernetes policy initiatives (for example the Pod Security Standards baseline initiative) to the cluster's scope.",
    ].join("\n"),
};

export function* check(c: ClusterView): Iterable<string> {
    const enabled = c.azurePolicy();
    // AKS Automatic enables the add-on (Deployment Safeguards need it); only an explicit value can contradict it.
    if (!enabled.present && c.automatic()) {
        return;
    }
    if (enabled.bool() !== true) {
        yield say({ element: CLUSTER, node: enabled, absent: "the add-on is off", fix: "set it to true" });
    }
}

export const policy = resourcePolicy(meta, clusters, check);
