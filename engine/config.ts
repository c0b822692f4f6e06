// Policy configuration exactly as the Pulumi CLI handles `--policy-pack-config` files and
// Pulumi Cloud policy groups (pkg/resource/analyzer/config.go, pkg/engine/update.go,
// pkg/resource/plugin/analyzer_plugin.go):
//
//   1. parse the file: each key maps to a level string or an object whose `enforcementLevel`
//      (if any) is taken out; a top-level `environments` key names ESC environments and is no
//      policy; entries with neither a level nor properties are dropped;
//   2. reconcile: each policy's declared level and its schema defaults, then the pack's
//      initialConfig, then the file. In each step `all` sets ONLY the enforcement level of
//      every entry there is so far (its other properties go nowhere), then EVERY key, `all`
//      and unknown policy names included, is merged in as its own entry (a shallow merge:
//      a setting replaces its default wholesale);
//   3. validate each of the pack's own policies against its schema (gojsonschema, with
//      `enforcementLevel` injected into every schema): every error becomes a line
//      `validating policy config: <pack> <version>  <policy>: <error>`, the lines are sorted
//      and printed, and the run aborts. Unknown names are never validated nor reported;
//   4. Configure sends every entry; one without a valid level (`{"all": {"x": 1}}`, or an
//      unknown name with only properties) aborts the run with `invalid enforcement level ""`.

import { schemaErrors } from "./jsonschema";

export type Level = "advisory" | "mandatory" | "remediate" | "disabled";
export const LEVELS: readonly Level[] = ["advisory", "mandatory", "remediate", "disabled"];

export interface PolicySchemaInfo {
    name: string;
    enforcementLevel: Level;
    configSchema?: { properties: Record<string, unknown>; required?: string[] };
}

/** One entry as the CLI holds it: the level may be "" (none given anywhere). */
export interface PolicyConfigEntry {
    enforcementLevel: Level | "";
    properties: Record<string, unknown>;
}

/** A config file: policy name (or "all") to a level or `{ enforcementLevel?, ...properties }`. */
export type ConfigFile = Record<string, unknown>;

/** The CLI would stop the run with this error; `lines` are the diagnostics it prints first. */
export class ConfigError extends Error {
    constructor(message: string, readonly lines: string[] = []) {
        super(lines.length ? `${lines.join("\n")}\n${message}` : message);
    }
}

export function isLevel(v: unknown): v is Level {
    return typeof v === "string" && (LEVELS as readonly string[]).includes(v);
}

/** Go's %v of a decoded JSON value, for the CLI's "not a valid value" message. */
function goValue(v: unknown): string {
    if (v === null) return "<nil>";
    if (Array.isArray(v)) return `[${v.map(goValue).join(" ")}]`;
    if (typeof v === "object") {
        const o = v as Record<string, unknown>;
        return `map[${Object.keys(o).sort().map(k => `${k}:${goValue(o[k])}`).join(" ")}]`;
    }
    return String(v);
}

/** parsePolicyPackConfig: the file as the CLI reads it. Throws the CLI's parse errors. */
export function parseConfigFile(doc: unknown): { config: Record<string, PolicyConfigEntry>; environments: string[] } {
    const config: Record<string, PolicyConfigEntry> = {};
    const environments: string[] = [];
    if (doc === undefined || doc === null) return { config, environments };
    if (typeof doc !== "object" || Array.isArray(doc)) {
        throw new ConfigError(`json: cannot unmarshal ${Array.isArray(doc) ? "array" : typeof doc} into Go value of type map[string]interface {}`);
    }
    const file = { ...(doc as Record<string, unknown>) };
    if ("environments" in file) {
        const envs = file.environments;
        if (!Array.isArray(envs)) throw new ConfigError(`"environments" must be an array of strings, got ${goType(envs)}`);
        envs.forEach((e, i) => {
            if (typeof e !== "string") throw new ConfigError(`"environments[${i}]" must be a string, got ${goType(e)}`);
            environments.push(e);
        });
        delete file.environments;
    }
    for (const [k, v] of Object.entries(file)) {
        let level: Level | "" = "";
        let properties: Record<string, unknown> = {};
        if (typeof v === "string") {
            if (!isLevel(v)) throw new ConfigError(`parsing enforcement level for ${JSON.stringify(k)}: ${JSON.stringify(v)} is not a valid enforcement level`);
            level = v;
        } else if (typeof v === "object" && v !== null && !Array.isArray(v)) {
            const o = { ...(v as Record<string, unknown>) };
            if ("enforcementLevel" in o) {
                const el = o.enforcementLevel;
                if (typeof el !== "string") throw new ConfigError(`parsing enforcement level for ${JSON.stringify(k)}: ${goValue(el)} is not a valid enforcement level; must be a string`);
                if (!isLevel(el)) throw new ConfigError(`parsing enforcement level for ${JSON.stringify(k)}: ${JSON.stringify(el)} is not a valid enforcement level`);
                level = el;
                delete o.enforcementLevel;
            }
            properties = o;
        } else {
            throw new ConfigError(`parsing ${JSON.stringify(k)}: ${goValue(v)} is not a valid value; must be a string or object`);
        }
        // "Don't bother including empty configs."
        if (level === "" && Object.keys(properties).length === 0) continue;
        config[k] = { enforcementLevel: level, properties };
    }
    return { config, environments };
}

