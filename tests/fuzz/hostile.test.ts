// Hostile inputs, property-based, through the real protocol against the built pack: a bounded,
// seeded run (about a minute) that is part of `npm test`. bench/fuzz.ts runs the same generators
// for longer. Set FUZZ_SEED to replay another seed, FUZZ_SCALE to scale the time budgets.
//
// For every type token a policy matches (derived from the sources and confirmed by asking the
// pack) the pack must answer every call; no diagnostic may come from an exception; a value set
// unknown may only ever yield the SDK's advisory "can't run policy" note, never a violation;
// no message may carry a secret's value. Also for near-miss and junk type tokens, under the
// "remediate" level, and for AnalyzeStack over random stacks.

import { strict as assert } from "node:assert";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import { Engine } from "../../engine/engine";
import { PolicyConfigEntry } from "../../engine/config";
import {
    analyze, anyValue, build, buildStack, candidateTokens, Case, CasePlan, context, Context, nearMisses, planArb, probeTokens, report, ROOT, runCase, runStack,
    stackPlanArb, sweep, withTimeout,
} from "./hostile";

const SEED = Number(process.env.FUZZ_SEED ?? 20251127);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const ms = (x: number) => Math.round(x * SCALE);
const SHRINK_MS = ms(15_000);

/**
 * Run a property for at most `budget` ms; on failure, shrink for up to SHRINK_MS more (replaying
 * the counterexample's path) and fail with the minimized input on the wire.
 */
async function property<T>(arb: fc.Arbitrary<T>, budget: number, numRuns: number, body: (x: T) => Promise<string[]>, show: (x: T) => Case[]): Promise<void> {
    const prop = fc.asyncProperty(arb, async x => (await body(x)).length === 0);
    let out = await fc.check(prop, { seed: SEED, numRuns, plugins: [fc.interruptAfterTimeLimit(budget)] });
    if (!out.failed || !out.counterexample) return;
    const found = out.numRuns;
    const more = await fc.check(prop, { seed: SEED, path: out.counterexamplePath ?? undefined, plugins: [fc.interruptAfterTimeLimit(SHRINK_MS)] });
    if (more.failed && more.counterexample) out = more;
    const [x] = out.counterexample as unknown as [T];
    assert.fail(`seed ${SEED}, path ${out.counterexamplePath}, failed at run ${found}, minimized:\n${report(await body(x), show(x))}`);
}

