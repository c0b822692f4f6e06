import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/network/aks-private-cluster-enabled";
import { classicCluster, managedCluster, NATIVE_CLUSTER_TYPES, T } from "../fixtures/aks";
import { secret, unknown, validate, violationCases } from "../harness";
import { untyped } from "../fixtures/typed";

const OFF = "The cluster does not set apiServerAccessProfile.enablePrivateCluster (the API server has a public endpoint); set it to true.";

describe("aks-private-cluster-enabled", () => {
    for (const type of NATIVE_CLUSTER_TYPES) {
        describe(type, () => {
            it("passes a private cluster", () => {
                assert.deepEqual(validate(policy, type, managedCluster()).violations, []);
            });
            it("fails when apiServerAccessProfile is absent (Azure default: public)", () => {
                assert.deepEqual(validate(policy, type, managedCluster({ apiServerAccessProfile: undefined })).violations, [OFF]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; want: string[] }[] = [
        { name: "fails enablePrivateCluster: false", props: managedCluster({ apiServerAccessProfile: { enablePrivateCluster: false } }),
            want: ["The cluster sets apiServerAccessProfile.enablePrivateCluster: false; set it to true."] },
        { name: "accepts the string \"true\" as the platform does", props: managedCluster({ apiServerAccessProfile: { enablePrivateCluster: untyped("true") } }), want: [] },
        { name: "fails a malformed value, showing it", props: managedCluster({ apiServerAccessProfile: { enablePrivateCluster: untyped("yes") } }),
            want: ["The cluster sets apiServerAccessProfile.enablePrivateCluster: \"yes\"; set it to true."] },
        { name: "fails when the parent is not an object", props: managedCluster({ apiServerAccessProfile: untyped(["x"]) }), want: [OFF] },
        { name: "fails a public FQDN on a private cluster", props: managedCluster({ apiServerAccessProfile: { enablePrivateCluster: true, enablePrivateClusterPublicFQDN: true } }),
            want: ["The cluster sets apiServerAccessProfile.enablePrivateClusterPublicFQDN: true; set it to false or remove it so the private API server gets no public DNS name."] },
        { name: "passes public FQDN false", props: managedCluster({ apiServerAccessProfile: { enablePrivateCluster: true, enablePrivateClusterPublicFQDN: false } }), want: [] },
        { name: "never prints a secret value", props: managedCluster({ apiServerAccessProfile: { enablePrivateCluster: secret("hunter2") } }),
            want: ["The cluster sets apiServerAccessProfile.enablePrivateCluster: [secret]; set it to true."] },
        { name: "classic: passes privateClusterEnabled", type: T.classicCluster, props: classicCluster(), want: [] },
        { name: "classic: fails when privateClusterEnabled is absent", type: T.classicCluster, props: classicCluster({ privateClusterEnabled: undefined }),
            want: ["The cluster does not set privateClusterEnabled (the API server has a public endpoint); set it to true."] },
        { name: "classic: fails a public FQDN", type: T.classicCluster, props: classicCluster({ privateClusterPublicFqdnEnabled: true }),
            want: ["The cluster sets privateClusterPublicFqdnEnabled: true; set it to false or remove it so the private API server gets no public DNS name."] },
    ];
    violationCases(policy, T.managedCluster, cases);

    it("reports nothing but the SDK's note when the flag is unknown at preview", () => {
        const out = validate(policy, T.managedCluster, managedCluster({ apiServerAccessProfile: { enablePrivateCluster: unknown } }));
        assert.deepEqual(out.violations, []);
        assert.equal(out.unknown, "string value at .apiServerAccessProfile.enablePrivateCluster can't be known during preview");
    });
    it("does not match look-alike tokens", () => {
        assert.equal(validate(policy, "azure-native:containerservice:ManagedClusterSnapshot", {}).notApplicable, "applies to AKS cluster resources only");
        assert.equal(validate(policy, "azure:containerservice/kubernetesClusterNodePool:KubernetesClusterNodePool", {}).notApplicable, "applies to AKS cluster resources only");
    });
});