function goType(v: unknown): string {
    if (v === null) return "<nil>";
    if (Array.isArray(v)) return "[]interface {}";
    if (typeof v === "object") return "map[string]interface {}";
    if (typeof v === "number") return "float64";
    if (typeof v === "boolean") return "bool";
    return typeof v;
}

function applyConfig(result: Map<string, PolicyConfigEntry>, apply: Record<string, PolicyConfigEntry>): void {
    const all = apply.all;
    if (all && isLevel(all.enforcementLevel)) {
        // Only the level: `all`'s properties are not copied to the policies.
        for (const [k, v] of result) result.set(k, { enforcementLevel: all.enforcementLevel, properties: v.properties });
    }
    for (const [policy, given] of Object.entries(apply)) {
        const prior = result.get(policy);
        const level = isLevel(given.enforcementLevel) ? given.enforcementLevel : prior?.enforcementLevel ?? "";
        const properties = { ...(prior?.properties ?? {}), ...given.properties };
        result.set(policy, { enforcementLevel: level, properties });
    }
}

export interface Reconciled {
    /** Every entry the CLI would send to Configure, `all` and unknown names included. */
    entries: Record<string, PolicyConfigEntry>;
    /** Schema errors per policy (`<policy>: <field>: <message>`), sorted; non-empty means the run aborts. */
    errors: string[];
}

/** The pack's declared config (levels and schema defaults), the pack's initialConfig, then the file. */
export function reconcile(
    policies: PolicySchemaInfo[],
    initialConfig: Record<string, PolicyConfigEntry> | undefined,
    file: Record<string, PolicyConfigEntry> | undefined,
): Reconciled {
    const result = new Map<string, PolicyConfigEntry>();
    for (const p of policies) {
        const properties: Record<string, unknown> = {};
        for (const [k, s] of Object.entries(p.configSchema?.properties ?? {})) {
            const d = (s as { default?: unknown }).default;
            if (d !== undefined) properties[k] = structuredClone(d);
        }
        result.set(p.name, { enforcementLevel: p.enforcementLevel, properties });
    }
    if (initialConfig) applyConfig(result, initialConfig);
    if (file) applyConfig(result, file);
    const errors: string[] = [];
    for (const p of policies) {
        if (!p.configSchema) continue;
        const schema: Record<string, unknown> = {
            type: "object",
            // The CLI injects enforcementLevel into every schema (analyzer_plugin.go GetAnalyzerInfo).
            properties: { ...p.configSchema.properties, enforcementLevel: { type: "string", enum: [...LEVELS] } },
        };
        if (p.configSchema.required?.length) schema.required = p.configSchema.required;
        for (const e of schemaErrors(schema, result.get(p.name)?.properties ?? {})) errors.push(`${p.name}: ${e}`);
    }
    return { entries: Object.fromEntries(result), errors: errors.sort() };
}

/** The lines the CLI prints before aborting on validation errors (pkg/engine/update.go loadPolicyPlugins). */
export function validationLines(pack: string, version: string, errors: string[]): string[] {
    return errors.map(e => `validating policy config: ${pack} ${version}  ${e}`).sort();
}

/**
 * The whole path from a config document to what Configure receives, throwing ConfigError
 * where the CLI aborts: parse errors, validation errors (after printing every line), and an
 * entry without a valid level (analyzer_plugin.go Configure: `invalid enforcement level ""`).
 */
export function resolveConfig(
    pack: { name: string; version: string; policies: PolicySchemaInfo[]; initialConfig?: Record<string, PolicyConfigEntry> },
    doc: unknown,
): Record<string, PolicyConfigEntry & { enforcementLevel: Level }> {
    const { config } = parseConfigFile(doc);
    const { entries, errors } = reconcile(pack.policies, pack.initialConfig, config);
    if (errors.length) throw new ConfigError("validating policy config", validationLines(pack.name, pack.version, errors));
    for (const e of Object.values(entries)) {
        if (!isLevel(e.enforcementLevel)) throw new ConfigError(`invalid enforcement level ${JSON.stringify(e.enforcementLevel)}`);
    }
    return entries as Record<string, PolicyConfigEntry & { enforcementLevel: Level }>;
}
