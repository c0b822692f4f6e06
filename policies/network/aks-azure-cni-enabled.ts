import { CLUSTER, oneOf, say } from "../../lib/core/message";
import { CheckContext, PolicyMeta, resourcePolicy } from "../../lib/policy";
import { ClusterView } from "../../lib/views/cluster";
import { clusters } from "../../lib/readers";

export interface Config {
    allowedNetworkPlugins: string[];
}

const DEFAULT = ["azure"];

export const meta: PolicyMeta = {
    name: "aks-azure-cni-enabled",
    displayName: "AKS: Azure CNI networking, not kubenet",
    description: "AKS clusters use Azure CNI (overlay or VNet), which supports every network policy engine, not the retiring kubenet plugin.",
    controls: ["NET-1", "NET-2"],
    checks: ["AKS-11"],
    severity: "medium",
    enforcementLevel: "advisory",
    url: "https://learn.microsoft.com/azure/aks/azure-cni-overlay",
    remediationSteps: [
        "azure-native: set `networkProfile: { networkPlugin: \"azure\", networkPluginMode: \"overlay\" }` on the ManagedCluster (add `networkDataplane: \"cilium\"` for Cilium).",
        "classic azure: set `networkProfile: { networkPlugin: \"azure\", networkPluginMode: \"overlay\" }` on the KubernetesCluster.",
        "kubenet is retired on 2028-03-31; an existing kubenet cluster can be upgraded in place to Azure CNI Overlay (`az aks update --network-plugin azure --network-plugin-mode overlay`).",
    ].join("\n"),
    config: {
        allowedNetworkPlugins: {
            type: "array",
            items: { type: "string" },
            minItems: 1,
            default: DEFAULT,
            description: "networkProfile.networkPlugin values accepted (compared case-insensitively): \"azure\" (Azure CNI), \"none\" (bring your own CNI), \"kubenet\".",
        },
    },
};

export function* check(c: ClusterView, ctx: CheckContext<Config>): Iterable<string> {
    const configured = Array.isArray(ctx.config.allowedNetworkPlugins)
        ? ctx.config.allowedNetworkPlugins.filter((s): s is string => typeof s === "string")
        : [];
    const allowed = configured.length > 0 ? configured : DEFAULT;
    const ok = (v: string | undefined) => v !== undefined && allowed.some(a => a.toLowerCase() === v.toLowerCase());
    const plugin = c.networkPlugin();
    // AKS Automatic uses Azure CNI Overlay powered by Cilium unless told otherwise.
    if (!plugin.present && c.automatic() && ok("azure")) {
        return;
    }
    if (ok(plugin.str())) {
        return;
    }
    const to = `set it to ${oneOf(allowed)}`;
    yield say({
        element: CLUSTER,
        node: plugin,
        absent: "the AKS resource provider picks the plugin by API and Kubernetes version, kubenet on older ones",
        // The retirement note would reveal a secret value.
        fix: plugin.str()?.toLowerCase() === "kubenet" && !plugin.secret ? `${to}: kubenet is retired on 2028-03-31` : to,
    });
}


export const policy = resourcePolicy(meta, clusters, check);
