import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/identity/k8s-rbac-no-wildcards";
import { clusterRole, excludedReason, K, role } from "../fixtures/k8s-objects";
import { secret, unknown, validate, violationCases } from "../harness";
import { untyped } from "../fixtures/typed";

const VERBS = "list the verbs the subject needs (get, list, watch, ...).";
const RESOURCES = "list the resources the subject needs.";
const GROUPS = "list the API groups the subject needs (\"\" for the core group).";
const ROLE_TYPES = [K.role, K.clusterRole, K.rolePatch, K.roleV1beta1, K.clusterRoleV1alpha1];

function rules(...r: unknown[]) {
    return role({ rules: untyped(r) });
}

describe("k8s-rbac-no-wildcards", () => {
    for (const type of ROLE_TYPES) {
        describe(type, () => {
            it("passes explicit rules", () => {
                assert.deepEqual(validate(policy, type, type.includes("Cluster") ? clusterRole() : role()).violations, []);
            });
            it("fails a wildcard verb", () => {
                assert.deepEqual(validate(policy, type, rules({ apiGroups: [""], resources: ["pods"], verbs: ["get", "*"] })).violations,
                    [`rules[0] sets verbs[1]: "*"; ${VERBS}`]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; config?: Record<string, unknown>; name_?: string; want: string[] }[] = [
        { name: "reports every wildcard once, groups then resources then verbs", props: rules(
            { apiGroups: ["*"], resources: ["*"], verbs: ["*"] },
            { apiGroups: ["apps"], resources: ["deployments"], verbs: ["get"] },
            { apiGroups: ["", "*"], resources: ["pods/*", "*/scale"], verbs: ["list"] },
        ), want: [
            `rules[0] sets apiGroups[0]: "*"; ${GROUPS}`,
            `rules[0] sets resources[0]: "*"; ${RESOURCES}`,
            `rules[0] sets verbs[0]: "*"; ${VERBS}`,
            `rules[2] sets apiGroups[1]: "*"; ${GROUPS}`,
            `rules[2] sets resources[0]: "pods/*"; ${RESOURCES}`,
            `rules[2] sets resources[1]: "*/scale"; ${RESOURCES}`,
        ] },
        { name: "sees a wildcard with blanks around it", props: rules({ apiGroups: [""], resources: ["pods"], verbs: [" * "] }), want: [`rules[0] sets verbs[0]: " * "; ${VERBS}`] },
        { name: "sees a bare-string wildcard (malformed)", props: rules({ apiGroups: "*", resources: ["pods"], verbs: "*" }),
            want: [`rules[0] sets apiGroups: "*"; ${GROUPS}`, `rules[0] sets verbs: "*"; ${VERBS}`] },
        { name: "ignores non-string elements", props: rules({ apiGroups: [""], resources: [7, null], verbs: [true] }), want: [] },
        { name: "does not treat nonResourceURLs as resources", props: rules({ nonResourceURLs: ["/healthz/*"], verbs: ["get"] }), want: [] },
        { name: "checks nothing when rules is not an array", props: role({ rules: untyped({ verbs: ["*"] }) }), want: [] },
        { name: "checks nothing without rules (an aggregated ClusterRole)", type: K.clusterRole, props: clusterRole({ rules: undefined, aggregationRule: { clusterRoleSelectors: [{ matchLabels: { agg: "true" } }] } }), want: [] },
        { name: "never prints a secret wildcard", props: rules({ apiGroups: [""], resources: ["pods"], verbs: [secret("*")] }), want: [`rules[0] sets verbs[0]: [secret]; ${VERBS}`] },
        // allowedRoles
        { name: "skips a ClusterRole listed by name", type: K.clusterRole, config: { allowedRoles: ["Node-Reader"] }, props: clusterRole({ rules: [{ apiGroups: ["*"], resources: ["nodes"], verbs: ["get"] }] }), want: [] },
        { name: "skips a Role listed as namespace/name", config: { allowedRoles: ["apps/reader"] }, props: rules({ apiGroups: ["*"], resources: ["pods"], verbs: ["get"] }), want: [] },
        { name: "does not skip a Role of the same name in another namespace", config: { allowedRoles: ["other/reader"] }, props: rules({ apiGroups: ["*"], resources: ["pods"], verbs: ["get"] }),
            want: [`rules[0] sets apiGroups[0]: "*"; ${GROUPS}`] },
        { name: "skips a role listed by its Pulumi resource name", config: { allowedRoles: ["res"] }, props: rules({ apiGroups: ["*"], resources: ["pods"], verbs: ["get"] }), want: [] },
        { name: "treats allowedRoles that is not an array as empty", config: { allowedRoles: "reader" }, props: rules({ apiGroups: ["*"], resources: ["pods"], verbs: ["get"] }),
            want: ["The policy configuration sets allowedRoles: \"reader\" (write a list of strings there); until it is fixed, the policy uses the default for allowedRoles ([]).", `rules[0] sets apiGroups[0]: "*"; ${GROUPS}`] },
    ];
    violationCases(policy, K.role, cases);

    it("reports nothing but the SDK's note when a verb is unknown at preview", () => {
        const out = validate(policy, K.role, rules({ apiGroups: [""], resources: ["pods"], verbs: [unknown] }));
        assert.deepEqual(out.violations, []);
        assert.equal(out.unknown, "string value at .rules.0.verbs.0 can't be known during preview");
    });
    it("checks a role whose name is unknown at preview (it cannot be on the allow-list)", () => {
        const out = validate(policy, K.role, role({ metadata: { name: unknown }, rules: [{ apiGroups: ["*"], resources: ["pods"], verbs: ["get"] }] }), { allowedRoles: ["apps/reader"] });
        assert.deepEqual(out.violations, [`rules[0] sets apiGroups[0]: "*"; ${GROUPS}`]);
        assert.equal(out.unknown, undefined);
    });
    it("is not applicable to Roles in excluded namespaces", () => {
        assert.equal(validate(policy, K.role, role({ metadata: { namespace: "kube-system" } })).notApplicable, excludedReason("kube-system"));
    });
});
