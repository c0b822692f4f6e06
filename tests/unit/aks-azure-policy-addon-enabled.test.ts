import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/governance/aks-azure-policy-addon-enabled";
import { classicCluster, managedCluster, merge, NATIVE_CLUSTER_TYPES, T } from "../fixtures/aks";
import { secret, unknown, validate, violationCases } from "../harness";
import { untyped } from "../fixtures/typed";

const OFF = "The cluster does not set addonProfiles.azurepolicy.enabled (the add-on is off); set it to true.";
const CLASSIC_OFF = "The cluster does not set azurePolicyEnabled (the add-on is off); set it to true.";

/** An azure-native cluster whose Azure Policy add-on sits under `key` (the fixture's `azurepolicy` removed). */
function withAddon(key: string, addon: unknown) {
    return merge(managedCluster({ addonProfiles: { azurepolicy: undefined } }), { addonProfiles: { [key]: addon } });
}

/** A classic cluster with the v2-era `addonProfile.azurePolicy` block instead of `azurePolicyEnabled`. */
function classicLegacy(block: unknown, key = "azurePolicy") {
    return merge(classicCluster({ azurePolicyEnabled: undefined }), { addonProfile: { [key]: block } });
}

describe("aks-azure-policy-addon-enabled", () => {
    for (const type of NATIVE_CLUSTER_TYPES) {
        describe(type, () => {
            it("passes the add-on enabled", () => {
                assert.deepEqual(validate(policy, type, managedCluster()).violations, []);
            });
            it("fails when addonProfiles is absent (Azure default: off)", () => {
                assert.deepEqual(validate(policy, type, managedCluster({ addonProfiles: undefined })).violations, [OFF]);
            });
            it("fails enabled: false", () => {
                assert.deepEqual(validate(policy, type, managedCluster({ addonProfiles: { azurepolicy: { enabled: false } } })).violations,
                    ["The cluster sets addonProfiles.azurepolicy.enabled: false; set it to true."]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; want: string[] }[] = [
        // AKS Automatic enables the add-on (Deployment Safeguards need it)
        { name: "passes AKS Automatic without the add-on block", props: managedCluster({ sku: { name: "Automatic", tier: "Standard" }, addonProfiles: undefined }), want: [] },
        { name: "fails AKS Automatic that turns the add-on off", props: managedCluster({ sku: { name: "Automatic" }, addonProfiles: { azurepolicy: { enabled: false } } }),
            want: ["The cluster sets addonProfiles.azurepolicy.enabled: false; set it to true."] },
        { name: "fails the Base SKU without the add-on block", props: managedCluster({ sku: { name: "Base" }, addonProfiles: undefined }),
            want: ["The cluster does not set addonProfiles.azurepolicy.enabled (the add-on is off); set it to true."] },
        // key case variants
        { name: "accepts the add-on key azurePolicy", props: withAddon("azurePolicy", { enabled: true }), want: [] },
        { name: "accepts the add-on key AZUREPOLICY", props: withAddon("AZUREPOLICY", { enabled: true }), want: [] },
        { name: "names the add-on key as written", props: withAddon("azurePolicy", { enabled: false }),
            want: ["The cluster sets addonProfiles.azurePolicy.enabled: false; set it to true."] },
        // absent parents
        { name: "fails when the add-on is absent from addonProfiles", props: managedCluster({ addonProfiles: { azurepolicy: undefined } }), want: [OFF] },
        { name: "fails an empty add-on block", props: withAddon("azurepolicy", {}), want: [OFF] },
        { name: "fails an empty block under the key azurePolicy, naming it", props: withAddon("azurePolicy", {}),
            want: ["The cluster does not set addonProfiles.azurePolicy.enabled (the add-on is off); set it to true."] },
        { name: "treats enabled: null as absent", props: withAddon("azurepolicy", { enabled: null }), want: [OFF] },
        // booleans as strings and malformed input
        { name: "accepts the string \"true\" as the platform does", props: withAddon("azurepolicy", { enabled: "true" }), want: [] },
        { name: "fails the string \"false\"", props: withAddon("azurepolicy", { enabled: "false" }),
            want: ["The cluster sets addonProfiles.azurepolicy.enabled: \"false\"; set it to true."] },
        { name: "fails a malformed flag, showing it", props: withAddon("azurepolicy", { enabled: "yes" }),
            want: ["The cluster sets addonProfiles.azurepolicy.enabled: \"yes\"; set it to true."] },
        { name: "fails a number where a boolean is expected", props: withAddon("azurepolicy", { enabled: 1 }),
            want: ["The cluster sets addonProfiles.azurepolicy.enabled: 1; set it to true."] },
        { name: "fails a non-object add-on block as off", props: withAddon("azurepolicy", true), want: [OFF] },
        { name: "fails an array where the add-on object is expected", props: withAddon("azurepolicy", [{ enabled: true }]), want: [OFF] },
        { name: "fails an array where addonProfiles is expected", props: managedCluster({ addonProfiles: untyped([{ azurepolicy: { enabled: true } }]) }), want: [OFF] },
        // secrets
        { name: "passes a secret true", props: withAddon("azurepolicy", { enabled: secret(true) }), want: [] },
        { name: "never prints a secret value", props: withAddon("azurepolicy", { enabled: secret("hunter2") }),
            want: ["The cluster sets addonProfiles.azurepolicy.enabled: [secret]; set it to true."] },
        { name: "never prints a value inside a secret add-on block", props: withAddon("azurePolicy", secret({ enabled: "hunter2" })),
            want: ["The cluster sets addonProfiles.azurePolicy.enabled: [secret]; set it to true."] },
        // classic
        { name: "classic: passes azurePolicyEnabled", type: T.classicCluster, props: classicCluster(), want: [] },
        { name: "classic: fails when azurePolicyEnabled is absent", type: T.classicCluster, props: classicCluster({ azurePolicyEnabled: undefined }), want: [CLASSIC_OFF] },
        { name: "classic: fails azurePolicyEnabled: false", type: T.classicCluster, props: classicCluster({ azurePolicyEnabled: false }),
            want: ["The cluster sets azurePolicyEnabled: false; set it to true."] },
        { name: "classic: accepts the string \"true\"", type: T.classicCluster, props: classicCluster({ azurePolicyEnabled: untyped("true") }), want: [] },
        { name: "classic: fails a malformed flag", type: T.classicCluster, props: classicCluster({ azurePolicyEnabled: untyped("yes") }),
            want: ["The cluster sets azurePolicyEnabled: \"yes\"; set it to true."] },
        { name: "classic: fails an object where a boolean is expected", type: T.classicCluster, props: classicCluster({ azurePolicyEnabled: untyped({ enabled: true }) }),
            want: ["The cluster sets azurePolicyEnabled: {\"enabled\":true}; set it to true."] },
        { name: "classic: does not read the azure-native addonProfiles", type: T.classicCluster,
            props: merge(classicCluster({ azurePolicyEnabled: undefined }), { addonProfiles: { azurepolicy: { enabled: true } } }), want: [CLASSIC_OFF] },
        { name: "classic: reads azurePolicyEnabled when addonProfile has no azurePolicy", type: T.classicCluster,
            props: merge(classicCluster(), { addonProfile: { omsAgent: { enabled: true } } }), want: [] },
        { name: "classic: never prints a secret value", type: T.classicCluster, props: classicCluster({ azurePolicyEnabled: secret(0) }),
            want: ["The cluster sets azurePolicyEnabled: [secret]; set it to true."] },
        // classic legacy addonProfile.azurePolicy
        { name: "classic legacy: passes addonProfile.azurePolicy.enabled", type: T.classicCluster, props: classicLegacy({ enabled: true }), want: [] },
        { name: "classic legacy: accepts the key azurepolicy", type: T.classicCluster, props: classicLegacy({ enabled: "TRUE" }, "azurepolicy"), want: [] },
        { name: "classic legacy: fails enabled: false", type: T.classicCluster, props: classicLegacy({ enabled: false }),
            want: ["The cluster sets addonProfile.azurePolicy.enabled: false; set it to true."] },
        { name: "classic legacy: fails an empty block", type: T.classicCluster, props: classicLegacy({}),
            want: ["The cluster does not set addonProfile.azurePolicy.enabled (the add-on is off); set it to true."] },
        { name: "classic legacy: fails a malformed flag, naming the key as written", type: T.classicCluster, props: classicLegacy({ enabled: "yes" }, "azurepolicy"),
            want: ["The cluster sets addonProfile.azurepolicy.enabled: \"yes\"; set it to true."] },
        { name: "classic legacy: never prints a secret value", type: T.classicCluster, props: classicLegacy({ enabled: secret("off") }),
            want: ["The cluster sets addonProfile.azurePolicy.enabled: [secret]; set it to true."] },
    ];
    violationCases(policy, T.managedCluster, cases);

    const unknowns: { name: string; props: Record<string, unknown>; type?: string; note: string }[] = [
        { name: "the flag", props: withAddon("azurepolicy", { enabled: unknown }),
            note: "string value at .addonProfiles.azurepolicy.enabled can't be known during preview" },
        { name: "the flag under the key azurePolicy", props: withAddon("azurePolicy", { enabled: unknown }),
            note: "string value at .addonProfiles.azurePolicy.enabled can't be known during preview" },
        { name: "the whole addonProfiles", props: managedCluster({ addonProfiles: unknown }),
            note: "string value at .addonProfiles can't be known during preview" },
        { name: "the classic flag", type: T.classicCluster, props: classicCluster({ azurePolicyEnabled: unknown }),
            note: "string value at .azurePolicyEnabled can't be known during preview" },
        { name: "the classic legacy flag", type: T.classicCluster, props: classicLegacy({ enabled: unknown }),
            note: "string value at .addonProfile.azurePolicy.enabled can't be known during preview" },
    ];
    for (const c of unknowns) {
        it(`reports nothing but the SDK's note when ${c.name} is unknown at preview`, () => {
            const out = validate(policy, c.type ?? T.managedCluster, c.props);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, c.note);
        });
    }

    it("is not applicable to node pools", () => {
        assert.equal(validate(policy, T.classicNodePool, {}).notApplicable, "applies to AKS cluster resources only");
    });
});
