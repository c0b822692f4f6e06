// Memory at scale: peak RSS of the pack's process over ONE AnalyzeStack (npm run bench:memory).
//
//   npm run bench:memory -- [--n 10000,50000,100000] [--runs 1] [--pack dir] [--json out.json] [--before before.json --write] [--heap-prof dir]
//
// For each n a fresh pack process is launched exactly as the CLI launches it (engine/engine.ts),
// configured with its defaults, and sent one AnalyzeStack of `scaledStack(n)` (bench/stack.ts:
// realistic outputs, parents, dependencies, property dependencies, providers). Reported: the
// request's size, the pack's VmHWM (/proc/<pid>/status) before the call and after it, the
// call's wall time and the number of diagnostics. Only the pack's process is measured; the
// request is encoded here in chunks of resources (a repeated field's entries concatenate on
// the wire), so this process never holds the whole request as protobuf objects.
//
// --pack dir: measure another build of the pack (another checkout, built, with node_modules).
// --json file: also write the figures as JSON. --write: replace the "Memory at scale" table of
// docs/benchmarks.md (between its memory:begin / memory:end markers) with these figures beside
// those of --before (the JSON of an earlier run, e.g. of the commit before a change).
// --heap-prof dir: the pack runs under `node --heap-prof` (NODE_OPTIONS) and writes its
// sampling heap profile into dir when it exits.

import * as fs from "fs";
import * as path from "path";
import { analyzeStackRequest, Engine } from "../engine/engine";
import { decodeAnalyze, memoryOf, raw } from "./run";
import { ROOT, scaledStack } from "./stack";

export interface MemoryRun {
    n: number;
    requestMiB: number;
    startHwmMiB: number;
    peakHwmMiB: number;
    ms: number;
    diagnostics: number;
}

