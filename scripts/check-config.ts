// npm run check-config -- <config.json> [more.json] [--stack <recording or stack export>]
//
// Checks --policy-pack-config files against this pack exactly as the Pulumi CLI will
// (same error lines, same abort) and reports what the CLI silently ignores (engine/check.ts).
// One line per finding, naming the key; exit 1 when anything would abort or misfire.
// With --stack, also lists every exemption (configured and in code) that is active or
// expired for the stack's resources.
//
// From code: `import { checkConfig } from "aks-security-baseline/scripts/check-config"`.

import * as fs from "fs";
import * as path from "path";
import { allPolicies } from "../policies";
import { pack } from "../policies/pack";
import { blocking, CheckedPack, checkPackConfig, Family, Finding } from "../engine/check";
import { parseConfigFile, reconcile } from "../engine/config";
import { EngineResource } from "../engine/engine";
import { readStackExport } from "../engine/state";
import { SecretValue, SIG_KEY, SECRET_SIG } from "../engine/wire";
import { decide, Exemption } from "../lib/config/exemptions";
import { daysLeft } from "../lib/config/exemption-notice";
import { Kind } from "../lib/core/kinds";
import { projectRoot } from "./root";
import { RecordedStack } from "./record";

const ROOT = projectRoot();

function families(kind: Kind | undefined, name: string): Family[] {
    if (!kind) return [name.startsWith("k8s-") ? "kubernetes" : "azure"];
    const leaves = (k: Kind): Kind[] => ((k as Kind & { kinds?: Kind[] }).kinds ?? [k]).flatMap(x => ((x as Kind & { kinds?: Kind[] }).kinds ? leaves(x) : [x]));
    return [...new Set(leaves(kind).map(k => (k.provider === "kubernetes" ? "kubernetes" : "azure") as Family))];
}

/** This pack as the checker sees it: the metadata GetAnalyzerInfo serves. */
export function thisPack(): CheckedPack {
    const version = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
    return {
        name: pack.name,
        version,
        policies: allPolicies.map(p => ({
            name: p.name,
            enforcementLevel: p.enforcementLevel as "advisory" | "mandatory",
            configSchema: p.configSchema as { properties: Record<string, unknown>; required?: string[] },
            families: families(p.reader?.kind, p.name),
            matchesType: p.reader ? (t: string) => p.reader!.kind.matches(t) : undefined,
            remediates: "remediateResource" in p && typeof p.remediateResource === "function",
            kind: "validateStack" in p ? "stack" : "resource",
        })),
    };
}

/** Check one parsed config document against this pack. */
export function checkConfig(doc: unknown, opts: { now?: Date } = {}): Finding[] {
    return checkPackConfig(thisPack(), doc, opts.now);
}

/** Wire or state values as plain JSON: secrets unwrapped (exemptions read tags, annotations, names). */
function plain(v: unknown): unknown {
    if (v instanceof SecretValue) return plain(v.value);
    if (Array.isArray(v)) return v.map(plain);
    if (typeof v === "object" && v !== null) {
        const o = v as Record<string, unknown>;
        if (o[SIG_KEY] === SECRET_SIG) return plain(o.value);
        return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, plain(x)]));
    }
    return v;
}

export function readStack(doc: unknown): EngineResource[] {
    if (typeof doc === "object" && doc !== null && "deployment" in doc) return readStackExport(doc).resources;
    const r = doc as RecordedStack;
    if (!r || !Array.isArray(r.resources)) throw new Error("not a recording (npm run record) nor a `pulumi stack export` file");
    return r.resources.map(x => ({ type: x.type, name: x.name, urn: x.urn, inputs: x.inputs }));
}

