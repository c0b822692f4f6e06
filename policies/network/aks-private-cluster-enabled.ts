import { CLUSTER, say } from "../../lib/core/message";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { ClusterView } from "../../lib/views/cluster";
import { clusters } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "aks-private-cluster-enabled",
    displayName: "AKS: private cluster",
    description: "The AKS API server has a private IP only (private cluster) and no public DNS name.",
    controls: ["NET-3", "NET-4"],
    checks: ["AKS-08"],
    severity: "high",
    enforcementLevel: "advisory",
    cis: ["5.4.2"],
    mcsb: ["NS-2"],
    url: "https://learn.microsoft.com/azure/aks/private-clusters",
    remediationSteps: [
        "azure-native: set `apiServerAccessProfile: { enablePrivateCluster: true }` on the ManagedCluster and leave `enablePrivateClusterPublicFQDN` unset or false.",
        "classic azure: set `privateClusterEnabled: true` on the KubernetesCluster and leave `privateClusterPublicFqdnEnabled` unset or false.",
        "Reach the API server from the cluster's VNet, a peered network, Azure Bastion or a jump box. Private mode is set at creation: changing it replaces the cluster.",
    ].join("\n"),
};

export function* check(c: ClusterView): Iterable<string> {
    const priv = c.privateCluster();
    if (priv.bool() !== true) {
        yield say({ element: CLUSTER, node: priv, absent: "the API server has a public endpoint", fix: "set it to true" });
        return;
    }
    const fqdn = c.privateClusterPublicFqdn();
    if (fqdn.present && fqdn.bool() !== false) {
        yield say({ element: CLUSTER, node: fqdn, fix: "set it to false or remove it so the private API server gets no public DNS name" });
    }
}

export const policy = resourcePolicy(meta, clusters, check);
