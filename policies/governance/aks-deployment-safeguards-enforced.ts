import { deploymentSafeguard, policyAssignment, resourceGroup } from "../../lib/core/kinds";
import { say, showValue } from "../../lib/core/message";
import { PolicyMeta, stackPolicy, StackCheckContext } from "../../lib/policy";
import { armId, idOf, label, Resource, root, StackIndex } from "../../lib/stack";
import { StackCluster } from "../../lib/stack/aks";
import { isOneOf, known, lastSegment, selfAndAncestors, Targets, text, textAt } from "../../lib/stack/links";
import { UNKNOWN } from "../../lib/core/known";

export interface Config {
    managedElsewhere: boolean;
}

const BASELINE = "a8640138-9b0a-4a28-b8cb-1666c838647d";
const RESTRICTED = "42b8ef37-b724-4e24-bbc8-7a7708edfe00";

export const meta: PolicyMeta = {
    name: "aks-deployment-safeguards-enforced",
    displayName: "AKS: Deployment Safeguards or Pod Security Standards enforced",
    description: "Every AKS cluster enforces Pod Security Standards, through Deployment Safeguards at level Enforce or the Azure Policy PSS baseline or restricted initiative with effect Deny.",
    controls: ["GOV-1", "POD-1"],
    checks: ["AKS-25"],
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["pss-baseline"],
    url: "https://learn.microsoft.com/azure/aks/deployment-safeguards",
    remediationSteps: [
        "Enable the Azure Policy add-on on the cluster first.",
        "azure-native: add a `containerservice.DeploymentSafeguard` with `resourceUri: cluster.id` and `level: \"Enforce\"`, or an `authorization.PolicyAssignment` of `/providers/Microsoft.Authorization/policySetDefinitions/" + BASELINE + "` (baseline) or `…/" + RESTRICTED + "` (restricted) with `scope: cluster.id` and `parameters: { effect: { value: \"Deny\" } }`.",
        "classic azure: add a `containerservice.ClusterDeploymentSafeguard` with `kubernetesClusterId: cluster.id`, `level: \"Enforce\"` and `podSecurityStandardsLevel: \"Baseline\"` (or `\"Restricted\"`), or a `core.ResourcePolicyAssignment` of the same initiative with `resourceId: cluster.id` and `parameters: JSON.stringify({ effect: { value: \"Deny\" } })`.",
        "When the initiative is assigned at a subscription or management-group scope in another stack, set `managedElsewhere: true`.",
    ].join("\n"),
    config: {
        managedElsewhere: {
            type: "boolean",
            default: false,
            description: "Safeguards or the PSS initiative are assigned outside this stack (e.g. at a management group): do not report clusters without them here. Misconfigured ones in this stack are still reported.",
        },
    },
};

const nativeSafeguard = deploymentSafeguard.kinds[0];
const nativeAssignment = policyAssignment.kinds[0];
/** Where each classic assignment type holds its scope (the management-group one never names a cluster's ancestor). */
const CLASSIC_SCOPE: Record<string, string> = {
    "azure:core/resourcePolicyAssignment:ResourcePolicyAssignment": "resourceId",
    "azure:core/resourceGroupPolicyAssignment:ResourceGroupPolicyAssignment": "resourceGroupId",
    "azure:core/subscriptionPolicyAssignment:SubscriptionPolicyAssignment": "subscriptionId",
};
type Finding = { urn: string; message: string };

/** Problems of a safeguard (empty: it enforces), read without touching unknowns. */
function safeguardProblems(d: Resource): string[] {
    const p = root(d);
    const out: string[] = [];
    const level = known(p, "level");
    if (level !== undefined && !isOneOf(text(level), ["Enforce"])) {
        out.push(say({ element: label(d), node: level, absent: "safeguards are off", fix: "set it to \"Enforce\" so non-compliant deployments are rejected" }));
    }
    if (!nativeSafeguard.matches(d.type)) {
        const pss = known(p, "podSecurityStandardsLevel");
        if (pss !== undefined && !isOneOf(text(pss), ["Baseline", "Restricted"])) {
            out.push(say({ element: label(d), node: pss, absent: "the Pod Security Standards level stays Privileged", fix: "set it to \"Baseline\" or \"Restricted\"" }));
        }
    }
    return out;
}

