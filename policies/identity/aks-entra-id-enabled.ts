import { CLUSTER, say } from "../../lib/core/message";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { ClusterView } from "../../lib/views/cluster";
import { clusters } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "aks-entra-id-enabled",
    displayName: "AKS: Microsoft Entra ID integration (managed)",
    description: "AKS clusters authenticate users with managed Microsoft Entra ID integration, not the retired legacy AAD apps or local accounts alone.",
    controls: ["IAM-1"],
    checks: ["AKS-01"],
    severity: "high",
    enforcementLevel: "advisory",
    cis: ["5.5.1"],
    mcsb: ["IM-1"],
    url: "https://learn.microsoft.com/azure/aks/enable-authentication-microsoft-entra-id",
    remediationSteps: [
        "azure-native: set `aadProfile: { managed: true, enableAzureRBAC: true, adminGroupObjectIDs: [\"<group object id>\"] }` on the ManagedCluster and remove `clientAppID`, `serverAppID` and `serverAppSecret`.",
        "classic azure: add an `azureActiveDirectoryRoleBasedAccessControl: { azureRbacEnabled: true, adminGroupObjectIds: [\"<group object id>\"] }` block to the KubernetesCluster (v5: also `managed: true`, and no `clientAppId`/`serverAppId`/`serverAppSecret`).",
    ].join("\n"),
};

export function* check(c: ClusterView): Iterable<string> {
    const block = c.entraBlock();
    // AKS Automatic preconfigures managed Entra ID with Azure RBAC (intro-aks-automatic.md).
    if (!block.present && c.automatic()) {
        return;
    }
    if (!block.isObject) {
        yield say({
            element: CLUSTER,
            node: block,
            absent: "only local client-certificate accounts can sign in",
            fix: c.spell({ native: "set aadProfile: { managed: true } with the admin group object IDs", classic: "add the azureActiveDirectoryRoleBasedAccessControl block with azureRbacEnabled and adminGroupObjectIds" }),
        });
        return;
    }
    const managed = c.entraManagedState();
    if (managed.state() !== true) {
        yield say({ element: CLUSTER, node: managed.node, absent: "the legacy AAD integration", fix: "set it to true" });
    }
    for (const legacy of c.entraLegacyFields()) {
        yield say({ element: CLUSTER, node: legacy, fix: "remove it: the legacy AAD client/server app integration is retired; managed Entra ID needs no app" });
    }
}

export const policy = resourcePolicy(meta, clusters, check);
