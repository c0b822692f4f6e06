// What a policy's configuration means, checked against the policy's own schema before any
// check reads it. The CLI validates a config file against the schemas first, but not every
// path into the pack does (older CLIs, policy groups edited by hand, a pack's initialConfig),
// so a value of the wrong shape can arrive: `match.name: 5`, `exemptions: "x"`, an allow-list
// holding numbers. Such a value never reaches a check: the setting keeps its default (the
// pack's secure baseline), and the policy reports the problem once, naming the setting, the
// value found and what to write (lib/policy.ts reports it).
//
// The schemas use a small part of JSON Schema (type, enum, items, properties, required,
// additionalProperties: false, minProperties, minItems, minLength, pattern, minimum,
// maximum); this checks exactly that part. Recursion follows the schema, never the value, so a
// value nested a thousand levels deep costs no more than a flat one.

import { oneOf, showValue } from "../core/message";
import { joinPath } from "../core/node";

type Schema = {
    type?: string;
    enum?: unknown[];
    items?: Schema;
    properties?: Record<string, Schema>;
    required?: string[];
    additionalProperties?: unknown;
    minProperties?: number;
    minItems?: number;
    minLength?: number;
    pattern?: string;
    minimum?: number;
    maximum?: number;
    default?: unknown;
};

/** One thing wrong with a configured value. */
export interface SettingProblem {
    path: string;
    /** The value found (absent when a required key is missing). */
    found?: { value: unknown };
    /** What to write there. */
    want: string;
    /** The key is not a setting at all: these are (additionalProperties: false). */
    allowed?: string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const patterns = new Map<string, RegExp>();
function patternOf(source: string): RegExp {
    let re = patterns.get(source);
    if (!re) {
        re = new RegExp(source);
        patterns.set(source, re);
    }
    return re;
}

function range(s: Schema): string {
    const lo = s.minimum;
    const hi = s.maximum;
    if (lo !== undefined && hi !== undefined) return ` from ${lo} to ${hi}`;
    if (lo !== undefined) return ` of at least ${lo}`;
    if (hi !== undefined) return ` of at most ${hi}`;
    return "";
}

function shape(s: Schema): string {
    const keys = Object.keys(s.properties ?? {});
    const req = new Set(s.required ?? []);
    if (keys.length === 0) return "";
    if (req.size === 0 && (s.minProperties ?? 0) > 0) return ` with at least one of ${keys.join(", ")}`;
    return ` { ${keys.map(k => (req.has(k) ? k : `${k}?`)).join(", ")} }`;
}

/** What a value of schema `s` is, in words: "a string", "a list of strings", "true or false". */
export function describeSchema(s: Schema, plural = false): string {
    if (s.enum) {
        const values = oneOf(s.enum.map(v => (typeof v === "string" ? v : JSON.stringify(v))));
        const one = s.enum.length > 1 ? `one of ${values}` : values;
        return plural ? `values, each ${one}` : one;
    }
    switch (s.type) {
        case "string": {
            const what = plural ? "strings" : (s.minLength ?? 0) > 0 ? "a non-empty string" : "a string";
            return s.pattern ? `${what} matching ${s.pattern}` : what;
        }
        case "boolean":
            return plural ? "booleans" : "true or false";
        case "integer":
            return `${plural ? "integers" : "an integer"}${range(s)}`;
        case "number":
            return `${plural ? "numbers" : "a number"}${range(s)}`;
        case "array": {
            const of = s.items ? ` of ${describeSchema(s.items, true)}` : "";
            return `${plural ? "lists" : (s.minItems ?? 0) > 0 ? "a non-empty list" : "a list"}${of}`;
        }
        case "object":
            return `${plural ? "objects" : "an object"}${shape(s)}`;
        default:
            return "a value";
    }
}

/** The first problem with `v` against `s` (at `path`), or undefined when it conforms. */
export function checkValue(s: Schema, v: unknown, path: string): SettingProblem | undefined {
    const bad = (): SettingProblem => ({ path, found: { value: v }, want: describeSchema(s) });
    if (s.enum && !s.enum.some(e => e === v)) return bad();
    switch (s.type) {
        case "string":
            if (typeof v !== "string" || v.length < (s.minLength ?? 0)) return bad();
            if (s.pattern !== undefined && !patternOf(s.pattern).test(v)) return bad();
            return undefined;
        case "boolean":
            return typeof v === "boolean" ? undefined : bad();
        case "integer":
        case "number":
            if (typeof v !== "number" || !Number.isFinite(v) || (s.type === "integer" && !Number.isInteger(v))) return bad();
            if ((s.minimum !== undefined && v < s.minimum) || (s.maximum !== undefined && v > s.maximum)) return bad();
            return undefined;
        case "array": {
            if (!Array.isArray(v) || v.length < (s.minItems ?? 0)) return bad();
            if (!s.items) return undefined;
            for (let i = 0; i < v.length; i++) {
                const p = checkValue(s.items, v[i], joinPath(path, i));
                if (p) return p;
            }
            return undefined;
        }
        case "object": {
            if (!isRecord(v) || Object.keys(v).length < (s.minProperties ?? 0)) return bad();
            const props = s.properties ?? {};
            for (const k of s.required ?? []) {
                if (!(k in v) || v[k] === undefined) return { path: joinPath(path, k), want: props[k] ? describeSchema(props[k]) : "a value" };
            }
            for (const [k, x] of Object.entries(v)) {
                const sub = Object.prototype.hasOwnProperty.call(props, k) ? props[k] : undefined;
                if (!sub) {
                    if (s.additionalProperties === false) {
                        return { path: joinPath(path, k), found: { value: x }, want: "", allowed: Object.keys(props) };
                    }
                    continue;
                }
                const p = checkValue(sub, x, joinPath(path, k));
                if (p) return p;
            }
            return undefined;
        }
        default:
            return undefined;
    }
}

export interface CheckedSettings {
    /** Every setting: the configured value where it is usable, else the schema's default. */
    config: Record<string, unknown>;
    /** The finding to report once, when a configured value was not usable. */
    finding?: string;
    problems: SettingProblem[];
}

/** How many problems the finding spells out; the rest are counted. */
const SHOWN = 3;

function clause(p: SettingProblem, schema: Record<string, Schema>): string {
    const top = schema[p.path];
    const d = top?.default;
    const example = top && d !== undefined && !(Array.isArray(d) && d.length === 0) && d !== "" ? `, e.g. ${showValue(d)}` : "";
    const write = p.allowed ? `not a setting there: remove it, or use ${oneOf(p.allowed)}` : `write ${p.want} there${example}`;
    return p.found ? `sets ${p.path}: ${showValue(p.found.value)} (${write})` : `does not set ${p.path} (${write})`;
}

const and = (xs: string[]) => (xs.length > 1 ? `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}` : xs[0] ?? "");

/**
 * Overlay `configured` (what the engine sent; undefined when it sent nothing) on the schema's
 * defaults. A list keeps its usable entries and drops the others; any other value that does
 * not conform to its schema (and a list left shorter than its minimum) is replaced by the
 * default. Keys the schema does not declare pass through untouched (the CLI accepts them too).
 */
export function checkSettings(schema: Record<string, Schema>, configured: Record<string, unknown> | undefined): CheckedSettings {
    const config: Record<string, unknown> = {};
    for (const [k, s] of Object.entries(schema)) config[k] = s.default;
    const problems: SettingProblem[] = [];
    const outcomes: string[] = [];
    for (const [k, v] of Object.entries(configured ?? {})) {
        if (v === undefined) continue;
        const s = Object.prototype.hasOwnProperty.call(schema, k) ? schema[k] : undefined;
        if (!s) {
            config[k] = v;
            continue;
        }
        const path = joinPath("", k);
        if (s.type === "array" && s.items && Array.isArray(v)) {
            const kept: unknown[] = [];
            const dropped: string[] = [];
            for (let i = 0; i < v.length; i++) {
                const p = checkValue(s.items, v[i], joinPath(path, i));
                if (p) {
                    problems.push(p);
                    dropped.push(joinPath(path, i));
                } else {
                    kept.push(v[i]);
                }
            }
            if (dropped.length === 0 && !checkValue(s, v, path)) {
                config[k] = v;
                continue;
            }
            if (dropped.length > 0 && kept.length >= (s.minItems ?? 0)) {
                config[k] = kept;
                outcomes.push(`ignores ${dropped.length > SHOWN ? `${dropped.slice(0, SHOWN).join(", ")} and ${dropped.length - SHOWN} more entries` : and(dropped)}`);
                continue;
            }
            if (dropped.length === 0) problems.push(checkValue(s, v, path)!);
            outcomes.push(`uses the default for ${path} (${showValue(s.default)})`);
            continue;
        }
        const p = checkValue(s, v, path);
        if (!p) {
            config[k] = v;
            continue;
        }
        problems.push(p);
        outcomes.push(`uses the default for ${path} (${showValue(s.default)})`);
    }
    if (problems.length === 0) return { config, problems };
    const shown = problems.slice(0, SHOWN).map(p => clause(p, schema));
    const rest = problems.length > SHOWN ? `, and ${problems.length - SHOWN} more like it` : "";
    const finding = `The policy configuration ${and(shown)}${rest}; until it is fixed, the policy ${and(outcomes)}.`;
    return { config, finding, problems };
}
