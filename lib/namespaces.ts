// Namespaces a Kubernetes policy leaves alone: the platform's own (AKS add-ons, Gatekeeper,
// Calico, ...), whose workloads need host access by design and are managed by Azure, not by
// the stack. One config property (`excludedNamespaces`) per policy, so an admin can tune each;
// a resource whose `metadata.namespace` matches is reported not applicable, with the reason.

import type { ResourceValidation, ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { Kind } from "./kinds";
import { answerByType, CheckContext, configOf, declareAnswerByType, notApplicable, PackPolicy, Remediate, reportConfiguration } from "./policy";
import type { ConfigProperty, PolicyMeta } from "./meta";
import { Node } from "./views/node";
import { PodSpecView, workload } from "./views/podspec";
import { workloadPolicy } from "./workloads";

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
    if (ns.pending) {
        return undefined;
    }
    const name = ns.str();
    if (name === undefined) {
        return undefined;
    }
    const by = excludedBy(name, patterns);
    if (by === undefined) {
        return undefined;
    }
    // A secret namespace is never printed, nor is the entry that matched it.
    return ns.secret ? "its namespace is excluded by excludedNamespaces" : `namespace ${JSON.stringify(name)} is excluded by excludedNamespaces (${JSON.stringify(by)})`;
}

/**
 * A Kubernetes resource policy that reports resources of `kind` (default: the policy's own kind)
 * in excluded namespaces as not applicable; other types get the policy's own answer ("applies
 * to ... only"), so a policy about Ingresses never talks about a Deployment's namespace.
 */
export function excludingNamespaces(policy: PackPolicy, kind?: Kind): PackPolicy {
    const p = policy as ResourceValidationPolicy & { meta: PolicyMeta; kind?: Kind };
    kind ??= p.kind;
    const inner = p.validateResource as ResourceValidation;
    // Validation reads the namespace from the root its policies share (Node.shared); remediation from its own.
    const excluded = (args: ResourceValidationArgs, validation: boolean): string | undefined => {
        if (typeof args.type === "string" && (kind ? kind.matches(args.type) : args.type.startsWith("kubernetes:"))) {
            const config = configOf<Partial<NamespaceConfig>>(p.meta, args.getConfig<Record<string, unknown>>());
            return exclusionReason(args.props, config.excludedNamespaces, validation ? Node.shared(args.props) : undefined);
        }
        return undefined;
    };
    const validateResource: ResourceValidation = (args, report) => {
        const reason = excluded(args, true);
        if (reason !== undefined) {
            reportConfiguration(p.meta, args, report);
            notApplicable(args, reason);
            return;
        }
        return inner(args, report);
    };
    // Types this wrapper does not look at get the inner policy's answer (lib/fast-path.ts).
    const touches = (type: string) => (kind ? kind.matches(type) : type.startsWith("kubernetes:"));
    const passOn = (fn: unknown) => {
        const answer = answerByType(fn);
        return answer && ((type: string) => (touches(type) ? undefined : answer(type)));
    };
    const validateAnswer = passOn(inner);
    if (validateAnswer) declareAnswerByType(validateResource, validateAnswer);
    const remediate = p.remediateResource;
    if (!remediate) {
        return { ...p, validateResource };
    }
    // Remediation leaves excluded namespaces alone too.
    const remediateResource = (args: ResourceValidationArgs) => {
        const reason = excluded(args, false);
        if (reason !== undefined) {
            notApplicable(args, reason);
            return undefined;
        }
        return remediate(args);
    };
    const remediateAnswer = passOn(remediate);
    if (remediateAnswer) declareAnswerByType(remediateResource, remediateAnswer);
    return { ...p, validateResource, remediateResource };
}

/** A workload policy (lib/workloads.ts) that skips excluded namespaces. */
export function namespacedWorkloadPolicy<C extends NamespaceConfig = NamespaceConfig>(
    meta: PolicyMeta,
    check: (pod: PodSpecView, ctx: CheckContext<C>) => Iterable<string>,
    remediate?: Remediate<C>,
): PackPolicy {
    return excludingNamespaces(workloadPolicy<C>(meta, check, remediate), workload);
}
