import { say } from "../../lib/core/message";
import { PolicyMeta, stackPolicy, StackCheckContext } from "../../lib/policy";
import { label } from "../../lib/stack";
import { ROLES, StackCluster, StackRoleAssignment } from "../../lib/stack/aks";
import { isOneOf, Targets, text } from "../../lib/stack/links";
import { UNKNOWN } from "../../lib/core/known";

export const meta: PolicyMeta = {
    name: "aks-admin-roles-assigned-to-groups",
    displayName: "AKS: admin role assignments go to Entra groups",
    description: "Azure role assignments of the AKS admin roles on a cluster are made to Entra groups (principalType Group), not to individual users or service principals.",
    controls: ["IAM-2"],
    checks: ["RBAC-01"],
    severity: "medium",
    enforcementLevel: "advisory",
    cis: ["4.1.1"],
    mcsb: ["PA-7"],
    url: "https://learn.microsoft.com/azure/aks/manage-azure-rbac",
    remediationSteps: [
        "Create an Entra group for cluster administrators and assign the AKS admin roles (Azure Kubernetes Service RBAC Cluster Admin, RBAC Admin, Cluster Admin Role) to the group only.",
        "azure-native: on the `authorization.RoleAssignment` set `principalId` to the group's object ID and `principalType: \"Group\"`.",
        "classic azure: on the `authorization.Assignment` set `principalId` to the group's object ID and `principalType: \"Group\"`.",
    ].join("\n"),
};

const ADMIN = [ROLES.rbacClusterAdmin, ROLES.clusterAdminRole, ROLES.rbacAdmin];

export function* check(ctx: StackCheckContext<Record<string, never>>): Iterable<{ urn: string; message: string }> {
    const clusters = StackCluster.all(ctx.stack);
    if (clusters.length === 0) {
        return;
    }
    const targets = new Targets(clusters.map(c => c.r));
    for (const ra of StackRoleAssignment.all(ctx.stack)) {
        const on = targets.linked(ra.r, "scope", [ra.scope()]);
        if (on.length === 0) {
            continue;
        }
        const role = ra.role(ADMIN);
        const type = ra.principalType();
        if (role === undefined || role === UNKNOWN || type === undefined || isOneOf(text(type), ["Group"])) {
            continue;
        }
        const grant = `${role.name} on ${on.map(label).join(", ")}`;
        yield {
            urn: ra.r.urn,
            message: say({
                element: label(ra.r),
                node: type,
                absent: "Azure records the principal's type as unknown, so an audit cannot tell that the admin role goes to a group",
                fix: type.present
                    ? `grant ${grant} to an Entra group instead (principalType "Group")`
                    : `set it to "Group" with principalId an Entra group's object ID, so that ${grant} goes to a group`,
            }),
        };
    }
}

export const policy = stackPolicy(meta, check);
