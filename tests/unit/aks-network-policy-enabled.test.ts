import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/network/aks-network-policy-enabled";
import { classicCluster, managedCluster, merge, NATIVE_CLUSTER_TYPES, T } from "../fixtures/aks";
import { automaticCluster } from "../fixtures/aks-extra";
import { secret, unknown, validate, violationCases } from "../harness";
import { untyped } from "../fixtures/typed";

const FIX = "set it to \"cilium\", \"calico\" or \"azure\".";
const WHY = "(Azure's default is none: NetworkPolicy objects are not enforced)";
const ABSENT = `The cluster does not set networkProfile.networkPolicy ${WHY}; ${FIX}`;
const NONE = `The cluster sets networkProfile.networkPolicy: "none"; ${FIX}`;
const DP_FIX = "set it to \"cilium\": networkPolicy \"cilium\" needs the Cilium dataplane.";
const DP_ABSENT = `The cluster does not set networkProfile.networkDataplane (the azure dataplane, which cannot run the Cilium engine); ${DP_FIX}`;
const NOT_APPLICABLE = "applies to AKS cluster resources only";

/** An azure-native cluster with this networkProfile (replacing the fixture's). */
function net(profile: Record<string, unknown> | undefined) {
    return merge(managedCluster({ networkProfile: undefined }), profile ? { networkProfile: profile } : {});
}

