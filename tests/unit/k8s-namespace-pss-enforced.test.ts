import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/pod-security/k8s-namespace-pss-enforced";
import { K, namespace } from "../fixtures/k8s-objects";
import { secret, unknown, validate } from "../harness";
import { untyped } from "../fixtures/typed";

const PATH = "metadata.labels[\"pod-security.kubernetes.io/enforce\"]";
const FIX = "set it to \"baseline\" or \"restricted\".";
const ABSENT = `The Namespace does not set ${PATH} (Pod Security Admission admits privileged pods); ${FIX}`;

function level(v: unknown, name = "apps") {
    return namespace({ metadata: { name, labels: { "pod-security.kubernetes.io/enforce": untyped(v) } } });
}

describe("k8s-namespace-pss-enforced", () => {
    for (const type of [K.namespace, K.namespacePatch]) {
        const patch = type.endsWith("Patch");
        describe(type, () => {
            it("passes restricted", () => {
                assert.deepEqual(validate(policy, type, namespace()).violations, []);
            });
            it("passes baseline", () => {
                assert.deepEqual(validate(policy, type, level("baseline")).violations, []);
            });
            it("fails privileged", () => {
                assert.deepEqual(validate(policy, type, level("privileged")).violations, [`The Namespace sets ${PATH}: "privileged"; ${FIX}`]);
            });
            it(patch ? "leaves an unset label alone in a Patch" : "fails a namespace without the label", () => {
                assert.deepEqual(validate(policy, type, level(undefined)).violations, patch ? [] : [ABSENT]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; config?: Record<string, unknown>; want: string[] }[] = [
        { name: "compares levels case-insensitively", props: level("Restricted"), want: [] },
        { name: "fails an unknown level", props: level("strict"), want: [`The Namespace sets ${PATH}: "strict"; ${FIX}`] },
        { name: "fails a label that is not a string", props: level(true), want: [`The Namespace sets ${PATH}: true; ${FIX}`] },
        { name: "does not accept the audit or warn labels instead", props: namespace({ metadata: { labels: {
            "pod-security.kubernetes.io/enforce": undefined, "pod-security.kubernetes.io/audit": "restricted", "pod-security.kubernetes.io/warn": "restricted",
        } } }), want: [ABSENT] },
        { name: "fails when labels is absent", props: { metadata: { name: "apps" } }, want: [ABSENT] },
        { name: "fails when labels is not an object", props: { metadata: { name: "apps", labels: ["pod-security.kubernetes.io/enforce=restricted"] } }, want: [ABSENT] },
        { name: "fails when metadata is absent", props: {}, want: [ABSENT] },
        { name: "never prints a secret label value", props: level(secret("privileged")), want: [`The Namespace sets ${PATH}: [secret]; ${FIX}`] },
        { name: "takes the allowed levels from config", config: { allowedLevels: ["restricted"] }, props: level("baseline"),
            want: [`The Namespace sets ${PATH}: "baseline"; set it to "restricted".`] },
        { name: "falls back to the default allowedLevels when it is not an array, and says so", config: { allowedLevels: "restricted" }, props: level("restricted"),
            want: ["The policy configuration sets allowedLevels: \"restricted\" (write a list of values, each one of \"privileged\", \"baseline\" or \"restricted\" there, e.g. [\"baseline\",\"restricted\"]); until it is fixed, the policy uses the default for allowedLevels ([\"baseline\",\"restricted\"])."] },
    ];
    for (const c of cases) {
        it(c.name, () => {
            assert.deepEqual(validate(policy, K.namespace, c.props, c.config).violations, c.want);
        });
    }

    it("is not applicable to excluded system namespaces (by the Namespace's own name)", () => {
        const out = validate(policy, K.namespace, level("privileged", "kube-system"));
        assert.equal(out.notApplicable, "namespace \"kube-system\" is excluded by excludedNamespaces (\"kube-system\")");
        assert.deepEqual(out.violations, []);
    });
    it("takes prefix patterns from excludedNamespaces", () => {
        assert.equal(validate(policy, K.namespace, level(undefined, "team-a"), { excludedNamespaces: ["team-*"] }).notApplicable,
            "namespace \"team-a\" is excluded by excludedNamespaces (\"team-*\")");
    });
    it("checks kube-system when excludedNamespaces is empty", () => {
        assert.deepEqual(validate(policy, K.namespace, level("privileged", "kube-system"), { excludedNamespaces: [] }).violations, [`The Namespace sets ${PATH}: "privileged"; ${FIX}`]);
    });
    it("checks a namespace whose name is unknown at preview", () => {
        const out = validate(policy, K.namespace, level(undefined, unknown as never));
        assert.deepEqual(out.violations, [ABSENT]);
        assert.equal(out.unknown, undefined);
    });
    it("reports nothing but the SDK's note when the label is unknown at preview", () => {
        const out = validate(policy, K.namespace, level(unknown));
        assert.deepEqual(out.violations, []);
        assert.equal(out.unknown, "string value at .metadata.labels.pod-security.kubernetes.io/enforce can't be known during preview");
    });
});
