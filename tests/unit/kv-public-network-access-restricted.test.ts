import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/data-protection/kv-public-network-access-restricted";
import { AZ, classicKeyVault, merge, NATIVE_VAULT_TYPES, vault } from "../fixtures/azure";
import { secret, unknown, validate, violationCases } from "../harness";
import { untyped } from "../fixtures/typed";

const FIX = "set properties.publicNetworkAccess to \"disabled\" and use a private endpoint, or set properties.networkAcls.defaultAction to \"Deny\".";
const CFIX = "set publicNetworkAccessEnabled to false and use a private endpoint, or set networkAcls.defaultAction to \"Deny\".";
const OPEN = "(the vault accepts connections from any network)";

/** A public azure-native vault with these network ACLs (`undefined`: none). */
function pub(networkAcls: unknown) {
    return vault({ properties: { publicNetworkAccess: "enabled", networkAcls: untyped(networkAcls) } });
}

describe("kv-public-network-access-restricted", () => {
    for (const type of NATIVE_VAULT_TYPES) {
        describe(type, () => {
            it("passes a vault with public network access disabled", () => {
                assert.deepEqual(validate(policy, type, vault()).violations, []);
            });
            it("passes a public vault whose ACLs deny by default", () => {
                assert.deepEqual(validate(policy, type, pub({ defaultAction: "Deny", bypass: "AzureServices", ipRules: [{ value: "203.0.113.0/24" }] })).violations, []);
            });
            it("fails a public vault without network ACLs", () => {
                assert.deepEqual(validate(policy, type, pub(undefined)).violations, [`The key vault sets properties.publicNetworkAccess: "enabled"; ${FIX}`]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; want: string[] }[] = [
        { name: "compares publicNetworkAccess case-insensitively (a free string)", props: vault({ properties: { publicNetworkAccess: "Disabled" } }), want: [] },
        { name: "compares defaultAction case-insensitively", props: pub({ defaultAction: "deny" }), want: [] },
        { name: "fails when publicNetworkAccess is absent (Azure default: enabled)", props: vault({ properties: { publicNetworkAccess: undefined } }),
            want: [`The key vault does not set properties.publicNetworkAccess ${OPEN}; ${FIX}`] },
        { name: "fails a vault without properties", props: vault({ properties: undefined }),
            want: [`The key vault does not set properties.publicNetworkAccess ${OPEN}; ${FIX}`] },
        { name: "names both settings when the ACLs allow by default", props: pub({ defaultAction: "Allow" }),
            want: [`The key vault sets properties.publicNetworkAccess: "enabled" and sets properties.networkAcls.defaultAction: "Allow"; ${FIX}`] },
        { name: "names both settings when only the ACLs are set", props: vault({ properties: { publicNetworkAccess: undefined, networkAcls: { defaultAction: "Allow" } } }),
            want: [`The key vault does not set properties.publicNetworkAccess ${OPEN} and sets properties.networkAcls.defaultAction: "Allow"; ${FIX}`] },
        { name: "treats ACLs without defaultAction as Allow", props: pub({ bypass: "AzureServices" }),
            want: [`The key vault sets properties.publicNetworkAccess: "enabled"; ${FIX}`] },
        { name: "fails malformed ACLs (an array)", props: pub([{ defaultAction: "Deny" }]),
            want: [`The key vault sets properties.publicNetworkAccess: "enabled"; ${FIX}`] },
        { name: "fails a boolean where the string is expected", props: vault({ properties: { publicNetworkAccess: untyped(false) } }),
            want: [`The key vault sets properties.publicNetworkAccess: false; ${FIX}`] },
        { name: "does not read top-level or classic spellings on azure-native", props: merge(pub(undefined), { publicNetworkAccessEnabled: false, networkAcls: { defaultAction: "Deny" } }),
            want: [`The key vault sets properties.publicNetworkAccess: "enabled"; ${FIX}`] },
        { name: "never prints a secret value", props: vault({ properties: { publicNetworkAccess: secret("enabled"), networkAcls: { defaultAction: secret("Allow") } } }),
            want: [`The key vault sets properties.publicNetworkAccess: [secret] and sets properties.networkAcls.defaultAction: [secret]; ${FIX}`] },
        { name: "passes a secret \"disabled\"", props: vault({ properties: { publicNetworkAccess: secret("disabled") } }), want: [] },
        // classic
        { name: "classic: passes publicNetworkAccessEnabled: false", type: AZ.classicKeyVault, props: classicKeyVault(), want: [] },
        { name: "classic: passes a public vault whose ACLs deny by default", type: AZ.classicKeyVault,
            props: classicKeyVault({ publicNetworkAccessEnabled: true, networkAcls: { defaultAction: "Deny", bypass: "AzureServices" } }), want: [] },
        { name: "classic: fails publicNetworkAccessEnabled: true", type: AZ.classicKeyVault, props: classicKeyVault({ publicNetworkAccessEnabled: true }),
            want: [`The key vault sets publicNetworkAccessEnabled: true; ${CFIX}`] },
        { name: "classic: fails when the flag is absent (default true)", type: AZ.classicKeyVault, props: classicKeyVault({ publicNetworkAccessEnabled: undefined }),
            want: [`The key vault does not set publicNetworkAccessEnabled ${OPEN}; ${CFIX}`] },
        { name: "classic: names both settings when the ACLs allow by default", type: AZ.classicKeyVault,
            props: classicKeyVault({ publicNetworkAccessEnabled: true, networkAcls: { defaultAction: "Allow", bypass: "None" } }),
            want: [`The key vault sets publicNetworkAccessEnabled: true and sets networkAcls.defaultAction: "Allow"; ${CFIX}`] },
        { name: "classic: fails a malformed flag", type: AZ.classicKeyVault, props: classicKeyVault({ publicNetworkAccessEnabled: untyped("disabled") }),
            want: [`The key vault sets publicNetworkAccessEnabled: "disabled"; ${CFIX}`] },
        { name: "classic: never prints a secret flag", type: AZ.classicKeyVault, props: classicKeyVault({ publicNetworkAccessEnabled: secret(true) }),
            want: [`The key vault sets publicNetworkAccessEnabled: [secret]; ${CFIX}`] },
    ];
    violationCases(policy, AZ.vault, cases);

    const unknowns: { name: string; props: Record<string, unknown>; type?: string; note: string }[] = [
        { name: "publicNetworkAccess", props: vault({ properties: { publicNetworkAccess: unknown } }), note: "string value at .properties.publicNetworkAccess can't be known during preview" },
        { name: "networkAcls.defaultAction", props: pub({ defaultAction: unknown }), note: "string value at .properties.networkAcls.defaultAction can't be known during preview" },
        { name: "classic publicNetworkAccessEnabled", type: AZ.classicKeyVault, props: classicKeyVault({ publicNetworkAccessEnabled: unknown }),
            note: "string value at .publicNetworkAccessEnabled can't be known during preview" },
    ];
    for (const c of unknowns) {
        it(`reports nothing but the SDK's note when ${c.name} is unknown at preview`, () => {
            const out = validate(policy, c.type ?? AZ.vault, c.props);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, c.note);
        });
    }
    it("does not read the ACLs of a vault with public access disabled", () => {
        const out = validate(policy, AZ.vault, vault({ properties: { networkAcls: unknown } }));
        assert.deepEqual(out.violations, []);
        assert.equal(out.unknown, undefined);
    });

});
