import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/identity/aks-entra-id-enabled";
import { classicCluster, managedCluster, merge, NATIVE_CLUSTER_TYPES, T } from "../fixtures/aks";
import { secret, unknown, validate, violationCases } from "../harness";
import { untyped } from "../fixtures/typed";

const NO_AAD = "The cluster does not set aadProfile (only local client-certificate accounts can sign in); set aadProfile: { managed: true } with the admin group object IDs.";
const NOT_MANAGED = "The cluster sets aadProfile.managed: false; set it to true.";
const NO_MANAGED = "The cluster does not set aadProfile.managed (the legacy AAD integration); set it to true.";
const NO_BLOCK = "The cluster does not set azureActiveDirectoryRoleBasedAccessControl (only local client-certificate accounts can sign in); add the azureActiveDirectoryRoleBasedAccessControl block with azureRbacEnabled and adminGroupObjectIds.";
const RETIRED = "remove it: the legacy AAD client/server app integration is retired; managed Entra ID needs no app.";

/** A classic cluster whose Entra block carries classic v5 fields (absent from the v6 input type). */
function classicV5(block: Record<string, unknown>) {
    return merge(classicCluster(), { azureActiveDirectoryRoleBasedAccessControl: block });
}

describe("aks-entra-id-enabled", () => {
    for (const type of NATIVE_CLUSTER_TYPES) {
        describe(type, () => {
            it("passes managed Entra ID", () => {
                assert.deepEqual(validate(policy, type, managedCluster()).violations, []);
            });
            it("fails when aadProfile is absent (local accounts only)", () => {
                assert.deepEqual(validate(policy, type, managedCluster({ aadProfile: undefined })).violations, [NO_AAD]);
            });
            it("fails managed: false", () => {
                assert.deepEqual(validate(policy, type, managedCluster({ aadProfile: { managed: false } })).violations, [NOT_MANAGED]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; want: string[] }[] = [
        { name: "fails when aadProfile.managed is absent (legacy integration)", props: managedCluster({ aadProfile: { managed: undefined } }), want: [NO_MANAGED] },
        { name: "fails an empty aadProfile", props: managedCluster({ aadProfile: { managed: undefined, enableAzureRBAC: undefined, adminGroupObjectIDs: undefined } }), want: [NO_MANAGED] },
        { name: "treats aadProfile: null as absent", props: managedCluster({ aadProfile: null }), want: [NO_AAD] },
        // AKS Automatic preconfigures managed Entra ID with Azure RBAC
        { name: "passes AKS Automatic without aadProfile", props: managedCluster({ sku: { name: "Automatic", tier: "Standard" }, aadProfile: undefined }), want: [] },
        { name: "passes AKS Automatic given as \"automatic\"", props: managedCluster({ sku: { name: "automatic" }, aadProfile: null }), want: [] },
        { name: "fails AKS Automatic that sets the legacy integration", props: managedCluster({ sku: { name: "Automatic" }, aadProfile: { managed: false } }),
            want: ["The cluster sets aadProfile.managed: false; set it to true."] },
        { name: "fails the Base SKU without aadProfile", props: managedCluster({ sku: { name: "Base" }, aadProfile: undefined }), want: [NO_AAD] },
        { name: "accepts the string \"true\" as the platform does", props: managedCluster({ aadProfile: { managed: untyped("true") } }), want: [] },
        { name: "accepts \"TRUE\" in any case", props: managedCluster({ aadProfile: { managed: untyped("TRUE") } }), want: [] },
        { name: "fails the string \"false\"", props: managedCluster({ aadProfile: { managed: untyped("false") } }),
            want: ["The cluster sets aadProfile.managed: \"false\"; set it to true."] },
        { name: "fails a malformed flag, showing it", props: managedCluster({ aadProfile: { managed: untyped("yes") } }),
            want: ["The cluster sets aadProfile.managed: \"yes\"; set it to true."] },
        { name: "fails an object where a boolean is expected", props: managedCluster({ aadProfile: { managed: { value: true } } }),
            want: ["The cluster sets aadProfile.managed: {\"value\":true}; set it to true."] },
        { name: "fails an array where the aadProfile object is expected", props: managedCluster({ aadProfile: untyped([{ managed: true }]) }),
            want: ["The cluster sets aadProfile: [{\"managed\":true}]; set aadProfile: { managed: true } with the admin group object IDs."] },
        { name: "fails a string where the aadProfile object is expected", props: managedCluster({ aadProfile: untyped("managed") }),
            want: ["The cluster sets aadProfile: \"managed\"; set aadProfile: { managed: true } with the admin group object IDs."] },
        { name: "fails each legacy app field of a managed profile", props: managedCluster({ aadProfile: { clientAppID: "11111111-1111-1111-1111-111111111111", serverAppID: "22222222-2222-2222-2222-222222222222" } }),
            want: [
                `The cluster sets aadProfile.clientAppID: "11111111-1111-1111-1111-111111111111"; ${RETIRED}`,
                `The cluster sets aadProfile.serverAppID: "22222222-2222-2222-2222-222222222222"; ${RETIRED}`,
            ] },
        { name: "fails a legacy profile: managed first, then every app field", props: managedCluster({ aadProfile: { managed: undefined, clientAppID: "c", serverAppID: "s", serverAppSecret: secret("hunter2") } }),
            want: [
                NO_MANAGED,
                `The cluster sets aadProfile.clientAppID: "c"; ${RETIRED}`,
                `The cluster sets aadProfile.serverAppID: "s"; ${RETIRED}`,
                `The cluster sets aadProfile.serverAppSecret: [secret]; ${RETIRED}`,
            ] },
        { name: "ignores legacy fields set to null", props: managedCluster({ aadProfile: { clientAppID: null, serverAppID: null, serverAppSecret: null } }), want: [] },
        { name: "never prints a secret flag", props: managedCluster({ aadProfile: { managed: secret("hunter2") } }),
            want: ["The cluster sets aadProfile.managed: [secret]; set it to true."] },
        { name: "never prints a value inside a secret profile", props: managedCluster({ aadProfile: secret({ managed: "hunter2" }) }),
            want: ["The cluster sets aadProfile.managed: [secret]; set it to true."] },
        { name: "never prints a secret non-object profile", props: managedCluster({ aadProfile: secret("hunter2") }),
            want: ["The cluster sets aadProfile: [secret]; set aadProfile: { managed: true } with the admin group object IDs."] },
        { name: "passes a secret profile that is managed", props: managedCluster({ aadProfile: secret({ managed: true }) }), want: [] },

        { name: "classic: passes the azureActiveDirectoryRoleBasedAccessControl block", type: T.classicCluster, props: classicCluster(), want: [] },
        { name: "classic: fails when the block is absent", type: T.classicCluster, props: classicCluster({ azureActiveDirectoryRoleBasedAccessControl: undefined }), want: [NO_BLOCK] },
        { name: "classic v6: an empty block is managed (v6 has no flag)", type: T.classicCluster,
            props: classicCluster({ azureActiveDirectoryRoleBasedAccessControl: { azureRbacEnabled: undefined, adminGroupObjectIds: undefined } }), want: [] },
        { name: "classic: fails an array where the block is expected", type: T.classicCluster, props: classicCluster({ azureActiveDirectoryRoleBasedAccessControl: untyped([]) }),
            want: ["The cluster sets azureActiveDirectoryRoleBasedAccessControl: []; add the azureActiveDirectoryRoleBasedAccessControl block with azureRbacEnabled and adminGroupObjectIds."] },
        { name: "classic: does not read the azure-native aadProfile", type: T.classicCluster,
            props: merge(classicCluster({ azureActiveDirectoryRoleBasedAccessControl: undefined }), { aadProfile: { managed: true } }), want: [NO_BLOCK] },
        { name: "classic v5: passes managed: true", type: T.classicCluster, props: classicV5({ managed: true }), want: [] },
        { name: "classic v5: fails managed: false", type: T.classicCluster, props: classicV5({ managed: false }),
            want: ["The cluster sets azureActiveDirectoryRoleBasedAccessControl.managed: false; set it to true."] },
        { name: "classic v5: fails a malformed managed flag", type: T.classicCluster, props: classicV5({ managed: "yes" }),
            want: ["The cluster sets azureActiveDirectoryRoleBasedAccessControl.managed: \"yes\"; set it to true."] },
        { name: "classic v5: fails each legacy app field, never printing the secret", type: T.classicCluster,
            props: classicV5({ clientAppId: "c", serverAppId: "s", serverAppSecret: secret("hunter2") }),
            want: [
                `The cluster sets azureActiveDirectoryRoleBasedAccessControl.clientAppId: "c"; ${RETIRED}`,
                `The cluster sets azureActiveDirectoryRoleBasedAccessControl.serverAppId: "s"; ${RETIRED}`,
                `The cluster sets azureActiveDirectoryRoleBasedAccessControl.serverAppSecret: [secret]; ${RETIRED}`,
            ] },
    ];
    violationCases(policy, T.managedCluster, cases);

    const unknowns: { name: string; props: Record<string, unknown>; type?: string; note: string }[] = [
        { name: "the managed flag", props: managedCluster({ aadProfile: { managed: unknown } }),
            note: "string value at .aadProfile.managed can't be known during preview" },
        { name: "the whole aadProfile", props: managedCluster({ aadProfile: unknown }),
            note: "string value at .aadProfile can't be known during preview" },
        { name: "a legacy app field", props: managedCluster({ aadProfile: { serverAppSecret: unknown } }),
            note: "string value at .aadProfile.serverAppSecret can't be known during preview" },
        { name: "the classic block", type: T.classicCluster, props: classicCluster({ azureActiveDirectoryRoleBasedAccessControl: unknown }),
            note: "string value at .azureActiveDirectoryRoleBasedAccessControl can't be known during preview" },
    ];
    for (const c of unknowns) {
        it(`reports nothing but the SDK's note when ${c.name} is unknown at preview`, () => {
            const out = validate(policy, c.type ?? T.managedCluster, c.props);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, c.note);
        });
    }

    it("is not applicable to node pools", () => {
        assert.equal(validate(policy, T.agentPool, {}).notApplicable, "applies to AKS cluster resources only");
        assert.equal(validate(policy, T.classicNodePool, {}).notApplicable, "applies to AKS cluster resources only");
    });
});
