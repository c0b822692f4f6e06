// engine/ behaves as the Pulumi CLI does, row by row of issue 11 (facts and CLI source files
// in ../shared/PROTOCOL.md). Each spec drives the built pack, or tests/fixtures/echo-pack
// (a pack that reports what it was sent), through the real protocol.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import { Engine, EngineResource } from "../../engine/engine";
import { ConfigError } from "../../engine/config";
import { renderPolicies, typeDisplayName } from "../../engine/display";
import { ref, unknown, unknownOf, UNKNOWN_SENTINELS } from "../../engine/wire";
import { launch, PREVIEW_NOTE, recorded, ROOT, runScript } from "./helpers";

const CLUSTER = "azure-native:containerservice:ManagedCluster";
const urn = (type: string, name: string) => `urn:pulumi:dev::project::${type}::${name}`;
const cluster = (name: string, inputs: Record<string, unknown> = {}): EngineResource => ({ type: CLUSTER, name, urn: urn(CLUSTER, name), inputs });
const ECHO_PACK = path.join(ROOT, "tests", "fixtures", "echo-pack");
const VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;

async function rejectsWith(p: Promise<unknown>, message: string, lines: string[] = []): Promise<void> {
    await assert.rejects(p, (e: Error) => {
        assert.ok(e instanceof ConfigError, String(e));
        assert.deepEqual(e.lines, lines);
        assert.equal(e.message, [...lines, message].join("\n"));
        return true;
    });
}

