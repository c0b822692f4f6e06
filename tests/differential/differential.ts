// The one-pass Analyze (lib/serve/fast-path.ts) against the SDK's own path, over the protocol: two
// pack processes launched as the CLI launches them, one with the fast path (the default) and
// one with AKS_SECURITY_BASELINE_FAST_PATH=0, get every request of the corpus and must answer
// with byte-identical responses (the same serialized AnalyzeResponse / RemediateResponse), or
// the same gRPC error (status code and details; the stack frames a policy's exception carries
// differ only below the policy, in the caller: server.js or lib/serve/fast-path.ts, and are left out).
//
// Corpus, under several configurations (defaults; remediate, disabled, per-policy settings,
// exemptions and stack-tag profiles; `all: remediate`; unusable settings):
//   - every recorded example (examples/*/recorded), preview and update shape: Remediate,
//     Analyze (also of the remediated inputs), AnalyzeStack;
//   - every example's stack export (engine/state.ts), as `pulumi policy analyze` sends it;
//   - the mixed benchmark stack (bench/stack.ts mixedStack: 444 resources of 76 type tokens);
//   (the stack exports and the mixed stack go resource by resource under the defaults and the
//   rich configuration, as one AnalyzeStack each under the two narrower ones: an audit runs with
//   the settings the first two cover, and the hostile sweep covers the mixed stack's token forms);
//   - the seeded hostile-input generator (tests/fuzz/hostile.ts): the sweep over every matched
//     token form (paths set unknown, to wrong types), random malformed bags, junk and near-miss
//     tokens, random stacks with dangling links (the fuzz part: tests/fuzz/differential-hostile.test.ts,
//     in the slow suite that CI runs beside npm test);
//   - malformed requests (no options, an invalid asset, a policy-less type);
//   - AnalyzeStack over 3,000 resources (bench/stack.ts scaledStack; 10,000 cost 17 s here, the
//     same paths: bench/run.ts times 10,000).

import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as apb from "@pulumi/pulumi/proto/analyzer_pb";
import * as grpc from "@grpc/grpc-js";
import { analyzeRequest, analyzeStackRequest, Engine, EngineResource } from "../../engine/engine";
import { ConfigFile, PolicyConfigEntry } from "../../engine/config";
import { readStackExport } from "../../engine/state";
import { raw } from "../../bench/run";
import { mixedStack, scaledStack } from "../../bench/stack";
import { build, buildStack, candidateTokens, fill, nearMisses, planArb, stackPlanArb, sweep } from "../fuzz/hostile";
import { recorded, ROOT } from "../e2e/helpers";

const FAST_PATH_ENV = "AKS_SECURITY_BASELINE_FAST_PATH";
const SEED = 20261202;
type Method = "analyze" | "remediate" | "analyzeStack" | "getAnalyzerInfo";

interface Answer { bytes?: Buffer; code?: number; details?: string }

/** The answer, or "no answer" after `timeoutMs` (the SDK never answers a Remediate whose request it cannot read). */
async function ask(e: Engine, method: Method, bytes: Uint8Array, timeoutMs: number): Promise<Answer> {
    let timer: NodeJS.Timeout | undefined;
    const none = new Promise<Answer>(resolve => (timer = setTimeout(() => resolve({ code: -1, details: "no answer" }), timeoutMs)));
    const answer = raw(e, method, bytes).then(
        bytes => ({ bytes }),
        err => ({ code: (err as grpc.ServiceError).code, details: (err as grpc.ServiceError).details }),
    );
    try {
        return await Promise.race([answer, none]);
    } finally {
        clearTimeout(timer);
    }
}

/** gRPC error details without the stack frames ("    at ..." lines). */
export function withoutFrames(details: string | undefined): string {
    return (details ?? "").split("\n").filter(l => !/^\s+at /.test(l)).join("\n");
}

export function sameAnswer(a: Answer, b: Answer): boolean {
    if (a.bytes || b.bytes) return !!a.bytes && !!b.bytes && a.bytes.equals(b.bytes);
    return a.code === b.code && withoutFrames(a.details) === withoutFrames(b.details);
}

