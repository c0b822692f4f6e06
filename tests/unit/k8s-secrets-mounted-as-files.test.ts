import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/data-protection/k8s-secrets-mounted-as-files";
import { container, deployment, excludedReason, K, podSpec, specPath, workload, WORKLOAD_TYPES } from "../fixtures/k8s-objects";
import { secret, unknown, validate } from "../harness";
import { untyped } from "../fixtures/typed";

const FIX = "mount the Secret as a file instead (a secret volume, or Key Vault through the Secrets Store CSI driver).";
const C0 = "spec.template.spec.containers[0] (\"app\")";
const ENV = (i: number, name: string, secretName = "\"db\"") =>
    `${C0} sets env[${i}] (${JSON.stringify(name)}) from ${secretName === "" ? "a Secret" : `Secret ${secretName}`} through env[${i}].valueFrom.secretKeyRef; ${FIX}`;
const FROM = (i: number, secretName = "\"db\"", label = C0) =>
    `${label} sets envFrom[${i}].secretRef${secretName === "" ? "" : ` (Secret ${secretName})`}, which turns every key of the Secret into an environment variable; ${FIX}`;

const fromSecret = (name: string, secretName: unknown = "db") => ({ name, valueFrom: { secretKeyRef: { name: secretName, key: "password" } } });
const withEnv = (env: unknown, envFrom?: unknown) => deployment(podSpec({ containers: [container({ env: untyped(env), envFrom: untyped(envFrom) })] }));

describe("k8s-secrets-mounted-as-files", () => {
    for (const type of WORKLOAD_TYPES) {
        const p = specPath(type);
        describe(type, () => {
            it("passes a workload that mounts its secrets as files", () => {
                const spec = podSpec({
                    containers: [container({ volumeMounts: [{ name: "db", mountPath: "/run/secrets/db", readOnly: true }] })],
                    volumes: [{ name: "db", secret: { secretName: "db" } }],
                });
                assert.deepEqual(validate(policy, type, workload(type, spec)).violations, []);
            });
            it("fails a secretKeyRef in env", () => {
                const spec = podSpec({ containers: [container({ env: [untyped(fromSecret("DB_PASSWORD"))] })] });
                assert.deepEqual(validate(policy, type, workload(type, spec)).violations,
                    [`${p}.containers[0] ("app") sets env[0] ("DB_PASSWORD") from Secret "db" through env[0].valueFrom.secretKeyRef; ${FIX}`]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; want: string[] }[] = [
        { name: "passes plain values and ConfigMap references", props: withEnv([{ name: "MODE", value: "prod" }, { name: "URL", valueFrom: { configMapKeyRef: { name: "cfg", key: "url" } } }]), want: [] },
        { name: "passes a fieldRef", props: withEnv([{ name: "POD", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } }]), want: [] },
        { name: "reports every secret variable once, in order", props: withEnv([{ name: "MODE", value: "prod" }, fromSecret("DB_USER"), fromSecret("DB_PASSWORD", "db2")]),
            want: [ENV(1, "DB_USER"), ENV(2, "DB_PASSWORD", "\"db2\"")] },
        { name: "fails envFrom secretRef", props: withEnv(undefined, [{ configMapRef: { name: "cfg" } }, { secretRef: { name: "db" } }]), want: [FROM(1)] },
        { name: "fails envFrom secretRef with a prefix", props: withEnv(undefined, [{ prefix: "DB_", secretRef: { name: "db", optional: true } }]), want: [FROM(0)] },
        { name: "reports init and ephemeral containers too", props: deployment(podSpec({
            initContainers: [container({ name: "migrate", env: [untyped(fromSecret("DB_PASSWORD"))] })],
            ephemeralContainers: [container({ name: "debug", envFrom: [{ secretRef: { name: "db" } }] })],
        })), want: [
            `spec.template.spec.initContainers[0] ("migrate") sets env[0] ("DB_PASSWORD") from Secret "db" through env[0].valueFrom.secretKeyRef; ${FIX}`,
            FROM(0, "\"db\"", "spec.template.spec.ephemeralContainers[0] (\"debug\")"),
        ] },
        // names that are secrets or missing are not printed
        { name: "never prints a secret Secret name", props: withEnv([fromSecret("DB_PASSWORD", secret("db"))]), want: [ENV(0, "DB_PASSWORD", "")] },
        { name: "names no Secret when secretKeyRef has no name", props: withEnv([{ name: "T", valueFrom: { secretKeyRef: { key: "t" } } }]), want: [ENV(0, "T", "")] },
        { name: "never prints a secret variable name", props: withEnv([{ name: secret("DB_PASSWORD"), valueFrom: { secretKeyRef: { name: "db", key: "p" } } }]),
            want: [`${C0} sets env[0] from Secret "db" through env[0].valueFrom.secretKeyRef; ${FIX}`] },
        // malformed
        { name: "ignores a secretKeyRef that is not an object", props: withEnv([{ name: "X", valueFrom: { secretKeyRef: "db" } }]), want: [] },
        { name: "ignores env that is not an array", props: withEnv({ name: "X", valueFrom: { secretKeyRef: { name: "db" } } }), want: [] },
        { name: "ignores env entries that are not objects", props: withEnv(["DB_PASSWORD", null, 7]), want: [] },
        { name: "ignores a secretRef that is not an object", props: withEnv(undefined, [{ secretRef: "db" }]), want: [] },
    ];
    for (const c of cases) {
        it(c.name, () => {
            const out = validate(policy, K.deployment, c.props);
            assert.deepEqual(out.violations, c.want);
            assert.equal(out.unknown, undefined);
        });
    }

    it("reports nothing but the SDK's note when a variable's valueFrom is unknown at preview", () => {
        const out = validate(policy, K.deployment, withEnv([{ name: "X", valueFrom: unknown }]));
        assert.deepEqual(out.violations, []);
        assert.equal(out.unknown, "string value at .spec.template.spec.containers.0.env.0.valueFrom can't be known during preview");
    });
    it("skips system namespaces", () => {
        assert.equal(validate(policy, K.deployment, deployment(podSpec({ containers: [container({ env: [untyped(fromSecret("P"))] })] }), { namespace: "kube-system" })).notApplicable,
            excludedReason("kube-system"));
    });
});
