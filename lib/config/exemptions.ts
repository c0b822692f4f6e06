// Exemptions: an org admin's list in each policy's configuration, and in-code exemptions a
// developer writes on the resource itself (a Kubernetes annotation or an Azure tag naming the
// policy and the reason). An exempted resource is reported as not applicable with its reason,
// never silently skipped; an expired exemption stops working and the violation comes back
// with a note saying so.

import { globMatch } from "../core/glob";
import type { ConfigProperty } from "../core/meta";
import { Node } from "../core/node";

export interface Exemption {
    match: {
        /** Glob over the resource's Pulumi name (`*`, `?`). */
        name?: string;
        /** Glob over the resource's URN. */
        urn?: string;
        /** Glob over the resource's type token. */
        type?: string;
        /** Glob over a Kubernetes resource's `metadata.namespace`. */
        namespace?: string;
        /** A Kubernetes annotation on the resource: `key` or `key=value`. */
        annotation?: string;
        /** An Azure tag on the resource: `key` or `key=value`. */
        tag?: string;
    };
    reason: string;
    /** Last day the exemption holds (YYYY-MM-DD, UTC); after it the violation comes back. */
    expires?: string;
    owner?: string;
}

/** The annotation (Kubernetes) and tag (Azure) that exempt a resource from one policy in code. */
export const IN_CODE_ANNOTATION_PREFIX = "exempt.aks-security-baseline.io/";
export const IN_CODE_TAG_PREFIX = "aks-security-baseline-exempt:";

