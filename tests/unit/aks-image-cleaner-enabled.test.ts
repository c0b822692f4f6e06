import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/images/aks-image-cleaner-enabled";
import { NATIVE_CLUSTER_TYPES, T, classicCluster, managedCluster, merge } from "../fixtures/aks";
import { automaticCluster } from "../fixtures/aks-extra2";
import { secret, unknown, validate } from "../harness";
import { untyped } from "../fixtures/typed";

const I = "securityProfile.imageCleaner.enabled";
const ABSENT = `The cluster does not set ${I} (unused images stay on the nodes); set it to true.`;

/** An azure-native cluster whose Image Cleaner flag is `enabled` (`undefined`: not set). */
function cleaner(enabled: unknown) {
    return managedCluster({ securityProfile: { imageCleaner: { enabled: untyped(enabled) } } });
}

describe("aks-image-cleaner-enabled", () => {
    for (const type of NATIVE_CLUSTER_TYPES) {
        describe(type, () => {
            it("passes Image Cleaner enabled", () => {
                assert.deepEqual(validate(policy, type, managedCluster()).violations, []);
            });
            it("fails Image Cleaner disabled", () => {
                assert.deepEqual(validate(policy, type, cleaner(false)).violations, [`The cluster sets ${I}: false; set it to true.`]);
            });
            it("fails when securityProfile is absent (Azure default: off)", () => {
                assert.deepEqual(validate(policy, type, managedCluster({ securityProfile: undefined })).violations, [ABSENT]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; want: string[] }[] = [
        { name: "fails when the imageCleaner block is absent", props: managedCluster({ securityProfile: { imageCleaner: undefined } }), want: [ABSENT] },
        { name: "fails when enabled is absent beside intervalHours", props: cleaner(undefined), want: [ABSENT] },
        { name: "fails when imageCleaner is not an object", props: managedCluster({ securityProfile: { imageCleaner: untyped(true) } }), want: [ABSENT] },
        { name: "accepts the string \"true\"", props: cleaner("true"), want: [] },
        { name: "fails the string \"false\"", props: cleaner("false"), want: [`The cluster sets ${I}: "false"; set it to true.`] },
        { name: "fails a malformed flag, showing it", props: cleaner(1), want: [`The cluster sets ${I}: 1; set it to true.`] },
        { name: "never prints a secret flag", props: cleaner(secret("off")), want: [`The cluster sets ${I}: [secret]; set it to true.`] },
        // AKS Automatic
        { name: "Automatic: passes without the flag (Image Cleaner is preconfigured)", props: automaticCluster({ securityProfile: { imageCleaner: undefined } }), want: [] },
        { name: "Automatic: passes without securityProfile", props: automaticCluster({ securityProfile: undefined }), want: [] },
        { name: "Automatic: still fails an explicit false", props: automaticCluster({ securityProfile: { imageCleaner: { enabled: false } } }),
            want: [`The cluster sets ${I}: false; set it to true.`] },
        { name: "Base: fails without the flag", props: managedCluster({ sku: { name: "Base" }, securityProfile: undefined }), want: [ABSENT] },
        { name: "a SKU name that is not a string is not Automatic", props: managedCluster({ sku: { name: untyped(["Automatic"]) }, securityProfile: undefined }), want: [ABSENT] },
        // classic
        { name: "classic: passes imageCleanerEnabled", type: T.classicCluster, props: classicCluster(), want: [] },
        { name: "classic: fails imageCleanerEnabled: false", type: T.classicCluster, props: classicCluster({ imageCleanerEnabled: false }),
            want: ["The cluster sets imageCleanerEnabled: false; set it to true."] },
        { name: "classic: fails without the flag", type: T.classicCluster, props: classicCluster({ imageCleanerEnabled: undefined }),
            want: ["The cluster does not set imageCleanerEnabled (unused images stay on the nodes); set it to true."] },
        { name: "classic: does not read an azure-native sku", type: T.classicCluster, props: merge(classicCluster({ imageCleanerEnabled: undefined }), { sku: { name: "Automatic" } }),
            want: ["The cluster does not set imageCleanerEnabled (unused images stay on the nodes); set it to true."] },
        { name: "classic: never prints a secret flag", type: T.classicCluster, props: classicCluster({ imageCleanerEnabled: secret("no") }),
            want: ["The cluster sets imageCleanerEnabled: [secret]; set it to true."] },
    ];
    for (const c of cases) {
        it(c.name, () => {
            const out = validate(policy, c.type ?? T.managedCluster, c.props);
            assert.deepEqual(out.violations, c.want);
            assert.equal(out.unknown, undefined);
        });
    }

    const unknowns: { name: string; props: Record<string, unknown>; type?: string; note: string }[] = [
        { name: "the flag", props: cleaner(unknown), note: "string value at .securityProfile.imageCleaner.enabled can't be known during preview" },
        { name: "the SKU of a cluster without the flag", props: managedCluster({ sku: { name: unknown }, securityProfile: undefined }), note: "string value at .sku.name can't be known during preview" },
        { name: "a classic flag", type: T.classicCluster, props: classicCluster({ imageCleanerEnabled: unknown }), note: "string value at .imageCleanerEnabled can't be known during preview" },
    ];
    for (const c of unknowns) {
        it(`reports nothing but the SDK's note when ${c.name} is unknown at preview`, () => {
            const out = validate(policy, c.type ?? T.managedCluster, c.props);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, c.note);
        });
    }
    it("does not read an unknown SKU when the flag is true", () => {
        assert.deepEqual(validate(policy, T.managedCluster, managedCluster({ sku: { name: unknown } })), { violations: [] });
    });

    it("is not applicable to node pools or other resource types", () => {
        assert.equal(validate(policy, T.classicNodePool, {}).notApplicable, "applies to AKS cluster resources only");
        assert.equal(validate(policy, "azure-native:containerregistry:Registry", {}).notApplicable, "applies to AKS cluster resources only");
    });
});
