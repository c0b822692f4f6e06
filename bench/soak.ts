// Soak: memory of the pack over many sequential Analyze calls (npm run bench:soak).
//
//   node -r ./scripts/ts.js bench/soak.ts [--calls 20000] [--every 1000] [--mode repeat|distinct|types|all] [--snapshots dir]
//
// Each call is Remediate then Analyze, as the engine makes them, over the mixed stack
// (bench/stack.ts). Modes: `repeat`, the 444 requests over and over; `distinct`, every call
// a resource never seen before (its own name, URN, namespace, labels and image tags); `types`,
// every call also under a type token never seen before (what a fuzzer sends, and what the
// type-token caches of lib/core/kinds.ts remember). Memory that grows with distinct inputs (a cache)
// can so be told from memory that grows with the number of calls (a leak). Every --every calls the pack's process reports (bench/soak-probe.js): RSS
// and heap before and after a full garbage collection. Printed as a Markdown table.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Engine, EngineResource } from "../engine/engine";
import { analyzeBytes, memoryOf, raw } from "./run";
import { mixedStack, ROOT } from "./stack";

interface Sample {
    calls: number;
    rssMiB: number;
    heapMiB: number;
    heapAfterGcMiB: number;
    rssAfterGcMiB: number;
    externalMiB: number;
}

const MiB = (b: number) => b / 2 ** 20;

/** The i-th distinct variant of `r`: a new name, URN and (Kubernetes) namespace, labels and image tags. */
function distinct(r: EngineResource, i: number): EngineResource {
    const s = JSON.stringify(r.inputs)
        .replace(/"namespace":"([^"]*)"/g, `"namespace":"$1-${i}"`)
        .replace(/"app":"([^"]*)"/g, `"app":"$1-${i}"`)
        .replace(/:(\d+\.\d+(?:\.\d+)?)"/g, `:$1-r${i}"`);
    const name = `${r.name}-${i}`;
    return { ...r, name, urn: r.urn.replace(/::[^:]*$/, `::${name}`), inputs: JSON.parse(s) };
}

async function probe(engine: Engine, file: string, snapshot?: string): Promise<{ before: NodeJS.MemoryUsage; after: NodeJS.MemoryUsage }> {
    fs.rmSync(file, { force: true });
    if (snapshot) fs.writeFileSync(`${file}.cmd`, snapshot);
    engine.proc.kill("SIGUSR2");
    for (let i = 0; i < 6000 && !fs.existsSync(file); i++) await new Promise(r => setTimeout(r, 10));
    return JSON.parse(fs.readFileSync(file, "utf8"));
}

export type Mode = "repeat" | "distinct" | "types";

const MODE_TEXT: Record<Mode, string> = {
    repeat: "the mixed stack's 444 resources repeating",
    distinct: "every resource distinct (name, URN, namespace, labels, image tags)",
    types: "every resource distinct and of a type token never seen before",
};

export async function soak(opts: { calls: number; every: number; mode: Mode; snapshots?: string }): Promise<Sample[]> {
    const file = path.join(os.tmpdir(), `soak-probe-${process.pid}.json`);
    const engine = await Engine.launch(ROOT, {
        dryRun: true,
        nodeArgs: ["--expose-gc", "--require", path.join(ROOT, "bench", "soak-probe.js")],
        env: { SOAK_PROBE: file },
    });
    const samples: Sample[] = [];
    try {
        await engine.configure();
        const stack = mixedStack();
        const fixed = opts.mode === "repeat" ? stack.map(analyzeBytes) : [];
        const take = async (calls: number) => {
            const snap = opts.snapshots && (calls === opts.every || calls === opts.calls) ? path.join(opts.snapshots, `soak-${calls}.heapsnapshot`) : undefined;
            const rss = memoryOf(engine.proc.pid!).rss;
            const m = await probe(engine, file, snap);
            samples.push({
                calls, rssMiB: rss / 1024, heapMiB: MiB(m.before.heapUsed), heapAfterGcMiB: MiB(m.after.heapUsed), rssAfterGcMiB: MiB(m.after.rss), externalMiB: MiB(m.after.external),
            });
            const s = samples[samples.length - 1];
            console.error(`${calls} calls: RSS ${s.rssMiB.toFixed(0)} MiB, heap ${s.heapMiB.toFixed(1)} MiB, after GC ${s.heapAfterGcMiB.toFixed(1)} MiB (RSS ${s.rssAfterGcMiB.toFixed(0)} MiB)`);
        };
        await take(0);
        for (let i = 1; i <= opts.calls; i++) {
            let bytes: Uint8Array;
            if (opts.mode === "repeat") bytes = fixed[i % fixed.length];
            else {
                const r = distinct(stack[i % stack.length], i);
                if (opts.mode === "types") r.type = `${r.type.replace(/:([A-Za-z0-9]+)$/, ":$1")}X${i}`;
                bytes = analyzeBytes(r);
            }
            await raw(engine, "remediate", bytes);
            await raw(engine, "analyze", bytes);
            if (i % opts.every === 0) await take(i);
        }
    } finally {
        await engine.close();
        fs.rmSync(file, { force: true });
    }
    return samples;
}

export function table(samples: Sample[]): string {
    const lines = ["| calls | RSS | heap used | heap after full GC | RSS after full GC |", "|---:|---:|---:|---:|---:|"];
    for (const s of samples) lines.push(`| ${s.calls.toLocaleString("en")} | ${s.rssMiB.toFixed(0)} MiB | ${s.heapMiB.toFixed(1)} MiB | ${s.heapAfterGcMiB.toFixed(1)} MiB | ${s.rssAfterGcMiB.toFixed(0)} MiB |`);
    return lines.join("\n");
}

async function main(): Promise<void> {
    const args = process.argv.slice(2);
    const arg = (k: string, d: string) => (args.includes(k) ? args[args.indexOf(k) + 1] : d);
    const calls = Number(arg("--calls", "20000"));
    const every = Number(arg("--every", "1000"));
    const snapshots = args.includes("--snapshots") ? path.resolve(arg("--snapshots", ".bench")) : undefined;
    if (snapshots) fs.mkdirSync(snapshots, { recursive: true });
    const mode = arg("--mode", "all");
    for (const m of (mode === "all" ? ["repeat", "distinct", "types"] : [mode]) as Mode[]) {
        const samples = await soak({ calls, every, mode: m, snapshots });
        console.log(`\n### ${calls.toLocaleString("en")} calls (Remediate + Analyze), ${MODE_TEXT[m]}\n`);
        console.log(table(samples));
    }
}

if (require.main === module) {
    main().catch(e => {
        console.error(e);
        process.exit(1);
    });
}
