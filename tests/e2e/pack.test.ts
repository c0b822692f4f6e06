// The built pack, launched exactly as the Pulumi CLI launches it, driven over gRPC.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import { Engine } from "../../engine/engine";
import { ConfigError } from "../../engine/config";
import { secret, unknown } from "../../engine/wire";
import { allPolicies } from "../../policies";
import { launch, PREVIEW_NOTE, recorded, ROOT } from "./helpers";

const CLUSTER = "azure-native:containerservice:ManagedCluster";
const urn = (type: string, name: string) => `urn:pulumi:dev::project::${type}::${name}`;
/** The six core controls of the foundation (AKS-01, 08, 09, 15/16, 19, 24). */
const CORE = ["aks-entra-id-enabled", "aks-private-cluster-enabled", "aks-api-server-access-restricted", "aks-disk-encryption-set-configured",
    "aks-encryption-at-host-enabled", "aks-container-insights-enabled", "aks-azure-policy-addon-enabled"];
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));

describe("pack over the Analyzer protocol", () => {
    let engine: Engine;
    before(async () => {
        engine = await launch();
    });
    after(async () => {
        await engine.close();
    });

    it("describes itself to the engine", async () => {
        const info = await engine.analyzerInfo();
        assert.equal(info.name, "aks-security-baseline");
        assert.equal(info.version, pkg.version);
        assert.equal(info.displayName, "AKS Security Baseline");
        assert.ok(info.description.length > 20 && info.readme.startsWith("# AKS Security Baseline"));
        assert.equal(info.provider, "azure");
        assert.ok(info.tags.includes("aks") && info.repository.startsWith("https://"));
        assert.equal(info.supportsConfig, true);
        assert.deepEqual(info.policies.map(p => p.name), allPolicies.map(p => p.name));
    });

    it("reports every policy with severity, framework, baseline tags, remediation and url", async () => {
        const info = await engine.analyzerInfo();
        for (const p of info.policies) {
            const src = allPolicies.find(x => x.name === p.name)!;
            assert.equal(p.severity, src.severity, p.name);
            assert.equal(p.enforcementLevel, src.enforcementLevel, p.name);
            assert.equal(p.policyType, "validateStack" in src ? "stack" : "resource");
            assert.deepEqual(p.framework, src.framework);
            assert.ok(p.tags.some(t => t.startsWith("baseline:")), p.name);
            assert.equal(p.remediationSteps, src.remediationSteps);
            assert.equal(p.url, src.url);
            assert.equal(p.displayName, src.displayName);
        }
    });

    it("flags the insecure quick-start stack on each core control, and only the cluster", async () => {
        await engine.configure();
        const run = await engine.run(recorded("aks-insecure", "preview"));
        const cluster = run.resources.find(r => r.resource.type === CLUSTER)!;
        const flagged = new Set(cluster.diagnostics.map(d => d.policyName));
        for (const name of CORE) assert.ok(flagged.has(name), `${name} flags the quick-start cluster`);
        const api = cluster.diagnostics.find(d => d.policyName === "aks-api-server-access-restricted")!;
        assert.equal(api.enforcementLevel, "mandatory");
        assert.equal(api.severity, "critical");
        assert.equal(api.message, `${api.description}\nThe cluster does not set apiServerAccessProfile.authorizedIPRanges (the public API server accepts every source address); set it to the CIDR ranges that need access, e.g. ["203.0.113.0/24"], or make the cluster private.`);
    });

    for (const example of ["aks-hardened", "k8s-hardened"]) {
        it(`passes ${example} clean in an update: no diagnostic at all`, async () => {
            await engine.configure();
            const run = await engine.run(recorded(example, "update"));
            const all = [...run.resources.flatMap(r => r.diagnostics), ...(run.stack?.diagnostics ?? [])];
            assert.deepEqual(all.map(d => `${d.policyName}: ${d.message}`), []);
        });
        it(`passes ${example} in a preview: no violation, only the SDK's notes for values unknown until the update`, async () => {
            await engine.configure();
            const run = await engine.run(recorded(example, "preview"));
            const all = [...run.resources.flatMap(r => r.diagnostics), ...(run.stack?.diagnostics ?? [])];
            assert.deepEqual(all.filter(d => !PREVIEW_NOTE.test(d.message)).map(d => `${d.policyName}: ${d.message}`), []);
            assert.ok(all.every(d => d.enforcementLevel === "advisory"));
        });
    }

    it("flags the insecure examples on every check, both shapes", async () => {
        // Not shown by the insecure examples, on purpose: Bastion matters only for a private
        // cluster; Sentinel onboarding is quiet by default (managedElsewhere); a Windows
        // HostProcess pod has no place in a Linux workload example (the unit specs and the
        // conformance fixtures cover it).
        const notShown = new Set(["aks-bastion-host-present", "aks-sentinel-onboarded", "k8s-pss-baseline-host-process"]);
        await engine.configure();
        for (const mode of ["update", "preview"] as const) {
            const flagged = new Set<string>();
            for (const example of ["aks-insecure", "aks-classic-insecure", "k8s-insecure"]) {
                const run = await engine.run(recorded(example, mode));
                for (const d of [...run.resources.flatMap(r => r.diagnostics), ...(run.stack?.diagnostics ?? [])]) {
                    if (!PREVIEW_NOTE.test(d.message)) flagged.add(d.policyName);
                }
            }
            const missing = allPolicies.map(p => p.name).filter(n => !flagged.has(n) && !notShown.has(n));
            if (mode === "update") assert.deepEqual(missing, [], "every policy flags the insecure examples in an update");
            else assert.ok(missing.length < allPolicies.length / 4, `most policies flag them in preview too; missing: ${missing.join(", ")}`);
        }
    });

    it("flags the classic-provider stack, inline and separate pools", async () => {
        await engine.configure();
        const run = await engine.run(recorded("aks-classic-insecure", "update"));
        const byType = (t: string) => run.resources.find(r => r.resource.type === t)!.diagnostics.map(d => d.policyName).sort();
        const cluster = byType("azure:containerservice/kubernetesCluster:KubernetesCluster");
        for (const name of CORE) assert.ok(cluster.includes(name), `${name} flags the classic cluster`);
        assert.ok(byType("azure:containerservice/kubernetesClusterNodePool:KubernetesClusterNodePool").includes("aks-encryption-at-host-enabled"));
    });

    it("answers not applicable for other resource types, with a reason only the CLI's undisplayed summary receives", async () => {
        await engine.configure();
        const res = await engine.analyze({ type: "azure-native:resources:ResourceGroup", name: "rg", urn: urn("azure-native:resources:ResourceGroup", "rg"), inputs: { location: "westeurope" } });
        assert.deepEqual(res.diagnostics, []);
        const reasons = new Map(res.notApplicable.map(n => [n.policyName, n.reason]));
        assert.equal(reasons.get("aks-private-cluster-enabled"), "applies to AKS cluster resources only");
        assert.equal(reasons.get("aks-encryption-at-host-enabled"), "applies to AKS cluster and node pool resources only");
        assert.equal(reasons.size, allPolicies.filter(p => "validateResource" in p).length);
    });

    it("never reports a violation for a value unknown during preview, only the SDK's advisory note", async () => {
        await engine.configure({ all: "mandatory" });
        const res = await engine.analyze({
            type: CLUSTER, name: "c", urn: urn(CLUSTER, "c"),
            // Every input a cluster policy can read is unknown, as for a cluster built from other resources' outputs.
            inputs: Object.fromEntries([
                "aadProfile", "addonProfiles", "agentPoolProfiles", "apiServerAccessProfile", "autoUpgradeProfile", "disableLocalAccounts",
                "diskEncryptionSetID", "enableRBAC", "identity", "kubernetesVersion", "linuxProfile", "networkProfile", "oidcIssuerProfile",
                "podIdentityProfile", "publicNetworkAccess", "securityProfile", "servicePrincipalProfile", "sku", "tags", "windowsProfile",
            ].map(k => [k, unknown])),
        });
        assert.ok(res.diagnostics.length > 0);
        for (const d of res.diagnostics) {
            assert.match(d.message, PREVIEW_NOTE, d.message);
            assert.equal(d.enforcementLevel, "advisory", `${d.policyName} stays advisory whatever its level`);
        }
    });

    it("never prints a secret's value, and still judges it", async () => {
        await engine.configure();
        const res = await engine.analyze({
            type: CLUSTER, name: "c", urn: urn(CLUSTER, "c"),
            inputs: { apiServerAccessProfile: secret({ authorizedIPRanges: ["0.0.0.0/0"] }), agentPoolProfiles: [{ name: "p", enableEncryptionAtHost: secret("s3cr3t-value") }] },
        });
        const text = res.diagnostics.map(d => d.message).join("\n");
        assert.ok(!text.includes("s3cr3t-value") && !text.includes("0.0.0.0/0"), text);
        assert.ok(text.includes("The cluster sets apiServerAccessProfile.authorizedIPRanges[0]: [secret]; replace it"), text);
        assert.ok(text.includes("agentPoolProfiles[0] (\"p\") sets enableEncryptionAtHost: [secret]; set it to true."), text);
    });

    describe("configuration", () => {
        it("applies 'all' then per-policy levels", async () => {
            await engine.configure({ all: "mandatory", "aks-entra-id-enabled": "advisory", "aks-private-cluster-enabled": "disabled" });
            const res = await engine.analyze({ type: CLUSTER, name: "c", urn: urn(CLUSTER, "c"), inputs: {} });
            const level = new Map(res.diagnostics.map(d => [d.policyName, d.enforcementLevel]));
            assert.equal(level.get("aks-entra-id-enabled"), "advisory");
            assert.equal(level.has("aks-private-cluster-enabled"), false);
            assert.equal(level.get("aks-azure-policy-addon-enabled"), "mandatory");
        });
        it("passes policy settings through", async () => {
            await engine.configure({ "aks-api-server-access-restricted": { allowedRanges: ["10.0.0.0/8"] } });
            const res = await engine.analyze({ type: CLUSTER, name: "c", urn: urn(CLUSTER, "c"), inputs: { apiServerAccessProfile: { authorizedIPRanges: ["10.1.0.0/16", "192.0.2.0/24"] } } });
            const msgs = res.diagnostics.filter(d => d.policyName === "aks-api-server-access-restricted").map(d => d.message.split("\n")[1]);
            assert.deepEqual(msgs, ["The cluster sets apiServerAccessProfile.authorizedIPRanges[1]: \"192.0.2.0/24\", which is outside the allowed ranges [\"10.0.0.0/8\"]; use ranges within them."]);
        });
        it("disables everything with all: disabled", async () => {
            await engine.configure({ all: "disabled" });
            const res = await engine.analyze({ type: CLUSTER, name: "c", urn: urn(CLUSTER, "c"), inputs: {} });
            assert.deepEqual(res.diagnostics, []);
        });
        it("rejects settings that break a policy's schema with the CLI's lines; ignores unknown names as the CLI does", async () => {
            await assert.rejects(engine.configure({ "aks-api-server-access-restricted": { allowedRanges: "10.0.0.0/8" } }),
                (e: Error) => e instanceof ConfigError && e.lines.length === 1 &&
                    e.lines[0] === `validating policy config: aks-security-baseline ${pkg.version}  aks-api-server-access-restricted: allowedRanges: Invalid type. Expected: array, given: string`);
            const entries = await engine.configure({ "no-such-policy": "mandatory" });
            assert.deepEqual(entries["no-such-policy"], { enforcementLevel: "mandatory", properties: {} }, "sent to the pack, never reported");
            await assert.rejects(engine.configure({ all: "sometimes" }), /^Error: parsing enforcement level for "all": "sometimes" is not a valid enforcement level$/);
        });
    });
});

