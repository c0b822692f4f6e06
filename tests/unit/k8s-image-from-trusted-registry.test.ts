import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/images/k8s-image-from-trusted-registry";
import { AZ, classicRegistry, registry } from "../fixtures/azure";
import { container, deployment, K, podSpec, specPath, workload, WORKLOAD_TYPES } from "../fixtures/k8s-objects";
import { secret, StackResource, unknown, validateStack } from "../harness";
import { untyped } from "../fixtures/typed";

const DIGEST = "sha256:" + "a".repeat(64);
const REG: StackResource = { type: AZ.registry, name: "acr", props: registry({ registryName: "myacr" }) };
const C0 = "spec.template.spec.containers[0] (\"app\")";
const FIX = "pull it from [\"mcr.microsoft.com/\",\"myacr.azurecr.io\"] or add its registry to allowedRegistries.";
const FIX_NO_REG = "pull it from [\"mcr.microsoft.com/\"] or add its registry to allowedRegistries.";

function app(image: unknown, extra: Partial<StackResource> = {}, type: string = K.deployment): StackResource {
    return { type, name: "web", props: workload(type, podSpec({ containers: [container({ image: untyped(image) })] })), ...extra };
}

function run(resources: StackResource[], config?: Record<string, unknown>) {
    return validateStack(policy, resources, config);
}

