import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/data-protection/k8s-no-credential-literals";
import { configMap, container, deployment, excludedReason, K, podSpec, specPath, workload, WORKLOAD_TYPES } from "../fixtures/k8s-objects";
import { secret, unknown, validate } from "../harness";
import { untyped } from "../fixtures/typed";

const C0 = "spec.template.spec.containers[0] (\"app\")";
const FIX_ENV = "move it to a Secret and mount it as a file, or reference it with valueFrom.secretKeyRef.";
const FIX_CM = "move it to a Secret (or Key Vault through the Secrets Store CSI driver) and mount it as a file.";
const BY_VALUE = "a literal value that looks like a credential (a private key, or a connection string or URL with a password)";
const PEM = "-----BEGIN RSA PRIVATE KEY-----\nMIIEow...\n-----END RSA PRIVATE KEY-----\n";

function env(...vars: unknown[]) {
    return deployment(podSpec({ containers: [container({ env: untyped(vars) })] }));
}

describe("k8s-no-credential-literals", () => {
    for (const type of WORKLOAD_TYPES) {
        const p = specPath(type);
        describe(type, () => {
            it("passes credentials taken from a Secret", () => {
                assert.deepEqual(validate(policy, type, workload(type)).violations, []);
            });
            it("fails a literal password", () => {
                const props = workload(type, podSpec({ containers: [container({ env: [{ name: "DB_PASSWORD", value: "hunter2" }] })] }));
                assert.deepEqual(validate(policy, type, props).violations, [`${p}.containers[0] ("app") sets env[0] ("DB_PASSWORD") to a literal value; ${FIX_ENV}`]);
            });
        });
    }

    const names = ["DB_PASSWORD", "db_passwd", "ADMIN_PWD", "PASSPHRASE", "CLIENT_SECRET", "GITHUB_TOKEN", "apiKey", "API-KEY", "x-api-key", "STORAGE_ACCOUNT_KEY",
        "AWS_SECRET_ACCESS_KEY", "PRIVATE_KEY", "SIGNING_KEY", "SERVICEBUS_CONNECTION_STRING", "ConnectionStrings__Default", "REGISTRY_CREDENTIALS", "AUTH_KEY", "BEARER"];
    for (const name of names) {
        it(`fails a literal under the credential-like name ${name}`, () => {
            assert.deepEqual(validate(policy, K.deployment, env({ name, value: "s3cr3t-value" })).violations, [`${C0} sets env[0] (${JSON.stringify(name)}) to a literal value; ${FIX_ENV}`]);
        });
    }
    const safe = ["LOG_LEVEL", "DB_PASSWORD_FILE", "TOKEN_URL", "SECRET_NAME", "API_KEY_PATH", "OAUTH_TOKEN_ENDPOINT", "JWT_TOKEN_TTL", "AZURE_CLIENT_ID", "PASSWORD_MIN_LENGTH",
        "KEYVAULT_SECRET_URI", "TOKEN_AUDIENCE", "PWDEBUG", "BYPASS_CACHE", "SECRETS_MOUNT"];
    for (const name of safe) {
        it(`passes a literal under the name ${name}, which points at a credential or is not one`, () => {
            assert.deepEqual(validate(policy, K.deployment, env({ name, value: "some-value" })).violations, []);
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; config?: Record<string, unknown>; want: string[] }[] = [
        { name: "passes valueFrom.secretKeyRef", props: env({ name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "db", key: "pw" } } }), want: [] },
        { name: "passes an empty or blank literal", props: env({ name: "DB_PASSWORD", value: "" }, { name: "API_TOKEN", value: "  " }), want: [] },
        { name: "passes a value made of $(VAR) references", props: env({ name: "DB_PASSWORD", value: "$(DB_PASSWORD_FROM_SECRET)" }), want: [] },
        { name: "passes a switch value under a credential-like name", props: env({ name: "ENABLE_TOKEN_AUTH", value: "true" }, { name: "USE_SECRET", value: "Off" }), want: [] },
        { name: "fails a numeric literal under a credential name", props: env({ name: "ADMIN_PASSWORD", value: 123456 }),
            want: [`${C0} sets env[0] ("ADMIN_PASSWORD") to a literal value; ${FIX_ENV}`] },
        { name: "fails a Pulumi secret written as a literal, never printing it", props: env({ name: "DB_PASSWORD", value: secret("hunter2") }),
            want: [`${C0} sets env[0] ("DB_PASSWORD") to a literal value; ${FIX_ENV}`] },
        { name: "passes an unknown value under another name without the SDK's note", props: env({ name: "DB_HOST", value: unknown }), want: [] },
        // by value
        { name: "fails a URL with a password whatever its name", props: env({ name: "DATABASE_URL", value: "postgres://app:hunter2@db.internal:5432/app" }),
            want: [`${C0} sets env[0] ("DATABASE_URL") to ${BY_VALUE}; ${FIX_ENV}`] },
        { name: "fails an Azure connection string with a key", props: env({ name: "STORAGE", value: "DefaultEndpointsProtocol=https;AccountName=x;AccountKey=abc==;EndpointSuffix=core.windows.net" }),
            want: [`${C0} sets env[0] ("STORAGE") to ${BY_VALUE}; ${FIX_ENV}`] },
        { name: "fails a SQL connection string with a password", props: env({ name: "SQL", value: "Server=tcp:x;Database=y;User ID=u;Password=p4ss;" }),
            want: [`${C0} sets env[0] ("SQL") to ${BY_VALUE}; ${FIX_ENV}`] },
        { name: "fails a private key", props: env({ name: "TLS", value: PEM }), want: [`${C0} sets env[0] ("TLS") to ${BY_VALUE}; ${FIX_ENV}`] },
        { name: "passes a URL without a password and a connection string that references a variable", props: env(
            { name: "API_URL", value: "https://user@api.example.com/v1" },
            { name: "SQL", value: "Server=tcp:x;Password=$(SQL_PASSWORD);" },
            { name: "SB", value: "Endpoint=sb://x/;SharedAccessKeyName=send;SharedAccessKey=${KEY}" },
        ), want: [] },
        // shapes
        { name: "reports each offending variable once, in order, across containers", props: deployment(podSpec({
            initContainers: [container({ name: "migrate", env: [{ name: "DB_PASSWORD", value: "x" }] })],
            containers: [container({ env: [{ name: "LOG_LEVEL", value: "debug" }, { name: "API_KEY", value: "k" }, { name: "TOKEN", value: "t" }] })],
        })), want: [
            `${C0} sets env[1] ("API_KEY") to a literal value; ${FIX_ENV}`,
            `${C0} sets env[2] ("TOKEN") to a literal value; ${FIX_ENV}`,
            `spec.template.spec.initContainers[0] ("migrate") sets env[0] ("DB_PASSWORD") to a literal value; ${FIX_ENV}`,
        ] },
        { name: "names a variable whose name is a secret by its index only", props: env({ name: secret("DB_PASSWORD"), value: "x" }),
            want: [`${C0} sets env[0] to a literal value; ${FIX_ENV}`] },
        { name: "checks nothing when env is not an array", props: deployment(podSpec({ containers: [container({ env: untyped({ DB_PASSWORD: "x" }) })] })), want: [] },
        { name: "skips env entries that are not objects", props: env("DB_PASSWORD=x", null), want: [] },
        { name: "scans the value when the name is not a string", props: env({ name: 7, value: PEM }), want: [`${C0} sets env[0] to ${BY_VALUE}; ${FIX_ENV}`] },
        // config
        { name: "takes the credential pattern from config", config: { credentialNamePattern: "^MY_" }, props: env({ name: "MY_THING", value: "x" }, { name: "DB_PASSWORD", value: "y" }),
            want: [`${C0} sets env[0] ("MY_THING") to a literal value; ${FIX_ENV}`] },
        { name: "takes the ignored pattern from config", config: { ignoredNamePattern: "_HASH$" }, props: env({ name: "PASSWORD_HASH", value: "x" }, { name: "DB_PASSWORD_FILE", value: "/f" }),
            want: [`${C0} sets env[1] ("DB_PASSWORD_FILE") to a literal value; ${FIX_ENV}`] },
        { name: "falls back to the default pattern when the configured one is not a valid regex", config: { credentialNamePattern: "(" }, props: env({ name: "DB_PASSWORD", value: "x" }),
            want: [`${C0} sets env[0] ("DB_PASSWORD") to a literal value; ${FIX_ENV}`] },
        // ConfigMap
        { name: "passes a ConfigMap without credentials", type: K.configMap, props: configMap(), want: [] },
        { name: "fails a ConfigMap key that looks like a credential", type: K.configMap, props: configMap({ data: { "db-password": "x", DB_TOKEN: "y", DB_TOKEN_URL: "https://x" } }), want: [
            `The ConfigMap sets data["db-password"] to a literal value; ${FIX_CM}`,
            `The ConfigMap sets data.DB_TOKEN to a literal value; ${FIX_CM}`,
        ] },
        { name: "fails a ConfigMap file holding a connection string with a password", type: K.configMap,
            props: configMap({ data: { "appsettings.json": "{\"db\": \"Server=x;Password=p4ss\"}", "app.ini": "[db]\nurl = mysql://root:toor@db/app\n" } }), want: [
                `The ConfigMap sets data["appsettings.json"] to ${BY_VALUE}; ${FIX_CM}`,
                `The ConfigMap sets data["app.ini"] to ${BY_VALUE}; ${FIX_CM}`,
            ] },
        { name: "fails a ConfigMap holding a private key", type: K.configMap, props: configMap({ data: { "tls.pem": PEM } }), want: [`The ConfigMap sets data["tls.pem"] to ${BY_VALUE}; ${FIX_CM}`] },
        { name: "fails binaryData under a credential-like key", type: K.configMap, props: configMap({ binaryData: { "api-token": "c2VjcmV0", "logo.png": "iVBOR" } }),
            want: [`The ConfigMap sets binaryData["api-token"] to a literal value; ${FIX_CM}`] },
        { name: "fails a ConfigMapPatch too", type: K.configMapPatch, props: configMap({ data: { CLIENT_SECRET: "x" } }), want: [`The ConfigMap sets data.CLIENT_SECRET to a literal value; ${FIX_CM}`] },
        { name: "never prints a secret ConfigMap value", type: K.configMap, props: configMap({ data: { PASSWORD: secret("hunter2") } }),
            want: [`The ConfigMap sets data.PASSWORD to a literal value; ${FIX_CM}`] },
        { name: "checks nothing when data is not an object", type: K.configMap, props: configMap({ data: untyped(["PASSWORD=x"]) }), want: [] },
        { name: "checks nothing when data is absent", type: K.configMap, props: configMap({ data: undefined }), want: [] },
    ];
    for (const c of cases) {
        it(c.name, () => {
            const out = validate(policy, c.type ?? K.deployment, c.props, c.config);
            assert.deepEqual(out.violations, c.want);
            assert.equal(out.unknown, undefined);
        });
    }

    it("leaves a value unknown during preview under a credential name to the SDK's note (judged in the update)", () => {
        let out = validate(policy, K.deployment, env({ name: "STORAGE_ACCOUNT_KEY", value: unknown }));
        assert.deepEqual(out.violations, []);
        assert.equal(out.unknown, "string value at .spec.template.spec.containers.0.env.0.value can't be known during preview");
        out = validate(policy, K.configMap, configMap({ data: { "storage-account-key": unknown } }));
        assert.deepEqual(out.violations, []);
        assert.equal(out.unknown, "string value at .data.storage-account-key can't be known during preview");
    });

    it("never prints a credential value in any message", () => {
        const out = validate(policy, K.deployment, env({ name: "DB_PASSWORD", value: "hunter2" }, { name: "URL", value: "redis://:hunter2@cache:6379" }));
        assert.equal(out.violations.length, 2);
        for (const m of out.violations) assert.ok(!m.includes("hunter2"), m);
    });
    it("reports nothing but the SDK's note when the ConfigMap data is unknown at preview", () => {
        const out = validate(policy, K.configMap, configMap({ data: unknown }));
        assert.deepEqual(out.violations, []);
        assert.equal(out.unknown, "string value at .data can't be known during preview");
    });
    it("reports nothing but the SDK's note when env is unknown at preview", () => {
        const out = validate(policy, K.deployment, deployment(podSpec({ containers: [container({ env: unknown })] })));
        assert.deepEqual(out.violations, []);
        assert.equal(out.unknown, "string value at .spec.template.spec.containers.0.env can't be known during preview");
    });
    it("is not applicable in excluded namespaces", () => {
        assert.equal(validate(policy, K.configMap, configMap({ metadata: { namespace: "kube-system" }, data: { PASSWORD: "x" } })).notApplicable, excludedReason("kube-system"));
    });
    it("is not applicable to other resource types (Secrets are where credentials belong)", () => {
        for (const type of [K.secret, K.service, "azure-native:keyvault:Secret"]) {
            assert.equal(validate(policy, type, {}).notApplicable, "applies to Kubernetes workload and ConfigMap resources only", type);
        }
    });
});
