// The long hostile-input run (npm run fuzz): the generators and oracles of tests/fuzz/hostile.ts
// for as long as asked, collecting every distinct class of failure instead of stopping at the
// first, each with its minimized input.
//
//   node -r ./scripts/ts.js bench/fuzz.ts [--minutes 10] [--seed N] [--out file.json]
//
// 1. The full sweep: every matched token form, hardened and insecure bags, every path set
//    unknown, to two wrong types, to a secret and to null.
// 2. Property rounds (new seed each): malformed bags for matched tokens, junk tokens, the
//    remediate level, AnalyzeStack over random stacks. A failure of a known class counts as a
//    pass so that each round can find a new class; each new class is shrunk.
// Findings are printed and written to .bench/fuzz-findings.json.

import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { Engine } from "../engine/engine";
import {
    build, buildStack, candidateTokens, Case, CasePlan, context, Context, nearMisses, planArb, probeTokens, report, ROOT, runCase, runStack,
    stackPlanArb, sweep,
} from "../tests/fuzz/hostile";
import { memoryOf } from "./run";

interface Finding {
    signature: string;
    phase: string;
    seed?: number;
    path?: string;
    report: string;
    count: number;
}

/** A failure's class: the policy and the kind of problem, without the specifics. */
export function signature(problem: string): string {
    const first = problem.split("\n")[0];
    const m = /^([a-z0-9-]+): (.*)$/.exec(first);
    const norm = (s: string) => s.replace(/\d+/g, "N").replace(/'[^']*'/g, "'…'").replace(/ (?:mentions|names|at|of) .*$/, "").trim();
    if (m && !/failed$/.test(m[1])) return `${m[1]}: ${norm(m[2])}`;
    const policy = /polic(?:y|ies) '([^']+)'/.exec(problem)?.[1];
    return `${first.split(":")[0]}${policy ? ` (${policy})` : ""}: ${norm(problem.split("\n").slice(1, 3).join(" ")).slice(0, 160)}`;
}

async function main(): Promise<void> {
    const args = process.argv.slice(2);
    const arg = (k: string, d: string) => (args.includes(k) ? args[args.indexOf(k) + 1] : d);
    const minutes = Number(arg("--minutes", "10"));
    let seed = Number(arg("--seed", String(Date.now() % 1_000_000)));
    const out = path.resolve(arg("--out", path.join(ROOT, ".bench", "fuzz-findings.json")));
    const deadline = Date.now() + minutes * 60_000;
    const findings = new Map<string, Finding>();
    let calls = 0;

    const engine = await Engine.launch(ROOT, { dryRun: true });
    const ctx: Context = await context(engine);
    await engine.configure();
    const probe = await probeTokens(engine, candidateTokens());
    const types = [...probe.matched.keys()];
    console.log(`${types.length} matched type tokens (${probe.unmatched.length} candidates match no policy); seed ${seed}; ${minutes} min`);

    const record = (phase: string, problems: string[], cases: Case[], extra: Partial<Finding> = {}) => {
        for (const p of problems) {
            const sig = signature(p);
            const f = findings.get(sig);
            if (f) f.count++;
            else {
                findings.set(sig, { signature: sig, phase, report: report([p], cases), count: 1, ...extra });
                console.log(`\n[new] ${sig}\n${report([p], cases).slice(0, 3000)}`);
            }
        }
    };
    const fresh = (problems: string[]) => problems.filter(p => !findings.has(signature(p)));

    // 1. Sweep.
    let n = 0;
    for (const c of sweep(types, { perFamily: 99, ops: 5 })) {
        if (Date.now() > deadline) break;
        record("sweep", await runCase(engine, c, ctx), [c]);
        n++;
    }
    calls += n * 2;
    console.log(`sweep: ${n} cases, ${findings.size} classes so far`);

    // 2. Property rounds.
    type Round = { phase: string; budget: number; run: () => Promise<{ failed: boolean; path?: string; problems: string[]; cases: Case[] }> };
    const prop = async <T>(arb: fc.Arbitrary<T>, budget: number, body: (x: T) => Promise<string[]>, show: (x: T) => Case[]) => {
        const p = fc.asyncProperty(arb, async x => {
            calls++;
            return fresh(await body(x)).length === 0;
        });
        let r = await fc.check(p, { seed, numRuns: 1_000_000, plugins: [fc.interruptAfterTimeLimit(budget)] });
        if (!r.failed || !r.counterexample) return { failed: false, problems: [], cases: [] };
        const shrunk = await fc.check(p, { seed, path: r.counterexamplePath ?? undefined, plugins: [fc.interruptAfterTimeLimit(30_000)] });
        if (shrunk.failed && shrunk.counterexample) r = shrunk;
        const [x] = r.counterexample as unknown as [T];
        return { failed: true, path: r.counterexamplePath ?? undefined, problems: fresh(await body(x)), cases: show(x) };
    };
    const junk = nearMisses(types);
    const rounds: Round[] = [
        { phase: "bags", budget: 60_000, run: () => prop(planArb(types), 60_000, plan => runCase(engine, build(plan), ctx), plan => [build(plan)]) },
        {
            phase: "junk-types", budget: 15_000,
            run: () => prop(fc.tuple(fc.oneof(fc.constantFrom(...junk), fc.string({ unit: "binary", maxLength: 60 })), planArb(types, 3)).map(([type, plan]): CasePlan => ({ ...plan, type })),
                15_000, plan => runCase(engine, build(plan), ctx), plan => [build(plan)]),
        },
        {
            phase: "remediate", budget: 20_000, run: async () => {
                await engine.configure({ all: "remediate" });
                try {
                    return await prop(planArb(types), 20_000, plan => runCase(engine, build(plan), ctx), plan => [build(plan)]);
                } finally {
                    await engine.configure();
                }
            },
        },
        { phase: "stacks", budget: 40_000, run: () => prop(stackPlanArb(types, 40), 40_000, plan => runStack(engine, buildStack(plan), ctx), buildStack) },
    ];
    let round = 0;
    while (Date.now() < deadline) {
        const r = rounds[round++ % rounds.length];
        const res = await r.run();
        if (res.failed) record(r.phase, res.problems, res.cases, { seed, path: res.path });
        seed++;
        if (engine.proc.exitCode !== null) {
            console.log(`the pack exited (${engine.proc.exitCode}):\n${engine.log.slice(-3000)}`);
            break;
        }
    }

    const mem = engine.proc.exitCode === null ? memoryOf(engine.proc.pid!) : undefined;
    await engine.close();
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify([...findings.values()], null, 2));
    console.log(`\n${calls} calls, ${findings.size} failure classes${mem ? `, pack peak RSS ${(mem.hwm / 1024).toFixed(0)} MiB` : ""}; written to ${path.relative(ROOT, out)}`);
    for (const f of findings.values()) console.log(`  ${String(f.count).padStart(5)}x  [${f.phase}] ${f.signature}`);
    process.exit(findings.size ? 1 : 0);
}

main().catch(e => {
    console.error(e);
    process.exit(2);
});
