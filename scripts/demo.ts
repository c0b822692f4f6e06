// npm run demo: build the pack if needed, launch it exactly as the Pulumi CLI does, and
// run stacks through it as the CLI would, printing the "Policies:" section as the CLI does
// (engine/display.ts) and exiting non-zero when the CLI would fail.
//
//   npm run demo                                   every bundled example, as `pulumi preview`
//   npm run demo -- --update                       as `pulumi up` (stops at the first mandatory violation)
//   npm run demo -- --config config.json a.json    your own recording(s) (npm run record) and pack config
//   npm run demo -- --state export.json            a `pulumi stack export` file, as
//                                                  `pulumi policy analyze --policy-pack . --file export.json`
//   npm run demo -- --event-log events.json ...    also write the run's engine events as
//                                                  `pulumi preview/up --event-log` does (one stack)
//   npm run demo -- --state export.json --json     print the events as `pulumi policy analyze --json` does
//
// Relative paths are taken from the directory you ran npm in.

import { execSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { projectRoot } from "./root";
import { Engine, EngineResource, RunMode, RunResult } from "../engine/engine";
import { ConfigError } from "../engine/config";
import { renderPolicies } from "../engine/display";
import { engineEvents, formatEvents } from "../engine/events";
import { readStackExport } from "../engine/state";
import { PREVIEW_NOTE_PREFIX } from "../engine/notes";
import { examples, RecordedStack, recordingPath } from "./record";

const ROOT = projectRoot();

function newest(dir: string, ext: string): number {
    let t = 0;
    if (!fs.existsSync(dir)) return t;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) t = Math.max(t, newest(p, ext));
        else if (e.name.endsWith(ext)) t = Math.max(t, fs.statSync(p).mtimeMs);
    }
    return t;
}

export function buildIfNeeded(): void {
    const out = path.join(ROOT, "bin", "index.js");
    const src = Math.max(newest(path.join(ROOT, "policies"), ".ts"), newest(path.join(ROOT, "lib"), ".ts"), fs.statSync(path.join(ROOT, "index.ts")).mtimeMs);
    if (!fs.existsSync(out) || fs.statSync(out).mtimeMs < src) {
        console.log("building the pack (npm run build)...");
        execSync("npm run build --silent", { cwd: ROOT, stdio: "inherit" });
    }
}

/** The directory the user ran `npm run` in (npm changes to the package root). */
export function callerDir(): string {
    return process.env.INIT_CWD || process.cwd();
}

export function toEngine(r: RecordedStack["resources"][number]): EngineResource {
    return {
        type: r.type,
        name: r.name,
        urn: r.urn,
        inputs: r.inputs,
        outputs: r.outputs,
        parent: r.parent,
        dependencies: r.dependencies,
        propertyDependencies: r.propertyDependencies,
        provider: r.provider,
        protect: r.protect,
    };
}

interface Target {
    label: string;
    project: string;
    stack: string;
    mode: RunMode;
    resources: EngineResource[];
}

export interface DemoOptions {
    config?: unknown;
    /** The --policy-pack path as the user would give it (shown as "(local: ...)"). */
    local?: string;
    stackTags?: Record<string, string>;
}

/** One stack through a fresh pack process; returns the printed text and the run. */
export async function demoStack(t: Target, opts: DemoOptions = {}): Promise<{ text: string; run?: RunResult; events?: string; failed: boolean }> {
    const engine = await Engine.launch(ROOT, { dryRun: t.mode !== "update", project: t.project, stack: t.stack, stackTags: opts.stackTags });
    const onInt = () => {
        void engine.cancel().finally(() => engine.close().then(() => process.exit(130)));
    };
    process.once("SIGINT", onInt);
    const out: string[] = [];
    try {
        const info = await engine.analyzerInfo();
        const command = t.mode === "preview" ? "pulumi preview" : t.mode === "update" ? "pulumi up" : "pulumi policy analyze";
        out.push(`${t.label} (${command}): ${t.resources.length} resources`);
        try {
            await engine.configure(opts.config as Record<string, unknown> | undefined);
        } catch (e) {
            if (!(e instanceof ConfigError)) throw e;
            for (const l of e.lines) out.push(`error: ${l}`);
            out.push(`error: ${e.lines.length ? "validating policy config" : e.message}`);
            return { text: out.join("\n"), failed: true };
        }
        const run = await engine.run(t.resources, t.mode);
        // The CLI shows the --policy-pack path as given; here, the pack's path from the caller's directory.
        out.push(renderPolicies({ name: info.name, version: info.version, local: opts.local ?? (path.relative(callerDir(), ROOT) || ".") }, run));
        const violations = run.violations.filter(v => !v.message.startsWith(PREVIEW_NOTE_PREFIX));
        const notes = run.violations.length - violations.length;
        const mandatory = violations.filter(v => v.enforcementLevel === "mandatory").length;
        const analyzed = run.resources.length;
        out.push(
            `Summary (not printed by the CLI): ${violations.length} violation${violations.length === 1 ? "" : "s"} (${mandatory} mandatory), ` +
                `${notes} "can't run policy" note${notes === 1 ? "" : "s"}, ${analyzed} of ${t.resources.length} resources analyzed` +
                (run.stack ? ", stack policies run" : ", stack policies skipped"),
        );
        if (run.failed) out.push(`error: ${run.error}`);
        return { text: out.join("\n"), run, events: formatEvents(engineEvents(info, run), run.mode), failed: run.failed };
    } finally {
        process.removeListener("SIGINT", onInt);
        await engine.close();
    }
}