/** The serialized AnalyzeStackRequest of `scaledStack(n)`, encoded `chunk` resources at a time. */
export function stackRequestBytes(n: number, chunk = 2000): Buffer {
    let resources = scaledStack(n);
    const parts: Buffer[] = [];
    for (let i = 0; i < resources.length; i += chunk) {
        const b = analyzeStackRequest(resources.slice(i, i + chunk)).serializeBinary();
        parts.push(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
    }
    resources = [];
    return Buffer.concat(parts);
}

export async function measure(n: number, bytes: Buffer, opts: { heapProf?: string; packDir?: string } = {}): Promise<MemoryRun> {
    const env: Record<string, string> = {};
    if (opts.heapProf) {
        fs.mkdirSync(opts.heapProf, { recursive: true });
        env.NODE_OPTIONS = `--heap-prof --heap-prof-dir=${opts.heapProf} --heap-prof-name=pack-${n}.heapprofile`;
    }
    const engine = await Engine.launch(opts.packDir ?? ROOT, { dryRun: false, project: "bench", stack: "dev", env });
    try {
        await engine.configure();
        const pid = engine.proc.pid!;
        const startHwmMiB = memoryOf(pid).hwm / 1024;
        const t = performance.now();
        const res = await raw(engine, "analyzeStack", bytes);
        const ms = performance.now() - t;
        const peakHwmMiB = memoryOf(pid).hwm / 1024;
        const diagnostics = decodeAnalyze(res).getDiagnosticsList().length;
        return { n, requestMiB: bytes.byteLength / 2 ** 20, startHwmMiB, peakHwmMiB, ms, diagnostics };
    } finally {
        if (opts.heapProf) {
            // SIGTERM lets node exit normally, so that it writes the heap profile.
            const exited = new Promise<void>(resolve => engine.proc.once("exit", () => resolve()));
            engine.proc.kill("SIGTERM");
            await exited;
            engine.client.close();
        } else {
            await engine.close();
        }
    }
}

const BEGIN = "<!-- memory:begin (npm run bench:memory -- --write) -->";
const END = "<!-- memory:end -->";

/** Before/after rows: one per n, the median peak of the runs. */
export function table(after: MemoryRun[], before: MemoryRun[]): string {
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
    const of = (rs: MemoryRun[], n: number) => {
        const m = rs.filter(r => r.n === n);
        return m.length ? { peak: med(m.map(r => r.peakHwmMiB)), ms: med(m.map(r => r.ms)), diagnostics: m[0].diagnostics } : undefined;
    };
    const mib = (v?: number) => (v === undefined ? "n/a" : `${v.toFixed(0)} MiB`);
    const sec = (v?: number) => (v === undefined ? "n/a" : `${(v / 1000).toFixed(1)} s`);
    const lines = [
        BEGIN,
        "| Resources | Request | Peak RSS before | Peak RSS after | Time before | Time after | Diagnostics (before / after) |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ];
    for (const n of [...new Set(after.map(r => r.n))]) {
        const a = of(after, n)!;
        const b = of(before, n);
        const req = after.find(r => r.n === n)!.requestMiB;
        lines.push(`| ${n.toLocaleString("en-US")} | ${req.toFixed(0)} MiB | ${mib(b?.peak)} | ${mib(a.peak)} | ${sec(b?.ms)} | ${sec(a.ms)} | ${b ? b.diagnostics : "n/a"} / ${a.diagnostics} |`);
    }
    lines.push(END);
    return lines.join("\n");
}

/** Replace the marked table in `file` (appending it when the markers are missing). */
export function writeSection(file: string, text: string): void {
    const doc = fs.readFileSync(file, "utf8");
    const i = doc.indexOf(BEGIN);
    const j = doc.indexOf(END);
    fs.writeFileSync(file, i >= 0 && j > i ? doc.slice(0, i) + text + doc.slice(j + END.length) : `${doc.trimEnd()}\n\n${text}\n`);
}

function flag(args: string[], name: string): string | undefined {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
}

async function main(): Promise<void> {
    const args = process.argv.slice(2);
    const ns = (flag(args, "--n") ?? "10000,50000,100000").split(",").map(s => Number(s.replace(/_/g, "")));
    const runs = Number(flag(args, "--runs") ?? 1);
    const heapProf = flag(args, "--heap-prof");
    const packDir = path.resolve(flag(args, "--pack") ?? ROOT);
    if (!fs.existsSync(path.join(packDir, "bin", "index.js"))) {
        throw new Error("bin/index.js is missing: build the pack first (npm run build)");
    }
    const rows: MemoryRun[] = [];
    for (const n of ns) {
        let t = performance.now();
        const bytes = stackRequestBytes(n);
        console.error(`n=${n}: request ${(bytes.byteLength / 2 ** 20).toFixed(1)} MiB encoded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
        for (let i = 0; i < runs; i++) {
            t = performance.now();
            const r = await measure(n, bytes, { heapProf: heapProf && path.resolve(heapProf), packDir });
            rows.push(r);
            console.error(`n=${n} run ${i + 1}/${runs}: peak RSS ${r.peakHwmMiB.toFixed(0)} MiB (after start ${r.startHwmMiB.toFixed(0)} MiB), AnalyzeStack ${(r.ms / 1000).toFixed(1)} s, ${r.diagnostics} diagnostics`);
        }
    }
    const json = flag(args, "--json");
    if (json) fs.writeFileSync(json, JSON.stringify(rows, null, 2) + "\n");
    if (args.includes("--write")) {
        const before: MemoryRun[] = flag(args, "--before") ? JSON.parse(fs.readFileSync(flag(args, "--before")!, "utf8")) : [];
        writeSection(path.join(ROOT, "docs", "benchmarks.md"), table(rows, before));
    }
    console.log("| Resources | Request | Pack RSS after start | Pack peak RSS (VmHWM) | AnalyzeStack time | Diagnostics |");
    console.log("|---:|---:|---:|---:|---:|---:|");
    for (const r of rows) {
        console.log(`| ${r.n.toLocaleString("en-US")} | ${r.requestMiB.toFixed(0)} MiB | ${r.startHwmMiB.toFixed(0)} MiB | ${r.peakHwmMiB.toFixed(0)} MiB | ${(r.ms / 1000).toFixed(1)} s | ${r.diagnostics} |`);
    }
}

if (require.main === module) {
    main().catch(e => {
        console.error(e instanceof Error ? e.stack : e);
        process.exit(1);
    });
}