export const SHARED_CONFIG: Record<string, ConfigProperty> = {
    exemptions: {
        type: "array",
        default: [],
        description: "Resources exempted from this policy: [{ match: { name|urn|type|namespace (globs), annotation|tag (key or key=value) }, reason, expires? (YYYY-MM-DD), owner? }]. See docs/configuration.md.",
        items: {
            type: "object",
            required: ["match", "reason"],
            additionalProperties: false,
            properties: {
                match: {
                    type: "object",
                    minProperties: 1,
                    additionalProperties: false,
                    properties: {
                        name: { type: "string" },
                        urn: { type: "string" },
                        type: { type: "string" },
                        namespace: { type: "string" },
                        annotation: { type: "string" },
                        tag: { type: "string" },
                    },
                },
                reason: { type: "string", minLength: 1 },
                expires: { type: "string", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" },
                owner: { type: "string" },
            },
        },
    },
    allowInCodeExemptions: {
        type: "boolean",
        default: true,
        description: `Honour in-code exemptions (annotation ${IN_CODE_ANNOTATION_PREFIX}<policy> or tag ${IN_CODE_TAG_PREFIX}<policy>, reason as value).`,
    },
};

export interface Subject {
    name: string;
    urn: string;
    type: string;
    props: unknown;
    /** In validation, the props root shared by the resource's policies (Node.shared): its reads are read once. */
    shared?: boolean;
}

/** A string-keyed map read from the resource without stopping on unknowns. */
function readMap(n: Node): Map<string, string> | undefined {
    if (n.pending || !n.isObject) {
        return undefined;
    }
    const out = new Map<string, string>();
    for (const [k, v] of n.entries()) {
        if (!v.pending && typeof v.raw === "string") {
            out.set(k, v.raw);
        }
    }
    return out;
}

class Lazy {
    private ann?: Map<string, string> | null;
    private tags?: Map<string, string> | null;
    private ns?: string | null;
    constructor(private readonly root: Node) {}
    annotations(): Map<string, string> | undefined {
        if (this.ann === undefined) {
            const meta = this.root.get("metadata");
            this.ann = meta.pending ? null : readMap(meta.get("annotations")) ?? null;
        }
        return this.ann ?? undefined;
    }
    tagMap(): Map<string, string> | undefined {
        if (this.tags === undefined) this.tags = readMap(this.root.get("tags")) ?? null;
        return this.tags ?? undefined;
    }
    namespace(): string | undefined {
        if (this.ns === undefined) {
            const meta = this.root.get("metadata");
            const n = meta.pending ? undefined : meta.get("namespace");
            this.ns = n && !n.pending && typeof n.raw === "string" ? n.raw : null;
        }
        return this.ns ?? undefined;
    }
}

const lazies = new WeakMap<Node, Lazy>();

function lazyOf(s: Subject): Lazy {
    if (!s.shared) return new Lazy(Node.root(s.props));
    const root = Node.shared(s.props);
    let l = lazies.get(root);
    if (!l) lazies.set(root, (l = new Lazy(root)));
    return l;
}

function kv(spec: unknown, map: Map<string, string> | undefined): boolean {
    if (!map || typeof spec !== "string") return false;
    const i = spec.indexOf("=");
    if (i < 0) return map.has(spec);
    return map.get(spec.slice(0, i)) === spec.slice(i + 1);
}

function matches(e: Exemption, s: Subject, lazy: Lazy): boolean {
    const m = e.match;
    if (typeof m !== "object" || m === null) return false;
    // A pattern that is not a string matches nothing (never throws).
    if (m.name !== undefined && !globMatch(m.name, s.name)) return false;
    if (m.urn !== undefined && !globMatch(m.urn, s.urn)) return false;
    if (m.type !== undefined && !globMatch(m.type, s.type)) return false;
    if (m.namespace !== undefined) {
        const ns = lazy.namespace();
        if (ns === undefined || !globMatch(m.namespace, ns)) return false;
    }
    if (m.annotation !== undefined && !kv(m.annotation, lazy.annotations())) return false;
    if (m.tag !== undefined && !kv(m.tag, lazy.tagMap())) return false;
    return Object.keys(m).length > 0;
}

/** True when `expires` (inclusive, UTC) lies before `now`. */
export function expired(expires: string | undefined, now: Date): boolean {
    if (!expires) return false;
    const end = Date.parse(`${expires}T23:59:59.999Z`);
    return !Number.isNaN(end) && now.getTime() > end;
}

export interface ExemptionDecision {
    /** The resource is exempt: report not applicable with this reason. */
    exempt?: string;
    /** The configured exemption that matched (undefined for an in-code exemption). */
    exemption?: Exemption;
    /** Appended to each violation: an exemption that lapsed, or an in-code one without a reason. */
    note?: string;
}

export function describeExemption(e: Exemption, source: string): string {
    const who = e.owner ? `, owner ${e.owner}` : "";
    const until = e.expires ? `, until ${e.expires}` : "";
    return `exempted by ${source}: ${e.reason}${who}${until}`;
}

/** Decide whether `policy` is exempted for `s`, from the admin's list and in-code markers. */
export function decide(
    policy: string,
    config: { exemptions?: unknown; allowInCodeExemptions?: unknown },
    s: Subject,
    now: Date = new Date(),
): ExemptionDecision {
    const lazy = lazyOf(s);
    let note: string | undefined;
    const list = Array.isArray(config.exemptions) ? (config.exemptions as Exemption[]) : [];
    for (const e of list) {
        if (!e || typeof e !== "object" || typeof e.reason !== "string" || !matches(e, s, lazy)) continue;
        if (expired(typeof e.expires === "string" ? e.expires : undefined, now)) {
            note ??= `The exemption "${e.reason}" for this resource expired on ${e.expires}.`;
            continue;
        }
        return { exempt: describeExemption(e, "the policy configuration"), exemption: e };
    }
    if (config.allowInCodeExemptions !== false) {
        const ann = s.type.startsWith("kubernetes:") ? lazy.annotations()?.get(IN_CODE_ANNOTATION_PREFIX + policy) : undefined;
        const tag = ann === undefined ? lazy.tagMap()?.get(IN_CODE_TAG_PREFIX + policy) : undefined;
        const reason = ann ?? tag;
        if (reason !== undefined) {
            const where = ann !== undefined ? `annotation ${IN_CODE_ANNOTATION_PREFIX}${policy}` : `tag ${IN_CODE_TAG_PREFIX}${policy}`;
            if (reason.trim()) {
                return { exempt: `exempted in code by the ${where}: ${reason.trim()}` };
            }
            note ??= `The ${where} has no reason, so it does not exempt the resource; write the reason as its value.`;
        }
    }
    return { note };
}
