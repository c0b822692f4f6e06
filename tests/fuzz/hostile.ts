// Hostile inputs for the built pack, driven through the real protocol (engine/): the generators
// (fast-check arbitraries), the list of type tokens to aim at, and the oracles. Used by
// tests/fuzz/hostile.test.ts (a bounded seeded run in `npm test`), tests/fuzz/resilience.test.ts
// and bench/fuzz.ts (longer runs).
//
// A case is a realistic property bag for a type token the pack's policies match (bench/stack.ts
// templates) with a few mutations applied at random paths: wrong types, nulls, removed keys,
// empty and huge arrays, deep nesting, strings where booleans belong, unknown sentinels,
// secrets wrapping any value (their strings made distinctive), very long strings, odd Unicode,
// odd keys (`__proto__`, `constructor`, "", dotted, Unicode), edge numbers (NaN, ±Infinity,
// -0, 1e308, 2^53+1).
//
// The oracles (checkAnalyze, checkStack): every call is answered (a gRPC error fails); no
// message reads like an exception; a violation never mentions a path that was set unknown (or
// below it) nor carries an unknown sentinel, only the SDK's advisory "can't run policy" note
// may, and that note names a path that was set unknown; no message carries a secret's value.

import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as apb from "@pulumi/pulumi/proto/analyzer_pb";
import { analyzeResult, AnalyzeResult, Diagnostic, Engine, EngineResource } from "../../engine/engine";
import { SecretValue, unknown } from "../../engine/wire";
import { baseProps, K8S_OTHER_TOKENS, nativeForms, WORKLOAD_TOKENS } from "../../bench/stack";
import { projectRoot } from "../../scripts/root";

export const ROOT = projectRoot();
export type Props = Record<string, unknown>;

// ---- wire sentinels ----------------------------------------------------------------------

/** Every unknown sentinel the SDK recognizes; the engine itself sends the string one. */
export const UNKNOWN_SENTINELS = [
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9", // string (what the engine sends)
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // boolean
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
    "030794c1-ac77-496b-92df-f27374a8bd58", // asset
    "e48ece36-62e2-4504-bad9-02848725956a", // archive
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
];

const isUnknown = (v: unknown) => v === unknown || (typeof v === "string" && UNKNOWN_SENTINELS.includes(v));

// ---- type tokens -------------------------------------------------------------------------

const K8S_VERSIONS: Record<string, string[]> = {
    core: ["v1"],
    apps: ["v1", "v1beta1", "v1beta2"],
    extensions: ["v1beta1"],
    batch: ["v1", "v1beta1", "v2alpha1"],
};

/** Where real Kubernetes kinds are served (group/version), legacy versions included. */
const K8S_SERVED: Record<string, string[]> = {
    Pod: ["core/v1"], PodTemplate: ["core/v1"], ReplicationController: ["core/v1"], Namespace: ["core/v1"], Service: ["core/v1"],
    ConfigMap: ["core/v1"], Secret: ["core/v1"], ServiceAccount: ["core/v1"], LimitRange: ["core/v1"], ResourceQuota: ["core/v1"],
    PersistentVolume: ["core/v1"], PersistentVolumeClaim: ["core/v1"], Endpoints: ["core/v1"],
    Deployment: ["apps/v1", "apps/v1beta1", "apps/v1beta2", "extensions/v1beta1"],
    StatefulSet: ["apps/v1", "apps/v1beta1", "apps/v1beta2"],
    DaemonSet: ["apps/v1", "apps/v1beta2", "extensions/v1beta1"],
    ReplicaSet: ["apps/v1", "apps/v1beta2", "extensions/v1beta1"],
    Job: ["batch/v1"],
    CronJob: ["batch/v1", "batch/v1beta1", "batch/v2alpha1"],
    Ingress: ["networking.k8s.io/v1", "networking.k8s.io/v1beta1", "extensions/v1beta1"],
    NetworkPolicy: ["networking.k8s.io/v1", "extensions/v1beta1"],
    Role: ["rbac.authorization.k8s.io/v1", "rbac.authorization.k8s.io/v1beta1"],
    RoleBinding: ["rbac.authorization.k8s.io/v1", "rbac.authorization.k8s.io/v1beta1"],
    ClusterRole: ["rbac.authorization.k8s.io/v1", "rbac.authorization.k8s.io/v1beta1"],
    ClusterRoleBinding: ["rbac.authorization.k8s.io/v1", "rbac.authorization.k8s.io/v1beta1"],
    PodDisruptionBudget: ["policy/v1", "policy/v1beta1"],
    PodSecurityPolicy: ["policy/v1beta1"],
    HorizontalPodAutoscaler: ["autoscaling/v1", "autoscaling/v2"],
    ValidatingWebhookConfiguration: ["admissionregistration.k8s.io/v1"],
    MutatingWebhookConfiguration: ["admissionregistration.k8s.io/v1"],
};

function walkTs(dir: string, out: string[] = []): string[] {
    if (!fs.existsSync(dir)) return out;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walkTs(p, out);
        else if (e.name.endsWith(".ts")) out.push(p);
    }
    return out;
}

const strings = (s: string) => [...s.matchAll(/"([^"]+)"/g)].map(m => m[1]);

