// Namespaces in a stack: where each namespaced Kubernetes resource lands, and the values a
// stack policy sets aside while they are unknown during preview.

import { Node } from "../core/node";
import { Resource, root } from "./index";

/** Where a namespaced resource lands: a known name, or unknown until the update. */
export type NamespaceOf = { name: string; secret?: boolean } | { unknown: true };

/**
 * The namespace a resource lands in: `metadata.namespace`, else its provider's `namespace`
 * setting, else `default`. Unknown (never read) when either is set from another resource's
 * output.
 */
export function namespaceOf(r: Resource): NamespaceOf {
    const ns = root(r).get("metadata");
    if (ns.pending) {
        return { unknown: true };
    }
    const n = ns.get("namespace");
    if (n.pending) {
        return { unknown: true };
    }
    const s = n.str();
    if (s !== undefined && s.trim() !== "") {
        return { name: s.trim(), secret: n.secret };
    }
    const p = r.provider ? Node.root(r.provider.props).get("namespace") : undefined;
    if (p && p.pending) {
        return { unknown: true };
    }
    const ps = p?.str();
    return ps !== undefined && ps.trim() !== "" ? { name: ps.trim(), secret: p!.secret } : { name: "default" };
}

/**
 * Values that are unknown during preview, set aside so a stack policy can report everything it
 * knows first, then touch the first of them so the SDK adds its "can't run during preview"
 * note (reading an unknown throws the SDK's error).
 */
export class Deferred {
    private readonly nodes: Node[] = [];

    add(n: Node): void {
        this.nodes.push(n);
    }

    get size(): number {
        return this.nodes.length;
    }

    /** Read the deferred values in order: the first one makes the SDK's proxy throw its UnknownValueError. */
    raise(): void {
        for (const n of this.nodes) {
            void n.raw;
        }
    }
}
