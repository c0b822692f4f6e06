import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/network/aks-node-subnet-nsg-attached";
import { nativePool } from "../fixtures/aks";
import { association, classicAks, classicNodePoolRes, classicSubnet, cluster, nodePool, nsg, ref, Res, Shape, SHAPES, subnet, TT, vnet, withDeps } from "../fixtures/stack";
import { secret, unknown, validateStack } from "../harness";
import { untyped } from "../fixtures/typed";

const WHY = "(traffic to and from the nodes is not filtered by an NSG of yours)";
const NATIVE = (users: string, s = "nodes") => `Subnet "${s}" does not set networkSecurityGroup ${WHY}; it holds the nodes of ${users}: set networkSecurityGroup to { id: <NSG id> }.`;
const CLASSIC = (users: string) => `Subnet "nodes" has no SubnetNetworkSecurityGroupAssociation in this stack ${WHY}; it holds the nodes of ${users}: add one with subnetId set to the subnet's id and networkSecurityGroupId set to the NSG's id.`;

function run(resources: Res[]) {
    const out = validateStack(policy, resources);
    assert.equal(out.unknown, undefined);
    return out;
}

/** An azure-native cluster whose inline pools use these subnets. */
function nativeOn(shape: Shape, subnets: Res[], name = "aks"): Res {
    return cluster(shape, { agentPoolProfiles: subnets.map((s, i) => nativePool({ name: `pool${i}`, vnetSubnetID: untyped(ref(shape, s)) })) }, name, { agentPoolProfiles: subnets });
}

function classicOn(shape: Shape, s: Res): Res {
    return classicAks(shape, { defaultNodePool: { vnetSubnetId: ref(shape, s) } }, "aks", { defaultNodePool: [s] });
}

