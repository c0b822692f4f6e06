// The pack's benchmark, always side by side with a trivial reference pack (bench/reference-pack:
// one resource policy, the same @pulumi/policy and @pulumi/pulumi) in one run. Both packs are
// launched exactly as the Pulumi CLI launches them (engine/engine.ts) and driven over gRPC.
//
//   node -r ./scripts/ts.js bench/run.ts [--runs 5] [--no-write] [--profile [dir] [--phases cold-start,analyze,analyze-stack]]
//
// Measured per pack and run (runs alternate which pack goes first):
//   cold start      process spawn -> ConfigureStack, GetPluginInfo, GetAnalyzerInfo, Configure,
//                   Remediate + Analyze of the first resource -> the first Analyze answer
//   Analyze         per-resource latency over the mixed stack (bench/stack.ts, preview shape),
//                   each resource Remediate then Analyze as the engine calls them; median, p99
//   AnalyzeStack    one call over 1,000 and over 10,000 resources (update shape)
//   memory          VmHWM of the pack process (/proc/<pid>/status): after the cold start, and the
//                   peak over the whole run
// Requests are serialized once up front and sent as bytes, so the engine side's protobuf
// encoding (Go in the real CLI, slow google-protobuf JS here) is not counted against either pack.
// Reported: the median over the runs, absolute and as a ratio to the reference pack; written to
// docs/benchmarks.md with the targets.
//
// --profile [dir] [--reference]: instead, profile the main pack (or the reference pack) (V8's profiler started by bench/profile-exit.js through NODE_OPTIONS: PulumiPolicy.yaml nodeargs, like Engine.launch nodeArgs, reach the runner script, not node)
// in three launches (cold start, Analyze over the mixed stack x5, AnalyzeStack 10,000 x2) and
// print where the time goes (bench/profile.ts).

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import * as grpc from "@grpc/grpc-js";
import * as apb from "@pulumi/pulumi/proto/analyzer_pb";
import { AnalyzerService } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import { analyzeRequest, analyzeStackRequest, Engine, EngineResource, LaunchOptions, resolveRunner } from "../engine/engine";
import { mixedStack, ROOT, scaledStack } from "./stack";
import { summarize } from "./profile";

export const REFERENCE = path.join(ROOT, "bench", "reference-pack");
/** 85 trivial policies: the SDK's per-policy loop alone (the floor of any 85-policy pack served the SDK's way). */
export const FLOOR = path.join(ROOT, "bench", "floor-pack");
/** The pack served by the SDK's own path (lib/serve/fast-path.ts off): the "before" column. */
const SDK_PATH: LaunchOptions = { env: { AKS_SECURITY_BASELINE_FAST_PATH: "0" } };

// ---- requests, serialized once ---------------------------------------------------------------

/** An AnalyzeRequest as engine.analyze builds it, serialized. (Remediate takes the same message.) */
export function analyzeBytes(r: EngineResource): Uint8Array {
    return analyzeRequest(r).serializeBinary();
}

/** An AnalyzeStackRequest as engine.analyzeStack builds it, serialized. */
export function analyzeStackBytes(resources: EngineResource[]): Uint8Array {
    return analyzeStackRequest(resources).serializeBinary();
}

type Method = "analyze" | "remediate" | "analyzeStack" | "getAnalyzerInfo";
const SERVICE = AnalyzerService as unknown as Record<Method, { path: string; responseDeserialize: (b: Buffer) => unknown }>;

/**
 * Send pre-serialized request bytes on the engine's own client. Resolves with the answer's bytes:
 * decoding them (JS protobuf here, Go in the CLI) is the engine's cost, so callers time the
 * round trip first and decode afterwards (`decode`).
 */
export function raw(engine: Engine, method: Method, bytes: Uint8Array): Promise<Buffer> {
    return new Promise((resolve, reject) => {
        (engine.client as unknown as grpc.Client).makeUnaryRequest(
            SERVICE[method].path,
            (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength),
            (b: Buffer) => b,
            bytes,
            (err: grpc.ServiceError | null, res?: Buffer) => (err ? reject(err) : resolve(res as Buffer)),
        );
    });
}

