import { setPath } from "../../lib/core/remediate";
import { CLUSTER, say } from "../../lib/core/message";
import { CheckContext, PolicyMeta, resourcePolicy } from "../../lib/policy";
import { ClusterView } from "../../lib/views/cluster";
import { clusters } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "aks-run-command-disabled",
    displayName: "AKS: run command disabled",
    description: "AKS clusters disable run command (az aks command invoke), which runs kubectl in the cluster through the Azure API and bypasses API server network restrictions.",
    controls: ["NET-4"],
    checks: ["AKS-32"],
    severity: "medium",
    enforcementLevel: "advisory",
    url: "https://learn.microsoft.com/azure/aks/access-private-cluster",
    remediationSteps: [
        "azure-native: set `apiServerAccessProfile: { disableRunCommand: true }` on the ManagedCluster.",
        "classic azure: set `runCommandEnabled: false` on the KubernetesCluster (it defaults to true).",
        "Reach a private API server through a VNet-connected jump host, Azure Bastion or a self-hosted CI agent instead.",
    ].join("\n"),
    remediates: "sets `apiServerAccessProfile.disableRunCommand: true` (classic: `runCommandEnabled: false`)",
};

export function* check(c: ClusterView): Iterable<string> {
    const n = c.runCommand();
    if (n.state() !== false) {
        yield say({ element: CLUSTER, node: n.node, absent: "run command is enabled", fix: `set it to ${n.write(false)}` });
    }
}

export function remediate(props: Record<string, unknown>, ctx: CheckContext<Record<string, never>>): boolean {
    return ctx.type.startsWith("azure:")
        ? setPath(props, ["runCommandEnabled"], false)
        : setPath(props, ["apiServerAccessProfile", "disableRunCommand"], true);
}

export const policy = resourcePolicy(meta, clusters, check, { remediate });