/** The effect parameter of an assignment: native `parameters.effect.value`, classic JSON string `parameters`. */
function effectProblem(a: Resource): string | undefined {
    const p = root(a);
    if (nativeAssignment.matches(a.type)) {
        const effect = known(p, "parameters.effect.value");
        if (effect === undefined || isOneOf(text(effect), ["Deny"])) return undefined;
        return say({ element: label(a), node: effect, absent: "the initiative's effect defaults to Audit", fix: "set it to \"Deny\" so non-compliant pods are rejected" });
    }
    const params = known(p, "parameters");
    if (params === undefined) return undefined;
    if (!params.present) {
        return say({ element: label(a), node: params, absent: "the initiative's effect defaults to Audit", fix: "set it to JSON.stringify({ effect: { value: \"Deny\" } })" });
    }
    let effect: unknown;
    const raw = params.str();
    if (raw !== undefined) {
        try {
            const parsed = JSON.parse(raw) as { effect?: { value?: unknown } } | null;
            effect = typeof parsed === "object" && parsed !== null && typeof parsed.effect === "object" && parsed.effect !== null ? parsed.effect.value : undefined;
        } catch {
            effect = undefined;
        }
    } else {
        const e = known(params, "effect.value");
        if (e === undefined) return undefined;
        effect = e.str() ?? (e.present ? null : undefined);
    }
    if (typeof effect === "string" && effect.trim().toLowerCase() === "deny") return undefined;
    if (typeof effect !== "string") {
        return `${label(a)} sets parameters without a string effect (the initiative's default effect Audit only reports non-compliant pods); set parameters to JSON.stringify({ effect: { value: "Deny" } }).`;
    }
    const shown = params.secret ? "[secret]" : showValue(effect);
    return `${label(a)} sets the effect in parameters to ${shown}; set it to "Deny" so non-compliant pods are rejected.`;
}

/** Problems of a PSS initiative assignment (empty: it enforces). */
function assignmentProblems(a: Resource): string[] {
    const p = root(a);
    const out: string[] = [];
    if (nativeAssignment.matches(a.type)) {
        const mode = known(p, "enforcementMode");
        if (mode !== undefined && mode.present && !isOneOf(text(mode), ["Default"])) {
            out.push(say({ element: label(a), node: mode, fix: "set it to \"Default\" so the initiative is enforced" }));
        }
    } else {
        const enforce = known(p, "enforce");
        if (enforce !== undefined && enforce.present && enforce.bool() !== true) {
            out.push(say({ element: label(a), node: enforce, fix: "set it to true so the initiative is enforced" }));
        }
    }
    const effect = effectProblem(a);
    if (effect) out.push(effect);
    return out;
}

/** The input that holds an assignment's scope. */
function scopeKey(a: Resource): string {
    return nativeAssignment.matches(a.type) ? "scope" : CLASSIC_SCOPE[a.type] ?? "managementGroupId";
}

/**
 * Whether an assignment's scope holds cluster `c` whose ID is not known yet: the scope is fed by
 * exactly the resource group whose name fed the cluster's `resourceGroupName` (propertyDependencies),
 * or is the known ID of a resource group with the cluster's known group name, or of a subscription.
 */
function scopeCovers(stack: StackIndex, a: Resource, key: string, scope: string | undefined, c: StackCluster): boolean {
    const deps = a.propertyDependencies?.[key];
    if (Array.isArray(deps) && deps.length === 1 && deps[0]) {
        const group = stack.get(deps[0].urn);
        const clusterDeps = c.r.propertyDependencies?.resourceGroupName;
        if (group && resourceGroup.matches(group.type)) {
            if (Array.isArray(clusterDeps) && clusterDeps.some(d => d && d.urn === group.urn)) {
                return true;
            }
            // The cluster names its group literally: compare with the group's known name.
            const name = textAt(root(group), resourceGroup.kinds[0].matches(group.type) ? "resourceGroupName" : "name");
            if (name && name !== UNKNOWN && c.resourceGroup() === name.toLowerCase()) {
                return true;
            }
        }
    }
    if (scope === undefined) {
        return false;
    }
    if (/^\/subscriptions\/[^/]+$/.test(scope)) {
        return true;
    }
    const m = /^\/subscriptions\/[^/]+\/resourcegroups\/([^/]+)$/.exec(scope);
    return m !== null && c.resourceGroup() === m[1];
}