function show(a: Answer): string {
    if (a.bytes) {
        try {
            return JSON.stringify(apb.AnalyzeResponse.deserializeBinary(a.bytes).toObject()).slice(0, 1500);
        } catch {
            return a.bytes.toString("hex").slice(0, 400);
        }
    }
    return `error ${a.code}: ${withoutFrames(a.details).slice(0, 600)}`;
}

class Pair {
    readonly mismatches: string[] = [];
    readonly counts: Record<string, number> = { analyze: 0, remediate: 0, analyzeStack: 0, getAnalyzerInfo: 0, errors: 0 };
    private constructor(readonly fast: Engine, readonly sdk: Engine) {}

    static async launch(): Promise<Pair> {
        const opts = { dryRun: true, stackTags: { environment: "production", team: "platform" } };
        const [fast, sdk] = await Promise.all([
            Engine.launch(ROOT, { ...opts, env: { [FAST_PATH_ENV]: "verbose" } }),
            Engine.launch(ROOT, { ...opts, env: { [FAST_PATH_ENV]: "0" } }),
        ]);
        return new Pair(fast, sdk);
    }

    async configure(file?: ConfigFile): Promise<void> {
        await Promise.all([this.fast.configure(file), this.sdk.configure(file)]);
    }

    async configureEntries(entries: Record<string, PolicyConfigEntry>): Promise<void> {
        await Promise.all([this.fast.configureEntries(entries), this.sdk.configureEntries(entries)]);
    }

    async send(method: Method, bytes: Uint8Array, label: string, timeoutMs = 120_000): Promise<Answer> {
        if (process.env.DIFF_PROGRESS) process.stderr.write(`${method} ${label}\n`);
        const [a, b] = await Promise.all([ask(this.fast, method, bytes, timeoutMs), ask(this.sdk, method, bytes, timeoutMs)]);
        this.counts[method]++;
        if (!a.bytes) this.counts.errors++;
        if (a.code === -1 && b.code === -1) this.counts.unanswered = (this.counts.unanswered ?? 0) + 1;
        if (!sameAnswer(a, b) && this.mismatches.length < 5) {
            this.mismatches.push(`${method} ${label}\n  fast path: ${show(a)}\n  SDK path:  ${show(b)}`);
        }
        return a;
    }

    /** Remediate then Analyze (of the inputs, and of the remediated inputs when a remediation changed them). */
    async resource(req: Uint8Array, remReq: Uint8Array, label: string): Promise<void> {
        const rem = await this.send("remediate", remReq, label);
        await this.send("analyze", req, label);
        if (rem.bytes) {
            const fixes = apb.RemediateResponse.deserializeBinary(rem.bytes).getRemediationsList().filter(x => x.getProperties());
            if (fixes.length) {
                const again = apb.AnalyzeRequest.deserializeBinary(req);
                again.setProperties(fixes[fixes.length - 1].getProperties() as Struct);
                await this.send("analyze", again.serializeBinary(), `${label} (remediated)`);
            }
        }
    }

    async engineResources(rs: EngineResource[], label: string, stack = true): Promise<void> {
        for (const r of rs) {
            const b = once(r, () => ({ analyze: analyzeRequest(r).serializeBinary(), remediate: analyzeRequest(r, true).serializeBinary() }));
            await this.resource(b.analyze, b.remediate, `${label} ${r.urn}`);
        }
        if (stack) await this.send("analyzeStack", once(rs, () => analyzeStackRequest(rs).serializeBinary()), `${label} (stack)`);
    }

    async close(): Promise<void> {
        await Promise.all([this.fast.close(), this.sdk.close()]);
    }
}

// ---- the corpus -------------------------------------------------------------------------------

// Every configuration sends the same requests: each is encoded once (the engine's part of the
// work, in this process, would otherwise compete with the two packs for the machine's cores).
const encoded = new WeakMap<object, unknown>();
function once<T>(key: object, make: () => T): T {
    if (!encoded.has(key)) encoded.set(key, make());
    return encoded.get(key) as T;
}
const loaded = new Map<string, EngineResource[]>();
function cached(key: string, load: () => EngineResource[]): EngineResource[] {
    if (!loaded.has(key)) loaded.set(key, load());
    return loaded.get(key)!;
}

const EXAMPLES = fs.readdirSync(path.join(ROOT, "examples")).filter(d => fs.existsSync(path.join(ROOT, "examples", d, "recorded"))).sort();

