import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/images/acr-anonymous-pull-disabled";
import { AZ, classicRegistry, NATIVE_REGISTRY_TYPES, registry } from "../fixtures/azure";
import { secret, unknown, validate, violationCases } from "../harness";
import { untyped } from "../fixtures/typed";

const FIX = "set it to false so every pull is authenticated.";

describe("acr-anonymous-pull-disabled", () => {
    for (const type of NATIVE_REGISTRY_TYPES) {
        describe(type, () => {
            it("passes a registry with anonymousPullEnabled: false", () => {
                assert.deepEqual(validate(policy, type, registry()).violations, []);
            });
            it("fails anonymousPullEnabled: true", () => {
                assert.deepEqual(validate(policy, type, registry({ anonymousPullEnabled: true })).violations,
                    [`The registry sets anonymousPullEnabled: true; ${FIX}`]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; want: string[] }[] = [
        { name: "passes when anonymousPullEnabled is absent (Azure default: off)", props: registry({ anonymousPullEnabled: undefined }), want: [] },
        { name: "passes a null flag as absent", props: registry({ anonymousPullEnabled: null }), want: [] },
        { name: "passes the string \"false\"", props: registry({ anonymousPullEnabled: untyped("false") }), want: [] },
        { name: "fails the string \"TRUE\"", props: registry({ anonymousPullEnabled: untyped("TRUE") }),
            want: [`The registry sets anonymousPullEnabled: "TRUE"; ${FIX}`] },
        { name: "fails a malformed flag, showing it", props: registry({ anonymousPullEnabled: untyped("enabled") }),
            want: [`The registry sets anonymousPullEnabled: "enabled"; ${FIX}`] },
        { name: "fails an array where a boolean is expected", props: registry({ anonymousPullEnabled: untyped([false]) }),
            want: [`The registry sets anonymousPullEnabled: [false]; ${FIX}`] },
        { name: "never prints a secret flag", props: registry({ anonymousPullEnabled: secret("yes") }),
            want: [`The registry sets anonymousPullEnabled: [secret]; ${FIX}`] },
        { name: "passes a secret false", props: registry({ anonymousPullEnabled: secret(false) }), want: [] },
        // classic
        { name: "classic: passes anonymousPullEnabled: false", type: AZ.classicRegistry, props: classicRegistry(), want: [] },
        { name: "classic: passes when the flag is absent (default false)", type: AZ.classicRegistry, props: classicRegistry({ anonymousPullEnabled: undefined }), want: [] },
        { name: "classic: fails anonymousPullEnabled: true", type: AZ.classicRegistry, props: classicRegistry({ anonymousPullEnabled: true }),
            want: [`The registry sets anonymousPullEnabled: true; ${FIX}`] },
        { name: "classic: fails a malformed flag", type: AZ.classicRegistry, props: classicRegistry({ anonymousPullEnabled: untyped({ on: true }) }),
            want: [`The registry sets anonymousPullEnabled: {"on":true}; ${FIX}`] },
        { name: "classic: never prints a secret flag", type: AZ.classicRegistry, props: classicRegistry({ anonymousPullEnabled: secret(true) }),
            want: [`The registry sets anonymousPullEnabled: [secret]; ${FIX}`] },
    ];
    violationCases(policy, AZ.registry, cases);

    const unknowns: { name: string; props: Record<string, unknown>; type?: string; note: string }[] = [
        { name: "anonymousPullEnabled", props: registry({ anonymousPullEnabled: unknown }), note: "string value at .anonymousPullEnabled can't be known during preview" },
        { name: "classic anonymousPullEnabled", type: AZ.classicRegistry, props: classicRegistry({ anonymousPullEnabled: unknown }), note: "string value at .anonymousPullEnabled can't be known during preview" },
    ];
    for (const c of unknowns) {
        it(`reports nothing but the SDK's note when ${c.name} is unknown at preview`, () => {
            const out = validate(policy, c.type ?? AZ.registry, c.props);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, c.note);
        });
    }

    it("is mandatory: anonymous pull is unauthenticated access", () => {
        assert.equal(policy.enforcementLevel, "mandatory");
    });
});
