import { say } from "../../lib/core/message";
import { excludedNamespacesConfig, NamespaceConfig } from "../../lib/config/namespaces";
import { CheckContext, PolicyMeta, resourcePolicy } from "../../lib/policy";
import { configList, ObjectView, sayWhich } from "../../lib/views/k8s-objects";
import { rbacBinding } from "../../lib/core/kinds";
import { namespaced, objects } from "../../lib/readers";

export interface Config extends NamespaceConfig {
    allowedGroups: string[];
    privilegedRoles: string[];
}

export const meta: PolicyMeta = {
    name: "k8s-rbac-cluster-admin-restricted",
    displayName: "Kubernetes RBAC: cluster-admin only for approved groups",
    description: "cluster-admin (and any other role listed as privileged) is bound only to approved groups, never to users, service accounts or Kubernetes' built-in groups, and no role is bound to unauthenticated requests.",
    controls: ["IAM-2"],
    checks: ["K8S-10"],
    severity: "critical",
    enforcementLevel: "advisory",
    cis: ["4.1.1"],
    url: "https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege",
    remediationSteps: [
        "Kubernetes manifest: in ClusterRoleBindings and RoleBindings whose `roleRef.name` is `cluster-admin`, keep only `kind: Group` subjects that name approved Entra ID groups (object IDs); give users and service accounts narrower roles.",
        "Pulumi kubernetes: in `k8s.rbac.v1.ClusterRoleBinding` / `RoleBinding` with `roleRef: { kind: \"ClusterRole\", name: \"cluster-admin\" }` list only `{ kind: \"Group\", name: \"<entra-group-object-id>\" }` subjects, and add those group IDs to `allowedGroups`.",
        "On AKS prefer Azure RBAC for Kubernetes (`aadProfile.enableAzureRBAC`) and the built-in \"Azure Kubernetes Service RBAC Cluster Admin\" role assigned to a group.",
    ].join("\n"),
    config: {
        allowedGroups: {
            type: "array",
            items: { type: "string" },
            default: [],
            description: "Groups (Entra ID group object IDs or names, compared case-insensitively) that may hold the privileged roles. system:masters, system:authenticated, system:anonymous and system:unauthenticated are never accepted.",
        },
        privilegedRoles: {
            type: "array",
            items: { type: "string" },
            default: ["cluster-admin"],
            description: "ClusterRoles whose bindings are restricted to allowedGroups.",
        },
        ...excludedNamespacesConfig,
    },
};

/** Groups that any request (or any identity) belongs to: no role may be bound to them. */
const UNAUTHENTICATED = ["system:anonymous", "system:unauthenticated"];
/** Built-in groups that are never an approved holder of a privileged role. */
const BUILT_IN = ["system:masters", "system:authenticated", ...UNAUTHENTICATED];

export function* check(b: ObjectView, ctx: CheckContext<Config>): Iterable<string> {
    const ref = b.get("roleRef");
    const shown = ref.get("name").str()?.trim();
    const refName = shown?.toLowerCase();
    const refKind = ref.get("kind").str()?.trim().toLowerCase();
    const privileged = refName !== undefined && (refKind === undefined || refKind === "clusterrole")
        && configList(ctx.config.privilegedRoles).some(r => r.trim().toLowerCase() === refName);
    const role = shown ? `role ${JSON.stringify(shown)}` : "the bound role";
    const fix = `bind ${role} only to the approved groups in allowedGroups and grant users and service accounts narrower roles`;
    const allowed = configList(ctx.config.allowedGroups).map(g => g.trim().toLowerCase());
    for (const s of b.get("subjects").items()) {
        const kind = s.get("kind");
        const name = s.get("name");
        const n = name.str()?.trim().toLowerCase();
        if (n !== undefined && UNAUTHENTICATED.includes(n)) {
            yield sayWhich(s.path, name, s, `lets unauthenticated requests use ${role}`, "remove the subject");
            continue;
        }
        if (!privileged) {
            continue;
        }
        if (kind.str()?.trim().toLowerCase() !== "group") {
            yield say({ element: s.path, node: kind, base: s, fix });
        } else if (n !== undefined && BUILT_IN.includes(n)) {
            yield sayWhich(s.path, name, s, n === "system:masters" ? "is Kubernetes' superuser group" : "is every authenticated identity", fix);
        } else if (n === undefined || !allowed.includes(n)) {
            yield sayWhich(s.path, name, s, "is not in allowedGroups", fix);
        }
    }
}

export const policy = resourcePolicy(meta, namespaced(objects(rbacBinding)), check);
