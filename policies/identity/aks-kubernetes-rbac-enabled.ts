import { CLUSTER, say } from "../../lib/core/message";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { ClusterView } from "../../lib/views/cluster";
import { clusters } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "aks-kubernetes-rbac-enabled",
    displayName: "AKS: Kubernetes RBAC enabled",
    description: "AKS clusters keep Kubernetes RBAC on: without it every authenticated identity is a cluster administrator.",
    controls: ["IAM-2"],
    checks: ["AKS-03"],
    severity: "critical",
    enforcementLevel: "mandatory",
    mcsb: ["PA-7"],
    url: "https://learn.microsoft.com/azure/aks/kubernetes-rbac-entra-id",
    remediationSteps: [
        "azure-native: remove `enableRBAC: false` from the ManagedCluster, or set `enableRBAC: true` (RBAC is on by default).",
        "classic azure: remove `roleBasedAccessControlEnabled: false` from the KubernetesCluster, or set it to `true` (v4 and older: `roleBasedAccessControl: { enabled: true }`).",
        "Kubernetes RBAC cannot be turned on for an existing cluster: the cluster is replaced.",
    ].join("\n"),
};

export function* check(c: ClusterView): Iterable<string> {
    const n = c.kubernetesRbac();
    if (n.present && n.bool() !== true) {
        yield say({ element: CLUSTER, node: n, fix: "set it to true or remove it (RBAC is on by default); the cluster is replaced, since RBAC cannot be turned on later" });
    }
}

export const policy = resourcePolicy(meta, clusters, check);