describe("engine/ as the Pulumi CLI", () => {
    let engine: Engine;
    before(async () => {
        engine = await launch();
    });
    after(async () => {
        await engine.close();
    });

    describe("configuration (pkg/resource/analyzer/config.go)", () => {
        it("`all` with only settings (the old stack-tag example) aborts the run: invalid enforcement level \"\"", async () => {
            const before = engine.calls.length;
            await rejectsWith(engine.configure({ all: { stackTagProfiles: [{ tag: "environment=prod", profile: "strict" }] } }), 'invalid enforcement level ""');
            assert.deepEqual(engine.calls.slice(before), [], "Configure is never sent");
        });
        it("an unknown name with only settings aborts the same way", async () => {
            await rejectsWith(engine.configure({ "aks-private-cluster-enable": { exemptions: [] } }), 'invalid enforcement level ""');
        });
        it("`all` with a level and settings: only the level applies, the settings go nowhere", async () => {
            const tagged = cluster("c", { tags: { "aks-security-baseline-exempt:aks-private-cluster-enabled": "reached over ExpressRoute only" } });
            const entries = await engine.configure({ all: { enforcementLevel: "mandatory", allowInCodeExemptions: false } });
            assert.deepEqual(entries.all, { enforcementLevel: "mandatory", properties: { allowInCodeExemptions: false } }, "sent as its own entry");
            assert.equal(entries["aks-private-cluster-enabled"].properties.allowInCodeExemptions, true, "the policy keeps its default");
            const res = await engine.analyze(tagged);
            assert.equal(res.diagnostics.find(d => d.policyName === "aks-private-cluster-enabled"), undefined, "the in-code exemption still holds");
            assert.equal(res.diagnostics.find(d => d.policyName === "aks-entra-id-enabled")!.enforcementLevel, "mandatory", "the level did apply");
        });
        it("a misspelled policy name with a level is silently ignored (sent, never validated)", async () => {
            const entries = await engine.configure({ "aks-private-cluster-enable": "disabled" });
            assert.deepEqual(entries["aks-private-cluster-enable"], { enforcementLevel: "disabled", properties: {} });
            const res = await engine.analyze(cluster("c"));
            assert.equal(res.diagnostics.find(d => d.policyName === "aks-private-cluster-enabled")!.enforcementLevel, "advisory", "the real policy runs at its default level");
        });
        it("a misspelled setting, a misspelled enforcementLevel and an impossible date all pass silently", async () => {
            const entries = await engine.configure({
                "aks-api-server-access-restricted": { enforcmentLevel: "disabled", allowedRange: ["10.0.0.0/8"] },
                "aks-private-cluster-enabled": { exemptions: [{ match: { name: "legacy" }, reason: "r", expires: "2027-02-30" }] },
            });
            assert.equal(entries["aks-api-server-access-restricted"].enforcementLevel, "mandatory");
            assert.deepEqual(entries["aks-api-server-access-restricted"].properties.allowedRanges, []);
            const res = await engine.analyze(cluster("c", { apiServerAccessProfile: { authorizedIPRanges: ["192.0.2.0/24"] } }));
            assert.ok(!res.diagnostics.some(d => d.policyName === "aks-api-server-access-restricted"), "allowedRange did nothing: any range passes");
        });
        it("prints every validation error in gojsonschema's words, sorted, then aborts", async () => {
            const pack = `validating policy config: aks-security-baseline ${VERSION}  `;
            await rejectsWith(
                engine.configure({
                    "aks-private-cluster-enabled": { exemptions: [{ match: {}, expires: "next week" }, { match: { name: "x", colour: "red" }, reason: "" }] },
                    "aks-api-server-access-restricted": { allowedRanges: "10.0.0.0/8" },
                    "k8s-pss-restricted-privilege-escalation": { stackTagProfiles: [{ tag: "prod", profile: "strictest" }] },
                }),
                "validating policy config",
                [
                    `${pack}aks-api-server-access-restricted: allowedRanges: Invalid type. Expected: array, given: string`,
                    `${pack}aks-private-cluster-enabled: exemptions.0.expires: Does not match pattern '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`,
                    `${pack}aks-private-cluster-enabled: exemptions.0.match: Must have at least 1 properties`,
                    `${pack}aks-private-cluster-enabled: exemptions.0: reason is required`,
                    `${pack}aks-private-cluster-enabled: exemptions.1.match: Additional property colour is not allowed`,
                    `${pack}aks-private-cluster-enabled: exemptions.1.reason: String length must be greater than or equal to 1`,
                    `${pack}k8s-pss-restricted-privilege-escalation: stackTagProfiles.0.profile: stackTagProfiles.0.profile must be one of the following: "advisory", "baseline", "strict"`,
                    `${pack}k8s-pss-restricted-privilege-escalation: stackTagProfiles.0.tag: Does not match pattern '^[^=]+=.*$'`,
                ],
            );
        });
        it("rejects an invalid level while parsing the file, as the CLI does", async () => {
            await rejectsWith(engine.configure({ all: "sometimes" }), 'parsing enforcement level for "all": "sometimes" is not a valid enforcement level');
            await rejectsWith(engine.configure({ "aks-entra-id-enabled": { enforcementLevel: 2 } }), 'parsing enforcement level for "aks-entra-id-enabled": 2 is not a valid enforcement level; must be a string');
            await rejectsWith(engine.configure({ "aks-entra-id-enabled": true }), 'parsing "aks-entra-id-enabled": true is not a valid value; must be a string or object');
        });
        it("ignores a top-level `environments` key (ESC environments, not a policy)", async () => {
            const entries = await engine.configure({ environments: ["org/policy-env"], all: "advisory" });
            assert.equal(entries.environments, undefined);
        });
    });

    describe("values on the wire (sdk/go/common/resource/plugin/rpc.go)", () => {
        it("typed unknowns never give a verdict: only the SDK's advisory note, naming the type", async () => {
            await engine.configure({ all: "mandatory" });
            // Every input a cluster policy reads, each unknown with its type.
            const kinds: Record<string, "bool" | "array" | "object" | "string"> = {
                enableRBAC: "bool", disableLocalAccounts: "bool", agentPoolProfiles: "array", kubernetesVersion: "string",
                diskEncryptionSetID: "string", publicNetworkAccess: "string",
            };
            for (const k of ["aadProfile", "addonProfiles", "apiServerAccessProfile", "autoUpgradeProfile", "identity", "linuxProfile", "networkProfile",
                "oidcIssuerProfile", "podIdentityProfile", "securityProfile", "servicePrincipalProfile", "sku", "tags", "windowsProfile"]) kinds[k] = "object";
            const res = await engine.analyze(cluster("c", Object.fromEntries(Object.entries(kinds).map(([k, t]) => [k, unknownOf(t)]))));
            assert.ok(res.diagnostics.length > 0);
            for (const d of res.diagnostics) {
                assert.match(d.message, PREVIEW_NOTE, `${d.policyName}: ${d.message}`);
                assert.equal(d.enforcementLevel, "advisory");
            }
            const texts = new Set(res.diagnostics.map(d => d.message.replace(PREVIEW_NOTE, "")));
            assert.ok(texts.has("boolean value at .enableRBAC can't be known during preview"), [...texts].join("\n"));
            assert.ok(texts.has("Array value at .agentPoolProfiles can't be known during preview"), [...texts].join("\n"));
            assert.ok(texts.has("Object value at .apiServerAccessProfile can't be known during preview"), [...texts].join("\n"));
        });
        it("a reference to a resource whose ID is unknown arrives as unknown", async () => {
            await engine.configure();
            const res = await engine.analyze(cluster("c", { diskEncryptionSetID: ref(urn("azure-native:compute:DiskEncryptionSet", "des"), unknown) }));
            assert.ok(!res.diagnostics.some(d => d.policyName === "aks-disk-encryption-set-configured"), "set, though not yet known: passes");
            assert.equal(UNKNOWN_SENTINELS.string, "04da6b54-80e4-46f7-96ec-b56ff0331ba9");
        });
    });

    describe("a run (pkg/resource/deploy/step_generator.go, deployment_executor.go)", () => {
        it("analyzes provider resources and the root pulumi:pulumi:Stack too", async () => {
            await engine.configure();
            const stack = recorded("aks-insecure", "preview");
            const before = engine.calls.filter(c => c === "analyze").length;
            const run = await engine.run(stack, "preview");
            assert.equal(engine.calls.filter(c => c === "analyze").length - before, stack.length);
            const types = run.resources.map(r => r.resource.type);
            assert.equal(types[0], "pulumi:pulumi:Stack");
            assert.ok(types.includes("pulumi:providers:azure-native"), types.join(", "));
        });
        it("preview: shows every violation, runs AnalyzeStack, then fails when any is mandatory", async () => {
            await engine.configure();
            const stack = recorded("aks-insecure", "preview");
            const run = await engine.run(stack, "preview");
            assert.equal(run.resources.length, stack.length, "every resource analyzed");
            assert.ok(run.stack, "AnalyzeStack ran");
            assert.ok(run.violations.filter(v => v.enforcementLevel === "mandatory").length >= 2);
            assert.equal(run.failed, true);
            assert.equal(run.error, "step generator errored");
        });
        it("preview with advisory findings only does not fail", async () => {
            await engine.configure({ all: "advisory" });
            const run = await engine.run(recorded("aks-insecure", "preview"), "preview");
            assert.ok(run.violations.length > 10);
            assert.equal(run.failed, false);
        });
        it("up: stops at the first resource with a mandatory violation; AnalyzeStack is skipped", async () => {
            await engine.configure();
            const stack = recorded("aks-insecure", "update");
            const all = await engine.run(stack, "preview");
            const first = all.resources.findIndex(r => r.diagnostics.some(d => d.enforcementLevel === "mandatory"));
            assert.ok(first > 0 && first < stack.length - 1, "a mandatory violation before the last resource");
            const before = engine.calls.length;
            const run = await engine.run(stack, "update");
            assert.equal(run.resources.length, first + 1, "nothing after the cluster was analyzed");
            assert.equal(run.stack, undefined);
            assert.ok(!engine.calls.slice(before).includes("analyzeStack"));
            assert.equal(run.error, `resource ${stack[first].urn} is invalid`);
        });
        it("not-applicable reasons (exemptions included) never reach the output", async () => {
            await engine.configure({ "aks-private-cluster-enabled": { exemptions: [{ match: { name: "legacy" }, reason: "decommissioned in January", expires: "2999-01-31" }] } });
            const run = await engine.run([cluster("legacy")], "preview");
            assert.ok(run.resources[0].notApplicable.some(n => /decommissioned in January/.test(n.reason)), "the pack did answer with the reason");
            const text = renderPolicies({ name: "aks-security-baseline", version: VERSION }, run);
            assert.ok(!text.includes("decommissioned") && !text.includes("aks-private-cluster-enabled"), text);
            assert.ok(!text.includes("applies to"), "no not-applicable reason of any policy");
        });
    });

    describe("display (pkg/backend/display/progress.go printPolicies, diff.go)", () => {
        it("prints `[level] [severity: s]  policy  (type: name)`, sorted by level, severity, policy, URN", async () => {
            await engine.configure({ all: "advisory", "aks-api-server-access-restricted": "mandatory", "aks-private-cluster-enabled": "mandatory" });
            const run = await engine.run([
                { type: "pulumi:pulumi:Stack", name: "project-dev", urn: "urn:pulumi:dev::project::pulumi:pulumi:Stack::project-dev", inputs: {} },
                cluster("b", { aadProfile: { managed: true, enableAzureRBAC: true }, disableLocalAccounts: true, apiServerAccessProfile: { enablePrivateCluster: true }, addonProfiles: { azurepolicy: { enabled: true } } }),
                cluster("a", { aadProfile: { managed: true, enableAzureRBAC: true }, disableLocalAccounts: true, addonProfiles: { azurepolicy: { enabled: true } } }),
            ], "preview");
            const heads = renderPolicies({ name: "aks-security-baseline", version: VERSION, local: "." }, run).split("\n").filter(l => l.startsWith("        - ") || l.startsWith("    ") && !l.startsWith("      "));
            assert.equal(heads[0], `    ❌ aks-security-baseline@v${VERSION} (local: .)`);
            const levels = heads.slice(1).map(l => /^ {8}- \[(\w+)\]/.exec(l)![1]);
            assert.deepEqual(levels, [...levels].sort((x, y) => (x === "mandatory" ? 0 : 1) - (y === "mandatory" ? 0 : 1)), "mandatory first");
            assert.equal(heads[1], "        - [mandatory] [severity: critical]  aks-api-server-access-restricted  (azure-native:containerservice:ManagedCluster: a)");
            assert.equal(heads[2], "        - [mandatory] [severity: high]  aks-private-cluster-enabled  (azure-native:containerservice:ManagedCluster: a)");
            const sev = heads.slice(3).map(l => /\[severity: (\w+)\]/.exec(l)![1]);
            const rank = ["critical", "high", "medium", "low"];
            assert.deepEqual(sev, [...sev].sort((x, y) => rank.indexOf(x) - rank.indexOf(y)), "then by severity");
        });
        it("the message goes under the heading, each line indented", () => {
            const text = renderPolicies({ name: "p", version: "1.0.0" }, {
                remediated: [{ urn: "u1", policyName: "fix-it", resource: cluster("x") }, { urn: "u2", policyName: "fix-it", resource: cluster("y") }],
                violations: [{
                    policyName: "pol", policyPackName: "p", policyPackVersion: "1.0.0", description: "d", message: "first\nsecond\n",
                    enforcementLevel: "advisory", severity: "", urn: urn("azure:containerservice/kubernetesCluster:KubernetesCluster", "k"),
                }],
            });
            assert.equal(text, [
                "Policies:",
                "    ⚠️ p@v1.0.0",
                "        - [remediate]  fix-it  (2 resources)",
                "        - [advisory]  pol  (azure:containerservice:KubernetesCluster: k)",
                "          first",
                "          second",
                "",
            ].join("\n"));
            assert.equal(typeDisplayName("kubernetes:apps/v1:Deployment"), "kubernetes:apps/v1:Deployment");
        });
    });
});

