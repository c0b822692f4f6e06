// Configuration values of the wrong shape, sent at Configure without the CLI's validation (an
// older CLI, a policy group edited by hand, an initialConfig can deliver them): every property
// of every policy's configSchema, and every value nested in one (an exemption's
// `match.name`, a stack-tag profile's `tag`), set in turn to a number, an object, null, an
// array, a string and a boolean, whichever its schema does not allow. Over every bundled
// example stack, every Remediate, Analyze and AnalyzeStack call must answer; each policy that
// reports the unusable configuration exactly once (on the first resource of its kind, or in
// each AnalyzeStack), and apart from that finding answers exactly as with its defaults (the
// values around the wrong one are the defaults). A sweep over every schema leaf: the slow suite
// (npm run test:slow, which CI runs); the messages such values draw: tests/e2e/config-messages.test.ts.

import { strict as assert } from "node:assert";
import { after, before, describe, it } from "node:test";
import { AnalyzeResult, Engine, EngineResource } from "../../engine/engine";
import { PolicyConfigEntry } from "../../engine/config";
import { allPolicies } from "../../policies";
import { launch, recorded } from "../e2e/helpers";

type Schema = { type?: string; default?: unknown; enum?: unknown[]; items?: Schema; properties?: Record<string, Schema>; required?: string[]; minProperties?: number; pattern?: string; minimum?: number };

const EXAMPLES = ["aks-insecure", "aks-classic-insecure", "aks-hardened", "k8s-insecure", "k8s-hardened"];
const FINDING = "The policy configuration ";
const EXCEPTION = /TypeError|RangeError|Cannot read propert|is not a function|is not iterable|\n\s+at .+:\d+:\d+/;

/** Valid strings for the schemas' patterns, matching nothing in the examples. */
const SAMPLES: Record<string, string> = {
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "2999-12-31",
    "^[^=]+=.*$": "no-such-tag=zz",
};

/** A valid value for `s` that changes nothing: the default, or one that matches nothing. */
function sample(s: Schema): unknown {
    if (s.default !== undefined) return structuredClone(s.default);
    if (s.enum) return s.enum[0];
    switch (s.type) {
        case "string":
            if (s.pattern !== undefined && !(s.pattern in SAMPLES)) throw new Error(`no sample for pattern ${s.pattern}`);
            return s.pattern !== undefined ? SAMPLES[s.pattern] : "no-match-zz";
        case "integer":
        case "number":
            return s.minimum ?? 1;
        case "boolean":
            return false;
        case "array":
            return [];
        case "object": {
            const o: Record<string, unknown> = {};
            const props = s.properties ?? {};
            for (const k of s.required ?? []) o[k] = sample(props[k]);
            if (Object.keys(o).length < (s.minProperties ?? 0)) {
                const k = Object.keys(props)[0];
                o[k] = sample(props[k]);
            }
            return o;
        }
        default:
            return null;
    }
}

/** A wrong value for one leaf, placed among valid values. */
interface Leaf {
    path: string;
    type: string | undefined;
    build: (wrong: unknown) => unknown;
}

/** Every place in a property's schema a wrong value can go: the property itself, an item, an item's field, ... */
function leaves(s: Schema, path: string, build: (v: unknown) => unknown): Leaf[] {
    const out: Leaf[] = [{ path, type: s.type, build }];
    if (s.type === "array" && s.items) {
        const items = s.items;
        const around = Array.isArray(s.default) ? s.default : [];
        out.push(...leaves(items, `${path}[i]`, v => build([...structuredClone(around), v])));
    }
    if (s.type === "object" && s.properties) {
        for (const [k, sub] of Object.entries(s.properties)) {
            out.push(...leaves(sub, `${path}.${k}`, v => build({ ...(sample(s) as Record<string, unknown>), [k]: v })));
        }
    }
    return out;
}

const KINDS: { label: string; value: unknown; type: string }[] = [
    { label: "a number", value: 5, type: "number" },
    { label: "an object", value: { k: 1 }, type: "object" },
    { label: "null", value: null, type: "null" },
    { label: "an array", value: [5], type: "array" },
    { label: "a string", value: "x", type: "string" },
    { label: "a boolean", value: true, type: "boolean" },
];

/** Of the kinds, one the leaf's schema type does not admit (the `i`-th such). */
function wrongFor(type: string | undefined, i: number): { label: string; value: unknown } {
    const admits = (k: string) => k === type || (k === "number" && type === "integer");
    const bad = KINDS.filter(k => !admits(k.type));
    return bad[i % bad.length];
}

const PLANS = allPolicies.map(p => ({
    name: p.name,
    level: p.enforcementLevel as PolicyConfigEntry["enforcementLevel"],
    stack: "validateStack" in p,
    props: Object.entries(p.configSchema?.properties ?? {}).map(([k, s]) => ({ key: k, leaves: leaves(s as Schema, k, v => v) })),
}));
const ROUNDS = Math.max(...PLANS.flatMap(p => p.props.map(x => x.leaves.length))) * KINDS.length;

