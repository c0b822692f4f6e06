import { CLUSTER, say } from "../../lib/core/message";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { ClusterView } from "../../lib/views/cluster";
import { clusters } from "../../lib/readers";

const MANAGED = ["systemassigned", "userassigned"];

export const meta: PolicyMeta = {
    name: "aks-managed-identity-used",
    displayName: "AKS: managed identity, no service principal secret",
    description: "AKS clusters act in Azure with a managed identity, not a service principal whose secret must be stored and rotated.",
    controls: ["IAM-4"],
    checks: ["AKS-06"],
    severity: "high",
    enforcementLevel: "advisory",
    cis: ["5.2.1"],
    mcsb: ["IM-3"],
    url: "https://learn.microsoft.com/azure/aks/use-managed-identity",
    remediationSteps: [
        "azure-native: set `identity: { type: \"SystemAssigned\" }` (or `\"UserAssigned\"` with `userAssignedIdentities`) on the ManagedCluster and remove `servicePrincipalProfile` (or leave only `clientId: \"msi\"`).",
        "classic azure: replace the `servicePrincipal` block of the KubernetesCluster with `identity: { type: \"SystemAssigned\" }` (or `\"UserAssigned\"` with `identityIds`).",
        "Then delete the service principal's secret and grant the identity's roles (e.g. Network Contributor on a custom subnet) to the managed identity.",
    ].join("\n"),
};

export function* check(c: ClusterView): Iterable<string> {
    const identity = c.identity();
    if (identity.present && !identity.isObject) {
        yield say({ element: CLUSTER, node: identity, fix: "set it to { type: \"SystemAssigned\" } or a user-assigned identity" });
    } else {
        const type = identity.get("type");
        if (type.present && !MANAGED.includes(type.str()?.toLowerCase() ?? "")) {
            yield say({ element: CLUSTER, node: type, fix: "set it to \"SystemAssigned\" or \"UserAssigned\"" });
        }
    }
    const sp = c.servicePrincipalInUse();
    if (sp === undefined) {
        return;
    }
    const remove = c.spell({ native: "remove servicePrincipalProfile so the cluster uses its managed identity", classic: "remove the servicePrincipal block and set identity: { type: \"SystemAssigned\" }" });
    if (sp.named) {
        yield say({ element: CLUSTER, node: sp.node, fix: remove });
    } else {
        // Never print the block itself: it holds clientSecret.
        yield `${CLUSTER} sets servicePrincipal; ${remove}.`;
    }
}

export const policy = resourcePolicy(meta, clusters, check);
