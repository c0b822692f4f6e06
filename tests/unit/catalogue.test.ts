// Invariants over every policy of the pack, tested once.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import Ajv from "ajv";
import { allPolicies } from "../../policies";
import { checks } from "../../policies/checks";
import { controls } from "../../policies/controls";

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
    for (const p of allPolicies) {
        describe(p.name, () => {
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
