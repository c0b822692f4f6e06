import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/images/k8s-image-pull-policy-always";
import { container, deployment, excludedReason, K, podSpec, specPath, workload, WORKLOAD_TYPES } from "../fixtures/k8s-objects";
import { secret, unknown, validate } from "../harness";
import { untyped } from "../fixtures/typed";

const DIGEST = "sha256:" + "f".repeat(64);
const C0 = "spec.template.spec.containers[0] (\"app\")";
const ABSENT = "(Kubernetes uses IfNotPresent for a tagged image: a node reuses its cached copy without asking the registry)";

function pull(imagePullPolicy: unknown, image: unknown = "myacr.azurecr.io/app:1.2.3") {
    return deployment(podSpec({ containers: [container({ imagePullPolicy: untyped(imagePullPolicy), image: untyped(image) })] }));
}

describe("k8s-image-pull-policy-always", () => {
    for (const type of WORKLOAD_TYPES) {
        const p = specPath(type);
        const patch = type.endsWith("Patch");
        describe(type, () => {
            it("passes imagePullPolicy: Always", () => {
                assert.deepEqual(validate(policy, type, workload(type)).violations, []);
            });
            it("fails IfNotPresent", () => {
                assert.deepEqual(validate(policy, type, workload(type, podSpec({ containers: [container({ imagePullPolicy: "IfNotPresent" })] }))).violations,
                    [`${p}.containers[0] ("app") sets imagePullPolicy: "IfNotPresent"; set it to "Always".`]);
            });
            it(patch ? "leaves an unset policy alone in a Patch" : "fails an unset policy for a tagged image", () => {
                assert.deepEqual(validate(policy, type, workload(type, podSpec({ containers: [container({ imagePullPolicy: undefined })] }))).violations,
                    patch ? [] : [`${p}.containers[0] ("app") does not set imagePullPolicy ${ABSENT}; set it to "Always".`]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; want: string[] }[] = [
        { name: "accepts \"always\" in any case", props: pull("always"), want: [] },
        { name: "fails Never", props: pull("Never"), want: [`${C0} sets imagePullPolicy: "Never"; set it to "Always".`] },
        { name: "fails a malformed value", props: pull(true), want: [`${C0} sets imagePullPolicy: true; set it to "Always".`] },
        { name: "passes an unset policy for an untagged image (Kubernetes defaults it to Always)", props: pull(undefined, "nginx"), want: [] },
        { name: "passes an unset policy for :latest (Kubernetes defaults it to Always)", props: pull(undefined, "nginx:latest"), want: [] },
        { name: "fails an unset policy for a digest reference", props: pull(undefined, `nginx@${DIGEST}`),
            want: [`${C0} does not set imagePullPolicy ${ABSENT}; set it to "Always".`] },
        { name: "does not read a registry port as a tag", props: pull(undefined, "myreg:5000/app"), want: [] },
        { name: "skips an unset policy when the image is unset too", props: deployment(podSpec({ containers: [container({ imagePullPolicy: undefined, image: undefined })] })), want: [] },
        { name: "fails an unset policy for an image that is not a valid reference", props: pull(undefined, 42),
            want: [`${C0} does not set imagePullPolicy ${ABSENT}; set it to "Always".`] },
        { name: "checks init and ephemeral containers in order", props: deployment(podSpec({
            initContainers: [container({ name: "init", imagePullPolicy: "IfNotPresent" })],
            ephemeralContainers: [container({ name: "debug", imagePullPolicy: undefined })],
        })), want: [
            "spec.template.spec.initContainers[0] (\"init\") sets imagePullPolicy: \"IfNotPresent\"; set it to \"Always\".",
            `spec.template.spec.ephemeralContainers[0] ("debug") does not set imagePullPolicy ${ABSENT}; set it to "Always".`,
        ] },
        { name: "never prints a secret value", props: pull(secret("IfNotPresent")), want: [`${C0} sets imagePullPolicy: [secret]; set it to "Always".`] },
    ];
    for (const c of cases) {
        it(c.name, () => {
            assert.deepEqual(validate(policy, K.deployment, c.props).violations, c.want);
        });
    }

    it("reports nothing but the SDK's note when the policy is unknown at preview", () => {
        const out = validate(policy, K.deployment, pull(unknown));
        assert.deepEqual(out.violations, []);
        assert.equal(out.unknown, "string value at .spec.template.spec.containers.0.imagePullPolicy can't be known during preview");
    });
    it("reports nothing but the SDK's note when the policy is unset and the image unknown", () => {
        const out = validate(policy, K.deployment, pull(undefined, unknown));
        assert.deepEqual(out.violations, []);
        assert.equal(out.unknown, "string value at .spec.template.spec.containers.0.image can't be known during preview");
    });
    it("stays advisory in the strict profile (optional hygiene)", () => {
        assert.equal(policy.meta.strictLevel, "advisory");
        assert.equal(policy.meta.severity, "low");
    });
    it("is not applicable in excluded namespaces", () => {
        assert.equal(validate(policy, K.deployment, deployment(podSpec({ containers: [container({ imagePullPolicy: "Never" })] }), { namespace: "kube-system" })).notApplicable, excludedReason("kube-system"));
    });
});
