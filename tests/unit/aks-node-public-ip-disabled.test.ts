import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/network/aks-node-public-ip-disabled";
import { agentPool, classicCluster, classicNodePool, classicPool, managedCluster, merge, NATIVE_CLUSTER_TYPES, NATIVE_POOL_TYPES, nativePool, T } from "../fixtures/aks";
import { secret, unknown, validate, violationCases } from "../harness";
import { untyped } from "../fixtures/typed";

const FIX = "set it to false or remove it so nodes get no public IP.";

describe("aks-node-public-ip-disabled", () => {
    for (const type of NATIVE_CLUSTER_TYPES) {
        describe(type, () => {
            it("passes inline pools with enableNodePublicIP: false", () => {
                assert.deepEqual(validate(policy, type, managedCluster({ agentPoolProfiles: [nativePool(), nativePool({ name: "user", mode: "User" })] })).violations, []);
            });
            it("passes an inline pool without the flag (Azure default: no public IP)", () => {
                assert.deepEqual(validate(policy, type, managedCluster({ agentPoolProfiles: [nativePool({ enableNodePublicIP: undefined })] })).violations, []);
            });
            it("fails only the inline pool with public IPs", () => {
                const props = managedCluster({ agentPoolProfiles: [nativePool(), nativePool({ name: "user", mode: "User", enableNodePublicIP: true })] });
                assert.deepEqual(validate(policy, type, props).violations, [`agentPoolProfiles[1] ("user") sets enableNodePublicIP: true; ${FIX}`]);
            });
        });
    }

    for (const type of NATIVE_POOL_TYPES) {
        describe(type, () => {
            it("passes an AgentPool without public IPs", () => {
                assert.deepEqual(validate(policy, type, agentPool()).violations, []);
            });
            it("fails an AgentPool with enableNodePublicIP: true", () => {
                assert.deepEqual(validate(policy, type, agentPool({ enableNodePublicIP: true })).violations, [`Node pool "user" sets enableNodePublicIP: true; ${FIX}`]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; want: string[] }[] = [
        { name: "treats null as absent", props: managedCluster({ agentPoolProfiles: [nativePool({ enableNodePublicIP: null })] }), want: [] },
        { name: "accepts the string \"false\"", props: managedCluster({ agentPoolProfiles: [nativePool({ enableNodePublicIP: untyped("False") })] }), want: [] },
        { name: "fails the string \"true\"", props: managedCluster({ agentPoolProfiles: [nativePool({ enableNodePublicIP: untyped("true") })] }),
            want: [`agentPoolProfiles[0] ("system") sets enableNodePublicIP: "true"; ${FIX}`] },
        { name: "fails a malformed flag, showing it", props: managedCluster({ agentPoolProfiles: [nativePool({ enableNodePublicIP: untyped("no") })] }),
            want: [`agentPoolProfiles[0] ("system") sets enableNodePublicIP: "no"; ${FIX}`] },
        { name: "fails an object where a boolean is expected", props: managedCluster({ agentPoolProfiles: [nativePool({ enableNodePublicIP: untyped({ enabled: false }) })] }),
            want: [`agentPoolProfiles[0] ("system") sets enableNodePublicIP: {"enabled":false}; ${FIX}`] },
        { name: "reports every failing inline pool once, in order", props: managedCluster({
            agentPoolProfiles: [nativePool({ enableNodePublicIP: true }), nativePool({ name: "ok" }), nativePool({ name: "gpu", enableNodePublicIP: untyped(1) })],
        }), want: [`agentPoolProfiles[0] ("system") sets enableNodePublicIP: true; ${FIX}`, `agentPoolProfiles[2] ("gpu") sets enableNodePublicIP: 1; ${FIX}`] },
        { name: "passes an element that is not an object (nothing sets public IPs)", props: managedCluster({ agentPoolProfiles: [untyped("system")] }), want: [] },
        { name: "checks nothing when agentPoolProfiles is absent", props: managedCluster({ agentPoolProfiles: undefined }), want: [] },
        { name: "never prints a secret flag", props: managedCluster({ agentPoolProfiles: [nativePool({ enableNodePublicIP: secret("hunter2") })] }),
            want: [`agentPoolProfiles[0] ("system") sets enableNodePublicIP: [secret]; ${FIX}`] },
        { name: "does not read the classic spellings on azure-native", props: managedCluster({ agentPoolProfiles: [merge(nativePool(), { nodePublicIpEnabled: true, enableNodePublicIp: true })] }), want: [] },
        { name: "AgentPool: fails a malformed flag", type: T.agentPool, props: agentPool({ enableNodePublicIP: untyped("yes") }),
            want: [`Node pool "user" sets enableNodePublicIP: "yes"; ${FIX}`] },
        { name: "AgentPool: never prints a secret name", type: T.agentPool, props: agentPool({ agentPoolName: secret("hunter2"), enableNodePublicIP: true }),
            want: [`The node pool sets enableNodePublicIP: true; ${FIX}`] },
        // classic
        { name: "classic: passes defaultNodePool with nodePublicIpEnabled: false", type: T.classicCluster, props: classicCluster(), want: [] },
        { name: "classic v6: fails nodePublicIpEnabled: true", type: T.classicCluster, props: classicCluster({ defaultNodePool: { nodePublicIpEnabled: true } }),
            want: [`defaultNodePool ("system") sets nodePublicIpEnabled: true; ${FIX}`] },
        { name: "classic v5: fails enableNodePublicIp: true", type: T.classicCluster,
            props: classicCluster({ defaultNodePool: merge(classicPool({ nodePublicIpEnabled: undefined }), { enableNodePublicIp: true }) }),
            want: [`defaultNodePool ("system") sets enableNodePublicIp: true; ${FIX}`] },
        { name: "classic: passes without either spelling", type: T.classicCluster, props: classicCluster({ defaultNodePool: { nodePublicIpEnabled: undefined } }), want: [] },
        { name: "classic node pool: passes nodePublicIpEnabled: false", type: T.classicNodePool, props: classicNodePool(), want: [] },
        { name: "classic node pool: fails nodePublicIpEnabled: true", type: T.classicNodePool, props: classicNodePool({ nodePublicIpEnabled: true }),
            want: [`Node pool "user" sets nodePublicIpEnabled: true; ${FIX}`] },
        { name: "classic node pool v5: fails enableNodePublicIp: \"true\"", type: T.classicNodePool,
            props: merge(classicNodePool({ nodePublicIpEnabled: undefined }), { enableNodePublicIp: "true" }),
            want: [`Node pool "user" sets enableNodePublicIp: "true"; ${FIX}`] },
    ];
    violationCases(policy, T.managedCluster, cases);

    const unknowns: { name: string; props: Record<string, unknown>; type?: string; note: string }[] = [
        { name: "an inline pool's flag", props: managedCluster({ agentPoolProfiles: [nativePool({ enableNodePublicIP: unknown })] }),
            note: "string value at .agentPoolProfiles.0.enableNodePublicIP can't be known during preview" },
        { name: "an AgentPool's flag", type: T.agentPool, props: agentPool({ enableNodePublicIP: unknown }),
            note: "string value at .enableNodePublicIP can't be known during preview" },
        { name: "a classic node pool's flag", type: T.classicNodePool, props: classicNodePool({ nodePublicIpEnabled: unknown }),
            note: "string value at .nodePublicIpEnabled can't be known during preview" },
    ];
    for (const c of unknowns) {
        it(`reports nothing but the SDK's note when ${c.name} is unknown at preview`, () => {
            const out = validate(policy, c.type ?? T.managedCluster, c.props);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, c.note);
        });
    }

    it("is mandatory: a node public IP exposes the node to the internet", () => {
        assert.equal(policy.enforcementLevel, "mandatory");
    });
});
