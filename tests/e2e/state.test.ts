// Scanning what is deployed: a `pulumi stack export` file analyzed as
// `pulumi policy analyze --policy-pack . --file <export>` does (npm run demo -- --state).
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import { Engine, EngineResource, RunResult } from "../../engine/engine";
import { readStackExport, StateError } from "../../engine/state";
import { secret, SecretValue } from "../../engine/wire";
import { stackExportPath } from "../../scripts/record";
import { launch, PREVIEW_NOTE, recorded, ROOT, runScript } from "./helpers";

const SIG = "4dabf18193072939515e22adb298388d";
const exportOf = (example: string) => JSON.parse(fs.readFileSync(stackExportPath(path.join(ROOT, "examples", example)), "utf8"));
const findings = (run: RunResult) => run.violations.map(v => `${v.enforcementLevel} ${v.policyName} ${v.urn}: ${v.message}`).sort();

/** The export with every secret encrypted, as `pulumi stack export` (without --show-secrets) writes it. */
function encrypted(doc: unknown): unknown {
    const walk = (v: unknown): unknown => {
        if (Array.isArray(v)) return v.map(walk);
        if (typeof v === "object" && v !== null) {
            const o = v as Record<string, unknown>;
            if (o[SIG] && "plaintext" in o) return { [SIG]: o[SIG], ciphertext: "v1:AAAAAAAAAAAAAAAA:AAAAAAAA" };
            return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, walk(x)]));
        }
        return v;
    };
    return walk(doc);
}

/** Every leaf of a property bag replaced by what `policy analyze` makes of an undecryptable secret. */
function redactLeaves(v: unknown): unknown {
    if (Array.isArray(v)) return v.map(redactLeaves);
    if (v instanceof SecretValue) return secret("[secret]");
    if (typeof v === "object" && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, redactLeaves(x)]));
    return v === undefined || v === null ? v : secret("[secret]");
}

