// A --policy-pack-config checker. It runs the file through exactly what the Pulumi CLI does
// (engine/config.ts: parse, reconcile, gojsonschema validation, Configure's level check) and
// reports every line on which the CLI would abort; then it reports what the CLI accepts
// silently but that does not do what it says: unknown policy names and settings (with the
// nearest real name), `all` with settings, entries without a level, impossible or past
// dates, and exemptions that can never match a resource the policy reads.

import { ConfigError, isLevel, parseConfigFile, PolicySchemaInfo, reconcile, validationLines } from "./config";

export type Family = "azure" | "kubernetes";

export interface CheckedPolicy extends PolicySchemaInfo {
    /** The provider families of the resources the policy reads. */
    families: Family[];
    /** For resource policies: is this type token one the policy reads? */
    matchesType?: (type: string) => boolean;
    /** The policy can remediate (level `remediate` does something). */
    remediates: boolean;
    /** "resource" or "stack". */
    kind: "resource" | "stack";
}

export interface CheckedPack {
    name: string;
    version: string;
    policies: CheckedPolicy[];
}

/**
 * `abort`: the CLI stops the run. `misfire`: the CLI accepts it, and it does not do what it
 * says. `note`: worth knowing, works as written.
 */
export type FindingLevel = "abort" | "misfire" | "note";

export interface Finding {
    level: FindingLevel;
    /** The offending key: `policy`, `policy.setting`, `policy.exemptions[0].expires`. */
    key: string;
    message: string;
}

/** Levenshtein distance, for "did you mean". */
function distance(a: string, b: string): number {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0][j] = j;
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
    }
    return d[a.length][b.length];
}

