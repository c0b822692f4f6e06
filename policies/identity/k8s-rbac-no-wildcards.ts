import { say } from "../../lib/core/message";
import { excludedNamespacesConfig, NamespaceConfig } from "../../lib/config/namespaces";
import { CheckContext, PolicyMeta, resourcePolicy } from "../../lib/policy";
import { allowKeys, configList, listValues, ObjectView } from "../../lib/views/k8s-objects";
import { rbacRole } from "../../lib/core/kinds";
import { namespaced, objects } from "../../lib/readers";

export interface Config extends NamespaceConfig {
    allowedRoles: string[];
}

export const meta: PolicyMeta = {
    name: "k8s-rbac-no-wildcards",
    displayName: "Kubernetes RBAC: no wildcards in Roles and ClusterRoles",
    description: "Role and ClusterRole rules name their verbs, resources and API groups instead of using the wildcard \"*\".",
    controls: ["IAM-2"],
    checks: ["K8S-09"],
    severity: "high",
    enforcementLevel: "advisory",
    cis: ["4.1.3"],
    url: "https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege",
    remediationSteps: [
        "Kubernetes manifest: in every `rules[]` entry of a Role or ClusterRole list the exact `apiGroups`, `resources` and `verbs` the subject needs; a wildcard also grants every resource and verb added to the cluster later.",
        "Pulumi kubernetes: in `k8s.rbac.v1.Role` / `ClusterRole` `rules`, replace `\"*\"` with explicit lists (e.g. `verbs: [\"get\", \"list\", \"watch\"]`).",
        "Roles that truly need wildcards (a cluster operator's own role): list them in `allowedRoles` (`name` for a ClusterRole, `namespace/name` for a Role).",
    ].join("\n"),
    config: {
        allowedRoles: {
            type: "array",
            items: { type: "string" },
            default: [],
            description: "Roles allowed to use wildcards: `name` (ClusterRole, or a Role in any namespace) or `namespace/name` (Role); the Pulumi resource name also matches.",
        },
        ...excludedNamespacesConfig,
    },
};

const FIX: Record<string, string> = {
    verbs: "list the verbs the subject needs (get, list, watch, ...)",
    resources: "list the resources the subject needs",
    apiGroups: "list the API groups the subject needs (\"\" for the core group)",
};

export function* check(role: ObjectView, ctx: CheckContext<Config>): Iterable<string> {
    const allowed = configList(ctx.config.allowedRoles).map(s => s.trim().toLowerCase());
    if (allowKeys(role.name(), role.namespace(), ctx.name).some(k => allowed.includes(k))) {
        return;
    }
    for (const rule of role.get("rules").items()) {
        for (const field of ["apiGroups", "resources", "verbs"]) {
            for (const v of listValues(rule.get(field))) {
                const s = v.str();
                if (s !== undefined && (s.trim() === "*" || (field === "resources" && s.includes("*")))) {
                    yield say({ element: rule.path, node: v, base: rule, fix: FIX[field] });
                }
            }
        }
    }
}

export const policy = resourcePolicy(meta, namespaced(objects(rbacRole)), check);
