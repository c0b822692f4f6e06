// Unknown-safe reading and joining for stack policies, on top of lib/stack/index.ts.
//
// A stack policy sees every resource of the stack at once, so one unknown value read by
// mistake stops the whole policy (the SDK's proxy throws). Everything here answers without
// ever reading an unknown: `known()` walks a path and stops at the first value that is
// unknown during preview; `Targets` joins resources by propertyDependencies first and by
// known ARM IDs (case-insensitive, the value may point inside the target) second.
// Every query is a map lookup: no loop over all resources per resource.

import { armId, idOf, Resource } from "./index";
import { Known, UNKNOWN } from "../core/known";
import { Node } from "../core/node";

/**
 * The node at `path` (dotted, object keys only) under `n`, or undefined when it, or an object
 * on the way to it, is unknown during preview. Absent values come back as absent nodes.
 */
export function known(n: Node, path?: string): Node | undefined {
    if (n.pending) {
        return undefined;
    }
    let cur = n;
    for (const part of path ? path.split(".") : []) {
        const next = cur.child(part);
        if (next.pending) {
            return undefined;
        }
        cur = next;
    }
    return cur;
}

/** Like `known`, but the last key is looked up case-insensitively (AKS add-on names, identityProfile keys). */
export function knownCI(n: Node, key: string): Node | undefined {
    if (n.pending) {
        return undefined;
    }
    const next = n.getCI(key);
    return next.pending ? undefined : next;
}

/** Known elements of an array value; unknown elements are skipped and counted. */
export function knownItems(n: Node | undefined): { items: Node[]; unknown: number } {
    const out: Node[] = [];
    let unknown = 0;
    if (n === undefined) {
        return { items: out, unknown: 1 };
    }
    for (const item of n.items()) {
        if (item.pending) {
            unknown++;
        } else {
            out.push(item);
        }
    }
    return { items: out, unknown };
}

/**
 * A value read for a decision: UNKNOWN during preview when it is set from another resource's
 * output, else the trimmed string (undefined when absent or not a string).
 */
export type Text = Known<string | undefined>;

export function text(n: Node | undefined): Text {
    if (n === undefined) {
        return UNKNOWN;
    }
    const s = n.str();
    return s === undefined ? undefined : s.trim();
}

/** Text of `path` under `n`, UNKNOWN when it cannot be known during preview. */
export function textAt(n: Node, path: string): Text {
    return text(known(n, path));
}

/** Case-insensitive equality of a read value with one of `allowed`; UNKNOWN never matches. */
export function isOneOf(t: Text, allowed: readonly string[]): boolean {
    if (t === undefined || t === UNKNOWN) {
        return false;
    }
    const v = t.toLowerCase();
    return allowed.some(a => a.toLowerCase() === v);
}

/** The value is set: a non-blank string, or a value unknown at preview (set from another resource's output). */
export function isSet(n: Node | undefined): boolean {
    return n === undefined || n.hasText;
}

/** Every ancestor of an ARM ID, itself first: `/a/b/c`, `/a/b`, `/a`. */
export function* selfAndAncestors(id: string): Iterable<string> {
    for (let cur = id; cur.length > 0;) {
        yield cur;
        const i = cur.lastIndexOf("/");
        if (i <= 0) {
            return;
        }
        cur = cur.slice(0, i);
    }
}

/** The last segment of an ARM ID (a role definition's GUID, a policy set's GUID), lower-cased. */
export function lastSegment(t: Text): string | undefined {
    if (t === undefined || t === UNKNOWN) {
        return undefined;
    }
    const s = t.replace(/\/+$/, "");
    return s.slice(s.lastIndexOf("/") + 1).toLowerCase();
}

/**
 * The resources one query may point at (the stack's clusters, registries, ...), indexed once
 * by URN and by known ARM ID.
 */
export class Targets {
    private readonly byUrn = new Map<string, Resource>();
    private readonly byId = new Map<string, Resource>();

    constructor(readonly list: readonly Resource[]) {
        for (const r of list) {
            this.byUrn.set(r.urn, r);
            const id = idOf(r);
            if (id !== undefined && !this.byId.has(id)) {
                this.byId.set(id, r);
            }
        }
    }

    has(r: Resource): boolean {
        return this.byUrn.has(r.urn);
    }

    /** The targets whose outputs fed `from`'s top-level input `key` (works in preview). */
    viaDeps(from: Resource, key: string): Resource[] {
        const deps = from.propertyDependencies?.[key];
        if (!Array.isArray(deps)) {
            return [];
        }
        const out: Resource[] = [];
        for (const d of deps) {
            const t = d ? this.byUrn.get(d.urn) : undefined;
            if (t && !out.includes(t)) {
                out.push(t);
            }
        }
        return out;
    }

    /** The target whose known ARM ID is the value or contains it (`<id>/subnets/x`); case-insensitive. */
    viaId(value: Node | undefined): Resource | undefined {
        const v = value === undefined ? undefined : armId(value);
        if (v === undefined) {
            return undefined;
        }
        for (const id of selfAndAncestors(v)) {
            const t = this.byId.get(id);
            if (t) {
                return t;
            }
        }
        return undefined;
    }

    /**
     * The targets `from` points at through its top-level input `key`: propertyDependencies
     * first, then the known ARM IDs in `values` (nodes inside that input).
     */
    linked(from: Resource, key: string, values: readonly (Node | undefined)[]): Resource[] {
        const out = this.viaDeps(from, key);
        for (const v of values) {
            const t = this.viaId(v);
            if (t && !out.includes(t)) {
                out.push(t);
            }
        }
        return out;
    }
}
