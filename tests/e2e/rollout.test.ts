// Rollout features through the real protocol: profiles, exemptions, stack tags.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import { Engine } from "../../engine/engine";
import { ConfigError } from "../../engine/config";
import { renderPolicies } from "../../engine/display";
import { allPolicies } from "../../policies";
import { launch, ROOT } from "./helpers";

const CLUSTER = "azure-native:containerservice:ManagedCluster";
const cluster = (name: string, inputs: Record<string, unknown> = {}) => ({ type: CLUSTER, name, urn: `urn:pulumi:dev::project::${CLUSTER}::${name}`, inputs });
/** YYYY-MM-DD, `n` days from today (UTC). */
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
/** A cluster the private-cluster policy would flag, and little else. */
const healthy = { aadProfile: { managed: true, enableAzureRBAC: true } };
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
        it("near expiry, show as one advisory violation naming the exemption, in the CLI's output, without failing the preview", async () => {
            const expires = day(10);
            await engine.configure({ all: "disabled", "aks-private-cluster-enabled": { enforcementLevel: "mandatory", exemptions: [{ match: { name: "legacy" }, reason: "decommissioned in January", owner: "platform-team", expires }] } });
            const run = await engine.run([cluster("legacy", healthy)], "preview");
            const text = renderPolicies({ name: "aks-security-baseline", version: pkg.version }, run);
            assert.equal(text, [
                "Policies:",
                `    ⚠️ aks-security-baseline@v${pkg.version}`,
                `        - [advisory] [severity: high]  aks-private-cluster-enabled  (azure-native:containerservice:ManagedCluster: legacy)`,
                "          The AKS API server has a private IP only (private cluster) and no public DNS name.",
                `          Exempted by the policy configuration: "decommissioned in January" (owner platform-team), until ${expires}, which is in 10 days; after that this policy reports the resource again. Renew the exemption's "expires" or fix the resource.`,
                "",
            ].join("\n"));
            assert.equal(run.failed, false, "the notice never blocks");
        });
        it("say today and tomorrow on the last days, and stay silent outside exemptionNoticeDays", async () => {
            const ex = (expires: string, extra: Record<string, unknown> = {}) => ({ all: "disabled", "aks-private-cluster-enabled": { enforcementLevel: "advisory", ...extra, exemptions: [{ match: { name: "legacy" }, reason: "r", expires }] } });
            const notice = async () => (await engine.analyze(cluster("legacy", healthy))).diagnostics.map(d => d.message.split("\n")[1]);
            await engine.configure(ex(day(0)));
            assert.deepEqual(await notice(), [`Exempted by the policy configuration: "r", until ${day(0)}, which is today; after that this policy reports the resource again. Renew the exemption's "expires" or fix the resource.`]);
            await engine.configure(ex(day(1)));
            assert.match((await notice())[0], /, which is tomorrow; /);
            await engine.configure(ex(day(29)));
            assert.match((await notice())[0], /, which is in 29 days; /);
            await engine.configure(ex(day(30)));
            assert.deepEqual(await notice(), [], "30 days ahead: outside the default window");
            await engine.configure(ex(day(10), { exemptionNoticeDays: 5 }));
            assert.deepEqual(await notice(), []);
            await engine.configure(ex(day(0), { exemptionNoticeDays: 0 }));
            assert.deepEqual(await notice(), [], "0 turns the notice off");
        });
        it("near expiry, show for stack policies too, against the exempted resource", async () => {
            // aks-defender-for-containers-enabled is a stack policy reporting against the cluster.
            const expires = day(3);
            await engine.configure({ "aks-defender-for-containers-enabled": { exemptions: [{ match: { name: "legacy" }, reason: "Defender plan bought in Q1", expires }] } });
            const res = await engine.analyzeStack([cluster("legacy", healthy)]);
            const d = res.diagnostics.filter(x => x.policyName === "aks-defender-for-containers-enabled");
            assert.deepEqual(d.map(x => [x.enforcementLevel, x.urn, x.message.split("\n")[1]]), [
                ["advisory", cluster("legacy").urn, `Exempted by the policy configuration: "Defender plan bought in Q1", until ${expires}, which is in 3 days; after that this policy reports the resource again. Renew the exemption's "expires" or fix the resource.`],
            ]);
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
