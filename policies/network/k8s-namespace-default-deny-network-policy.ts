import { excludedBy, excludedNamespacesConfig, NamespaceConfig } from "../../lib/config/namespaces";
import { PolicyMeta, StackCheckContext, stackPolicy } from "../../lib/policy";
import { label, Resource, root } from "../../lib/stack";
import { Deferred, namespaceOf } from "../../lib/stack/namespaces";
import { namespaceDeclared, networkPolicyDeclared, workload } from "../../lib/core/kinds";
import { Node } from "../../lib/core/node";
import { known, Targets } from "../../lib/stack/links";

export interface Config extends NamespaceConfig {
    requireEgress: boolean;
}

export const meta: PolicyMeta = {
    name: "k8s-namespace-default-deny-network-policy",
    displayName: "Kubernetes: default-deny NetworkPolicy in every application namespace",
    description: "Every application namespace of the stack (declared, or used by a workload) has a NetworkPolicy that selects all pods and denies ingress (and egress, when required) unless another policy allows it.",
    controls: ["NET-2"],
    checks: ["K8S-08"],
    severity: "medium",
    enforcementLevel: "advisory",
    cis: ["4.4.2"],
    url: "https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-policies",
    remediationSteps: [
        "Kubernetes manifest: in each application namespace add `kind: NetworkPolicy` with `spec: { podSelector: {}, policyTypes: [Ingress, Egress] }` and no rules, then allow the flows each app needs with further policies.",
        "Pulumi kubernetes: `new k8s.networking.v1.NetworkPolicy(\"default-deny\", { metadata: { namespace: ns.metadata.name }, spec: { podSelector: {}, policyTypes: [\"Ingress\", \"Egress\"] } })`; passing `ns.metadata.name` links the policy to the Namespace even in preview.",
        "The cluster needs a network policy engine (AKS `networkProfile.networkPolicy`: cilium, calico or azure) for the policy to take effect.",
    ].join("\n"),
    config: {
        requireEgress: {
            type: "boolean",
            default: false,
            description: "Also require a default-deny for egress (policyTypes Egress, no egress rules) in every application namespace.",
        },
        ...excludedNamespacesConfig,
    },
};

interface AppNamespace {
    /** How messages name it. */
    element: string;
    /** The resource the violation is reported against: the Namespace, or the first workload in it. */
    urn: string;
    ingress: boolean;
    egress: boolean;
    /** A value unknown in preview that could have made it compliant. */
    unknown?: Node;
}

type Verdict = { ingress: boolean; egress: boolean } | { unknown: Node };

/** Is the list value empty (absent, null or [])? Undefined when unknown. */
function empty(n: Node | undefined): boolean | undefined {
    if (n === undefined) return undefined;
    return !n.present || (n.isArray && n.items().length === 0);
}

/** What one NetworkPolicy denies by default, read without touching unknowns. */
function verdict(np: Resource): Verdict {
    const r = root(np);
    const spec = known(r, "spec");
    if (spec === undefined) return { unknown: r.get("spec") };
    const sel = known(spec, "podSelector");
    const labels = sel && known(sel, "matchLabels");
    const exprs = sel && known(sel, "matchExpressions");
    const types = known(spec, "policyTypes");
    const ingressRules = known(spec, "ingress");
    const egressRules = known(spec, "egress");
    for (const [n, path] of [[sel, "podSelector"], [labels, "podSelector.matchLabels"], [exprs, "podSelector.matchExpressions"], [types, "policyTypes"], [ingressRules, "ingress"], [egressRules, "egress"]] as const) {
        if (n === undefined) return { unknown: spec.get(path) };
    }
    const selectsAll = !sel!.present || (sel!.isObject && (!labels!.present || (labels!.isObject && labels!.entries().length === 0)) && empty(exprs) === true);
    let effective: string[];
    if (types!.present) {
        effective = [];
        for (const t of types!.items()) {
            if (t.pending) return { unknown: t };
            const s = t.str();
            if (s !== undefined) effective.push(s.trim().toLowerCase());
        }
    } else {
        // Kubernetes defaults policyTypes to Ingress, plus Egress when egress rules are given.
        effective = egressRules!.present ? ["ingress", "egress"] : ["ingress"];
    }
    return {
        ingress: selectsAll && effective.includes("ingress") && empty(ingressRules) === true,
        egress: selectsAll && effective.includes("egress") && empty(egressRules) === true,
    };
}

export function* check(ctx: StackCheckContext<Config>): Iterable<{ urn: string; message: string }> {
    const excluded = (ns: string) => excludedBy(ns, ctx.config.excludedNamespaces) !== undefined;
    const byName = new Map<string, AppNamespace>();
    const byUrn = new Map<string, AppNamespace>();
    const order: AppNamespace[] = [];
    const declared = ctx.stack.of(namespaceDeclared);
    for (const ns of declared) {
        const n = known(root(ns), "metadata.name");
        const name = n?.str()?.trim() || undefined;
        if (name !== undefined && excluded(name)) continue;
        const app: AppNamespace = { element: name !== undefined && !n!.secret ? `Namespace ${JSON.stringify(name)}` : label(ns), urn: ns.urn, ingress: false, egress: false };
        byUrn.set(ns.urn, app);
        if (name !== undefined && !byName.has(name)) byName.set(name, app);
        order.push(app);
    }
    for (const w of ctx.stack.of(workload)) {
        const ns = namespaceOf(w);
        if ("name" in ns && !excluded(ns.name) && !byName.has(ns.name)) {
            const shown = ns.secret ? "The namespace" : `Namespace ${JSON.stringify(ns.name)}`;
            const app: AppNamespace = { element: `${shown} (used by ${label(w)})`, urn: w.urn, ingress: false, egress: false };
            byName.set(ns.name, app);
            order.push(app);
        }
    }
    if (order.length === 0) return;

    const namespaces = new Targets(declared);
    const deferred = new Deferred();
    let floating: Node | undefined;
    for (const np of ctx.stack.of(networkPolicyDeclared)) {
        const ns = namespaceOf(np);
        let app: AppNamespace | undefined;
        if ("name" in ns) {
            app = byName.get(ns.name);
        } else {
            const linked = namespaces.viaDeps(np, "metadata");
            app = linked.length > 0 ? byUrn.get(linked[0].urn) : undefined;
            if (linked.length === 0) floating ??= root(np).get("metadata.namespace");
        }
        if (app === undefined) continue;
        const v = verdict(np);
        if ("unknown" in v) {
            app.unknown ??= v.unknown;
            continue;
        }
        app.ingress ||= v.ingress;
        app.egress ||= v.egress;
    }

    const egress = ctx.config.requireEgress === true;
    for (const app of order) {
        const missing = [...(app.ingress ? [] : ["ingress"]), ...(egress && !app.egress ? ["egress"] : [])];
        if (missing.length === 0) continue;
        const unknown = app.unknown ?? floating;
        if (unknown !== undefined) {
            deferred.add(unknown);
            continue;
        }
        const types = JSON.stringify(missing.map(m => m[0].toUpperCase() + m.slice(1)));
        const effect = missing.includes("ingress")
            ? "every pod accepts traffic from anywhere in the cluster"
            : "every pod can open connections anywhere";
        yield {
            urn: app.urn,
            message: `${app.element} has no NetworkPolicy that denies all ${missing.join(" and ")} by default (podSelector: {}, policyTypes: ${types}, no ${missing.join(" or ")} rules), so ${effect}; add one to the namespace.`,
        };
    }
    deferred.raise();
}

export const policy = stackPolicy(meta, check);
