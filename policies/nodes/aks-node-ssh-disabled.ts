import { agentPool, anyOf, classicCluster, classicNodePool, managedCluster } from "../../lib/core/kinds";
import { say } from "../../lib/core/message";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { pools, within } from "../../lib/readers";
import { PoolView } from "../../lib/views/nodepool";

export const meta: PolicyMeta = {
    name: "aks-node-ssh-disabled",
    displayName: "AKS: SSH to nodes disabled",
    description: "Every AKS node pool has its SSH service disabled, so a compromised pod or network peer cannot log in to the nodes.",
    controls: ["NODE-2"],
    checks: ["AKS-31"],
    severity: "medium",
    enforcementLevel: "advisory",
    url: "https://learn.microsoft.com/azure/aks/manage-ssh-node-access",
    remediationSteps: [
        "azure-native: set `securityProfile: { sshAccess: \"Disabled\" }` on every `agentPoolProfiles[]` entry and every AgentPool, then reimage existing pools (`az aks nodepool upgrade --node-image-only`); use `kubectl debug node/...` for troubleshooting.",
        "classic azure: the provider (6.x) has no SSH-access setting, so this policy does not apply to classic clusters and node pools; manage those pools' SSH access with azure-native or block port 22 to the nodes with NSG rules.",
    ].join("\n"),
};

const classicKinds = anyOf("classic AKS cluster and node pool", classicCluster, classicNodePool);
const CLASSIC_REASON = "the classic azure provider (6.x) exposes no SSH-access setting for AKS node pools; use azure-native or NSG rules to close SSH";

export function* check(pool: PoolView): Iterable<string> {
    const n = pool.sshAccess();
    if (n.str()?.toLowerCase() !== "disabled") {
        yield say({ element: pool.label(), node: n, base: pool.root, absent: "LocalUser: SSH is on", fix: "set it to \"Disabled\"" });
    }
}

export const policy = resourcePolicy(meta, within(pools, anyOf("azure-native AKS cluster and AgentPool", managedCluster, agentPool)), check, {
    otherwise: { kind: classicKinds, reason: CLASSIC_REASON },
});