describe("stack exports (engine/state.ts)", () => {
    let engine: Engine;
    before(async () => {
        engine = await launch({ dryRun: true });
        await engine.configure();
    });
    after(async () => {
        await engine.close();
    });

    it("reads the export format: resources, providers, parents, secrets from --show-secrets", () => {
        const s = readStackExport(exportOf("aks-insecure"));
        const rec = recorded("aks-insecure", "update");
        assert.equal(s.project, "aks-insecure");
        assert.equal(s.stack, "dev");
        assert.deepEqual(s.resources.map(r => r.urn), rec.map(r => r.urn));
        const c = s.resources.find(r => r.type === "azure-native:containerservice:ManagedCluster")!;
        assert.equal(c.provider?.type, "pulumi:providers:azure-native");
        assert.equal(c.parent, s.resources[0].urn);
        assert.equal(s.redacted, 0);
        assert.ok(JSON.stringify(s.resources).length > 1000);
    });

    it("rejects what is not a stack export, naming why", () => {
        assert.throws(() => readStackExport({ resources: [] }), (e: Error) => e instanceof StateError && e.message === 'not a `pulumi stack export` file: no "deployment" object');
        assert.throws(() => readStackExport({ version: 2, deployment: {} }), /^StateError: unsupported deployment version 2 \(pulumi stack export writes version 3\)$|unsupported deployment version 2/);
    });

    for (const example of ["aks-insecure", "aks-classic-insecure", "k8s-insecure", "aks-hardened", "k8s-hardened"]) {
        it(`${example}: the export gives the same findings as the recorded stack`, async () => {
            const fromState = await engine.run(readStackExport(exportOf(example)).resources, "analyze");
            const fromRecording = await engine.run(recorded(example, "update"), "analyze");
            assert.deepEqual(findings(fromState), findings(fromRecording));
            assert.equal(fromState.failed, example.includes("insecure"));
            if (fromState.failed) assert.equal(fromState.error, "one or more mandatory policy violations were found");
        });
    }

    it("analyze mode: every resource, remediations reported and never applied, AnalyzeStack with outputs", async () => {
        await engine.configure({ "aks-insecure-addons-disabled": "remediate" });
        try {
            const stack: EngineResource[] = [{
                type: "azure-native:containerservice:ManagedCluster", name: "c", urn: "urn:pulumi:dev::p::azure-native:containerservice:ManagedCluster::c",
                inputs: { addonProfiles: { kubeDashboard: { enabled: true } } }, outputs: { addonProfiles: { kubeDashboard: { enabled: true } } },
            }];
            const run = await engine.run(stack, "analyze");
            assert.deepEqual(run.remediated.map(r => r.policyName), ["aks-insecure-addons-disabled"]);
            assert.ok(run.violations.some(v => v.policyName === "aks-insecure-addons-disabled"), "not applied: the violation is still reported");
        } finally {
            await engine.configure();
        }
    });

    it("no remediation \"fixes\" a redacted secret: it says it cannot run instead", async () => {
        await engine.configure({ "aks-insecure-addons-disabled": "remediate" });
        try {
            const inputs = { addonProfiles: { kubeDashboard: { enabled: secret("[secret]") } } };
            const run = await engine.run([{ type: "azure-native:containerservice:ManagedCluster", name: "c", urn: "urn:pulumi:dev::p::azure-native:containerservice:ManagedCluster::c", inputs, outputs: inputs }], "analyze");
            assert.deepEqual(run.remediated, []);
            const mine = run.violations.filter(v => v.policyName === "aks-insecure-addons-disabled").map(v => v.message.replace(/^.*during preview: /s, ""));
            assert.deepEqual(mine, ["string value at .addonProfiles.kubeDashboard.enabled can't be known during preview", "string value at .addonProfiles.kubeDashboard.enabled can't be known during preview"]);
        } finally {
            await engine.configure();
        }
    });

    it("an encrypted export: secrets become \"[secret]\" and no policy gives a verdict on one", async () => {
        const s = readStackExport(encrypted(exportOf("aks-insecure")));
        assert.equal(s.redacted, 2, "the two secrets of the program");
        const run = await engine.run(s.resources, "analyze");
        const plainRun = await engine.run(readStackExport(exportOf("aks-insecure")).resources, "analyze");
        const plain = new Set(findings(plainRun));
        for (const f of findings(run)) {
            assert.ok(plain.has(f) || PREVIEW_NOTE.test(f.slice(f.indexOf(": ") + 2)), `a verdict only the redaction produced: ${f}`);
        }
    });

    for (const example of ["aks-hardened", "k8s-hardened"]) {
        it(`${example} with every value redacted to "[secret]": no violation at all, only notes`, async () => {
            const resources = readStackExport(exportOf(example)).resources.map(r =>
                r.type.startsWith("pulumi:") ? r : { ...r, inputs: redactLeaves(r.inputs) as Record<string, unknown>, outputs: redactLeaves(r.outputs) as Record<string, unknown> });
            const run = await engine.run(resources, "analyze");
            const verdicts = run.violations.filter(v => !PREVIEW_NOTE.test(v.message));
            assert.deepEqual(verdicts.map(v => `${v.policyName} ${v.resource?.name}: ${v.message}`), []);
            assert.ok(run.violations.length > 0, "the policies that read a redacted value said they could not run");
        });
    }
});

describe("npm run demo -- --state", () => {
    const demo = (cwd: string, ...args: string[]) => runScript("demo", args, { cwd });
    it("analyzes an export relative to the caller's directory; exits 1 on a mandatory violation, 0 when clean", () => {
        const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "state-"));
        try {
            fs.writeFileSync(path.join(tmp, "bad.json"), JSON.stringify(encrypted(exportOf("aks-insecure"))));
            fs.copyFileSync(stackExportPath(path.join(ROOT, "examples", "aks-hardened")), path.join(tmp, "good.json"));
            const bad = demo(tmp, "--state", "bad.json");
            assert.equal(bad.status, 1, bad.stderr);
            assert.equal(bad.stderr, "warning: could not decrypt secrets in bad.json; analyzing with secret values redacted\n");
            assert.match(bad.stdout, /^aks-insecure\/dev \(bad\.json\) \(pulumi policy analyze\): \d+ resources$/m);
            assert.match(bad.stdout, /^error: one or more mandatory policy violations were found$/m);
            const good = demo(tmp, "--state", "good.json");
            assert.equal(good.status, 0, good.stdout + good.stderr);
            const missing = demo(tmp, "--state", "nope.json");
            assert.equal(missing.status, 1);
            assert.equal(missing.stderr, `error: nope.json: no such file (relative paths are taken from ${tmp})\n`);
        } finally {
            fs.rmSync(tmp, { recursive: true, force: true });
        }
    });
});
