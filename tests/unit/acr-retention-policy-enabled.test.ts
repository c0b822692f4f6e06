import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/images/acr-retention-policy-enabled";
import { AZ, classicRegistry, merge, NATIVE_REGISTRY_TYPES, registry } from "../fixtures/azure";
import { secret, unknown, validate, violationCases } from "../harness";
import { untyped } from "../fixtures/typed";

const KEPT = "(untagged manifests are kept forever)";
const FIX = "set it to \"enabled\" (Premium SKU).";
const V5_FIX = "set it to true (Premium SKU).";
const DAYS_FIX = "set it to the number of days to keep untagged manifests, e.g. 7 (Premium SKU).";

/** A classic v5 registry: `retentionPolicy { enabled, days }` instead of `retentionPolicyInDays`. */
function v5(retentionPolicy: unknown) {
    return merge(classicRegistry({ retentionPolicyInDays: undefined }), { retentionPolicy });
}

describe("acr-retention-policy-enabled", () => {
    for (const type of NATIVE_REGISTRY_TYPES) {
        describe(type, () => {
            it("passes a registry with the retention policy enabled", () => {
                assert.deepEqual(validate(policy, type, registry()).violations, []);
            });
            it("fails a disabled retention policy", () => {
                assert.deepEqual(validate(policy, type, registry({ policies: { retentionPolicy: { status: "disabled" } } })).violations,
                    [`The registry sets policies.retentionPolicy.status: "disabled"; ${FIX}`]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; want: string[] }[] = [
        { name: "compares the status case-insensitively", props: registry({ policies: { retentionPolicy: { status: "ENABLED" } } }), want: [] },
        { name: "passes an enabled policy without days (SDK default 7)", props: registry({ policies: { retentionPolicy: { days: undefined } } }), want: [] },
        { name: "fails when policies is absent (Azure default: disabled)", props: registry({ policies: undefined }),
            want: [`The registry does not set policies.retentionPolicy.status ${KEPT}; ${FIX}`] },
        { name: "fails a retention policy with days but no status", props: registry({ policies: { retentionPolicy: { status: undefined, days: 30 } } }),
            want: [`The registry does not set policies.retentionPolicy.status ${KEPT}; ${FIX}`] },
        { name: "fails a boolean status", props: registry({ policies: { retentionPolicy: { status: untyped(true) } } }),
            want: [`The registry sets policies.retentionPolicy.status: true; ${FIX}`] },
        { name: "fails when retentionPolicy is an array", props: registry({ policies: { retentionPolicy: untyped([{ status: "enabled" }]) } }),
            want: [`The registry does not set policies.retentionPolicy.status ${KEPT}; ${FIX}`] },
        { name: "does not read the classic spellings on azure-native", props: merge(registry({ policies: undefined }), { retentionPolicyInDays: 7, retentionPolicy: { enabled: true } }),
            want: [`The registry does not set policies.retentionPolicy.status ${KEPT}; ${FIX}`] },
        { name: "never prints a secret status", props: registry({ policies: { retentionPolicy: { status: secret("off") } } }),
            want: [`The registry sets policies.retentionPolicy.status: [secret]; ${FIX}`] },
        // classic v6
        { name: "classic: passes retentionPolicyInDays: 7", type: AZ.classicRegistry, props: classicRegistry(), want: [] },
        { name: "classic: passes a numeric string", type: AZ.classicRegistry, props: classicRegistry({ retentionPolicyInDays: untyped("30") }), want: [] },
        { name: "classic: fails when retentionPolicyInDays is absent", type: AZ.classicRegistry, props: classicRegistry({ retentionPolicyInDays: undefined }),
            want: [`The registry does not set retentionPolicyInDays ${KEPT}; ${DAYS_FIX}`] },
        { name: "classic: fails 0 days (the provider then disables retention)", type: AZ.classicRegistry, props: classicRegistry({ retentionPolicyInDays: 0 }),
            want: [`The registry sets retentionPolicyInDays: 0; ${DAYS_FIX}`] },
        { name: "classic: fails a negative number", type: AZ.classicRegistry, props: classicRegistry({ retentionPolicyInDays: -1 }),
            want: [`The registry sets retentionPolicyInDays: -1; ${DAYS_FIX}`] },
        { name: "classic: fails a malformed value, showing it", type: AZ.classicRegistry, props: classicRegistry({ retentionPolicyInDays: untyped("seven") }),
            want: [`The registry sets retentionPolicyInDays: "seven"; ${DAYS_FIX}`] },
        { name: "classic: fails a boolean", type: AZ.classicRegistry, props: classicRegistry({ retentionPolicyInDays: untyped(true) }),
            want: [`The registry sets retentionPolicyInDays: true; ${DAYS_FIX}`] },
        { name: "classic: never prints a secret value", type: AZ.classicRegistry, props: classicRegistry({ retentionPolicyInDays: secret(0) }),
            want: [`The registry sets retentionPolicyInDays: [secret]; ${DAYS_FIX}`] },
        // classic v5
        { name: "classic v5: passes retentionPolicy.enabled: true", type: AZ.classicRegistry, props: v5({ enabled: true, days: 7 }), want: [] },
        { name: "classic v5: fails retentionPolicy.enabled: false", type: AZ.classicRegistry, props: v5({ enabled: false, days: 7 }),
            want: [`The registry sets retentionPolicy.enabled: false; ${V5_FIX}`] },
        { name: "classic v5: fails a retentionPolicy block without enabled (default false)", type: AZ.classicRegistry, props: v5({ days: 7 }),
            want: [`The registry does not set retentionPolicy.enabled ${KEPT}; ${V5_FIX}`] },
        { name: "classic v5: fails a malformed enabled", type: AZ.classicRegistry, props: v5({ enabled: "on" }),
            want: [`The registry sets retentionPolicy.enabled: "on"; ${V5_FIX}`] },
        { name: "classic v5: reads the v5 block first when both spellings are set", type: AZ.classicRegistry,
            props: merge(classicRegistry(), { retentionPolicy: { enabled: false } }),
            want: [`The registry sets retentionPolicy.enabled: false; ${V5_FIX}`] },
    ];
    violationCases(policy, AZ.registry, cases);

    const unknowns: { name: string; props: Record<string, unknown>; type?: string; note: string }[] = [
        { name: "the status", props: registry({ policies: { retentionPolicy: { status: unknown } } }), note: "string value at .policies.retentionPolicy.status can't be known during preview" },
        { name: "classic retentionPolicyInDays", type: AZ.classicRegistry, props: classicRegistry({ retentionPolicyInDays: unknown }),
            note: "string value at .retentionPolicyInDays can't be known during preview" },
        { name: "classic v5 retentionPolicy.enabled", type: AZ.classicRegistry, props: v5({ enabled: unknown }),
            note: "string value at .retentionPolicy.enabled can't be known during preview" },
    ];
    for (const c of unknowns) {
        it(`reports nothing but the SDK's note when ${c.name} is unknown at preview`, () => {
            const out = validate(policy, c.type ?? AZ.registry, c.props);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, c.note);
        });
    }

});
