// Reading a whole stack for stack policies: resources indexed once by type token and URN, and
// the join rules of CONTROLS.md section 7:
//   1. link through propertyDependencies (works in preview, when IDs are still unknown);
//   2. else compare ARM IDs case-insensitively when both are known.
// Nothing here scans all resources per resource: every query is a map lookup or a walk over
// the resources of one kind.

import type { PolicyResource } from "@pulumi/policy";
import { Kind } from "../core/kinds";
import { Node } from "../core/node";

export type Resource = PolicyResource;

export class StackIndex {
    private readonly byType = new Map<string, Resource[]>();
    private readonly urns = new Map<string, Resource>();
    private readonly kindCache = new Map<Kind, Resource[]>();

    constructor(readonly resources: readonly Resource[]) {
        for (const r of resources) {
            let list = this.byType.get(r.type);
            if (!list) {
                list = [];
                this.byType.set(r.type, list);
            }
            list.push(r);
            this.urns.set(r.urn, r);
        }
    }

    /** Every resource whose type token the kind matches, in stack order within each type. */
    of(kind: Kind): Resource[] {
        let out = this.kindCache.get(kind);
        if (!out) {
            out = [];
            for (const [type, list] of this.byType) {
                if (kind.matches(type)) out.push(...list);
            }
            this.kindCache.set(kind, out);
        }
        return out;
    }

    has(kind: Kind): boolean {
        return this.of(kind).length > 0;
    }

    get(urn: string): Resource | undefined {
        return this.urns.get(urn);
    }
}

/** The resource's props as a Node (lazy, path-tracking, unknown-safe via `pending`). */
export function root(r: Resource): Node {
    return Node.root(r.props);
}

/** An ARM ID for comparison: lower-cased, trailing slash dropped; undefined when unknown or absent. */
export function armId(n: Node): string | undefined {
    if (n.pending) {
        return undefined;
    }
    const s = n.str();
    return s && s.trim() ? s.trim().replace(/\/+$/, "").toLowerCase() : undefined;
}

/** The resource's own ARM ID (outputs carry `id`), when known. */
export function idOf(r: Resource): string | undefined {
    return armId(root(r).get("id"));
}

/** True when `from` fed `key` from `target`'s outputs (propertyDependencies). */
export function dependsThrough(from: Resource, key: string, target: Resource): boolean {
    const deps = from.propertyDependencies?.[key];
    return Array.isArray(deps) && deps.some(d => d && d.urn === target.urn);
}

/**
 * Does `from` point at `target` through its top-level input `key`, whose value (at `path`
 * inside it, default `key` itself) holds the target's ARM ID or name? Links by
 * propertyDependencies first, then by comparing known values case-insensitively.
 */
export function links(from: Resource, key: string, target: Resource, valueAt: Node, compareTo: "id" | string = "id"): boolean {
    if (dependsThrough(from, key, target)) {
        return true;
    }
    const v = armId(valueAt);
    if (v === undefined) {
        return false;
    }
    const want = compareTo === "id" ? idOf(target) : armId(root(target).get(compareTo));
    return want !== undefined && (v === want || v.startsWith(`${want}/`));
}

/** A short label for a resource in messages: `ManagedCluster "aks"`. */
export function label(r: Resource): string {
    const t = r.type.slice(r.type.lastIndexOf(":") + 1);
    return `${t} ${JSON.stringify(r.name)}`;
}