describe("hostile inputs over the Analyzer protocol", () => {
    let engine: Engine;
    let ctx: Context;
    let types: string[] = [];

    before(async () => {
        engine = await Engine.launch(ROOT, { dryRun: true });
        ctx = await context(engine);
        await engine.configure();
        const probe = await probeTokens(engine, candidateTokens());
        types = [...probe.matched.keys()];
    });
    after(async () => {
        await engine?.close();
    });

    it("aims at every type token a policy matches, in every token form", () => {
        const has = (re: RegExp) => types.some(t => re.test(t));
        assert.ok(types.length >= 10, `only ${types.length} matched tokens: ${types.join(", ")}`);
        assert.ok(has(/^azure-native:containerservice:ManagedCluster$/) && has(/^azure-native:containerservice\/v\d+:ManagedCluster$/)
            && has(/^azure-native_containerservice_v\w+:containerservice:ManagedCluster$/) && has(/^azure:containerservice\/kubernetesCluster:/), types.join(", "));
    });

    it("answers every type's bag with each path set unknown, to a wrong type or secret, without a false violation or a leak", async t => {
        const problems: string[] = [];
        const deadline = Date.now() + ms(22_000);
        let n = 0;
        for (const c of sweep(types, { perFamily: 1, ops: 3 })) {
            if (Date.now() > deadline) break;
            n++;
            const p = await runCase(engine, c, ctx);
            if (p.length) problems.push(report(p, [c]));
            if (problems.length >= 5) break;
        }
        t.diagnostic(`${n} cases over ${types.length} type tokens`);
        assert.deepEqual(problems, []);
    });

    it("answers malformed property bags for every matched type (property-based)", async () => {
        await property(planArb(types), ms(12_000), 5000, async plan => runCase(engine, build(plan), ctx), plan => [build(plan)]);
    });

    it("answers near-miss and junk type tokens", async () => {
        const junk = [...nearMisses(types)];
        const arb = fc.tuple(fc.oneof(fc.constantFrom(...junk), fc.string({ unit: "binary", maxLength: 60 })), planArb(types, 3))
            .map(([type, plan]): CasePlan => ({ ...plan, type }));
        await property(arb, ms(4_000), 400, async plan => runCase(engine, build(plan), ctx), plan => [build(plan)]);
    });

    it("answers under the remediate level (Remediate runs every policy's fix)", async () => {
        await engine.configure({ all: "remediate" });
        try {
            await property(planArb(types), ms(5_000), 600, async plan => runCase(engine, build(plan), ctx), plan => [build(plan)]);
        } finally {
            await engine.configure();
        }
    });

    it("answers AnalyzeStack over random stacks of malformed resources", async () => {
        await property(stackPlanArb(types, 25), ms(6_000), 300, async plan => runStack(engine, buildStack(plan), ctx), buildStack);
    });

    it("answers as fast with adversarial exemption globs (`*-*-*-*-*-*-*-*-*-*-x`) on long hyphenated names, and as without them", async () => {
        const name = Array.from({ length: 60 }, (_, i) => `seg${i}`).join("-");
        const patterns = ["*-*-*-*-*-*-*-*-*-*-x", "*-*-*-*-*-*-*-*-*-*-*-*-*-*-*-*-*-*-*-*-x", "*?*?*?*?*?*?*?*?*?*?*?*?x", `*${"-*".repeat(40)}-x`, `*${"a".repeat(31)}b*`];
        const glob = (i: number) => patterns[i % patterns.length];
        const config = Object.fromEntries([...ctx.policies].map((p, i) => [p, {
            exemptions: [{ match: { name: glob(i) }, reason: "r" }, { match: { urn: glob(i + 1) }, reason: "r" }, { match: { type: glob(i + 2), namespace: glob(i + 3) }, reason: "r" }],
        }]));
        const cases = types.map(type => build({ type, variant: 0, secure: false, mutations: [], name }));
        for (const c of cases) {
            const md = (c.resource.inputs.metadata ?? undefined) as Record<string, unknown> | undefined;
            if (md && typeof md === "object") md.namespace = name;
        }
        const plain: string[] = [];
        for (const c of cases) plain.push(JSON.stringify(await analyze(engine, c.resource)));
        await engine.configure(config);
        try {
            for (const [i, c] of cases.entries()) {
                // A liveness bound, not a measurement (bench/glob.ts measures): the regex this replaced took 32 s per call.
                const res = await withTimeout(analyze(engine, c.resource), ms(10_000), `Analyze of ${c.resource.type} with adversarial exemption globs`);
                assert.equal(JSON.stringify(res), plain[i], c.resource.type);
            }
        } finally {
            await engine.configure();
        }
    });

    it("answers every call whatever the configuration's shape: random values at every setting, sent without the CLI's validation", async () => {
        const info = await engine.analyzerInfo();
        const settings = info.policies.map(p => ({ name: p.name, level: p.enforcementLevel, keys: Object.keys(p.configSchema?.properties ?? {}) }));
        const FINDING = "The policy configuration ";
        const arb = fc.tuple(
            fc.array(fc.tuple(fc.nat(), fc.nat(), anyValue), { minLength: 1, maxLength: 40 }),
            planArb(types, 3),
        );
        try {
            await property(arb, ms(8_000), 400, async ([values, plan]) => {
                const entries: Record<string, PolicyConfigEntry> = Object.fromEntries(settings.map(p => [p.name, { enforcementLevel: p.level, properties: {} }]));
                for (const [pi, ki, v] of values) {
                    const p = settings[pi % settings.length];
                    if (p.keys.length) entries[p.name].properties[p.keys[ki % p.keys.length]] = v;
                }
                await engine.configureEntries(entries);
                const c = build(plan);
                const problems = await runCase(engine, c, ctx);
                // Configured once: a second look at the same resource must not report the configuration again.
                const again = await analyze(engine, c.resource);
                for (const d of again.diagnostics) if (d.message.split("\n")[1]?.startsWith(FINDING)) problems.push(`${d.policyName}: reported its configuration twice`);
                return problems;
            }, ([, plan]) => [build(plan)]);
        } finally {
            await engine.configure();
        }
    });

    it("is still alive", () => {
        assert.equal(engine.proc.exitCode, null, engine.log.slice(-2000));
    });
});