describe("aks-network-policy-enabled", () => {
    for (const type of NATIVE_CLUSTER_TYPES) {
        describe(type, () => {
            it("passes Cilium on the Cilium dataplane", () => {
                assert.deepEqual(validate(policy, type, managedCluster()).violations, []);
            });
            it("fails networkPolicy: \"none\"", () => {
                assert.deepEqual(validate(policy, type, net({ networkPlugin: "azure", networkPolicy: "none" })).violations, [NONE]);
            });
            it("fails an omitted networkPolicy (Azure default: none)", () => {
                assert.deepEqual(validate(policy, type, net({ networkPlugin: "azure" })).violations, [ABSENT]);
            });
            it("fails Cilium without the Cilium dataplane", () => {
                assert.deepEqual(validate(policy, type, net({ networkPlugin: "azure", networkPolicy: "cilium" })).violations, [DP_ABSENT]);
            });
            it("passes an AKS Automatic cluster that leaves networking to its default (Cilium)", () => {
                assert.deepEqual(validate(policy, type, automaticCluster()).violations, []);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; config?: Record<string, unknown>; want: string[] }[] = [
        { name: "passes Calico", props: net({ networkPlugin: "azure", networkPolicy: "calico" }), want: [] },
        { name: "passes Azure NPM by default", props: net({ networkPlugin: "azure", networkPolicy: "azure" }), want: [] },
        { name: "compares engines and dataplanes case-insensitively", props: net({ networkPolicy: "Cilium", networkDataplane: "CILIUM" }), want: [] },
        { name: "fails \"None\" in any case", props: net({ networkPolicy: "None" }), want: [`The cluster sets networkProfile.networkPolicy: "None"; ${FIX}`] },
        { name: "fails when networkProfile is absent (the anchor defect of passing it)", props: net(undefined), want: [ABSENT] },
        { name: "fails when networkProfile is not an object", props: managedCluster({ networkProfile: untyped(["cilium"]) }), want: [ABSENT] },
        { name: "treats a null engine as absent", props: net({ networkPolicy: null }), want: [ABSENT] },
        { name: "fails an engine that is not a string", props: net({ networkPolicy: true }), want: [`The cluster sets networkProfile.networkPolicy: true; ${FIX}`] },
        { name: "fails an unknown engine name", props: net({ networkPolicy: "weave" }), want: [`The cluster sets networkProfile.networkPolicy: "weave"; ${FIX}`] },
        { name: "fails an omitted engine even on the Cilium dataplane (Standard clusters)", props: net({ networkPlugin: "azure", networkDataplane: "cilium" }), want: [ABSENT] },
        { name: "fails Cilium on the azure dataplane", props: net({ networkPolicy: "cilium", networkDataplane: "azure" }),
            want: [`The cluster sets networkProfile.networkDataplane: "azure"; ${DP_FIX}`] },
        { name: "fails Cilium with a malformed dataplane", props: net({ networkPolicy: "cilium", networkDataplane: 1 }),
            want: [`The cluster sets networkProfile.networkDataplane: 1; ${DP_FIX}`] },
        { name: "does not ask Calico for the Cilium dataplane", props: net({ networkPolicy: "calico", networkDataplane: "azure" }), want: [] },
        { name: "does not read the classic dataplane spelling on azure-native", props: net({ networkPolicy: "cilium", networkDataPlane: "cilium" }), want: [DP_ABSENT] },
        { name: "never prints a secret engine", props: net({ networkPolicy: secret("none") }), want: [`The cluster sets networkProfile.networkPolicy: [secret]; ${FIX}`] },
        { name: "never prints a secret dataplane", props: net({ networkPolicy: "cilium", networkDataplane: secret("azure") }),
            want: [`The cluster sets networkProfile.networkDataplane: [secret]; ${DP_FIX}`] },
        // config
        { name: "fails Azure NPM when the allow-list leaves it out", config: { allowedNetworkPolicies: ["cilium", "calico"] }, props: net({ networkPolicy: "azure" }),
            want: ["The cluster sets networkProfile.networkPolicy: \"azure\"; set it to \"cilium\" or \"calico\"."] },
        { name: "never accepts \"none\", even when configured", config: { allowedNetworkPolicies: ["cilium", "none"] }, props: net({ networkPolicy: "none" }),
            want: ["The cluster sets networkProfile.networkPolicy: \"none\"; set it to \"cilium\"."] },
        { name: "falls back to the default for a config of only \"none\"", config: { allowedNetworkPolicies: ["none"] }, props: net({ networkPolicy: "calico" }), want: [] },
        { name: "falls back to the default for a config that is not an array", config: { allowedNetworkPolicies: "none" }, props: net({ networkPolicy: "none" }), want: ["The policy configuration sets allowedNetworkPolicies: \"none\" (write a non-empty list of strings there, e.g. [\"cilium\",\"calico\",\"azure\"]); until it is fixed, the policy uses the default for allowedNetworkPolicies ([\"cilium\",\"calico\",\"azure\"]).", NONE] },
        { name: "compares configured values case-insensitively", config: { allowedNetworkPolicies: ["CALICO"] }, props: net({ networkPolicy: "calico" }), want: [] },
        // AKS Automatic
        { name: "Automatic: passes with networkProfile holding other settings only", props: automaticCluster({ networkProfile: { outboundType: "loadBalancer" } }), want: [] },
        { name: "Automatic: passes an explicit Cilium engine with the dataplane omitted", props: automaticCluster({ networkProfile: { networkPolicy: "cilium" } }), want: [] },
        { name: "Automatic: fails an explicit \"none\"", props: automaticCluster({ networkProfile: { networkPolicy: "none" } }), want: [NONE] },
        { name: "Automatic: fails an explicit azure dataplane under the default Cilium engine", props: automaticCluster({ networkProfile: { networkDataplane: "azure" } }),
            want: [`The cluster sets networkProfile.networkDataplane: "azure"; ${DP_FIX}`] },
        { name: "Automatic: fails the omitted engine when Cilium is not allowed", config: { allowedNetworkPolicies: ["calico"] }, props: automaticCluster(),
            want: [`The cluster does not set networkProfile.networkPolicy ${WHY}; set it to "calico".`] },
        { name: "Base SKU: fails the omitted engine", props: automaticCluster({ sku: { name: "Base" } }), want: [ABSENT] },
        // classic
        { name: "classic: passes Cilium on the Cilium dataplane", type: T.classicCluster, props: classicCluster(), want: [] },
        { name: "classic: fails \"none\"", type: T.classicCluster, props: classicCluster({ networkProfile: { networkPolicy: "none" } }), want: [NONE] },
        { name: "classic: fails an omitted engine", type: T.classicCluster, props: classicCluster({ networkProfile: { networkPolicy: undefined } }), want: [ABSENT] },
        { name: "classic: fails Cilium without networkDataPlane", type: T.classicCluster, props: classicCluster({ networkProfile: { networkDataPlane: undefined } }),
            want: [`The cluster does not set networkProfile.networkDataPlane (the azure dataplane, which cannot run the Cilium engine); ${DP_FIX}`] },
        { name: "classic: does not read the azure-native dataplane spelling", type: T.classicCluster,
            props: classicCluster({ networkProfile: untyped({ networkDataPlane: undefined, networkDataplane: "cilium" }) }),
            want: [`The cluster does not set networkProfile.networkDataPlane (the azure dataplane, which cannot run the Cilium engine); ${DP_FIX}`] },
        { name: "classic: has no Automatic SKU on this token", type: T.classicCluster,
            props: merge(classicCluster({ networkProfile: undefined }), { sku: { name: "Automatic" } }), want: [ABSENT] },
    ];
    violationCases(policy, T.managedCluster, cases);

    const unknowns: { name: string; props: Record<string, unknown>; type?: string; note: string }[] = [
        { name: "the engine", props: net({ networkPolicy: unknown }), note: "string value at .networkProfile.networkPolicy can't be known during preview" },
        { name: "the dataplane under Cilium", props: net({ networkPolicy: "cilium", networkDataplane: unknown }),
            note: "string value at .networkProfile.networkDataplane can't be known during preview" },
        { name: "the SKU of a cluster that omits the engine", props: automaticCluster({ sku: { name: unknown } }), note: "string value at .sku.name can't be known during preview" },
        { name: "the classic engine", type: T.classicCluster, props: classicCluster({ networkProfile: { networkPolicy: unknown } }),
            note: "string value at .networkProfile.networkPolicy can't be known during preview" },
    ];
    for (const c of unknowns) {
        it(`reports nothing but the SDK's note when ${c.name} is unknown at preview`, () => {
            const out = validate(policy, c.type ?? T.managedCluster, c.props);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, c.note);
        });
    }

    it("does not read the dataplane under Calico", () => {
        const out = validate(policy, T.managedCluster, net({ networkPolicy: "calico", networkDataplane: unknown }));
        assert.deepEqual(out.violations, []);
        assert.equal(out.unknown, undefined);
    });
    it("is advisory with high severity", () => {
        assert.equal(policy.enforcementLevel, "advisory");
        assert.equal(policy.severity, "high");
    });
    it("declares allowedNetworkPolicies with the default [\"cilium\", \"calico\", \"azure\"]", () => {
        assert.deepEqual(policy.meta.config?.allowedNetworkPolicies.default, ["cilium", "calico", "azure"]);
    });
    it("is not applicable to node pools", () => {
        assert.equal(validate(policy, T.agentPool, {}).notApplicable, NOT_APPLICABLE);
        assert.equal(validate(policy, T.classicNodePool, {}).notApplicable, NOT_APPLICABLE);
    });
});
