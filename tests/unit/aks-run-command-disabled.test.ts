import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/network/aks-run-command-disabled";
import { NATIVE_CLUSTER_TYPES, T, classicCluster, managedCluster, merge } from "../fixtures/aks";
import { automaticCluster } from "../fixtures/aks-extra";
import { secret, unknown, validate, violationCases } from "../harness";
import { untyped } from "../fixtures/typed";

/** The compliant cluster without the setting. */
const WITHOUT = managedCluster({ apiServerAccessProfile: { disableRunCommand: undefined } });

const ABSENT = "The cluster does not set apiServerAccessProfile.disableRunCommand (run command is enabled); set it to true.";
const CLASSIC_ABSENT = "The cluster does not set runCommandEnabled (run command is enabled); set it to false.";
const NOT_APPLICABLE = "applies to AKS cluster resources only";

describe("aks-run-command-disabled", () => {
    for (const type of NATIVE_CLUSTER_TYPES) {
        describe(type, () => {
            it("passes disableRunCommand: true", () => {
                assert.deepEqual(validate(policy, type, managedCluster()).violations, []);
            });
            it("fails disableRunCommand: false", () => {
                assert.deepEqual(validate(policy, type, managedCluster({ apiServerAccessProfile: { disableRunCommand: false } })).violations,
                    ["The cluster sets apiServerAccessProfile.disableRunCommand: false; set it to true."]);
            });
            it("fails when disableRunCommand is absent (Azure default: enabled)", () => {
                assert.deepEqual(validate(policy, type, WITHOUT).violations, [ABSENT]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; want: string[] }[] = [
        { name: "fails when apiServerAccessProfile is absent", props: managedCluster({ apiServerAccessProfile: undefined }), want: [ABSENT] },
        { name: "fails when apiServerAccessProfile is not an object", props: managedCluster({ apiServerAccessProfile: untyped([{ disableRunCommand: true }]) }), want: [ABSENT] },
        { name: "accepts the string \"true\"", props: managedCluster({ apiServerAccessProfile: { disableRunCommand: untyped("true") } }), want: [] },
        { name: "fails a malformed flag, showing it", props: managedCluster({ apiServerAccessProfile: { disableRunCommand: untyped("disabled") } }),
            want: ["The cluster sets apiServerAccessProfile.disableRunCommand: \"disabled\"; set it to true."] },
        { name: "never prints a secret flag", props: managedCluster({ apiServerAccessProfile: { disableRunCommand: secret("hunter2") } }),
            want: ["The cluster sets apiServerAccessProfile.disableRunCommand: [secret]; set it to true."] },
        { name: "does not read the classic spelling on azure-native", props: merge(WITHOUT, { runCommandEnabled: false }), want: [ABSENT] },
        { name: "still fails an AKS Automatic cluster that omits it", props: automaticCluster(), want: [ABSENT] },
        // classic
        { name: "classic: passes runCommandEnabled: false", type: T.classicCluster, props: classicCluster(), want: [] },
        { name: "classic: accepts the string \"false\"", type: T.classicCluster, props: classicCluster({ runCommandEnabled: untyped("false") }), want: [] },
        { name: "classic: fails runCommandEnabled: true", type: T.classicCluster, props: classicCluster({ runCommandEnabled: true }),
            want: ["The cluster sets runCommandEnabled: true; set it to false."] },
        { name: "classic: fails when runCommandEnabled is absent (classic default: true)", type: T.classicCluster, props: classicCluster({ runCommandEnabled: undefined }), want: [CLASSIC_ABSENT] },
        { name: "classic: fails a malformed flag", type: T.classicCluster, props: classicCluster({ runCommandEnabled: untyped(0) }),
            want: ["The cluster sets runCommandEnabled: 0; set it to false."] },
        { name: "classic: does not read the azure-native spelling", type: T.classicCluster,
            props: merge(classicCluster({ runCommandEnabled: undefined }), { apiServerAccessProfile: { disableRunCommand: true } }), want: [CLASSIC_ABSENT] },
        { name: "classic: never prints a secret flag", type: T.classicCluster, props: classicCluster({ runCommandEnabled: secret(true) }),
            want: ["The cluster sets runCommandEnabled: [secret]; set it to false."] },
    ];
    violationCases(policy, T.managedCluster, cases);

    const unknowns: { name: string; props: Record<string, unknown>; type?: string; note: string }[] = [
        { name: "the azure-native flag", props: managedCluster({ apiServerAccessProfile: { disableRunCommand: unknown } }),
            note: "string value at .apiServerAccessProfile.disableRunCommand can't be known during preview" },
        { name: "the classic flag", type: T.classicCluster, props: classicCluster({ runCommandEnabled: unknown }),
            note: "string value at .runCommandEnabled can't be known during preview" },
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