/** Decode an Analyze / AnalyzeStack answer's bytes. */
export function decodeAnalyze(b: Buffer): apb.AnalyzeResponse {
    return SERVICE.analyze.responseDeserialize(b) as apb.AnalyzeResponse;
}

// ---- measurement -----------------------------------------------------------------------------

/** VmHWM (peak resident set) and VmRSS of a process, in KiB. */
export function memoryOf(pid: number): { hwm: number; rss: number } {
    const s = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, "m").exec(s)?.[1] ?? NaN);
    return { hwm: kb("VmHWM"), rss: kb("VmRSS") };
}

const TICK_MS = 1000 / 100; // USER_HZ: /proc/<pid>/stat counts CPU time in 1/100 s on Linux

/** CPU time (user + system) a process has used so far, in ms. */
export function cpuOf(pid: number): number {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(f[11]) + Number(f[12])) * TICK_MS; // fields 14 and 15 (utime, stime)
}

export function quantile(xs: number[], q: number): number {
    const s = [...xs].sort((a, b) => a - b);
    if (!s.length) return NaN;
    return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
export const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const n = s.length;
    return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

export interface Workload {
    resources: EngineResource[];
    analyze: Uint8Array[];
    stack1k: Uint8Array;
    stack10k: Uint8Array;
    stack1kCount: number;
    stack10kCount: number;
}

export function prepare(): Workload {
    const resources = mixedStack();
    return {
        resources,
        analyze: resources.map(analyzeBytes),
        stack1k: analyzeStackBytes(scaledStack(1000)),
        stack10k: analyzeStackBytes(scaledStack(10000)),
        stack1kCount: 1000,
        stack10kCount: 10000,
    };
}

export interface PackRun {
    coldStartMs: number;
    /** CPU time of the pack's process: until the first Analyze answer, per resource (Remediate + Analyze), per AnalyzeStack. */
    coldStartCpuMs: number;
    cpuPerResourceMs: number;
    stack1kCpuMs: number;
    stack10kCpuMs: number;
    startHwmKb: number;
    analyzeMs: number[];
    remediateMs: number[];
    stack1kMs: number;
    stack10kMs: number;
    peakHwmKb: number;
    policies: number;
    diagnostics: number;
    stackDiagnostics: number;
}

export async function runPack(dir: string, w: Workload, opts: LaunchOptions = {}, phases = { analyze: true, stack: true }): Promise<{ run: PackRun; engine: Engine }> {
    const t0 = performance.now();
    const engine = await Engine.launch(dir, { dryRun: true, project: "bench", stack: "dev", ...opts });
    const info = await engine.analyzerInfo();
    await engine.configure();
    await raw(engine, "remediate", w.analyze[0]);
    const first = decodeAnalyze(await raw(engine, "analyze", w.analyze[0]));
    const coldStartMs = performance.now() - t0;
    const pid = engine.proc.pid!;
    const coldStartCpuMs = cpuOf(pid);
    const startHwmKb = memoryOf(pid).hwm;
    const analyzeMs: number[] = [];
    const remediateMs: number[] = [];
    let diagnostics = first.getDiagnosticsList().length;
    let cpuPerResourceMs = NaN;
    if (phases.analyze) {
        const c0 = cpuOf(pid);
        for (let i = 1; i < w.analyze.length; i++) {
            let t = performance.now();
            await raw(engine, "remediate", w.analyze[i]);
            remediateMs.push(performance.now() - t);
            t = performance.now();
            const res = await raw(engine, "analyze", w.analyze[i]);
            analyzeMs.push(performance.now() - t);
            diagnostics += decodeAnalyze(res).getDiagnosticsList().length;
        }
        cpuPerResourceMs = (cpuOf(pid) - c0) / (w.analyze.length - 1);
    }
    let stack1kMs = NaN;
    let stack10kMs = NaN;
    let stackDiagnostics = 0;
    let stack1kCpuMs = NaN;
    let stack10kCpuMs = NaN;
    if (phases.stack) {
        let c = cpuOf(pid);
        let t = performance.now();
        await raw(engine, "analyzeStack", w.stack1k);
        stack1kMs = performance.now() - t;
        stack1kCpuMs = cpuOf(pid) - c;
        c = cpuOf(pid);
        t = performance.now();
        const s = await raw(engine, "analyzeStack", w.stack10k);
        stack10kMs = performance.now() - t;
        stack10kCpuMs = cpuOf(pid) - c;
        stackDiagnostics = decodeAnalyze(s).getDiagnosticsList().length;
    }
    const peakHwmKb = memoryOf(engine.proc.pid!).hwm;
    return {
        engine,
        run: { coldStartMs, coldStartCpuMs, cpuPerResourceMs, stack1kCpuMs, stack10kCpuMs, startHwmKb, analyzeMs, remediateMs, stack1kMs, stack10kMs, peakHwmKb, policies: info.policies.length, diagnostics, stackDiagnostics },
    };
}

/** The pack and the reference pack measured at the same moments: a sample of each in turn. */
export interface Paired {
    coldMain: number[];
    coldRef: number[];
    analyzeMain: number[];
    analyzeRef: number[];
}

/**
 * Cold starts alternating between the pack and the reference pack, then both processes alive and
 * every resource of the mixed stack sent to one and then the other (which one first alternates),
 * each call alone on the machine: load that comes and goes touches both alike.
 */
export async function paired(w: Workload, starts = 4): Promise<Paired> {
    const out: Paired = { coldMain: [], coldRef: [], analyzeMain: [], analyzeRef: [] };
    for (let j = 0; j < starts * 2; j++) {
        const main = j % 2 === Math.floor(j / 2) % 2;
        const { run, engine } = await runPack(main ? ROOT : REFERENCE, w, {}, { analyze: false, stack: false });
        await engine.close();
        (main ? out.coldMain : out.coldRef).push(run.coldStartMs);
    }
    const [a, b] = await Promise.all([runPack(ROOT, w, {}, { analyze: false, stack: false }), runPack(REFERENCE, w, {}, { analyze: false, stack: false })]);
    try {
        for (let i = 1; i < w.analyze.length; i++) {
            const order: [Engine, number[]][] = [[a.engine, out.analyzeMain], [b.engine, out.analyzeRef]];
            if (i % 2) order.reverse();
            for (const [engine, into] of order) {
                await raw(engine, "remediate", w.analyze[i]);
                const t = performance.now();
                await raw(engine, "analyze", w.analyze[i]);
                into.push(performance.now() - t);
            }
        }
    } finally {
        await Promise.all([a.engine.close(), b.engine.close()]);
    }
    return out;
}

/** The "Memory at scale" section of docs/benchmarks.md, kept when bench/run.ts rewrites the rest. */
export function memorySection(doc: string): string {
    const i = doc.indexOf("\n## Memory at scale");
    return i >= 0 ? doc.slice(i) : "";
}

// ---- report ----------------------------------------------------------------------------------

interface Row { label: string; main: number; before: number; floor: number; ref: number; unit: "ms" | "MiB"; target?: number }

function fmt(v: number, unit: string): string {
    if (!Number.isFinite(v)) return "n/a";
    if (unit === "MiB") return `${v.toFixed(0)} MiB`;
    return v >= 100 ? `${v.toFixed(0)} ms` : v >= 10 ? `${v.toFixed(1)} ms` : `${v.toFixed(2)} ms`;
}

export function machine(): Record<string, string> {
    const cpus = os.cpus();
    const avail = (os as unknown as { availableParallelism?: () => number }).availableParallelism?.() ?? cpus.length;
    return {
        CPU: `${cpus[0]?.model?.trim() ?? "unknown"} (${cpus[0]?.speed ? `${cpus[0].speed} MHz, ` : ""}${cpus.length} logical cores, ${avail} available)`,
        Memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
        OS: `${os.type()} ${os.release()} ${os.arch()}`,
        Node: process.version,
    };
}

interface Runs { main: PackRun[]; before: PackRun[]; floor: PackRun[]; ref: PackRun[]; paired: Paired[] }

function rows(r: Runs): Row[] {
    const row = (label: string, f: (x: PackRun) => number, unit: Row["unit"], target?: number): Row => {
        const m = (runs: PackRun[]) => median(runs.map(f));
        return { label, main: m(r.main), before: m(r.before), floor: m(r.floor), ref: m(r.ref), unit, target };
    };
    const kib = (x: number) => x / 1024;
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    // Paired with the reference pack (the targets): the median over runs of each run's figure.
    const pair = (label: string, f: (xs: number[]) => number, main: (p: Paired) => number[], ref: (p: Paired) => number[], target: number): Row => ({
        label,
        main: median(r.paired.map(p => f(main(p)))),
        ref: median(r.paired.map(p => f(ref(p)))),
        before: NaN,
        floor: NaN,
        unit: "ms",
        target,
    });
    return [
        pair("Cold start, paired with the reference pack", median, p => p.coldMain, p => p.coldRef, 1.15),
        pair("Analyze per resource, median, paired", median, p => p.analyzeMain, p => p.analyzeRef, 1.3),
        pair("Analyze per resource, p99, paired", xs => quantile(xs, 0.99), p => p.analyzeMain, p => p.analyzeRef, 1.5),
        row("Cold start (spawn to first Analyze answer)", x => x.coldStartMs, "ms"),
        row("Analyze per resource, median", x => median(x.analyzeMs), "ms"),
        row("Analyze per resource, p99", x => quantile(x.analyzeMs, 0.99), "ms"),
        row("Remediate per resource, median", x => median(x.remediateMs), "ms"),
        row("Remediate per resource, p99", x => quantile(x.remediateMs, 0.99), "ms"),
        row("Analyze, whole mixed stack (sum)", x => sum(x.analyzeMs), "ms"),
        row("AnalyzeStack, 1,000 resources", x => x.stack1kMs, "ms"),
        row("AnalyzeStack, 10,000 resources", x => x.stack10kMs, "ms", 1.3),
        row("CPU time of the pack: cold start", x => x.coldStartCpuMs, "ms"),
        row("CPU time of the pack per resource (Remediate + Analyze)", x => x.cpuPerResourceMs, "ms"),
        row("CPU time of the pack: AnalyzeStack, 10,000 resources", x => x.stack10kCpuMs, "ms"),
        row("RSS after cold start (VmHWM)", x => kib(x.startHwmKb), "MiB"),
        row("Peak RSS over the run (VmHWM)", x => kib(x.peakHwmKb), "MiB", 1.2),
    ];
}

function table(rs: Row[]): string {
    const lines = [
        "| Measure | aks-security-baseline | ratio | target | met | before (SDK's path) | ratio | 85 trivial policies | ratio | reference pack |",
        "|---|---:|---:|---:|:---:|---:|---:|---:|---:|---:|",
    ];
    for (const r of rs) {
        const ratio = r.main / r.ref;
        const met = r.target === undefined ? "" : ratio <= r.target ? "yes" : "**no**";
        const x = (v: number) => (Number.isFinite(v) ? `${(v / r.ref).toFixed(2)}x` : "");
        const f = (v: number) => (Number.isFinite(v) ? fmt(v, r.unit) : "");
        lines.push(`| ${r.label} | ${fmt(r.main, r.unit)} | ${ratio.toFixed(2)}x | ${r.target === undefined ? "" : `<= ${r.target}x`} | ${met} | ${f(r.before)} | ${x(r.before)} | ${f(r.floor)} | ${x(r.floor)} | ${fmt(r.ref, r.unit)} |`);
    }
    return lines.join("\n");
}

function markdown(rs: Row[], all: Runs, w: Workload, runs: number, seconds: number, sameDeps: string, load: string[]): string {
    const { main } = all;
    const mach = machine();
    const met = rs.filter(r => r.target !== undefined);
    const missed = met.filter(r => r.main / r.ref > r.target!);
    const types = new Set(w.resources.map(r => r.type)).size;
    const k8s = w.resources.filter(r => r.type.startsWith("kubernetes:")).length;
    return `# Benchmarks

Generated by \`npm run bench\` (bench/run.ts) on ${new Date().toISOString().slice(0, 10)}; do not edit by hand.

Four packs, launched exactly as the Pulumi CLI launches a policy pack (\`engine/engine.ts\`) and
driven over gRPC, side by side in one run (${sameDeps}):

- **aks-security-baseline**: this pack as it ships, served through its one-pass Analyze (\`lib/serve/fast-path.ts\`);
- **before (SDK's path)**: the same build with \`AKS_SECURITY_BASELINE_FAST_PATH=0\`, served by
  @pulumi/policy's own per-policy loop (what the pack did before the one-pass Analyze);
- **85 trivial policies** (\`bench/floor-pack\`): 72 resource policies that only answer "not applicable"
  and 13 stack policies that return at once: the SDK's floor for a pack of this size;
- **reference pack** (\`bench/reference-pack\`): one resource policy in plain JavaScript.

Ratios are to the reference pack. Each figure is the median of ${runs} runs (a fresh process per pack
and run; the order of the packs rotates from run to run).

The targets are judged on the **paired** rows: in each run the pack and the reference pack are also
measured at the same moments, cold starts alternating (pack, reference, reference, pack, ... four
each) and then, with both processes up, every resource of the mixed stack sent to one and then the
other (which one first alternates), each call alone on the machine. On a shared machine the load
comes and goes within seconds, so a pack measured 30 s after another can see a different machine;
pairing makes both see the same one. The sequential rows below them are the same measures taken
one pack after the other, kept for comparison with the other two packs.

## Results

${table(rs)}

**Targets** (ratio to the reference pack): ${met.map(r => `${r.label.replace(/ \(.*\)$/, "").replace(/ \(VmHWM\)$/, "")} <= ${r.target}x: ${r.main / r.ref <= r.target! ? "met" : "**missed**"} (${(r.main / r.ref).toFixed(2)}x)`).join("; ")}.
${missed.length ? `${missed.length} of ${met.length} targets missed; \`npm run bench -- --profile\` shows where the pack's time goes (CPU profiles of the cold start, the per-resource calls and AnalyzeStack over 10,000 resources). Why they are missed and what would close the gap: [performance.md](performance.md).` : `All ${met.length} targets met.`}

The CPU-time rows count the pack process's own CPU (/proc/<pid>/stat, all its threads, GC
included); on a busy machine they are steadier than the wall-clock rows.

