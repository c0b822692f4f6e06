// Findings where CI users look: the Pulumi CLI's own engine events (`pulumi preview
// --event-log <file>`, `pulumi up --event-log <file>`, `pulumi policy analyze ... --json`, or the
// Pulumi Cloud events API's `{"events": [...]}`) turned into SARIF 2.1.0, JSON, JUnit XML or
// the CLI's text, with each finding joined to its resource and, given a `pulumi stack export`,
// to the line of the program that declared it.
//
// Event fields: sdk/go/common/apitype/events.go. Violation messages in an event log carry the
// CLI's color directives (`<{%reset%}>`); they are removed. The policy SDK's advisory
// "can't run policy ... during preview" diagnostic is a note, not a finding: it never becomes a
// SARIF result or a JUnit failure, and never fails the report.

import { createHash } from "crypto";
import * as path from "path";
import { sortViolations, typeDisplayName, urnParts, violationLines } from "./cli-display";

export type Format = "sarif" | "json" | "junit" | "text";

/** What a pack's own metadata says of one policy (SARIF rules, JSON controls). */
export interface RuleInfo {
    name: string;
    displayName?: string;
    description?: string;
    severity?: string;
    enforcementLevel?: string;
    tags?: string[];
    remediationSteps?: string;
    url?: string;
}

export interface PackInfo {
    name: string;
    version?: string;
    informationUri?: string;
    policies: RuleInfo[];
}

export interface SourceLocation {
    /** The engine's form: `project:///index.ts#12,5`. */
    uri: string;
    /** The file, relative to the repository root (forward slashes); undefined when outside it. */
    file?: string;
    line: number;
    column?: number;
}

export interface Finding {
    kind: "violation" | "note";
    policy: string;
    pack: string;
    version: string;
    level: string;
    severity: string;
    /** The message as the CLI shows it (the policy SDK puts the policy's description first). */
    message: string;
    /** The message without the policy's description, when the pack's metadata is known. */
    detail: string;
    urn: string;
    type: string;
    name: string;
    controls: string[];
    source?: SourceLocation;
}

export interface Remediation {
    policy: string;
    pack: string;
    version: string;
    urn: string;
    type: string;
    name: string;
}

/** One policy checked against one resource (the root stack for stack policies), from the CLI's policy summary events. */
export interface Check {
    pack: string;
    version: string;
    policy: string;
    urn: string;
    passed: boolean;
}

export interface Report {
    findings: Finding[];
    notes: Finding[];
    remediations: Remediation[];
    checks: Check[];
    packs: { name: string; version: string }[];
    /** Where a resource was declared is known (a stack export was given). */
    positions: boolean;
}

export class ReportError extends Error {}

/** The policy SDK's advisory note for a value unknown during preview (@pulumi/policy server.js). */
const PREVIEW_NOTE = /^can't run (?:policy|remediation) '[^']+' from policy pack '[^']+' during preview: /;
const COLOR = /<\{%[^%]*%\}>/g;

/** Parse an event stream: JSON lines, a JSON array, or `{"events": [...]}`. */
export function parseEvents(text: string, what = "events"): Record<string, unknown>[] {
    const t = text.trim();
    if (t === "") return [];
    if (t.startsWith("[") || (t.startsWith("{") && !t.includes("\n"))) {
        try {
            const doc = JSON.parse(t) as unknown;
            if (Array.isArray(doc)) return doc as Record<string, unknown>[];
            if (doc && typeof doc === "object" && Array.isArray((doc as { events?: unknown }).events)) return (doc as { events: Record<string, unknown>[] }).events;
            if (doc && typeof doc === "object") return [doc as Record<string, unknown>];
        } catch {
            // fall through to JSON lines
        }
    }
    const out: Record<string, unknown>[] = [];
    const lines = t.split("\n");
    for (let i = 0; i < lines.length; i++) {
        const l = lines[i].trim();
        if (!l) continue;
        let e: unknown;
        try {
            e = JSON.parse(l);
        } catch {
            // A partly written last line (the CLI was killed mid-write) is skipped; anything else is an error.
            if (i === lines.length - 1 && out.length) continue;
            throw new ReportError(`${what}, line ${i + 1}: not a JSON engine event (pulumi preview --event-log <file> or pulumi policy analyze --json writes them)`);
        }
        if (e && typeof e === "object" && !Array.isArray(e)) out.push(e as Record<string, unknown>);
    }
    return out;
}