/** Every exemption the config (and the resources' own annotations and tags) gives for `resources`. */
export function listExemptions(doc: unknown, resources: EngineResource[], now: Date = new Date()): string[] {
    const checked = thisPack();
    const { config } = parseConfigFile(doc);
    const { entries } = reconcile(checked.policies, undefined, config);
    const out: string[] = [];
    const subjects = resources.filter(r => !r.type.startsWith("pulumi:"));
    for (const p of checked.policies) {
        const cfg = entries[p.name]?.properties ?? {};
        const reads = subjects.filter(r => (p.matchesType ? p.matchesType(r.type) : true));
        const list = Array.isArray(cfg.exemptions) ? (cfg.exemptions as Exemption[]) : [];
        list.forEach((e, i) => {
            const label = `${p.name}.exemptions[${i}] ("${e.reason}"${e.owner ? `, owner ${e.owner}` : ""}${e.expires ? `, until ${e.expires}` : ""})`;
            let hits = 0;
            for (const r of reads) {
                const d = decide(p.name, { exemptions: [e], allowInCodeExemptions: false }, { name: r.name, urn: r.urn, type: r.type, props: plain(r.inputs) }, now);
                if (d.exempt) {
                    hits++;
                    const left = e.expires ? daysLeft(e.expires, now) : undefined;
                    const window = typeof cfg.exemptionNoticeDays === "number" ? cfg.exemptionNoticeDays : 30;
                    const soon = left !== undefined && left < window ? `; expires in ${left} day${left === 1 ? "" : "s"}: previews show an advisory notice` : "";
                    out.push(`active: ${label} exempts ${r.name} (${r.type})${soon}`);
                } else if (d.note) {
                    hits++;
                    out.push(`expired: ${label} no longer exempts ${r.name} (${r.type}); its violations are back`);
                }
            }
            if (hits === 0) out.push(`unused: ${label} matches no resource of the stack that ${p.name} reads`);
        });
        if (cfg.allowInCodeExemptions !== false) {
            for (const r of reads) {
                const d = decide(p.name, { exemptions: [], allowInCodeExemptions: true }, { name: r.name, urn: r.urn, type: r.type, props: plain(r.inputs) }, now);
                if (d.exempt) out.push(`active: in code, ${r.name} (${r.type}) is ${d.exempt.replace(/^exempted/, "exempted from " + p.name)}`);
                else if (d.note) out.push(`ignored: in code, ${r.name} (${r.type}): ${d.note}`);
            }
        }
    }
    return out;
}

function main(argv: string[]): number {
    const caller = process.env.INIT_CWD || process.cwd();
    const files: string[] = [];
    let stack: string | undefined;
    for (let i = 0; i < argv.length; i++) {
        if (argv[i] === "--stack") stack = argv[++i];
        else files.push(argv[i]);
    }
    if (files.length === 0 || (argv.includes("--stack") && !stack)) {
        console.error("usage: npm run check-config -- <config.json> [more.json] [--stack <recording or stack export>]");
        return 2;
    }
    const read = (f: string): unknown => {
        const p = path.resolve(caller, f);
        if (!fs.existsSync(p)) throw new Error(`${f}: no such file (relative paths are taken from ${caller})`);
        return JSON.parse(fs.readFileSync(p, "utf8"));
    };
    const resources = stack ? readStack(read(stack)) : undefined;
    let bad = false;
    for (const f of files) {
        let doc: unknown;
        try {
            doc = read(f);
        } catch (e) {
            console.log(`${f}: abort: (file): ${(e as Error).message}`);
            bad = true;
            continue;
        }
        const findings = checkConfig(doc);
        for (const x of findings) console.log(`${f}: ${x.level}: ${x.key}: ${x.message}`);
        if (blocking(findings)) bad = true;
        else console.log(`${f}: ok: the CLI accepts it and every entry does what it says${findings.length ? " (see the notes)" : ""}`);
        if (resources && !findings.some(x => x.level === "abort")) {
            for (const l of listExemptions(doc, resources)) console.log(`${f}: ${stack}: ${l}`);
        }
    }
    return bad ? 1 : 0;
}

if (require.main === module) {
    try {
        process.exit(main(process.argv.slice(2)));
    } catch (e) {
        console.error(`error: ${(e as Error).message}`);
        process.exit(1);
    }
}