function stackExport(example: string): EngineResource[] {
    const f = path.join(ROOT, "examples", example, "recorded", "stack-export.json");
    return fs.existsSync(f) ? readStackExport(JSON.parse(fs.readFileSync(f, "utf8"))).resources : [];
}

/** The seeded hostile cases: the sweep (cut to `sweepCases`), random bags of matched and junk tokens, random stacks. */
function hostile(sweepCases: number, randomCases: number, stacks: number) {
    const tokens = candidateTokens();
    const cases = [];
    for (const c of sweep(tokens, { perFamily: 1, ops: 2, maxPaths: 40 })) {
        cases.push(c);
        if (cases.length >= sweepCases) break;
    }
    const junk = [...nearMisses(tokens), "", "kubernetes:", "azure-native::", "x".repeat(300), "kubernetes:apps/v1:Deployment\u0000"];
    for (const plan of fc.sample(planArb([...tokens, ...junk]), { seed: SEED, numRuns: randomCases })) cases.push(build(plan));
    const stackCases = fc.sample(stackPlanArb(tokens, 20), { seed: SEED + 1, numRuns: stacks }).map(buildStack);
    return { cases, stackCases };
}

function hostileRequest(r: EngineResource): apb.AnalyzeRequest {
    return fill(new apb.AnalyzeRequest(), r, r.inputs);
}

function hostileStack(rs: EngineResource[]): apb.AnalyzeStackRequest {
    const req = new apb.AnalyzeStackRequest();
    req.setResourcesList(rs.map(r => {
        const ar = fill(new apb.AnalyzerResource(), r, r.outputs ?? r.inputs);
        ar.setDependenciesList(r.dependencies ?? []);
        for (const [k, urns] of Object.entries(r.propertyDependencies ?? {})) {
            const d = new apb.AnalyzerPropertyDependencies();
            d.setUrnsList(urns);
            ar.getPropertydependenciesMap().set(k, d);
        }
        return ar;
    }));
    return req;
}

/** Requests the engine never sends, whose errors must still be the SDK's. */
function malformed(): { label: string; method: Method; bytes: Uint8Array; timeoutMs?: number }[] {
    const cluster: EngineResource = { type: "azure-native:containerservice:ManagedCluster", name: "c", urn: "urn:pulumi:dev::p::azure-native:containerservice:ManagedCluster::c", inputs: { location: "westeurope" } };
    const noOptions = analyzeRequest(cluster);
    noOptions.clearOptions();
    const badAsset = analyzeRequest({ ...cluster, inputs: { x: { "4dabf18193072939515e22adb298388d": "c44067f5952c0a294b673a41bacd8c17" } } });
    const badAssetForeign = analyzeRequest({ ...cluster, type: "random:index/randomString:RandomString", inputs: { x: { "4dabf18193072939515e22adb298388d": "0def7320c3a5731c473e5ecbe6d01bc7" } } });
    const badProvider = analyzeRequest({ ...cluster, provider: { type: "pulumi:providers:azure-native", name: "p", urn: "urn:pulumi:dev::p::pulumi:providers:azure-native::p", inputs: { y: { "4dabf18193072939515e22adb298388d": "nonsense" } } } });
    const stackNoOptions = analyzeStackRequest([cluster]);
    stackNoOptions.getResourcesList()[0].clearOptions();
    return [
        { label: "no options", method: "analyze", bytes: noOptions.serializeBinary() },
        { label: "no options", method: "remediate", bytes: noOptions.serializeBinary(), timeoutMs: 2000 },
        { label: "invalid asset", method: "analyze", bytes: badAsset.serializeBinary() },
        { label: "invalid archive, foreign type", method: "analyze", bytes: badAssetForeign.serializeBinary() },
        { label: "invalid provider inputs", method: "analyze", bytes: badProvider.serializeBinary() },
        { label: "invalid provider inputs", method: "remediate", bytes: badProvider.serializeBinary() },
        { label: "stack resource without options", method: "analyzeStack", bytes: stackNoOptions.serializeBinary() },
        { label: "empty request", method: "analyze", bytes: new Uint8Array(0) },
        { label: "empty stack", method: "analyzeStack", bytes: new Uint8Array(0) },
    ];
}

// ---- configurations ---------------------------------------------------------------------------