/** urn -> sourcePosition (and type) from a `pulumi stack export` document. */
export function statePositions(doc: unknown): Map<string, { type?: string; sourcePosition?: string }> {
    const d = doc as { deployment?: { resources?: unknown } };
    const resources = d && typeof d === "object" && d.deployment && typeof d.deployment === "object" ? d.deployment.resources : undefined;
    if (!Array.isArray(resources)) throw new ReportError('not a `pulumi stack export` file: no "deployment.resources" array');
    const out = new Map<string, { type?: string; sourcePosition?: string }>();
    for (const r of resources as Record<string, unknown>[]) {
        if (!r || typeof r.urn !== "string") continue;
        out.set(r.urn, { type: typeof r.type === "string" ? r.type : undefined, sourcePosition: typeof r.sourcePosition === "string" ? r.sourcePosition : undefined });
    }
    return out;
}

/**
 * `project:///index.ts#12,5` as a location relative to the repository root. `projectDir` is the
 * Pulumi project's directory relative to the repository root ("" for the root itself).
 */
export function sourceLocation(pos: string, projectDir: string): SourceLocation | undefined {
    const m = /^project:\/\/\/([^#]*)#(\d+)(?:,(\d+))?$/.exec(pos);
    if (!m) return undefined;
    let rel: string;
    try {
        rel = decodeURIComponent(m[1]);
    } catch {
        return undefined;
    }
    const joined = path.posix.normalize(path.posix.join(projectDir.split(path.sep).join("/") || ".", rel));
    const line = Number(m[2]);
    if (!(line >= 1)) return undefined;
    const loc: SourceLocation = { uri: pos, line };
    if (m[3] && Number(m[3]) >= 1) loc.column = Number(m[3]);
    if (!joined.startsWith("../") && joined !== ".." && !path.posix.isAbsolute(joined)) loc.file = joined;
    return loc;
}

function str(v: unknown): string {
    return typeof v === "string" ? v : "";
}

export interface BuildOptions {
    /** A `pulumi stack export` document: where each resource was declared. */
    state?: unknown;
    /** The Pulumi project's directory relative to the repository root. */
    projectDir?: string;
    /** Packs whose own metadata is known (controls, rules). */
    packs?: PackInfo[];
}

/** Join the policy events of an event stream to their resources. */
export function buildReport(events: Record<string, unknown>[], opts: BuildOptions = {}): Report {
    const types = new Map<string, string>();
    const positions = opts.state !== undefined ? statePositions(opts.state) : new Map<string, { type?: string; sourcePosition?: string }>();
    for (const [urn, p] of positions) if (p.type) types.set(urn, p.type);
    for (const e of events) {
        const md = ((e.resourcePreEvent ?? e.resOutputsEvent) as { metadata?: { urn?: unknown; type?: unknown } } | undefined)?.metadata;
        if (md && typeof md.urn === "string" && typeof md.type === "string") types.set(md.urn, md.type);
    }
    const known = new Map((opts.packs ?? []).map(p => [p.name, new Map(p.policies.map(r => [r.name, r]))]));
    const resource = (urn: string) => {
        const u = urnParts(urn);
        return { urn, type: types.get(urn) ?? u?.type ?? "", name: u?.name ?? urn };
    };
    const packs = new Map<string, string>();
    const findings: Finding[] = [];
    const notes: Finding[] = [];
    const remediations: Remediation[] = [];
    const checks: Check[] = [];
    let root = "";
    for (const e of events) {
        const md = (e.resourcePreEvent as { metadata?: { urn?: unknown; type?: unknown } } | undefined)?.metadata;
        if (!root && md && md.type === "pulumi:pulumi:Stack") root = str(md.urn);
    }
    for (const e of events) {
        const p = e.policyEvent as Record<string, unknown> | undefined;
        const rem = e.policyRemediationEvent as Record<string, unknown> | undefined;
        const sum = (e.policyAnalyzeSummaryEvent ?? e.policyAnalyzeStackSummaryEvent) as Record<string, unknown> | undefined;
        if (p && typeof p === "object") {
            const pack = str(p.policyPackName);
            const version = str(p.policyPackVersion);
            packs.set(pack, version);
            const urn = str(p.resourceUrn);
            const message = str(p.message).replace(COLOR, "").replace(/\n+$/, "");
            const rule = known.get(pack)?.get(str(p.policyName));
            const pos = positions.get(urn)?.sourcePosition;
            const f: Finding = {
                kind: PREVIEW_NOTE.test(message) ? "note" : "violation",
                policy: str(p.policyName),
                pack,
                version,
                level: str(p.enforcementLevel),
                severity: str(p.severity),
                message,
                detail: rule?.description && message.startsWith(`${rule.description}\n`) ? message.slice(rule.description.length + 1) : message,
                ...resource(urn),
                controls: (rule?.tags ?? []).filter(t => t.startsWith("baseline:")).map(t => t.slice("baseline:".length)),
            };
            const loc = pos ? sourceLocation(pos, opts.projectDir ?? "") : undefined;
            if (loc) f.source = loc;
            (f.kind === "note" ? notes : findings).push(f);
        } else if (rem && typeof rem === "object") {
            packs.set(str(rem.policyPackName), str(rem.policyPackVersion));
            remediations.push({ policy: str(rem.policyName), pack: str(rem.policyPackName), version: str(rem.policyPackVersion), ...resource(str(rem.resourceUrn)) });
        } else if (sum && typeof sum === "object") {
            const pack = str(sum.policyPackName);
            packs.set(pack, str(sum.policyPackVersion));
            const urn = e.policyAnalyzeStackSummaryEvent ? root : str(sum.resourceUrn);
            for (const [list, passed] of [[sum.passed, true], [sum.failed, false]] as const) {
                if (Array.isArray(list)) for (const name of list) if (typeof name === "string") checks.push({ pack, version: str(sum.policyPackVersion), policy: name, urn, passed });
            }
        }
    }
    return { findings, notes, remediations, checks, packs: [...packs].map(([name, version]) => ({ name, version })), positions: opts.state !== undefined };
}

// ---------------------------------------------------------------------------------------------
// JSON

export function toJson(r: Report): string {
    const finding = (f: Finding) => ({
        policy: f.policy,
        pack: f.pack,
        version: f.version,
        level: f.level,
        severity: f.severity || null,
        controls: f.controls,
        resource: { urn: f.urn, type: f.type, name: f.name },
        message: f.detail,
        source: f.source ? { file: f.source.file ?? null, line: f.source.line, column: f.source.column ?? null, uri: f.source.uri } : null,
    });
    const mandatory = r.findings.filter(f => f.level === "mandatory").length;
    return JSON.stringify(
        {
            summary: { findings: r.findings.length, mandatory, advisory: r.findings.length - mandatory, notes: r.notes.length, remediations: r.remediations.length },
            packs: r.packs,
            findings: r.findings.map(finding),
            notes: r.notes.map(finding),
            remediations: r.remediations.map(x => ({ policy: x.policy, pack: x.pack, version: x.version, resource: { urn: x.urn, type: x.type, name: x.name } })),
        },
        null,
        2,
    ) + "\n";
}

// ---------------------------------------------------------------------------------------------
// SARIF 2.1.0

/** properties.security-severity per policy severity (GitHub: critical >= 9.0, high 7.0-8.9, medium 4.0-6.9, low < 4.0). */
export const SECURITY_SEVERITY: Record<string, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0" };

function sarifLevel(level: string): "error" | "warning" | "note" {
    return level === "mandatory" || level === "remediate" ? "error" : "warning";
}

function fingerprint(...parts: string[]): string {
    return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 32);
}

export interface SarifOptions {
    /** The file alerts fall back on when a resource's source position is unknown (e.g. `infra/Pulumi.yaml`). */
    fallbackFile?: string;
}

export function toSarif(r: Report, packs: PackInfo[] = [], opts: SarifOptions = {}): string {
    const meta = new Map(packs.map(p => [p.name, p]));
    const names = [...new Set([...r.packs.map(p => p.name), ...r.findings.map(f => f.pack)])];
    const runs = names.map(name => {
        const info = meta.get(name);
        const version = r.packs.find(p => p.name === name)?.version || info?.version || "";
        const own = r.findings.filter(f => f.pack === name);
        const rules: Record<string, unknown>[] = [];
        const index = new Map<string, number>();
        const addRule = (rule: RuleInfo, fromEvent?: Finding) => {
            if (index.has(rule.name)) return;
            const severity = rule.severity ?? fromEvent?.severity ?? "";
            const level = rule.enforcementLevel ?? fromEvent?.level ?? "advisory";
            const tags = ["security", ...(rule.tags ?? [])];
            const d: Record<string, unknown> = { id: rule.name };
            if (rule.displayName) d.name = rule.displayName.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : "")).replace(/^./, c => c.toUpperCase());
            d.shortDescription = { text: rule.displayName || rule.name };
            if (rule.description) d.fullDescription = { text: rule.description };
            if (rule.url) d.helpUri = rule.url;
            if (rule.remediationSteps) d.help = { text: rule.remediationSteps, markdown: rule.remediationSteps };
            d.defaultConfiguration = { level: sarifLevel(level) };
            const props: Record<string, unknown> = { tags, precision: "high" };
            if (SECURITY_SEVERITY[severity]) props["security-severity"] = SECURITY_SEVERITY[severity];
            if (severity) props.severity = severity;
            d.properties = props;
            index.set(rule.name, rules.length);
            rules.push(d);
        };
        for (const p of info?.policies ?? []) addRule(p);
        for (const f of own) addRule({ name: f.policy }, f);
        const occurrences = new Map<string, number>();
        const results = sortViolations(own.map(f => ({ ...f, policyName: f.policy, enforcementLevel: f.level }))).map(f => {
            const key = `${f.policy}\u0000${f.urn}`;
            const n = occurrences.get(key) ?? 0;
            occurrences.set(key, n + 1);
            const logical = [
                { name: f.name, fullyQualifiedName: f.urn, kind: "resource" },
                ...(f.type ? [{ name: typeDisplayName(f.type), fullyQualifiedName: f.type, kind: "type" }] : []),
            ];
            const location: Record<string, unknown> = { logicalLocations: logical };
            if (f.source?.file) {
                const region: Record<string, unknown> = { startLine: f.source.line };
                if (f.source.column) region.startColumn = f.source.column;
                location.physicalLocation = { artifactLocation: { uri: encodeURI(f.source.file) }, region };
            } else if (opts.fallbackFile) {
                location.physicalLocation = { artifactLocation: { uri: encodeURI(opts.fallbackFile) }, region: { startLine: 1 } };
            }
            return {
                ruleId: f.policy,
                ruleIndex: index.get(f.policy),
                level: sarifLevel(f.level),
                message: { text: f.detail },
                locations: [location],
                partialFingerprints: { "pulumiPolicyFinding/v1": fingerprint(name, f.policy, f.urn, String(n)) },
                properties: { enforcementLevel: f.level, ...(f.severity ? { severity: f.severity } : {}), resourceType: f.type, urn: f.urn },
            };
        });
        const notes = r.notes.filter(f => f.pack === name).map(f => ({
            level: "note",
            message: { text: `${f.policy} (${f.urn}): ${f.message}` },
            descriptor: { id: f.policy, ...(index.has(f.policy) ? { index: index.get(f.policy) } : {}) },
        }));
        const driver: Record<string, unknown> = { name, rules };
        if (version) driver.version = version;
        if (version && /^\d+\.\d+\.\d+/.test(version)) driver.semanticVersion = version;
        if (info?.informationUri) driver.informationUri = info.informationUri;
        return {
            tool: { driver },
            invocations: [{ executionSuccessful: true, ...(notes.length ? { toolExecutionNotifications: notes } : {}) }],
            columnKind: "utf16CodeUnits",
            results,
        };
    });
    return JSON.stringify({ $schema: "https://json.schemastore.org/sarif-2.1.0.json", version: "2.1.0", runs }, null, 2) + "\n";
}

