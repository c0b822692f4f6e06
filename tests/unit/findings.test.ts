// The cap on findings per policy and resource (lib/config/findings.ts), through the policies' wiring.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { FindingCap, whereOf } from "../../lib/config/findings";
import { stackPolicy } from "../../lib/policy";
import { meta as bastion } from "../../policies/network/aks-bastion-host-present";
import { policy as privileged } from "../../policies/pod-security/k8s-pss-baseline-privileged";
import { container, DEPLOYMENT, podSpec, unknownNote, workload } from "../fixtures/k8s";
import { unknown, validate, validateStack } from "../harness";

const priv = (i: number) => `spec.template.spec.containers[${i}] ("c${i}") sets securityContext.privileged: true; set it to false or remove it.`;
const at = (i: number) => `spec.template.spec.containers[${i}].securityContext.privileged`;
const containers = (n: number, over: (i: number) => Record<string, unknown> = () => ({})) =>
    Array.from({ length: n }, (_, i) => container({ name: `c${i}`, securityContext: { privileged: true }, ...over(i) }));

describe("findings per policy and resource", () => {
    const where: [string, string][] = [
        [priv(3), at(3)],
        ["Deployment \"web\": spec.template.spec.containers[0] (\"app\") sets image: \"nginx:latest\", which comes from docker.io", "spec.template.spec.containers[0].image"],
        ["rules[7] sets verbs[0]: \"*\"; list the verbs", "rules[7].verbs[0]"],
        ["agentPoolProfiles[1] (\"user\") sets enableNodePublicIP: true; set it to false.", "agentPoolProfiles[1].enableNodePublicIP"],
        ["The cluster does not set apiServerAccessProfile.authorizedIPRanges (the API server accepts every source address); set it", "apiServerAccessProfile.authorizedIPRanges"],
        ["Node pool \"user\" sets enableNodePublicIP: true; set it to false.", "enableNodePublicIP"],
        ["securityRules[2] (\"a \\\"b\\\"\") sets sourceAddressPrefix: \"*\"", "securityRules[2].sourceAddressPrefix"],
        ["Namespace \"shop\" has no NetworkPolicy that denies all ingress by default", "Namespace \"shop\" has no NetworkPolicy that denies all ingre…"],
    ];
    for (const [message, want] of where) {
        it(`names where a finding is: ${want}`, () => assert.equal(whereOf(message), want));
    }

    it("sums up the findings beyond the cap, naming at most three", () => {
        const sum = (n: number, max = 2) => {
            const c = new FindingCap(max);
            const shown = Array.from({ length: n }, (_, i) => priv(i)).filter(m => c.admit(m));
            return [shown.length, c.summary()];
        };
        assert.deepEqual(sum(2), [2, undefined]);
        assert.deepEqual(sum(3), [2, `... and 1 more of the same kind (3 in all; maxFindingsPerResource shows 2): ${at(2)}.`]);
        assert.deepEqual(sum(5), [2, `... and 3 more of the same kind (5 in all; maxFindingsPerResource shows 2): ${at(2)}, ${at(3)} and ${at(4)}.`]);
        assert.deepEqual(sum(6), [2, `... and 4 more of the same kind (6 in all; maxFindingsPerResource shows 2), starting with ${at(2)}, ${at(3)} and ${at(4)}.`]);
        assert.deepEqual(sum(1000, 0), [1000, undefined]);
    });

    it("reports 20 by default, then the summary line, for one resource", () => {
        const out = validate(privileged, DEPLOYMENT.type, workload(DEPLOYMENT, podSpec({ containers: containers(500) })));
        assert.deepEqual(out.violations, [
            ...Array.from({ length: 20 }, (_, i) => priv(i)),
            `... and 480 more of the same kind (500 in all; maxFindingsPerResource shows 20), starting with ${at(20)}, ${at(21)} and ${at(22)}.`,
        ]);
    });

    it("still sums up what it counted when a value unknown during preview stops the check", () => {
        const out = validate(privileged, DEPLOYMENT.type, workload(DEPLOYMENT, podSpec({ containers: containers(30, i => (i === 24 ? { securityContext: { privileged: unknown } } : {})) })), { maxFindingsPerResource: 20 });
        assert.deepEqual(out.violations, [
            ...Array.from({ length: 20 }, (_, i) => priv(i)),
            `... and 4 more of the same kind (24 in all; maxFindingsPerResource shows 20), starting with ${at(20)}, ${at(21)} and ${at(22)}.`,
        ]);
        assert.equal(out.unknown, unknownNote("spec.template.spec.containers.24.securityContext.privileged"));
    });

    it("caps a stack policy per resource the findings are about", () => {
        const a = "urn:pulumi:dev::project::azure-native:containerservice:ManagedCluster::a";
        const b = "urn:pulumi:dev::project::azure-native:containerservice:ManagedCluster::b";
        const p = stackPolicy({ ...bastion, name: "test-stack-flood" }, function* () {
            for (let i = 0; i < 30; i++) yield { urn: a, message: `agentPoolProfiles[${i}] sets enableNodePublicIP: true; set it to false.` };
            yield { urn: b, message: "agentPoolProfiles[0] sets enableNodePublicIP: true; set it to false." };
        });
        const out = validateStack(p, [], { maxFindingsPerResource: 3 });
        assert.deepEqual(out.violations, [
            "agentPoolProfiles[0] sets enableNodePublicIP: true; set it to false.",
            "agentPoolProfiles[1] sets enableNodePublicIP: true; set it to false.",
            "agentPoolProfiles[2] sets enableNodePublicIP: true; set it to false.",
            "agentPoolProfiles[0] sets enableNodePublicIP: true; set it to false.",
            "... and 27 more of the same kind (30 in all; maxFindingsPerResource shows 3), starting with agentPoolProfiles[3].enableNodePublicIP, agentPoolProfiles[4].enableNodePublicIP and agentPoolProfiles[5].enableNodePublicIP.",
        ]);
        assert.deepEqual(out.urns, [a, a, a, b, a]);
    });
});