const REMEDIATING = ["aks-insecure-addons-disabled", "aks-local-accounts-disabled", "acr-anonymous-pull-disabled", "aks-run-command-disabled", "k8s-pss-restricted-privilege-escalation"];

/** Remediate and disabled levels, per-policy settings, exemptions (by name, type, namespace, near expiry), stack-tag profiles. */
const RICH: ConfigFile = {
    ...Object.fromEntries(REMEDIATING.map(p => [p, "remediate"])),
    "aks-private-cluster-enabled": "disabled",
    "k8s-image-tag-pinned": "disabled",
    "aks-entra-id-enabled": {
        enforcementLevel: "mandatory",
        exemptions: [
            { match: { name: "*hardened*" }, reason: "reviewed by the platform team" },
            { match: { type: "azure:containerservice/*" }, reason: "classic clusters are being retired", expires: "2026-12-10" },
        ],
    },
    "k8s-pss-baseline-privileged": {
        enforcementLevel: "mandatory",
        excludedNamespaces: ["kube-system", "monitoring*"],
        exemptions: [{ match: { namespace: "ingress-*" }, reason: "the ingress controller needs it", owner: "net-team" }],
        maxFindingsPerResource: 1,
    },
    "k8s-pss-baseline-capabilities": { stackTagProfiles: [{ tag: "environment=production", profile: "strict" }] },
    "aks-kubernetes-version-supported": { stackTagProfiles: [{ tag: "team=platform", profile: "advisory" }] },
    "acr-sku-premium": { exemptions: [{ match: { urn: "urn:pulumi:*::*::*" }, reason: "every registry", expires: "2026-12-05" }] },
    "aks-admin-roles-assigned-to-groups": "disabled",
    "aks-backup-configured": { enforcementLevel: "mandatory", exemptions: [{ match: { name: "*" }, reason: "backups elsewhere" }] },
};

const ALL_REMEDIATE: ConfigFile = { all: "remediate" };

/** Settings the CLI would reject, sent as a pack's initialConfig or an old CLI would: the pack reports them once. */
const UNUSABLE: Record<string, PolicyConfigEntry> = {
    "aks-entra-id-enabled": { enforcementLevel: "advisory", properties: { exemptions: "everything", maxFindingsPerResource: -3 } },
    "k8s-pss-baseline-privileged": { enforcementLevel: "mandatory", properties: { excludedNamespaces: 7 } },
    "aks-backup-configured": { enforcementLevel: "advisory", properties: { stackTagProfiles: [{ tag: "nope" }] } },
    "not-a-policy": { enforcementLevel: "mandatory", properties: {} },
};

// ---- the spec ---------------------------------------------------------------------------------

/**
 * The differential over one part of the corpus, under every configuration: `recorded` (the
 * examples, their stack exports, the mixed stack, malformed requests, 3,000 resources: npm test,
 * tests/differential/differential.test.ts) or `hostile` (the seeded hostile corpus: the slow
 * suite, tests/fuzz/differential-hostile.test.ts).
 */
