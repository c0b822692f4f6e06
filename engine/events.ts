// The engine events of a run, as the Pulumi CLI writes them:
//
// - `pulumi preview --event-log <file>` / `pulumi up --event-log <file>`: every event, one JSON
//   object per line (pkg/backend/display/display.go startEventLogger: json.Encoder with HTML
//   escaping off), sequence from 0 (stampEvents), converted by display.ConvertEngineEvent.
//   Policy violation messages are `<{%reset%}>` + message + `<{%reset%}>\n` with color "raw"
//   (pkg/engine/events.go policyViolationEvent).
// - `pulumi policy analyze --json`: policy violation and remediation events, then a summary
//   event, one JSON object per line on stdout, through a json.Encoder that escapes <, > and &
//   (pkg/cmd/pulumi/policy/policy_analyze.go analyzeEvents): the message as the pack wrote it,
//   color "". The summary callbacks are no-ops there, so no policy summary events.
//
// Field names are those of sdk/go/common/apitype/events.go (EngineEvent, PolicyEvent,
// PolicyRemediationEvent, PolicyAnalyzeSummaryEvent, ResourcePreEvent, StepEventMetadata,
// SummaryEvent). Per resource the order is the step generator's: Remediate (remediation events,
// remediate summary), Analyze (violations, analyze summary), then the resource's step; stack
// policy violations and their summary come at the end (step_generator.go).

import { AnalyzerInfo, EngineResource, RunResult, Violation } from "./engine";
import { encode, SIG_KEY, SECRET_SIG, UNKNOWN_SENTINEL } from "./wire";

export type EngineEvent = Record<string, unknown> & { sequence: number; timestamp: number };

export interface EventOptions {
    /** Unix seconds stamped on every event (the CLI stamps the wall clock). */
    timestamp?: number;
    /** Stack config as the prelude event shows it (`project:key` -> value). */
    config?: Record<string, string>;
}

const RESET = "<{%reset%}>";

/** Secrets as the display's conversion shows them (BlindingCrypter): the ciphertext "[secret]". */
function blind(v: unknown): unknown {
    if (Array.isArray(v)) return v.map(blind);
    if (typeof v === "object" && v !== null) {
        const o = v as Record<string, unknown>;
        if (o[SIG_KEY] === SECRET_SIG) return { [SIG_KEY]: SECRET_SIG, ciphertext: "[secret]" };
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(o)) out[k] = blind(x);
        return out;
    }
    return v;
}

function props(v: Record<string, unknown> | undefined): Record<string, unknown> {
    return blind(encode(v ?? {})) as Record<string, unknown>;
}

function isCustom(r: EngineResource): boolean {
    return r.type.startsWith("pulumi:providers:") || (r.type !== "pulumi:pulumi:Stack" && r.provider !== undefined);
}

function policyEvent(v: Violation, analyze: boolean): Record<string, unknown> {
    const e: Record<string, unknown> = {};
    if (v.urn) e.resourceUrn = v.urn;
    e.message = analyze ? v.message : `${RESET}${v.message}${RESET}\n`;
    e.color = analyze ? "" : "raw";
    e.policyName = v.policyName;
    e.policyPackName = v.policyPackName;
    e.policyPackVersion = v.policyPackVersion;
    e.policyPackVersionTag = v.policyPackVersion;
    e.enforcementLevel = v.enforcementLevel;
    if (v.severity) e.severity = v.severity;
    return { policyEvent: e };
}

/** apitype.PolicyAnalyzeSummaryEvent's passed/failed (pkg/resource/analyzer/summary.go newPolicySummary). */
function summary(info: AnalyzerInfo, type: "resource" | "stack", failedNames: string[], notApplicable: string[]): { passed?: string[]; failed?: string[] } {
    const failed = new Set(failedNames);
    const na = new Set(notApplicable);
    const passed = info.policies
        .filter(p => (p.policyType === type || p.policyType === "unknown") && p.enforcementLevel !== "disabled" && !failed.has(p.name) && !na.has(p.name))
        .map(p => p.name)
        .sort();
    const out: { passed?: string[]; failed?: string[] } = {};
    if (passed.length) out.passed = passed;
    if (failed.size) out.failed = [...failed].sort();
    return out;
}

function stepMetadata(r: EngineResource, inputs: Record<string, unknown>, outputs: Record<string, unknown>, id: string): Record<string, unknown> {
    const provider = r.provider ? `${r.provider.urn}::${id ? "" : UNKNOWN_SENTINEL}` : "";
    const state: Record<string, unknown> = { type: r.type, urn: r.urn };
    if (isCustom(r)) state.custom = true;
    state.id = id;
    state.parent = r.parent ?? "";
    if (r.protect) state.protect = true;
    state.inputs = props(inputs);
    state.outputs = props(outputs);
    state.provider = provider;
    return { op: "create", urn: r.urn, type: r.type, old: null, new: state, detailedDiff: null, provider };
}

