import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/images/acr-sku-premium";
import { AZ, classicRegistry, NATIVE_REGISTRY_TYPES, registry } from "../fixtures/azure";
import { secret, unknown, validate, violationCases } from "../harness";
import { untyped } from "../fixtures/typed";

const FIX = "set it to \"Premium\" (private endpoints, network rules, quarantine and retention need Premium).";

describe("acr-sku-premium", () => {
    for (const type of NATIVE_REGISTRY_TYPES) {
        describe(type, () => {
            it("passes a Premium registry", () => {
                assert.deepEqual(validate(policy, type, registry()).violations, []);
            });
            it("fails a Basic registry", () => {
                assert.deepEqual(validate(policy, type, registry({ sku: { name: "Basic" } })).violations, [`The registry sets sku.name: "Basic"; ${FIX}`]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; config?: Record<string, unknown>; want: string[] }[] = [
        { name: "compares the SKU case-insensitively", props: registry({ sku: { name: "premium" } }), want: [] },
        { name: "fails Standard by default", props: registry({ sku: { name: "Standard" } }), want: [`The registry sets sku.name: "Standard"; ${FIX}`] },
        { name: "fails the retired Classic SKU", props: registry({ sku: { name: "Classic" } }), want: [`The registry sets sku.name: "Classic"; ${FIX}`] },
        { name: "fails a registry without sku", props: registry({ sku: undefined }), want: [`The registry does not set sku.name; ${FIX}`] },
        { name: "fails a sku without a name", props: registry({ sku: { name: undefined } }), want: [`The registry does not set sku.name; ${FIX}`] },
        { name: "fails a sku written as a bare string (the classic shape)", props: registry({ sku: untyped("Premium") }), want: [`The registry does not set sku.name; ${FIX}`] },
        { name: "fails a malformed sku.name, showing it", props: registry({ sku: { name: untyped(["Premium"]) } }), want: [`The registry sets sku.name: ["Premium"]; ${FIX}`] },
        { name: "never prints a secret SKU", props: registry({ sku: { name: secret("Basic") } }), want: [`The registry sets sku.name: [secret]; ${FIX}`] },
        { name: "passes a secret Premium", props: registry({ sku: secret({ name: "Premium" }) }), want: [] },
        // config
        { name: "accepts the SKUs listed in config", config: { allowedSkus: ["Standard", "Premium"] }, props: registry({ sku: { name: "standard" } }), want: [] },
        { name: "lists every allowed SKU in the fix", config: { allowedSkus: ["Standard", "Premium"] }, props: registry({ sku: { name: "Basic" } }),
            want: ["The registry sets sku.name: \"Basic\"; set it to one of \"Standard\", \"Premium\" (private endpoints, network rules, quarantine and retention need Premium)."] },
        { name: "gives no Premium reason when config does not allow it", config: { allowedSkus: ["Standard"] }, props: registry(),
            want: ["The registry sets sku.name: \"Premium\"; set it to \"Standard\"."] },
        { name: "falls back to Premium when config is not an array", config: { allowedSkus: "Standard" }, props: registry({ sku: { name: "Standard" } }),
            want: ["The policy configuration sets allowedSkus: \"Standard\" (write a list of strings there, e.g. [\"Premium\"]); until it is fixed, the policy uses the default for allowedSkus ([\"Premium\"]).", `The registry sets sku.name: "Standard"; ${FIX}`] },
        { name: "falls back to Premium when config is empty", config: { allowedSkus: [] }, props: registry({ sku: { name: "Standard" } }),
            want: [`The registry sets sku.name: "Standard"; ${FIX}`] },
        { name: "ignores non-string config entries", config: { allowedSkus: [42, null] }, props: registry({ sku: { name: "Standard" } }),
            want: ["The policy configuration sets allowedSkus[0]: 42 (write a string there) and sets allowedSkus[1]: null (write a string there); until it is fixed, the policy ignores allowedSkus[0] and allowedSkus[1].", `The registry sets sku.name: "Standard"; ${FIX}`] },
        // classic
        { name: "classic: passes sku: \"Premium\"", type: AZ.classicRegistry, props: classicRegistry(), want: [] },
        { name: "classic: compares the SKU case-insensitively", type: AZ.classicRegistry, props: classicRegistry({ sku: "PREMIUM" }), want: [] },
        { name: "classic: fails sku: \"Standard\"", type: AZ.classicRegistry, props: classicRegistry({ sku: "Standard" }), want: [`The registry sets sku: "Standard"; ${FIX}`] },
        { name: "classic: fails a registry without sku", type: AZ.classicRegistry, props: classicRegistry({ sku: undefined }), want: [`The registry does not set sku; ${FIX}`] },
        { name: "classic: fails an object where the SKU string is expected", type: AZ.classicRegistry, props: classicRegistry({ sku: untyped({ name: "Premium" }) }),
            want: [`The registry sets sku: {"name":"Premium"}; ${FIX}`] },
        { name: "classic: never prints a secret SKU", type: AZ.classicRegistry, props: classicRegistry({ sku: secret("Basic") }), want: [`The registry sets sku: [secret]; ${FIX}`] },
    ];
    violationCases(policy, AZ.registry, cases);

    const unknowns: { name: string; props: Record<string, unknown>; type?: string; note: string }[] = [
        { name: "sku.name", props: registry({ sku: { name: unknown } }), note: "string value at .sku.name can't be known during preview" },
        { name: "classic sku", type: AZ.classicRegistry, props: classicRegistry({ sku: unknown }), note: "string value at .sku can't be known during preview" },
    ];
    for (const c of unknowns) {
        it(`reports nothing but the SDK's note when ${c.name} is unknown at preview`, () => {
            const out = validate(policy, c.type ?? AZ.registry, c.props);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, c.note);
        });
    }

});
