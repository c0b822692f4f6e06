import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/data-protection/kv-purge-protection-enabled";
import { AZ, classicKeyVault, merge, NATIVE_VAULT_TYPES, vault } from "../fixtures/azure";
import { secret, unknown, validate, violationCases } from "../harness";
import { untyped } from "../fixtures/typed";

const PURGE = "(a deleted vault, key or secret can be purged at once)";
const FIX = "set it to true.";
const SOFT_FIX = "remove it or set it to true: purge protection needs soft delete.";

describe("kv-purge-protection-enabled", () => {
    for (const type of NATIVE_VAULT_TYPES) {
        describe(type, () => {
            it("passes a vault with purge protection", () => {
                assert.deepEqual(validate(policy, type, vault()).violations, []);
            });
            it("fails a vault without purge protection (Azure default: off)", () => {
                assert.deepEqual(validate(policy, type, vault({ properties: { enablePurgeProtection: undefined } })).violations,
                    [`The key vault does not set properties.enablePurgeProtection ${PURGE}; ${FIX}`]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; want: string[] }[] = [
        { name: "passes when enableSoftDelete is absent (Azure default: on)", props: vault({ properties: { enableSoftDelete: undefined } }), want: [] },
        { name: "passes the strings \"true\"", props: vault({ properties: { enablePurgeProtection: untyped("true"), enableSoftDelete: untyped("TRUE") } }), want: [] },
        { name: "fails enablePurgeProtection: false", props: vault({ properties: { enablePurgeProtection: false } }),
            want: [`The key vault sets properties.enablePurgeProtection: false; ${FIX}`] },
        { name: "fails a malformed flag, showing it", props: vault({ properties: { enablePurgeProtection: untyped("enabled") } }),
            want: [`The key vault sets properties.enablePurgeProtection: "enabled"; ${FIX}`] },
        { name: "fails enableSoftDelete: false even with purge protection", props: vault({ properties: { enableSoftDelete: false } }),
            want: [`The key vault sets properties.enableSoftDelete: false; ${SOFT_FIX}`] },
        { name: "fails a malformed soft-delete flag", props: vault({ properties: { enableSoftDelete: untyped(0) } }),
            want: [`The key vault sets properties.enableSoftDelete: 0; ${SOFT_FIX}`] },
        { name: "reports both settings, soft delete first", props: vault({ properties: { enableSoftDelete: untyped("false"), enablePurgeProtection: false } }),
            want: [`The key vault sets properties.enableSoftDelete: "false"; ${SOFT_FIX}`, `The key vault sets properties.enablePurgeProtection: false; ${FIX}`] },
        { name: "fails a vault without properties", props: vault({ properties: undefined }),
            want: [`The key vault does not set properties.enablePurgeProtection ${PURGE}; ${FIX}`] },
        { name: "fails when properties is an array", props: vault({ properties: untyped([{ enablePurgeProtection: true }]) }),
            want: [`The key vault does not set properties.enablePurgeProtection ${PURGE}; ${FIX}`] },
        { name: "does not read top-level or classic spellings on azure-native", props: merge(vault({ properties: { enablePurgeProtection: undefined } }), { enablePurgeProtection: true, purgeProtectionEnabled: true }),
            want: [`The key vault does not set properties.enablePurgeProtection ${PURGE}; ${FIX}`] },
        { name: "never prints a secret flag", props: vault({ properties: { enablePurgeProtection: secret(false), enableSoftDelete: secret("no") } }),
            want: [`The key vault sets properties.enableSoftDelete: [secret]; ${SOFT_FIX}`, `The key vault sets properties.enablePurgeProtection: [secret]; ${FIX}`] },
        { name: "never prints a flag inside secret properties", props: vault({ properties: secret({ tenantId: "t", enablePurgeProtection: "off" }) }),
            want: [`The key vault sets properties.enablePurgeProtection: [secret]; ${FIX}`] },
        // classic
        { name: "classic: passes purgeProtectionEnabled: true", type: AZ.classicKeyVault, props: classicKeyVault(), want: [] },
        { name: "classic: fails purgeProtectionEnabled: false", type: AZ.classicKeyVault, props: classicKeyVault({ purgeProtectionEnabled: false }),
            want: [`The key vault sets purgeProtectionEnabled: false; ${FIX}`] },
        { name: "classic: fails when the flag is absent (default off)", type: AZ.classicKeyVault, props: classicKeyVault({ purgeProtectionEnabled: undefined }),
            want: [`The key vault does not set purgeProtectionEnabled ${PURGE}; ${FIX}`] },
        { name: "classic: fails a malformed flag", type: AZ.classicKeyVault, props: classicKeyVault({ purgeProtectionEnabled: untyped([true]) }),
            want: [`The key vault sets purgeProtectionEnabled: [true]; ${FIX}`] },
        { name: "classic v4: fails softDeleteEnabled: false", type: AZ.classicKeyVault, props: merge(classicKeyVault(), { softDeleteEnabled: false }),
            want: [`The key vault sets softDeleteEnabled: false; ${SOFT_FIX}`] },
        { name: "classic: does not read the azure-native spelling", type: AZ.classicKeyVault,
            props: merge(classicKeyVault({ purgeProtectionEnabled: undefined }), { properties: { enablePurgeProtection: true } }),
            want: [`The key vault does not set purgeProtectionEnabled ${PURGE}; ${FIX}`] },
        { name: "classic: never prints a secret flag", type: AZ.classicKeyVault, props: classicKeyVault({ purgeProtectionEnabled: secret(false) }),
            want: [`The key vault sets purgeProtectionEnabled: [secret]; ${FIX}`] },
    ];
    violationCases(policy, AZ.vault, cases);

    const unknowns: { name: string; props: Record<string, unknown>; type?: string; note: string }[] = [
        { name: "enablePurgeProtection", props: vault({ properties: { enablePurgeProtection: unknown } }), note: "string value at .properties.enablePurgeProtection can't be known during preview" },
        { name: "enableSoftDelete", props: vault({ properties: { enableSoftDelete: unknown } }), note: "string value at .properties.enableSoftDelete can't be known during preview" },
        { name: "the whole properties object", props: vault({ properties: unknown }), note: "string value at .properties can't be known during preview" },
        { name: "classic purgeProtectionEnabled", type: AZ.classicKeyVault, props: classicKeyVault({ purgeProtectionEnabled: unknown }),
            note: "string value at .purgeProtectionEnabled can't be known during preview" },
    ];
    for (const c of unknowns) {
        it(`reports nothing but the SDK's note when ${c.name} is unknown at preview`, () => {
            const out = validate(policy, c.type ?? AZ.vault, c.props);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, c.note);
        });
    }
    it("does not stop on an unknown tenant ID it does not need", () => {
        const out = validate(policy, AZ.vault, vault({ properties: { tenantId: unknown } }));
        assert.deepEqual(out.violations, []);
        assert.equal(out.unknown, undefined);
    });

});