// ---------------------------------------------------------------------------------------------
// JUnit XML

function xml(s: string): string {
    return s
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
        .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * One test suite per pack, one test case per policy and resource checked: the CLI's policy
 * summary events (an event log) say which passed; a violation is a failure, a "can't run
 * during preview" note a skipped case. `pulumi policy analyze --json` has no summary events,
 * so there only the checks that found something are listed.
 */
export function toJunit(r: Report): string {
    type Case = { pack: string; version: string; policy: string; urn: string; failures: Finding[]; notes: Finding[] };
    const cases = new Map<string, Case>();
    const get = (pack: string, version: string, policy: string, urn: string) => {
        const k = `${pack}\u0000${policy}\u0000${urn}`;
        let c = cases.get(k);
        if (!c) cases.set(k, (c = { pack, version, policy, urn, failures: [], notes: [] }));
        return c;
    };
    for (const c of r.checks) get(c.pack, c.version, c.policy, c.urn);
    for (const f of r.findings) get(f.pack, f.version, f.policy, f.urn).failures.push(f);
    for (const f of r.notes) get(f.pack, f.version, f.policy, f.urn).notes.push(f);
    const packs = [...new Set([...cases.values()].map(c => c.pack))];
    const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
    const all = [...cases.values()];
    const failed = (c: Case) => c.failures.length > 0;
    const skipped = (c: Case) => !failed(c) && c.notes.length > 0;
    lines.push(`<testsuites name="pulumi policy" tests="${all.length}" failures="${all.filter(failed).length}" errors="0" skipped="${all.filter(skipped).length}">`);
    for (const pack of packs) {
        const own = all.filter(c => c.pack === pack);
        const version = own[0]?.version ?? "";
        lines.push(`  <testsuite name="${xml(`${pack}@v${version}`)}" tests="${own.length}" failures="${own.filter(failed).length}" errors="0" skipped="${own.filter(skipped).length}">`);
        for (const c of own) {
            const u = urnParts(c.urn);
            const type = u ? typeDisplayName(u.type) : "stack";
            const name = `${c.policy} (${u ? `${type}: ${u.name}` : c.urn || "stack"})`;
            const src = (c.failures[0] ?? c.notes[0])?.source;
            const file = src?.file ? ` file="${xml(src.file)}" line="${src.line}"` : "";
            const open = `    <testcase classname="${xml(`${pack}.${c.policy}`)}" name="${xml(name)}"${file}`;
            if (failed(c)) {
                lines.push(`${open}>`);
                for (const f of c.failures) {
                    const first = f.detail.split("\n")[0];
                    lines.push(`      <failure type="${xml(f.level)}" message="${xml(first)}">${xml(`[${f.level}]${f.severity ? ` [severity: ${f.severity}]` : ""} ${f.policy}\n${f.urn}\n${f.message}`)}</failure>`);
                }
                lines.push("    </testcase>");
            } else if (skipped(c)) {
                lines.push(`${open}>`);
                lines.push(`      <skipped message="${xml(c.notes[0].message)}"/>`);
                lines.push("    </testcase>");
            } else {
                lines.push(`${open}/>`);
            }
        }
        lines.push("  </testsuite>");
    }
    lines.push("</testsuites>");
    return lines.join("\n") + "\n";
}

// ---------------------------------------------------------------------------------------------
// Text

/**
 * The CLI's "Policies:" section, each pack's findings grouped by resource (in the order the
 * resources were reported; the root stack's last) and, within a resource, in the CLI's order;
 * each violation exactly as the CLI prints it, notes included (the CLI prints them as advisory
 * violations).
 */
export function toText(r: Report): string {
    const out = ["Policies:"];
    const all = [...r.findings, ...r.notes];
    for (const pack of r.packs) {
        const own = all.filter(f => f.pack === pack.name);
        const mark = own.some(f => f.kind === "violation" && f.level === "mandatory") ? "❌" : own.length ? "⚠️" : "✅";
        out.push(`    ${mark} ${pack.name}@v${pack.version}`);
        const rems = new Map<string, number>();
        for (const x of r.remediations.filter(x => x.pack === pack.name)) rems.set(x.policy, (rems.get(x.policy) ?? 0) + 1);
        for (const name of [...rems.keys()].sort()) {
            const n = rems.get(name)!;
            out.push(`        - [remediate]  ${name}  (${n} ${n === 1 ? "resource" : "resources"})`);
        }
        const order: string[] = [];
        for (const f of own) if (!order.includes(f.urn)) order.push(f.urn);
        const isRoot = (urn: string) => urn === "" || urnParts(urn)?.type === "pulumi:pulumi:Stack";
        order.sort((a, b) => Number(isRoot(a)) - Number(isRoot(b)));
        for (const urn of order) {
            const vs = own.filter(f => f.urn === urn);
            const first = vs[0];
            const where = first.source ? `  ${first.source.file ?? first.source.uri}:${first.source.line}${first.source.column ? `:${first.source.column}` : ""}` : "";
            out.push(`      ${isRoot(urn) ? "stack" : `${typeDisplayName(first.type)}: ${first.name}`}${where}`);
            for (const v of sortViolations(vs.map(f => ({ ...f, policyName: f.policy, enforcementLevel: f.level })))) out.push(...violationLines(v));
        }
    }
    const mandatory = r.findings.filter(f => f.level === "mandatory").length;
    out.push("");
    out.push(`${r.findings.length} finding${r.findings.length === 1 ? "" : "s"} (${mandatory} mandatory), ${r.notes.length} "can't run during preview" note${r.notes.length === 1 ? "" : "s"}, ${r.remediations.length} remediation${r.remediations.length === 1 ? "" : "s"}`);
    return out.join("\n") + "\n";
}

export function render(r: Report, format: Format, packs: PackInfo[] = [], opts: SarifOptions = {}): string {
    switch (format) {
        case "sarif":
            return toSarif(r, packs, opts);
        case "json":
            return toJson(r);
        case "junit":
            return toJunit(r);
        case "text":
            return toText(r);
    }
}

/** 1 when a mandatory violation was found (the CLI fails the run then), else 0. */
export function exitCode(r: Report): number {
    return r.findings.some(f => f.level === "mandatory") ? 1 : 0;
}
