import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/network/aks-egress-controlled";
import { classicCluster, managedCluster, merge, NATIVE_CLUSTER_TYPES, T } from "../fixtures/aks";
import { automaticCluster, SUBNET } from "../fixtures/aks-extra";
import { secret, unknown, validate } from "../harness";

const FIX = "set it to \"userDefinedRouting\", \"userAssignedNATGateway\", \"managedNATGateway\" or \"none\".";
const WHY = "(Azure's default is loadBalancer: nodes reach the internet through the load balancer's public IP)";
const ABSENT = `The cluster does not set networkProfile.outboundType ${WHY}; ${FIX}`;
const LB = `The cluster sets networkProfile.outboundType: "loadBalancer"; ${FIX}`;
const NOT_APPLICABLE = "applies to AKS cluster resources only";

/** An azure-native cluster with this outbound type (`undefined`: omitted). */
function outbound(t: unknown) {
    return managedCluster({ networkProfile: { outboundType: t } });
}

/** An AKS Automatic cluster whose system pool sits in this subnet. */
function automaticIn(subnet: unknown, over: Record<string, unknown> = {}) {
    return automaticCluster({ agentPoolProfiles: [{ name: "systempool", mode: "System", count: 3, vnetSubnetID: subnet }], ...over });
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
        { name: "fails when networkProfile is not an object", props: managedCluster({ networkProfile: "userDefinedRouting" }), want: [ABSENT] },
        { name: "treats a null outbound type as absent", props: outbound(null), want: [ABSENT] },
        { name: "fails an outbound type that is not a string", props: outbound(["userDefinedRouting"]),
            want: [`The cluster sets networkProfile.outboundType: ["userDefinedRouting"]; ${FIX}`] },
        { name: "fails an unknown outbound type", props: outbound("publicIP"), want: [`The cluster sets networkProfile.outboundType: "publicIP"; ${FIX}`] },
        { name: "never prints a secret outbound type", props: outbound(secret("loadBalancer")), want: [`The cluster sets networkProfile.outboundType: [secret]; ${FIX}`] },
        // config
        { name: "accepts loadBalancer when configured", config: { allowedOutboundTypes: ["loadBalancer", "userDefinedRouting"] }, props: outbound("loadBalancer"), want: [] },
        { name: "lists only the configured types in the fix", config: { allowedOutboundTypes: ["userDefinedRouting"] }, props: outbound("managedNATGateway"),
            want: ["The cluster sets networkProfile.outboundType: \"managedNATGateway\"; set it to \"userDefinedRouting\"."] },
        { name: "compares configured values case-insensitively", config: { allowedOutboundTypes: ["USERDEFINEDROUTING"] }, props: outbound("userDefinedRouting"), want: [] },
        { name: "falls back to the default for a config that is not an array", config: { allowedOutboundTypes: "loadBalancer" }, props: outbound("loadBalancer"), want: ["The policy configuration sets allowedOutboundTypes: \"loadBalancer\" (write a non-empty list of strings there, e.g. [\"userDefinedRouting\",\"userAssignedNATGateway\",\"managedNATGateway\",\"none\"]); until it is fixed, the policy uses the default for allowedOutboundTypes ([\"userDefinedRouting\",\"userAssignedNATGateway\",\"managedNATGateway\",\"none\"]).", LB] },
        { name: "falls back to the default for an empty config", config: { allowedOutboundTypes: [] }, props: outbound("loadBalancer"), want: ["The policy configuration sets allowedOutboundTypes: [] (write a non-empty list of strings there, e.g. [\"userDefinedRouting\",\"userAssignedNATGateway\",\"managedNATGateway\",\"none\"]); until it is fixed, the policy uses the default for allowedOutboundTypes ([\"userDefinedRouting\",\"userAssignedNATGateway\",\"managedNATGateway\",\"none\"]).", LB] },
        // AKS Automatic
        { name: "Automatic: fails an explicit loadBalancer", props: automaticCluster({ networkProfile: { outboundType: "loadBalancer" } }), want: [LB] },
        { name: "Automatic: passes a managed VNet whose pools declare no subnet", props: automaticCluster({ agentPoolProfiles: [] }), want: [] },
        { name: "Automatic: fails the omitted type in a custom VNet (no managed NAT gateway there)", props: automaticIn(SUBNET), want: [ABSENT] },
        { name: "Automatic: a subnet from another resource's output is a custom VNet", props: automaticIn(unknown), want: [ABSENT] },
        { name: "Automatic: fails the omitted type when managed NAT gateways are not allowed", config: { allowedOutboundTypes: ["userDefinedRouting"] }, props: automaticCluster(),
            want: [`The cluster does not set networkProfile.outboundType ${WHY}; set it to "userDefinedRouting".`] },
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

    const unknowns: { name: string; props: Record<string, unknown>; type?: string; note: string }[] = [
        { name: "the outbound type", props: outbound(unknown), note: "string value at .networkProfile.outboundType can't be known during preview" },
        { name: "the SKU of a cluster that omits the type", props: automaticCluster({ sku: { name: unknown } }), note: "string value at .sku.name can't be known during preview" },
        { name: "the pools of an Automatic cluster that omits the type", props: automaticCluster({ agentPoolProfiles: unknown }),
            note: "string value at .agentPoolProfiles can't be known during preview" },
        { name: "the classic outbound type", type: T.classicCluster, props: classicCluster({ networkProfile: { outboundType: unknown } }),
            note: "string value at .networkProfile.outboundType can't be known during preview" },
    ];
    for (const c of unknowns) {
        it(`reports nothing but the SDK's note when ${c.name} is unknown at preview`, () => {
            const out = validate(policy, c.type ?? T.managedCluster, c.props);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, c.note);
        });
    }

    it("is advisory with low severity", () => {
        assert.equal(policy.enforcementLevel, "advisory");
        assert.equal(policy.severity, "low");
    });
    it("declares allowedOutboundTypes with the controlled paths as default", () => {
        assert.deepEqual(policy.meta.config?.allowedOutboundTypes.default, ["userDefinedRouting", "userAssignedNATGateway", "managedNATGateway", "none"]);
    });
    it("is not applicable to other resource types", () => {
        const out = validate(policy, "azure-native:network:NatGateway", {});
        assert.equal(out.notApplicable, NOT_APPLICABLE);
        assert.deepEqual(out.violations, []);
    });
    it("is not applicable to node pools", () => {
        assert.equal(validate(policy, T.agentPool, {}).notApplicable, NOT_APPLICABLE);
        assert.equal(validate(policy, T.classicNodePool, {}).notApplicable, NOT_APPLICABLE);
    });
});
