import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/network/aks-egress-controlled";
import { classicCluster, managedCluster, merge, NATIVE_CLUSTER_TYPES, T } from "../fixtures/aks";
import { automaticCluster, SUBNET } from "../fixtures/aks-extra";
import { cluster as stackCluster, make, subnet as stackSubnet, vnet as stackVnet, Res, RG } from "../fixtures/stack";
import { secret, unknown, validateStack } from "../harness";
import { untyped } from "../fixtures/typed";

/** The policy over a stack holding one cluster (and `more`), as the engine sends it. */
function validate(_policy: unknown, type: string, props: Record<string, unknown>, config: Record<string, unknown> = {}, more: Res[] = []) {
    return validateStack(policy, [{ type, name: "aks", props }, ...more], config);
}

const ROUTE = "or send 0.0.0.0/0 from every node subnet to your firewall (a route with nextHopType \"VirtualAppliance\")";
const FIX = `set it to "userDefinedRouting", "userAssignedNATGateway", "managedNATGateway" or "none", ${ROUTE}.`;
const WHY = "(Azure's default is loadBalancer: nodes reach the internet through the load balancer's public IP)";
const ABSENT = `The cluster does not set networkProfile.outboundType ${WHY}; ${FIX}`;
const LB = `The cluster sets networkProfile.outboundType: "loadBalancer"; ${FIX}`;

/** An azure-native cluster with this outbound type (`undefined`: omitted). */
function outbound(t: unknown) {
    return managedCluster({ networkProfile: { outboundType: untyped(t) } });
}

/** An AKS Automatic cluster whose system pool sits in this subnet. */
function automaticIn(subnet: unknown, over: Record<string, unknown> = {}) {
    return automaticCluster({ agentPoolProfiles: [{ name: "systempool", mode: "System", count: 3, vnetSubnetID: untyped(subnet) }], ...over });
}

