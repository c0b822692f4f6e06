import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/identity/aks-kubernetes-rbac-enabled";
import { classicCluster, managedCluster, merge, NATIVE_CLUSTER_TYPES, T } from "../fixtures/aks";
import { secret, unknown, validate, violationCases } from "../harness";
import { untyped } from "../fixtures/typed";

const FIX = "set it to true or remove it (RBAC is on by default); the cluster is replaced, since RBAC cannot be turned on later.";
const NOT_APPLICABLE = "applies to AKS cluster resources only";

describe("aks-kubernetes-rbac-enabled", () => {
    for (const type of NATIVE_CLUSTER_TYPES) {
        describe(type, () => {
            it("passes enableRBAC: true", () => {
                assert.deepEqual(validate(policy, type, managedCluster({ enableRBAC: true })).violations, []);
            });
            it("passes when enableRBAC is absent (Azure default: on)", () => {
                assert.deepEqual(validate(policy, type, managedCluster({ enableRBAC: undefined })).violations, []);
            });
            it("fails enableRBAC: false", () => {
                assert.deepEqual(validate(policy, type, managedCluster({ enableRBAC: false })).violations, [`The cluster sets enableRBAC: false; ${FIX}`]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; want: string[] }[] = [
        { name: "treats null as absent", props: managedCluster({ enableRBAC: null }), want: [] },
        { name: "accepts the string \"true\"", props: managedCluster({ enableRBAC: untyped("True") }), want: [] },
        { name: "fails the string \"false\"", props: managedCluster({ enableRBAC: untyped("false") }), want: [`The cluster sets enableRBAC: "false"; ${FIX}`] },
        { name: "fails a malformed flag, showing it", props: managedCluster({ enableRBAC: untyped("disabled") }), want: [`The cluster sets enableRBAC: "disabled"; ${FIX}`] },
        { name: "fails a number where a boolean is expected", props: managedCluster({ enableRBAC: untyped(0) }), want: [`The cluster sets enableRBAC: 0; ${FIX}`] },
        { name: "fails an array where a boolean is expected", props: managedCluster({ enableRBAC: untyped([false]) }), want: [`The cluster sets enableRBAC: [false]; ${FIX}`] },
        { name: "never prints a secret flag", props: managedCluster({ enableRBAC: secret(false) }), want: [`The cluster sets enableRBAC: [secret]; ${FIX}`] },
        { name: "does not read the classic spelling on azure-native", props: merge(managedCluster(), { roleBasedAccessControlEnabled: false }), want: [] },
        // classic
        { name: "classic: passes when the flag is absent", type: T.classicCluster, props: classicCluster(), want: [] },
        { name: "classic v6: passes roleBasedAccessControlEnabled: true", type: T.classicCluster, props: classicCluster({ roleBasedAccessControlEnabled: true }), want: [] },
        { name: "classic v6: fails roleBasedAccessControlEnabled: false", type: T.classicCluster, props: classicCluster({ roleBasedAccessControlEnabled: false }),
            want: [`The cluster sets roleBasedAccessControlEnabled: false; ${FIX}`] },
        { name: "classic v6: fails a malformed flag", type: T.classicCluster, props: classicCluster({ roleBasedAccessControlEnabled: untyped("nope") }),
            want: [`The cluster sets roleBasedAccessControlEnabled: "nope"; ${FIX}`] },
        { name: "classic v4 block: fails roleBasedAccessControl.enabled: false", type: T.classicCluster,
            props: merge(classicCluster(), { roleBasedAccessControl: { enabled: false } }),
            want: [`The cluster sets roleBasedAccessControl.enabled: false; ${FIX}`] },
        { name: "classic v4 block: passes roleBasedAccessControl.enabled: true", type: T.classicCluster,
            props: merge(classicCluster(), { roleBasedAccessControl: { enabled: true } }), want: [] },
        { name: "classic v4 block: passes a block without the flag", type: T.classicCluster,
            props: merge(classicCluster(), { roleBasedAccessControl: { azureActiveDirectory: {} } }), want: [] },
        { name: "classic: does not read the azure-native spelling", type: T.classicCluster, props: merge(classicCluster(), { enableRBAC: false }), want: [] },
        { name: "classic: never prints a secret flag", type: T.classicCluster, props: classicCluster({ roleBasedAccessControlEnabled: secret("off") }),
            want: [`The cluster sets roleBasedAccessControlEnabled: [secret]; ${FIX}`] },
    ];
    violationCases(policy, T.managedCluster, cases);

    const unknowns: { name: string; props: Record<string, unknown>; type?: string; note: string }[] = [
        { name: "the azure-native flag", props: managedCluster({ enableRBAC: unknown }), note: "string value at .enableRBAC can't be known during preview" },
        { name: "the classic flag", type: T.classicCluster, props: classicCluster({ roleBasedAccessControlEnabled: unknown }),
            note: "string value at .roleBasedAccessControlEnabled can't be known during preview" },
    ];
    for (const c of unknowns) {
        it(`reports nothing but the SDK's note when ${c.name} is unknown at preview`, () => {
            const out = validate(policy, c.type ?? T.managedCluster, c.props);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, c.note);
        });
    }

    it("is mandatory: without RBAC every authenticated identity is an administrator", () => {
        assert.equal(policy.enforcementLevel, "mandatory");
    });
    it("is not applicable to node pools", () => {
        assert.equal(validate(policy, T.agentPool, {}).notApplicable, NOT_APPLICABLE);
        assert.equal(validate(policy, T.classicNodePool, {}).notApplicable, NOT_APPLICABLE);
    });
});
