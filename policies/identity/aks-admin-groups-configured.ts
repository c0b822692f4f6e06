import { CLUSTER, say, show } from "../../lib/core/message";
import { CheckContext, PolicyMeta, resourcePolicy } from "../../lib/policy";
import { ClusterView } from "../../lib/views/cluster";
import { clusters } from "../../lib/readers";

export interface Config {
    allowedAdminGroupObjectIds: string[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const meta: PolicyMeta = {
    name: "aks-admin-groups-configured",
    displayName: "AKS: cluster-admin granted to Entra groups",
    description: "AKS clusters grant cluster-admin to named Microsoft Entra groups (approved ones, when an allow-list is configured), not to individual accounts; with Azure RBAC, through role assignments instead.",
    controls: ["IAM-2"],
    checks: ["AKS-05"],
    severity: "medium",
    enforcementLevel: "advisory",
    url: "https://learn.microsoft.com/azure/aks/enable-authentication-microsoft-entra-id",
    remediationSteps: [
        "azure-native: set `aadProfile: { managed: true, adminGroupObjectIDs: [\"<group object id>\"] }` on the ManagedCluster.",
        "classic azure: set `azureActiveDirectoryRoleBasedAccessControl: { adminGroupObjectIds: [\"<group object id>\"] }` on the KubernetesCluster.",
        "Use the group's object ID (a GUID), e.g. the `objectId` output of an `azuread.Group`, not its display name.",
        "With Azure RBAC for Kubernetes authorization (`enableAzureRBAC: true`, preconfigured on AKS Automatic) the list may stay empty: grant the \"Azure Kubernetes Service RBAC Cluster Admin\" role to a group instead.",
    ].join("\n"),
    config: {
        allowedAdminGroupObjectIds: {
            type: "array",
            items: { type: "string" },
            default: [],
            description: "Object IDs of the Entra groups that may hold cluster-admin (compared case-insensitively). Empty: any group is accepted.",
        },
    },
};

export function* check(c: ClusterView, ctx: CheckContext<Config>): Iterable<string> {
    const allowed = Array.isArray(ctx.config.allowedAdminGroupObjectIds)
        ? ctx.config.allowedAdminGroupObjectIds.filter((s): s is string => typeof s === "string")
        : [];
    const groups = c.adminGroups();
    // A list or an ID produced by another resource (e.g. azuread.Group.objectId) is set; it can
    // only be compared with an allow-list once it is known.
    if (allowed.length === 0 && groups.pending) {
        return;
    }
    if (!groups.isArray || groups.items().length === 0) {
        // With Azure RBAC, cluster-admin is an Azure role assignment (aks-admin-roles-assigned-to-groups
        // checks those); the Entra admin group list is then optional, and Microsoft's examples leave it empty.
        if (!(groups.present && !groups.isArray) && c.azureRbacOn()) {
            return;
        }
        yield say({ element: CLUSTER, node: groups, absent: "no Entra group holds cluster-admin", fix: "set it to the object IDs of the Entra groups that administer the cluster" });
        return;
    }
    const approved = new Set(allowed.map(s => s.trim().toLowerCase()));
    for (const item of groups.items()) {
        if (allowed.length === 0 && item.pending) {
            continue;
        }
        const s = item.str();
        if (s === undefined || !GUID.test(s.trim())) {
            yield say({ element: CLUSTER, node: item, fix: "set it to the group's object ID (a GUID), not its name" });
        } else if (approved.size > 0 && !approved.has(s.trim().toLowerCase())) {
            yield `${CLUSTER} sets ${item.path}: ${show(item)}, which is not in allowedAdminGroupObjectIds ${JSON.stringify(allowed)}; grant cluster-admin only to the approved groups.`;
        }
    }
}

export const policy = resourcePolicy(meta, clusters, check);
