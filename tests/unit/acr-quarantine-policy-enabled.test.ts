import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/images/acr-quarantine-policy-enabled";
import { AZ, classicRegistry, NATIVE_REGISTRY_TYPES, registry } from "../fixtures/azure";
import { secret, unknown, validate, violationCases } from "../harness";
import { untyped } from "../fixtures/typed";

const WHY = "(pushed images can be pulled before they are scanned)";
const FIX = "set it to \"enabled\" (Premium SKU).";
const CFIX = "set it to true (Premium SKU).";

describe("acr-quarantine-policy-enabled", () => {
    for (const type of NATIVE_REGISTRY_TYPES) {
        describe(type, () => {
            it("passes a registry with the quarantine policy enabled", () => {
                assert.deepEqual(validate(policy, type, registry()).violations, []);
            });
            it("fails a disabled quarantine policy", () => {
                assert.deepEqual(validate(policy, type, registry({ policies: { quarantinePolicy: { status: "disabled" } } })).violations,
                    [`The registry sets policies.quarantinePolicy.status: "disabled"; ${FIX}`]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; want: string[] }[] = [
        { name: "compares the status case-insensitively", props: registry({ policies: { quarantinePolicy: { status: "Enabled" } } }), want: [] },
        { name: "fails when policies is absent (Azure default: disabled)", props: registry({ policies: undefined }),
            want: [`The registry does not set policies.quarantinePolicy.status ${WHY}; ${FIX}`] },
        { name: "fails when only other policies are set", props: registry({ policies: { quarantinePolicy: undefined } }),
            want: [`The registry does not set policies.quarantinePolicy.status ${WHY}; ${FIX}`] },
        { name: "fails a quarantine policy without status", props: registry({ policies: { quarantinePolicy: { status: undefined } } }),
            want: [`The registry does not set policies.quarantinePolicy.status ${WHY}; ${FIX}`] },
        { name: "fails a boolean where the status string is expected", props: registry({ policies: { quarantinePolicy: { status: untyped(true) } } }),
            want: [`The registry sets policies.quarantinePolicy.status: true; ${FIX}`] },
        { name: "fails when policies is an array", props: registry({ policies: untyped([{ quarantinePolicy: { status: "enabled" } }]) }),
            want: [`The registry does not set policies.quarantinePolicy.status ${WHY}; ${FIX}`] },
        { name: "does not read the classic spelling on azure-native", props: registry({ policies: undefined, quarantinePolicyEnabled: true } as never),
            want: [`The registry does not set policies.quarantinePolicy.status ${WHY}; ${FIX}`] },
        { name: "never prints a secret status", props: registry({ policies: { quarantinePolicy: { status: secret("disabled") } } }),
            want: [`The registry sets policies.quarantinePolicy.status: [secret]; ${FIX}`] },
        // classic
        { name: "classic: passes quarantinePolicyEnabled: true", type: AZ.classicRegistry, props: classicRegistry(), want: [] },
        { name: "classic: passes the string \"true\"", type: AZ.classicRegistry, props: classicRegistry({ quarantinePolicyEnabled: untyped("true") }), want: [] },
        { name: "classic: fails quarantinePolicyEnabled: false", type: AZ.classicRegistry, props: classicRegistry({ quarantinePolicyEnabled: false }),
            want: [`The registry sets quarantinePolicyEnabled: false; ${CFIX}`] },
        { name: "classic: fails when the flag is absent", type: AZ.classicRegistry, props: classicRegistry({ quarantinePolicyEnabled: undefined }),
            want: [`The registry does not set quarantinePolicyEnabled ${WHY}; ${CFIX}`] },
        { name: "classic: fails a malformed flag", type: AZ.classicRegistry, props: classicRegistry({ quarantinePolicyEnabled: untyped("enabled") }),
            want: [`The registry sets quarantinePolicyEnabled: "enabled"; ${CFIX}`] },
        { name: "classic: never prints a secret flag", type: AZ.classicRegistry, props: classicRegistry({ quarantinePolicyEnabled: secret(false) }),
            want: [`The registry sets quarantinePolicyEnabled: [secret]; ${CFIX}`] },
    ];
    violationCases(policy, AZ.registry, cases);

    const unknowns: { name: string; props: Record<string, unknown>; type?: string; note: string }[] = [
        { name: "the status", props: registry({ policies: { quarantinePolicy: { status: unknown } } }), note: "string value at .policies.quarantinePolicy.status can't be known during preview" },
        { name: "the whole policies object", props: registry({ policies: unknown }), note: "string value at .policies can't be known during preview" },
        { name: "classic quarantinePolicyEnabled", type: AZ.classicRegistry, props: classicRegistry({ quarantinePolicyEnabled: unknown }),
            note: "string value at .quarantinePolicyEnabled can't be known during preview" },
    ];
    for (const c of unknowns) {
        it(`reports nothing but the SDK's note when ${c.name} is unknown at preview`, () => {
            const out = validate(policy, c.type ?? AZ.registry, c.props);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, c.note);
        });
    }

});
