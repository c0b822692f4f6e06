import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/data-protection/kv-rbac-authorization-enabled";
import { AZ, classicKeyVault, merge, NATIVE_VAULT_TYPES, vault } from "../fixtures/azure";
import { secret, unknown, validate, violationCases } from "../harness";
import { untyped } from "../fixtures/typed";

const WHY = "(vault access policies authorize data-plane access)";
const FIX = "set it to true.";

describe("kv-rbac-authorization-enabled", () => {
    for (const type of NATIVE_VAULT_TYPES) {
        describe(type, () => {
            it("passes a vault with RBAC authorization", () => {
                assert.deepEqual(validate(policy, type, vault()).violations, []);
            });
            it("fails enableRbacAuthorization: false", () => {
                assert.deepEqual(validate(policy, type, vault({ properties: { enableRbacAuthorization: false } })).violations,
                    [`The key vault sets properties.enableRbacAuthorization: false; ${FIX}`]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; want: string[] }[] = [
        { name: "fails when the flag is absent (Azure default: access policies)", props: vault({ properties: { enableRbacAuthorization: undefined } }),
            want: [`The key vault does not set properties.enableRbacAuthorization ${WHY}; ${FIX}`] },
        { name: "passes the string \"true\"", props: vault({ properties: { enableRbacAuthorization: untyped("True") } }), want: [] },
        { name: "fails a malformed flag, showing it", props: vault({ properties: { enableRbacAuthorization: untyped("rbac") } }),
            want: [`The key vault sets properties.enableRbacAuthorization: "rbac"; ${FIX}`] },
        { name: "fails an object where a boolean is expected", props: vault({ properties: { enableRbacAuthorization: untyped({ enabled: true }) } }),
            want: [`The key vault sets properties.enableRbacAuthorization: {"enabled":true}; ${FIX}`] },
        { name: "fails a vault without properties", props: vault({ properties: undefined }),
            want: [`The key vault does not set properties.enableRbacAuthorization ${WHY}; ${FIX}`] },
        { name: "does not read a top-level flag on azure-native", props: merge(vault({ properties: { enableRbacAuthorization: undefined } }), { enableRbacAuthorization: true }),
            want: [`The key vault does not set properties.enableRbacAuthorization ${WHY}; ${FIX}`] },
        { name: "never prints a secret flag", props: vault({ properties: { enableRbacAuthorization: secret(false) } }),
            want: [`The key vault sets properties.enableRbacAuthorization: [secret]; ${FIX}`] },
        // classic
        { name: "classic v6: passes rbacAuthorizationEnabled: true", type: AZ.classicKeyVault, props: classicKeyVault(), want: [] },
        { name: "classic v6: fails rbacAuthorizationEnabled: false", type: AZ.classicKeyVault, props: classicKeyVault({ rbacAuthorizationEnabled: false }),
            want: [`The key vault sets rbacAuthorizationEnabled: false; ${FIX}`] },
        { name: "classic: fails without either spelling, naming the v6 one", type: AZ.classicKeyVault, props: classicKeyVault({ rbacAuthorizationEnabled: undefined }),
            want: [`The key vault does not set rbacAuthorizationEnabled ${WHY}; ${FIX}`] },
        { name: "classic v5/deprecated: passes enableRbacAuthorization: true", type: AZ.classicKeyVault,
            props: classicKeyVault({ rbacAuthorizationEnabled: undefined, enableRbacAuthorization: true }), want: [] },
        { name: "classic v5/deprecated: fails enableRbacAuthorization: false", type: AZ.classicKeyVault,
            props: classicKeyVault({ rbacAuthorizationEnabled: undefined, enableRbacAuthorization: false }),
            want: [`The key vault sets enableRbacAuthorization: false; ${FIX}`] },
        { name: "classic: fails a malformed flag", type: AZ.classicKeyVault, props: classicKeyVault({ rbacAuthorizationEnabled: untyped("yes") }),
            want: [`The key vault sets rbacAuthorizationEnabled: "yes"; ${FIX}`] },
        { name: "classic: does not read the azure-native path", type: AZ.classicKeyVault,
            props: merge(classicKeyVault({ rbacAuthorizationEnabled: undefined }), { properties: { enableRbacAuthorization: true } }),
            want: [`The key vault does not set rbacAuthorizationEnabled ${WHY}; ${FIX}`] },
        { name: "classic: never prints a secret flag", type: AZ.classicKeyVault, props: classicKeyVault({ rbacAuthorizationEnabled: secret("no") }),
            want: [`The key vault sets rbacAuthorizationEnabled: [secret]; ${FIX}`] },
    ];
    violationCases(policy, AZ.vault, cases);

    const unknowns: { name: string; props: Record<string, unknown>; type?: string; note: string }[] = [
        { name: "enableRbacAuthorization", props: vault({ properties: { enableRbacAuthorization: unknown } }), note: "string value at .properties.enableRbacAuthorization can't be known during preview" },
        { name: "classic rbacAuthorizationEnabled", type: AZ.classicKeyVault, props: classicKeyVault({ rbacAuthorizationEnabled: unknown }),
            note: "string value at .rbacAuthorizationEnabled can't be known during preview" },
    ];
    for (const c of unknowns) {
        it(`reports nothing but the SDK's note when ${c.name} is unknown at preview`, () => {
            const out = validate(policy, c.type ?? AZ.vault, c.props);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, c.note);
        });
    }

});
