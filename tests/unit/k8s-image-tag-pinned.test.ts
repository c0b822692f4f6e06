import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/images/k8s-image-tag-pinned";
import { container, deployment, excludedReason, K, podSpec, specPath, workload, WORKLOAD_TYPES } from "../fixtures/k8s-objects";
import { secret, unknown, validate } from "../harness";
import { untyped } from "../fixtures/typed";

const DIGEST = "sha256:" + "0123456789abcdef".repeat(4);
const C0 = "spec.template.spec.containers[0] (\"app\")";
const FIX = "pin a version tag or a digest (image@sha256:…).";
const NO_TAG = "which has no tag, so Kubernetes pulls \"latest\"";
const INVALID = "which is not a valid image reference; set it to <registry>/<repository>:<tag> or a digest reference.";

function img(image: unknown) {
    return deployment(podSpec({ containers: [container({ image: untyped(image) })] }));
}

describe("k8s-image-tag-pinned", () => {
    for (const type of WORKLOAD_TYPES) {
        const p = specPath(type);
        describe(type, () => {
            it("passes a tagged image", () => {
                assert.deepEqual(validate(policy, type, workload(type)).violations, []);
            });
            it("fails an untagged image", () => {
                assert.deepEqual(validate(policy, type, workload(type, podSpec({ containers: [container({ image: "nginx" })] }))).violations,
                    [`${p}.containers[0] ("app") sets image: "nginx", ${NO_TAG}; ${FIX}`]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; config?: Record<string, unknown>; want: string[] }[] = [
        { name: "passes a digest reference", props: img(`myacr.azurecr.io/app@${DIGEST}`), want: [] },
        { name: "passes a tag plus digest, even latest (the digest pins it)", props: img(`myacr.azurecr.io/app:latest@${DIGEST}`), want: [] },
        { name: "passes a Docker Hub short name with a tag", props: img("nginx:1.27.1"), want: [] },
        { name: "fails :latest", props: img("myacr.azurecr.io/app:latest"), want: [`${C0} sets image: "myacr.azurecr.io/app:latest", which uses the mutable tag "latest"; ${FIX}`] },
        { name: "fails :LATEST (case-insensitive)", props: img("nginx:LATEST"), want: [`${C0} sets image: "nginx:LATEST", which uses the mutable tag "LATEST"; ${FIX}`] },
        { name: "does not read a registry port as a tag", props: img("myreg:5000/app"), want: [`${C0} sets image: "myreg:5000/app", ${NO_TAG}; ${FIX}`] },
        { name: "passes a registry with a port and a tag", props: img("myreg:5000/team/app:2.1"), want: [] },
        { name: "fails localhost images without a tag", props: img("localhost/app"), want: [`${C0} sets image: "localhost/app", ${NO_TAG}; ${FIX}`] },
        { name: "fails a malformed digest", props: img("myacr.azurecr.io/app@sha256:xyz"), want: [`${C0} sets image: "myacr.azurecr.io/app@sha256:xyz", ${INVALID}`] },
        { name: "fails an empty tag", props: img("nginx:"), want: [`${C0} sets image: "nginx:", ${INVALID}`] },
        { name: "fails an image with spaces", props: img("my app:1"), want: [`${C0} sets image: "my app:1", ${INVALID}`] },
        { name: "fails a blank image", props: img("  "), want: [`${C0} sets image: "  ", ${INVALID}`] },
        { name: "fails a number where the image is expected", props: img(7), want: [`${C0} sets image: 7, ${INVALID}`] },
        { name: "fails an object where the image is expected", props: img({ repository: "nginx" }), want: [`${C0} sets image: {"repository":"nginx"}, ${INVALID}`] },
        { name: "skips a container without an image (a controller may set it)", props: img(undefined), want: [] },
        { name: "checks init and ephemeral containers in order", props: deployment(podSpec({
            initContainers: [container({ name: "init", image: "busybox" })],
            ephemeralContainers: [container({ name: "debug", image: "busybox:latest" })],
        })), want: [
            `spec.template.spec.initContainers[0] ("init") sets image: "busybox", ${NO_TAG}; ${FIX}`,
            `spec.template.spec.ephemeralContainers[0] ("debug") sets image: "busybox:latest", which uses the mutable tag "latest"; ${FIX}`,
        ] },
        { name: "never prints a secret image nor its tag", props: img(secret("nginx:latest")), want: [`${C0} sets image: [secret], which uses a mutable tag; ${FIX}`] },
        // config
        { name: "takes more mutable tags from config", config: { mutableTags: ["latest", "stable", "main"] }, props: img("nginx:stable"),
            want: [`${C0} sets image: "nginx:stable", which uses the mutable tag "stable"; ${FIX}`] },
        { name: "an empty mutableTags accepts latest (explicit tag)", config: { mutableTags: [] }, props: img("nginx:latest"), want: [] },
        { name: "falls back to the default mutableTags when it is not an array, and says so", config: { mutableTags: "latest" }, props: img("nginx:latest"),
            want: ["The policy configuration sets mutableTags: \"latest\" (write a list of strings there, e.g. [\"latest\"]); until it is fixed, the policy uses the default for mutableTags ([\"latest\"]).", `${C0} sets image: "nginx:latest", which uses the mutable tag "latest"; pin a version tag or a digest (image@sha256:…).`] },
        { name: "requireDigest fails a tag", config: { requireDigest: true }, props: img("nginx:1.27"),
            want: [`${C0} sets image: "nginx:1.27", which has no digest (requireDigest); pin it by digest (image@sha256:…).`] },
        { name: "requireDigest passes a digest", config: { requireDigest: true }, props: img(`nginx@${DIGEST}`), want: [] },
        { name: "requireDigest must be the boolean true", config: { requireDigest: "true" }, props: img("nginx:1.27"), want: ["The policy configuration sets requireDigest: \"true\" (write true or false there, e.g. false); until it is fixed, the policy uses the default for requireDigest (false)."] },
    ];
    for (const c of cases) {
        it(c.name, () => {
            assert.deepEqual(validate(policy, K.deployment, c.props, c.config).violations, c.want);
        });
    }

    it("reports nothing but the SDK's note when the image is unknown at preview", () => {
        const out = validate(policy, K.deployment, img(unknown));
        assert.deepEqual(out.violations, []);
        assert.equal(out.unknown, "string value at .spec.template.spec.containers.0.image can't be known during preview");
    });
    it("is not applicable in excluded namespaces", () => {
        assert.equal(validate(policy, K.deployment, deployment(podSpec({ containers: [container({ image: "nginx" })] }), { namespace: "kube-system" })).notApplicable, excludedReason("kube-system"));
    });
});
