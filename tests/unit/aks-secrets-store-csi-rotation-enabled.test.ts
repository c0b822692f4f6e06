import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/data-protection/aks-secrets-store-csi-rotation-enabled";
import { NATIVE_CLUSTER_TYPES, T, classicCluster, managedCluster, merge } from "../fixtures/aks";
import { secret, unknown, validate, violationCases } from "../harness";
import { untyped } from "../fixtures/typed";

const A = "addonProfiles.azureKeyvaultSecretsProvider";
const NOT_INSTALLED = "(the Secrets Store CSI driver is not installed)";
const NOT_REFRESHED = "(mounted secrets are not refreshed when they change in Key Vault)";
const NATIVE_FIX = "set it to { enabled: true, config: { enableSecretRotation: \"true\" } }.";
const NO_ADDON = `The cluster does not set ${A} ${NOT_INSTALLED}; ${NATIVE_FIX}`;
const NO_ROTATION = `The cluster does not set ${A}.config.enableSecretRotation ${NOT_REFRESHED}; set it to "true".`;
const NO_CLASSIC = `The cluster does not set keyVaultSecretsProvider ${NOT_INSTALLED}; set it to { secretRotationEnabled: true }.`;

/** An azure-native cluster whose secrets provider add-on sits under `key` (the fixture's removed). */
function withAddon(key: string, addon: unknown) {
    return merge(managedCluster({ addonProfiles: { azureKeyvaultSecretsProvider: undefined } }), { addonProfiles: { [key]: addon } });
}

/** A classic cluster with the v2-era `addonProfile.azureKeyvaultSecretsProvider` block instead of v6 `keyVaultSecretsProvider`. */
function classicLegacy(block: unknown) {
    return merge(classicCluster({ keyVaultSecretsProvider: undefined }), { addonProfile: { azureKeyvaultSecretsProvider: block } });
}

