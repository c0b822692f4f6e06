import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/identity/k8s-workload-dedicated-service-account";
import { clusterRoleBinding, deployment, excludedReason, K, podSpec, roleBinding, specPath, workload, WORKLOAD_TYPES } from "../fixtures/k8s-objects";
import { secret, unknown, validate, violationCases } from "../harness";
import { untyped } from "../fixtures/typed";

const FIX = "create a ServiceAccount for this workload and set serviceAccountName to its name";
const WHY = "(the pod runs as the namespace's default service account)";
const S = "spec.template.spec";
const BOUND = "which is the namespace's default service account: every pod without its own service account gets this role; bind the role to a dedicated ServiceAccount instead.";

describe("k8s-workload-dedicated-service-account", () => {
    for (const type of WORKLOAD_TYPES) {
        const p = specPath(type);
        const patch = type.endsWith("Patch");
        describe(type, () => {
            it("passes a pod spec with its own service account", () => {
                assert.deepEqual(validate(policy, type, workload(type)).violations, []);
            });
            it("fails serviceAccountName: \"default\"", () => {
                assert.deepEqual(validate(policy, type, workload(type, podSpec({ serviceAccountName: "default" }))).violations,
                    [`${p} sets serviceAccountName: "default"; ${FIX}.`]);
            });
            it(patch ? "leaves an unset service account alone in a Patch" : "fails a pod spec without a service account", () => {
                assert.deepEqual(validate(policy, type, workload(type, podSpec({ serviceAccountName: undefined }))).violations,
                    patch ? [] : [`${p} does not set serviceAccountName ${WHY}; ${FIX}.`]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; config?: Record<string, unknown>; want: string[] }[] = [
        { name: "accepts the deprecated serviceAccount field", props: deployment(podSpec({ serviceAccountName: undefined, serviceAccount: "app" })), want: [] },
        { name: "fails the deprecated serviceAccount: \"default\"", props: deployment(podSpec({ serviceAccountName: undefined, serviceAccount: "default" })),
            want: [`${S} sets serviceAccount: "default"; ${FIX}.`] },
        { name: "reads serviceAccount when serviceAccountName is empty, as Kubernetes does", props: deployment(podSpec({ serviceAccountName: "", serviceAccount: "app" })), want: [] },
        { name: "prefers serviceAccountName over serviceAccount", props: deployment(podSpec({ serviceAccountName: "default", serviceAccount: "app" })),
            want: [`${S} sets serviceAccountName: "default"; ${FIX}.`] },
        { name: "fails an empty serviceAccountName", props: deployment(podSpec({ serviceAccountName: " " })),
            want: [`${S} sets serviceAccountName: " "; ${FIX}.`] },
        { name: "fails \"default\" with surrounding blanks", props: deployment(podSpec({ serviceAccountName: " default " })),
            want: [`${S} sets serviceAccountName: " default "; ${FIX}.`] },
        { name: "fails a name that is not a string", props: deployment(podSpec({ serviceAccountName: untyped(["app"]) })),
            want: [`${S} sets serviceAccountName: ["app"]; ${FIX}.`] },
        { name: "accepts a service account named like the default with other casing (a different account)", props: deployment(podSpec({ serviceAccountName: "Default-app" })), want: [] },
        { name: "never prints a secret name", props: deployment(podSpec({ serviceAccountName: secret("default") })),
            want: [`${S} sets serviceAccountName: [secret]; ${FIX}.`] },
        { name: "passes a secret dedicated name", props: deployment(podSpec({ serviceAccountName: secret("app") })), want: [] },
        { name: "passes a name set from another resource's output (unknown in preview)", props: deployment(podSpec({ serviceAccountName: unknown })), want: [] },
        { name: "fails when the pod template is absent", props: { metadata: { namespace: "apps" }, spec: { replicas: 2 } },
            want: [`${S} does not set serviceAccountName ${WHY}; ${FIX}.`] },
        // bindings
        { name: "passes a RoleBinding to a dedicated service account", type: K.roleBinding, props: roleBinding(), want: [] },
        { name: "passes a ClusterRoleBinding to a group", type: K.clusterRoleBinding, props: clusterRoleBinding(), want: [] },
        { name: "fails a RoleBinding to the default service account", type: K.roleBinding,
            props: roleBinding({ subjects: [{ kind: "ServiceAccount", name: "app", namespace: "apps" }, { kind: "ServiceAccount", name: "default", namespace: "apps" }] }),
            want: [`subjects[1] sets name: "default", ${BOUND}`] },
        { name: "fails a ClusterRoleBinding to a default service account", type: K.clusterRoleBinding,
            props: clusterRoleBinding({ subjects: [{ kind: "ServiceAccount", name: "default", namespace: "apps" }] }), want: [`subjects[0] sets name: "default", ${BOUND}`] },
        { name: "fails the binding's own namespace's default service account when the subject omits it", type: K.roleBinding,
            props: roleBinding({ subjects: [{ kind: "serviceaccount", name: "default" }] }), want: [`subjects[0] sets name: "default", ${BOUND}`] },
        { name: "skips a default service account of an excluded namespace", type: K.clusterRoleBinding,
            props: clusterRoleBinding({ subjects: [{ kind: "ServiceAccount", name: "default", namespace: "kube-system" }] }), want: [] },
        { name: "checks that namespace when excludedNamespaces is empty", type: K.clusterRoleBinding, config: { excludedNamespaces: [] },
            props: clusterRoleBinding({ subjects: [{ kind: "ServiceAccount", name: "default", namespace: "kube-system" }] }), want: [`subjects[0] sets name: "default", ${BOUND}`] },
        { name: "does not confuse a User or Group named default", type: K.roleBinding,
            props: roleBinding({ subjects: [{ kind: "User", name: "default" }, { kind: "Group", name: "default" }] }), want: [] },
        { name: "checks nothing when subjects is not an array", type: K.roleBinding, props: roleBinding({ subjects: untyped({ kind: "ServiceAccount", name: "default" }) }), want: [] },
        { name: "checks a binding Patch's subjects", type: K.clusterRoleBindingPatch,
            props: clusterRoleBinding({ subjects: [{ kind: "ServiceAccount", name: "default", namespace: "apps" }] }), want: [`subjects[0] sets name: "default", ${BOUND}`] },
        { name: "checks beta binding tokens", type: K.clusterRoleBindingV1beta1,
            props: clusterRoleBinding({ subjects: [{ kind: "ServiceAccount", name: "default", namespace: "apps" }] }), want: [`subjects[0] sets name: "default", ${BOUND}`] },
    ];
    violationCases(policy, K.deployment, cases);

    it("reports nothing but the SDK's note when a subject's name is unknown at preview", () => {
        const out = validate(policy, K.roleBinding, roleBinding({ subjects: [{ kind: "ServiceAccount", name: unknown }] }));
        assert.deepEqual(out.violations, []);
        assert.equal(out.unknown, "string value at .subjects.0.name can't be known during preview");
    });
    it("is not applicable in excluded namespaces", () => {
        assert.equal(validate(policy, K.deployment, deployment(podSpec({ serviceAccountName: undefined }), { namespace: "kube-system" })).notApplicable, excludedReason("kube-system"));
        assert.equal(validate(policy, K.roleBinding, roleBinding({ metadata: { namespace: "calico-system" } })).notApplicable, excludedReason("calico-system"));
    });
});
