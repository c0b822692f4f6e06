import * as fs from "node:fs";
import * as path from "node:path";
import { Engine, EngineResource, LaunchOptions } from "../../engine/engine";
import { RecordedStack, recordingPath } from "../../scripts/record";
import { toEngine } from "../../scripts/demo";

export const ROOT = path.resolve(__dirname, "..", "..", "..");

/** Launch the built pack (npm test builds it first) as the Pulumi CLI does. */
export function launch(opts: LaunchOptions = {}, dir = ROOT): Promise<Engine> {
    return Engine.launch(dir, opts);
}

export function recorded(example: string, mode: "preview" | "update"): EngineResource[] {
    const s = JSON.parse(fs.readFileSync(recordingPath(path.join(ROOT, "examples", example), mode), "utf8")) as RecordedStack;
    return s.resources.map(toEngine);
}

export const PREVIEW_NOTE = /^can't run policy '[a-z0-9-]+' from policy pack 'aks-security-baseline@v[^']+' during preview: /;
