import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/identity/k8s-service-account-token-not-automounted";
import { deployment, excludedReason, K, podSpec, serviceAccount, specPath, workload, WORKLOAD_TYPES } from "../fixtures/k8s-objects";
import { secret, unknown, validate, violationCases } from "../harness";
import { untyped } from "../fixtures/typed";

const POD_WHY = "(the pod gets an API token unless its ServiceAccount sets automountServiceAccountToken: false)";
const SA_WHY = "(every pod that runs as it gets an API token unless the pod sets automountServiceAccountToken: false)";
const S = "spec.template.spec";

describe("k8s-service-account-token-not-automounted", () => {
    for (const type of WORKLOAD_TYPES) {
        const p = specPath(type);
        const patch = type.endsWith("Patch");
        describe(type, () => {
            it("passes a pod spec with automountServiceAccountToken: false", () => {
                assert.deepEqual(validate(policy, type, workload(type)).violations, []);
            });
            it("fails automountServiceAccountToken: true", () => {
                assert.deepEqual(validate(policy, type, workload(type, podSpec({ automountServiceAccountToken: true }))).violations,
                    [`${p} sets automountServiceAccountToken: true; set it to false.`]);
            });
            it(patch ? "leaves an unset field alone in a Patch" : "fails an unset field (Kubernetes mounts the token)", () => {
                assert.deepEqual(validate(policy, type, workload(type, podSpec({ automountServiceAccountToken: undefined }))).violations,
                    patch ? [] : [`${p} does not set automountServiceAccountToken ${POD_WHY}; set it to false.`]);
            });
        });
    }

    for (const type of [K.serviceAccount, K.serviceAccountPatch]) {
        const patch = type.endsWith("Patch");
        describe(type, () => {
            it("passes a ServiceAccount with automountServiceAccountToken: false", () => {
                assert.deepEqual(validate(policy, type, serviceAccount()).violations, []);
            });
            it("fails automountServiceAccountToken: true", () => {
                assert.deepEqual(validate(policy, type, serviceAccount({ automountServiceAccountToken: true })).violations,
                    ["The ServiceAccount sets automountServiceAccountToken: true; set it to false."]);
            });
            it(patch ? "leaves an unset field alone in a Patch" : "fails an unset field", () => {
                assert.deepEqual(validate(policy, type, serviceAccount({ automountServiceAccountToken: undefined })).violations,
                    patch ? [] : [`The ServiceAccount does not set automountServiceAccountToken ${SA_WHY}; set it to false.`]);
            });
        });
    }

    const ALLOW = { allowedServiceAccounts: ["apps/operator"] };
    const cases: { name: string; props: Record<string, unknown>; type?: string; config?: Record<string, unknown>; want: string[] }[] = [
        { name: "accepts the string \"false\"", props: deployment(podSpec({ automountServiceAccountToken: untyped("False") })), want: [] },
        { name: "fails the string \"true\"", props: deployment(podSpec({ automountServiceAccountToken: untyped("true") })),
            want: [`${S} sets automountServiceAccountToken: "true"; set it to false.`] },
        { name: "fails a malformed value, showing it", props: deployment(podSpec({ automountServiceAccountToken: untyped("no") })),
            want: [`${S} sets automountServiceAccountToken: "no"; set it to false.`] },
        { name: "fails an object where a boolean is expected", props: deployment(podSpec({ automountServiceAccountToken: { value: false } })),
            want: [`${S} sets automountServiceAccountToken: {"value":false}; set it to false.`] },
        { name: "never prints a secret value", props: deployment(podSpec({ automountServiceAccountToken: secret(true) })),
            want: [`${S} sets automountServiceAccountToken: [secret]; set it to false.`] },
        { name: "does not read the field from a container", props: deployment(podSpec({ automountServiceAccountToken: undefined, containers: [untyped({ name: "app", automountServiceAccountToken: false })] })),
            want: [`${S} does not set automountServiceAccountToken ${POD_WHY}; set it to false.`] },
        { name: "fails when the pod spec is absent (nothing sets the field)", props: { metadata: { namespace: "apps" }, spec: {} },
            want: [`${S} does not set automountServiceAccountToken ${POD_WHY}; set it to false.`] },
        // allowedServiceAccounts
        { name: "accepts a pod running as an allowed service account (namespace/name)", config: ALLOW,
            props: deployment(podSpec({ serviceAccountName: "operator", automountServiceAccountToken: true })), want: [] },
        { name: "accepts an allowed service account given by name only, in any namespace", config: { allowedServiceAccounts: ["Operator"] },
            props: deployment(podSpec({ serviceAccountName: "operator", automountServiceAccountToken: undefined }), { namespace: "tools" }), want: [] },
        { name: "reads the deprecated serviceAccount field for the allow-list", config: ALLOW,
            props: deployment(podSpec({ serviceAccountName: undefined, serviceAccount: "operator", automountServiceAccountToken: true })), want: [] },
        { name: "does not allow the same name in another namespace", config: ALLOW,
            props: deployment(podSpec({ serviceAccountName: "operator", automountServiceAccountToken: true }), { namespace: "tools" }),
            want: [`${S} sets automountServiceAccountToken: true; set it to false.`] },
        { name: "matches the default namespace when metadata.namespace is absent", config: { allowedServiceAccounts: ["default/operator"] },
            props: deployment(podSpec({ serviceAccountName: "operator", automountServiceAccountToken: true }), { namespace: undefined }), want: [] },
        { name: "treats a pod without a service account as running as \"default\"", config: { allowedServiceAccounts: ["apps/default"] },
            props: deployment(podSpec({ serviceAccountName: undefined, automountServiceAccountToken: true })), want: [] },
        { name: "ignores an allow-list that is not an array", config: { allowedServiceAccounts: "apps/operator" },
            props: deployment(podSpec({ serviceAccountName: "operator", automountServiceAccountToken: true })),
            want: ["The policy configuration sets allowedServiceAccounts: \"apps/operator\" (write a list of strings there); until it is fixed, the policy uses the default for allowedServiceAccounts ([]).", `${S} sets automountServiceAccountToken: true; set it to false.`] },
        { name: "accepts an allowed ServiceAccount that mounts its token", type: K.serviceAccount, config: { allowedServiceAccounts: ["apps/app"] },
            props: serviceAccount({ automountServiceAccountToken: true }), want: [] },
        // ServiceAccount shapes
        { name: "checks the default ServiceAccount like any other", type: K.serviceAccount, props: serviceAccount({ metadata: { name: "default" }, automountServiceAccountToken: undefined }),
            want: [`The ServiceAccount does not set automountServiceAccountToken ${SA_WHY}; set it to false.`] },
        { name: "fails a malformed ServiceAccount value", type: K.serviceAccount, props: serviceAccount({ automountServiceAccountToken: untyped([false]) }),
            want: ["The ServiceAccount sets automountServiceAccountToken: [false]; set it to false."] },
        { name: "accepts a ServiceAccount's string \"false\"", type: K.serviceAccount, props: serviceAccount({ automountServiceAccountToken: untyped("false") }), want: [] },
        { name: "fails a Patch that turns the token on", type: K.serviceAccountPatch, props: serviceAccount({ automountServiceAccountToken: untyped("true") }),
            want: ["The ServiceAccount sets automountServiceAccountToken: \"true\"; set it to false."] },
    ];
    violationCases(policy, K.deployment, cases);

    it("reports nothing but the SDK's note when the pod field is unknown at preview", () => {
        const out = validate(policy, K.deployment, deployment(podSpec({ automountServiceAccountToken: unknown })));
        assert.deepEqual(out.violations, []);
        assert.equal(out.unknown, "string value at .spec.template.spec.automountServiceAccountToken can't be known during preview");
    });
    it("reports nothing but the SDK's note when the ServiceAccount field is unknown at preview", () => {
        const out = validate(policy, K.serviceAccount, serviceAccount({ automountServiceAccountToken: unknown }));
        assert.deepEqual(out.violations, []);
        assert.equal(out.unknown, "string value at .automountServiceAccountToken can't be known during preview");
    });
    it("checks a pod whose service account name is unknown at preview (it cannot be on the allow-list)", () => {
        const out = validate(policy, K.deployment, deployment(podSpec({ serviceAccountName: unknown, automountServiceAccountToken: true })), ALLOW);
        assert.deepEqual(out.violations, [`${S} sets automountServiceAccountToken: true; set it to false.`]);
        assert.equal(out.unknown, undefined);
    });
    it("is not applicable to workloads and ServiceAccounts in excluded namespaces", () => {
        assert.equal(validate(policy, K.deployment, deployment(podSpec({ automountServiceAccountToken: true }), { namespace: "kube-system" })).notApplicable, excludedReason("kube-system"));
        assert.equal(validate(policy, K.serviceAccount, serviceAccount({ metadata: { namespace: "gatekeeper-system" }, automountServiceAccountToken: true })).notApplicable,
            excludedReason("gatekeeper-system"));
    });
});
