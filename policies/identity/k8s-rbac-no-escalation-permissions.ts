import { excludedNamespacesConfig, NamespaceConfig } from "../../lib/config/namespaces";
import { CheckContext, PolicyMeta, resourcePolicy } from "../../lib/policy";
import { allowKeys, configList, listValues, ObjectView } from "../../lib/views/k8s-objects";
import { rbacRole } from "../../lib/core/kinds";
import { namespaced, objects } from "../../lib/readers";
import { Node } from "../../lib/core/node";

export interface Config extends NamespaceConfig {
    allowedRoles: string[];
}

export const meta: PolicyMeta = {
    name: "k8s-rbac-no-escalation-permissions",
    displayName: "Kubernetes RBAC: no privilege-escalation permissions",
    description: "Roles and ClusterRoles grant no permission that leads to more privilege: reading Secrets, creating pods, exec/attach/port-forward, bind/escalate/impersonate, nodes/proxy, approving certificates, changing admission webhooks or minting service-account tokens.",
    controls: ["IAM-2"],
    checks: ["K8S-11"],
    severity: "high",
    enforcementLevel: "advisory",
    cis: ["4.1.2", "4.1.4", "4.1.7", "4.1.8", "4.1.9", "4.1.10", "4.1.11", "4.1.12"],
    url: "https://kubernetes.io/docs/concepts/security/rbac-good-practices/#privilege-escalation-risks",
    remediationSteps: [
        "Kubernetes manifest: remove the listed verbs from the Role or ClusterRole rule, or narrow the rule with `resourceNames` to the objects the subject really needs (create cannot be narrowed that way).",
        "Pulumi kubernetes: edit the `rules` of the `k8s.rbac.v1.Role` / `ClusterRole`; give controllers that need such rights a dedicated role and list it in `allowedRoles` (`name` for a ClusterRole, `namespace/name` for a Role).",
    ].join("\n"),
    config: {
        allowedRoles: {
            type: "array",
            items: { type: "string" },
            default: [],
            description: "Roles allowed to hold these permissions: `name` (ClusterRole, or a Role in any namespace) or `namespace/name` (Role); the Pulumi resource name also matches.",
        },
        ...excludedNamespacesConfig,
    },
};

interface Danger {
    groups: string[];
    resources: string[];
    /** Undefined: any verb. */
    verbs?: string[];
    effect: string;
}

const DANGERS: Danger[] = [
    { groups: [""], resources: ["secrets"], verbs: ["get", "list", "watch"], effect: "reads Secrets" },
    { groups: [""], resources: ["pods"], verbs: ["create"], effect: "starts pods that can mount any Secret and run as any service account of the namespace" },
    { groups: [""], resources: ["pods/exec", "pods/attach", "pods/portforward"], verbs: ["create", "get"], effect: "opens a shell or a port into running containers" },
    { groups: ["rbac.authorization.k8s.io"], resources: ["roles", "clusterroles"], verbs: ["bind", "escalate"], effect: "grants permissions the subject does not hold" },
    { groups: ["", "authentication.k8s.io"], resources: ["users", "groups", "serviceaccounts", "uids", "userextras"], verbs: ["impersonate"], effect: "acts as other users, groups or service accounts" },
    { groups: [""], resources: ["nodes/proxy"], effect: "reaches the kubelet API, which runs commands in any pod of the node" },
    { groups: ["certificates.k8s.io"], resources: ["certificatesigningrequests/approval"], verbs: ["update", "patch"], effect: "approves certificate requests, minting credentials for any identity" },
    { groups: ["admissionregistration.k8s.io"], resources: ["mutatingwebhookconfigurations", "validatingwebhookconfigurations"], verbs: ["create", "update", "patch", "delete"], effect: "changes admission webhooks, which see or rewrite every object" },
    { groups: [""], resources: ["serviceaccounts/token"], verbs: ["create"], effect: "mints API tokens for service accounts" },
];

/** A rule field as lower-cased strings (a bare string counts as a one-element list). */
function ruleStrings(n: Node): string[] {
    return listValues(n).map(x => x.str()).filter((s): s is string => s !== undefined).map(s => s.trim().toLowerCase());
}

// Does an RBAC `resources` entry cover `want` (`pods/exec`)? "*", exact, "pods/*" or "*/exec".
function coversResource(entry: string, want: string): boolean {
    if (entry === "*" || entry === want) {
        return true;
    }
    const [base, sub] = want.split("/");
    if (sub !== undefined) {
        return entry === `${base}/*` || entry === `*/${sub}`;
    }
    return false;
}

export function* check(role: ObjectView, ctx: CheckContext<Config>): Iterable<string> {
    const allowed = configList(ctx.config.allowedRoles).map(s => s.trim().toLowerCase());
    if (allowKeys(role.name(), role.namespace(), ctx.name).some(k => allowed.includes(k))) {
        return;
    }
    for (const rule of role.get("rules").items()) {
        const groups = ruleStrings(rule.get("apiGroups"));
        const resources = ruleStrings(rule.get("resources"));
        const verbs = ruleStrings(rule.get("verbs"));
        // resourceNames narrows every verb but create (the name is not known when creating).
        const named = ruleStrings(rule.get("resourceNames")).length > 0;
        const found: string[] = [];
        let narrowable = false;
        for (const d of DANGERS) {
            if (!groups.some(g => g === "*" || d.groups.includes(g))) continue;
            const hit = d.resources.filter(want => resources.some(r => coversResource(r, want)));
            let granted = d.verbs === undefined ? verbs : d.verbs.filter(v => verbs.includes(v) || verbs.includes("*"));
            if (named) granted = granted.filter(v => v === "create" || v === "*");
            if (hit.length === 0 || granted.length === 0) continue;
            found.push(`${granted.join(", ")} on ${hit.join(", ")} (${d.effect})`);
            narrowable ||= granted.some(v => v !== "create");
        }
        if (found.length > 0) {
            const fix = narrowable ? "remove these permissions, narrow them with resourceNames, or list the role in allowedRoles" : "remove these permissions or list the role in allowedRoles";
            // Verbs or resources held in a Pulumi secret are never spelled out.
            const secret = ["apiGroups", "resources", "verbs"].some(k => {
                const n = rule.get(k);
                return n.secret || n.items().some(i => i.secret);
            });
            yield `${rule.path} allows ${secret ? "escalation-prone permissions (the rule's values are secret)" : found.join("; ")}; ${fix}.`;
        }
    }
}

export const policy = resourcePolicy(meta, namespaced(objects(rbacRole)), check);
