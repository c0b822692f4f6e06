import { say } from "../../lib/core/message";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { PoolView } from "../../lib/views/nodepool";
import { pools } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "aks-node-public-ip-disabled",
    displayName: "AKS: no public IP on nodes",
    description: "AKS nodes get no public IP address of their own, so they cannot be reached from the internet directly.",
    controls: ["NET-1", "NET-5"],
    checks: ["AKS-13"],
    severity: "high",
    enforcementLevel: "mandatory",
    cis: ["5.4.3"],
    url: "https://learn.microsoft.com/azure/aks/use-node-public-ips",
    remediationSteps: [
        "azure-native: remove `enableNodePublicIP` (or set it to `false`) on every `agentPoolProfiles[]` entry and on every AgentPool, and drop `nodePublicIPPrefixID`.",
        "classic azure: remove `nodePublicIpEnabled` (v5: `enableNodePublicIp`) or set it to `false` on `defaultNodePool` and on every KubernetesClusterNodePool.",
        "Reach nodes through Azure Bastion or a jump host in the VNet instead. Changing the setting replaces the pool.",
    ].join("\n"),
};

export function* check(pool: PoolView): Iterable<string> {
    const n = pool.nodePublicIp();
    if (n.present && n.bool() !== false) {
        yield say({ element: pool.label(), node: n, base: pool.root, fix: "set it to false or remove it so nodes get no public IP" });
    }
}

export const policy = resourcePolicy(meta, pools, check);
