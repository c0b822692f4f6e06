import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/pod-security/k8s-container-read-only-root-filesystem";
import { container, deployment, excludedReason, K, podSpec, specPath, workload, WORKLOAD_TYPES } from "../fixtures/k8s-objects";
import { secret, unknown, validate, violationCases } from "../harness";
import { untyped } from "../fixtures/typed";

const WHY = "(the container can write to its root filesystem)";
const S = "spec.template.spec";

function ro(v: unknown, over: Record<string, unknown> = {}) {
    return container({ ...over, securityContext: { readOnlyRootFilesystem: untyped(v) } });
}

describe("k8s-container-read-only-root-filesystem", () => {
    for (const type of WORKLOAD_TYPES) {
        const p = specPath(type);
        const patch = type.endsWith("Patch");
        describe(type, () => {
            it("passes a hardened workload", () => {
                assert.deepEqual(validate(policy, type, workload(type)).violations, []);
            });
            it("fails a container with readOnlyRootFilesystem: false", () => {
                assert.deepEqual(validate(policy, type, workload(type, podSpec({ containers: [ro(false)] }))).violations,
                    [`${p}.containers[0] ("app") sets securityContext.readOnlyRootFilesystem: false; set it to true.`]);
            });
            it(patch ? "leaves an unset flag alone in a Patch (the live object decides)" : "fails a container without the flag (Kubernetes default: writable)", () => {
                const props = workload(type, podSpec({ containers: [container({ securityContext: undefined })] }));
                assert.deepEqual(validate(policy, type, props).violations,
                    patch ? [] : [`${p}.containers[0] ("app") does not set securityContext.readOnlyRootFilesystem ${WHY}; set it to true.`]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; want: string[] }[] = [
        { name: "checks init and ephemeral containers too, each once, in order", props: deployment(podSpec({
            initContainers: [ro(undefined, { name: "migrate" })],
            containers: [container(), ro(false, { name: "sidecar" })],
            ephemeralContainers: [{ name: "debug", image: "busybox:1.36" }],
        })), want: [
            `${S}.containers[1] ("sidecar") sets securityContext.readOnlyRootFilesystem: false; set it to true.`,
            `${S}.initContainers[0] ("migrate") does not set securityContext.readOnlyRootFilesystem ${WHY}; set it to true.`,
            `${S}.ephemeralContainers[0] ("debug") does not set securityContext.readOnlyRootFilesystem ${WHY}; set it to true.`,
        ] },
        { name: "accepts the string \"true\"", props: deployment(podSpec({ containers: [ro("TRUE")] })), want: [] },
        { name: "fails the string \"false\"", props: deployment(podSpec({ containers: [ro("false")] })),
            want: [`${S}.containers[0] ("app") sets securityContext.readOnlyRootFilesystem: "false"; set it to true.`] },
        { name: "fails a malformed flag, showing it", props: deployment(podSpec({ containers: [ro("yes")] })),
            want: [`${S}.containers[0] ("app") sets securityContext.readOnlyRootFilesystem: "yes"; set it to true.`] },
        { name: "fails an array where a boolean is expected", props: deployment(podSpec({ containers: [ro([true])] })),
            want: [`${S}.containers[0] ("app") sets securityContext.readOnlyRootFilesystem: [true]; set it to true.`] },
        { name: "treats a securityContext that is not an object as not setting the flag", props: deployment(podSpec({ containers: [container({ securityContext: untyped([{ readOnlyRootFilesystem: true }]) })] })),
            want: [`${S}.containers[0] ("app") does not set securityContext.readOnlyRootFilesystem ${WHY}; set it to true.`] },
        { name: "does not accept the pod-level securityContext (the field exists only per container)", props: deployment(podSpec({ securityContext: untyped({ readOnlyRootFilesystem: true }), containers: [container({ securityContext: undefined })] })),
            want: [`${S}.containers[0] ("app") does not set securityContext.readOnlyRootFilesystem ${WHY}; set it to true.`] },
        { name: "names a container without a name by its path", props: deployment(podSpec({ containers: [ro(false, { name: undefined })] })),
            want: [`${S}.containers[0] sets securityContext.readOnlyRootFilesystem: false; set it to true.`] },
        { name: "reports a container that is not an object as not setting the flag", props: deployment(podSpec({ containers: [untyped("app")] })),
            want: [`${S}.containers[0] does not set securityContext.readOnlyRootFilesystem ${WHY}; set it to true.`] },
        { name: "checks nothing when containers is not an array", props: deployment(podSpec({ containers: untyped({ name: "app", securityContext: { readOnlyRootFilesystem: false } }) })), want: [] },
        { name: "checks nothing when the pod template is absent", props: { metadata: { name: "web", namespace: "apps" }, spec: { replicas: 1 } }, want: [] },
        { name: "skips Windows pods (the setting is not supported there)", props: deployment(podSpec({ os: { name: "windows" }, containers: [ro(false)] })), want: [] },
        { name: "checks pods whose os is linux", props: deployment(podSpec({ os: { name: "linux" }, containers: [ro(false)] })),
            want: [`${S}.containers[0] ("app") sets securityContext.readOnlyRootFilesystem: false; set it to true.`] },
        { name: "never prints a secret flag", props: deployment(podSpec({ containers: [ro(secret("nope"))] })),
            want: [`${S}.containers[0] ("app") sets securityContext.readOnlyRootFilesystem: [secret]; set it to true.`] },
        { name: "never prints a secret container name", props: deployment(podSpec({ containers: [ro(false, { name: secret("hunter2") })] })),
            want: [`${S}.containers[0] sets securityContext.readOnlyRootFilesystem: false; set it to true.`] },
        { name: "checks a workload in an application namespace", props: deployment(podSpec({ containers: [ro(false)] }), { namespace: "team-a" }),
            want: [`${S}.containers[0] ("app") sets securityContext.readOnlyRootFilesystem: false; set it to true.`] },
    ];
    violationCases(policy, K.deployment, cases);

    it("reports nothing but the SDK's note when the flag is unknown at preview", () => {
        const out = validate(policy, K.deployment, deployment(podSpec({ containers: [ro(unknown)] })));
        assert.deepEqual(out.violations, []);
        assert.equal(out.unknown, "string value at .spec.template.spec.containers.0.securityContext.readOnlyRootFilesystem can't be known during preview");
    });
    it("reports nothing but the SDK's note when the container list is unknown at preview", () => {
        const out = validate(policy, K.deployment, deployment(podSpec({ containers: unknown })));
        assert.deepEqual(out.violations, []);
        assert.equal(out.unknown, "string value at .spec.template.spec.containers can't be known during preview");
    });
    it("reports nothing but the SDK's note when the pod's os is unknown at preview", () => {
        const out = validate(policy, K.deployment, deployment(podSpec({ os: { name: unknown }, containers: [ro(false)] })));
        assert.deepEqual(out.violations, []);
        assert.equal(out.unknown, "string value at .spec.template.spec.os.name can't be known during preview");
    });
    it("is not applicable in an excluded system namespace", () => {
        const out = validate(policy, K.deployment, deployment(podSpec({ containers: [ro(false)] }), { namespace: "kube-system" }));
        assert.equal(out.notApplicable, excludedReason("kube-system"));
        assert.deepEqual(out.violations, []);
    });
    it("checks kube-system when excludedNamespaces is configured empty", () => {
        const out = validate(policy, K.deployment, deployment(podSpec({ containers: [ro(false)] }), { namespace: "kube-system" }), { excludedNamespaces: [] });
        assert.deepEqual(out.violations, [`${S}.containers[0] ("app") sets securityContext.readOnlyRootFilesystem: false; set it to true.`]);
    });
});
