// npm run check-config: the CLI's verdict on a config file, and what the CLI lets through.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import { Engine } from "../../engine/engine";
import { ConfigError } from "../../engine/config";
import { checkConfig, listExemptions, readStack } from "../../scripts/check-config";
import { launch, ROOT, runScript } from "./helpers";

const VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;
/** A fixed "today" for the date checks, so that no spec depends on the calendar. */
const NOW = new Date("2026-12-01T12:00:00Z");
const V = `validating policy config: aks-security-baseline ${VERSION}  `;

/** Every mistake issue 11 lists, in one file. */
const MISTAKES_FILE = path.join(ROOT, "tests", "fixtures", "config-mistakes.json");
const MISTAKES = JSON.parse(fs.readFileSync(MISTAKES_FILE, "utf8"));

describe("check-config", () => {
    it("catches every mistake, one line per finding naming the key", () => {
        const lines = checkConfig(MISTAKES, { now: NOW }).map(f => `${f.level}: ${f.key}: ${f.message}`);
        assert.deepEqual(lines, [
            "misfire: all.stackTagProfiles: `all` sets only the enforcement level: the CLI sends stackTagProfiles to no policy; give it in each policy's own entry",
            "misfire: aks-private-cluster-enable: no policy of aks-security-baseline is named aks-private-cluster-enable: the CLI ignores it silently; did you mean aks-private-cluster-enabled?",
            "misfire: aks-api-server-access-restricted.enforcmentLevel: aks-api-server-access-restricted has no setting enforcmentLevel: the CLI ignores it silently; did you mean enforcementLevel?",
            "misfire: aks-api-server-access-restricted.allowedRange: aks-api-server-access-restricted has no setting allowedRange: the CLI ignores it silently; did you mean allowedRanges?",
            "note: aks-api-server-access-restricted.enforcementLevel: no enforcementLevel: aks-api-server-access-restricted keeps the level of `all` (advisory)",
            "misfire: aks-entra-id-enabled.exemptions[0].expires: \"2027-02-30\" is not a date (the pack reads it as 2027-03-02); write a real day",
            "misfire: aks-entra-id-enabled.exemptions[1].match.namespace: aks-entra-id-enabled reads only Azure resources, which have no Kubernetes namespace: this exemption can never match",
            "misfire: aks-entra-id-enabled.exemptions[2].expires: \"2026-11-30\" is in the past: the exemption has expired and exempts nothing; renew it or remove it",
            "misfire: aks-entra-id-enabled.exemptions[2].match.type: \"kubernetes:*\" matches no resource type aks-entra-id-enabled reads: this exemption can never match",
            "misfire: k8s-pss-restricted-run-as-non-root.exemptions[0].match.tag: k8s-pss-restricted-run-as-non-root reads only Kubernetes resources, which have no Azure tags: this exemption can never match (use annotation)",
            "note: aks-local-accounts-disabled.enforcementLevel: no enforcementLevel: aks-local-accounts-disabled keeps the level of `all` (advisory)",
        ]);
    });

    it("reports what aborts the CLI with the CLI's own lines, every one of them", () => {
        const lines = checkConfig({
            all: { stackTagProfiles: [] },
            "aks-private-cluster-enabld": { exemptions: [] },
            "aks-entra-id-enabled": "sometimes",
            "aks-private-cluster-enabled": { exemptions: [{ match: { name: "x" } }] },
            "aks-api-server-access-restricted": { allowedRanges: "10.0.0.0/8" },
        }, { now: NOW }).map(f => `${f.level}: ${f.key}: ${f.message}`);
        assert.deepEqual(lines, [
            'abort: aks-entra-id-enabled: the CLI aborts: parsing enforcement level for "aks-entra-id-enabled": "sometimes" is not a valid enforcement level',
            `abort: aks-api-server-access-restricted.allowedRanges: the CLI aborts: ${V}aks-api-server-access-restricted: allowedRanges: Invalid type. Expected: array, given: string`,
            `abort: aks-private-cluster-enabled.exemptions[0]: the CLI aborts: ${V}aks-private-cluster-enabled: exemptions.0: reason is required`,
            'abort: all: the CLI aborts: invalid enforcement level "" (`all` takes only a level; give stackTagProfiles in each policy\'s own entry)',
            'abort: aks-private-cluster-enabld: the CLI aborts: invalid enforcement level "" (aks-private-cluster-enabld is no policy of aks-security-baseline; did you mean aks-private-cluster-enabled?)',
            "note: aks-private-cluster-enabled.enforcementLevel: no enforcementLevel: aks-private-cluster-enabled keeps its default level (advisory)",
            "note: aks-api-server-access-restricted.enforcementLevel: no enforcementLevel: aks-api-server-access-restricted keeps its default level (mandatory)",
        ]);
    });

    describe("agrees with the engine (the CLI's stand-in) on what aborts", () => {
        let engine: Engine;
        before(async () => {
            engine = await launch();
        });
        after(async () => {
            await engine.close();
        });
        const cases: Record<string, unknown>[] = [
            { all: { stackTagProfiles: [] } },
            { "aks-private-cluster-enabled": { exemptions: [{ match: {}, reason: "" }] }, "k8s-pss-restricted-privilege-escalation": { allowInCodeExemptions: "no" } },
            { all: "often" },
            MISTAKES,
            { all: "mandatory", "aks-api-server-access-restricted": { allowedRanges: ["10.0.0.0/8"] } },
        ];
        cases.forEach((doc, i) => {
            it(`case ${i}: aborts in the checker exactly when the engine aborts, with the same lines`, async () => {
                const aborts = checkConfig(doc, { now: NOW }).filter(f => f.level === "abort").map(f => f.message.replace(/^the CLI aborts: /, "").replace(/ \(.*\)$/, ""));
                let engineLines: string[] = [];
                try {
                    await engine.configure(doc);
                } catch (e) {
                    assert.ok(e instanceof ConfigError);
                    engineLines = e.lines.length ? e.lines : [e.message];
                }
                assert.deepEqual([...aborts].sort(), [...engineLines].sort());
            });
        });
    });

    it("passes every profile in config/ without a finding", () => {
        for (const f of fs.readdirSync(path.join(ROOT, "config")).filter(x => x.endsWith(".json"))) {
            const doc = JSON.parse(fs.readFileSync(path.join(ROOT, "config", f), "utf8"));
            assert.deepEqual(checkConfig(doc, { now: NOW }), [], f);
        }
    });

    it("passes every JSON example in README.md and docs/*.md", () => {
        const docs = ["README.md", ...fs.readdirSync(path.join(ROOT, "docs")).filter(f => f.endsWith(".md")).map(f => `docs/${f}`)];
        let examples = 0;
        for (const d of docs) {
            const text = fs.readFileSync(path.join(ROOT, d), "utf8");
            for (const m of text.matchAll(/```json\n([\s\S]*?)```/g)) {
                examples++;
                const doc = JSON.parse(m[1]);
                const findings = checkConfig(doc, { now: NOW }).filter(f => f.level !== "note");
                assert.deepEqual(findings, [], `${d}: ${m[1].slice(0, 120)}`);
            }
        }
        assert.ok(examples >= 6, `found ${examples} examples`);
    });

    it("lists the exemptions active, expired and unused for a stack", () => {
        const stack = readStack(JSON.parse(fs.readFileSync(path.join(ROOT, "examples", "aks-insecure", "recorded", "stack-export.json"), "utf8")));
        const lines = listExemptions({
            "aks-private-cluster-enabled": { exemptions: [
                { match: { name: "aks-quickstart" }, reason: "public until the cut-over", owner: "platform-team", expires: "2026-12-20" },
                { match: { name: "legacy-*" }, reason: "gone" },
            ] },
            "aks-entra-id-enabled": { exemptions: [{ match: { type: "azure-native:containerservice:*" }, reason: "old", expires: "2026-11-01" }] },
        }, stack, NOW);
        assert.deepEqual(lines, [
            "expired: aks-entra-id-enabled.exemptions[0] (\"old\", until 2026-11-01) no longer exempts aks-quickstart (azure-native:containerservice:ManagedCluster); its violations are back",
            "active: aks-private-cluster-enabled.exemptions[0] (\"public until the cut-over\", owner platform-team, until 2026-12-20) exempts aks-quickstart (azure-native:containerservice:ManagedCluster); expires in 19 days: previews show an advisory notice",
            "unused: aks-private-cluster-enabled.exemptions[1] (\"gone\") matches no resource of the stack that aks-private-cluster-enabled reads",
        ]);
    });

    it("runs as npm run check-config: paths from the caller's directory, exit 1 on a misfire, 0 when clean", () => {
        const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "check-"));
        try {
            fs.writeFileSync(path.join(tmp, "bad.json"), JSON.stringify({ "aks-private-cluster-enable": "mandatory" }));
            fs.copyFileSync(path.join(ROOT, "config", "strict.json"), path.join(tmp, "strict.json"));
            const run = (...args: string[]) => runScript("check-config", args, { cwd: tmp });
            // Exactly package.json's script line once; the other runs take the compiled twin (helpers.ts runScript).
            const bad = runScript("check-config", ["bad.json", "strict.json"], { cwd: tmp, asNpmRuns: true });
            assert.equal(bad.status, 1, bad.stderr);
            assert.equal(bad.stdout, [
                "bad.json: misfire: aks-private-cluster-enable: no policy of aks-security-baseline is named aks-private-cluster-enable: the CLI ignores it silently; did you mean aks-private-cluster-enabled?",
                "strict.json: ok: the CLI accepts it and every entry does what it says",
                "",
            ].join("\n"));
            const mistakes = run(MISTAKES_FILE);
            assert.equal(mistakes.status, 1);
            assert.equal(mistakes.stdout.split("\n").filter(l => / (abort|misfire): /.test(l)).length, 9, mistakes.stdout);
            assert.ok(mistakes.stdout.split("\n").filter(Boolean).every(l => l.startsWith(`${MISTAKES_FILE}: `)), "one line per finding, naming the file and the key");
            const good = run("strict.json");
            assert.equal(good.status, 0, good.stdout + good.stderr);
            fs.writeFileSync(path.join(tmp, "ex.json"), JSON.stringify({ "aks-private-cluster-enabled": { exemptions: [{ match: { name: "aks-quickstart" }, reason: "moving", expires: "2999-12-31" }] } }));
            fs.copyFileSync(path.join(ROOT, "examples", "aks-insecure", "recorded", "stack-export.json"), path.join(tmp, "export.json"));
            const listed = run("ex.json", "--stack", "export.json");
            assert.equal(listed.status, 0, listed.stdout + listed.stderr);
            assert.equal(listed.stdout, [
                "ex.json: note: aks-private-cluster-enabled.enforcementLevel: no enforcementLevel: aks-private-cluster-enabled keeps its default level (advisory)",
                "ex.json: ok: the CLI accepts it and every entry does what it says (see the notes)",
                "ex.json: export.json: active: aks-private-cluster-enabled.exemptions[0] (\"moving\", until 2999-12-31) exempts aks-quickstart (azure-native:containerservice:ManagedCluster)",
                "",
            ].join("\n"));
            const missing = run("nope.json");
            assert.equal(missing.status, 1);
            assert.equal(missing.stdout, `nope.json: abort: (file): nope.json: no such file (relative paths are taken from ${tmp})\n`);
        } finally {
            fs.rmSync(tmp, { recursive: true, force: true });
        }
    });
});
