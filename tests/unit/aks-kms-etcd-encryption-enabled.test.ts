import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/data-protection/aks-kms-etcd-encryption-enabled";
import { NATIVE_CLUSTER_TYPES, T, classicCluster, managedCluster, merge } from "../fixtures/aks";
import { KEY_ID } from "../fixtures/aks-extra2";
import { secret, unknown, validate } from "../harness";
import { untyped } from "../fixtures/typed";

const P = "securityProfile.azureKeyVaultKms";
const PLATFORM = "(Secrets in etcd are encrypted with platform-managed keys only)";
const NATIVE_FIX = "set it to { enabled: true, keyId: <versioned key ID>, keyVaultNetworkAccess: \"Private\", keyVaultResourceId: <key vault ID> }.";
const CLASSIC_FIX = "set it to { keyVaultKeyId: <versioned key ID>, keyVaultNetworkAccess: \"Private\" }.";
const NO_KMS = `The cluster does not set ${P} ${PLATFORM}; ${NATIVE_FIX}`;
const OFF = `The cluster does not set ${P}.enabled (KMS encryption is off); set it to true.`;
const NO_KEY = `The cluster does not set ${P}.keyId (no key is named); set it to the versioned ID of a Key Vault key.`;
const NO_ACCESS = `The cluster does not set ${P}.keyVaultNetworkAccess (Public: AKS reaches the key vault over its public endpoint); set it to "Private".`;
const PUBLIC = `The cluster sets ${P}.keyVaultNetworkAccess: "Public"; set it to "Private".`;
const NO_VAULT = `The cluster does not set ${P}.keyVaultResourceId (required with Private network access); set it to the resource ID of the key vault that holds the key.`;
const PUBLIC_OK = { requirePrivateKeyVault: false };

/** An azure-native cluster whose KMS block is exactly `kms` (`undefined`: no block). */
function kms(block: unknown) {
    return merge(managedCluster({ securityProfile: { azureKeyVaultKms: undefined } }), block === undefined ? {} : { securityProfile: { azureKeyVaultKms: block } });
}

