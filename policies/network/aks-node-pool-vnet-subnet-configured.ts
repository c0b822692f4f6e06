import { aksCluster, aksNodePool, anyOf } from "../../lib/core/kinds";
import { CLUSTER, say } from "../../lib/core/message";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { reader } from "../../lib/readers";
import { ClusterView } from "../../lib/views/cluster";
import { PoolView } from "../../lib/views/nodepool";

export const meta: PolicyMeta = {
    name: "aks-node-pool-vnet-subnet-configured",
    displayName: "AKS: node pools in a customer VNet subnet",
    description: "Every AKS node pool runs in a subnet of a virtual network the customer owns, where NSGs, route tables and peering apply.",
    controls: ["NET-1"],
    checks: ["AKS-10"],
    severity: "medium",
    enforcementLevel: "advisory",
    url: "https://learn.microsoft.com/azure/aks/concepts-network",
    remediationSteps: [
        "azure-native: set `vnetSubnetID` to the subnet's resource ID on every `agentPoolProfiles[]` entry and on every AgentPool.",
        "classic azure: set `vnetSubnetId` on `defaultNodePool` and on every KubernetesClusterNodePool.",
        "A separate AgentPool / KubernetesClusterNodePool without a subnet joins its cluster's VNet: set the subnet on the cluster's pools.",
        "AKS Automatic without declared pools: set `hostedSystemProfile: { systemNodeSubnetID, nodeSubnetID }` (ManagedCluster API 2026-02-01 or later, e.g. from `pulumi package add azure-native containerservice 2026-02-01`).",
        "Grant the cluster identity Network Contributor on the subnet (or the VNet) first. The subnet of an existing pool cannot be changed: the pool is replaced.",
    ].join("\n"),
};

/** Every pool a cluster declares; an AKS Automatic cluster that declares none stands for its managed nodes. */
function read(type: string, props: unknown): (PoolView | ClusterView)[] {
    const clusters = ClusterView.read(type, props);
    if (clusters.length === 0) {
        return PoolView.read(type, props);
    }
    const pools = clusters[0].inlinePools();
    return pools.length === 0 && clusters[0].automatic() ? [clusters[0]] : pools;
}

export function* check(pool: PoolView | ClusterView): Iterable<string> {
    if (pool instanceof ClusterView) {
        for (const subnet of pool.hostedSystemSubnets()) {
            if (!subnet.pending && !subnet.hasText) {
                yield say({
                    element: CLUSTER,
                    node: subnet,
                    absent: "AKS Automatic runs its nodes in a VNet it creates and manages",
                    fix: "set it to the resource ID of a subnet in your virtual network",
                });
            }
        }
        return;
    }
    const subnet = pool.vnetSubnetId();
    // A subnet ID from another resource's output is set; its value is known only after the update.
    if (subnet.pending || subnet.hasText) {
        return;
    }
    // A separate pool without a subnet lands in its cluster's VNet: the cluster's pools are judged there.
    if (pool.separate && !subnet.present) {
        return;
    }
    yield say({
        element: pool.label(),
        node: subnet,
        base: pool.root,
        absent: "AKS puts the nodes in a VNet it creates and manages in the node resource group",
        fix: "set it to the resource ID of a subnet in your virtual network",
    });
}

export const policy = resourcePolicy(meta, reader(anyOf("AKS cluster and node pool", aksCluster, aksNodePool), read), check);