/** Round r: every property of every policy wrong at one of its leaves, with one of the kinds. */
function round(r: number): { entries: Record<string, PolicyConfigEntry>; what: string[] } {
    const entries: Record<string, PolicyConfigEntry> = {};
    const what: string[] = [];
    const kind = Math.floor(r / (ROUNDS / KINDS.length));
    for (const p of PLANS) {
        const properties: Record<string, unknown> = {};
        for (const prop of p.props) {
            const leaf = prop.leaves[r % prop.leaves.length];
            const wrong = wrongFor(leaf.type, kind);
            properties[prop.key] = leaf.build(wrong.value);
            if (p.name === PLANS[0].name) what.push(`${leaf.path} = ${wrong.label}`);
        }
        entries[p.name] = { enforcementLevel: p.level, properties };
    }
    return { entries, what };
}

function canonical(results: AnalyzeResult[]): string[] {
    return results.flatMap(r => [
        ...r.diagnostics.filter(d => !d.message.split("\n")[1]?.startsWith(FINDING)).map(d => `${d.policyName}|${d.enforcementLevel}|${d.urn}|${d.message}`).sort(),
        ...r.notApplicable.map(n => `na ${n.policyName}|${n.reason}`).sort(),
    ]);
}

describe("configuration values of the wrong shape, over the Analyzer protocol", () => {
    let engine: Engine;
    const stacks = new Map<string, EngineResource[]>(EXAMPLES.map(e => [e, recorded(e, "preview")]));
    let baseline: Map<string, string[]>;
    /** Policies that report something on the examples with their defaults: they surely see a resource. */
    let reporting: Set<string>;

    async function runAll(): Promise<Map<string, { results: AnalyzeResult[]; canon: string[] }>> {
        const out = new Map<string, { results: AnalyzeResult[]; canon: string[] }>();
        for (const [example, resources] of stacks) {
            const run = await engine.run(resources);
            const results = [...run.resources, ...(run.stack ? [run.stack] : [])];
            out.set(example, { results, canon: canonical(results) });
        }
        return out;
    }

    before(async () => {
        engine = await launch({ dryRun: true });
        await engine.configure();
        const runs = await runAll();
        baseline = new Map([...runs].map(([k, v]) => [k, v.canon]));
        reporting = new Set([...runs.values()].flatMap(v => v.results.flatMap(r => r.diagnostics.map(d => d.policyName))));
    });
    after(async () => {
        await engine?.close();
    });

    it(`answers every call, reports each unusable configuration once per policy, and otherwise answers as with the defaults (${ROUNDS} rounds)`, async () => {
        const problems: string[] = [];
        for (let r = 0; r < ROUNDS && problems.length < 10; r++) {
            const { entries, what } = round(r);
            await engine.configureEntries(entries);
            let runs: Awaited<ReturnType<typeof runAll>>;
            try {
                runs = await runAll();
            } catch (e) {
                problems.push(`round ${r} (${what.join(", ")}): a call failed: ${(e as Error).message.split("\n").slice(0, 3).join(" ")}`);
                continue;
            }
            const findings = new Map<string, number>();
            for (const [example, { results, canon }] of runs) {
                const base = baseline.get(example)!;
                if (JSON.stringify(canon) !== JSON.stringify(base)) {
                    const extra = canon.filter(x => !base.includes(x)).slice(0, 2);
                    const missing = base.filter(x => !canon.includes(x)).slice(0, 2);
                    problems.push(`round ${r} (${what.join(", ")}), ${example}: answers differ from the defaults': extra ${JSON.stringify(extra)}, missing ${JSON.stringify(missing)}`);
                }
                for (const res of results) {
                    for (const d of res.diagnostics) {
                        if (EXCEPTION.test(d.message)) problems.push(`round ${r}: ${d.policyName}: reads like an exception: ${d.message.slice(0, 300)}`);
                        if (d.message.split("\n")[1]?.startsWith(FINDING)) findings.set(`${example} ${d.policyName}`, (findings.get(`${example} ${d.policyName}`) ?? 0) + 1);
                    }
                }
            }
            // A resource policy: once per configuration in the pack's life (on the first resource of its
            // kind, in whichever example); a stack policy: once per AnalyzeStack.
            for (const p of PLANS) {
                const n = EXAMPLES.reduce((a, e) => a + (findings.get(`${e} ${p.name}`) ?? 0), 0);
                const ok = p.stack ? n === EXAMPLES.length : reporting.has(p.name) ? n === 1 : n <= 1;
                if (!ok) problems.push(`round ${r} (${what.join(", ")}): ${p.name} reported the configuration ${n} times`);
            }
        }
        assert.deepEqual(problems, []);
    });
});
