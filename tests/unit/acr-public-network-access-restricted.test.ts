import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/images/acr-public-network-access-restricted";
import { AZ, classicRegistry, merge, NATIVE_REGISTRY_TYPES, registry } from "../fixtures/azure";
import { secret, unknown, validate, violationCases } from "../harness";
import { untyped } from "../fixtures/typed";

const FIX = "set publicNetworkAccess to \"Disabled\" and use a private endpoint, or set networkRuleSet.defaultAction to \"Deny\" (Premium SKU).";
const CFIX = "set publicNetworkAccessEnabled to false and use a private endpoint, or set networkRuleSet.defaultAction to \"Deny\" (Premium SKU).";
const OPEN = "(public network access stays enabled)";

/** A public azure-native registry with this network rule set (`undefined`: none). */
function pub(networkRuleSet: unknown, publicNetworkAccess: unknown = "Enabled") {
    return registry({ publicNetworkAccess: untyped(publicNetworkAccess), networkRuleSet: untyped(networkRuleSet) });
}

describe("acr-public-network-access-restricted", () => {
    for (const type of NATIVE_REGISTRY_TYPES) {
        describe(type, () => {
            it("passes a registry with public network access disabled", () => {
                assert.deepEqual(validate(policy, type, registry()).violations, []);
            });
            it("passes a public registry whose network rules deny by default", () => {
                assert.deepEqual(validate(policy, type, pub({ defaultAction: "Deny", ipRules: [{ iPAddressOrRange: "203.0.113.0/24" }] })).violations, []);
            });
            it("fails a public registry without network rules", () => {
                assert.deepEqual(validate(policy, type, pub(undefined)).violations, [`The registry sets publicNetworkAccess: "Enabled"; ${FIX}`]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; want: string[] }[] = [
        { name: "compares publicNetworkAccess case-insensitively", props: registry({ publicNetworkAccess: "disabled" }), want: [] },
        { name: "compares upper-case DISABLED too", props: registry({ publicNetworkAccess: "DISABLED" }), want: [] },
        { name: "compares defaultAction case-insensitively", props: pub({ defaultAction: "deny" }), want: [] },
        { name: "fails when publicNetworkAccess is absent (Azure default: Enabled)", props: registry({ publicNetworkAccess: undefined }),
            want: [`The registry does not set publicNetworkAccess ${OPEN}; ${FIX}`] },
        { name: "fails a null publicNetworkAccess as absent", props: registry({ publicNetworkAccess: null }),
            want: [`The registry does not set publicNetworkAccess ${OPEN}; ${FIX}`] },
        { name: "names both settings when the rules allow by default", props: pub({ defaultAction: "Allow" }),
            want: [`The registry sets publicNetworkAccess: "Enabled" and sets networkRuleSet.defaultAction: "Allow"; ${FIX}`] },
        { name: "names both settings when only the rules are set", props: registry({ publicNetworkAccess: undefined, networkRuleSet: { defaultAction: "Allow" } }),
            want: [`The registry does not set publicNetworkAccess ${OPEN} and sets networkRuleSet.defaultAction: "Allow"; ${FIX}`] },
        { name: "treats a rule set without defaultAction as Allow", props: pub({ ipRules: [] }),
            want: [`The registry sets publicNetworkAccess: "Enabled"; ${FIX}`] },
        { name: "fails a malformed networkRuleSet (an array)", props: pub([{ defaultAction: "Deny" }]),
            want: [`The registry sets publicNetworkAccess: "Enabled"; ${FIX}`] },
        { name: "fails a malformed defaultAction, showing it", props: pub({ defaultAction: ["Deny"] }),
            want: [`The registry sets publicNetworkAccess: "Enabled" and sets networkRuleSet.defaultAction: ["Deny"]; ${FIX}`] },
        { name: "fails a boolean where the enum is expected", props: registry({ publicNetworkAccess: untyped(false) }),
            want: [`The registry sets publicNetworkAccess: false; ${FIX}`] },
        { name: "fails a value that is not an allowed one", props: registry({ publicNetworkAccess: "Private" }),
            want: [`The registry sets publicNetworkAccess: "Private"; ${FIX}`] },
        { name: "does not read the classic spelling on azure-native", props: merge(registry({ publicNetworkAccess: "Enabled" }), { publicNetworkAccessEnabled: false }),
            want: [`The registry sets publicNetworkAccess: "Enabled"; ${FIX}`] },
        { name: "never prints a secret value", props: pub({ defaultAction: secret("Allow") }, secret("Enabled")),
            want: [`The registry sets publicNetworkAccess: [secret] and sets networkRuleSet.defaultAction: [secret]; ${FIX}`] },
        { name: "passes a secret Disabled", props: registry({ publicNetworkAccess: secret("Disabled") }), want: [] },
        // classic
        { name: "classic: passes publicNetworkAccessEnabled: false", type: AZ.classicRegistry, props: classicRegistry(), want: [] },
        { name: "classic: passes the string \"false\"", type: AZ.classicRegistry, props: classicRegistry({ publicNetworkAccessEnabled: untyped("false") }), want: [] },
        { name: "classic: passes a public registry whose network rules deny by default", type: AZ.classicRegistry,
            props: classicRegistry({ publicNetworkAccessEnabled: true, networkRuleSet: { defaultAction: "Deny" } }), want: [] },
        { name: "classic: fails publicNetworkAccessEnabled: true", type: AZ.classicRegistry, props: classicRegistry({ publicNetworkAccessEnabled: true }),
            want: [`The registry sets publicNetworkAccessEnabled: true; ${CFIX}`] },
        { name: "classic: fails when the flag is absent (default true)", type: AZ.classicRegistry, props: classicRegistry({ publicNetworkAccessEnabled: undefined }),
            want: [`The registry does not set publicNetworkAccessEnabled ${OPEN}; ${CFIX}`] },
        { name: "classic: names both settings when the rules allow by default", type: AZ.classicRegistry,
            props: classicRegistry({ publicNetworkAccessEnabled: undefined, networkRuleSet: { defaultAction: "Allow" } }),
            want: [`The registry does not set publicNetworkAccessEnabled ${OPEN} and sets networkRuleSet.defaultAction: "Allow"; ${CFIX}`] },
        { name: "classic: fails a malformed flag", type: AZ.classicRegistry, props: classicRegistry({ publicNetworkAccessEnabled: untyped("no") }),
            want: [`The registry sets publicNetworkAccessEnabled: "no"; ${CFIX}`] },
        { name: "classic: does not read the azure-native spelling", type: AZ.classicRegistry,
            props: merge(classicRegistry({ publicNetworkAccessEnabled: undefined }), { publicNetworkAccess: "Disabled" }),
            want: [`The registry does not set publicNetworkAccessEnabled ${OPEN}; ${CFIX}`] },
        { name: "classic: never prints a secret flag", type: AZ.classicRegistry, props: classicRegistry({ publicNetworkAccessEnabled: secret(true) }),
            want: [`The registry sets publicNetworkAccessEnabled: [secret]; ${CFIX}`] },
    ];
    violationCases(policy, AZ.registry, cases);

    const unknowns: { name: string; props: Record<string, unknown>; type?: string; note: string }[] = [
        { name: "publicNetworkAccess", props: pub({ defaultAction: "Deny" }, unknown), note: "string value at .publicNetworkAccess can't be known during preview" },
        { name: "networkRuleSet.defaultAction", props: pub({ defaultAction: unknown }), note: "string value at .networkRuleSet.defaultAction can't be known during preview" },
        { name: "the whole networkRuleSet", props: pub(unknown), note: "string value at .networkRuleSet can't be known during preview" },
        { name: "classic publicNetworkAccessEnabled", type: AZ.classicRegistry, props: classicRegistry({ publicNetworkAccessEnabled: unknown }),
            note: "string value at .publicNetworkAccessEnabled can't be known during preview" },
    ];
    for (const c of unknowns) {
        it(`reports nothing but the SDK's note when ${c.name} is unknown at preview`, () => {
            const out = validate(policy, c.type ?? AZ.registry, c.props);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, c.note);
        });
    }
    it("does not read the network rules of a registry with public access disabled", () => {
        const out = validate(policy, AZ.registry, registry({ networkRuleSet: unknown }));
        assert.deepEqual(out.violations, []);
        assert.equal(out.unknown, undefined);
    });

});
