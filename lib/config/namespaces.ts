// Namespaces a Kubernetes policy leaves alone: the platform's own (AKS add-ons, Gatekeeper,
// Calico, ...), whose workloads need host access by design and are managed by Azure, not by
// the stack. One config property (`excludedNamespaces`) per policy, so an admin can tune each;
// a resource whose `metadata.namespace` matches is reported not applicable, with the reason.

import type { ConfigProperty } from "../core/meta";
import { Node } from "../core/node";

/** System namespaces of AKS and its usual add-ons (Azure Policy's Gatekeeper exclusions and more). */
export const SYSTEM_NAMESPACES: readonly string[] = [
    "kube-system",
    "kube-public",
    "kube-node-lease",
    "gatekeeper-system",
    "azure-arc",
    "azure-extensions-usage-system",
    "calico-system",
    "tigera-operator",
    "kube-flannel",
    "aks-command",
    "app-routing-system",
    "dataprotection-microsoft",
];

/** The `excludedNamespaces` config property, to spread into a policy's `meta.config`. */
export const excludedNamespacesConfig: Record<"excludedNamespaces", ConfigProperty> = {
    excludedNamespaces: {
        type: "array",
        items: { type: "string" },
        default: [...SYSTEM_NAMESPACES],
        description: "Namespaces this policy does not check (exact names; a trailing `*` matches a prefix, e.g. `team-*`). Resources without `metadata.namespace` are in the provider's default namespace and are checked.",
    },
};

export interface NamespaceConfig {
    excludedNamespaces: string[];
}

/** The entry of `patterns` that excludes namespace `ns`, if any (non-strings ignored). */
export function excludedBy(ns: string, patterns: unknown): string | undefined {
    const list = Array.isArray(patterns) ? patterns : SYSTEM_NAMESPACES;
    for (const p of list) {
        if (typeof p !== "string" || p === "") {
            continue;
        }
        if (p.endsWith("*") ? ns.startsWith(p.slice(0, -1)) : ns === p) {
            return p;
        }
    }
    return undefined;
}

/**
 * Why a resource is not checked, or undefined when it is. A namespace that is unknown during
 * preview (the name of a Namespace created by the same stack) is not excluded: such namespaces
 * are application namespaces, and their workloads deserve a check in preview.
 */
export function exclusionReason(props: unknown, patterns: unknown, root: Node = Node.root(props)): string | undefined {
    const ns = root.get("metadata.namespace");
    const hit = excludedName(ns, patterns);
    if (!hit) {
        return undefined;
    }
    // A secret namespace is never printed, nor is the entry that matched it.
    return ns.secret ? "its namespace is excluded by excludedNamespaces" : `namespace ${JSON.stringify(hit.name)} is excluded by excludedNamespaces (${JSON.stringify(hit.by)})`;
}

/** The namespace name at `n` and the entry of `patterns` that excludes it; undefined when unknown at preview, absent or not excluded. */
function excludedName(n: Node, patterns: unknown): { name: string; by: string } | undefined {
    const name = n.pending ? undefined : n.str();
    const by = name === undefined ? undefined : excludedBy(name, patterns);
    return by === undefined ? undefined : { name: name!, by };
}

/** Skip (lib/readers.ts): a resource in a namespace excluded by the policy's `excludedNamespaces`. */
export const inExcludedNamespace = (props: Record<string, unknown>, config: object, validation: boolean): string | undefined =>
    exclusionReason(props, (config as Partial<NamespaceConfig>).excludedNamespaces, validation ? Node.shared(props) : undefined);

/** Skip: a Namespace whose own name is excluded by `excludedNamespaces` (the exclusion its workloads get). */
export const excludedNamespaceObject = (props: Record<string, unknown>, config: object): string | undefined => {
    const n = Node.root(props).get("metadata.name");
    const hit = excludedName(n, (config as Partial<NamespaceConfig>).excludedNamespaces);
    return hit && `${n.secret ? "the namespace" : `namespace ${JSON.stringify(hit.name)}`} is excluded by excludedNamespaces (${JSON.stringify(hit.by)})`;
};