export function nearest(name: string, candidates: string[]): string | undefined {
    let best: string | undefined;
    let score = Infinity;
    for (const c of candidates) {
        const s = distance(name.toLowerCase(), c.toLowerCase());
        if (s < score) [best, score] = [c, s];
    }
    return best !== undefined && score <= Math.max(3, Math.floor(name.length / 3)) ? best : undefined;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Is `s` (YYYY-MM-DD) a real calendar date? JavaScript rolls 2027-02-30 over to 2027-03-02. */
export function realDate(s: string): boolean {
    const m = DATE.exec(s);
    if (!m) return false;
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

function rolled(s: string): string {
    return new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10);
}

/** The literal text of a glob before its first wildcard. */
function literalPrefix(glob: string): string {
    const i = glob.search(/[*?]/);
    return i < 0 ? glob : glob.slice(0, i);
}

const FAMILY_PREFIXES: Record<Family, string[]> = { azure: ["azure-native", "azure:"], kubernetes: ["kubernetes:"] };

function typeGlobCanMatch(glob: string, p: CheckedPolicy): boolean {
    if (!/[*?]/.test(glob)) return p.matchesType ? p.matchesType(glob) : p.families.some(f => FAMILY_PREFIXES[f].some(x => glob.startsWith(x)));
    const lit = literalPrefix(glob);
    return p.families.some(f => FAMILY_PREFIXES[f].some(x => x.startsWith(lit) || lit.startsWith(x)));
}

function exemptionFindings(p: CheckedPolicy, list: unknown, now: Date, out: Finding[]): void {
    if (!Array.isArray(list)) return;
    const today = now.toISOString().slice(0, 10);
    list.forEach((e, i) => {
        const key = `${p.name}.exemptions[${i}]`;
        if (typeof e !== "object" || e === null) return;
        const x = e as { match?: Record<string, unknown>; expires?: unknown };
        if (typeof x.expires === "string" && DATE.test(x.expires)) {
            if (!realDate(x.expires)) {
                out.push({ level: "misfire", key: `${key}.expires`, message: `"${x.expires}" is not a date (the pack reads it as ${rolled(x.expires)}); write a real day` });
            } else if (x.expires < today) {
                out.push({ level: "misfire", key: `${key}.expires`, message: `"${x.expires}" is in the past: the exemption has expired and exempts nothing; renew it or remove it` });
            }
        }
        const m = x.match;
        if (typeof m !== "object" || m === null) return;
        const onlyAzure = !p.families.includes("kubernetes");
        const onlyK8s = !p.families.includes("azure");
        for (const f of ["namespace", "annotation"] as const) {
            if (m[f] !== undefined && onlyAzure) {
                out.push({ level: "misfire", key: `${key}.match.${f}`, message: `${p.name} reads only Azure resources, which have no Kubernetes ${f}: this exemption can never match` });
            }
        }
        if (m.tag !== undefined && onlyK8s) {
            out.push({ level: "misfire", key: `${key}.match.tag`, message: `${p.name} reads only Kubernetes resources, which have no Azure tags: this exemption can never match (use annotation)` });
        }
        if (typeof m.type === "string" && !typeGlobCanMatch(m.type, p)) {
            out.push({ level: "misfire", key: `${key}.match.type`, message: `"${m.type}" matches no resource type ${p.name} reads: this exemption can never match` });
        }
    });
}

/**
 * Check one config document (already parsed JSON) against `pack`. The findings come in
 * file order; `abort` ones carry the CLI's own message.
 */
export function checkPackConfig(pack: CheckedPack, doc: unknown, now: Date = new Date()): Finding[] {
    const out: Finding[] = [];
    if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
        try {
            parseConfigFile(doc);
        } catch (e) {
            out.push({ level: "abort", key: "(file)", message: `the CLI aborts: ${(e as Error).message}` });
        }
        return out;
    }
    const byName = new Map(pack.policies.map(p => [p.name, p]));
    const names = pack.policies.map(p => p.name);
    const file = doc as Record<string, unknown>;
    // 1. What the CLI aborts on while parsing: checked key by key so that every one is reported.
    const parsable: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(file)) {
        try {
            parseConfigFile({ [k]: v });
            parsable[k] = v;
        } catch (e) {
            out.push({ level: "abort", key: k, message: `the CLI aborts: ${(e as ConfigError).message}` });
        }
    }
    const { config } = parseConfigFile(parsable);
    // 2. Validation, exactly as the CLI: every error line.
    const { entries, errors } = reconcile(pack.policies, undefined, config);
    for (const line of validationLines(pack.name, pack.version, errors)) {
        const rest = line.slice(`validating policy config: ${pack.name} ${pack.version}  `.length);
        const [policy, field] = rest.split(": ");
        const key = field && !field.includes(" ") ? `${policy}.${field.replace(/\.(\d+)(?=\.|$)/g, "[$1]")}` : policy;
        out.push({ level: "abort", key, message: `the CLI aborts: ${line}` });
    }
    // 3. Entries Configure rejects, and what the CLI ignores silently.
    for (const [k, e] of Object.entries(config)) {
        const props = Object.keys(e.properties);
        if (k === "all") {
            if (!isLevel(e.enforcementLevel)) {
                out.push({ level: "abort", key: "all", message: `the CLI aborts: invalid enforcement level "" (\`all\` takes only a level; give ${props.join(", ")} in each policy's own entry)` });
            } else if (props.length) {
                for (const s of props) out.push({ level: "misfire", key: `all.${s}`, message: `\`all\` sets only the enforcement level: the CLI sends ${s} to no policy; give it in each policy's own entry` });
            }
            continue;
        }
        const p = byName.get(k);
        if (!p) {
            const near = nearest(k, names);
            const hint = near ? `; did you mean ${near}?` : "";
            if (!isLevel(e.enforcementLevel)) {
                out.push({ level: "abort", key: k, message: `the CLI aborts: invalid enforcement level "" (${k} is no policy of ${pack.name}${hint})` });
            } else {
                out.push({ level: "misfire", key: k, message: `no policy of ${pack.name} is named ${k}: the CLI ignores it silently${hint}` });
            }
            continue;
        }
        const known = Object.keys(p.configSchema?.properties ?? {});
        for (const s of props) {
            if (known.includes(s)) continue;
            const near = nearest(s, [...known, "enforcementLevel"]);
            out.push({ level: "misfire", key: `${k}.${s}`, message: `${k} has no setting ${s}: the CLI ignores it silently${near ? `; did you mean ${near}?` : ""}` });
        }
        if (!isLevel(e.enforcementLevel) && typeof file[k] === "object") {
            out.push({ level: "note", key: `${k}.enforcementLevel`, message: `no enforcementLevel: ${k} keeps ${entries.all && isLevel(entries.all.enforcementLevel) ? `the level of \`all\` (${entries.all.enforcementLevel})` : `its default level (${p.enforcementLevel})`}` });
        }
        if (e.enforcementLevel === "remediate" && !p.remediates) {
            out.push({ level: "note", key: k, message: `${k} has no remediation: at level remediate it reports violations as mandatory` });
        }
        exemptionFindings(p, e.properties.exemptions, now, out);
    }
    return out;
}

export function blocking(findings: Finding[]): boolean {
    return findings.some(f => f.level !== "note");
}
