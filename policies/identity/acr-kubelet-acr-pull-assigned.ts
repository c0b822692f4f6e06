import { registry } from "../../lib/core/kinds";
import { PolicyMeta, stackPolicy, StackCheckContext } from "../../lib/policy";
import { label, root } from "../../lib/stack";
import { ROLES, StackCluster, StackRoleAssignment } from "../../lib/stack/aks";
import { known, Targets, text } from "../../lib/stack/links";
import { UNKNOWN } from "../../lib/core/known";

export const meta: PolicyMeta = {
    name: "acr-kubelet-acr-pull-assigned",
    displayName: "ACR: AKS pulls with AcrPull only",
    description: "The kubelet identity of every AKS cluster holds AcrPull on the stack's container registries, and no broader role on them.",
    controls: ["IAM-2", "IMG-1"],
    checks: ["ACR-09"],
    severity: "medium",
    enforcementLevel: "advisory",
    cis: ["5.1.3"],
    url: "https://learn.microsoft.com/azure/aks/cluster-container-registry-integration",
    remediationSteps: [
        "azure-native: add an `authorization.RoleAssignment` with `roleDefinitionId: \"/subscriptions/<id>/providers/Microsoft.Authorization/roleDefinitions/7f951dda-4ed3-4680-a7ca-43fe172d538d\"` (AcrPull), `scope: registry.id`, `principalId` = the cluster's `identityProfile.kubeletidentity.objectId` and `principalType: \"ServicePrincipal\"`.",
        "classic azure: add an `authorization.Assignment` with `roleDefinitionName: \"AcrPull\"`, `scope: registry.id` and `principalId: cluster.kubeletIdentity.objectId`.",
        "Remove Owner, Contributor and AcrPush assignments that give the kubelet identity more than pull access.",
    ].join("\n"),
};

const BROAD = [ROLES.owner, ROLES.contributor, ROLES.acrPush];

/** Which clusters' kubelet identities an assignment's principal is: by known object ID, else by propertyDependencies. */
class Kubelets {
    private readonly byUrn = new Map<string, StackCluster>();
    private readonly byObjectId = new Map<string, StackCluster>();
    private readonly objectIdOf = new Map<string, string>();

    constructor(clusters: StackCluster[]) {
        for (const c of clusters) {
            this.byUrn.set(c.urn, c);
            const oid = c.kubeletObjectId();
            if (oid) {
                this.byObjectId.set(oid, c);
                this.objectIdOf.set(c.urn, oid);
            }
            // A user-assigned kubelet identity: the identity resources that fed identityProfile / kubeletIdentity.
            for (const identity of c.r.propertyDependencies?.[c.kubeletKey] ?? []) {
                if (!identity || identity.urn === c.urn) {
                    continue;
                }
                this.byUrn.set(identity.urn, c);
                const t = text(known(root(identity), "principalId"));
                if (t && t !== UNKNOWN) {
                    this.byObjectId.set(t.toLowerCase(), c);
                    if (!this.objectIdOf.has(c.urn)) {
                        this.objectIdOf.set(c.urn, t.toLowerCase());
                    }
                }
            }
        }
    }

    of(ra: StackRoleAssignment): StackCluster[] {
        const pid = ra.principalId();
        const out: StackCluster[] = [];
        for (const d of ra.r.propertyDependencies?.principalId ?? []) {
            const c = d ? this.byUrn.get(d.urn) : undefined;
            // Fed by the cluster but a different known principal: the control-plane identity, not the kubelet.
            const oid = c && this.objectIdOf.get(c.urn);
            if (c && !out.includes(c) && !(pid && pid !== UNKNOWN && oid && oid !== pid)) {
                out.push(c);
            }
        }
        const byValue = pid && pid !== UNKNOWN ? this.byObjectId.get(pid) : undefined;
        if (byValue && !out.includes(byValue)) {
            out.push(byValue);
        }
        return out;
    }
}

export function* check(ctx: StackCheckContext<Record<string, never>>): Iterable<{ urn: string; message: string }> {
    const registries = ctx.stack.of(registry);
    const clusters = StackCluster.all(ctx.stack);
    if (registries.length === 0 || clusters.length === 0) {
        return;
    }
    const targets = new Targets(registries);
    const kubelets = new Kubelets(clusters);
    const handled = new Set<string>();
    for (const ra of StackRoleAssignment.all(ctx.stack)) {
        const regs = targets.linked(ra.r, "scope", [ra.scope()]);
        if (regs.length === 0) {
            continue;
        }
        const owners = kubelets.of(ra);
        if (owners.length === 0) {
            continue;
        }
        const role = ra.role([ROLES.acrPull, ...BROAD]);
        if (role === undefined) {
            continue;
        }
        for (const reg of regs) {
            for (const c of owners) {
                handled.add(`${reg.urn}\n${c.urn}`);
                if (role !== UNKNOWN && role !== ROLES.acrPull) {
                    yield {
                        urn: ra.r.urn,
                        message: `${label(ra.r)} gives the kubelet identity of ${c.label} the ${role.name} role on ${label(reg)}; grant AcrPull (${ROLES.acrPull.guid}) instead, which lets the nodes pull images and nothing more.`,
                    };
                }
            }
        }
    }
    for (const c of clusters) {
        for (const reg of registries) {
            if (handled.has(`${reg.urn}\n${c.urn}`)) {
                continue;
            }
            const add = c.spell({ native: `add a RoleAssignment with roleDefinitionId ending in ${ROLES.acrPull.guid} (AcrPull), scope set to the registry's id and principalId set to identityProfile.kubeletidentity.objectId`, classic: "add an Assignment with roleDefinitionName: \"AcrPull\", scope set to the registry's id and principalId set to kubeletIdentity.objectId" });
            yield {
                urn: c.urn,
                message: `${c.label}: no role assignment in this stack gives its kubelet identity AcrPull on ${label(reg)} (nodes cannot pull its images without other credentials); ${add}.`,
            };
        }
    }
}

export const policy = stackPolicy(meta, check);