describe("the published pack", () => {
    it("starts from compiled JavaScript with only the files npm pack ships", async () => {
        // Lay out exactly what `npm pack` would ship, next to the dependencies, and launch that.
        const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pack-"));
        try {
            const { execFileSync } = await import("node:child_process");
            const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: ROOT, encoding: "utf8" });
            const shipped: string[] = JSON.parse(out)[0].files.map((f: { path: string }) => f.path);
            assert.ok(shipped.includes("bin/index.js") && shipped.includes("PulumiPolicy.yaml"));
            const sourcesShipped = shipped.filter(f => f.endsWith(".ts") && !f.endsWith(".d.ts"));
            assert.deepEqual(sourcesShipped, [], "no TypeScript sources shipped (type declarations are: the library entry's types)");
            assert.ok(shipped.includes("bin/api.d.ts"));
            for (const f of shipped) {
                fs.mkdirSync(path.dirname(path.join(tmp, f)), { recursive: true });
                fs.copyFileSync(path.join(ROOT, f), path.join(tmp, f));
            }
            fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(tmp, "node_modules"));
            const e = await launch({}, tmp);
            try {
                const info = await e.analyzerInfo();
                assert.equal(info.policies.length, allPolicies.length);
            } finally {
                await e.close();
            }
        } finally {
            fs.rmSync(tmp, { recursive: true, force: true });
        }
    });
});