export function describeDifferential(title: string, part: "recorded" | "hostile"): void {
    describe(title, () => {
        let pair: Pair;
        const corpus = part === "hostile" ? hostile(600, 120, 12) : { cases: [], stackCases: [] };
        const mixed = part === "recorded" ? mixedStack() : [];
        const malformedRequests = part === "recorded" ? malformed() : [];
        const examples = part === "recorded" ? EXAMPLES : [];
        const big = {};

        before(async () => {
            pair = await Pair.launch();
        });
        after(async () => {
            if (pair) {
                const c = pair.counts;
                console.log(`differential: ${c.analyze} Analyze, ${c.remediate} Remediate, ${c.analyzeStack} AnalyzeStack requests (${c.errors} answered with a gRPC error), byte-identical`);
                await pair.close();
            }
        });

        it("serves through the fast path in one process and the SDK's path in the other", async () => {
            // The fast one must really be the fast one (it says so with FAST_PATH=verbose), the other not.
            await new Promise(r => setTimeout(r, 200));
            const m = /one pass per resource: (\d+) resource policies, (\d+) of them answered by type token/.exec(pair.fast.log);
            assert.ok(m, `the fast path did not report itself: ${pair.fast.log}`);
            assert.ok(Number(m[1]) >= 60 && Number(m[2]) >= Number(m[1]) - 3, m[0]);
            assert.match(pair.fast.log, /the pack's Analyze codec \(lib\/serve\/wire\.ts\)/);
            assert.ok(!/one pass per resource|proven against/.test(pair.sdk.log), pair.sdk.log);
        });

        it("describes the pack with the same GetAnalyzerInfo bytes (written by lib/serve/wire-info.ts in the fast one)", async () => {
            const a = await pair.send("getAnalyzerInfo", new Uint8Array(0), "GetAnalyzerInfo");
            assert.deepEqual(pair.mismatches, [], pair.mismatches.join("\n\n"));
            assert.ok(a.bytes && apb.AnalyzerInfo.deserializeBinary(a.bytes).getPoliciesList().length >= 85);
        });

        async function everything(label: string, opts: { big?: boolean; hostileShare?: number; modes?: ("preview" | "update")[]; narrow?: boolean } = {}) {
            for (const ex of examples) {
                for (const mode of opts.modes ?? (["preview", "update"] as const)) await pair.engineResources(cached(`${ex} ${mode}`, () => recorded(ex, mode)), `${label} ${ex} ${mode}`);
                const exported = cached(`${ex} export`, () => stackExport(ex));
                if (opts.narrow) await pair.send("analyzeStack", once(exported, () => analyzeStackRequest(exported).serializeBinary()), `${label} ${ex} stack export (stack)`);
                else await pair.engineResources(exported, `${label} ${ex} stack export`);
            }
            if (mixed.length && opts.narrow) await pair.send("analyzeStack", once(mixed, () => analyzeStackRequest(mixed).serializeBinary()), `${label} mixed stack (stack)`);
            else if (mixed.length) await pair.engineResources(mixed, `${label} mixed stack`);
            const share = opts.hostileShare ?? 1;
            const cases = corpus.cases.filter((_, i) => i % Math.round(1 / share) === 0);
            for (const c of cases) {
                const b = once(c.resource, () => hostileRequest(c.resource).serializeBinary());
                await pair.resource(b, b, `${label} hostile ${c.resource.type} ${c.plan?.name ?? ""}`);
            }
            for (const s of corpus.stackCases) await pair.send("analyzeStack", once(s, () => hostileStack(s.map(c => c.resource)).serializeBinary()), `${label} hostile stack`);
            for (const m of malformedRequests) await pair.send(m.method, m.bytes, `${label} ${m.label}`, m.timeoutMs);
            if (opts.big && part === "recorded") await pair.send("analyzeStack", once(big, () => analyzeStackRequest(scaledStack(3000)).serializeBinary()), `${label} 3,000 resources`);
            assert.deepEqual(pair.mismatches, [], pair.mismatches.join("\n\n"));
        }

        it("with the pack's defaults", async () => {
            await pair.configure();
            await everything("defaults", { big: true });
        });

        it("with remediate and disabled levels, settings, exemptions and stack-tag profiles", async () => {
            await pair.configure(RICH);
            await everything("rich", { hostileShare: 0.5 });
        });

        it("with every policy at the remediate level", async () => {
            await pair.configure(ALL_REMEDIATE);
            await everything("all remediate", { hostileShare: 0.2, modes: ["preview"], narrow: true });
        });

        it("with settings the pack cannot use", async () => {
            await pair.configureEntries(UNUSABLE);
            await everything("unusable settings", { hostileShare: 0.2, modes: ["update"], narrow: true });
        });

        it("covers the corpus it claims", () => {
            const c = pair.counts;
            if (part === "recorded") {
                assert.ok(EXAMPLES.length >= 9, EXAMPLES.join(", "));
                assert.ok(c.analyze > 3000 && c.remediate > 3000 && c.analyzeStack > 100, JSON.stringify(c));
                assert.ok(c.errors >= 8, `only ${c.errors} error answers compared`);
            } else {
                assert.ok(corpus.cases.length >= 700 && corpus.stackCases.length >= 12, `${corpus.cases.length} cases, ${corpus.stackCases.length} stacks`);
                assert.ok(c.analyze > 1200 && c.remediate > 1200 && c.analyzeStack >= 48, JSON.stringify(c));
            }
        });
    });
}
