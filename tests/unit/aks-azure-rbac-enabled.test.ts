import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/identity/aks-azure-rbac-enabled";
import { classicCluster, managedCluster, merge, NATIVE_CLUSTER_TYPES, T } from "../fixtures/aks";
import { automaticCluster } from "../fixtures/aks-extra";
import { secret, unknown, validate, violationCases } from "../harness";
import { untyped } from "../fixtures/typed";

const WHY = "(Entra users are authorized by Kubernetes role bindings only, not by Azure role assignments)";
const ABSENT = `The cluster does not set aadProfile.enableAzureRBAC ${WHY}; set it to true.`;
const CLASSIC_ABSENT = `The cluster does not set azureActiveDirectoryRoleBasedAccessControl.azureRbacEnabled ${WHY}; set it to true.`;
const NOT_APPLICABLE = "applies to AKS cluster resources only";

describe("aks-azure-rbac-enabled", () => {
    for (const type of NATIVE_CLUSTER_TYPES) {
        describe(type, () => {
            it("passes aadProfile.enableAzureRBAC: true", () => {
                assert.deepEqual(validate(policy, type, managedCluster()).violations, []);
            });
            it("fails enableAzureRBAC: false", () => {
                assert.deepEqual(validate(policy, type, managedCluster({ aadProfile: { enableAzureRBAC: false } })).violations,
                    ["The cluster sets aadProfile.enableAzureRBAC: false; set it to true."]);
            });
            it("fails when enableAzureRBAC is absent (Azure default: off)", () => {
                assert.deepEqual(validate(policy, type, managedCluster({ aadProfile: { enableAzureRBAC: undefined } })).violations, [ABSENT]);
            });
            it("passes an AKS Automatic cluster that leaves it to the preconfigured default", () => {
                assert.deepEqual(validate(policy, type, automaticCluster()).violations, []);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; want: string[] }[] = [
        { name: "fails when aadProfile is absent", props: managedCluster({ aadProfile: undefined }), want: [ABSENT] },
        { name: "fails when aadProfile is not an object", props: managedCluster({ aadProfile: untyped([{ enableAzureRBAC: true }]) }), want: [ABSENT] },
        { name: "accepts the string \"true\"", props: managedCluster({ aadProfile: { enableAzureRBAC: untyped("true") } }), want: [] },
        { name: "fails the string \"false\"", props: managedCluster({ aadProfile: { enableAzureRBAC: untyped("false") } }),
            want: ["The cluster sets aadProfile.enableAzureRBAC: \"false\"; set it to true."] },
        { name: "fails a malformed flag, showing it", props: managedCluster({ aadProfile: { enableAzureRBAC: untyped("enabled") } }),
            want: ["The cluster sets aadProfile.enableAzureRBAC: \"enabled\"; set it to true."] },
        { name: "fails an object where a boolean is expected", props: managedCluster({ aadProfile: { enableAzureRBAC: untyped({}) } }),
            want: ["The cluster sets aadProfile.enableAzureRBAC: {}; set it to true."] },
        { name: "never prints a secret flag", props: managedCluster({ aadProfile: { enableAzureRBAC: secret("hunter2") } }),
            want: ["The cluster sets aadProfile.enableAzureRBAC: [secret]; set it to true."] },
        { name: "does not read the classic spelling on azure-native", props: managedCluster({ aadProfile: untyped({ enableAzureRBAC: undefined, azureRbacEnabled: true }) }), want: [ABSENT] },
        // AKS Automatic
        { name: "Automatic: passes with aadProfile present but the flag omitted", props: automaticCluster({ aadProfile: { managed: true } }), want: [] },
        { name: "Automatic: recognizes the SKU name in any case", props: automaticCluster({ sku: { name: "automatic" } }), want: [] },
        { name: "Automatic: fails an explicit false, which contradicts the preconfigured setting", props: automaticCluster({ aadProfile: { managed: true, enableAzureRBAC: false } }),
            want: ["The cluster sets aadProfile.enableAzureRBAC: false; set it to true."] },
        { name: "Automatic: fails a malformed flag", props: automaticCluster({ aadProfile: { enableAzureRBAC: untyped("yes") } }),
            want: ["The cluster sets aadProfile.enableAzureRBAC: \"yes\"; set it to true."] },
        { name: "Base SKU: fails when the flag is omitted", props: automaticCluster({ sku: { name: "Base" } }), want: [ABSENT] },
        { name: "a SKU name that is not a string is not Automatic", props: automaticCluster({ sku: { name: untyped(["Automatic"]) } }), want: [ABSENT] },
        { name: "a sku that is not an object is not Automatic", props: automaticCluster({ sku: untyped("Automatic") }), want: [ABSENT] },
        { name: "Automatic: passes a secret SKU name without printing it", props: automaticCluster({ sku: { name: secret("Automatic") } }), want: [] },
        // classic
        { name: "classic: passes azureRbacEnabled: true", type: T.classicCluster, props: classicCluster(), want: [] },
        { name: "classic: fails azureRbacEnabled: false", type: T.classicCluster,
            props: classicCluster({ azureActiveDirectoryRoleBasedAccessControl: { azureRbacEnabled: false } }),
            want: ["The cluster sets azureActiveDirectoryRoleBasedAccessControl.azureRbacEnabled: false; set it to true."] },
        { name: "classic: fails when the flag is absent", type: T.classicCluster,
            props: classicCluster({ azureActiveDirectoryRoleBasedAccessControl: { azureRbacEnabled: undefined } }), want: [CLASSIC_ABSENT] },
        { name: "classic: fails when the Entra block is absent", type: T.classicCluster,
            props: classicCluster({ azureActiveDirectoryRoleBasedAccessControl: undefined }), want: [CLASSIC_ABSENT] },
        { name: "classic: has no Automatic SKU on this token (sku ignored)", type: T.classicCluster,
            props: merge(classicCluster({ azureActiveDirectoryRoleBasedAccessControl: undefined }), { sku: { name: "Automatic" } }), want: [CLASSIC_ABSENT] },
        { name: "classic: does not read the azure-native spelling", type: T.classicCluster,
            props: merge(classicCluster({ azureActiveDirectoryRoleBasedAccessControl: { azureRbacEnabled: undefined } }), { aadProfile: { enableAzureRBAC: true } }),
            want: [CLASSIC_ABSENT] },
    ];
    violationCases(policy, T.managedCluster, cases);

    const unknowns: { name: string; props: Record<string, unknown>; type?: string; note: string }[] = [
        { name: "the flag", props: managedCluster({ aadProfile: { enableAzureRBAC: unknown } }),
            note: "string value at .aadProfile.enableAzureRBAC can't be known during preview" },
        { name: "the whole aadProfile", props: managedCluster({ aadProfile: unknown }),
            note: "string value at .aadProfile can't be known during preview" },
        { name: "the SKU name of a cluster that omits the flag", props: automaticCluster({ sku: { name: unknown } }),
            note: "string value at .sku.name can't be known during preview" },
        { name: "the classic flag", type: T.classicCluster, props: classicCluster({ azureActiveDirectoryRoleBasedAccessControl: { azureRbacEnabled: unknown } }),
            note: "string value at .azureActiveDirectoryRoleBasedAccessControl.azureRbacEnabled can't be known during preview" },
    ];
    for (const c of unknowns) {
        it(`reports nothing but the SDK's note when ${c.name} is unknown at preview`, () => {
            const out = validate(policy, c.type ?? T.managedCluster, c.props);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, c.note);
        });
    }

    it("does not read the SKU when the flag is true", () => {
        const out = validate(policy, T.managedCluster, managedCluster({ sku: { name: unknown } }));
        assert.deepEqual(out.violations, []);
        assert.equal(out.unknown, undefined);
    });
    it("is not applicable to node pools", () => {
        assert.equal(validate(policy, T.agentPool, {}).notApplicable, NOT_APPLICABLE);
        assert.equal(validate(policy, T.classicNodePool, {}).notApplicable, NOT_APPLICABLE);
    });
});