export function* check(ctx: StackCheckContext<Config>): Iterable<Finding> {
    const clusters = StackCluster.all(ctx.stack);
    if (clusters.length === 0) {
        return;
    }
    const targets = new Targets(clusters.map(c => c.r));
    // Clusters under each known ancestor scope (resource group, subscription), for wider assignments.
    const under = new Map<string, StackCluster[]>();
    for (const c of clusters) {
        const id = idOf(c.r);
        for (const a of id ? selfAndAncestors(id) : []) {
            under.set(a, [...(under.get(a) ?? []), c]);
        }
    }
    const enforced = new Set<string>();
    const findings = new Map<string, Finding[]>();
    const note = (clusterUrn: string, r: Resource, problems: string[]) => {
        if (problems.length === 0) {
            enforced.add(clusterUrn);
            return;
        }
        const list = findings.get(clusterUrn) ?? [];
        for (const message of problems) {
            if (!list.some(f => f.urn === r.urn && f.message === message)) list.push({ urn: r.urn, message });
        }
        findings.set(clusterUrn, list);
    };
    for (const d of ctx.stack.of(deploymentSafeguard)) {
        const key = nativeSafeguard.matches(d.type) ? "resourceUri" : "kubernetesClusterId";
        const linked = targets.linked(d, key, [known(root(d), key)]);
        if (linked.length === 0) continue;
        const problems = safeguardProblems(d);
        linked.forEach(c => note(c.urn, d, problems));
    }
    for (const a of ctx.stack.of(policyAssignment)) {
        const definition = textAt(root(a), "policyDefinitionId");
        if (definition !== UNKNOWN && ![BASELINE, RESTRICTED].includes(lastSegment(definition) ?? "")) continue;
        // A definition ID fed by a resource of the stack is a custom definition, never the built-in initiative.
        const defDeps = a.propertyDependencies?.policyDefinitionId;
        if (definition === UNKNOWN && Array.isArray(defDeps) && defDeps.length > 0) continue;
        const key = scopeKey(a);
        const scope = known(root(a), key);
        const linked = targets.linked(a, key, [scope]).map(r => r.urn);
        const s = scope && armId(scope);
        for (const c of s ? under.get(s) ?? [] : []) {
            if (!linked.includes(c.urn)) linked.push(c.urn);
        }
        // In preview the cluster's ID is unknown, but its resource group usually is not: an
        // assignment scoped to that group (or to a subscription) covers it.
        for (const c of clusters) {
            if (!linked.includes(c.urn) && idOf(c.r) === undefined && scopeCovers(ctx.stack, a, key, s, c)) linked.push(c.urn);
        }
        if (linked.length === 0) continue;
        const problems = definition === UNKNOWN ? [] : assignmentProblems(a);
        linked.forEach(u => note(u, a, problems));
    }
    for (const c of clusters) {
        if (enforced.has(c.urn) || c.automatic()) {
            continue;
        }
        const found = findings.get(c.urn);
        if (found) {
            yield* found;
            continue;
        }
        if (ctx.config.managedElsewhere === true) {
            continue;
        }
        const add = c.spell({ native: "add a DeploymentSafeguard with level: \"Enforce\" and resourceUri set to the cluster's id, or a PolicyAssignment of the PSS baseline or restricted initiative", classic: "add a ClusterDeploymentSafeguard with level: \"Enforce\" and podSecurityStandardsLevel: \"Baseline\" (or \"Restricted\"), or a ResourcePolicyAssignment of the PSS baseline or restricted initiative" });
        yield {
            urn: c.urn,
            message: `${c.label} has neither Deployment Safeguards at level Enforce nor an enforced Pod Security Standards initiative (AKS admits privileged pods); ${add} (${BASELINE} / ${RESTRICTED}) scoped to the cluster with effect Deny, or set managedElsewhere: true when a wider assignment covers it.`,
        };
    }
}

export const policy = stackPolicy<Config>(meta, check);
