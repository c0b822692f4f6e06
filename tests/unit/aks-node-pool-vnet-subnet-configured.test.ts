import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/network/aks-node-pool-vnet-subnet-configured";
import { agentPool, classicCluster, classicNodePool, managedCluster, merge, NATIVE_CLUSTER_TYPES, NATIVE_POOL_TYPES, nativePool, T } from "../fixtures/aks";
import { automaticCluster, SUBNET, vnetAgentPool, vnetClassicNodePool, vnetClassicPool } from "../fixtures/aks-extra";
import { secret, unknown, validate, violationCases } from "../harness";
import { untyped } from "../fixtures/typed";

const WHY = "(AKS puts the nodes in a VNet it creates and manages in the node resource group)";
const AUTO_WHY = "AKS Automatic runs its nodes in a VNet it creates and manages";
const FIX = "set it to the resource ID of a subnet in your virtual network.";

describe("aks-node-pool-vnet-subnet-configured", () => {
    for (const type of NATIVE_CLUSTER_TYPES) {
        describe(type, () => {
            it("passes inline pools in a customer subnet", () => {
                assert.deepEqual(validate(policy, type, managedCluster({ agentPoolProfiles: [nativePool(), nativePool({ name: "user", mode: "User" })] })).violations, []);
            });
            it("fails only the inline pool without a subnet (Azure default: a managed VNet)", () => {
                const props = managedCluster({ agentPoolProfiles: [nativePool(), nativePool({ name: "user", mode: "User", vnetSubnetID: undefined })] });
                assert.deepEqual(validate(policy, type, props).violations, [`agentPoolProfiles[1] ("user") does not set vnetSubnetID ${WHY}; ${FIX}`]);
            });
        });
    }

    for (const type of NATIVE_POOL_TYPES) {
        describe(type, () => {
            it("passes an AgentPool in a customer subnet", () => {
                assert.deepEqual(validate(policy, type, vnetAgentPool()).violations, []);
            });
            it("passes an AgentPool without a subnet: it joins its cluster's VNet, judged on the cluster", () => {
                assert.deepEqual(validate(policy, type, agentPool()).violations, []);
            });
            it("fails an AgentPool with an empty subnet ID", () => {
                assert.deepEqual(validate(policy, type, agentPool({ vnetSubnetID: "" })).violations, [`Node pool "user" sets vnetSubnetID: ""; ${FIX}`]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; want: string[] }[] = [
        { name: "fails an empty subnet ID", props: managedCluster({ agentPoolProfiles: [nativePool({ vnetSubnetID: "" })] }),
            want: [`agentPoolProfiles[0] ("system") sets vnetSubnetID: ""; ${FIX}`] },
        { name: "fails a blank subnet ID", props: managedCluster({ agentPoolProfiles: [nativePool({ vnetSubnetID: "  " })] }),
            want: [`agentPoolProfiles[0] ("system") sets vnetSubnetID: "  "; ${FIX}`] },
        { name: "fails a subnet ID that is not a string", props: managedCluster({ agentPoolProfiles: [nativePool({ vnetSubnetID: untyped({ id: "nodes" }) })] }),
            want: [`agentPoolProfiles[0] ("system") sets vnetSubnetID: {"id":"nodes"}; ${FIX}`] },
        { name: "treats a null subnet ID as absent", props: managedCluster({ agentPoolProfiles: [nativePool({ vnetSubnetID: null })] }),
            want: [`agentPoolProfiles[0] ("system") does not set vnetSubnetID ${WHY}; ${FIX}`] },
        { name: "reports an element that is not an object as not setting the subnet", props: managedCluster({ agentPoolProfiles: [untyped("system")] }),
            want: [`agentPoolProfiles[0] does not set vnetSubnetID ${WHY}; ${FIX}`] },
        { name: "checks nothing when agentPoolProfiles is absent (pools declared separately)", props: managedCluster({ agentPoolProfiles: undefined }), want: [] },
        { name: "checks nothing when agentPoolProfiles is not an array", props: managedCluster({ agentPoolProfiles: untyped({ name: "system" }) }), want: [] },
        { name: "fails a pool with only podSubnetID: the node subnet is what counts", props: managedCluster({ agentPoolProfiles: [nativePool({ vnetSubnetID: undefined, podSubnetID: SUBNET })] }),
            want: [`agentPoolProfiles[0] ("system") does not set vnetSubnetID ${WHY}; ${FIX}`] },
        { name: "fails the system pool of an AKS Automatic cluster in its managed VNet", props: automaticCluster(),
            want: [`agentPoolProfiles[0] ("systempool") does not set vnetSubnetID ${WHY}; ${FIX}`] },
        { name: "passes a secret subnet ID", props: managedCluster({ agentPoolProfiles: [nativePool({ vnetSubnetID: secret(SUBNET) })] }), want: [] },
        { name: "never prints a secret malformed subnet ID", props: managedCluster({ agentPoolProfiles: [nativePool({ vnetSubnetID: secret(7) })] }),
            want: [`agentPoolProfiles[0] ("system") sets vnetSubnetID: [secret]; ${FIX}`] },
        { name: "does not read the classic spelling on azure-native", props: managedCluster({ agentPoolProfiles: [merge(nativePool({ vnetSubnetID: undefined }), { vnetSubnetId: SUBNET })] }),
            want: [`agentPoolProfiles[0] ("system") does not set vnetSubnetID ${WHY}; ${FIX}`] },
        { name: "AgentPool: names a pool without agentPoolName generically", type: T.agentPool, props: agentPool({ agentPoolName: undefined, vnetSubnetID: " " }),
            want: [`The node pool sets vnetSubnetID: " "; ${FIX}`] },
        { name: "AgentPool: a null subnet is absent: the pool joins its cluster's VNet", type: T.agentPool, props: agentPool({ vnetSubnetID: null }), want: [] },
        // AKS Automatic without declared pools: its managed system nodes and autoprovisioned nodes
        { name: "Automatic without pools: fails the AKS-managed VNet, naming both hostedSystemProfile subnets",
            props: automaticCluster({ agentPoolProfiles: undefined }), want: [
                `The cluster does not set hostedSystemProfile.systemNodeSubnetID (${AUTO_WHY}); ${FIX}`,
                `The cluster does not set hostedSystemProfile.nodeSubnetID (${AUTO_WHY}); ${FIX}`,
            ] },
        { name: "Automatic without pools: passes both hostedSystemProfile subnets",
            props: merge(automaticCluster({ agentPoolProfiles: undefined }), { hostedSystemProfile: { enabled: true, systemNodeSubnetID: SUBNET, nodeSubnetID: SUBNET } }), want: [] },
        { name: "Automatic without pools: fails the missing one of the two",
            props: merge(automaticCluster({ agentPoolProfiles: [] }), { hostedSystemProfile: { systemNodeSubnetID: SUBNET } }),
            want: [`The cluster does not set hostedSystemProfile.nodeSubnetID (${AUTO_WHY}); ${FIX}`] },
        { name: "Automatic without pools: passes subnets from another resource's output",
            props: merge(automaticCluster({ agentPoolProfiles: undefined }), { hostedSystemProfile: { systemNodeSubnetID: unknown, nodeSubnetID: unknown } }), want: [] },
        { name: "Base SKU without pools: checks nothing (its pools are declared separately)", props: automaticCluster({ sku: { name: "Base" }, agentPoolProfiles: undefined }), want: [] },
        // classic
        { name: "classic: passes defaultNodePool.vnetSubnetId", type: T.classicCluster, props: classicCluster({ defaultNodePool: vnetClassicPool() }), want: [] },
        { name: "classic: fails defaultNodePool without a subnet", type: T.classicCluster, props: classicCluster(),
            want: [`defaultNodePool ("system") does not set vnetSubnetId ${WHY}; ${FIX}`] },
        { name: "classic: does not read the azure-native spelling", type: T.classicCluster, props: classicCluster({ defaultNodePool: merge(vnetClassicPool({ vnetSubnetId: undefined }), { vnetSubnetID: SUBNET }) }),
            want: [`defaultNodePool ("system") does not set vnetSubnetId ${WHY}; ${FIX}`] },
        { name: "classic: checks nothing when defaultNodePool is absent", type: T.classicCluster, props: classicCluster({ defaultNodePool: undefined }), want: [] },
        { name: "classic node pool: passes vnetSubnetId", type: T.classicNodePool, props: vnetClassicNodePool(), want: [] },
        { name: "classic node pool: passes without a subnet (it joins its cluster's VNet)", type: T.classicNodePool, props: classicNodePool(), want: [] },
        { name: "classic node pool: fails an empty subnet ID", type: T.classicNodePool, props: vnetClassicNodePool({ vnetSubnetId: "" }),
            want: [`Node pool "user" sets vnetSubnetId: ""; ${FIX}`] },
    ];
    violationCases(policy, T.managedCluster, cases);

    // Subnet IDs usually come from a Subnet resource created in the same stack: unknown during preview.
    const pending: { name: string; props: Record<string, unknown>; type?: string }[] = [
        { name: "an inline pool", props: managedCluster({ agentPoolProfiles: [nativePool({ vnetSubnetID: unknown })] }) },
        { name: "an AgentPool", type: T.agentPool, props: vnetAgentPool({ vnetSubnetID: unknown }) },
        { name: "a classic defaultNodePool", type: T.classicCluster, props: classicCluster({ defaultNodePool: vnetClassicPool({ vnetSubnetId: unknown }) }) },
        { name: "a classic node pool", type: T.classicNodePool, props: vnetClassicNodePool({ vnetSubnetId: unknown }) },
    ];
    for (const c of pending) {
        it(`passes ${c.name} whose subnet ID is another resource's output, with no SDK note`, () => {
            const out = validate(policy, c.type ?? T.managedCluster, c.props);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, undefined);
        });
    }
    it("reports nothing but the SDK's note when the whole agentPoolProfiles is unknown", () => {
        const out = validate(policy, T.managedCluster, managedCluster({ agentPoolProfiles: unknown }));
        assert.deepEqual(out.violations, []);
        assert.equal(out.unknown, "string value at .agentPoolProfiles can't be known during preview");
    });
    it("reports nothing but the SDK's note when an inline pool is unknown", () => {
        const out = validate(policy, T.managedCluster, managedCluster({ agentPoolProfiles: [unknown] }));
        assert.deepEqual(out.violations, []);
        assert.equal(out.unknown, "string value at .agentPoolProfiles.0 can't be known during preview");
    });

});
