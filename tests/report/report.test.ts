// The report (tools/report.ts, npm run report) on event logs made the way the CLI makes them:
// the bundled example stacks run through engine/ (preview with --event-log, policy analyze
// --json), with the stack exports that `pulumi up` leaves (real source positions), a second
// pack beside ours, a remediation and "can't run during preview" notes.
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import Ajv from "ajv";
import { Engine, RunMode } from "../../engine/engine";
import { renderPolicies, violationLines } from "../../engine/display";
import { EngineEvent, engineEvents, formatEvents } from "../../engine/events";
import { readStackExport } from "../../engine/state";
import { buildReport, parseEvents, Report, ReportError, sourceLocation, toJson, toJunit, toSarif, toText } from "../../tools/report";
import { main, ownPack, USAGE } from "../../tools/report-cli";
import { launch, recorded, ROOT } from "../e2e/helpers";

const OTHER_PACK = path.join(ROOT, "tests", "fixtures", "other-pack");
const GOLDEN = path.join(ROOT, "tests", "report", "golden");
const INSECURE = ["aks-classic-insecure", "aks-insecure", "k8s-insecure"];
const MULTITOOL = (require("@microsoft/sarif-multitool") as string);
const SARIF_SCHEMA = path.join(path.dirname(MULTITOOL), "sarif-2.1.0.json");

const exportOf = (example: string) => JSON.parse(fs.readFileSync(path.join(ROOT, "examples", example, "recorded", "stack-export.json"), "utf8"));

async function eventsOf(engine: Engine, example: string, mode: RunMode, config?: Record<string, unknown>): Promise<{ text: string; events: EngineEvent[]; cli: string }> {
    await engine.configure(config);
    const resources = mode === "analyze" ? readStackExport(exportOf(example)).resources : recorded(example, mode);
    const run = await engine.run(resources, mode);
    const info = await engine.analyzerInfo();
    const events = engineEvents(info, run, { timestamp: 1796256000 });
    return { text: formatEvents(events, mode), events, cli: renderPolicies({ name: info.name, version: info.version }, run) };
}

/** Two packs in one event log, as the CLI writes it (one sequence; the final summary names both). */
function merge(a: EngineEvent[], b: EngineEvent[]): EngineEvent[] {
    const summary = a[a.length - 1].summaryEvent as { PolicyPacks: Record<string, string> };
    const other = b[b.length - 1].summaryEvent as { PolicyPacks: Record<string, string> };
    const body = [...a.slice(0, -1), ...b.filter(e => e.policyEvent || e.policyAnalyzeSummaryEvent || e.policyAnalyzeStackSummaryEvent)];
    const last = { ...a[a.length - 1], summaryEvent: { ...summary, PolicyPacks: { ...summary.PolicyPacks, ...other.PolicyPacks } } };
    return [...body, last].map((e, i) => ({ ...e, sequence: i }));
}

