// Invariants over every policy of the pack, tested once.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import * as fs from "node:fs";
import * as path from "node:path";
import Ajv from "ajv";
import { allPolicies, podSecurityPolicies } from "../../policies";
import { checks } from "../../baseline/checks";
import { controls } from "../../baseline/controls";

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const SEVERITIES = ["low", "medium", "high", "critical"];
const controlIds = new Set(controls.map(c => c.id));
const checkIds = new Set(checks.map(c => c.id));

describe("catalogue", () => {
    it("has 36 controls with unique ids, and every unenforceable one says why", () => {
        assert.equal(controls.length, 36);
        assert.equal(controlIds.size, 36);
        for (const c of controls) {
            assert.ok(c.title && c.text, c.id);
            if (c.notEnforceable !== undefined) assert.ok(c.notEnforceable.length > 20, c.id);
        }
    });
    it("has unique check ids", () => {
        assert.equal(new Set(checks.map(c => c.id)).size, checks.length);
    });
    it("names every policy uniquely, in kebab-case, never 'all'", () => {
        const names = allPolicies.map(p => p.name);
        assert.equal(new Set(names).size, names.length);
        for (const n of names) {
            assert.match(n, KEBAB);
            assert.notEqual(n, "all");
        }
    });
    it("lists every policy file exactly once in policies/index.ts, in the baseline's check order", () => {
        const root = path.resolve(__dirname, "..", "..", "..", "policies");
        const files = fs.readdirSync(root, { withFileTypes: true }).filter(d => d.isDirectory()).flatMap(d => fs.readdirSync(path.join(root, d.name)).map(f => f.replace(/\.ts$/, "")));
        assert.deepEqual([...files].sort(), allPolicies.map(p => p.name).sort(), "every file policies/<area>/<name>.ts is in allPolicies, and nothing else");
        const order = new Map(checks.map((c, i) => [c.id, i]));
        const rank = (p: (typeof allPolicies)[number]) => (p.meta.checks.length ? Math.min(...p.meta.checks.map(c => order.get(c)!)) : checks.length);
        for (let i = 1; i < allPolicies.length; i++) {
            assert.ok(rank(allPolicies[i - 1]) <= rank(allPolicies[i]), `${allPolicies[i].name} (${allPolicies[i].meta.checks}) is listed after ${allPolicies[i - 1].name} (${allPolicies[i - 1].meta.checks})`);
        }
    });
    it("takes the Pod Security Standards set from the pss-baseline and pss-restricted tags", () => {
        assert.deepEqual(podSecurityPolicies.map(p => p.name).sort(), allPolicies.filter(p => p.name.startsWith("k8s-pss-")).map(p => p.name).sort());
        assert.equal(podSecurityPolicies.length, 19);
    });
    for (const p of allPolicies) {
        describe(p.name, () => {
            it("lives in the folder of its first control's area", () => {
                const AREA: Record<string, string> = { IAM: "identity", NET: "network", DATA: "data-protection", LOG: "monitoring", GOV: "governance", CLU: "governance", IMG: "images", NODE: "nodes", POD: "pod-security", BAK: "backup" };
                const want = AREA[p.meta.controls[0].split("-")[0]];
                assert.ok(fs.existsSync(path.resolve(__dirname, "..", "..", "..", "policies", want, `${p.name}.ts`)), `policies/${want}/${p.name}.ts`);
            });
            it("enforces exactly the controls of its checks (baseline/checks.ts)", () => {
                if (p.meta.checks.length === 0) return;
                const derived = new Set(p.meta.checks.flatMap(c => checks.find(x => x.id === c)!.controls));
                assert.deepEqual([...new Set(p.meta.controls)].sort(), [...derived].sort());
            });
            it("carries the SDK metadata fields", () => {
                assert.ok(SEVERITIES.includes(p.severity!), "severity");
                assert.ok(["advisory", "mandatory"].includes(p.enforcementLevel!), "level");
                assert.match(p.url!, /^https:\/\//);
                assert.ok(p.displayName && p.displayName.length > 5);
                assert.match(p.description, /\.$/);
                assert.ok(p.remediationSteps && p.remediationSteps.length > 20);
                assert.equal(p.name, p.meta.name);
            });
            it("cites known controls and checks, in framework and tags", () => {
                assert.ok(p.meta.controls.length >= 1);
                for (const c of p.meta.controls) {
                    assert.ok(controlIds.has(c), c);
                    assert.ok(p.tags!.includes(`baseline:${c}`), `tag baseline:${c}`);
                }
                for (const c of p.meta.checks) assert.ok(checkIds.has(c), c);
                assert.equal(p.framework!.name, "AKS Security Baseline");
                assert.equal(p.framework!.reference, p.meta.controls[0]);
                assert.equal(p.framework!.specification, controls.find(c => c.id === p.meta.controls[0])!.title);
            });
            it("gives remediation for both Azure providers when it checks Azure resources", () => {
                if (p.name.startsWith("aks-") || p.name.startsWith("acr-") || p.name.startsWith("kv-") || p.name.startsWith("azure-")) {
                    assert.match(p.remediationSteps!, /azure-native/);
                    assert.match(p.remediationSteps!, /classic/);
                }
            });
            if (p.reader) {
                const reader = p.reader;
                it("declares the excludedNamespaces setting exactly when its reader leaves excluded namespaces alone (lib/readers.ts)", () => {
                    assert.equal(reader.skip !== undefined, "excludedNamespaces" in (p.meta.config ?? {}));
                });
            }
            it("declares config whose defaults validate against its own schema", () => {
                const props = p.configSchema?.properties ?? {};
                assert.ok(!("enforcementLevel" in props));
                const ajv = new Ajv({ strict: false });
                const validate = ajv.compile({ type: "object", properties: props });
                const defaults: Record<string, unknown> = {};
                for (const [k, s] of Object.entries(props)) {
                    assert.ok("default" in s, `${k} has a default`);
                    assert.ok(typeof (s as { description?: string }).description === "string", `${k} has a description`);
                    defaults[k] = (s as { default: unknown }).default;
                }
                assert.ok(validate(defaults), JSON.stringify(validate.errors));
            });
        });
    }
});
