// The engine's policy configuration reconciliation, as `pulumi preview --policy-pack-config`
// and Pulumi Cloud policy groups do it:
//   1. each policy's declared enforcement level and its configSchema defaults;
//   2. the pack's initialConfig;
//   3. the config file: "all" first, then each policy's own entry;
//   4. validate every policy's properties against its schema (a failure aborts the run);
// and one Configure entry per policy.

import Ajv from "ajv";

export type Level = "advisory" | "mandatory" | "remediate" | "disabled";
export const LEVELS: readonly Level[] = ["advisory", "mandatory", "remediate", "disabled"];

export interface PolicySchemaInfo {
    name: string;
    enforcementLevel: Level;
    configSchema?: { properties: Record<string, unknown>; required?: string[] };
}

export interface PolicyConfigEntry {
    enforcementLevel: Level;
    properties: Record<string, unknown>;
}

/** A config file: policy name (or "all") to a level or `{ enforcementLevel?, ...properties }`. */
export type ConfigFile = Record<string, unknown>;

export class ConfigError extends Error {}

function isLevel(v: unknown): v is Level {
    return typeof v === "string" && (LEVELS as readonly string[]).includes(v);
}

function applyEntry(target: PolicyConfigEntry, entry: unknown, where: string, policy: PolicySchemaInfo, isAll: boolean): void {
    if (typeof entry === "string") {
        if (!isLevel(entry)) {
            throw new ConfigError(`${where}: "${entry}" is not a valid enforcement level (${LEVELS.join(", ")})`);
        }
        target.enforcementLevel = entry;
        return;
    }
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
        throw new ConfigError(`${where}: expected an enforcement level or an object`);
    }
    for (const [k, v] of Object.entries(entry)) {
        if (k === "enforcementLevel") {
            if (!isLevel(v)) {
                throw new ConfigError(`${where}: "${String(v)}" is not a valid enforcement level (${LEVELS.join(", ")})`);
            }
            target.enforcementLevel = v;
        } else if (!isAll || (policy.configSchema && k in policy.configSchema.properties)) {
            // "all" carries properties only to the policies whose schema declares them.
            target.properties[k] = v;
        }
    }
}

export function reconcile(
    policies: PolicySchemaInfo[],
    initialConfig: ConfigFile | undefined,
    file: ConfigFile | undefined,
): Record<string, PolicyConfigEntry> {
    const names = new Set(policies.map(p => p.name));
    for (const source of [initialConfig, file]) {
        for (const k of Object.keys(source ?? {})) {
            if (k !== "all" && !names.has(k)) {
                throw new ConfigError(`config names policy "${k}", which the pack does not have`);
            }
        }
    }
    const ajv = new Ajv({ allErrors: true, strict: false });
    const out: Record<string, PolicyConfigEntry> = {};
    for (const p of policies) {
        const entry: PolicyConfigEntry = { enforcementLevel: p.enforcementLevel, properties: {} };
        for (const [k, s] of Object.entries(p.configSchema?.properties ?? {})) {
            const d = (s as { default?: unknown }).default;
            if (d !== undefined) {
                entry.properties[k] = structuredClone(d);
            }
        }
        for (const [label, source] of [["initialConfig", initialConfig], ["config", file]] as const) {
            if (!source) continue;
            if (source.all !== undefined) applyEntry(entry, source.all, `${label} "all"`, p, true);
            if (source[p.name] !== undefined) applyEntry(entry, source[p.name], `${label} "${p.name}"`, p, false);
        }
        if (p.configSchema) {
            const schema = {
                type: "object",
                properties: p.configSchema.properties,
                required: p.configSchema.required ?? [],
            };
            const validate = ajv.compile(schema);
            if (!validate(entry.properties)) {
                const errs = (validate.errors ?? [])
                    .map(e => `${e.instancePath || "(root)"} ${e.message ?? "is invalid"}`)
                    .join("; ");
                throw new ConfigError(`policy "${p.name}": invalid configuration: ${errs}`);
            }
        } else if (Object.keys(entry.properties).length > 0) {
            throw new ConfigError(`policy "${p.name}" takes no configuration, got ${Object.keys(entry.properties).join(", ")}`);
        }
        out[p.name] = entry;
    }
    return out;
}