describe("k8s-image-from-trusted-registry", () => {
    for (const type of WORKLOAD_TYPES) {
        const label = `${type.slice(type.lastIndexOf(":") + 1)} "web": ${specPath(type)}.containers[0] ("app")`;
        describe(type, () => {
            it("passes an image from the stack's registry", () => {
                assert.deepEqual(run([REG, app("myacr.azurecr.io/app:1.2.3", {}, type)]).violations, []);
            });
            it("fails a Docker Hub image, reporting it against the workload", () => {
                const out = run([REG, app("nginx:1.27", {}, type)]);
                assert.deepEqual(out.violations, [`${label} sets image: "nginx:1.27", which comes from docker.io, not a trusted registry; ${FIX}`]);
                assert.deepEqual(out.urns, [`urn:pulumi:dev::project::${type}::web`]);
            });
        });
    }

    const cases: { name: string; resources: StackResource[]; config?: Record<string, unknown>; want: string[] }[] = [
        { name: "passes mcr.microsoft.com images by default", resources: [app("mcr.microsoft.com/dotnet/aspnet:8.0")], want: [] },
        { name: "passes a digest reference from the stack's registry", resources: [REG, app(`myacr.azurecr.io/app@${DIGEST}`)], want: [] },
        { name: "passes a tag-and-digest reference", resources: [REG, app(`myacr.azurecr.io/team/app:1.0@${DIGEST}`)], want: [] },
        { name: "passes an untagged image from the stack's registry (pinning is another policy)", resources: [REG, app("myacr.azurecr.io/app")], want: [] },
        { name: "lower-cases the registry name as the login server does", resources: [{ ...REG, props: registry({ registryName: "MyAcr" }) }, app("myacr.azurecr.io/app:1")], want: [] },
        { name: "compares the image host case-insensitively", resources: [REG, app("MyAcr.AzureCR.io/app:1")], want: [] },
        { name: "accepts the sovereign-cloud login servers of the stack's registry", resources: [REG, app("myacr.azurecr.cn/app:1"), app("myacr.azurecr.us/app:1", { name: "b" })], want: [] },
        { name: "reads a classic registry's name", resources: [{ type: AZ.classicRegistry, name: "acr", props: classicRegistry({ name: "myacr" }) }, app("myacr.azurecr.io/app:1")], want: [] },
        { name: "reads a versioned azure-native registry token", resources: [{ ...REG, type: AZ.registryV2 }, app("myacr.azurecr.io/app:1")], want: [] },
        { name: "reads a local-package azure-native registry token", resources: [{ ...REG, type: AZ.registryLocal }, app("myacr.azurecr.io/app:1")], want: [] },
        { name: "accepts the registry's loginServer output (update)", resources: [{ ...REG, props: registry({ registryName: "myacr", loginServer: "myacr-abc.azurecr.io" } as never) }, app("myacr-abc.azurecr.io/app:1")], want: [] },
        { name: "fails an image from an ACR that is not in the stack", resources: [REG, app("other.azurecr.io/app:1")],
            want: [`Deployment "web": ${C0} sets image: "other.azurecr.io/app:1", which comes from other.azurecr.io, not a trusted registry; ${FIX}`] },
        { name: "fails the stack's registry name used as a path prefix on another host", resources: [REG, app("myacr.azurecr.io.evil.example/app:1")],
            want: [`Deployment "web": ${C0} sets image: "myacr.azurecr.io.evil.example/app:1", which comes from myacr.azurecr.io.evil.example, not a trusted registry; ${FIX}`] },
        { name: "fails a host that only ends with the registry name", resources: [REG, app("evilmyacr.azurecr.io/app:1")],
            want: [`Deployment "web": ${C0} sets image: "evilmyacr.azurecr.io/app:1", which comes from evilmyacr.azurecr.io, not a trusted registry; ${FIX}`] },
        { name: "fails an image from the stack's registry name on Docker Hub", resources: [REG, app("myacr/app:1")],
            want: [`Deployment "web": ${C0} sets image: "myacr/app:1", which comes from docker.io, not a trusted registry; ${FIX}`] },
        { name: "fails the default allow-list's host as a prefix of another host", resources: [app("mcr.microsoft.com.evil.example/app:1")],
            want: [`Deployment "web": ${C0} sets image: "mcr.microsoft.com.evil.example/app:1", which comes from mcr.microsoft.com.evil.example, not a trusted registry; ${FIX_NO_REG}`] },
        { name: "fails an image without a registry in a stack without one", resources: [app("myacr.azurecr.io/app:1")],
            want: [`Deployment "web": ${C0} sets image: "myacr.azurecr.io/app:1", which comes from myacr.azurecr.io, not a trusted registry; ${FIX_NO_REG}`] },
        // allow-list forms
        { name: "reads Docker Hub short names as docker.io/library", config: { allowedRegistries: ["docker.io/library/"] },
            resources: [app("nginx:1.27"), app("library/redis:7", { name: "b" }), app("docker.io/library/busybox:1", { name: "c" }), app("index.docker.io/library/alpine:3", { name: "d" })], want: [] },
        { name: "keeps other Docker Hub organisations out of a docker.io/library allow-list", config: { allowedRegistries: ["docker.io/library/"] },
            resources: [app("bitnami/redis:7")], want: [`Deployment "web": ${C0} sets image: "bitnami/redis:7", which comes from docker.io, not a trusted registry; pull it from ["docker.io/library/"] or add its registry to allowedRegistries.`] },
        { name: "accepts a host entry without a trailing slash", config: { allowedRegistries: ["ghcr.io"] }, resources: [app("ghcr.io/org/app:1")], want: [] },
        { name: "accepts a host:port registry (the port is not a tag)", config: { allowedRegistries: ["registry.local:5000/"] }, resources: [app("registry.local:5000/app:1")], want: [] },
        { name: "does not take a port for part of a Docker Hub name", config: { allowedRegistries: ["myreg:5000"] }, resources: [app("myreg:5000/app")], want: [] },
        { name: "falls back to the default allow-list when it is not an array, and says so", config: { allowedRegistries: "mcr.microsoft.com/" }, resources: [REG, app("mcr.microsoft.com/app:1")],
            want: ["The policy configuration sets allowedRegistries: \"mcr.microsoft.com/\" (write a list of strings there, e.g. [\"mcr.microsoft.com/\"]); until it is fixed, the policy uses the default for allowedRegistries ([\"mcr.microsoft.com/\"])."] },
        { name: "ignores non-string allow-list entries", config: { allowedRegistries: [7, null, "ghcr.io/"] }, resources: [app("ghcr.io/org/app:1")], want: ["The policy configuration sets allowedRegistries[0]: 7 (write a string there) and sets allowedRegistries[1]: null (write a string there); until it is fixed, the policy ignores allowedRegistries[0] and allowedRegistries[1]."] },
        // containers
        { name: "checks init and ephemeral containers, each once, in order", resources: [REG, { type: K.deployment, name: "web", props: deployment(podSpec({
            containers: [container(), container({ name: "proxy", image: "envoyproxy/envoy:v1.30" })],
            initContainers: [container({ name: "init", image: "busybox:1.36" })],
            ephemeralContainers: [container({ name: "debug", image: "mcr.microsoft.com/cbl-mariner/busybox:2.0" })],
        })) }], want: [
            `Deployment "web": spec.template.spec.containers[1] ("proxy") sets image: "envoyproxy/envoy:v1.30", which comes from docker.io, not a trusted registry; ${FIX}`,
            `Deployment "web": spec.template.spec.initContainers[0] ("init") sets image: "busybox:1.36", which comes from docker.io, not a trusted registry; ${FIX}`,
        ] },
        { name: "skips a container without an image (a controller may set it)", resources: [app(undefined), app("", { name: "b" })], want: [] },
        { name: "fails an image that is not a valid reference", resources: [REG, app("My Image:latest"), app(42, { name: "b" })], want: [
            `Deployment "web": ${C0} sets image: "My Image:latest", which is not a valid image reference; set it to <registry>/<repository>:<tag> from a trusted registry.`,
            `Deployment "b": ${C0} sets image: 42, which is not a valid image reference; set it to <registry>/<repository>:<tag> from a trusted registry.`,
        ] },
        { name: "never prints a secret image, nor its host", resources: [REG, app(secret("nginx:1.27"))],
            want: [`Deployment "web": ${C0} sets image: [secret], which is not from a trusted registry; ${FIX}`] },
        { name: "passes a secret image from the stack's registry", resources: [REG, app(secret("myacr.azurecr.io/app:1"))], want: [] },
        { name: "checks nothing when containers is not an array", resources: [{ type: K.deployment, name: "web", props: deployment(podSpec({ containers: untyped({ image: "nginx" }) })) }], want: [] },
        { name: "skips workloads in excluded namespaces", resources: [{ type: K.daemonSet, name: "agent", props: workload(K.daemonSet, podSpec({ containers: [container({ image: "quay.io/agent:1" })] }), { namespace: "kube-system" }) }], want: [] },
        { name: "checks them when excludedNamespaces is empty", config: { excludedNamespaces: [] },
            resources: [{ type: K.daemonSet, name: "agent", props: workload(K.daemonSet, podSpec({ containers: [container({ image: "quay.io/agent:1" })] }), { namespace: "kube-system" }) }],
            want: [`DaemonSet "agent": ${C0} sets image: "quay.io/agent:1", which comes from quay.io, not a trusted registry; ${FIX_NO_REG}`] },
        { name: "reports nothing for a stack without workloads", resources: [REG, { type: K.service, name: "svc", props: { spec: { type: "ClusterIP" } } }], want: [] },
    ];
    for (const c of cases) {
        it(c.name, () => {
            const out = run(c.resources, c.config);
            assert.deepEqual(out.violations, c.want);
            assert.equal(out.unknown, undefined);
        });
    }

    describe("preview", () => {
        it("passes an unknown image when the registry fed the workload's spec (propertyDependencies)", () => {
            const out = run([REG, app(unknown, { propertyDependencies: { spec: [`urn:pulumi:dev::project::${AZ.registry}::acr`] } })]);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, undefined);
        });
        it("links a PodTemplate through its template input", () => {
            const out = run([REG, app(unknown, { propertyDependencies: { template: [`urn:pulumi:dev::project::${AZ.registry}::acr`] } }, K.podTemplate)]);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, undefined);
        });
        it("does not link through another input (metadata)", () => {
            const out = run([REG, app(unknown, { propertyDependencies: { metadata: [`urn:pulumi:dev::project::${AZ.registry}::acr`] } })]);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, "string value at .spec.template.spec.containers.0.image can't be known during preview");
        });
        it("reports every known violation first, then the SDK's note for an unlinked unknown image", () => {
            const out = run([REG, app(unknown), app("nginx:1.27", { name: "b" })]);
            assert.deepEqual(out.violations, [`Deployment "b": ${C0} sets image: "nginx:1.27", which comes from docker.io, not a trusted registry; ${FIX}`]);
            assert.equal(out.unknown, "string value at .spec.template.spec.containers.0.image can't be known during preview");
        });
        it("defers a whole unknown container list to the SDK's note", () => {
            const out = run([REG, { type: K.deployment, name: "web", props: deployment(podSpec({ containers: unknown })) }]);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, "string value at .spec.template.spec.containers can't be known during preview");
        });
        it("defers an unknown pod template to the SDK's note", () => {
            const out = run([{ type: K.deployment, name: "web", props: { metadata: { namespace: "apps" }, spec: { template: unknown } } }]);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, "string value at .spec.template can't be known during preview");
        });
        it("cannot judge an ACR image while a registry's name and login server are unknown", () => {
            const out = run([{ ...REG, props: registry({ registryName: unknown }) }, app("myacr.azurecr.io/app:1"), app("nginx:1", { name: "b" })]);
            assert.deepEqual(out.violations, [`Deployment "b": ${C0} sets image: "nginx:1", which comes from docker.io, not a trusted registry; ${FIX_NO_REG}`]);
            assert.equal(out.unknown, "string value at .registryName can't be known during preview");
        });
        it("passes an ACR image when the registry name is known and only loginServer is unknown", () => {
            const out = run([{ ...REG, props: registry({ registryName: "myacr", loginServer: unknown } as never) }, app("myacr.azurecr.io/app:1")]);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, undefined);
        });
        it("checks a workload whose namespace is unknown at preview (it cannot be excluded)", () => {
            const out = run([{ type: K.deployment, name: "web", props: deployment(podSpec({ containers: [container({ image: "nginx:1" })] }), { namespace: unknown }) }]);
            assert.deepEqual(out.violations, [`Deployment "web": ${C0} sets image: "nginx:1", which comes from docker.io, not a trusted registry; ${FIX_NO_REG}`]);
            assert.equal(out.unknown, undefined);
        });
    });

    it("declares the default allow-list", () => {
        assert.deepEqual(policy.meta.config?.allowedRegistries.default, ["mcr.microsoft.com/"]);
    });
    it("is a stack policy", () => {
        assert.equal(typeof (policy as { validateStack?: unknown }).validateStack, "function");
    });
});
