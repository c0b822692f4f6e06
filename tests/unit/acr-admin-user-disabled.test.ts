import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/images/acr-admin-user-disabled";
import { AZ, classicRegistry, merge, NATIVE_REGISTRY_TYPES, registry } from "../fixtures/azure";
import { secret, unknown, validate, violationCases } from "../harness";
import { untyped } from "../fixtures/typed";

const FIX = "set it to false and grant access with Entra ID roles (AcrPull, AcrPush).";

describe("acr-admin-user-disabled", () => {
    for (const type of NATIVE_REGISTRY_TYPES) {
        describe(type, () => {
            it("passes a registry with adminUserEnabled: false", () => {
                assert.deepEqual(validate(policy, type, registry()).violations, []);
            });
            it("fails adminUserEnabled: true", () => {
                assert.deepEqual(validate(policy, type, registry({ adminUserEnabled: true })).violations,
                    [`The registry sets adminUserEnabled: true; ${FIX}`]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; want: string[] }[] = [
        { name: "passes when adminUserEnabled is absent (Azure default: off)", props: registry({ adminUserEnabled: undefined }), want: [] },
        { name: "passes a null adminUserEnabled as absent", props: registry({ adminUserEnabled: null }), want: [] },
        { name: "passes the string \"false\"", props: registry({ adminUserEnabled: untyped("False") }), want: [] },
        { name: "fails the string \"true\"", props: registry({ adminUserEnabled: untyped("true") }),
            want: [`The registry sets adminUserEnabled: "true"; ${FIX}`] },
        { name: "fails a malformed flag, showing it", props: registry({ adminUserEnabled: untyped("yes") }),
            want: [`The registry sets adminUserEnabled: "yes"; ${FIX}`] },
        { name: "fails an object where a boolean is expected", props: registry({ adminUserEnabled: untyped({ enabled: false }) }),
            want: [`The registry sets adminUserEnabled: {"enabled":false}; ${FIX}`] },
        { name: "fails a number where a boolean is expected", props: registry({ adminUserEnabled: untyped(1) }),
            want: [`The registry sets adminUserEnabled: 1; ${FIX}`] },
        { name: "never prints a secret flag", props: registry({ adminUserEnabled: secret(true) }),
            want: [`The registry sets adminUserEnabled: [secret]; ${FIX}`] },
        { name: "passes a secret false", props: registry({ adminUserEnabled: secret(false) }), want: [] },
        { name: "does not read the classic spelling on azure-native", props: merge(registry(), { adminEnabled: true }), want: [] },
        // classic
        { name: "classic: passes adminEnabled: false", type: AZ.classicRegistry, props: classicRegistry(), want: [] },
        { name: "classic: passes when adminEnabled is absent (default false)", type: AZ.classicRegistry, props: classicRegistry({ adminEnabled: undefined }), want: [] },
        { name: "classic: fails adminEnabled: true", type: AZ.classicRegistry, props: classicRegistry({ adminEnabled: true }),
            want: [`The registry sets adminEnabled: true; ${FIX}`] },
        { name: "classic: fails a malformed adminEnabled", type: AZ.classicRegistry, props: classicRegistry({ adminEnabled: untyped([true]) }),
            want: [`The registry sets adminEnabled: [true]; ${FIX}`] },
        { name: "classic: never prints a secret flag", type: AZ.classicRegistry, props: classicRegistry({ adminEnabled: secret("true") }),
            want: [`The registry sets adminEnabled: [secret]; ${FIX}`] },
        { name: "classic: does not read the azure-native spelling", type: AZ.classicRegistry, props: merge(classicRegistry(), { adminUserEnabled: true }), want: [] },
    ];
    violationCases(policy, AZ.registry, cases);

    const unknowns: { name: string; props: Record<string, unknown>; type?: string; note: string }[] = [
        { name: "adminUserEnabled", props: registry({ adminUserEnabled: unknown }), note: "string value at .adminUserEnabled can't be known during preview" },
        { name: "classic adminEnabled", type: AZ.classicRegistry, props: classicRegistry({ adminEnabled: unknown }), note: "string value at .adminEnabled can't be known during preview" },
    ];
    for (const c of unknowns) {
        it(`reports nothing but the SDK's note when ${c.name} is unknown at preview`, () => {
            const out = validate(policy, c.type ?? AZ.registry, c.props);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, c.note);
        });
    }
    it("does not stop on an unknown value it does not need", () => {
        const out = validate(policy, AZ.registry, registry({ encryption: unknown, adminUserEnabled: true }));
        assert.deepEqual(out.violations, [`The registry sets adminUserEnabled: true; ${FIX}`]);
        assert.equal(out.unknown, undefined);
    });

});