/**
 * Candidate type tokens, read from the pack's sources: every `azureNative(module(s), "Res")` in
 * each token form, every `classic("token", ...)`, every `kubernetes([groups], [kinds])` in the
 * group's apiVersions (legacy ones too) with its `…Patch` twin, and every token literal; plus the
 * benchmark's token list (so kinds no policy matches yet are probed too).
 */
export function candidateTokens(root = ROOT): string[] {
    const out = new Set<string>();
    for (const f of [...walkTs(path.join(root, "lib")), ...walkTs(path.join(root, "policies"))]) {
        const src = fs.readFileSync(f, "utf8");
        for (const m of src.matchAll(/azureNative\(\s*(\[[^\]]*\]|"[^"]*")\s*,\s*"([A-Za-z0-9]+)"\s*\)/g)) {
            for (const mod of strings(m[1])) for (const t of nativeForms(mod, m[2])) out.add(t);
        }
        for (const m of src.matchAll(/\bclassic\(([^)]*)\)/g)) {
            for (const t of strings(m[1])) if (/^azure:[^:]+:[A-Za-z0-9]+$/.test(t)) out.add(t);
        }
        for (const m of src.matchAll(/\bkubernetes\(\s*\[([^\]]*)\]\s*,\s*\[([^\]]*)\]([^)]*)\)/g)) {
            const patch = !/patch\s*:\s*false/.test(m[3]);
            const groups = strings(m[1]);
            for (const k of strings(m[2])) {
                // Real kinds: where they are served (in the groups given); others: every group's versions.
                const served = K8S_SERVED[k]?.filter(gv => groups.includes(gv.slice(0, gv.indexOf("/"))));
                const gvs = served?.length ? served : groups.flatMap(g => (K8S_VERSIONS[g] ?? ["v1", "v1beta1"]).map(v => `${g}/${v}`));
                for (const gv of gvs) {
                    out.add(`kubernetes:${gv}:${k}`);
                    if (patch) out.add(`kubernetes:${gv}:${k}Patch`);
                }
            }
        }
        for (const m of src.matchAll(/"((?:azure-native[a-z0-9_]*:[a-zA-Z0-9/]+|azure:[a-zA-Z0-9/]+|kubernetes:[a-z0-9.]+\/v[0-9a-z]+):[A-Z][A-Za-z0-9]*)"/g)) {
            out.add(m[1]);
        }
    }
    for (const t of [...WORKLOAD_TOKENS, ...K8S_OTHER_TOKENS]) out.add(t);
    return [...out].sort();
}

export interface TokenProbe {
    /** Tokens at least one resource policy applies to (not in notApplicable), with those policies. */
    matched: Map<string, string[]>;
    /** Candidates no policy applies to. */
    unmatched: string[];
}

/** Ask the pack which policies apply to each token (Analyze with the token's base bag). */
export async function probeTokens(engine: Engine, tokens: string[]): Promise<TokenProbe> {
    const info = await engine.analyzerInfo();
    const resourcePolicies = info.policies.filter(p => p.policyType === "resource").map(p => p.name);
    const matched = new Map<string, string[]>();
    const unmatched: string[] = [];
    for (const type of tokens) {
        const applies = new Set<string>();
        for (const inputs of [baseProps(type, 0, false)]) {
            const res = await engine.analyze({ type, name: "probe", urn: `urn:pulumi:dev::project::${type}::probe`, inputs });
            const na = new Set(res.notApplicable.map(n => n.policyName));
            for (const p of resourcePolicies) if (!na.has(p)) applies.add(p);
        }
        if (applies.size) matched.set(type, [...applies].sort());
        else unmatched.push(type);
    }
    return { matched, unmatched };
}

/** Type tokens near the matched ones that no real provider emits, plus junk. */
export function nearMisses(tokens: string[]): string[] {
    const out = new Set<string>(["", ":", "::", "azure-native", "azure-native::", "kubernetes:apps/v1:", "kubernetes:/v1:Deployment",
        "pulumi:pulumi:Stack", "pulumi:providers:azure-native", "azure-native:containerservice:managedcluster", "kubernetes:apps/v1:deployment",
        "kubernetes:apps/v1:DeploymentList", "kubernetes:apps/v1:Deployment ", " kubernetes:apps/v1:Deployment", "azure-native:containerservice:ManagedCluster\n",
        "azure-native:containerservice/v2024:ManagedCluster/x", "azure:containerservice/kubernetesCluster:KubernetesClusterX",
        "kubernetes:apps/v1:DeploymentPatchPatch", "ⓐzure-native:containerservice:ManagedCluster", "azure-native:containerservice:ManagedCluster\u0000",
        "x".repeat(5000)]);
    for (const t of tokens.slice(0, 40)) {
        out.add(t.toUpperCase());
        out.add(`${t}s`);
        out.add(t.replace(/:/g, "/"));
    }
    return [...out];
}

// ---- generators --------------------------------------------------------------------------

/** Odd strings: Unicode planes, bidi controls, zero-width, combining marks, NUL, lone surrogates, JSON-ish. */
export const oddString = fc.oneof(
    fc.constantFrom("", " ", "\u0000", "\u202e0.0.0.0/0", "\u200b", "e\u0301\u0301\u0301", "😀🇺🇳👩‍👩‍👧", "\ud800", "\udfff", "𝕥𝕣𝕦𝕖", "ｔｒｕｅ",
        "true\u0000", "TRUE", "True", " true ", "false\n", "null", "undefined", "NaN", "[object Object]", "{\"a\":1}", "${jndi:ldap://x}",
        "<script>alert(1)</script>", "'; DROP TABLE x; --", "\\\\?\\C:\\", "../../../../etc/passwd", "%s%s%n", "*", "0.0.0.0/0", "::/0", "Internet", "Any",
        "04da6b54-80e4-46f7-96ec-b56ff0331ba9x", "04DA6B54-80E4-46F7-96EC-B56FF0331BA9"),
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.string({ unit: "grapheme", maxLength: 20 }),
);