describe("aks-node-subnet-nsg-attached", () => {
    for (const shape of SHAPES) {
        describe(`${shape} shape`, () => {
            for (const type of [TT.subnet, TT.subnetV2]) {
                it(`passes a ${type} with an NSG`, () => {
                    const g = nsg(shape);
                    const s = subnet(shape, g, {}, "nodes", type);
                    assert.deepEqual(run([g, s, nativeOn(shape, [s])]).violations, []);
                });
            }
            it("reports a node subnet without an NSG, against the subnet", () => {
                const s = subnet(shape, undefined);
                const out = run([s, nativeOn(shape, [s])]);
                assert.deepEqual(out.violations, [NATIVE("ManagedCluster \"aks\"")]);
                assert.deepEqual(out.urns, [s.urn]);
            });
            it("reports a subnet once, naming every pool resource that uses it", () => {
                const s = subnet(shape, undefined);
                const c = nativeOn(shape, [s]);
                const p = nodePool(shape, c, { vnetSubnetID: ref(shape, s) }, "user", { vnetSubnetID: [s] });
                assert.deepEqual(run([s, c, p]).violations, [NATIVE("ManagedCluster \"aks\", AgentPool \"user\"")]);
            });
            it("judges only the subnets the pools use", () => {
                const g = nsg(shape);
                const good = subnet(shape, g, {}, "nodes");
                const bad = subnet(shape, undefined, {}, "unused");
                assert.deepEqual(run([g, good, bad, nativeOn(shape, [good])]).violations, []);
            });
            it("reports each offending subnet of several pools", () => {
                const g = nsg(shape);
                const a = subnet(shape, undefined, {}, "a");
                const b = subnet(shape, g, {}, "b");
                const c = subnet(shape, undefined, {}, "c");
                assert.deepEqual(run([g, a, b, c, nativeOn(shape, [a, b, c])]).violations, [NATIVE("ManagedCluster \"aks\"", "a"), NATIVE("ManagedCluster \"aks\"", "c")]);
            });
            it("classic: passes a subnet with an association", () => {
                const g = nsg(shape, "nsg", TT.classicNsg);
                const s = classicSubnet(shape);
                assert.deepEqual(run([g, s, association(shape, s, g), classicOn(shape, s)]).violations, []);
            });
            it("classic: reports a subnet without an association", () => {
                const s = classicSubnet(shape);
                assert.deepEqual(run([s, classicOn(shape, s)]).violations, [CLASSIC("KubernetesCluster \"aks\"")]);
            });
            it("classic: follows a KubernetesClusterNodePool", () => {
                const s = classicSubnet(shape);
                const c = classicAks(shape, { defaultNodePool: { vnetSubnetId: undefined } });
                const p = classicNodePoolRes(shape, c, { vnetSubnetId: ref(shape, s) }, "user", { vnetSubnetId: [s] });
                assert.deepEqual(run([s, c, p]).violations, [CLASSIC("KubernetesClusterNodePool \"user\"")]);
            });
            it("passes a VirtualNetwork inline subnet with an NSG", () => {
                const g = nsg(shape);
                const v = vnet(shape, [{ name: "nodes", addressPrefix: "10.10.0.0/22", networkSecurityGroup: { id: ref(shape, g) } }]);
                const c = cluster(shape, { agentPoolProfiles: [nativePool({ vnetSubnetID: shape === "preview" ? unknown : `${v.id}/SUBNETS/NODES` })] }, "aks", { agentPoolProfiles: [v] });
                assert.deepEqual(run([g, v, c]).violations, []);
            });
            it("reports a VirtualNetwork inline subnet without an NSG, against the network", () => {
                const v = vnet(shape, [{ name: "nodes", addressPrefix: "10.10.0.0/22" }]);
                const c = cluster(shape, { agentPoolProfiles: [nativePool({ vnetSubnetID: shape === "preview" ? unknown : `${v.id}/subnets/nodes` })] }, "aks", { agentPoolProfiles: [v] });
                const out = run([v, c]);
                assert.deepEqual(out.violations, [`VirtualNetwork "vnet" (subnet "nodes") does not set subnets[0].networkSecurityGroup ${WHY}; it holds the nodes of ManagedCluster "aks": set it to { id: <NSG id> }.`]);
                assert.deepEqual(out.urns, [v.urn]);
            });
            it("classic: reports a VirtualNetwork inline subnet without securityGroup", () => {
                const v = vnet(shape, [{ name: "nodes", addressPrefixes: ["10.10.0.0/22"] }], "vnet", TT.classicVnet);
                const c = classicAks(shape, { defaultNodePool: { vnetSubnetId: shape === "preview" ? unknown : `${v.id}/subnets/nodes` } }, "aks", { defaultNodePool: [v] });
                assert.deepEqual(run([v, c]).violations, [`VirtualNetwork "vnet" (subnet "nodes") does not set subnets[0].securityGroup ${WHY}; it holds the nodes of KubernetesCluster "aks": set it to the NSG's id, or add a SubnetNetworkSecurityGroupAssociation.`]);
            });
            it("does nothing when the node subnet is not in the stack", () => {
                const elsewhere = subnet(shape, undefined, {}, "elsewhere");
                assert.deepEqual(run([subnet(shape, undefined, {}, "other"), nativeOn(shape, [elsewhere])]).violations, []);
            });
        });
    }

    const cases: { name: string; resources: () => Res[]; want: string[] }[] = [
        { name: "picks the inline subnet by name among several (update)", resources: () => {
            const v = vnet("update", [{ name: "system", networkSecurityGroup: { id: "/nsg" } }, { name: "nodes" }]);
            return [v, cluster("update", { agentPoolProfiles: [nativePool({ vnetSubnetID: `${v.id}/subnets/nodes` })] })];
        }, want: [`VirtualNetwork "vnet" (subnet "nodes") does not set subnets[1].networkSecurityGroup ${WHY}; it holds the nodes of ManagedCluster "aks": set it to { id: <NSG id> }.`] },
        { name: "does not guess among several inline subnets in preview", resources: () => {
            const v = vnet("preview", [{ name: "system" }, { name: "nodes" }]);
            return [v, cluster("preview", { agentPoolProfiles: [nativePool({ vnetSubnetID: unknown })] }, "aks", { agentPoolProfiles: [v] })];
        }, want: [] },
        { name: "reports an NSG object without an id", resources: () => {
            const s = subnet("update", undefined, { networkSecurityGroup: {} });
            return [s, nativeOn("update", [s])];
        }, want: [`Subnet "nodes" does not set networkSecurityGroup.id ${WHY}; it holds the nodes of ManagedCluster "aks": set networkSecurityGroup to { id: <NSG id> }.`] },
        { name: "reports a malformed NSG reference", resources: () => {
            const s = subnet("update", undefined, { networkSecurityGroup: "nsg" });
            return [s, nativeOn("update", [s])];
        }, want: [`Subnet "nodes" sets networkSecurityGroup: "nsg"; it holds the nodes of ManagedCluster "aks": set networkSecurityGroup to { id: <NSG id> }.`] },
        { name: "never prints a secret NSG reference", resources: () => {
            const s = subnet("update", undefined, { networkSecurityGroup: secret("nsg") });
            return [s, nativeOn("update", [s])];
        }, want: [`Subnet "nodes" sets networkSecurityGroup: [secret]; it holds the nodes of ManagedCluster "aks": set networkSecurityGroup to { id: <NSG id> }.`] },
        { name: "passes an NSG id unknown at preview", resources: () => {
            const s = subnet("preview", undefined, { networkSecurityGroup: { id: unknown } });
            return [s, nativeOn("preview", [s])];
        }, want: [] },
        { name: "passes a subnet whose NSG is fed by another resource (propertyDependencies)", resources: () => {
            const g = nsg("preview");
            const s = withDeps("preview", subnet("preview", undefined), { networkSecurityGroup: [g] });
            return [g, s, nativeOn("preview", [s])];
        }, want: [] },
        { name: "passes when agentPoolProfiles is unknown at preview but the subnet has an NSG", resources: () => {
            const g = nsg("preview");
            const s = subnet("preview", g);
            return [g, s, cluster("preview", { agentPoolProfiles: unknown }, "aks", { agentPoolProfiles: [s] })];
        }, want: [] },
        { name: "reports when agentPoolProfiles is unknown at preview and the subnet has no NSG", resources: () => {
            const s = subnet("preview", undefined);
            return [s, cluster("preview", { agentPoolProfiles: unknown }, "aks", { agentPoolProfiles: [s] })];
        }, want: [NATIVE("ManagedCluster \"aks\"")] },
        { name: "ignores malformed pools", resources: () => {
            const s = subnet("update", undefined);
            return [s, cluster("update", { agentPoolProfiles: ["pool", { vnetSubnetID: 42 }] })];
        }, want: [] },
        { name: "does nothing without subnets or networks", resources: () => [cluster("update")], want: [] },
    ];
    for (const k of cases) {
        it(k.name, () => {
            assert.deepEqual(run(k.resources()).violations, k.want);
        });
    }
});