describe("aks-kms-etcd-encryption-enabled", () => {
    for (const type of NATIVE_CLUSTER_TYPES) {
        describe(type, () => {
            it("passes KMS with a key and a private key vault", () => {
                assert.deepEqual(validate(policy, type, managedCluster()).violations, []);
            });
            it("fails when securityProfile is absent", () => {
                assert.deepEqual(validate(policy, type, managedCluster({ securityProfile: undefined })).violations, [NO_KMS]);
            });
            it("fails enabled: false", () => {
                assert.deepEqual(validate(policy, type, managedCluster({ securityProfile: { azureKeyVaultKms: { enabled: false } } })).violations,
                    [`The cluster sets ${P}.enabled: false; set it to true.`]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; config?: Record<string, unknown>; want: string[] }[] = [
        // absent and malformed blocks
        { name: "fails when the KMS block is absent beside other security settings", props: kms(undefined), want: [NO_KMS] },
        { name: "fails when securityProfile is an array", props: managedCluster({ securityProfile: untyped([{ azureKeyVaultKms: { enabled: true } }]) }), want: [NO_KMS] },
        { name: "fails a KMS block that is not an object, showing it", props: kms(true), want: [`The cluster sets ${P}: true; ${NATIVE_FIX}`] },
        { name: "fails an array where the KMS block is expected", props: kms([{ enabled: true }]), want: [`The cluster sets ${P}: [{"enabled":true}]; ${NATIVE_FIX}`] },
        { name: "names only enabled and keyId in the fix when a public key vault is accepted", config: PUBLIC_OK, props: kms(undefined),
            want: [`The cluster does not set ${P} ${PLATFORM}; set it to { enabled: true, keyId: <versioned key ID> }.`] },
        { name: "reports only that KMS is off for an empty block (key and network access follow once it is on)", props: kms({}), want: [OFF] },
        { name: "reports only that KMS is off when disabled with a public key vault", props: kms({ enabled: false, keyVaultNetworkAccess: "Public" }),
            want: [`The cluster sets ${P}.enabled: false; set it to true.`] },
        // enabled
        { name: "fails when enabled is absent (KMS is off)", props: kms({ keyId: KEY_ID, keyVaultNetworkAccess: "Private", keyVaultResourceId: "/v" }), want: [OFF] },
        { name: "accepts enabled as the string \"true\"", props: managedCluster({ securityProfile: { azureKeyVaultKms: { enabled: untyped("true") } } }), want: [] },
        { name: "fails a malformed enabled flag, showing it", props: managedCluster({ securityProfile: { azureKeyVaultKms: { enabled: untyped("yes") } } }),
            want: [`The cluster sets ${P}.enabled: "yes"; set it to true.`] },
        // keyId
        { name: "fails without a key", props: managedCluster({ securityProfile: { azureKeyVaultKms: { keyId: undefined } } }), want: [NO_KEY] },
        { name: "fails an empty key ID", props: managedCluster({ securityProfile: { azureKeyVaultKms: { keyId: " " } } }),
            want: [`The cluster sets ${P}.keyId: " "; set it to the versioned ID of a Key Vault key.`] },
        { name: "fails a key ID that is not a string", props: managedCluster({ securityProfile: { azureKeyVaultKms: { keyId: untyped(["k"]) } } }),
            want: [`The cluster sets ${P}.keyId: ["k"]; set it to the versioned ID of a Key Vault key.`] },
        { name: "passes a key ID set from another resource's output (unknown at preview)", props: managedCluster({ securityProfile: { azureKeyVaultKms: { keyId: unknown } } }), want: [] },
        // keyVaultNetworkAccess
        { name: "fails Public network access (the SDK's default)", props: managedCluster({ securityProfile: { azureKeyVaultKms: { keyVaultNetworkAccess: "Public" } } }), want: [PUBLIC] },
        { name: "fails when network access is absent (Azure default: Public)", props: managedCluster({ securityProfile: { azureKeyVaultKms: { keyVaultNetworkAccess: undefined } } }), want: [NO_ACCESS] },
        { name: "accepts Private in any case", props: managedCluster({ securityProfile: { azureKeyVaultKms: { keyVaultNetworkAccess: "PRIVATE" } } }), want: [] },
        { name: "fails a network access that is not a string", props: managedCluster({ securityProfile: { azureKeyVaultKms: { keyVaultNetworkAccess: untyped(1) } } }),
            want: [`The cluster sets ${P}.keyVaultNetworkAccess: 1; set it to "Private".`] },
        { name: "accepts Public when requirePrivateKeyVault is false", config: PUBLIC_OK,
            props: managedCluster({ securityProfile: { azureKeyVaultKms: { keyVaultNetworkAccess: "Public", keyVaultResourceId: undefined } } }), want: [] },
        { name: "accepts absent network access when requirePrivateKeyVault is false", config: PUBLIC_OK,
            props: managedCluster({ securityProfile: { azureKeyVaultKms: { keyVaultNetworkAccess: undefined } } }), want: [] },
        { name: "still requires Private when the config flag is not a boolean", config: { requirePrivateKeyVault: "false" },
            props: managedCluster({ securityProfile: { azureKeyVaultKms: { keyVaultNetworkAccess: "Public" } } }), want: ["The policy configuration sets requirePrivateKeyVault: \"false\" (write true or false there, e.g. true); until it is fixed, the policy uses the default for requirePrivateKeyVault (true).", PUBLIC] },
        // keyVaultResourceId
        { name: "fails Private access without the key vault's resource ID", props: managedCluster({ securityProfile: { azureKeyVaultKms: { keyVaultResourceId: undefined } } }), want: [NO_VAULT] },
        { name: "fails Private access without the key vault ID even when a public vault is accepted", config: PUBLIC_OK,
            props: managedCluster({ securityProfile: { azureKeyVaultKms: { keyVaultNetworkAccess: "private", keyVaultResourceId: undefined } } }), want: [NO_VAULT] },
        { name: "fails an empty key vault ID", props: managedCluster({ securityProfile: { azureKeyVaultKms: { keyVaultResourceId: "" } } }),
            want: [`The cluster sets ${P}.keyVaultResourceId: ""; set it to the resource ID of the key vault that holds the key.`] },
        { name: "passes a key vault ID set from another resource's output (unknown at preview)", props: managedCluster({ securityProfile: { azureKeyVaultKms: { keyVaultResourceId: unknown } } }), want: [] },
        { name: "does not ask for the key vault ID with Public access", props: managedCluster({ securityProfile: { azureKeyVaultKms: { keyVaultNetworkAccess: "Public", keyVaultResourceId: undefined } } }), want: [PUBLIC] },
        { name: "does not read the classic spellings on azure-native", props: merge(kms(undefined), { keyManagementService: { keyVaultKeyId: KEY_ID, keyVaultNetworkAccess: "Private" } }), want: [NO_KMS] },
        // secrets
        { name: "never prints a secret key ID", props: managedCluster({ securityProfile: { azureKeyVaultKms: { keyId: secret("") } } }),
            want: [`The cluster sets ${P}.keyId: [secret]; set it to the versioned ID of a Key Vault key.`] },
        { name: "never prints a value inside a secret KMS block", props: managedCluster({ securityProfile: { azureKeyVaultKms: secret({ enabled: true, keyId: KEY_ID, keyVaultNetworkAccess: "Public" }) } }),
            want: [`The cluster sets ${P}.keyVaultNetworkAccess: [secret]; set it to "Private".`] },
        { name: "passes a secret block that complies", props: managedCluster({ securityProfile: { azureKeyVaultKms: secret({ enabled: true, keyId: KEY_ID, keyVaultNetworkAccess: "Private", keyVaultResourceId: "/v" }) } }), want: [] },
        // classic
        { name: "classic: passes a KMS block with a private key vault", type: T.classicCluster, props: classicCluster(), want: [] },
        { name: "classic: fails without keyManagementService", type: T.classicCluster, props: classicCluster({ keyManagementService: undefined }),
            want: [`The cluster does not set keyManagementService ${PLATFORM}; ${CLASSIC_FIX}`] },
        { name: "classic: fails an array where the block is expected", type: T.classicCluster, props: classicCluster({ keyManagementService: untyped([{ keyVaultKeyId: "k" }]) }),
            want: [`The cluster sets keyManagementService: [{"keyVaultKeyId":"k"}]; ${CLASSIC_FIX}`] },
        { name: "classic: names only the key in the fix when a public key vault is accepted", type: T.classicCluster, config: PUBLIC_OK, props: classicCluster({ keyManagementService: undefined }),
            want: [`The cluster does not set keyManagementService ${PLATFORM}; set it to { keyVaultKeyId: <versioned key ID> }.`] },
        { name: "classic: fails without a key", type: T.classicCluster, props: classicCluster({ keyManagementService: { keyVaultKeyId: undefined } }),
            want: ["The cluster does not set keyManagementService.keyVaultKeyId (no key is named); set it to the versioned ID of a Key Vault key."] },
        { name: "classic: passes a key set from another resource's output", type: T.classicCluster, props: classicCluster({ keyManagementService: { keyVaultKeyId: unknown } }), want: [] },
        { name: "classic: fails Public network access", type: T.classicCluster, props: classicCluster({ keyManagementService: { keyVaultNetworkAccess: "Public" } }),
            want: ["The cluster sets keyManagementService.keyVaultNetworkAccess: \"Public\"; set it to \"Private\"."] },
        { name: "classic: fails absent network access (provider default: Public)", type: T.classicCluster, props: classicCluster({ keyManagementService: { keyVaultNetworkAccess: undefined } }),
            want: ["The cluster does not set keyManagementService.keyVaultNetworkAccess (Public: AKS reaches the key vault over its public endpoint); set it to \"Private\"."] },
        { name: "classic: accepts Public when requirePrivateKeyVault is false", type: T.classicCluster, config: PUBLIC_OK,
            props: classicCluster({ keyManagementService: { keyVaultNetworkAccess: "Public" } }), want: [] },
        { name: "classic: never prints a secret key ID", type: T.classicCluster, props: classicCluster({ keyManagementService: { keyVaultKeyId: secret(42) } }),
            want: ["The cluster sets keyManagementService.keyVaultKeyId: [secret]; set it to the versioned ID of a Key Vault key."] },
    ];
    for (const c of cases) {
        it(c.name, () => {
            const out = validate(policy, c.type ?? T.managedCluster, c.props, c.config);
            assert.deepEqual(out.violations, c.want);
            assert.equal(out.unknown, undefined);
        });
    }

    const unknowns: { name: string; props: Record<string, unknown>; type?: string; note: string }[] = [
        { name: "the whole securityProfile", props: managedCluster({ securityProfile: unknown }), note: "string value at .securityProfile can't be known during preview" },
        { name: "the enabled flag", props: managedCluster({ securityProfile: { azureKeyVaultKms: { enabled: unknown } } }),
            note: "string value at .securityProfile.azureKeyVaultKms.enabled can't be known during preview" },
        { name: "the network access", props: managedCluster({ securityProfile: { azureKeyVaultKms: { keyVaultNetworkAccess: unknown } } }),
            note: "string value at .securityProfile.azureKeyVaultKms.keyVaultNetworkAccess can't be known during preview" },
        { name: "a classic network access", type: T.classicCluster, props: classicCluster({ keyManagementService: { keyVaultNetworkAccess: unknown } }),
            note: "string value at .keyManagementService.keyVaultNetworkAccess can't be known during preview" },
    ];
    for (const c of unknowns) {
        it(`reports nothing but the SDK's note when ${c.name} is unknown at preview`, () => {
            const out = validate(policy, c.type ?? T.managedCluster, c.props);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, c.note);
        });
    }

    it("is not applicable to node pools or other resource types", () => {
        assert.equal(validate(policy, T.agentPool, {}).notApplicable, "applies to AKS cluster resources only");
        assert.equal(validate(policy, T.classicNodePool, {}).notApplicable, "applies to AKS cluster resources only");
        assert.equal(validate(policy, "azure-native:keyvault:Vault", {}).notApplicable, "applies to AKS cluster resources only");
    });
});
