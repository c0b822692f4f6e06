import { poolPolicy } from "../../lib/aks";
import { say } from "../../lib/message";
import { PolicyMeta } from "../../lib/policy";
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
        "Grant the cluster identity Network Contributor on the subnet (or the VNet) first. The subnet of an existing pool cannot be changed: the pool is replaced.",
    ].join("\n"),
};

export function* check(pool: PoolView): Iterable<string> {
    const subnet = pool.vnetSubnetId();
    // A subnet ID from another resource's output is set; its value is known only after the update.
    if (subnet.pending || subnet.hasText) {
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

export const policy = poolPolicy(meta, check);