/**
 * The events the CLI logs for a run of one pack. `run.mode` picks the form: preview and update
 * write the `--event-log` stream, analyze the `pulumi policy analyze --json` stream.
 */
export function engineEvents(info: AnalyzerInfo, run: RunResult, opts: EventOptions = {}): EngineEvent[] {
    const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
    const out: EngineEvent[] = [];
    const push = (e: Record<string, unknown>) => out.push({ sequence: out.length, timestamp, ...e });
    const pack = { policyPackName: info.name, policyPackVersion: info.version, policyPackVersionTag: info.version };
    const analyze = run.mode === "analyze";
    const remediatedBy = new Map<string, Set<string>>();
    for (const r of run.remediated) {
        if (!remediatedBy.has(r.urn)) remediatedBy.set(r.urn, new Set());
        remediatedBy.get(r.urn)!.add(r.policyName);
    }
    // Violations in emission order, grouped by the resource whose Analyze or Remediate made them.
    const byResource = new Map<string, Violation[]>();
    const stackViolations: Violation[] = [];
    let perResourceCount = 0;
    for (const x of run.resources) perResourceCount += x.diagnostics.length + x.remediations.filter(m => m.diagnostic).length;
    run.violations.forEach((v, i) => {
        if (i >= perResourceCount) stackViolations.push(v);
        else {
            if (!byResource.has(v.urn)) byResource.set(v.urn, []);
            byResource.get(v.urn)!.push(v);
        }
    });
    if (!analyze) push({ preludeEvent: { config: opts.config ?? {} } });
    let creates = 0;
    for (const x of run.resources) {
        const r = x.resource;
        let inputs = r.inputs;
        for (const m of x.remediations) {
            if (m.diagnostic || !m.properties) continue;
            push({ policyRemediationEvent: { resourceUrn: r.urn, color: analyze ? "" : "raw", policyName: m.policyName, ...pack, before: props(inputs), after: props(m.properties) } });
            if (!analyze) inputs = m.properties;
        }
        const vs = byResource.get(r.urn) ?? [];
        const fromRemediate = vs.slice(0, x.remediations.filter(m => m.diagnostic).length);
        for (const v of fromRemediate) push(policyEvent(v, analyze));
        if (!analyze) {
            push({ policyRemediateSummaryEvent: { resourceUrn: r.urn, ...pack, ...summary(info, "resource", x.remediations.map(m => m.policyName), x.notApplicable.map(n => n.policyName)) } });
        }
        for (const v of vs.slice(fromRemediate.length)) push(policyEvent(v, analyze));
        if (!analyze) {
            push({ policyAnalyzeSummaryEvent: { resourceUrn: r.urn, ...pack, ...summary(info, "resource", x.diagnostics.map(d => d.policyName), x.notApplicable.map(n => n.policyName)) } });
            if (!(run.mode === "update" && x.diagnostics.some(d => d.enforcementLevel === "mandatory"))) {
                const id = run.mode === "update" && isCustom(r) ? String((r.outputs ?? {}).id ?? "") : "";
                push({ resourcePreEvent: { metadata: stepMetadata(r, inputs, run.mode === "update" ? r.outputs ?? inputs : {}, id), ...(run.mode === "preview" ? { planning: true } : {}) } });
                if (run.mode === "update") push({ resOutputsEvent: { metadata: stepMetadata(r, inputs, r.outputs ?? inputs, id) } });
                creates++;
            }
        }
    }
    for (const v of stackViolations) push(policyEvent(v, analyze));
    if (run.stack && !analyze) {
        push({ policyAnalyzeStackSummaryEvent: { ...pack, ...summary(info, "stack", run.stack.diagnostics.map(d => d.policyName), run.stack.notApplicable.map(n => n.policyName)) } });
    }
    push({
        summaryEvent: {
            maybeCorrupt: false,
            durationSeconds: 0,
            resourceChanges: analyze ? null : { create: creates },
            PolicyPacks: { [info.name]: analyze ? info.version : `v${info.version}` },
            isPreview: run.mode === "preview",
            result: run.failed ? "failed" : "succeeded",
        },
    });
    return out;
}

/** Go's json.Encoder with HTML escaping on (the default): <, > and & as \u003c, \u003e, \u0026; U+2028/9 too. */
function goEscape(json: string): string {
    return json.replace(/[<>&\u2028\u2029]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** The events as the CLI writes them: one JSON object per line (analyze --json escapes HTML characters). */
export function formatEvents(events: EngineEvent[], mode: RunResult["mode"]): string {
    return events.map(e => (mode === "analyze" ? goEscape(JSON.stringify(e)) : JSON.stringify(e)) + "\n").join("");
}
