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

export function recorded(example: string, mode: "preview" | "update"): EngineResource[] {
    const s = JSON.parse(fs.readFileSync(recordingPath(path.join(ROOT, "examples", example), mode), "utf8")) as RecordedStack;
    return s.resources.map(toEngine);
}

export const PREVIEW_NOTE = /^can't run policy '[a-z0-9-]+' from policy pack 'aks-security-baseline@v[^']+' during preview: /;