const edgeNumber = fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, -1, 1e308, -1e308, 5e-324, 2 ** 53 + 1, -(2 ** 63), 65536, 0.5, 1.5, 4294967296);

/** A value of any JSON-ish type, small. */
export const anyValue: fc.Arbitrary<unknown> = fc.letrec(tie => ({
    value: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        fc.constantFrom(null, true, false, 0, 1, -1, "", "true", "false", "Enabled", "Disabled", [], {}),
        fc.integer(),
        fc.double(),
        edgeNumber,
        oddString,
        fc.array(tie("value"), { maxLength: 3 }),
        fc.dictionary(oddString, tie("value"), { maxKeys: 3 }),
    ),
})).value;

export type Op =
    | { k: "set"; v: unknown }
    | { k: "null" }
    | { k: "delete" }
    | { k: "empty"; as: "array" | "object" | "string" }
    | { k: "huge"; n: number; of: "copy" | "null" | "string" | "unknown" | "object" }
    | { k: "deep"; depth: number; shape: "object" | "array" | "mixed"; leaf: unknown }
    | { k: "boolString"; s: string }
    | { k: "unknown"; sentinel: number }
    | { k: "secret" }
    | { k: "secretOf"; v: unknown }
    | { k: "long"; n: number; ch: string }
    | { k: "odd"; s: string }
    | { k: "number"; v: number }
    | { k: "oddKey"; key: string; v: unknown }
    | { k: "wrapArray" }
    | { k: "unwrapArray" };