The pack serves ${main[0]?.policies ?? "?"} policies, the reference pack ${all.ref[0]?.policies ?? "?"}. Over the mixed stack the pack
reported ${median(main.map(r => r.diagnostics))} diagnostics per run (violations and preview notes), and ${median(main.map(r => r.stackDiagnostics))} from AnalyzeStack over 10,000 resources.

## Machine

| | |
|---|---|
${Object.entries(mach).map(([k, v]) => `| ${k} | ${v} |`).join("\n")}
| Load average (1 min) at start / end | ${load[0]} / ${os.loadavg()[0].toFixed(2)}${Math.max(Number(load[0]), os.loadavg()[0]) > os.cpus().length + 1 ? " (busy: other processes competed for the CPU)" : ""} |
| Wall time of the benchmark | ${seconds.toFixed(0)} s |

## What is measured

- **Cold start**: from spawning \`node <run-policy-pack> 127.0.0.1:<port> <pack dir>\` (the CLI's
  command line, \`PULUMI_NODEJS_*\` environment) until the answer to the first Analyze, with the
  engine's calls in its order: ConfigureStack, GetPluginInfo, GetAnalyzerInfo, Configure (one
  entry per policy, defaults), Remediate and Analyze of the first resource.
- **Analyze per resource**: the round trip of each Analyze over the mixed stack, each resource
  Remediate then Analyze as the engine calls them, one at a time. The mixed stack
  (\`bench/stack.ts\`, seeded) has ${w.resources.length} resources of ${types} type tokens: four Azure
  environments with AKS clusters of both providers (the recorded examples as templates, v3 and v2
  versioned tokens), node pools (v3 local-package tokens too), ACR, Key Vault, NSGs and rules,
  VNets, subnets, disk encryption sets, diagnostic settings, role assignments, private endpoints,
  Defender plans, and ${k8s} Kubernetes objects: workloads of every kind (Deployment,
  StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod, ReplicationController, PodTemplate),
  their \`…Patch\` twins and legacy apiVersions, namespaces, services, ingresses, RBAC, network
  policies, config maps and secrets; hardened and insecure variants. Inputs are in preview shape
  (other resources' IDs unknown); each request carries the resource's provider (a Kubernetes
  provider's kubeconfig is a secret).
- **AnalyzeStack**: one call over ${w.stack1kCount.toLocaleString("en")} and over ${w.stack10kCount.toLocaleString("en")} resources of the same mix (outputs, update
  shape, with parents, dependencies and property dependencies).
- **Memory**: VmHWM (peak resident set size) of the pack's process from \`/proc/<pid>/status\`,
  after the cold start and at the end of the run (after AnalyzeStack over 10,000 resources).
- Requests are serialized once up front and sent as bytes on the engine's gRPC client, so the
  engine side's encoding (Go in the CLI) is not counted; the round trip on 127.0.0.1 is.
`;
}

