import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/data-protection/aks-encryption-at-host-enabled";
import { agentPool, classicCluster, classicNodePool, classicPool, managedCluster, merge, NATIVE_CLUSTER_TYPES, NATIVE_POOL_TYPES, nativePool, T } from "../fixtures/aks";
import { secret, unknown, validate, violationCases } from "../harness";
import { untyped } from "../fixtures/typed";

const WHY = "(temp disks and caches are not encrypted at the host)";
const NOT_APPLICABLE = "applies to AKS cluster and node pool resources only";

describe("aks-encryption-at-host-enabled", () => {
    for (const type of NATIVE_CLUSTER_TYPES) {
        describe(type, () => {
            it("passes a cluster whose inline pools all encrypt at host", () => {
                assert.deepEqual(validate(policy, type, managedCluster({ agentPoolProfiles: [nativePool(), nativePool({ name: "user", mode: "User" })] })).violations, []);
            });
            it("fails only the inline pool that does not encrypt at host", () => {
                const props = managedCluster({
                    agentPoolProfiles: [nativePool(), nativePool({ name: "user", mode: "User", enableEncryptionAtHost: false }), nativePool({ name: "gpu", mode: "User" })],
                });
                assert.deepEqual(validate(policy, type, props).violations, ["agentPoolProfiles[1] (\"user\") sets enableEncryptionAtHost: false; set it to true."]);
            });
            it("fails an inline pool without the flag (Azure default: off)", () => {
                assert.deepEqual(validate(policy, type, managedCluster({ agentPoolProfiles: [nativePool({ enableEncryptionAtHost: undefined })] })).violations,
                    [`agentPoolProfiles[0] ("system") does not set enableEncryptionAtHost ${WHY}; set it to true.`]);
            });
        });
    }

    for (const type of NATIVE_POOL_TYPES) {
        describe(type, () => {
            it("passes an AgentPool that encrypts at host", () => {
                assert.deepEqual(validate(policy, type, agentPool()).violations, []);
            });
            it("fails an AgentPool with enableEncryptionAtHost: false", () => {
                assert.deepEqual(validate(policy, type, agentPool({ enableEncryptionAtHost: false })).violations,
                    ["Node pool \"user\" sets enableEncryptionAtHost: false; set it to true."]);
            });
            it("fails an AgentPool without the flag", () => {
                assert.deepEqual(validate(policy, type, agentPool({ enableEncryptionAtHost: undefined })).violations,
                    [`Node pool "user" does not set enableEncryptionAtHost ${WHY}; set it to true.`]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; want: string[] }[] = [
        // inline azure-native pools
        { name: "reports every failing inline pool once, in order", props: managedCluster({
            agentPoolProfiles: [nativePool({ enableEncryptionAtHost: untyped("no") }), nativePool({ name: "ok", mode: "User" }), nativePool({ name: "user", mode: "User", enableEncryptionAtHost: undefined })],
        }), want: [
            "agentPoolProfiles[0] (\"system\") sets enableEncryptionAtHost: \"no\"; set it to true.",
            `agentPoolProfiles[2] ("user") does not set enableEncryptionAtHost ${WHY}; set it to true.`,
        ] },
        { name: "accepts the string \"true\" as the platform does", props: managedCluster({ agentPoolProfiles: [nativePool({ enableEncryptionAtHost: untyped("true") })] }), want: [] },
        { name: "fails the string \"false\"", props: managedCluster({ agentPoolProfiles: [nativePool({ enableEncryptionAtHost: untyped("false") })] }),
            want: ["agentPoolProfiles[0] (\"system\") sets enableEncryptionAtHost: \"false\"; set it to true."] },
        { name: "fails a malformed flag, showing it", props: managedCluster({ agentPoolProfiles: [nativePool({ enableEncryptionAtHost: untyped("yes") })] }),
            want: ["agentPoolProfiles[0] (\"system\") sets enableEncryptionAtHost: \"yes\"; set it to true."] },
        { name: "fails an array where a boolean is expected", props: managedCluster({ agentPoolProfiles: [nativePool({ enableEncryptionAtHost: untyped([true]) })] }),
            want: ["agentPoolProfiles[0] (\"system\") sets enableEncryptionAtHost: [true]; set it to true."] },
        { name: "names an inline pool without a name by its index only", props: managedCluster({ agentPoolProfiles: [nativePool({ name: undefined, enableEncryptionAtHost: false })] }),
            want: ["agentPoolProfiles[0] sets enableEncryptionAtHost: false; set it to true."] },
        { name: "names an inline pool whose name is not a string by its index only", props: managedCluster({ agentPoolProfiles: [nativePool({ name: untyped(7), enableEncryptionAtHost: false })] }),
            want: ["agentPoolProfiles[0] sets enableEncryptionAtHost: false; set it to true."] },
        { name: "reports an element that is not an object as not setting the flag", props: managedCluster({ agentPoolProfiles: [untyped("system")] }),
            want: [`agentPoolProfiles[0] does not set enableEncryptionAtHost ${WHY}; set it to true.`] },
        { name: "checks nothing when agentPoolProfiles is not an array", props: managedCluster({ agentPoolProfiles: untyped({ name: "system", enableEncryptionAtHost: false }) }), want: [] },
        { name: "checks nothing when agentPoolProfiles is absent (pools declared separately)", props: managedCluster({ agentPoolProfiles: undefined }), want: [] },
        { name: "checks nothing for an empty agentPoolProfiles", props: managedCluster({ agentPoolProfiles: [] }), want: [] },
        { name: "never prints a secret flag", props: managedCluster({ agentPoolProfiles: [nativePool({ enableEncryptionAtHost: secret("hunter2") })] }),
            want: ["agentPoolProfiles[0] (\"system\") sets enableEncryptionAtHost: [secret]; set it to true."] },
        { name: "does not read the classic spellings on azure-native", props: managedCluster({ agentPoolProfiles: [merge(nativePool({ enableEncryptionAtHost: undefined }), { hostEncryptionEnabled: true, enableHostEncryption: true })] }),
            want: [`agentPoolProfiles[0] ("system") does not set enableEncryptionAtHost ${WHY}; set it to true.`] },
        // separate azure-native AgentPool
        { name: "names an AgentPool without agentPoolName generically", type: T.agentPool, props: agentPool({ agentPoolName: undefined, enableEncryptionAtHost: false }),
            want: ["The node pool sets enableEncryptionAtHost: false; set it to true."] },
        { name: "AgentPool: accepts the string \"true\"", type: T.agentPool, props: agentPool({ enableEncryptionAtHost: untyped("TRUE") }), want: [] },
        { name: "AgentPool: fails a malformed flag", type: T.agentPool, props: agentPool({ enableEncryptionAtHost: untyped("yes") }),
            want: ["Node pool \"user\" sets enableEncryptionAtHost: \"yes\"; set it to true."] },
        { name: "AgentPool: fails an object where a boolean is expected", type: T.agentPool, props: agentPool({ enableEncryptionAtHost: untyped({ enabled: true }) }),
            want: ["Node pool \"user\" sets enableEncryptionAtHost: {\"enabled\":true}; set it to true."] },
        { name: "AgentPool: never prints a secret flag", type: T.agentPool, props: agentPool({ enableEncryptionAtHost: secret(0) }),
            want: ["Node pool \"user\" sets enableEncryptionAtHost: [secret]; set it to true."] },
        // classic defaultNodePool
        { name: "classic: passes defaultNodePool with v6 hostEncryptionEnabled", type: T.classicCluster, props: classicCluster(), want: [] },
        { name: "classic v6: fails hostEncryptionEnabled: false", type: T.classicCluster, props: classicCluster({ defaultNodePool: { hostEncryptionEnabled: false } }),
            want: ["defaultNodePool (\"system\") sets hostEncryptionEnabled: false; set it to true."] },
        { name: "classic: fails without either spelling, naming the v6 one", type: T.classicCluster, props: classicCluster({ defaultNodePool: { hostEncryptionEnabled: undefined } }),
            want: [`defaultNodePool ("system") does not set hostEncryptionEnabled ${WHY}; set it to true.`] },
        { name: "classic v5: passes enableHostEncryption: true", type: T.classicCluster,
            props: classicCluster({ defaultNodePool: untyped({ hostEncryptionEnabled: undefined, enableHostEncryption: true }) }), want: [] },
        { name: "classic v5: fails enableHostEncryption: false", type: T.classicCluster,
            props: classicCluster({ defaultNodePool: untyped({ hostEncryptionEnabled: undefined, enableHostEncryption: false }) }),
            want: ["defaultNodePool (\"system\") sets enableHostEncryption: false; set it to true."] },
        { name: "classic v5: fails a malformed enableHostEncryption", type: T.classicCluster,
            props: classicCluster({ defaultNodePool: untyped({ hostEncryptionEnabled: undefined, enableHostEncryption: "yes" }) }),
            want: ["defaultNodePool (\"system\") sets enableHostEncryption: \"yes\"; set it to true."] },
        { name: "classic: names a defaultNodePool without a name by its path only", type: T.classicCluster,
            props: classicCluster({ defaultNodePool: { name: undefined, hostEncryptionEnabled: false } }),
            want: ["defaultNodePool sets hostEncryptionEnabled: false; set it to true."] },
        { name: "classic: reports an array where the defaultNodePool object is expected", type: T.classicCluster,
            props: classicCluster({ defaultNodePool: untyped([classicPool()]) }),
            want: [`defaultNodePool does not set hostEncryptionEnabled ${WHY}; set it to true.`] },
        { name: "classic: checks nothing when defaultNodePool is absent", type: T.classicCluster, props: classicCluster({ defaultNodePool: undefined }), want: [] },
        { name: "classic: never prints a secret flag", type: T.classicCluster, props: classicCluster({ defaultNodePool: { hostEncryptionEnabled: secret("no") } }),
            want: ["defaultNodePool (\"system\") sets hostEncryptionEnabled: [secret]; set it to true."] },
        // classic KubernetesClusterNodePool
        { name: "classic node pool: passes hostEncryptionEnabled", type: T.classicNodePool, props: classicNodePool(), want: [] },
        { name: "classic node pool: fails hostEncryptionEnabled: false", type: T.classicNodePool, props: classicNodePool({ hostEncryptionEnabled: false }),
            want: ["Node pool \"user\" sets hostEncryptionEnabled: false; set it to true."] },
        { name: "classic node pool: fails without the flag", type: T.classicNodePool, props: classicNodePool({ hostEncryptionEnabled: undefined }),
            want: [`Node pool "user" does not set hostEncryptionEnabled ${WHY}; set it to true.`] },
        { name: "classic node pool v5: fails enableHostEncryption: false", type: T.classicNodePool,
            props: merge(classicNodePool({ hostEncryptionEnabled: undefined }), { enableHostEncryption: false }),
            want: ["Node pool \"user\" sets enableHostEncryption: false; set it to true."] },
        { name: "classic node pool: names a pool without a name generically", type: T.classicNodePool, props: classicNodePool({ name: undefined, hostEncryptionEnabled: untyped("yes") }),
            want: ["The node pool sets hostEncryptionEnabled: \"yes\"; set it to true."] },
    ];
    violationCases(policy, T.managedCluster, cases);

    const unknowns: { name: string; props: Record<string, unknown>; type?: string; note: string }[] = [
        { name: "an inline pool's flag", props: managedCluster({ agentPoolProfiles: [nativePool(), nativePool({ name: "user", enableEncryptionAtHost: unknown })] }),
            note: "string value at .agentPoolProfiles.1.enableEncryptionAtHost can't be known during preview" },
        { name: "the whole agentPoolProfiles", props: managedCluster({ agentPoolProfiles: unknown }),
            note: "string value at .agentPoolProfiles can't be known during preview" },
        { name: "an AgentPool's flag", type: T.agentPool, props: agentPool({ enableEncryptionAtHost: unknown }),
            note: "string value at .enableEncryptionAtHost can't be known during preview" },
        { name: "a classic defaultNodePool's flag", type: T.classicCluster, props: classicCluster({ defaultNodePool: { hostEncryptionEnabled: unknown } }),
            note: "string value at .defaultNodePool.hostEncryptionEnabled can't be known during preview" },
        { name: "a classic node pool's flag", type: T.classicNodePool, props: classicNodePool({ hostEncryptionEnabled: unknown }),
            note: "string value at .hostEncryptionEnabled can't be known during preview" },
    ];
    for (const c of unknowns) {
        it(`reports nothing but the SDK's note when ${c.name} is unknown at preview`, () => {
            const out = validate(policy, c.type ?? T.managedCluster, c.props);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, c.note);
        });
    }

    it("never prints the name of an inline pool held in a secret", () => {
        const out = validate(policy, T.managedCluster, managedCluster({ agentPoolProfiles: [secret(nativePool({ name: "hunter2", enableEncryptionAtHost: false }))] }));
        assert.deepEqual(out.violations, ["agentPoolProfiles[0] sets enableEncryptionAtHost: [secret]; set it to true."]);
    });
    it("never prints a secret AgentPool name", () => {
        const out = validate(policy, T.agentPool, agentPool({ agentPoolName: secret("hunter2"), enableEncryptionAtHost: false }));
        assert.deepEqual(out.violations, ["The node pool sets enableEncryptionAtHost: false; set it to true."]);
    });
    it("names a pool by its path when its name is unknown at preview, and still reports", () => {
        const out = validate(policy, T.managedCluster, managedCluster({ agentPoolProfiles: [nativePool({ name: unknown, enableEncryptionAtHost: false })] }));
        assert.deepEqual(out.violations, ["agentPoolProfiles[0] sets enableEncryptionAtHost: false; set it to true."]);
        assert.equal(out.unknown, undefined);
    });

    it("does not match look-alike tokens", () => {
        assert.equal(validate(policy, "azure-native:containerservice:ManagedClusterSnapshot", {}).notApplicable, NOT_APPLICABLE);
        assert.equal(validate(policy, "azure-native:containerservice:Snapshot", {}).notApplicable, NOT_APPLICABLE);
        assert.equal(validate(policy, "azure:compute/linuxVirtualMachineScaleSet:LinuxVirtualMachineScaleSet", {}).notApplicable, NOT_APPLICABLE);
    });
});