export const opArb: fc.Arbitrary<Op> = fc.oneof(
    { weight: 6, arbitrary: anyValue.map(v => ({ k: "set", v }) as Op) },
    { weight: 3, arbitrary: fc.constant({ k: "null" } as Op) },
    { weight: 2, arbitrary: fc.constant({ k: "delete" } as Op) },
    { weight: 2, arbitrary: fc.constantFrom("array", "object", "string").map(as => ({ k: "empty", as }) as Op) },
    { weight: 1, arbitrary: fc.record({ n: fc.integer({ min: 100, max: 3000 }), of: fc.constantFrom("copy", "null", "string", "unknown", "object") }).map(x => ({ k: "huge", ...x }) as Op) },
    { weight: 1, arbitrary: fc.record({ depth: fc.integer({ min: 2, max: 400 }), shape: fc.constantFrom("object", "array", "mixed"), leaf: anyValue }).map(x => ({ k: "deep", ...x }) as Op) },
    { weight: 3, arbitrary: fc.constantFrom("true", "false", "True", "FALSE", " true", "yes", "no", "1", "0", "on", "", "enabled", "null").map(s => ({ k: "boolString", s }) as Op) },
    { weight: 6, arbitrary: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 6 }) }).map(sentinel => ({ k: "unknown", sentinel }) as Op) },
    { weight: 5, arbitrary: fc.constant({ k: "secret" } as Op) },
    { weight: 2, arbitrary: anyValue.map(v => ({ k: "secretOf", v }) as Op) },
    { weight: 1, arbitrary: fc.record({ n: fc.integer({ min: 1000, max: 200_000 }), ch: fc.constantFrom("a", "é", "😀", "\u0000", "0.0.0.0/0,", " ") }).map(x => ({ k: "long", ...x }) as Op) },
    { weight: 2, arbitrary: oddString.map(s => ({ k: "odd", s }) as Op) },
    { weight: 2, arbitrary: edgeNumber.map(v => ({ k: "number", v }) as Op) },
    { weight: 2, arbitrary: fc.record({ key: fc.oneof(fc.constantFrom("__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "", ".", "a.b", "[0]", "0", "length", "__getSpecialProxyTarget", "__isSpecialProxy", "then"), oddString), v: anyValue }).map(x => ({ k: "oddKey", ...x }) as Op) },
    { weight: 1, arbitrary: fc.constant({ k: "wrapArray" } as Op) },
    { weight: 1, arbitrary: fc.constant({ k: "unwrapArray" } as Op) },
);

export interface Mutation {
    /** Which path of the bag (modulo the number of paths when applied). */
    at: number;
    op: Op;
}

export interface CasePlan {
    type: string;
    /** Which base bag: template variant index and hardened or not. */
    variant: number;
    secure: boolean;
    mutations: Mutation[];
    /** Occasionally a hostile provider bag and a hostile resource name. */
    provider?: Mutation[];
    name?: string;
}

export function planArb(types: string[], maxMutations = 6): fc.Arbitrary<CasePlan> {
    return fc.record(
        {
            type: fc.constantFrom(...types),
            variant: fc.integer({ min: 0, max: 5 }),
            secure: fc.boolean(),
            mutations: fc.array(fc.record({ at: fc.nat(), op: opArb }), { minLength: 1, maxLength: maxMutations }),
            provider: fc.array(fc.record({ at: fc.nat(), op: opArb }), { maxLength: 3 }),
            name: oddString,
        },
        { requiredKeys: ["type", "variant", "secure", "mutations"] },
    );
}

// ---- applying a plan -----------------------------------------------------------------------

type Seg = string | number;

const isPlainObject = (v: unknown): v is Props =>
    typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof SecretValue);

/** Every path of a bag (through secrets), breadth-first, at most `max`. */
function paths(root: Props, max = 4000): Seg[][] {
    const out: Seg[][] = [];
    const queue: [unknown, Seg[]][] = [[root, []]];
    while (queue.length && out.length < max) {
        const [v, p] = queue.shift()!;
        const inner = v instanceof SecretValue ? v.value : v;
        if (Array.isArray(inner)) {
            for (let i = 0; i < Math.min(inner.length, 50); i++) {
                out.push([...p, i]);
                queue.push([inner[i], [...p, i]]);
            }
        } else if (isPlainObject(inner)) {
            for (const k of Object.keys(inner)) {
                out.push([...p, k]);
                queue.push([inner[k], [...p, k]]);
            }
        }
    }
    return out;
}

function containerAt(root: Props, p: Seg[]): Record<string | number, unknown> | undefined {
    let v: unknown = root;
    for (const s of p.slice(0, -1)) {
        if (v instanceof SecretValue) v = v.value;
        v = (v as Record<string | number, unknown>)?.[s];
    }
    if (v instanceof SecretValue) v = v.value;
    return typeof v === "object" && v !== null ? (v as Record<string | number, unknown>) : undefined;
}

function nest(depth: number, shape: "object" | "array" | "mixed", leaf: unknown): unknown {
    let v: unknown = leaf;
    for (let i = 0; i < depth; i++) {
        const arr = shape === "array" || (shape === "mixed" && i % 2 === 1);
        v = arr ? [v] : { enabled: v, x: i };
    }
    return v;
}

function cloneBag(v: unknown): unknown {
    if (v instanceof SecretValue) return new SecretValue(cloneBag(v.value));
    if (Array.isArray(v)) return v.map(cloneBag);
    if (isPlainObject(v)) {
        const o: Props = {};
        for (const k of Object.keys(v)) setKey(o, k, cloneBag(v[k]));
        return o;
    }
    return v;
}

function setKey(c: Record<string | number, unknown>, k: Seg, v: unknown): void {
    // defineProperty so that "__proto__" becomes an own key, as it is on the wire.
    Object.defineProperty(c, k, { value: v, enumerable: true, writable: true, configurable: true });
}

/** The deepest nesting a case may reach (the Go engine's protobuf decoder stops at 10,000 messages). */
export const MAX_DEPTH = 500;

function depthOf(v: unknown, d = 0): number {
    const inner = v instanceof SecretValue ? v.value : v;
    if (Array.isArray(inner)) return inner.reduce<number>((m, x) => Math.max(m, depthOf(x, d + 1)), d + 1);
    if (isPlainObject(inner)) return Object.keys(inner).reduce<number>((m, k) => Math.max(m, depthOf(inner[k], d + 1)), d + 1);
    return d;
}

/** How many values `v` holds (counting stops at 1,000,000). */
function sizeOf(v: unknown, acc = { n: 0 }): number {
    acc.n++;
    if (acc.n > 1_000_000) return acc.n;
    const inner = v instanceof SecretValue ? v.value : v;
    if (Array.isArray(inner)) for (const x of inner) sizeOf(x, acc);
    else if (isPlainObject(inner)) for (const k of Object.keys(inner)) sizeOf(inner[k], acc);
    return acc.n;
}

export function applyMutations(root: Props, muts: Mutation[]): void {
    for (const m of muts) {
        const ps = paths(root);
        if (!ps.length) {
            if (m.op.k === "oddKey") setKey(root, m.op.key, cloneBag(m.op.v));
            continue;
        }
        const p = ps[m.at % ps.length];
        const c = containerAt(root, p);
        if (!c) continue;
        const k = p[p.length - 1];
        const cur = c[k];
        const op = m.op;
        let next: unknown = cur;
        switch (op.k) {
            case "set": next = cloneBag(op.v); break;
            case "null": next = null; break;
            case "delete":
                if (Array.isArray(c)) c.splice(k as number, 1);
                else delete c[k];
                continue;
            case "empty": next = op.as === "array" ? [] : op.as === "object" ? {} : ""; break;
            case "huge": {
                // Keep a case under ~200,000 values: a huge array of copies of a big value is capped.
                const n = op.of === "copy" ? Math.max(1, Math.min(op.n, Math.floor(200_000 / sizeOf(cur)))) : op.n;
                const one = () => op.of === "copy" ? cloneBag(cur) : op.of === "null" ? null : op.of === "string" ? "0.0.0.0/0" : op.of === "unknown" ? unknown : { name: "x", enabled: true };
                next = Array.from({ length: n }, one);
                break;
            }
            case "deep": next = nest(Math.max(0, Math.min(op.depth, MAX_DEPTH - p.length - depthOf(op.leaf))), op.shape, cloneBag(op.leaf)); break;
            case "boolString": next = op.s; break;
            case "unknown": next = op.sentinel === 0 ? unknown : UNKNOWN_SENTINELS[op.sentinel]; break;
            case "secret": next = cur === undefined ? cur : new SecretValue(cur); break;
            case "secretOf": next = new SecretValue(cloneBag(op.v)); break;
            case "long": next = op.ch.repeat(Math.ceil(op.n / op.ch.length)); break;
            case "odd": next = op.s; break;
            case "number": next = op.v; break;
            case "oddKey":
                if (isPlainObject(cur)) setKey(cur, op.key, cloneBag(op.v));
                else if (!Array.isArray(c)) setKey(c, op.key, cloneBag(op.v));
                continue;
            case "wrapArray": next = depthOf(root) < MAX_DEPTH ? [cur] : cur; break;
            case "unwrapArray": next = Array.isArray(cur) ? cur[0] ?? null : cur; break;
        }
        if (Array.isArray(c)) c[k as number] = next;
        else setKey(c, k, next);
    }
}

// ---- secrets made distinctive, and what a case holds ------------------------------------------

export const SECRET_MARK = "S3CRET";
const SECRET_NUMBER_BASE = 731_337_000;

/** Give every string and number inside a secret a distinctive form; collect them. */
function markSecrets(v: unknown, inSecret: boolean, acc: { n: number; numbers: Set<number> }): unknown {
    if (v instanceof SecretValue) return new SecretValue(markSecrets(v.value, true, acc));
    if (Array.isArray(v)) return v.map(x => markSecrets(x, inSecret, acc));
    if (isPlainObject(v)) {
        const o: Props = {};
        for (const k of Object.keys(v)) setKey(o, k, markSecrets(v[k], inSecret, acc));
        return o;
    }
    if (!inSecret || isUnknown(v)) return v;
    if (typeof v === "string") return v.startsWith(SECRET_MARK) ? v : `${SECRET_MARK}${acc.n++}:${v}`;
    if (typeof v === "number" && Number.isFinite(v)) {
        const n = SECRET_NUMBER_BASE + acc.n++;
        acc.numbers.add(n);
        return n;
    }
    return v;
}

/** Node's path syntax (lib/core/node.ts joinPath): `a.b[0]["x.y"]`. */
export function joinPath(base: string, key: Seg): string {
    if (typeof key === "number") return `${base}[${key}]`;
    if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)) return base ? `${base}.${key}` : key;
    return `${base}[${JSON.stringify(key)}]`;
}

/** Where the unknowns are: in Node's syntax and in the SDK's (`.a.b.0`). */
function unknownPaths(v: unknown, p: Seg[], out: { node: string; sdk: string }[]): void {
    if (isUnknown(v)) {
        out.push({ node: p.reduce<string>((b, s) => joinPath(b, s), ""), sdk: p.join(".") });
        return;
    }
    if (v instanceof SecretValue) return unknownPaths(v.value, p, out);
    if (Array.isArray(v)) v.forEach((x, i) => unknownPaths(x, [...p, i], out));
    else if (isPlainObject(v)) for (const k of Object.keys(v)) unknownPaths(v[k], [...p, k], out);
}

export interface Case {
    plan?: CasePlan;
    resource: EngineResource;
    unknowns: { node: string; sdk: string }[];
    secretNumbers: Set<number>;
}

let urnCounter = 0;

/** Materialize a plan: base bag, mutations, secrets made distinctive. */
export function build(plan: CasePlan): Case {
    const root = cloneBag(baseProps(plan.type, plan.variant, plan.secure, plan.variant + 1)) as Props;
    applyMutations(root, plan.mutations);
    const acc = { n: 0, numbers: new Set<number>() };
    const inputs = markSecrets(root, false, acc) as Props;
    let provider: EngineResource["provider"];
    if (plan.provider && plan.provider.length) {
        const pin = cloneBag({ kubeconfig: new SecretValue("apiVersion: v1\nkind: Config\n"), location: "westeurope", features: {} }) as Props;
        applyMutations(pin, plan.provider);
        provider = { type: "pulumi:providers:kubernetes", name: "k8s", urn: "urn:pulumi:dev::project::pulumi:providers:kubernetes::k8s", inputs: markSecrets(pin, false, acc) as Props };
    }
    const unknowns: Case["unknowns"] = [];
    unknownPaths(inputs, [], unknowns);
    const name = plan.name ?? `r${urnCounter++}`;
    return {
        plan,
        resource: { type: plan.type, name, urn: `urn:pulumi:dev::project::${plan.type}::${name}`, inputs, provider },
        unknowns,
        secretNumbers: acc.numbers,
    };
}

/** The case's inputs as they go on the wire (JSON), for failure reports. */
export function wireJson(c: Case, max = 4000): string {
    const s = JSON.stringify({ type: c.resource.type, name: c.resource.name, inputs: wire(c.resource.inputs), provider: c.resource.provider ? wire(c.resource.provider.inputs) : undefined },
        (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? `<${v}>` : v));
    return s.length > max ? `${s.slice(0, max)}… (${s.length} chars)` : s;
}

// ---- oracles -------------------------------------------------------------------------------

const NOTE = /^can't run policy '([^']+)' from policy pack '([^']+)' during preview: (\w+) value at \.(.*) can't be known during preview$/s;
const EXCEPTION = /TypeError|ReferenceError|RangeError|SyntaxError|Cannot read propert|Cannot convert|is not a function|is not iterable|is not defined|Maximum call stack|undefined is not|\n\s+at .+:\d+:\d+/;
const SEG = String.raw`(?:[A-Za-z_$][\w$]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])`;
const PATH_TOKEN = new RegExp(String.raw`${SEG}(?:\.[A-Za-z_$][\w$]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])*`, "g");

/**
 * The property paths a message names: multi-segment tokens (`a.b`, `x[0]`), single words only
 * in "set(s) <word>" or "<word>:" position, and element + relative path pairs
 * (`agentPoolProfiles[1] ("user") sets enableNodePublicIP: true`).
 */
export function mentionedPaths(message: string): string[] {
    const tokens: { t: string; at: number; multi: boolean }[] = [];
    for (const m of message.matchAll(PATH_TOKEN)) {
        const t = m[0];
        const at = m.index ?? 0;
        const multi = /[.[]/.test(t);
        const before = message.slice(Math.max(0, at - 5), at);
        const after = message.slice(at + t.length, at + t.length + 1);
        if (multi || /\bsets? $/.test(before) || after === ":") tokens.push({ t, at, multi });
    }
    const out = new Set(tokens.map(x => x.t));
    for (const e of tokens) {
        if (!e.multi && !e.t.endsWith("]")) continue;
        for (const r of tokens) {
            if (r.at <= e.at) continue;
            out.add(r.t.startsWith("[") ? `${e.t}${r.t}` : `${e.t}.${r.t}`);
        }
    }
    return [...out];
}

function under(candidate: string, u: string): boolean {
    return candidate === u || candidate.startsWith(`${u}.`) || candidate.startsWith(`${u}[`);
}

export interface Context {
    policies: Set<string>;
    packName: string;
}

export async function context(engine: Engine): Promise<Context> {
    const info = await engine.analyzerInfo();
    return { policies: new Set(info.policies.map(p => p.name)), packName: info.name };
}

/** Problems with one diagnostic about `c` (an empty list when it is fine). */
export function checkDiagnostic(d: Diagnostic, c: Pick<Case, "unknowns" | "secretNumbers"> | undefined, ctx: Context, anyUnknowns: boolean): string[] {
    const problems: string[] = [];
    const say = (what: string) => problems.push(`${d.policyName}: ${what}\n    message: ${JSON.stringify(d.message.slice(0, 600))}`);
    if (!ctx.policies.has(d.policyName)) say("diagnostic from a policy the pack does not declare");
    const m = NOTE.exec(d.message);
    if (d.message.startsWith("can't run policy")) {
        if (!m) say("malformed preview note");
        else {
            if (d.enforcementLevel !== "advisory") say(`preview note at level ${d.enforcementLevel}`);
            if (!anyUnknowns) say("preview note although no value was unknown");
            else if (c && !c.unknowns.some(u => u.sdk === m[4])) say(`preview note names .${m[4]}, which was not set unknown (unknown: ${c.unknowns.map(u => u.sdk).join(", ")})`);
        }
        return problems;
    }
    if (EXCEPTION.test(d.message)) say("message reads like an exception");
    for (const s of UNKNOWN_SENTINELS) if (new RegExp(`(^|[^0-9A-Za-z-])${s}($|[^0-9A-Za-z-])`).test(d.message)) say(`violation carries the unknown sentinel ${s}`);
    if (c) {
        const mentioned = mentionedPaths(d.message);
        for (const u of c.unknowns) {
            const hit = mentioned.find(x => under(x, u.node));
            if (hit) say(`violation for a value unknown during preview: mentions ${hit}, unknown at ${u.node}`);
        }
    }
    if (d.message.toLowerCase().includes(SECRET_MARK.toLowerCase())) say("violation prints a secret's value");
    for (const n of c?.secretNumbers ?? []) if (new RegExp(`(^|[^0-9])${n}([^0-9]|$)`).test(d.message)) say(`violation prints the secret number ${n}`);
    return problems;
}

export function checkAnalyze(c: Case, res: AnalyzeResult, ctx: Context): string[] {
    return res.diagnostics.flatMap(d => checkDiagnostic(d, c, ctx, c.unknowns.length > 0));
}

export function checkStack(cases: Case[], res: AnalyzeResult, ctx: Context): string[] {
    const byUrn = new Map(cases.map(c => [c.resource.urn, c]));
    const anyUnknowns = cases.some(c => c.unknowns.length > 0);
    const allNumbers = new Set(cases.flatMap(c => [...c.secretNumbers]));
    return res.diagnostics.flatMap(d => {
        const c = byUrn.get(d.urn);
        // Unknown paths are judged against the resource the diagnostic names; secrets against all.
        return checkDiagnostic(d, c ? { unknowns: c.unknowns, secretNumbers: allNumbers } : { unknowns: [], secretNumbers: allNumbers }, ctx, anyUnknowns)
            .filter(p => c || !p.includes("was not set unknown"));
    });
}

// ---- stacks ----------------------------------------------------------------------------------

export interface StackPlan {
    resources: CasePlan[];
    /** For resource i: indexes of its dependencies / property dependencies / parent (modulo n; -1 = dangling URN). */
    links: { deps: number[]; propDeps: [string, number[]][]; parent: number }[];
}

export function stackPlanArb(types: string[], maxResources = 25): fc.Arbitrary<StackPlan> {
    return fc.integer({ min: 1, max: maxResources }).chain(n =>
        fc.record({
            resources: fc.array(planArb(types, 3), { minLength: n, maxLength: n }),
            links: fc.array(
                fc.record({
                    deps: fc.array(fc.integer({ min: -1, max: n - 1 }), { maxLength: 4 }),
                    propDeps: fc.array(fc.tuple(fc.oneof(fc.constantFrom("resourceName", "agentPoolProfiles", "scope", "subnet", "networkSecurityGroup", "diskEncryptionSetID", "resourceUri", "workspaceId", "principalId", "metadata", "kubernetesClusterId", "targetResourceId"), oddString), fc.array(fc.integer({ min: -1, max: n - 1 }), { maxLength: 3 })), { maxLength: 3 }),
                    parent: fc.integer({ min: -1, max: n - 1 }),
                }),
                { minLength: n, maxLength: n },
            ),
        }),
    );
}

export function buildStack(plan: StackPlan): Case[] {
    const cases = plan.resources.map((p, i) => build({ ...p, name: `${p.name ?? "r"}-${i}` }));
    const urn = (i: number) => (i < 0 ? "urn:pulumi:dev::project::azure-native:containerservice:ManagedCluster::dangling" : cases[i].resource.urn);
    cases.forEach((c, i) => {
        const l = plan.links[i];
        if (!l) return;
        c.resource.dependencies = l.deps.map(urn);
        c.resource.propertyDependencies = Object.fromEntries(l.propDeps.map(([k, xs]) => [k, xs.map(urn)]));
        c.resource.parent = l.parent === i ? undefined : urn(l.parent);
        c.resource.outputs = { ...c.resource.inputs, id: i % 3 === 0 ? unknown : `/subscriptions/0/resourceGroups/rg/providers/x/${i}` };
        // outputs carry the same unknowns as inputs, plus the id when unknown
        if (i % 3 === 0) c.unknowns.push({ node: "id", sdk: "id" });
    });
    return cases;
}

// ---- calling the pack ------------------------------------------------------------------------
//
// Requests are built here rather than by engine.analyze: engine/wire.ts encode() assigns keys
// with `out[k] = ...`, which turns an own `__proto__` key into a prototype and drops it, so such
// keys would never reach the pack. Otherwise the requests are the ones engine/ builds, sent on
// the engine's client.

const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** The wire form: unknown -> sentinel, secret -> signature object, every key kept as an own key. */
export function wire(v: unknown): unknown {
    if (v === unknown) return UNKNOWN_SENTINELS[0];
    // A secret always carries a value on the wire; a secret of nothing is nothing.
    if (v instanceof SecretValue) return v.value === undefined ? undefined : { [SIG_KEY]: SECRET_SIG, value: wire(v.value) };
    if (Array.isArray(v)) return v.map(x => wire(x) ?? null);
    if (typeof v === "object" && v !== null) {
        const o: Props = {};
        for (const k of Object.keys(v)) {
            const x = (v as Props)[k];
            if (x !== undefined) setKey(o, k, wire(x));
        }
        return o;
    }
    return v;
}

const struct = (v: unknown) => Struct.fromJavaScript((wire(v ?? {}) ?? {}) as Record<string, never>);

export function fill<T extends apb.AnalyzeRequest | apb.AnalyzerResource>(req: T, r: EngineResource, props: unknown): T {
    req.setType(r.type);
    req.setName(r.name);
    req.setUrn(r.urn);
    req.setProperties(struct(props));
    const o = new apb.AnalyzerResourceOptions();
    o.setProtect(false);
    if (r.parent) o.setParent(r.parent);
    req.setOptions(o);
    if (r.provider) {
        const p = new apb.AnalyzerProviderResource();
        p.setType(r.provider.type);
        p.setName(r.provider.name);
        p.setUrn(r.provider.urn);
        p.setProperties(struct(r.provider.inputs));
        req.setProvider(p);
    }
    return req;
}


function unary<Res>(engine: Engine, method: "analyze" | "remediate" | "analyzeStack", req: unknown): Promise<Res> {
    return new Promise((resolve, reject) => {
        const fn = (engine.client as unknown as Record<string, (r: unknown, cb: (e: Error | null, r: Res) => void) => void>)[method];
        fn.call(engine.client, req, (err, res) => (err ? reject(err) : resolve(res)));
    });
}

export async function analyze(engine: Engine, r: EngineResource, props: unknown = r.inputs): Promise<AnalyzeResult> {
    return analyzeResult(await unary<apb.AnalyzeResponse>(engine, "analyze", fill(new apb.AnalyzeRequest(), r, props)));
}

/** Remediate; the remediated bag (wire form) if a policy returned one. */
export async function remediate(engine: Engine, r: EngineResource): Promise<unknown | undefined> {
    const res = await unary<apb.RemediateResponse>(engine, "remediate", fill(new apb.AnalyzeRequest(), r, r.inputs));
    let out: unknown;
    for (const x of res.getRemediationsList()) if (x.getProperties()) out = x.getProperties()!.toJavaScript();
    return out;
}

export async function analyzeStack(engine: Engine, rs: EngineResource[]): Promise<AnalyzeResult> {
    const req = new apb.AnalyzeStackRequest();
    req.setResourcesList(rs.map(r => {
        const ar = fill(new apb.AnalyzerResource(), r, r.outputs ?? r.inputs);
        if (r.parent) ar.setParent(r.parent);
        ar.setDependenciesList(r.dependencies ?? []);
        for (const [k, urns] of Object.entries(r.propertyDependencies ?? {})) {
            const d = new apb.AnalyzerPropertyDependencies();
            d.setUrnsList(urns);
            ar.getPropertydependenciesMap().set(k, d);
        }
        return ar;
    }));
    return analyzeResult(await unary<apb.AnalyzeResponse>(engine, "analyzeStack", req));
}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
    let timer: NodeJS.Timeout;
    return Promise.race([
        p.finally(() => clearTimeout(timer)),
        new Promise<T>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer to ${what} within ${ms} ms`)), ms);
        }),
    ]);
}

const firstLines = (e: unknown) => ((e as Error)?.message ?? String(e)).split("\n").slice(0, 8).join("\n    ");

/** Remediate then Analyze one case as the engine does; the problems found. */
export async function runCase(engine: Engine, c: Case, ctx: Context, timeoutMs = 30_000): Promise<string[]> {
    let props: unknown = c.resource.inputs;
    try {
        props = (await withTimeout(remediate(engine, c.resource), timeoutMs, "Remediate")) ?? props;
    } catch (e) {
        return [`Remediate failed: ${firstLines(e)}`];
    }
    try {
        const res = await withTimeout(analyze(engine, c.resource, props), timeoutMs, "Analyze");
        return checkAnalyze(c, res, ctx);
    } catch (e) {
        return [`Analyze failed: ${firstLines(e)}`];
    }
}

export async function runStack(engine: Engine, cases: Case[], ctx: Context, timeoutMs = 60_000): Promise<string[]> {
    try {
        const res = await withTimeout(analyzeStack(engine, cases.map(c => c.resource)), timeoutMs, "AnalyzeStack");
        return checkStack(cases, res, ctx);
    } catch (e) {
        return [`AnalyzeStack failed: ${firstLines(e)}`];
    }
}

/** A failure report: the problems and the (minimized) input on the wire. */
export function report(problems: string[], cases: Case[]): string {
    return `${problems.join("\n")}\ninput${cases.length > 1 ? "s" : ""}:\n${cases.map(c => `  ${wireJson(c)}`).join("\n")}`;
}

// ---- systematic sweep ------------------------------------------------------------------------

/** A family of tokens: the same resource in several token forms (`azure-native ManagedCluster`, `kubernetes Deployment`). */
export function familyOf(type: string): string {
    if (type.startsWith("kubernetes:")) return `kubernetes ${type.slice(type.lastIndexOf(":") + 1).replace(/Patch$/, "")}`;
    if (type.startsWith("azure-native")) return `azure-native ${type.slice(type.lastIndexOf(":") + 1)}`;
    return type;
}

/** Values of another type than `v`. */
function wrongTypes(v: unknown): unknown[] {
    if (typeof v === "boolean") return ["true", 0, null, {}];
    if (typeof v === "string") return [0, true, [], { value: v }];
    if (typeof v === "number") return [String(v), true, null, [v]];
    if (Array.isArray(v)) return [{}, "x", null, v[0] ?? 0];
    if (typeof v === "object" && v !== null) return ["x", [], true, [v]];
    return [{}, "x", 0, []];
}

/**
 * Every path of every family's base bags (hardened and insecure), with each of the first `ops`
 * operations: set unknown, a wrong type, secret, another wrong type, null; plus the clean bags.
 * `perFamily` token forms per family (spread over the forms). Families take turns (round robin),
 * so a sweep cut short by a time budget still covers every family's first paths.
 */
export function* sweep(types: string[], opts: { perFamily?: number; ops?: number; maxPaths?: number } = {}): Generator<Case> {
    const perFamily = opts.perFamily ?? 1;
    const nops = opts.ops ?? 2;
    const families = new Map<string, string[]>();
    for (const t of types) families.set(familyOf(t), [...(families.get(familyOf(t)) ?? []), t]);
    function* one(type: string, secure: boolean): Generator<Case> {
        const base = cloneBag(baseProps(type, 0, secure, 1)) as Props;
        yield build({ type, variant: 0, secure, mutations: [], name: "clean" });
        const ps = paths(base).slice(0, opts.maxPaths ?? 400);
        for (let i = 0; i < ps.length; i++) {
            const cur = containerAt(base, ps[i])?.[ps[i][ps[i].length - 1]];
            const wrong = wrongTypes(cur);
            const ops: Op[] = [
                { k: "unknown", sentinel: 0 },
                { k: "set", v: wrong[i % wrong.length] },
                { k: "secret" },
                { k: "set", v: wrong[(i + 1) % wrong.length] },
                { k: "null" },
            ];
            for (const op of ops.slice(0, nops)) {
                if (op.k === "secret" && cur === undefined) continue;
                yield build({ type, variant: 0, secure, mutations: [{ at: i, op }], name: "sweep" });
            }
        }
    }
    const gens: Generator<Case>[] = [];
    for (const [, toks] of [...families].sort()) {
        const chosen = toks.length <= perFamily ? toks : Array.from({ length: perFamily }, (_, i) => toks[Math.floor((i * toks.length) / perFamily)]);
        for (const type of chosen) for (const secure of [false, true]) gens.push(one(type, secure));
    }
    while (gens.length) {
        for (let g = 0; g < gens.length; g++) {
            const next = gens[g].next();
            if (next.done) gens.splice(g--, 1);
            else yield next.value;
        }
    }
}
