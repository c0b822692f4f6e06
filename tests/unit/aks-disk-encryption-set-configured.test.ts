import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/data-protection/aks-disk-encryption-set-configured";
import { classicCluster, managedCluster, NATIVE_CLUSTER_TYPES, T } from "../fixtures/aks";
import { secret, unknown, validate, violationCases } from "../harness";
import { untyped } from "../fixtures/typed";

const FIX = "set it to the ID of a disk encryption set that uses your Key Vault key.";
const ABSENT = `The cluster does not set diskEncryptionSetID (disks use platform-managed keys); ${FIX}`;
const CLASSIC_ABSENT = `The cluster does not set diskEncryptionSetId (disks use platform-managed keys); ${FIX}`;
const DES = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/other";

describe("aks-disk-encryption-set-configured", () => {
    for (const type of NATIVE_CLUSTER_TYPES) {
        describe(type, () => {
            it("passes a disk encryption set ID", () => {
                assert.deepEqual(validate(policy, type, managedCluster()).violations, []);
            });
            it("fails when diskEncryptionSetID is absent (platform-managed keys)", () => {
                assert.deepEqual(validate(policy, type, managedCluster({ diskEncryptionSetID: undefined })).violations, [ABSENT]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; want: string[] }[] = [
        { name: "passes another disk encryption set ID", props: managedCluster({ diskEncryptionSetID: DES }), want: [] },
        { name: "fails an empty property bag", props: {}, want: [ABSENT] },
        { name: "treats null as absent", props: managedCluster({ diskEncryptionSetID: null }), want: [ABSENT] },
        { name: "fails an empty string, showing it", props: managedCluster({ diskEncryptionSetID: "" }),
            want: [`The cluster sets diskEncryptionSetID: ""; ${FIX}`] },
        { name: "fails a blank string, showing it", props: managedCluster({ diskEncryptionSetID: "   " }),
            want: [`The cluster sets diskEncryptionSetID: "   "; ${FIX}`] },
        { name: "fails a boolean where an ID is expected", props: managedCluster({ diskEncryptionSetID: untyped(true) }),
            want: [`The cluster sets diskEncryptionSetID: true; ${FIX}`] },
        { name: "fails a number where an ID is expected", props: managedCluster({ diskEncryptionSetID: untyped(42) }),
            want: [`The cluster sets diskEncryptionSetID: 42; ${FIX}`] },
        { name: "fails an object where an ID is expected", props: managedCluster({ diskEncryptionSetID: untyped({ id: "des" }) }),
            want: [`The cluster sets diskEncryptionSetID: {"id":"des"}; ${FIX}`] },
        { name: "fails an array where an ID is expected", props: managedCluster({ diskEncryptionSetID: untyped(["des"]) }),
            want: [`The cluster sets diskEncryptionSetID: ["des"]; ${FIX}`] },
        { name: "passes a secret ID", props: managedCluster({ diskEncryptionSetID: secret(DES) }), want: [] },
        { name: "never prints a secret value", props: managedCluster({ diskEncryptionSetID: secret(" ") }),
            want: [`The cluster sets diskEncryptionSetID: [secret]; ${FIX}`] },
        { name: "classic: passes diskEncryptionSetId", type: T.classicCluster, props: classicCluster(), want: [] },
        { name: "classic: fails when diskEncryptionSetId is absent", type: T.classicCluster, props: classicCluster({ diskEncryptionSetId: undefined }), want: [CLASSIC_ABSENT] },
        { name: "classic: fails an empty property bag", type: T.classicCluster, props: {}, want: [CLASSIC_ABSENT] },
        { name: "classic: fails an empty string", type: T.classicCluster, props: classicCluster({ diskEncryptionSetId: "" }),
            want: [`The cluster sets diskEncryptionSetId: ""; ${FIX}`] },
        { name: "classic: fails an object where an ID is expected", type: T.classicCluster, props: classicCluster({ diskEncryptionSetId: untyped({ id: "des" }) }),
            want: [`The cluster sets diskEncryptionSetId: {"id":"des"}; ${FIX}`] },
        { name: "classic: never prints a secret value", type: T.classicCluster, props: classicCluster({ diskEncryptionSetId: secret(false) }),
            want: [`The cluster sets diskEncryptionSetId: [secret]; ${FIX}`] },
    ];
    violationCases(policy, T.managedCluster, cases);

    // The ID usually comes from another resource's output (diskEncryptionSet.id): unknown in
    // preview, but set. The policy passes it without reading it, so the SDK adds no note.
    const pending: { name: string; props: Record<string, unknown>; type?: string }[] = [
        { name: "azure-native", props: managedCluster({ diskEncryptionSetID: unknown }) },
        { name: "classic", type: T.classicCluster, props: classicCluster({ diskEncryptionSetId: unknown }) },
    ];
    for (const c of pending) {
        it(`passes an ID unknown at preview, with no note (${c.name})`, () => {
            const out = validate(policy, c.type ?? T.managedCluster, c.props);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, undefined);
        });
    }

    it("is not applicable to node pools", () => {
        assert.equal(validate(policy, T.agentPool, {}).notApplicable, "applies to AKS cluster resources only");
    });
});