// ---- main ------------------------------------------------------------------------------------

function sameDependencies(): string {
    const a = resolveRunner(ROOT);
    const b = resolveRunner(REFERENCE);
    const pa = require.resolve("@pulumi/policy", { paths: [ROOT] });
    const pb = require.resolve("@pulumi/policy", { paths: [REFERENCE] });
    if (fs.realpathSync(a) !== fs.realpathSync(b) || fs.realpathSync(pa) !== fs.realpathSync(pb)) {
        throw new Error(`the reference pack resolves other dependencies than the pack: ${b} / ${pb} vs ${a} / ${pa}`);
    }
    const v = (p: string) => JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", p, "package.json"), "utf8")).version;
    return `the same \`@pulumi/policy\` ${v("@pulumi/policy")} and \`@pulumi/pulumi\` ${v("@pulumi/pulumi")}, resolved from the project's node_modules`;
}

async function profile(dir: string, w: Workload, only?: string, packDir = ROOT): Promise<void> {
    fs.mkdirSync(dir, { recursive: true });
    const hook = path.join(ROOT, "bench", "profile-exit.js");
    const phases: [string, (e: Engine) => Promise<void>][] = [
        ["cold-start", async () => undefined],
        ["analyze", async e => {
            for (let pass = 0; pass < 5; pass++) {
                for (const b of w.analyze) {
                    await raw(e, "remediate", b);
                    await raw(e, "analyze", b);
                }
            }
        }],
        ["analyze-stack", async e => {
            await raw(e, "analyzeStack", w.stack10k);
            await raw(e, "analyzeStack", w.stack10k);
        }],
    ];
    for (const [name, body] of phases) {
        if (only && !only.split(",").includes(name)) continue;
        const out = path.join(dir, name);
        fs.rmSync(out, { recursive: true, force: true });
        const { engine } = await runPack(packDir, w, { env: { NODE_OPTIONS: `--require ${hook}`, PROFILE_DIR: out, PROFILE_INTERVAL_US: "200" } }, { analyze: false, stack: false });
        await body(engine);
        // SIGTERM: the hook exits normally so that V8 writes the profile (SIGKILL would lose it).
        const exited = new Promise<void>(resolve => engine.proc.once("exit", () => resolve()));
        engine.proc.kill("SIGTERM");
        await exited;
        engine.client.close();
        const file = fs.readdirSync(out).find(f => f.endsWith(".cpuprofile"));
        if (!file) throw new Error(`no profile written in ${out}`);
        console.log(`\n=== ${name}: ${path.join(out, file)}`);
        console.log(summarize(path.join(out, file), { skipStartupMs: name === "cold-start" ? 0 : undefined }));
    }
}