function validate(file: string): string[] {
    const out = path.join(path.dirname(file), `${path.basename(file)}.validation.sarif`);
    const r = spawnSync(MULTITOOL, ["validate", file, "--output", out, "--log", "ForceOverwrite", "--level", "Error;Warning"], { encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /1 files scanned/);
    return r.stdout.split("\n").filter(l => /: (error|warning) [A-Z]+\d+:/.test(l));
}

function golden(name: string, text: string): void {
    const file = path.join(GOLDEN, name);
    if (process.env.UPDATE_GOLDEN) {
        fs.mkdirSync(GOLDEN, { recursive: true });
        fs.writeFileSync(file, text);
    }
    assert.ok(fs.existsSync(file), `${name} is missing: run UPDATE_GOLDEN=1 npm test -- report`);
    assert.equal(text, fs.readFileSync(file, "utf8"), `${name} differs (UPDATE_GOLDEN=1 npm test -- report rewrites it)`);
}

describe("report: findings for CI tools from the CLI's events", () => {
    let ours: Engine;
    let other: Engine;
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "report-"));
    const previews = new Map<string, { text: string; events: EngineEvent[]; cli: string }>();
    let mixed: EngineEvent[];
    before(async () => {
        ours = await launch();
        other = await launch({}, OTHER_PACK);
        for (const ex of [...INSECURE, "aks-hardened"]) previews.set(ex, await eventsOf(ours, ex, "preview"));
        mixed = merge(previews.get("aks-insecure")!.events, (await eventsOf(other, "aks-insecure", "preview")).events);
    });
    after(async () => {
        await ours.close();
        await other.close();
        fs.rmSync(tmp, { recursive: true, force: true });
    });
    const reportOf = (events: EngineEvent[] | string, example?: string): Report =>
        buildReport(typeof events === "string" ? parseEvents(events) : events, example ? { state: exportOf(example), projectDir: `examples/${example}`, packs: [ownPack()] } : { packs: [ownPack()] });

    describe("the event log is the CLI's (sdk/go/common/apitype/events.go)", () => {
        it("writes one JSON engine event per line, sequenced from 0, with the CLI's colored policy messages", () => {
            const { text } = previews.get("aks-insecure")!;
            const lines = text.trimEnd().split("\n");
            const events = lines.map(l => JSON.parse(l) as EngineEvent);
            assert.deepEqual(events.map(e => e.sequence), events.map((_, i) => i));
            assert.deepEqual(Object.keys(events[0]), ["sequence", "timestamp", "preludeEvent"]);
            const p = events.find(e => e.policyEvent)!.policyEvent as Record<string, string>;
            assert.deepEqual(Object.keys(p), ["resourceUrn", "message", "color", "policyName", "policyPackName", "policyPackVersion", "policyPackVersionTag", "enforcementLevel", "severity"]);
            assert.match(p.message, /^<\{%reset%\}>[\s\S]+<\{%reset%\}>\n$/);
            assert.equal(p.color, "raw");
            const last = events[events.length - 1].summaryEvent as Record<string, unknown>;
            assert.deepEqual(Object.keys(last), ["maybeCorrupt", "durationSeconds", "resourceChanges", "PolicyPacks", "isPreview", "result"]);
            assert.equal(last.result, "failed");
            assert.equal(last.isPreview, true);
            assert.ok(events.some(e => (e.resourcePreEvent as { metadata: { type: string } } | undefined)?.metadata.type === "azure-native:containerservice:ManagedCluster"));
        });

        it("writes `pulumi policy analyze --json` with the message as the pack wrote it and <, >, & escaped as Go does", async () => {
            const { text } = await eventsOf(ours, "aks-insecure", "analyze");
            const events = parseEvents(text);
            const p = events.find(e => e.policyEvent)!.policyEvent as Record<string, string>;
            assert.equal(p.color, "");
            assert.doesNotMatch(p.message, /<\{%/);
            assert.ok(!events.some(e => e.preludeEvent || e.resourcePreEvent || e.policyAnalyzeSummaryEvent));
            assert.doesNotMatch(text, /[<>&]/);
            assert.ok(events.some(e => JSON.stringify(e).includes("<")), "some message holds a < (escaped in the file)");
        });
    });

    describe("SARIF 2.1.0", () => {
        for (const ex of INSECURE) {
            it(`${ex}: the SARIF multitool accepts it with no error or warning, and every result points at the line of examples/${ex}/index.ts that declares the resource`, () => {
                const report = reportOf(previews.get(ex)!.events, ex);
                const sarif = toSarif(report, [ownPack()], { fallbackFile: `examples/${ex}/Pulumi.yaml` });
                const file = path.join(tmp, `${ex}.sarif`);
                fs.writeFileSync(file, sarif);
                assert.deepEqual(validate(file), []);
                const doc = JSON.parse(sarif);
                const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
                const schema = JSON.parse(fs.readFileSync(SARIF_SCHEMA, "utf8"));
                delete schema.$schema;
                assert.ok(ajv.validate(schema, doc), ajv.errorsText(ajv.errors));
                const results = (doc as { runs: { results: unknown }[] }).runs[0].results as { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn?: number } }; logicalLocations: { fullyQualifiedName: string }[] }[] }[];
                assert.equal(results.length, report.findings.length);
                assert.ok(results.length > 10);
                const positions = new Map((exportOf(ex).deployment.resources as { urn: string; sourcePosition?: string }[]).map(r => [r.urn, r.sourcePosition]));
                const source = fs.readFileSync(path.join(ROOT, "examples", ex, "index.ts"), "utf8").split("\n");
                for (const r of results) {
                    const loc = r.locations[0];
                    const urn = loc.logicalLocations[0].fullyQualifiedName;
                    const pos = positions.get(urn);
                    if (!pos) {
                        assert.equal(loc.physicalLocation.artifactLocation.uri, `examples/${ex}/Pulumi.yaml`, `${r.ruleId} on ${urn}`);
                        continue;
                    }
                    const [, line, col] = /#(\d+),(\d+)$/.exec(pos)!;
                    assert.equal(loc.physicalLocation.artifactLocation.uri, `examples/${ex}/index.ts`);
                    assert.deepEqual(loc.physicalLocation.region, { startLine: Number(line), startColumn: Number(col) });
                    assert.ok(source[Number(line) - 1].slice(Number(col) - 1).startsWith("new "), `${urn}: line ${line} col ${col} is "${source[Number(line) - 1]}"`);
                }
                assert.ok(results.every(r => r.locations[0].physicalLocation.artifactLocation.uri.endsWith("index.ts") || !positions.get(r.locations[0].logicalLocations[0].fullyQualifiedName)));
            });
        }

        it("fails validation when the SARIF is broken (the check above can fail)", () => {
            const doc = JSON.parse(toSarif(reportOf(previews.get("aks-insecure")!.events, "aks-insecure"), [ownPack()]));
            delete doc.runs[0].results[0].message;
            const file = path.join(tmp, "broken.sarif");
            fs.writeFileSync(file, JSON.stringify(doc));
            const errors = validate(file);
            assert.ok(errors.some(l => l.includes("JSON1002") && l.includes("'message' is missing")), errors.join("\n"));
        });

        it("has one rule per policy of the pack with descriptions, help, helpUri, security-severity and the baseline tags", () => {
            const doc = JSON.parse(toSarif(reportOf(mixed), [ownPack()]));
            const run = doc.runs.find((r: { tool: { driver: { name: string } } }) => r.tool.driver.name === "aks-security-baseline");
            const pack = ownPack();
            assert.equal(run.tool.driver.rules.length, pack.policies.length);
            assert.equal(run.tool.driver.version, pack.version);
            const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === "aks-private-cluster-enabled");
            const policy = pack.policies.find(p => p.name === "aks-private-cluster-enabled")!;
            assert.equal(rule.fullDescription.text, policy.description);
            assert.equal(rule.help.text, policy.remediationSteps);
            assert.equal(rule.helpUri, policy.url);
            assert.equal(rule.properties["security-severity"], { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0" }[policy.severity!]);
            assert.ok(rule.properties.tags.includes("security"));
            assert.ok(rule.properties.tags.some((t: string) => t.startsWith("baseline:")));
            for (const r of run.results) {
                assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
                assert.equal(r.level, r.properties.enforcementLevel === "mandatory" ? "error" : "warning");
            }
        });

        it("keeps the other pack's findings in a run of their own, with rules from what its events carry", () => {
            const doc = JSON.parse(toSarif(reportOf(mixed), [ownPack()]));
            const run = doc.runs.find((r: { tool: { driver: { name: string } } }) => r.tool.driver.name === "org-tagging");
            assert.equal(run.tool.driver.version, "2.3.0");
            assert.deepEqual(run.tool.driver.rules.map((r: { id: string }) => r.id).sort(), ["resource-group-owner-tag", "stack-cost-center"]);
            const owner = run.tool.driver.rules.find((r: { id: string }) => r.id === "resource-group-owner-tag");
            assert.equal(owner.properties["security-severity"], "3.0");
            const stack = run.results.find((r: { ruleId: string }) => r.ruleId === "stack-cost-center");
            assert.equal(stack.locations[0].logicalLocations[0].fullyQualifiedName, "urn:pulumi:dev::aks-insecure::pulumi:pulumi:Stack::aks-insecure-dev");
            assert.equal(stack.level, "warning");
        });

        it("fingerprints survive unrelated edits: the same findings with every line moved keep their fingerprints", () => {
            const state = exportOf("aks-insecure");
            const moved = JSON.parse(JSON.stringify(state));
            for (const r of moved.deployment.resources) if (r.sourcePosition) r.sourcePosition = r.sourcePosition.replace(/#(\d+)/, (_: string, l: string) => `#${Number(l) + 7}`);
            const fp = (st: unknown) => JSON.parse(toSarif(buildReport(previews.get("aks-insecure")!.events, { state: st, projectDir: "examples/aks-insecure" }))).runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints["pulumiPolicyFinding/v1"]);
            const a = fp(state);
            assert.deepEqual(fp(moved), a);
            assert.equal(new Set(a).size, a.length);
        });

        it("turns no \"can't run during preview\" note into an alert: they are tool notifications", () => {
            const report = reportOf(previews.get("aks-hardened")!.events, "aks-hardened");
            assert.equal(report.findings.length, 0);
            assert.equal(report.notes.length, 4);
            const run = JSON.parse(toSarif(report, [ownPack()])).runs[0];
            assert.deepEqual(run.results, []);
            assert.equal(run.invocations[0].toolExecutionNotifications.length, 4);
            assert.match(run.invocations[0].toolExecutionNotifications[0].message.text, /can't run policy '[a-z0-9-]+' from policy pack 'aks-security-baseline@v[^']+' during preview/);
        });
    });

    describe("JSON, JUnit and text", () => {
        it("JSON matches its golden file (two packs, a stack-level finding, source positions)", () => {
            golden("aks-insecure.json", toJson(reportOf(mixed, "aks-insecure")));
        });

        it("JUnit matches its golden file: one test case per policy and resource checked, failures for violations", () => {
            const xml = toJunit(reportOf(mixed, "aks-insecure"));
            golden("aks-insecure.junit.xml", xml);
            const report = reportOf(mixed, "aks-insecure");
            const cases = (xml.match(/<testcase /g) ?? []).length;
            assert.equal(cases, new Set([...report.checks, ...report.findings].map(c => `${c.pack} ${c.policy} ${c.urn}`)).size);
            assert.equal((xml.match(/<failure /g) ?? []).length, report.findings.length);
        });

        it("JUnit marks a \"can't run during preview\" note as skipped, not failed", () => {
            const xml = toJunit(reportOf(previews.get("aks-hardened")!.events));
            assert.equal((xml.match(/<skipped /g) ?? []).length, 4);
            assert.equal((xml.match(/<failure /g) ?? []).length, 0);
        });

        it("text prints every violation exactly as the CLI does, grouped by resource with its line", () => {
            const { events, cli } = previews.get("aks-insecure")!;
            const text = toText(reportOf(events, "aks-insecure"));
            golden("aks-insecure.txt", text);
            const blocks = (s: string) => s.split("\n").reduce<string[]>((acc, l) => (l.startsWith("        - [") ? [...acc, l] : l.startsWith("          ") && acc.length ? [...acc.slice(0, -1), `${acc[acc.length - 1]}\n${l}`] : acc), []).sort();
            assert.deepEqual(blocks(text), blocks(cli));
            assert.equal(text.split("\n")[1], cli.split("\n")[1]);
            assert.match(text, /^ {6}azure-native:containerservice:ManagedCluster: aks-quickstart {2}examples\/aks-insecure\/index\.ts:20:17$/m);
            assert.deepEqual(violationLines({ policyName: "p", enforcementLevel: "mandatory", severity: "high", message: "a\nb\n", urn: "urn:pulumi:s::p::azure:containerservice/kubernetesCluster:KubernetesCluster::aks" }), [
                "        - [mandatory] [severity: high]  p  (azure:containerservice:KubernetesCluster: aks)",
                "          a",
                "          b",
            ]);
        });

        it("reports a remediation (policyRemediationEvent) and no violation for what it fixed", async () => {
            const { events } = await eventsOf(ours, "aks-insecure", "preview", { "acr-anonymous-pull-disabled": { enforcementLevel: "remediate" } });
            const rem = events.find(e => e.policyRemediationEvent)!.policyRemediationEvent as { before: Record<string, unknown>; after: Record<string, unknown>; policyName: string };
            assert.equal(rem.policyName, "acr-anonymous-pull-disabled");
            assert.equal(rem.before.anonymousPullEnabled, true);
            assert.equal(rem.after.anonymousPullEnabled, false);
            const report = reportOf(events, "aks-insecure");
            assert.deepEqual(report.remediations.map(r => [r.policy, r.name]), [["acr-anonymous-pull-disabled", "quickstartacr"]]);
            assert.ok(!report.findings.some(f => f.policy === "acr-anonymous-pull-disabled"));
            assert.match(toText(report), /^ {8}- \[remediate\] {2}acr-anonymous-pull-disabled {2}\(1 resource\)$/m);
            assert.equal(JSON.parse(toJson(report)).summary.remediations, 1);
        });

        it("`policy analyze --json` with the same stack export gives the same findings as the preview of the deployed stack", async () => {
            const analyze = reportOf((await eventsOf(ours, "aks-insecure", "analyze")).text, "aks-insecure");
            const update = reportOf((await eventsOf(ours, "aks-insecure", "update")).events, "aks-insecure");
            assert.ok(analyze.findings.length > 0);
            assert.ok(analyze.findings.every(f => f.source?.file === "examples/aks-insecure/index.ts" || !f.source));
            assert.ok(update.findings.length <= analyze.findings.length);
        });
    });

    describe("reading events", () => {
        const ev = (i: number) => JSON.stringify({ sequence: i, timestamp: 0, policyEvent: { resourceUrn: "urn:pulumi:s::p::t:m:T::x", message: "<{%reset%}>m<{%reset%}>\n", color: "raw", policyName: "p", policyPackName: "k", policyPackVersion: "1.0.0", policyPackVersionTag: "1.0.0", enforcementLevel: "mandatory" } });
        it("reads JSON lines, a JSON array and the Pulumi Cloud API's {events: [...]}", () => {
            assert.equal(parseEvents(`${ev(0)}\n${ev(1)}\n`).length, 2);
            assert.equal(parseEvents(`[${ev(0)},${ev(1)}]`).length, 2);
            assert.equal(parseEvents(JSON.stringify({ events: [JSON.parse(ev(0))], continuationToken: null })).length, 1);
            assert.equal(parseEvents("").length, 0);
        });
        it("skips a half-written last line and rejects any other line that is not JSON", () => {
            assert.equal(parseEvents(`${ev(0)}\n${ev(1).slice(0, 20)}`).length, 1);
            assert.throws(() => parseEvents(`${ev(0)}\nnot json\n${ev(1)}`, "log.json"), (e: Error) => e instanceof ReportError && e.message.startsWith("log.json, line 2: not a JSON engine event"));
        });
        it("strips the CLI's color directives and takes type and name from the URN when no step event names them", () => {
            const [f] = buildReport(parseEvents(ev(0))).findings;
            assert.deepEqual([f.message, f.type, f.name, f.severity, f.source], ["m", "t:m:T", "x", "", undefined]);
        });
        it("maps project:/// source positions to repository paths, and none outside the repository", () => {
            assert.deepEqual(sourceLocation("project:///index.ts#12,5", "infra"), { uri: "project:///index.ts#12,5", file: "infra/index.ts", line: 12, column: 5 });
            assert.deepEqual(sourceLocation("project:///../shared/store.ts#3", "infra/app"), { uri: "project:///../shared/store.ts#3", file: "infra/shared/store.ts", line: 3 });
            assert.deepEqual(sourceLocation("project:///my%20dir/x.ts#1,1", ""), { uri: "project:///my%20dir/x.ts#1,1", file: "my dir/x.ts", line: 1, column: 1 });
            assert.equal(sourceLocation("project:///../../x.ts#1,1", "infra")?.file, undefined);
            assert.equal(sourceLocation("file:///x.ts#1,1", ""), undefined);
            assert.equal(sourceLocation("project:///x.ts#0", ""), undefined);
        });
    });

    describe("the command (npm run report)", () => {
        const run = (args: string[]) => {
            let out = "";
            let err = "";
            const code = main(args, ROOT, { out: s => void (out += s), err: s => void (err += s) });
            return { code, out, err };
        };
        const log = () => {
            const f = path.join(tmp, "mixed.json");
            fs.writeFileSync(f, formatEvents(mixed, "preview"));
            return f;
        };
        it("--help lists every option the command takes", () => {
            const src = fs.readFileSync(path.join(ROOT, "tools", "report-cli.ts"), "utf8");
            const flags = [...src.matchAll(/case "(--?[a-z-]+)":/g)].map(m => m[1]);
            assert.ok(flags.length >= 9);
            for (const f of flags) assert.ok(USAGE.includes(f), `--help does not list ${f}`);
            const r = run(["--help"]);
            assert.equal(r.code, 0);
            assert.equal(r.out, `${USAGE}\n`);
        });
        it("exits 1 on a mandatory finding, 0 with --exit-zero, 2 on a usage or input error", () => {
            const f = log();
            assert.equal(run(["--events", f, "--format", "json", "--out", path.join(tmp, "o.json")]).code, 1);
            assert.equal(JSON.parse(fs.readFileSync(path.join(tmp, "o.json"), "utf8")).summary.mandatory > 0, true);
            assert.equal(run(["--events", f, "--exit-zero"]).code, 0);
            const bad = run(["--events", f, "--format", "xml"]);
            assert.equal(bad.code, 2);
            assert.match(bad.err, /^error: --format xml: one of sarif, json, junit, text\n/);
            assert.equal(run(["--format", "json"]).code, 2);
            const missing = run(["--events", path.join(tmp, "nope.json")]);
            assert.equal(missing.code, 2);
            assert.match(missing.err, /nope\.json: no such file/);
        });
        it("exits 0 on an event log with only advisory findings and notes", () => {
            const f = path.join(tmp, "hardened.json");
            fs.writeFileSync(f, previews.get("aks-hardened")!.text);
            assert.equal(run(["--events", f]).code, 0);
        });
        it("takes paths relative to the repository root from --project-dir and --state", () => {
            const f = log();
            const r = run(["--events", f, "--state", "examples/aks-insecure/recorded/stack-export.json", "--project-dir", "examples/aks-insecure", "--repo-root", ".", "--format", "json", "--exit-zero"]);
            assert.equal(r.code, 0, r.err);
            const doc = JSON.parse(r.out);
            assert.ok(doc.findings.some((x: { source: { file: string } | null }) => x.source?.file === "examples/aks-insecure/index.ts"));
        });
    });
});
