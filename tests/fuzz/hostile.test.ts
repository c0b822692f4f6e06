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
import {
    build, buildStack, candidateTokens, Case, CasePlan, context, Context, nearMisses, planArb, probeTokens, report, ROOT, runCase, runStack,
    stackPlanArb, sweep,
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

    it("is still alive", () => {
        assert.equal(engine.proc.exitCode, null, engine.log.slice(-2000));
    });
});
