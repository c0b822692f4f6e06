import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/nodes/aks-node-ssh-disabled";
import { agentPool, classicCluster, classicNodePool, managedCluster, merge, NATIVE_CLUSTER_TYPES, NATIVE_POOL_TYPES, nativePool, T } from "../fixtures/aks";
import { secret, unknown, validate } from "../harness";
import { untyped } from "../fixtures/typed";

const ON = "(LocalUser: SSH is on)";
const FIX = "set it to \"Disabled\".";
const CLASSIC = "the classic azure provider (6.x) exposes no SSH-access setting for AKS node pools; use azure-native or NSG rules to close SSH";

/** An azure-native cluster whose inline pools set these sshAccess values (`undefined`: not set). */
function pools(...ssh: unknown[]) {
    return managedCluster({ agentPoolProfiles: ssh.map((s, i) => nativePool({ name: i ? `user${i}` : "system", securityProfile: { sshAccess: untyped(s) } })) });
}

describe("aks-node-ssh-disabled", () => {
    for (const type of NATIVE_CLUSTER_TYPES) {
        describe(type, () => {
            it("passes inline pools with SSH disabled", () => {
                assert.deepEqual(validate(policy, type, pools("Disabled", "Disabled")).violations, []);
            });
            it("fails only the inline pool with SSH on", () => {
                assert.deepEqual(validate(policy, type, pools("Disabled", "LocalUser")).violations,
                    [`agentPoolProfiles[1] ("user1") sets securityProfile.sshAccess: "LocalUser"; ${FIX}`]);
            });
            it("fails an inline pool without the setting (Azure default: LocalUser)", () => {
                assert.deepEqual(validate(policy, type, pools(undefined)).violations,
                    [`agentPoolProfiles[0] ("system") does not set securityProfile.sshAccess ${ON}; ${FIX}`]);
            });
        });
    }
    for (const type of NATIVE_POOL_TYPES) {
        describe(type, () => {
            it("passes an AgentPool with SSH disabled", () => {
                assert.deepEqual(validate(policy, type, agentPool()).violations, []);
            });
            it("fails an AgentPool with SSH on", () => {
                assert.deepEqual(validate(policy, type, agentPool({ securityProfile: { sshAccess: "LocalUser" } })).violations,
                    [`Node pool "user" sets securityProfile.sshAccess: "LocalUser"; ${FIX}`]);
            });
            it("fails an AgentPool without securityProfile", () => {
                assert.deepEqual(validate(policy, type, agentPool({ securityProfile: undefined })).violations,
                    [`Node pool "user" does not set securityProfile.sshAccess ${ON}; ${FIX}`]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; want: string[] }[] = [
        { name: "compares case-insensitively", props: pools("disabled", "DISABLED"), want: [] },
        { name: "fails Entra ID SSH (SSH still on)", props: pools("EntraId"), want: [`agentPoolProfiles[0] ("system") sets securityProfile.sshAccess: "EntraId"; ${FIX}`] },
        { name: "reports every failing pool once, in order", props: pools("LocalUser", "Disabled", undefined), want: [
            `agentPoolProfiles[0] ("system") sets securityProfile.sshAccess: "LocalUser"; ${FIX}`,
            `agentPoolProfiles[2] ("user2") does not set securityProfile.sshAccess ${ON}; ${FIX}`,
        ] },
        { name: "fails when the pool's securityProfile is absent", props: managedCluster({ agentPoolProfiles: [nativePool({ securityProfile: undefined })] }),
            want: [`agentPoolProfiles[0] ("system") does not set securityProfile.sshAccess ${ON}; ${FIX}`] },
        { name: "fails when the pool's securityProfile is an array", props: managedCluster({ agentPoolProfiles: [nativePool({ securityProfile: untyped([{ sshAccess: "Disabled" }]) })] }),
            want: [`agentPoolProfiles[0] ("system") does not set securityProfile.sshAccess ${ON}; ${FIX}`] },
        { name: "fails a boolean, showing it", props: pools(false), want: [`agentPoolProfiles[0] ("system") sets securityProfile.sshAccess: false; ${FIX}`] },
        { name: "fails a value with spaces", props: pools(" Disabled"), want: [`agentPoolProfiles[0] ("system") sets securityProfile.sshAccess: " Disabled"; ${FIX}`] },
        { name: "names an inline pool without a name by its index only", props: managedCluster({ agentPoolProfiles: [nativePool({ name: undefined, securityProfile: { sshAccess: "LocalUser" } })] }),
            want: [`agentPoolProfiles[0] sets securityProfile.sshAccess: "LocalUser"; ${FIX}`] },
        { name: "checks nothing when agentPoolProfiles is absent (pools declared separately)", props: managedCluster({ agentPoolProfiles: undefined }), want: [] },
        { name: "checks nothing when agentPoolProfiles is not an array", props: managedCluster({ agentPoolProfiles: untyped({ name: "system" }) }), want: [] },
        { name: "does not read a cluster-level securityProfile for the pools", props: merge(managedCluster({ agentPoolProfiles: [nativePool({ securityProfile: undefined })] }), { securityProfile: { sshAccess: "Disabled" } }),
            want: [`agentPoolProfiles[0] ("system") does not set securityProfile.sshAccess ${ON}; ${FIX}`] },
        { name: "never prints a secret value", props: pools(secret("LocalUser")), want: [`agentPoolProfiles[0] ("system") sets securityProfile.sshAccess: [secret]; ${FIX}`] },
        { name: "passes a secret Disabled", props: pools(secret("Disabled")), want: [] },
        { name: "AgentPool: names a pool without agentPoolName generically", type: T.agentPool, props: agentPool({ agentPoolName: undefined, securityProfile: { sshAccess: "LocalUser" } }),
            want: [`The node pool sets securityProfile.sshAccess: "LocalUser"; ${FIX}`] },
        { name: "AgentPool: fails an object where the value is expected", type: T.agentPool, props: agentPool({ securityProfile: { sshAccess: untyped({ mode: "Disabled" }) } }),
            want: [`Node pool "user" sets securityProfile.sshAccess: {"mode":"Disabled"}; ${FIX}`] },
        { name: "AgentPool: never prints a secret pool name", type: T.agentPool, props: agentPool({ agentPoolName: secret("hunter2"), securityProfile: { sshAccess: "LocalUser" } }),
            want: [`The node pool sets securityProfile.sshAccess: "LocalUser"; ${FIX}`] },
    ];
    for (const c of cases) {
        it(c.name, () => {
            const out = validate(policy, c.type ?? T.managedCluster, c.props);
            assert.deepEqual(out.violations, c.want);
            assert.equal(out.unknown, undefined);
        });
    }

    const unknowns: { name: string; props: Record<string, unknown>; type?: string; note: string }[] = [
        { name: "an inline pool's setting", props: pools("Disabled", unknown), note: "string value at .agentPoolProfiles.1.securityProfile.sshAccess can't be known during preview" },
        { name: "the whole agentPoolProfiles", props: managedCluster({ agentPoolProfiles: unknown }), note: "string value at .agentPoolProfiles can't be known during preview" },
        { name: "an AgentPool's setting", type: T.agentPool, props: agentPool({ securityProfile: { sshAccess: unknown } }), note: "string value at .securityProfile.sshAccess can't be known during preview" },
    ];
    for (const c of unknowns) {
        it(`reports nothing but the SDK's note when ${c.name} is unknown at preview`, () => {
            const out = validate(policy, c.type ?? T.managedCluster, c.props);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, c.note);
        });
    }

    it("is not applicable to classic clusters, saying why", () => {
        const out = validate(policy, T.classicCluster, classicCluster());
        assert.deepEqual(out, { violations: [], notApplicable: CLASSIC });
    });
    it("is not applicable to classic node pools, saying why", () => {
        const out = validate(policy, T.classicNodePool, classicNodePool());
        assert.deepEqual(out, { violations: [], notApplicable: CLASSIC });
    });
    it("keeps its metadata on the wrapped policy", () => {
        assert.equal(policy.name, "aks-node-ssh-disabled");
        assert.equal(policy.meta.checks[0], "AKS-31");
    });
});