async function main(): Promise<void> {
    const args = process.argv.slice(2);
    const runsAt = args.indexOf("--runs");
    const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 5;
    const write = !args.includes("--no-write");
    const profAt = args.indexOf("--profile");
    const started = performance.now();
    const loadAtStart = [os.loadavg()[0].toFixed(2)];

    const sameDeps = sameDependencies();
    if (!fs.existsSync(path.join(ROOT, "bin", "index.js"))) {
        throw new Error("bin/index.js is missing: build the pack first (npm run build)");
    }
    process.stdout.write("preparing the stacks... ");
    const w = prepare();
    console.log(`${w.resources.length} resources (mixed), AnalyzeStack requests ${(w.stack1k.byteLength / 2 ** 20).toFixed(1)} MiB and ${(w.stack10k.byteLength / 2 ** 20).toFixed(1)} MiB`);

    if (profAt >= 0) {
        const dir = args[profAt + 1] && !args[profAt + 1].startsWith("--") ? path.resolve(args[profAt + 1]) : path.join(ROOT, ".bench", "profiles");
        await profile(dir, w, args.includes("--phases") ? args[args.indexOf("--phases") + 1] : undefined, args.includes("--reference") ? REFERENCE : ROOT);
        return;
    }

    const all: Runs = { main: [], before: [], floor: [], ref: [], paired: [] };
    const packs: [string, string, LaunchOptions, PackRun[]][] = [
        ["reference", REFERENCE, {}, all.ref],
        ["pack     ", ROOT, {}, all.main],
        ["floor-85 ", FLOOR, {}, all.floor],
        ["SDK path ", ROOT, SDK_PATH, all.before],
    ];
    for (let i = 0; i < runs; i++) {
        for (let k = 0; k < packs.length; k++) {
            const [label, dir, opts, into] = packs[(i + k) % packs.length];
            const { run, engine } = await runPack(dir, w, opts);
            await engine.close();
            into.push(run);
            console.log(`run ${i + 1}/${runs} ${label}: cold start ${run.coldStartMs.toFixed(0)} ms, Analyze median ${median(run.analyzeMs).toFixed(2)} ms p99 ${quantile(run.analyzeMs, 0.99).toFixed(2)} ms, ` +
                `AnalyzeStack 1k ${run.stack1kMs.toFixed(0)} ms 10k ${run.stack10kMs.toFixed(0)} ms, peak ${(run.peakHwmKb / 1024).toFixed(0)} MiB`);
        }
        const p = await paired(w);
        all.paired.push(p);
        console.log(`run ${i + 1}/${runs} paired   : cold start ${median(p.coldMain).toFixed(0)} vs ${median(p.coldRef).toFixed(0)} ms, Analyze median ${median(p.analyzeMain).toFixed(2)} vs ${median(p.analyzeRef).toFixed(2)} ms, p99 ${quantile(p.analyzeMain, 0.99).toFixed(2)} vs ${quantile(p.analyzeRef, 0.99).toFixed(2)} ms`);
    }
    const rs = rows(all);
    const seconds = (performance.now() - started) / 1000;
    console.log(`\n${table(rs)}\n`);
    for (const [k, v] of Object.entries(machine())) console.log(`${k}: ${v}`);
    console.log(`load average (1 min) at start / end: ${loadAtStart[0]} / ${os.loadavg()[0].toFixed(2)}`);
    console.log(`wall time: ${seconds.toFixed(0)} s`);
    if (write) {
        const file = path.join(ROOT, "docs", "benchmarks.md");
        // The "Memory at scale" section (npm run bench:memory) is kept as it is.
        const kept = fs.existsSync(file) ? memorySection(fs.readFileSync(file, "utf8")) : "";
        fs.writeFileSync(file, markdown(rs, all, w, runs, seconds, sameDeps, loadAtStart).trimEnd() + "\n" + kept);
        console.log(`wrote ${path.relative(ROOT, file)}`);
    }
    const missed = rs.filter(r => r.target !== undefined && r.main / r.ref > r.target);
    if (missed.length) {
        console.log(`targets missed: ${missed.map(r => r.label).join("; ")} (npm run bench -- --profile shows where the time goes)`);
    }
}

if (require.main === module) {
    main().catch(e => {
        console.error(e instanceof Error ? e.stack : e);
        process.exit(1);
    });
}