function parseArgs(argv: string[]): { update: boolean; json: boolean; eventLog?: string; config?: string; states: string[]; files: string[] } {
    const res = { update: false, json: false, eventLog: undefined as string | undefined, config: undefined as string | undefined, states: [] as string[], files: [] as string[] };
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        if (a === "--update") res.update = true;
        else if (a === "--config") res.config = argv[++i];
        else if (a === "--state") res.states.push(argv[++i]);
        else if (a === "--event-log") res.eventLog = argv[++i];
        else if (a === "--json") res.json = true;
        else if (a.startsWith("--")) throw new Error(`unknown option ${a} (see the header of scripts/demo.ts)`);
        else res.files.push(a);
    }
    if (res.config === undefined && argv.includes("--config")) throw new Error("--config needs a file");
    if (res.eventLog === undefined && argv.includes("--event-log")) throw new Error("--event-log needs a file");
    if (res.json && (res.states.length !== 1 || res.files.length)) throw new Error("--json prints the events of one `pulumi policy analyze`: give exactly one --state file");
    if (res.eventLog !== undefined && res.states.length + res.files.length !== 1) throw new Error("--event-log writes the events of one stack: give exactly one recording or --state file");
    return res;
}

function readJson(file: string): unknown {
    const p = path.resolve(callerDir(), file);
    if (!fs.existsSync(p)) throw new Error(`${file}: no such file (relative paths are taken from ${callerDir()})`);
    try {
        return JSON.parse(fs.readFileSync(p, "utf8"));
    } catch (e) {
        throw new Error(`${file}: not JSON: ${(e as Error).message}`);
    }
}

async function main(): Promise<number> {
    const args = parseArgs(process.argv.slice(2));
    const config = args.config ? readJson(args.config) : undefined;
    const targets: Target[] = [];
    for (const f of args.states) {
        const s = readStackExport(readJson(f));
        if (s.redacted) console.error(`warning: could not decrypt secrets in ${f}; analyzing with secret values redacted`);
        targets.push({ label: `${s.project}/${s.stack} (${f})`, project: s.project, stack: s.stack, mode: "analyze", resources: s.resources });
    }
    for (const f of args.files) {
        const s = readJson(f) as RecordedStack;
        if (!s || !Array.isArray(s.resources)) throw new Error(`${f}: not a recording (npm run record writes them; for a stack export use --state)`);
        targets.push({ label: s.project, project: s.project, stack: s.stack, mode: s.mode === "update" ? "update" : "preview", resources: s.resources.map(toEngine) });
    }
    if (targets.length === 0) {
        for (const d of examples()) {
            const s = JSON.parse(fs.readFileSync(recordingPath(d, args.update ? "update" : "preview"), "utf8")) as RecordedStack;
            targets.push({ label: s.project, project: s.project, stack: s.stack, mode: args.update ? "update" : "preview", resources: s.resources.map(toEngine) });
        }
    }
    // The bundled examples are a showcase: the insecure ones are meant to fail, so that run exits
    // non-zero only when a hardened example would fail (the pack would then be wrong). Stacks the
    // user names exit as the CLI would.
    const bundled = args.files.length === 0 && targets.every(t => t.mode !== "analyze");
    buildIfNeeded();
    let failed = 0;
    let hardenedFailed = 0;
    for (const t of targets) {
        const r = await demoStack(t, { config });
        if (args.json) process.stdout.write(r.events ?? "");
        else console.log(`\n${r.text}`);
        if (args.eventLog !== undefined && r.events !== undefined) fs.writeFileSync(path.resolve(callerDir(), args.eventLog), r.events);
        if (r.failed) failed++;
        if (r.failed && t.label.endsWith("-hardened")) hardenedFailed++;
    }
    if (!args.json) console.log(`\n${targets.length} stack${targets.length === 1 ? "" : "s"} checked; ${failed} would fail under the Pulumi CLI.`);
    return (bundled ? hardenedFailed : failed) ? 1 : 0;
}

if (require.main === module) {
    main().then(
        code => process.exit(code),
        e => {
            console.error(`error: ${e instanceof Error ? e.message : e}`);
            process.exit(1);
        },
    );
}
