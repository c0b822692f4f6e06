// The library entry (`require("aks-security-baseline/policies")`, api.ts): an org's own pack
// (tests/fixtures/org-pack) serves a selection of our policies beside one of its own, launched
// as the CLI launches a pack; importing the entry starts nothing and keeps secrets masked.
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import { Engine } from "../../engine/engine";
import { secret } from "../../engine/wire";
import { ROOT } from "./helpers";

const CLUSTER = "azure-native:containerservice:ManagedCluster";
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));

describe("library API: aks-security-baseline/policies", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "org-pack-"));
    let engine: Engine;
    before(async () => {
        // The org pack with this package "installed" (a link, as npm link makes it) and the SDKs it shares.
        for (const f of fs.readdirSync(path.join(ROOT, "tests", "fixtures", "org-pack"))) fs.copyFileSync(path.join(ROOT, "tests", "fixtures", "org-pack", f), path.join(dir, f));
        fs.mkdirSync(path.join(dir, "node_modules"));
        fs.symlinkSync(ROOT, path.join(dir, "node_modules", "aks-security-baseline"), "dir");
        fs.symlinkSync(path.join(ROOT, "node_modules", "@pulumi"), path.join(dir, "node_modules", "@pulumi"), "dir");
        engine = await Engine.launch(dir, { dryRun: true, project: "p", stack: "dev" });
    });
    after(async () => {
        await engine?.close();
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it("serves the selection beside the org's own policy, with our metadata", async () => {
        const info = await engine.analyzerInfo();
        assert.equal(info.name, "org-pack");
        assert.deepEqual(info.policies.map(p => p.name), ["aks-private-cluster-enabled", "aks-api-server-access-restricted", "aks-encryption-at-host-enabled", "org-cluster-tagged"]);
        const p = info.policies[0];
        assert.equal(p.severity, "high");
        assert.ok(p.tags.includes("baseline:NET-3"));
        assert.match(p.remediationSteps, /^azure-native: /);
    });

    it("judges as the pack does and never prints a secret's value", async () => {
        await engine.configure();
        const res = await engine.analyze({
            type: CLUSTER, name: "c", urn: `urn:pulumi:dev::p::${CLUSTER}::c`,
            inputs: { apiServerAccessProfile: secret({ authorizedIPRanges: ["0.0.0.0/0"] }), agentPoolProfiles: [{ name: "p", enableEncryptionAtHost: secret("s3cr3t-value") }] },
        });
        const text = res.diagnostics.map(d => d.message).join("\n");
        assert.ok(!text.includes("s3cr3t-value") && !text.includes("0.0.0.0/0"), text);
        assert.ok(text.includes("The cluster sets apiServerAccessProfile.authorizedIPRanges[0]: [secret]; replace it"), text);
        assert.ok(text.includes("agentPoolProfiles[0] (\"p\") sets enableEncryptionAtHost: [secret]; set it to true."), text);
        assert.deepEqual(res.diagnostics.map(d => d.policyName).sort(), ["aks-api-server-access-restricted", "aks-encryption-at-host-enabled", "aks-private-cluster-enabled", "org-cluster-tagged"]);
    });

    it("starts nothing when imported, and selects by controls, checks, severity, tags and names", () => {
        const script = `
            const api = require("aks-security-baseline/policies");
            const names = s => api.selectPolicies(s).map(p => p.name);
            let err = "";
            try { api.selectPolicies({ names: ["aks-private-cluster-enabld"] }); } catch (e) { err = e.message; }
            console.log(JSON.stringify({
                all: api.allPolicies.length,
                none: names({}).length,
                checks: names({ checks: ["AKS-08", "ACR-02"] }),
                tags: names({ tags: ["pss-restricted"], severity: ["medium"] }),
                noneHigh: names({ tags: ["pss-restricted"], severity: ["high", "critical"] }),
                both: names({ controls: ["IAM-2"], checks: ["K8S-09"] }),
                pss: api.podSecurityPolicies.length,
                controls: api.controls.length,
                err,
            }));`;
        const r = spawnSync(process.execPath, ["-e", script], { cwd: dir, encoding: "utf8", timeout: 30000 });
        assert.equal(r.status, 0, r.stderr);
        const out = JSON.parse(r.stdout);
        assert.equal(out.all, 88);
        assert.equal(out.none, 88);
        assert.deepEqual(out.checks, ["aks-private-cluster-enabled", "acr-anonymous-pull-disabled"]);
        assert.equal(out.tags.length, 7);
        assert.ok(out.tags.every((n: string) => n.startsWith("k8s-pss-restricted-")));
        assert.deepEqual(out.noneHigh, []);
        assert.deepEqual(out.both, ["k8s-rbac-no-wildcards"]);
        assert.equal(out.pss, 19);
        assert.equal(out.controls, 36);
        assert.equal(out.err, 'selectPolicies: no policy named "aks-private-cluster-enabld" in aks-security-baseline');
    });

    it("ships type declarations for the entry, which name no provider SDK", () => {
        assert.equal(pkg.exports["./policies"].types, "./bin/api.d.ts");
        const dts = fs.readFileSync(path.join(ROOT, "bin", "api.d.ts"), "utf8");
        assert.match(dts, /export declare function selectPolicies\(sel\?: Selection\): PackPolicy\[\];/);
        const imports = spawnSync("grep", ["-rhoE", 'from "[^".][^"]*"', path.join(ROOT, "bin"), "--include=*.d.ts"], { encoding: "utf8" }).stdout;
        assert.deepEqual([...new Set(imports.trim().split("\n"))], ['from "@pulumi/policy"']);
    });
});
