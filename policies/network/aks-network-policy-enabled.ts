import { CLUSTER, oneOf, say } from "../../lib/core/message";
import { CheckContext, PolicyMeta, resourcePolicy } from "../../lib/policy";
import { ClusterView } from "../../lib/views/cluster";
import { clusters } from "../../lib/readers";

export interface Config {
    allowedNetworkPolicies: string[];
}

const DEFAULT = ["cilium", "calico", "azure"];

export const meta: PolicyMeta = {
    name: "aks-network-policy-enabled",
    displayName: "AKS: network policy engine",
    description: "AKS clusters run a network policy engine, so Kubernetes NetworkPolicy objects are enforced.",
    controls: ["NET-2"],
    checks: ["AKS-12"],
    severity: "high",
    enforcementLevel: "advisory",
    cis: ["5.4.4"],
    url: "https://learn.microsoft.com/azure/aks/use-network-policies",
    remediationSteps: [
        "azure-native: set `networkProfile: { networkPolicy: \"cilium\", networkDataplane: \"cilium\" }` (or `networkPolicy: \"calico\"`) on the ManagedCluster.",
        "classic azure: set `networkProfile: { networkPolicy: \"cilium\", networkDataPlane: \"cilium\" }` (or `networkPolicy: \"calico\"`) on the KubernetesCluster.",
        "Prefer Cilium or Calico: Azure Network Policy Manager (`azure`) retires on 2026-09-30 for Windows and 2028-09-30 for Linux.",
    ].join("\n"),
    config: {
        allowedNetworkPolicies: {
            type: "array",
            items: { type: "string" },
            minItems: 1,
            default: DEFAULT,
            description: "networkProfile.networkPolicy engines accepted (compared case-insensitively). \"none\" is never accepted: it enforces nothing.",
        },
    },
};

export function* check(c: ClusterView, ctx: CheckContext<Config>): Iterable<string> {
    const configured = Array.isArray(ctx.config.allowedNetworkPolicies)
        ? ctx.config.allowedNetworkPolicies.filter((s): s is string => typeof s === "string" && s.toLowerCase() !== "none")
        : [];
    const allowed = configured.length > 0 ? configured : DEFAULT;
    const ok = (v: string | undefined) => v !== undefined && allowed.some(a => a.toLowerCase() === v.toLowerCase());
    // AKS Automatic runs Azure CNI powered by Cilium: the Cilium engine on the Cilium dataplane.
    const automatic = () => c.automatic();
    const np = c.networkPolicy();
    const engine = np.present ? np.str() : automatic() ? "cilium" : undefined;
    if (engine === undefined || !ok(engine)) {
        yield say({ element: CLUSTER, node: np, absent: "Azure's default is none: NetworkPolicy objects are not enforced", fix: `set it to ${oneOf(allowed)}` });
        return;
    }
    if (engine.toLowerCase() === "cilium") {
        const dataplane = c.networkDataplane();
        if (dataplane.str()?.toLowerCase() !== "cilium" && (dataplane.present || !automatic())) {
            yield say({ element: CLUSTER, node: dataplane, absent: "the azure dataplane, which cannot run the Cilium engine", fix: "set it to \"cilium\": networkPolicy \"cilium\" needs the Cilium dataplane" });
        }
    }
}


export const policy = resourcePolicy(meta, clusters, check);