describe("what the pack is sent (tests/fixtures/echo-pack)", () => {
    it("calls Handshake, ConfigureStack, GetPluginInfo, GetAnalyzerInfo, then Configure; Cancel is accepted", async () => {
        const e = await launch({}, ECHO_PACK);
        try {
            await e.configure();
            await e.cancel();
            assert.deepEqual(e.calls, ["handshake", "configureStack", "getPluginInfo", "getAnalyzerInfo", "configure", "cancel"]);
            assert.match(e.pluginVersion, /^\d+\.\d+\.\d+/);
        } finally {
            await e.close();
        }
    });
    it("a failing GetPluginInfo is fatal", async () => {
        await assert.rejects(launch({ env: { ECHO_FAIL_PLUGIN_INFO: "1" } }, ECHO_PACK), /^Error: Analyzer\[echo-pack\]\.GetPluginInfo\(\) failed: 2 UNKNOWN: plugin info unavailable/);
    });
    it("Analyze drops top-level `__` keys, Remediate keeps them, AnalyzeStack sees the remediated state", async () => {
        const e = await launch({}, ECHO_PACK);
        try {
            await e.configure();
            const run = await e.run([{
                type: "test:index:Echo", name: "x", urn: urn("test:index:Echo", "x"),
                inputs: { __internal: "i", a: 1, nested: { __kept: true } },
                outputs: { __internal: "i", a: 1, nested: { __kept: true }, id: "x-1" },
            }], "preview");
            const msgs = run.violations.map(v => `${v.policyName}: ${v.message.split("\n").pop()}`);
            assert.deepEqual(msgs, [
                "echo-analyze: analyze: a,nested,remediated",
                `echo-stack: stack: {"a":1,"id":"x-1","nested":{"__kept":true},"remediated":"__internal,a,nested"}`,
            ]);
            assert.deepEqual(run.remediated.map(r => r.policyName), ["echo-remediate"]);
        } finally {
            await e.close();
        }
    });
    it("sends the full resource options and the provider with its inputs", async () => {
        const e = await launch({}, ECHO_PACK);
        try {
            await e.configure();
            const parent = urn("my:index:Component", "parent");
            const res = await e.analyze({
                type: "test:index:Options", name: "o", urn: urn("test:index:Options", "o"), inputs: {}, parent,
                protect: true, ignoreChanges: ["tags"], deleteBeforeReplace: true, additionalSecretOutputs: ["key"],
                aliases: [urn("test:index:Options", "old")], customTimeouts: { create: 60, update: 30, delete: 10 },
                provider: { type: "pulumi:providers:test", name: "default_1_0_0", urn: urn("pulumi:providers:test", "default_1_0_0"), inputs: { version: "1.0.0" } },
            });
            const seen = JSON.parse(res.diagnostics[0].message.split("\n").pop()!.slice("options: ".length));
            assert.deepEqual(seen, {
                opts: {
                    protect: true, ignoreChanges: ["tags"], deleteBeforeReplace: true, aliases: [urn("test:index:Options", "old")],
                    customTimeouts: { createSeconds: 60, updateSeconds: 30, deleteSeconds: 10 }, additionalSecretOutputs: ["key"], parent,
                },
                provider: { type: "pulumi:providers:test", name: "default_1_0_0", urn: urn("pulumi:providers:test", "default_1_0_0"), props: { version: "1.0.0" } },
            });
        } finally {
            await e.close();
        }
    });
    it("nodeArgs come after the runner script: they never reach node", async () => {
        const marker = path.join(os.tmpdir(), `nodeargs-${process.pid}.txt`);
        const script = path.join(os.tmpdir(), `nodeargs-${process.pid}.js`);
        fs.writeFileSync(script, `require("fs").writeFileSync(${JSON.stringify(marker)}, "loaded");`);
        try {
            const e = await launch({ nodeArgs: ["--require", script] }, ECHO_PACK);
            await e.close();
            assert.equal(fs.existsSync(marker), false, "node never loaded the --require script");
        } finally {
            fs.rmSync(script, { force: true });
            fs.rmSync(marker, { force: true });
        }
    });
});

