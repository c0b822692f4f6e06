import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/network/aks-azure-cni-enabled";
import { classicCluster, managedCluster, merge, NATIVE_CLUSTER_TYPES, T } from "../fixtures/aks";
import { automaticCluster } from "../fixtures/aks-extra";
import { secret, unknown, validate, violationCases } from "../harness";
import { untyped } from "../fixtures/typed";

const WHY = "(the AKS resource provider picks the plugin by API and Kubernetes version, kubenet on older ones)";
const ABSENT = `The cluster does not set networkProfile.networkPlugin ${WHY}; set it to "azure".`;
const KUBENET = "The cluster sets networkProfile.networkPlugin: \"kubenet\"; set it to \"azure\": kubenet is retired on 2028-03-31.";
const NOT_APPLICABLE = "applies to AKS cluster resources only";

/** An azure-native cluster with this network plugin (`undefined`: omitted). */
function plugin(p: unknown) {
    return managedCluster({ networkProfile: { networkPlugin: untyped(p) } });
}

describe("aks-azure-cni-enabled", () => {
    for (const type of NATIVE_CLUSTER_TYPES) {
        describe(type, () => {
            it("passes Azure CNI", () => {
                assert.deepEqual(validate(policy, type, managedCluster()).violations, []);
            });
            it("fails kubenet, naming its retirement", () => {
                assert.deepEqual(validate(policy, type, plugin("kubenet")).violations, [KUBENET]);
            });
            it("fails an omitted plugin (the resource provider decides)", () => {
                assert.deepEqual(validate(policy, type, plugin(undefined)).violations, [ABSENT]);
            });
            it("passes an AKS Automatic cluster that leaves networking to its default (Azure CNI Overlay)", () => {
                assert.deepEqual(validate(policy, type, automaticCluster()).violations, []);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; config?: Record<string, unknown>; want: string[] }[] = [
        { name: "compares the plugin case-insensitively", props: plugin("Azure"), want: [] },
        { name: "fails kubenet in any case, naming its retirement", props: plugin("Kubenet"),
            want: ["The cluster sets networkProfile.networkPlugin: \"Kubenet\"; set it to \"azure\": kubenet is retired on 2028-03-31."] },
        { name: "fails bring-your-own CNI by default", props: plugin("none"), want: ["The cluster sets networkProfile.networkPlugin: \"none\"; set it to \"azure\"."] },
        { name: "fails when networkProfile is absent", props: managedCluster({ networkProfile: undefined }), want: [ABSENT] },
        { name: "fails when networkProfile is not an object", props: managedCluster({ networkProfile: untyped("azure") }), want: [ABSENT] },
        { name: "treats a null plugin as absent", props: plugin(null), want: [ABSENT] },
        { name: "fails a plugin that is not a string", props: plugin(["azure"]), want: ["The cluster sets networkProfile.networkPlugin: [\"azure\"]; set it to \"azure\"."] },
        { name: "fails an unknown plugin name", props: plugin("flannel"), want: ["The cluster sets networkProfile.networkPlugin: \"flannel\"; set it to \"azure\"."] },
        { name: "never prints a secret plugin", props: plugin(secret("kubenet")), want: ["The cluster sets networkProfile.networkPlugin: [secret]; set it to \"azure\"."] },
        { name: "passes a secret Azure CNI plugin", props: plugin(secret("azure")), want: [] },
        // config
        { name: "accepts bring-your-own CNI when configured", config: { allowedNetworkPlugins: ["azure", "none"] }, props: plugin("none"), want: [] },
        { name: "lists every allowed plugin in the fix", config: { allowedNetworkPlugins: ["azure", "none"] }, props: plugin("kubenet"),
            want: ["The cluster sets networkProfile.networkPlugin: \"kubenet\"; set it to \"azure\" or \"none\": kubenet is retired on 2028-03-31."] },
        { name: "accepts kubenet when configured", config: { allowedNetworkPlugins: ["kubenet", "azure"] }, props: plugin("kubenet"), want: [] },
        { name: "compares configured values case-insensitively", config: { allowedNetworkPlugins: ["AZURE"] }, props: plugin("azure"), want: [] },
        { name: "falls back to the default for a config that is not an array", config: { allowedNetworkPlugins: "none" }, props: plugin("none"),
            want: ["The policy configuration sets allowedNetworkPlugins: \"none\" (write a non-empty list of strings there, e.g. [\"azure\"]); until it is fixed, the policy uses the default for allowedNetworkPlugins ([\"azure\"]).", "The cluster sets networkProfile.networkPlugin: \"none\"; set it to \"azure\"."] },
        { name: "falls back to the default for an empty or non-string config", config: { allowedNetworkPlugins: [42] }, props: plugin("azure"), want: ["The policy configuration sets allowedNetworkPlugins[0]: 42 (write a string there); until it is fixed, the policy uses the default for allowedNetworkPlugins ([\"azure\"])."] },
        // AKS Automatic
        { name: "Automatic: passes when networkProfile holds other settings only", props: automaticCluster({ networkProfile: { outboundType: "loadBalancer" } }), want: [] },
        { name: "Automatic: fails an explicit kubenet", props: automaticCluster({ networkProfile: { networkPlugin: "kubenet" } }), want: [KUBENET] },
        { name: "Automatic: fails the omitted plugin when Azure CNI is not allowed", config: { allowedNetworkPlugins: ["none"] }, props: automaticCluster(),
            want: [`The cluster does not set networkProfile.networkPlugin ${WHY}; set it to "none".`] },
        { name: "Base SKU: fails the omitted plugin", props: automaticCluster({ sku: { name: "Base" } }), want: [ABSENT] },
        // classic
        { name: "classic: passes Azure CNI", type: T.classicCluster, props: classicCluster(), want: [] },
        { name: "classic: fails kubenet", type: T.classicCluster, props: classicCluster({ networkProfile: { networkPlugin: "kubenet" } }), want: [KUBENET] },
        { name: "classic: fails when networkProfile is absent", type: T.classicCluster, props: classicCluster({ networkProfile: undefined }), want: [ABSENT] },
        { name: "classic: has no Automatic SKU on this token", type: T.classicCluster, props: merge(classicCluster({ networkProfile: undefined }), { sku: { name: "Automatic" } }), want: [ABSENT] },
    ];
    violationCases(policy, T.managedCluster, cases);

    const unknowns: { name: string; props: Record<string, unknown>; type?: string; note: string }[] = [
        { name: "the plugin", props: plugin(unknown), note: "string value at .networkProfile.networkPlugin can't be known during preview" },
        { name: "the whole networkProfile", props: managedCluster({ networkProfile: unknown }), note: "string value at .networkProfile can't be known during preview" },
        { name: "the SKU of a cluster that omits the plugin", props: automaticCluster({ sku: { name: unknown } }), note: "string value at .sku.name can't be known during preview" },
        { name: "the classic plugin", type: T.classicCluster, props: classicCluster({ networkProfile: { networkPlugin: unknown } }),
            note: "string value at .networkProfile.networkPlugin can't be known during preview" },
    ];
    for (const c of unknowns) {
        it(`reports nothing but the SDK's note when ${c.name} is unknown at preview`, () => {
            const out = validate(policy, c.type ?? T.managedCluster, c.props);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, c.note);
        });
    }

    it("declares allowedNetworkPlugins with the default [\"azure\"]", () => {
        assert.deepEqual(policy.meta.config?.allowedNetworkPlugins.default, ["azure"]);
    });
    it("is not applicable to node pools", () => {
        assert.equal(validate(policy, T.agentPool, {}).notApplicable, NOT_APPLICABLE);
        assert.equal(validate(policy, T.classicNodePool, {}).notApplicable, NOT_APPLICABLE);
    });
});
