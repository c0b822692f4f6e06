import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/nodes/aks-kubernetes-version-supported";
import { agentPool, classicNodePool, classicPool, NATIVE_CLUSTER_TYPES, NATIVE_POOL_TYPES, nativePool, T } from "../fixtures/aks";
import { classicHardened, nativeCluster } from "../fixtures/aks-extra2";
import { secret, unknown, validate } from "../harness";

const OLD = "upgrade to 1.33 or later; older versions are out of AKS standard support.";
const BAD = "set it to a Kubernetes version such as \"1.33\" (major.minor or major.minor.patch).";
const NOT_APPLICABLE = "applies to AKS cluster and node pool resources only";

/** An azure-native cluster at `version` whose inline pools run these orchestrator versions. */
function cluster(version: unknown, ...pools: unknown[]) {
    return nativeCluster({ kubernetesVersion: version, agentPoolProfiles: pools.map((v, i) => nativePool({ name: i ? `user${i}` : "system", orchestratorVersion: v })) });
}

describe("aks-kubernetes-version-supported", () => {
    for (const type of NATIVE_CLUSTER_TYPES) {
        describe(type, () => {
            it("passes a supported cluster and pool version", () => {
                assert.deepEqual(validate(policy, type, cluster("1.33", "1.33.2")).violations, []);
            });
            it("fails an old cluster version", () => {
                assert.deepEqual(validate(policy, type, cluster("1.29.4")).violations, [`The cluster sets kubernetesVersion: "1.29.4"; ${OLD}`]);
            });
            it("fails an old inline pool version", () => {
                assert.deepEqual(validate(policy, type, cluster("1.33", "1.33", "1.31")).violations, [`agentPoolProfiles[1] ("user1") sets orchestratorVersion: "1.31"; ${OLD}`]);
            });
        });
    }
    for (const type of NATIVE_POOL_TYPES) {
        describe(type, () => {
            it("passes an AgentPool on a supported version", () => {
                assert.deepEqual(validate(policy, type, agentPool({ orchestratorVersion: "1.34.1" })).violations, []);
            });
            it("fails an AgentPool on an old version", () => {
                assert.deepEqual(validate(policy, type, agentPool({ orchestratorVersion: "1.30.5" })).violations, [`Node pool "user" sets orchestratorVersion: "1.30.5"; ${OLD}`]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; config?: Record<string, unknown>; want: string[] }[] = [
        // accepted forms
        { name: "accepts a major.minor version", props: cluster("1.33"), want: [] },
        { name: "accepts a patch version", props: cluster("1.33.2"), want: [] },
        { name: "accepts a leading v", props: cluster("v1.33", "V1.34.0"), want: [] },
        { name: "compares minors numerically (1.100 > 1.33)", props: cluster("1.100"), want: [] },
        { name: "accepts a newer major", props: cluster("2.0"), want: [] },
        // omitted
        { name: "passes a cluster and pools without versions (AKS picks its default at create)", props: cluster(undefined, undefined, undefined), want: [] },
        { name: "treats null as omitted", props: cluster(null, null), want: [] },
        { name: "checks pools even when the cluster omits its version", props: cluster(undefined, "1.28"), want: [`agentPoolProfiles[0] ("system") sets orchestratorVersion: "1.28"; ${OLD}`] },
        { name: "passes an AgentPool without a version (it follows the control plane)", type: T.agentPool, props: agentPool(), want: [] },
        // failures
        { name: "fails the minor just below the minimum", props: cluster("1.32.9"), want: [`The cluster sets kubernetesVersion: "1.32.9"; ${OLD}`] },
        { name: "fails a single-digit minor", props: cluster("v1.9"), want: [`The cluster sets kubernetesVersion: "v1.9"; ${OLD}`] },
        { name: "reports the cluster first, then each old pool, in order", props: cluster("1.30", "1.30", "1.33", "1.29"), want: [
            `The cluster sets kubernetesVersion: "1.30"; ${OLD}`,
            `agentPoolProfiles[0] ("system") sets orchestratorVersion: "1.30"; ${OLD}`,
            `agentPoolProfiles[2] ("user2") sets orchestratorVersion: "1.29"; ${OLD}`,
        ] },
        // unparsable
        { name: "fails a word, showing it", props: cluster("latest"), want: [`The cluster sets kubernetesVersion: "latest"; ${BAD}`] },
        { name: "fails an empty string", props: cluster(""), want: [`The cluster sets kubernetesVersion: ""; ${BAD}`] },
        { name: "fails a major only", props: cluster("1"), want: [`The cluster sets kubernetesVersion: "1"; ${BAD}`] },
        { name: "fails a wildcard patch", props: cluster("1.33.x"), want: [`The cluster sets kubernetesVersion: "1.33.x"; ${BAD}`] },
        { name: "fails a pre-release suffix", props: cluster("1.33.2-preview"), want: [`The cluster sets kubernetesVersion: "1.33.2-preview"; ${BAD}`] },
        { name: "fails surrounding spaces", props: cluster(" 1.33"), want: [`The cluster sets kubernetesVersion: " 1.33"; ${BAD}`] },
        { name: "fails a number where a string is expected", props: cluster(1.33), want: [`The cluster sets kubernetesVersion: 1.33; ${BAD}`] },
        { name: "fails an array", props: cluster(["1.33"]), want: [`The cluster sets kubernetesVersion: ["1.33"]; ${BAD}`] },
        { name: "fails an unparsable pool version", props: cluster("1.33", "stable"), want: [`agentPoolProfiles[0] ("system") sets orchestratorVersion: "stable"; ${BAD}`] },
        { name: "passes a pool element that is not an object (it sets no version)", props: nativeCluster({ agentPoolProfiles: ["1.20"] }), want: [] },
        // config
        { name: "takes the minimum from config", config: { minimumVersion: "1.34" }, props: cluster("1.33"),
            want: ["The cluster sets kubernetesVersion: \"1.33\"; upgrade to 1.34 or later; older versions are out of AKS standard support."] },
        { name: "shows the configured minimum as written", config: { minimumVersion: "v1.34" }, props: cluster("1.33", "1.9"), want: [
            "The cluster sets kubernetesVersion: \"1.33\"; upgrade to v1.34 or later; older versions are out of AKS standard support.",
            "agentPoolProfiles[0] (\"system\") sets orchestratorVersion: \"1.9\"; upgrade to v1.34 or later; older versions are out of AKS standard support.",
        ] },
        { name: "compares patches when the minimum names one", config: { minimumVersion: "1.33.5" }, props: cluster("1.33.2", "1.33.5", "1.33", "1.34.0"),
            want: ["The cluster sets kubernetesVersion: \"1.33.2\"; upgrade to 1.33.5 or later; older versions are out of AKS standard support."] },
        { name: "falls back to 1.33 for an unparsable configured minimum", config: { minimumVersion: "latest" }, props: cluster("1.32", "1.33"),
            want: ["The policy configuration sets minimumVersion: \"latest\" (write a string matching ^[vV]?[0-9]+\\.[0-9]+(\\.[0-9]+)?$ there, e.g. \"1.33\"); until it is fixed, the policy uses the default for minimumVersion (\"1.33\").", `The cluster sets kubernetesVersion: "1.32"; ${OLD}`] },
        { name: "falls back to 1.33 for a configured minimum that is not a string", config: { minimumVersion: 1.34 }, props: cluster("1.33"), want: ["The policy configuration sets minimumVersion: 1.34 (write a string matching ^[vV]?[0-9]+\\.[0-9]+(\\.[0-9]+)?$ there, e.g. \"1.33\"); until it is fixed, the policy uses the default for minimumVersion (\"1.33\")."] },
        // secrets
        { name: "never prints a secret version", props: cluster(secret("1.20")), want: [`The cluster sets kubernetesVersion: [secret]; ${OLD}`] },
        { name: "never prints a secret unparsable version", props: cluster(secret("hunter2")), want: [`The cluster sets kubernetesVersion: [secret]; ${BAD}`] },
        { name: "passes a secret supported version", props: cluster(secret("1.33")), want: [] },
        // classic
        { name: "classic: passes supported versions", type: T.classicCluster, props: classicHardened({ defaultNodePool: { orchestratorVersion: "1.33.1" } }), want: [] },
        { name: "classic: fails an old cluster and default pool", type: T.classicCluster,
            props: classicHardened({ kubernetesVersion: "1.27", defaultNodePool: { orchestratorVersion: "1.27.9" } }), want: [
                `The cluster sets kubernetesVersion: "1.27"; ${OLD}`,
                `defaultNodePool ("system") sets orchestratorVersion: "1.27.9"; ${OLD}`,
            ] },
        { name: "classic: passes without versions", type: T.classicCluster, props: classicHardened({ kubernetesVersion: undefined }), want: [] },
        { name: "classic: checks nothing more when defaultNodePool is an array", type: T.classicCluster,
            props: classicHardened({ defaultNodePool: [classicPool({ orchestratorVersion: "1.20" })] }), want: [] },
        { name: "classic node pool: passes a supported version", type: T.classicNodePool, props: classicNodePool({ orchestratorVersion: "v1.33" }), want: [] },
        { name: "classic node pool: fails an old version", type: T.classicNodePool, props: classicNodePool({ orchestratorVersion: "1.26" }),
            want: [`Node pool "user" sets orchestratorVersion: "1.26"; ${OLD}`] },
        { name: "classic node pool: fails an unparsable version", type: T.classicNodePool, props: classicNodePool({ orchestratorVersion: "1.x" }),
            want: [`Node pool "user" sets orchestratorVersion: "1.x"; ${BAD}`] },
        { name: "names an AgentPool without a name generically", type: T.agentPool, props: agentPool({ agentPoolName: undefined, orchestratorVersion: "1.2" }),
            want: [`The node pool sets orchestratorVersion: "1.2"; ${OLD}`] },
    ];
    for (const c of cases) {
        it(c.name, () => {
            const out = validate(policy, c.type ?? T.managedCluster, c.props, c.config);
            assert.deepEqual(out.violations, c.want);
            assert.equal(out.unknown, undefined);
        });
    }

    const unknowns: { name: string; props: Record<string, unknown>; type?: string; note: string }[] = [
        { name: "the cluster version", props: cluster(unknown), note: "string value at .kubernetesVersion can't be known during preview" },
        { name: "an inline pool's version", props: cluster("1.33", "1.33", unknown), note: "string value at .agentPoolProfiles.1.orchestratorVersion can't be known during preview" },
        { name: "an AgentPool's version", type: T.agentPool, props: agentPool({ orchestratorVersion: unknown }), note: "string value at .orchestratorVersion can't be known during preview" },
        { name: "a classic node pool's version", type: T.classicNodePool, props: classicNodePool({ orchestratorVersion: unknown }), note: "string value at .orchestratorVersion can't be known during preview" },
    ];
    for (const c of unknowns) {
        it(`reports nothing but the SDK's note when ${c.name} is unknown at preview`, () => {
            const out = validate(policy, c.type ?? T.managedCluster, c.props);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, c.note);
        });
    }

    it("never prints the name of an inline pool held in a secret", () => {
        const out = validate(policy, T.managedCluster, nativeCluster({ agentPoolProfiles: [secret(nativePool({ name: "hunter2", orchestratorVersion: "1.20" }))] }));
        assert.deepEqual(out.violations, [`agentPoolProfiles[0] sets orchestratorVersion: [secret]; ${OLD}`]);
    });
    it("is not applicable to other resource types", () => {
        assert.equal(validate(policy, "azure-native:containerservice:ManagedClusterSnapshot", {}).notApplicable, NOT_APPLICABLE);
        assert.equal(validate(policy, "azure-native:compute:VirtualMachineScaleSet", {}).notApplicable, NOT_APPLICABLE);
    });
});