describe("aks-secrets-store-csi-rotation-enabled", () => {
    for (const type of NATIVE_CLUSTER_TYPES) {
        describe(type, () => {
            it("passes the add-on with rotation", () => {
                assert.deepEqual(validate(policy, type, managedCluster()).violations, []);
            });
            it("fails when addonProfiles is absent", () => {
                assert.deepEqual(validate(policy, type, managedCluster({ addonProfiles: undefined })).violations, [NO_ADDON]);
            });
            it("fails without rotation", () => {
                assert.deepEqual(validate(policy, type, managedCluster({ addonProfiles: { azureKeyvaultSecretsProvider: { config: undefined } } })).violations, [NO_ROTATION]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; want: string[] }[] = [
        // key case variants
        { name: "accepts the add-on key in lower case", props: withAddon("azurekeyvaultsecretsprovider", { enabled: true, config: { enableSecretRotation: "true" } }), want: [] },
        { name: "accepts the config key in another case", props: withAddon("AzureKeyvaultSecretsProvider", { enabled: true, config: { ENABLESECRETROTATION: "true" } }), want: [] },
        { name: "names the add-on and config keys as written", props: withAddon("azurekeyvaultsecretsprovider", { enabled: true, config: { EnableSecretRotation: "false" } }),
            want: ["The cluster sets addonProfiles.azurekeyvaultsecretsprovider.config.EnableSecretRotation: \"false\"; set it to \"true\"."] },
        // absent parents and values
        { name: "fails when the add-on is absent from addonProfiles", props: managedCluster({ addonProfiles: { azureKeyvaultSecretsProvider: undefined } }), want: [NO_ADDON] },
        { name: "fails when addonProfiles is an array", props: managedCluster({ addonProfiles: untyped([{ azureKeyvaultSecretsProvider: { enabled: true } }]) }), want: [NO_ADDON] },
        { name: "fails a non-object add-on block, showing it", props: withAddon("azureKeyvaultSecretsProvider", "on"), want: [`The cluster sets ${A}: "on"; ${NATIVE_FIX}`] },
        { name: "fails enabled: false once (rotation follows once the add-on is on)", props: withAddon("azureKeyvaultSecretsProvider", { enabled: false, config: { enableSecretRotation: "false" } }),
            want: [`The cluster sets ${A}.enabled: false; set it to true.`] },
        { name: "fails when enabled is absent (the add-on is off)", props: managedCluster({ addonProfiles: { azureKeyvaultSecretsProvider: { enabled: undefined } } }),
            want: [`The cluster does not set ${A}.enabled (the add-on is off); set it to true.`] },
        { name: "fails an empty add-on block once", props: withAddon("azureKeyvaultSecretsProvider", {}),
            want: [`The cluster does not set ${A}.enabled (the add-on is off); set it to true.`] },
        { name: "reports no rotation when config is an array", props: managedCluster({ addonProfiles: { azureKeyvaultSecretsProvider: { config: untyped(["enableSecretRotation"]) } } }), want: [NO_ROTATION] },
        // string booleans and malformed input
        { name: "fails rotation \"false\"", props: managedCluster({ addonProfiles: { azureKeyvaultSecretsProvider: { config: { enableSecretRotation: "false" } } } }),
            want: [`The cluster sets ${A}.config.enableSecretRotation: "false"; set it to "true".`] },
        { name: "accepts rotation \"TRUE\"", props: managedCluster({ addonProfiles: { azureKeyvaultSecretsProvider: { config: { enableSecretRotation: "TRUE" } } } }), want: [] },
        { name: "accepts rotation as a boolean true", props: managedCluster({ addonProfiles: { azureKeyvaultSecretsProvider: { config: { enableSecretRotation: untyped(true) } } } }), want: [] },
        { name: "fails a malformed rotation value, showing it", props: managedCluster({ addonProfiles: { azureKeyvaultSecretsProvider: { config: { enableSecretRotation: "yes" } } } }),
            want: [`The cluster sets ${A}.config.enableSecretRotation: "yes"; set it to "true".`] },
        { name: "accepts enabled as the string \"true\"", props: managedCluster({ addonProfiles: { azureKeyvaultSecretsProvider: { enabled: untyped("true") } } }), want: [] },
        { name: "fails a malformed enabled flag", props: managedCluster({ addonProfiles: { azureKeyvaultSecretsProvider: { enabled: untyped(1) } } }),
            want: [`The cluster sets ${A}.enabled: 1; set it to true.`] },
        // secrets
        { name: "never prints a secret rotation value", props: managedCluster({ addonProfiles: { azureKeyvaultSecretsProvider: { config: { enableSecretRotation: secret("no") } } } }),
            want: [`The cluster sets ${A}.config.enableSecretRotation: [secret]; set it to "true".`] },
        { name: "never prints a value of a secret config map", props: managedCluster({ addonProfiles: { azureKeyvaultSecretsProvider: { config: secret({ enableSecretRotation: "nope" }) } } }),
            want: [`The cluster sets ${A}.config.enableSecretRotation: [secret]; set it to "true".`] },
        // classic v6
        { name: "classic: passes keyVaultSecretsProvider with rotation", type: T.classicCluster, props: classicCluster(), want: [] },
        { name: "classic: fails without keyVaultSecretsProvider", type: T.classicCluster, props: classicCluster({ keyVaultSecretsProvider: undefined }), want: [NO_CLASSIC] },
        { name: "classic: fails an array where the block is expected", type: T.classicCluster, props: classicCluster({ keyVaultSecretsProvider: untyped([{ secretRotationEnabled: true }]) }),
            want: ["The cluster sets keyVaultSecretsProvider: [{\"secretRotationEnabled\":true}]; set it to { secretRotationEnabled: true }."] },
        { name: "classic: fails secretRotationEnabled: false", type: T.classicCluster, props: classicCluster({ keyVaultSecretsProvider: { secretRotationEnabled: false } }),
            want: ["The cluster sets keyVaultSecretsProvider.secretRotationEnabled: false; set it to true."] },
        { name: "classic: fails without rotation (provider default: off)", type: T.classicCluster, props: classicCluster({ keyVaultSecretsProvider: { secretRotationEnabled: undefined } }),
            want: [`The cluster does not set keyVaultSecretsProvider.secretRotationEnabled ${NOT_REFRESHED}; set it to true.`] },
        { name: "classic: accepts rotation as the string \"true\"", type: T.classicCluster, props: classicCluster({ keyVaultSecretsProvider: { secretRotationEnabled: untyped("true") } }), want: [] },
        { name: "classic: never prints a secret rotation flag", type: T.classicCluster, props: classicCluster({ keyVaultSecretsProvider: { secretRotationEnabled: secret("x") } }),
            want: ["The cluster sets keyVaultSecretsProvider.secretRotationEnabled: [secret]; set it to true."] },
        // classic v2-era addonProfile
        { name: "classic v2-era: passes addonProfile.azureKeyvaultSecretsProvider with rotation", type: T.classicCluster, props: classicLegacy({ enabled: true, secretRotationEnabled: true }), want: [] },
        { name: "classic v2-era: fails enabled: false", type: T.classicCluster, props: classicLegacy({ enabled: false, secretRotationEnabled: true }),
            want: ["The cluster sets addonProfile.azureKeyvaultSecretsProvider.enabled: false; set it to true."] },
        { name: "classic v2-era: fails without rotation", type: T.classicCluster, props: classicLegacy({ enabled: true }),
            want: [`The cluster does not set addonProfile.azureKeyvaultSecretsProvider.secretRotationEnabled ${NOT_REFRESHED}; set it to true.`] },
    ];
    violationCases(policy, T.managedCluster, cases);

    const unknowns: { name: string; props: Record<string, unknown>; type?: string; note: string }[] = [
        { name: "the add-on's config", props: managedCluster({ addonProfiles: { azureKeyvaultSecretsProvider: { config: unknown } } }),
            note: "string value at .addonProfiles.azureKeyvaultSecretsProvider.config can't be known during preview" },
        { name: "the rotation value", props: managedCluster({ addonProfiles: { azureKeyvaultSecretsProvider: { config: { enableSecretRotation: unknown } } } }),
            note: "string value at .addonProfiles.azureKeyvaultSecretsProvider.config.enableSecretRotation can't be known during preview" },
        { name: "a classic rotation flag", type: T.classicCluster, props: classicCluster({ keyVaultSecretsProvider: { secretRotationEnabled: unknown } }),
            note: "string value at .keyVaultSecretsProvider.secretRotationEnabled can't be known during preview" },
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
        assert.equal(validate(policy, "kubernetes:secrets-store.csi.x-k8s.io/v1:SecretProviderClass", {}).notApplicable, "applies to AKS cluster resources only");
    });
});