describe("npm run demo exits as the CLI does", () => {
    const demo = (...args: string[]) => runScript("demo", args);
    it("non-zero on a blocking finding, zero on a clean stack", () => {
        // Exactly package.json's `demo` line once; the other runs take the compiled twin (helpers.ts runScript).
        const bad = runScript("demo", ["examples/aks-insecure/recorded/preview.json"], { asNpmRuns: true });
        assert.equal(bad.status, 1, bad.stderr);
        assert.match(bad.stdout, /^ {8}- \[mandatory\] \[severity: critical\]  aks-api-server-access-restricted  \(azure-native:containerservice:ManagedCluster: aks-quickstart\)$/m);
        assert.match(bad.stdout, /^error: step generator errored$/m);
        const good = demo("examples/aks-hardened/recorded/update.json");
        assert.equal(good.status, 0, good.stdout + good.stderr);
        assert.match(good.stdout, /^ {4}✅ aks-security-baseline@v/m);
    });
    it("the bundled showcase exits zero although its insecure examples would fail", () => {
        const r = demo();
        assert.equal(r.status, 0, r.stdout.slice(-2000) + r.stderr);
        assert.match(r.stdout, /^\d+ stacks checked; [1-9]\d* would fail under the Pulumi CLI\.$/m);
    });
    it("an invalid config file prints the CLI's lines and exits 1", () => {
        const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cfg-"));
        try {
            fs.writeFileSync(path.join(tmp, "c.json"), JSON.stringify({ "aks-api-server-access-restricted": { allowedRanges: "x" } }));
            const r = runScript("demo", ["--config", "c.json", path.join(ROOT, "examples/aks-hardened/recorded/update.json")], { cwd: tmp });
            assert.equal(r.status, 1);
            assert.match(r.stdout, new RegExp(`^error: validating policy config: aks-security-baseline ${VERSION.replace(/\./g, "\\.")}  aks-api-server-access-restricted: allowedRanges: Invalid type\\. Expected: array, given: string$`, "m"));
        } finally {
            fs.rmSync(tmp, { recursive: true, force: true });
        }
    });
});
