// Floods of findings over the real protocol: a Deployment with thousands of insecure containers
// and a ClusterRole with thousands of wildcard rules. Each policy reports the first
// maxFindingsPerResource findings (default 20) and one line for the rest that says how many there
// were and where the first of them are, so the answer stays small.
import { strict as assert } from "node:assert";
import { after, before, describe, it } from "node:test";
import { AnalyzeResult, Engine, EngineResource } from "../../engine/engine";
import { launch } from "./helpers";

const N = 5000;
const DEPLOYMENT = "kubernetes:apps/v1:Deployment";
const CLUSTER_ROLE = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole";
const urn = (type: string, name: string) => `urn:pulumi:dev::project::${type}::${name}`;

const flood: EngineResource = {
    type: DEPLOYMENT, name: "flood", urn: urn(DEPLOYMENT, "flood"),
    inputs: {
        apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "flood", namespace: "shop" },
        spec: {
            selector: { matchLabels: { app: "flood" } },
            template: { metadata: { labels: { app: "flood" } }, spec: { containers: Array.from({ length: N }, (_, i) => ({ name: `c${i}`, image: "nginx:latest", securityContext: { privileged: true } })) } },
        },
    },
};
const wild: EngineResource = {
    type: CLUSTER_ROLE, name: "wild", urn: urn(CLUSTER_ROLE, "wild"),
    inputs: { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name: "wild" }, rules: Array.from({ length: N }, () => ({ apiGroups: ["*"], resources: ["*"], verbs: ["*"] })) },
};

const messages = (r: AnalyzeResult, policy: string) => r.diagnostics.filter(d => d.policyName === policy).map(d => d.message.split("\n").slice(1).join("\n"));
const privileged = (i: number) => `spec.template.spec.containers[${i}] ("c${i}") sets securityContext.privileged: true; set it to false or remove it.`;
const at = (i: number) => `spec.template.spec.containers[${i}].securityContext.privileged`;

describe("findings per policy and resource are capped", () => {
    let engine: Engine;
    before(async () => {
        engine = await launch({ dryRun: false });
    });
    after(async () => {
        await engine?.close();
    });

    it(`a Deployment with ${N} privileged containers: 20 findings per policy, then one line with the count and the next paths`, async () => {
        await engine.configure();
        const r = await engine.analyze(flood);
        assert.deepEqual(messages(r, "k8s-pss-baseline-privileged"), [
            ...Array.from({ length: 20 }, (_, i) => privileged(i)),
            `... and ${N - 20} more of the same kind (${N} in all; maxFindingsPerResource shows 20), starting with ${at(20)}, ${at(21)} and ${at(22)}.`,
        ]);
        assert.equal(messages(r, "k8s-image-tag-pinned").at(-1),
            `... and ${N - 20} more of the same kind (${N} in all; maxFindingsPerResource shows 20), starting with spec.template.spec.containers[20].image, spec.template.spec.containers[21].image and spec.template.spec.containers[22].image.`);
        const per = new Map<string, number>();
        for (const d of r.diagnostics) per.set(d.policyName, (per.get(d.policyName) ?? 0) + 1);
        assert.ok([...per.values()].every(n => n <= 21), JSON.stringify([...per]));
        const bytes = r.diagnostics.reduce((a, d) => a + d.message.length, 0);
        assert.ok(r.diagnostics.length < 250 && bytes < 200_000, `${r.diagnostics.length} diagnostics, ${bytes} bytes of messages`);
    });

    it(`a ClusterRole with ${N} wildcard rules: 20 findings, then one line with the count`, async () => {
        await engine.configure();
        const r = await engine.analyze(wild);
        const m = messages(r, "k8s-rbac-no-wildcards");
        assert.equal(m.length, 21);
        assert.equal(m[0], "rules[0] sets apiGroups[0]: \"*\"; list the API groups the subject needs (\"\" for the core group).");
        assert.equal(m[20], `... and ${3 * N - 20} more of the same kind (${3 * N} in all; maxFindingsPerResource shows 20), starting with rules[6].verbs[0], rules[7].apiGroups[0] and rules[7].resources[0].`);
        assert.ok(r.diagnostics.length <= 2 * 21, `${r.diagnostics.length} diagnostics`);
    });

    it("takes the cap from each policy's maxFindingsPerResource; 0 reports every finding", async () => {
        await engine.configure({ "k8s-pss-baseline-privileged": { maxFindingsPerResource: 2 }, "k8s-image-tag-pinned": { maxFindingsPerResource: 0 } });
        const r = await engine.analyze(flood);
        assert.deepEqual(messages(r, "k8s-pss-baseline-privileged"), [
            privileged(0), privileged(1),
            `... and ${N - 2} more of the same kind (${N} in all; maxFindingsPerResource shows 2), starting with ${at(2)}, ${at(3)} and ${at(4)}.`,
        ]);
        assert.equal(messages(r, "k8s-image-tag-pinned").length, N);
        assert.equal(messages(r, "k8s-container-read-only-root-filesystem").length, 21, "other policies keep the default");
    });
});
