import { spawnSync, SpawnSyncReturns } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { Engine, EngineResource, LaunchOptions } from "../../engine/engine";
import { RecordedStack, recordingPath } from "../../scripts/record";
import { toEngine } from "../../scripts/demo";

export const ROOT = path.resolve(__dirname, "..", "..", "..");

/**
 * The day the end-to-end specs run on: aks-kubernetes-version-supported judges versions by AKS's
 * release calendar on the day of the run, and the recorded examples must not change verdict as
 * the calendar moves on. Every pack these specs launch inherits it.
 */
export const SPEC_DAY = "2026-12-02";
process.env.AKS_SECURITY_BASELINE_TODAY = SPEC_DAY;

/** Launch the built pack (npm test builds it first) as the Pulumi CLI does. */
export function launch(opts: LaunchOptions = {}, dir = ROOT): Promise<Engine> {
    return Engine.launch(dir, opts);
}

/**
 * Run `scripts/<name>` as `npm run <name> -- ...args` does from the directory `cwd` (npm hands
 * the caller's directory over as INIT_CWD). By default its compiled twin, `.build/scripts/<name>.js`,
 * built from the same sources by the spec build (a tenth of the CPU: nothing is transpiled while it
 * loads); `asNpmRuns`: exactly package.json's command line, `node -r ./scripts/ts.js scripts/<name>.ts`,
 * which one spec per script keeps. `record` runs example programs (TypeScript): the hook stays.
 */
export function runScript(name: "demo" | "record" | "check-config", args: string[], opts: { cwd?: string; asNpmRuns?: boolean } = {}): SpawnSyncReturns<string> {
    const hook = ["-r", path.join(ROOT, "scripts", "ts.js")];
    const argv = opts.asNpmRuns
        ? [...hook, path.join(ROOT, "scripts", `${name}.ts`)]
        : [...(name === "record" ? hook : []), path.join(ROOT, ".build", "scripts", `${name}.js`)];
    return spawnSync(process.execPath, [...argv, ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, INIT_CWD: opts.cwd ?? ROOT } });
}

export function recorded(example: string, mode: "preview" | "update"): EngineResource[] {
    const s = JSON.parse(fs.readFileSync(recordingPath(path.join(ROOT, "examples", example), mode), "utf8")) as RecordedStack;
    return s.resources.map(toEngine);
}

export const PREVIEW_NOTE = /^can't run policy '[a-z0-9-]+' from policy pack 'aks-security-baseline@v[^']+' during preview: /;
