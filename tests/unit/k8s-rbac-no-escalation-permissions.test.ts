import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/identity/k8s-rbac-no-escalation-permissions";
import { clusterRole, excludedReason, K, role } from "../fixtures/k8s-objects";
import { unknown, validate, violationCases } from "../harness";
import { untyped } from "../fixtures/typed";

const FIX = "remove these permissions, narrow them with resourceNames, or list the role in allowedRoles.";
const FIX_CREATE = "remove these permissions or list the role in allowedRoles.";
const ROLE_TYPES = [K.role, K.clusterRole, K.rolePatch, K.roleV1beta1, K.clusterRoleV1alpha1];

function rule(apiGroups: unknown, resources: unknown, verbs: unknown, extra: Record<string, unknown> = {}) {
    return role({ rules: [{ apiGroups: untyped(apiGroups), resources: untyped(resources), verbs: untyped(verbs), ...extra }] });
}

describe("k8s-rbac-no-escalation-permissions", () => {
    for (const type of ROLE_TYPES) {
        describe(type, () => {
            it("passes a read-only role without Secrets", () => {
                assert.deepEqual(validate(policy, type, role()).violations, []);
            });
            it("fails reading Secrets", () => {
                assert.deepEqual(validate(policy, type, rule([""], ["secrets"], ["get", "list"])).violations,
                    [`rules[0] allows get, list on secrets (reads Secrets); ${FIX}`]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; config?: Record<string, unknown>; want: string[] }[] = [
        { name: "fails creating pods", props: rule([""], ["pods"], ["create", "delete"]),
            want: [`rules[0] allows create on pods (starts pods that can mount any Secret and run as any service account of the namespace); ${FIX_CREATE}`] },
        { name: "fails exec, attach and port-forward", props: rule([""], ["pods/exec", "pods/attach", "pods/portforward", "pods/log"], ["create", "get"]),
            want: [`rules[0] allows create, get on pods/exec, pods/attach, pods/portforward (opens a shell or a port into running containers); ${FIX}`] },
        { name: "sees pods/* as covering exec", props: rule([""], ["pods/*"], ["create"]),
            want: [`rules[0] allows create on pods/exec, pods/attach, pods/portforward (opens a shell or a port into running containers); ${FIX_CREATE}`] },
        { name: "fails bind and escalate on roles", props: rule(["rbac.authorization.k8s.io"], ["clusterroles"], ["bind", "escalate"]),
            want: [`rules[0] allows bind, escalate on clusterroles (grants permissions the subject does not hold); ${FIX}`] },
        { name: "fails impersonation", props: rule([""], ["users", "groups", "serviceaccounts"], ["impersonate"]),
            want: [`rules[0] allows impersonate on users, groups, serviceaccounts (acts as other users, groups or service accounts); ${FIX}`] },
        { name: "fails any verb on nodes/proxy", props: rule([""], ["nodes/proxy"], ["get"]),
            want: [`rules[0] allows get on nodes/proxy (reaches the kubelet API, which runs commands in any pod of the node); ${FIX}`] },
        { name: "fails approving certificates", props: rule(["certificates.k8s.io"], ["certificatesigningrequests/approval"], ["update"]),
            want: [`rules[0] allows update on certificatesigningrequests/approval (approves certificate requests, minting credentials for any identity); ${FIX}`] },
        { name: "fails writing admission webhooks", props: rule(["admissionregistration.k8s.io"], ["mutatingwebhookconfigurations", "validatingwebhookconfigurations"], ["get", "patch"]),
            want: [`rules[0] allows patch on mutatingwebhookconfigurations, validatingwebhookconfigurations (changes admission webhooks, which see or rewrite every object); ${FIX}`] },
        { name: "passes reading admission webhooks", props: rule(["admissionregistration.k8s.io"], ["mutatingwebhookconfigurations"], ["get", "list", "watch"]), want: [] },
        { name: "fails minting service-account tokens", props: rule([""], ["serviceaccounts/token"], ["create"]),
            want: [`rules[0] allows create on serviceaccounts/token (mints API tokens for service accounts); ${FIX_CREATE}`] },
        { name: "requires the right API group (secrets in another group are not core Secrets)", props: rule(["example.com"], ["secrets"], ["get"]), want: [] },
        { name: "sees the group wildcard", props: rule(["*"], ["secrets"], ["watch"]), want: [`rules[0] allows watch on secrets (reads Secrets); ${FIX}`] },
        { name: "sees the verb wildcard", props: rule([""], ["secrets"], ["*"]), want: [`rules[0] allows get, list, watch on secrets (reads Secrets); ${FIX}`] },
        { name: "lists every escalation of a full wildcard rule in one message", props: rule(["*"], ["*"], ["*"]), want: [
            "rules[0] allows get, list, watch on secrets (reads Secrets); create on pods (starts pods that can mount any Secret and run as any service account of the namespace); " +
            "create, get on pods/exec, pods/attach, pods/portforward (opens a shell or a port into running containers); bind, escalate on roles, clusterroles (grants permissions the subject does not hold); " +
            "impersonate on users, groups, serviceaccounts, uids, userextras (acts as other users, groups or service accounts); * on nodes/proxy (reaches the kubelet API, which runs commands in any pod of the node); " +
            "update, patch on certificatesigningrequests/approval (approves certificate requests, minting credentials for any identity); " +
            "create, update, patch, delete on mutatingwebhookconfigurations, validatingwebhookconfigurations (changes admission webhooks, which see or rewrite every object); " +
            `create on serviceaccounts/token (mints API tokens for service accounts); ${FIX}`,
        ] },
        { name: "reports each offending rule once, in order", props: role({ rules: [
            { apiGroups: [""], resources: ["configmaps"], verbs: ["get"] },
            { apiGroups: [""], resources: ["secrets"], verbs: ["list"] },
            { apiGroups: [""], resources: ["pods"], verbs: ["create"] },
        ] }), want: [
            `rules[1] allows list on secrets (reads Secrets); ${FIX}`,
            `rules[2] allows create on pods (starts pods that can mount any Secret and run as any service account of the namespace); ${FIX_CREATE}`,
        ] },
        { name: "accepts reading named Secrets (resourceNames)", props: rule([""], ["secrets"], ["get"], { resourceNames: ["app-config"] }), want: [] },
        { name: "accepts binding named roles (resourceNames)", props: rule(["rbac.authorization.k8s.io"], ["roles"], ["bind"], { resourceNames: ["reader"] }), want: [] },
        { name: "still fails create with resourceNames (create cannot be narrowed by name)", props: rule([""], ["pods"], ["create"], { resourceNames: ["x"] }),
            want: [`rules[0] allows create on pods (starts pods that can mount any Secret and run as any service account of the namespace); ${FIX_CREATE}`] },
        { name: "ignores an empty resourceNames list", props: rule([""], ["secrets"], ["get"], { resourceNames: [] }), want: [`rules[0] allows get on secrets (reads Secrets); ${FIX}`] },
        { name: "reads bare strings (malformed) as one-element lists", props: rule("", "secrets", "get"), want: [`rules[0] allows get on secrets (reads Secrets); ${FIX}`] },
        { name: "compares case-insensitively", props: rule([""], ["Secrets"], ["GET"]), want: [`rules[0] allows get on secrets (reads Secrets); ${FIX}`] },
        { name: "checks nothing when rules is not an array", props: role({ rules: untyped({ apiGroups: [""], resources: ["secrets"], verbs: ["get"] }) }), want: [] },
        { name: "checks nothing for a rule without apiGroups", props: role({ rules: [{ resources: ["secrets"], verbs: ["get"] }] }), want: [] },
        // allowedRoles
        { name: "skips a role listed as namespace/name", config: { allowedRoles: ["apps/reader"] }, props: rule([""], ["secrets"], ["get"]), want: [] },
        { name: "skips a ClusterRole listed by name", type: K.clusterRole, config: { allowedRoles: ["node-reader"] }, props: clusterRole({ rules: [{ apiGroups: [""], resources: ["nodes/proxy"], verbs: ["get"] }] }), want: [] },
        { name: "does not skip a role not on the list", config: { allowedRoles: ["apps/writer"] }, props: rule([""], ["secrets"], ["get"]), want: [`rules[0] allows get on secrets (reads Secrets); ${FIX}`] },
    ];
    violationCases(policy, K.role, cases);

    it("reports nothing but the SDK's note when a resource is unknown at preview", () => {
        const out = validate(policy, K.role, rule([""], [unknown], ["get"]));
        assert.deepEqual(out.violations, []);
        assert.equal(out.unknown, "string value at .rules.0.resources.0 can't be known during preview");
    });
    it("is not applicable to Roles in excluded namespaces", () => {
        assert.equal(validate(policy, K.role, rule([""], ["secrets"], ["get"], {})).notApplicable, undefined);
        assert.equal(validate(policy, K.role, role({ metadata: { namespace: "gatekeeper-system" }, rules: [{ apiGroups: [""], resources: ["secrets"], verbs: ["get"] }] })).notApplicable,
            excludedReason("gatekeeper-system"));
    });
});
