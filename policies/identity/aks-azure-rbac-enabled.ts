import { CLUSTER, say } from "../../lib/core/message";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { ClusterView } from "../../lib/views/cluster";
import { clusters } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "aks-azure-rbac-enabled",
    displayName: "AKS: Azure RBAC for Kubernetes authorization",
    description: "AKS clusters authorize Microsoft Entra users and groups with Azure RBAC role assignments, managed and audited in Azure.",
    controls: ["IAM-2"],
    checks: ["AKS-04"],
    severity: "medium",
    enforcementLevel: "advisory",
    cis: ["5.5.2"],
    mcsb: ["PA-7"],
    url: "https://learn.microsoft.com/azure/aks/entra-id-authorization",
    remediationSteps: [
        "azure-native: set `aadProfile: { managed: true, enableAzureRBAC: true }` on the ManagedCluster, then grant access with role assignments such as \"Azure Kubernetes Service RBAC Reader\" scoped to the cluster or a namespace.",
        "classic azure: set `azureActiveDirectoryRoleBasedAccessControl: { azureRbacEnabled: true }` on the KubernetesCluster.",
        "AKS Automatic clusters have Azure RBAC preconfigured: leave the flag unset or true there.",
    ].join("\n"),
};

export function* check(c: ClusterView): Iterable<string> {
    const n = c.azureRbac();
    if (n.bool() === true) {
        return;
    }
    // AKS Automatic preconfigures Azure RBAC; only an explicit value can contradict it.
    if (!n.present && c.automatic()) {
        return;
    }
    yield say({ element: CLUSTER, node: n, absent: "Entra users are authorized by Kubernetes role bindings only, not by Azure role assignments", fix: "set it to true" });
}

export const policy = resourcePolicy(meta, clusters, check);
