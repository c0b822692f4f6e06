import { setPath } from "../../lib/core/remediate";
import { CLUSTER, say } from "../../lib/core/message";
import { CheckContext, PolicyMeta, resourcePolicy } from "../../lib/policy";
import { ClusterView } from "../../lib/views/cluster";
import { clusters } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "aks-local-accounts-disabled",
    displayName: "AKS: local accounts disabled",
    description: "AKS clusters disable local accounts, so every user signs in through Microsoft Entra ID, where MFA and Conditional Access apply.",
    controls: ["IAM-1", "IAM-3"],
    checks: ["AKS-02"],
    severity: "high",
    enforcementLevel: "advisory",
    mcsb: ["PA-1", "IM-1"],
    url: "https://learn.microsoft.com/azure/aks/local-accounts",
    remediationSteps: [
        "azure-native: set `disableLocalAccounts: true` on the ManagedCluster (it needs managed Entra ID: `aadProfile: { managed: true, ... }`).",
        "classic azure: set `localAccountDisabled: true` on the KubernetesCluster (it needs the `azureActiveDirectoryRoleBasedAccessControl` block).",
        "On an existing cluster, rotate the cluster certificates afterwards (`az aks rotate-certs`) to revoke admin credentials already handed out.",
    ].join("\n"),
    remediates: "sets `disableLocalAccounts: true` (classic: `localAccountDisabled: true`), only on clusters with managed Entra ID integration, so nobody is locked out",
};

export function* check(c: ClusterView): Iterable<string> {
    const n = c.localAccountsDisabled();
    if (n.bool() !== true) {
        yield say({ element: CLUSTER, node: n, absent: "local accounts stay enabled, and their admin credentials bypass Entra ID", fix: "set it to true" });
    }
}

/** Only with Entra ID in place: without it, disabling local accounts would lock everyone out. */
export function remediate(props: Record<string, unknown>, ctx: CheckContext<Record<string, never>>): boolean {
    const c = ClusterView.read(ctx.type, props)[0];
    if (!c) return false;
    const entra = c.entraBlock().isObject && c.entraManagedState().state() === true;
    return entra && setPath(props, [c.spell({ native: "disableLocalAccounts", classic: "localAccountDisabled" })], true);
}

export const policy = resourcePolicy(meta, clusters, check, { remediate });
