// A full garbage collection on demand, for the few places where a big request leaves a large
// heap of short-lived garbage behind one step (each stack policy of a 100,000-resource
// AnalyzeStack). The CLI starts the pack without --expose-gc and PulumiPolicy.yaml nodeargs never
// reach node (PROTOCOL.md), so the flag is set at run time and the function taken from a fresh
// context; where that is refused, nothing happens.

import * as v8 from "v8";
import * as vm from "vm";

let gc: (() => void) | null | undefined;

export function collectGarbage(): void {
    if (gc === undefined) {
        try {
            v8.setFlagsFromString("--expose-gc");
            const fn = vm.runInNewContext("gc") as unknown;
            gc = typeof fn === "function" ? (fn as () => void) : null;
        } catch {
            gc = null;
        }
    }
    gc?.();
}

/** Whether collectGarbage() really collects on this Node.js (the run-time flag was accepted). */
export function gcAvailable(): boolean {
    if (gc === undefined) collectGarbage();
    return gc !== null;
}