describe("aks-egress-controlled", () => {
    for (const type of NATIVE_CLUSTER_TYPES) {
        describe(type, () => {
            it("passes userDefinedRouting", () => {
                assert.deepEqual(validate(policy, type, managedCluster()).violations, []);
            });
            it("fails loadBalancer (what the azure-native SDK writes when networkProfile omits it)", () => {
                assert.deepEqual(validate(policy, type, outbound("loadBalancer")).violations, [LB]);
            });
            it("fails an omitted outbound type (Azure default: loadBalancer)", () => {
                assert.deepEqual(validate(policy, type, outbound(undefined)).violations, [ABSENT]);
            });
            it("passes an AKS Automatic cluster in its managed VNet (managed NAT gateway)", () => {
                assert.deepEqual(validate(policy, type, automaticCluster()).violations, []);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; config?: Record<string, unknown>; want: string[] }[] = [
        { name: "passes a user-assigned NAT gateway", props: outbound("userAssignedNATGateway"), want: [] },
        { name: "passes a managed NAT gateway", props: outbound("managedNATGateway"), want: [] },
        { name: "passes \"none\" (egress set up outside AKS)", props: outbound("none"), want: [] },
        { name: "compares outbound types case-insensitively", props: outbound("UserDefinedRouting"), want: [] },
        { name: "fails when networkProfile is absent", props: managedCluster({ networkProfile: undefined }), want: [ABSENT] },
        { name: "fails when networkProfile is not an object", props: managedCluster({ networkProfile: untyped("userDefinedRouting") }), want: [ABSENT] },
        { name: "treats a null outbound type as absent", props: outbound(null), want: [ABSENT] },
        { name: "fails an outbound type that is not a string", props: outbound(["userDefinedRouting"]),
            want: [`The cluster sets networkProfile.outboundType: ["userDefinedRouting"]; ${FIX}`] },
        { name: "fails an unknown outbound type", props: outbound("publicIP"), want: [`The cluster sets networkProfile.outboundType: "publicIP"; ${FIX}`] },
        { name: "never prints a secret outbound type", props: outbound(secret("loadBalancer")), want: [`The cluster sets networkProfile.outboundType: [secret]; ${FIX}`] },
        // config
        { name: "accepts loadBalancer when configured", config: { allowedOutboundTypes: ["loadBalancer", "userDefinedRouting"] }, props: outbound("loadBalancer"), want: [] },
        { name: "lists only the configured types in the fix", config: { allowedOutboundTypes: ["userDefinedRouting"] }, props: outbound("managedNATGateway"),
            want: [`The cluster sets networkProfile.outboundType: "managedNATGateway"; set it to "userDefinedRouting", ${ROUTE}.`] },
        { name: "compares configured values case-insensitively", config: { allowedOutboundTypes: ["USERDEFINEDROUTING"] }, props: outbound("userDefinedRouting"), want: [] },
        { name: "falls back to the default for a config that is not an array", config: { allowedOutboundTypes: "loadBalancer" }, props: outbound("loadBalancer"), want: ["The policy configuration sets allowedOutboundTypes: \"loadBalancer\" (write a non-empty list of strings there, e.g. [\"userDefinedRouting\",\"userAssignedNATGateway\",\"managedNATGateway\",\"none\"]); until it is fixed, the policy uses the default for allowedOutboundTypes ([\"userDefinedRouting\",\"userAssignedNATGateway\",\"managedNATGateway\",\"none\"]).", LB] },
        { name: "falls back to the default for an empty config", config: { allowedOutboundTypes: [] }, props: outbound("loadBalancer"), want: ["The policy configuration sets allowedOutboundTypes: [] (write a non-empty list of strings there, e.g. [\"userDefinedRouting\",\"userAssignedNATGateway\",\"managedNATGateway\",\"none\"]); until it is fixed, the policy uses the default for allowedOutboundTypes ([\"userDefinedRouting\",\"userAssignedNATGateway\",\"managedNATGateway\",\"none\"]).", LB] },
        // AKS Automatic
        { name: "Automatic: fails an explicit loadBalancer", props: automaticCluster({ networkProfile: { outboundType: "loadBalancer" } }), want: [LB] },
        { name: "Automatic: passes a managed VNet whose pools declare no subnet", props: automaticCluster({ agentPoolProfiles: [] }), want: [] },
        { name: "Automatic: fails the omitted type in a custom VNet (no managed NAT gateway there)", props: automaticIn(SUBNET), want: [ABSENT] },
        { name: "Automatic: a subnet from another resource's output is a custom VNet", props: automaticIn(unknown), want: [ABSENT] },
        { name: "Automatic: fails the omitted type when managed NAT gateways are not allowed", config: { allowedOutboundTypes: ["userDefinedRouting"] }, props: automaticCluster(),
            want: [`The cluster does not set networkProfile.outboundType ${WHY}; set it to "userDefinedRouting", ${ROUTE}.`] },
        { name: "Base SKU: fails the omitted type", props: automaticCluster({ sku: { name: "Base" } }), want: [ABSENT] },
        // classic
        { name: "classic: passes userDefinedRouting", type: T.classicCluster, props: classicCluster(), want: [] },
        { name: "classic: fails loadBalancer", type: T.classicCluster, props: classicCluster({ networkProfile: { outboundType: "loadBalancer" } }), want: [LB] },
        { name: "classic: fails an omitted outbound type", type: T.classicCluster, props: classicCluster({ networkProfile: { outboundType: undefined } }), want: [ABSENT] },
        { name: "classic: fails when networkProfile is absent", type: T.classicCluster, props: classicCluster({ networkProfile: undefined }), want: [ABSENT] },
        { name: "classic: has no Automatic SKU on this token", type: T.classicCluster,
            props: merge(classicCluster({ networkProfile: undefined }), { sku: { name: "Automatic" } }), want: [ABSENT] },
    ];
    for (const c of cases) {
        it(c.name, () => {
            const out = validate(policy, c.type ?? T.managedCluster, c.props, c.config);
            assert.deepEqual(out.violations, c.want);
            assert.equal(out.unknown, undefined);
        });
    }

    // A stack policy stops at the first unknown it reads: preview unknowns decide nothing, quietly.
    const unknowns: { name: string; props: Record<string, unknown>; type?: string }[] = [
        { name: "the outbound type", props: outbound(unknown) },
        { name: "the whole networkProfile", props: managedCluster({ networkProfile: unknown }) },
        { name: "the SKU of a cluster that omits the type", props: automaticCluster({ sku: { name: unknown } }) },
        { name: "the pools of an Automatic cluster that omits the type", props: automaticCluster({ agentPoolProfiles: unknown }) },
        { name: "the classic outbound type", type: T.classicCluster, props: classicCluster({ networkProfile: { outboundType: unknown } }) },
    ];
    for (const c of unknowns) {
        it(`reports nothing, and reads no unknown, when ${c.name} is unknown at preview`, () => {
            const out = validate(policy, c.type ?? T.managedCluster, c.props);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, undefined);
        });
    }

    // loadBalancer with a firewall route: Microsoft's egress guidance (egress-outboundtype,
    // limit-egress-traffic) routes 0.0.0.0/0 from the node subnet to the firewall's private IP.
    describe("loadBalancer behind a firewall route", () => {
        const FW = "10.0.255.4";
        const table = (shape: "update" | "preview", routes: unknown[], name = "to-firewall", type = "azure-native:network:RouteTable") =>
            make(shape, type, name, `${RG}/providers/Microsoft.Network/routeTables/${name}`, { resourceGroupName: "rg", routeTableName: name, routes });
        const toFirewall = { name: "default", addressPrefix: "0.0.0.0/0", nextHopType: "VirtualAppliance", nextHopIpAddress: FW };
        const lbCluster = (shape: "update" | "preview", nodes: Res) =>
            stackCluster(shape, { networkProfile: { outboundType: "loadBalancer" }, agentPoolProfiles: [{ name: "system", mode: "System", vnetSubnetID: shape === "preview" ? unknown : nodes.id }] }, "aks", { agentPoolProfiles: [nodes] });
        const run = (resources: Res[]) => validateStack(policy, resources);
        const LBF = `The cluster sets networkProfile.outboundType: "loadBalancer"; ${FIX}`;
        for (const shape of ["update", "preview"] as const) {
            it(`${shape}: passes when the node subnet's route table sends 0.0.0.0/0 to a virtual appliance`, () => {
                const rt = table(shape, [toFirewall]);
                const nodes = stackSubnet(shape, undefined, { routeTable: { id: shape === "preview" ? unknown : rt.id } });
                const withDeps = shape === "preview" ? { ...nodes, propertyDependencies: { routeTable: [rt.urn] } } : nodes;
                const out = run([rt, withDeps, lbCluster(shape, withDeps)]);
                assert.deepEqual(out.violations, []);
                assert.equal(out.unknown, undefined);
            });
            it(`${shape}: fails when the default route goes to the internet`, () => {
                const rt = table(shape, [{ ...toFirewall, nextHopType: "Internet", nextHopIpAddress: undefined }]);
                const nodes = stackSubnet(shape, undefined, { routeTable: { id: shape === "preview" ? unknown : rt.id } });
                const withDeps = shape === "preview" ? { ...nodes, propertyDependencies: { routeTable: [rt.urn] } } : nodes;
                assert.deepEqual(run([rt, withDeps, lbCluster(shape, withDeps)]).violations, [LBF]);
            });
        }
        it("fails when the node subnet has no route table", () => {
            const nodes = stackSubnet("update", undefined);
            assert.deepEqual(run([nodes, lbCluster("update", nodes)]).violations, [LBF]);
        });
        it("fails when the node subnet is not in the stack (nothing shows the route)", () => {
            assert.deepEqual(run([stackCluster("update", { networkProfile: { outboundType: "loadBalancer" } })]).violations, [LBF]);
        });
        it("reads a separate Route resource of the table", () => {
            const rt = table("update", []);
            const r = make("update", "azure-native:network:Route", "default", `${rt.id}/routes/default`, { routeTableName: "to-firewall", ...toFirewall });
            const nodes = stackSubnet("update", undefined, { routeTable: { id: rt.id } });
            assert.deepEqual(run([rt, r, nodes, lbCluster("update", nodes)]).violations, []);
        });
        it("reads a subnet inline in its VirtualNetwork", () => {
            const rt = table("update", [toFirewall]);
            const net = stackVnet("update", [{ name: "nodes", addressPrefix: "10.10.0.0/22", routeTable: { id: rt.id } }]);
            const c = stackCluster("update", { networkProfile: { outboundType: "loadBalancer" }, agentPoolProfiles: [{ name: "system", vnetSubnetID: `${net.id}/subnets/nodes` }] });
            assert.deepEqual(run([rt, net, c]).violations, []);
        });
        it("needs every node subnet to route through the appliance", () => {
            const rt = table("update", [toFirewall]);
            const a = stackSubnet("update", undefined, { routeTable: { id: rt.id } }, "a");
            const b = stackSubnet("update", undefined, {}, "b");
            const c = stackCluster("update", { networkProfile: { outboundType: "loadBalancer" }, agentPoolProfiles: [{ name: "a", vnetSubnetID: a.id }, { name: "b", vnetSubnetID: b.id }] });
            assert.deepEqual(run([rt, a, b, c]).violations, [LBF]);
        });
        it("classic: reads a SubnetRouteTableAssociation and the table's routes", () => {
            const rt = make("update", "azure:network/routeTable:RouteTable", "to-firewall", `${RG}/providers/Microsoft.Network/routeTables/to-firewall`,
                { name: "to-firewall", routes: [{ name: "default", addressPrefix: "0.0.0.0/0", nextHopType: "VirtualAppliance", nextHopInIpAddress: FW }] });
            const nodes = make("update", "azure:network/subnet:Subnet", "nodes", `${RG}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/nodes`, { name: "nodes" });
            const assoc = make("update", "azure:network/subnetRouteTableAssociation:SubnetRouteTableAssociation", "nodes-rt", `${nodes.id}|rt`, { subnetId: nodes.id, routeTableId: rt.id });
            const c = { type: T.classicCluster, name: "aks", props: classicCluster({ networkProfile: { outboundType: "loadBalancer" }, defaultNodePool: { name: "system", vnetSubnetId: nodes.id } }) };
            assert.deepEqual(validateStack(policy, [rt, nodes, assoc, c]).violations, []);
        });
        it("does not count a route to the appliance for another prefix", () => {
            const rt = table("update", [{ ...toFirewall, addressPrefix: "10.0.0.0/8" }]);
            const nodes = stackSubnet("update", undefined, { routeTable: { id: rt.id } });
            assert.deepEqual(run([rt, nodes, lbCluster("update", nodes)]).violations, [LBF]);
        });
    });

    it("is advisory with low severity", () => {
        assert.equal(policy.enforcementLevel, "advisory");
        assert.equal(policy.severity, "low");
    });
    it("declares allowedOutboundTypes with the controlled paths as default", () => {
        assert.deepEqual(policy.meta.config?.allowedOutboundTypes.default, ["userDefinedRouting", "userAssignedNATGateway", "managedNATGateway", "none"]);
    });
    it("reports nothing for a stack without clusters, or for node pools alone", () => {
        assert.deepEqual(validateStack(policy, [{ type: "azure-native:network:NatGateway", name: "nat", props: {} }, { type: T.agentPool, name: "user", props: {} }]).violations, []);
    });
});
