// Rollout features through the real protocol: profiles, exemptions, stack tags.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import { Engine } from "../../engine/engine";
import { ConfigError } from "../../engine/config";
import { allPolicies } from "../../policies";
import { launch, ROOT } from "./helpers";

const CLUSTER = "azure-native:containerservice:ManagedCluster";
const cluster = (name: string, inputs: Record<string, unknown> = {}) => ({ type: CLUSTER, name, urn: `urn:pulumi:dev::project::${CLUSTER}::${name}`, inputs });
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
const profile = (p: string) => JSON.parse(fs.readFileSync(path.join(ROOT, "config", `${p}.json`), "utf8"));

describe("rollout over the Analyzer protocol", () => {
    let engine: Engine;
    before(async () => {
        engine = await launch();
    });
    after(async () => {
        await engine.close();
    });

    describe("profiles in config/", () => {
        for (const p of ["advisory", "baseline", "strict"]) {
            it(`${p}.json passes the engine's validation and names every policy`, async () => {
                const entries = await engine.configure(profile(p));
                assert.deepEqual(Object.keys(profile(p)).sort(), allPolicies.map(x => x.name).sort());
                assert.equal(Object.keys(entries).length, allPolicies.length);
            });
        }
        it("advisory makes everything advisory, strict makes the musts mandatory", async () => {
            await engine.configure(profile("advisory"));
            let res = await engine.analyze(cluster("c"));
            assert.ok(res.diagnostics.length > 0 && res.diagnostics.every(d => d.enforcementLevel === "advisory"));
            await engine.configure(profile("strict"));
            res = await engine.analyze(cluster("c"));
            const strict = new Map(res.diagnostics.map(d => [d.policyName, d.enforcementLevel]));
            assert.equal(strict.get("aks-private-cluster-enabled"), "mandatory");
            assert.equal(strict.get("aks-entra-id-enabled"), "mandatory");
            await engine.configure(profile("baseline"));
            res = await engine.analyze(cluster("c"));
            const base = new Map(res.diagnostics.map(d => [d.policyName, d.enforcementLevel]));
            assert.equal(base.get("aks-private-cluster-enabled"), "advisory");
            assert.equal(base.get("aks-api-server-access-restricted"), "mandatory");
        });
    });

    describe("exemptions", () => {
        it("silence exactly the matched resource for exactly the named policy (far from expiry: silently, as the CLI shows no not-applicable reason)", async () => {
            await engine.configure({ "aks-private-cluster-enabled": { exemptions: [{ match: { name: "legacy" }, reason: "decommissioned in January", expires: "2999-01-31" }] } });
            const legacy = await engine.analyze(cluster("legacy"));
            const other = await engine.analyze(cluster("other"));
            assert.ok(!legacy.diagnostics.some(d => d.policyName === "aks-private-cluster-enabled"));
            assert.ok(legacy.diagnostics.some(d => d.policyName === "aks-entra-id-enabled"), "other policies still apply");
            assert.ok(other.diagnostics.some(d => d.policyName === "aks-private-cluster-enabled"), "other resources still checked");
            const na = legacy.notApplicable.find(n => n.policyName === "aks-private-cluster-enabled");
            assert.equal(na?.reason, "exempted by the policy configuration: decommissioned in January, until 2999-01-31");
        });
        it("lapse at their expiry date, and the violation says so", async () => {
            await engine.configure({ "aks-private-cluster-enabled": { exemptions: [{ match: { name: "legacy" }, reason: "decommissioned in January", expires: "2021-01-31" }] } });
            const res = await engine.analyze(cluster("legacy"));
            const d = res.diagnostics.find(x => x.policyName === "aks-private-cluster-enabled")!;
            assert.match(d.message, /The exemption "decommissioned in January" for this resource expired on 2021-01-31\.$/);
        });
        it("work in code through an Azure tag, unless the admin turns them off", async () => {
            const tagged = cluster("c", { tags: { "aks-security-baseline-exempt:aks-private-cluster-enabled": "reached over ExpressRoute only" } });
            await engine.configure();
            let res = await engine.analyze(tagged);
            assert.ok(!res.diagnostics.some(d => d.policyName === "aks-private-cluster-enabled"));
            assert.match(res.notApplicable.find(n => n.policyName === "aks-private-cluster-enabled")!.reason, /ExpressRoute/);
            await engine.configure({ "aks-private-cluster-enabled": { allowInCodeExemptions: false } });
            res = await engine.analyze(tagged);
            assert.ok(res.diagnostics.some(d => d.policyName === "aks-private-cluster-enabled"));
        });
        it("are validated: a reason is required, dates are YYYY-MM-DD", async () => {
            const v = `validating policy config: aks-security-baseline ${pkg.version}  aks-private-cluster-enabled: `;
            await assert.rejects(engine.configure({ "aks-private-cluster-enabled": { exemptions: [{ match: { name: "x" } }] } }),
                (e: Error) => e instanceof ConfigError && e.lines.join("\n") === `${v}exemptions.0: reason is required`);
            await assert.rejects(engine.configure({ "aks-private-cluster-enabled": { exemptions: [{ match: { name: "x" }, reason: "r", expires: "next week" }] } }),
                (e: Error) => e instanceof ConfigError && e.lines.join("\n") === `${v}exemptions.0.expires: Does not match pattern '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`);
        });
    });
});

describe("stack tags select a profile", () => {
    const cfg = { "aks-private-cluster-enabled": { stackTagProfiles: [{ tag: "environment=prod", profile: "strict" }] } };
    for (const [tags, want] of [[{ environment: "prod" }, "mandatory"], [{ environment: "dev" }, "advisory"], [{}, "advisory"]] as const) {
        it(`tags ${JSON.stringify(tags)} give ${want}`, async () => {
            const e = await launch({ stackTags: tags });
            try {
                await e.configure(cfg);
                const res = await e.analyze(cluster("c"));
                const d = res.diagnostics.find(x => x.policyName === "aks-private-cluster-enabled")!;
                assert.equal(d.enforcementLevel, want);
                assert.equal(d.message.split("\n")[0], d.description, "the description still leads the message");
            } finally {
                await e.close();
            }
        });
    }
});
