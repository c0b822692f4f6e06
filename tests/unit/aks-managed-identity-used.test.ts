import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/identity/aks-managed-identity-used";
import { classicCluster, managedCluster, NATIVE_CLUSTER_TYPES, T } from "../fixtures/aks";
import { secret, unknown, validate, violationCases } from "../harness";
import { untyped } from "../fixtures/typed";

const APP = "22222222-2222-2222-2222-222222222222";
const TYPE_FIX = "set it to \"SystemAssigned\" or \"UserAssigned\".";
const REMOVE = "remove servicePrincipalProfile so the cluster uses its managed identity.";
const CLASSIC_REMOVE = "remove the servicePrincipal block and set identity: { type: \"SystemAssigned\" }.";
const NOT_APPLICABLE = "applies to AKS cluster resources only";

describe("aks-managed-identity-used", () => {
    for (const type of NATIVE_CLUSTER_TYPES) {
        describe(type, () => {
            it("passes a system-assigned identity", () => {
                assert.deepEqual(validate(policy, type, managedCluster()).violations, []);
            });
            it("passes when identity and service principal are both absent (Azure default: system-assigned)", () => {
                assert.deepEqual(validate(policy, type, managedCluster({ identity: undefined })).violations, []);
            });
            it("fails identity.type: \"None\"", () => {
                assert.deepEqual(validate(policy, type, managedCluster({ identity: { type: "None" } })).violations,
                    [`The cluster sets identity.type: "None"; ${TYPE_FIX}`]);
            });
            it("fails a service principal", () => {
                assert.deepEqual(validate(policy, type, managedCluster({ identity: undefined, servicePrincipalProfile: { clientId: APP, secret: "hunter2" } })).violations,
                    [`The cluster sets servicePrincipalProfile.clientId: "${APP}"; ${REMOVE}`]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; want: string[] }[] = [
        { name: "passes a user-assigned identity", props: managedCluster({ identity: { type: "UserAssigned", userAssignedIdentities: ["/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/aks"] } }), want: [] },
        { name: "compares the identity type case-insensitively", props: managedCluster({ identity: { type: untyped("systemassigned") } }), want: [] },
        { name: "passes an identity block without a type (Azure default: system-assigned)", props: managedCluster({ identity: {} }), want: [] },
        { name: "treats a null identity as absent", props: managedCluster({ identity: null }), want: [] },
        { name: "fails \"none\" in any case", props: managedCluster({ identity: { type: untyped("none") } }), want: [`The cluster sets identity.type: "none"; ${TYPE_FIX}`] },
        { name: "fails a combined type AKS does not accept", props: managedCluster({ identity: { type: untyped("SystemAssigned, UserAssigned") } }),
            want: [`The cluster sets identity.type: "SystemAssigned, UserAssigned"; ${TYPE_FIX}`] },
        { name: "fails a type that is not a string", props: managedCluster({ identity: { type: untyped(1) } }), want: [`The cluster sets identity.type: 1; ${TYPE_FIX}`] },
        { name: "fails an identity that is not an object", props: managedCluster({ identity: untyped("SystemAssigned") }),
            want: ["The cluster sets identity: \"SystemAssigned\"; set it to { type: \"SystemAssigned\" } or a user-assigned identity."] },
        { name: "fails an identity array", props: managedCluster({ identity: untyped([{ type: "SystemAssigned" }]) }),
            want: ["The cluster sets identity: [{\"type\":\"SystemAssigned\"}]; set it to { type: \"SystemAssigned\" } or a user-assigned identity."] },
        { name: "never prints a secret identity type", props: managedCluster({ identity: { type: secret("None") } }), want: [`The cluster sets identity.type: [secret]; ${TYPE_FIX}`] },
        { name: "passes clientId \"msi\" (the API's spelling of the managed identity)", props: managedCluster({ servicePrincipalProfile: { clientId: "msi" } }), want: [] },
        { name: "passes clientId \"MSI\" in any case", props: managedCluster({ servicePrincipalProfile: { clientId: "MSI" } }), want: [] },
        { name: "passes a servicePrincipalProfile without clientId (nothing names a principal)", props: managedCluster({ servicePrincipalProfile: {} }), want: [] },
        { name: "treats a null servicePrincipalProfile as absent", props: managedCluster({ servicePrincipalProfile: null }), want: [] },
        { name: "fails a service principal even beside a managed identity", props: managedCluster({ servicePrincipalProfile: { clientId: APP } }),
            want: [`The cluster sets servicePrincipalProfile.clientId: "${APP}"; ${REMOVE}`] },
        { name: "reports identity.type \"None\" and the service principal, in order", props: managedCluster({ identity: { type: "None" }, servicePrincipalProfile: { clientId: APP, secret: secret("hunter2") } }),
            want: [`The cluster sets identity.type: "None"; ${TYPE_FIX}`, `The cluster sets servicePrincipalProfile.clientId: "${APP}"; ${REMOVE}`] },
        { name: "fails a clientId that is not a string", props: managedCluster({ servicePrincipalProfile: { clientId: untyped(5) } }),
            want: [`The cluster sets servicePrincipalProfile.clientId: 5; ${REMOVE}`] },
        { name: "never prints a secret clientId", props: managedCluster({ servicePrincipalProfile: { clientId: secret(APP), secret: "hunter2" } }),
            want: [`The cluster sets servicePrincipalProfile.clientId: [secret]; ${REMOVE}`] },
        { name: "never prints a clientId inside a secret profile", props: managedCluster({ servicePrincipalProfile: secret({ clientId: APP, secret: "hunter2" }) }),
            want: [`The cluster sets servicePrincipalProfile.clientId: [secret]; ${REMOVE}`] },
        { name: "does not read the classic servicePrincipal on azure-native", props: { ...managedCluster(), servicePrincipal: { clientId: APP } }, want: [] },
        // classic
        { name: "classic: passes a system-assigned identity", type: T.classicCluster, props: classicCluster(), want: [] },
        { name: "classic: passes a user-assigned identity", type: T.classicCluster,
            props: classicCluster({ identity: { type: "UserAssigned", identityIds: ["/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/aks"] } }), want: [] },
        { name: "classic: fails a servicePrincipal block, naming its clientId and never the secret", type: T.classicCluster,
            props: classicCluster({ identity: undefined, servicePrincipal: { clientId: APP, clientSecret: "hunter2" } }),
            want: [`The cluster sets servicePrincipal.clientId: "${APP}"; ${CLASSIC_REMOVE}`] },
        { name: "classic: fails a servicePrincipal block whose clientId is \"msi\" too (classic has no such spelling)", type: T.classicCluster,
            props: classicCluster({ identity: undefined, servicePrincipal: { clientId: "msi", clientSecret: "hunter2" } }),
            want: [`The cluster sets servicePrincipal.clientId: "msi"; ${CLASSIC_REMOVE}`] },
        { name: "classic: fails a servicePrincipal block without clientId, printing nothing of it", type: T.classicCluster,
            props: classicCluster({ identity: undefined, servicePrincipal: { clientSecret: "hunter2" } }),
            want: [`The cluster sets servicePrincipal; ${CLASSIC_REMOVE}`] },
        { name: "classic: fails a malformed servicePrincipal value, printing nothing of it", type: T.classicCluster,
            props: classicCluster({ servicePrincipal: untyped("hunter2") }),
            want: [`The cluster sets servicePrincipal; ${CLASSIC_REMOVE}`] },
        { name: "classic: never prints a secret clientId", type: T.classicCluster,
            props: classicCluster({ identity: undefined, servicePrincipal: secret({ clientId: APP, clientSecret: "hunter2" }) }),
            want: [`The cluster sets servicePrincipal.clientId: [secret]; ${CLASSIC_REMOVE}`] },
        { name: "classic: fails an identity type that is not managed", type: T.classicCluster, props: classicCluster({ identity: { type: "None" } }),
            want: [`The cluster sets identity.type: "None"; ${TYPE_FIX}`] },
        { name: "classic: does not read the azure-native servicePrincipalProfile", type: T.classicCluster,
            props: { ...classicCluster(), servicePrincipalProfile: { clientId: APP } }, want: [] },
    ];
    violationCases(policy, T.managedCluster, cases);

    const unknowns: { name: string; props: Record<string, unknown>; type?: string; note: string }[] = [
        { name: "the identity type", props: managedCluster({ identity: { type: unknown } }), note: "string value at .identity.type can't be known during preview" },
        { name: "the service principal's clientId", props: managedCluster({ servicePrincipalProfile: { clientId: unknown, secret: "hunter2" } }),
            note: "string value at .servicePrincipalProfile.clientId can't be known during preview" },
        { name: "the classic servicePrincipal block", type: T.classicCluster, props: classicCluster({ servicePrincipal: unknown }),
            note: "string value at .servicePrincipal can't be known during preview" },
    ];
    for (const c of unknowns) {
        it(`reports nothing but the SDK's note when ${c.name} is unknown at preview`, () => {
            const out = validate(policy, c.type ?? T.managedCluster, c.props);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, c.note);
        });
    }

    it("is not applicable to node pools", () => {
        assert.equal(validate(policy, T.agentPool, {}).notApplicable, NOT_APPLICABLE);
        assert.equal(validate(policy, T.classicNodePool, {}).notApplicable, NOT_APPLICABLE);
    });
});
