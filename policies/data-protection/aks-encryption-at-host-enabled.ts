import { say } from "../../lib/core/message";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { PoolView } from "../../lib/views/nodepool";
import { pools } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "aks-encryption-at-host-enabled",
    displayName: "AKS: encryption at host on every node pool",
    description: "Every AKS node pool encrypts temp disks and disk caches at the VM host (encryption at host).",
    controls: ["DATA-1"],
    checks: ["AKS-16"],
    severity: "medium",
    enforcementLevel: "advisory",
    mcsb: ["DP-4"],
    url: "https://learn.microsoft.com/azure/aks/enable-host-encryption",
    remediationSteps: [
        "Register the `EncryptionAtHost` feature on the subscription once (`az feature register --namespace Microsoft.Compute --name EncryptionAtHost`).",
        "azure-native: set `enableEncryptionAtHost: true` on every `agentPoolProfiles[]` entry and on every AgentPool.",
        "classic azure: set `hostEncryptionEnabled: true` (v5: `enableHostEncryption`) on `defaultNodePool` and on every KubernetesClusterNodePool.",
    ].join("\n"),
};

export function* check(pool: PoolView): Iterable<string> {
    const n = pool.encryptionAtHost();
    if (n.bool() !== true) {
        yield say({ element: pool.label(), node: n, base: pool.root, absent: "temp disks and caches are not encrypted at the host", fix: "set it to true" });
    }
}

export const policy = resourcePolicy(meta, pools, check);
