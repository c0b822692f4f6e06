import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/identity/aks-local-accounts-disabled";
import { classicCluster, managedCluster, merge, NATIVE_CLUSTER_TYPES, T } from "../fixtures/aks";
import { automaticCluster } from "../fixtures/aks-extra";
import { secret, unknown, validate, violationCases } from "../harness";
import { untyped } from "../fixtures/typed";

const WHY = "(local accounts stay enabled, and their admin credentials bypass Entra ID)";
const ABSENT = `The cluster does not set disableLocalAccounts ${WHY}; set it to true.`;
const CLASSIC_ABSENT = `The cluster does not set localAccountDisabled ${WHY}; set it to true.`;
const NOT_APPLICABLE = "applies to AKS cluster resources only";

describe("aks-local-accounts-disabled", () => {
    for (const type of NATIVE_CLUSTER_TYPES) {
        describe(type, () => {
            it("passes disableLocalAccounts: true", () => {
                assert.deepEqual(validate(policy, type, managedCluster()).violations, []);
            });
            it("fails disableLocalAccounts: false", () => {
                assert.deepEqual(validate(policy, type, managedCluster({ disableLocalAccounts: false })).violations,
                    ["The cluster sets disableLocalAccounts: false; set it to true."]);
            });
            it("fails when disableLocalAccounts is absent (Azure default: local accounts on)", () => {
                assert.deepEqual(validate(policy, type, managedCluster({ disableLocalAccounts: undefined })).violations, [ABSENT]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; want: string[] }[] = [
        { name: "accepts the string \"true\" as the platform does", props: managedCluster({ disableLocalAccounts: untyped("TRUE") }), want: [] },
        { name: "fails the string \"false\"", props: managedCluster({ disableLocalAccounts: untyped("false") }),
            want: ["The cluster sets disableLocalAccounts: \"false\"; set it to true."] },
        { name: "fails a malformed flag, showing it", props: managedCluster({ disableLocalAccounts: untyped("yes") }),
            want: ["The cluster sets disableLocalAccounts: \"yes\"; set it to true."] },
        { name: "fails a number where a boolean is expected", props: managedCluster({ disableLocalAccounts: untyped(1) }),
            want: ["The cluster sets disableLocalAccounts: 1; set it to true."] },
        { name: "fails an object where a boolean is expected", props: managedCluster({ disableLocalAccounts: untyped({ enabled: true }) }),
            want: ["The cluster sets disableLocalAccounts: {\"enabled\":true}; set it to true."] },
        { name: "treats null as absent", props: managedCluster({ disableLocalAccounts: null }), want: [ABSENT] },
        { name: "never prints a secret flag", props: managedCluster({ disableLocalAccounts: secret("hunter2") }),
            want: ["The cluster sets disableLocalAccounts: [secret]; set it to true."] },
        { name: "passes a secret true", props: managedCluster({ disableLocalAccounts: secret(true) }), want: [] },
        { name: "does not read the classic spelling on azure-native", props: merge(managedCluster({ disableLocalAccounts: undefined }), { localAccountDisabled: true }), want: [ABSENT] },
        { name: "still fails an AKS Automatic cluster that omits it (Automatic does not document it as preconfigured)", props: automaticCluster(), want: [ABSENT] },
        { name: "passes an AKS Automatic cluster that sets it", props: automaticCluster({ disableLocalAccounts: true }), want: [] },
        // classic
        { name: "classic: passes localAccountDisabled: true", type: T.classicCluster, props: classicCluster(), want: [] },
        { name: "classic: fails localAccountDisabled: false", type: T.classicCluster, props: classicCluster({ localAccountDisabled: false }),
            want: ["The cluster sets localAccountDisabled: false; set it to true."] },
        { name: "classic: fails when localAccountDisabled is absent", type: T.classicCluster, props: classicCluster({ localAccountDisabled: undefined }), want: [CLASSIC_ABSENT] },
        { name: "classic: fails a malformed flag", type: T.classicCluster, props: classicCluster({ localAccountDisabled: untyped("on") }),
            want: ["The cluster sets localAccountDisabled: \"on\"; set it to true."] },
        { name: "classic: does not read the azure-native spelling", type: T.classicCluster,
            props: merge(classicCluster({ localAccountDisabled: undefined }), { disableLocalAccounts: true }), want: [CLASSIC_ABSENT] },
        { name: "classic: never prints a secret flag", type: T.classicCluster, props: classicCluster({ localAccountDisabled: secret("no") }),
            want: ["The cluster sets localAccountDisabled: [secret]; set it to true."] },
    ];
    violationCases(policy, T.managedCluster, cases);

    const unknowns: { name: string; props: Record<string, unknown>; type?: string; note: string }[] = [
        { name: "the azure-native flag", props: managedCluster({ disableLocalAccounts: unknown }),
            note: "string value at .disableLocalAccounts can't be known during preview" },
        { name: "the classic flag", type: T.classicCluster, props: classicCluster({ localAccountDisabled: unknown }),
            note: "string value at .localAccountDisabled can't be known during preview" },
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
