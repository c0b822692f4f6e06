import { CLUSTER, say } from "../../lib/core/message";
import { CheckContext, PolicyMeta, resourcePolicy } from "../../lib/policy";
import { ClusterView } from "../../lib/views/cluster";
import { clusters } from "../../lib/readers";

export interface Config {
    allowedUpgradeChannels: string[];
}

const DEFAULT = ["patch", "stable", "rapid"];

export const meta: PolicyMeta = {
    name: "aks-cluster-auto-upgrade-enabled",
    displayName: "AKS: cluster auto-upgrade channel",
    description: "The AKS cluster upgrades its Kubernetes version automatically through an allowed auto-upgrade channel.",
    controls: ["NODE-1"],
    checks: ["AKS-26"],
    severity: "medium",
    enforcementLevel: "advisory",
    url: "https://learn.microsoft.com/azure/aks/auto-upgrade-cluster",
    remediationSteps: [
        "azure-native: set `autoUpgradeProfile: { upgradeChannel: \"patch\" }` (or `\"stable\"`, `\"rapid\"`) on the ManagedCluster.",
        "classic azure: set `automaticUpgradeChannel: \"patch\"` (v5: `automaticChannelUpgrade`) on the KubernetesCluster.",
        "Add a `MaintenanceConfiguration` named `aksManagedAutoUpgradeSchedule` to control when upgrades run; upgrade node images through the node OS channel, not the legacy `node-image` channel.",
    ].join("\n"),
    config: {
        allowedUpgradeChannels: {
            type: "array",
            items: { type: "string" },
            default: DEFAULT,
            description: "Cluster auto-upgrade channels accepted (compared case-insensitively). `node-image` is legacy (node images belong to the node OS channel) and `none` turns automatic upgrades off.",
        },
    },
};

export function* check(c: ClusterView, ctx: CheckContext<Config>): Iterable<string> {
    const configured = Array.isArray(ctx.config.allowedUpgradeChannels) ? ctx.config.allowedUpgradeChannels.filter(s => typeof s === "string") : [];
    const allowed = configured.length > 0 ? configured : DEFAULT;
    const ok = (s: string) => allowed.some(a => a.toLowerCase() === s.toLowerCase());
    const list = `one of ${allowed.map(a => JSON.stringify(a)).join(", ")}`;
    const n = c.upgradeChannel();
    if (!n.present) {
        // AKS Automatic upgrades on the stable channel when none is given.
        const automatic = c.automatic();
        if (!automatic || !ok("stable")) {
            yield say({
                element: CLUSTER,
                node: n,
                absent: automatic ? "AKS Automatic upgrades on the stable channel" : "none: the cluster is never upgraded automatically",
                fix: `set it to ${list}`,
            });
        }
        return;
    }
    const s = n.str();
    if (s !== undefined && ok(s)) {
        return;
    }
    // The hint names the value, so it is left out when the value is a secret.
    const v = n.secret ? undefined : s?.toLowerCase();
    const why = v === "node-image" ? ": \"node-image\" is legacy and upgrades node images only; use the node OS channel for those"
        : v === "none" ? ": \"none\" turns automatic upgrades off" : "";
    yield say({ element: CLUSTER, node: n, fix: `set it to ${list}${why}` });
}

export const policy = resourcePolicy(meta, clusters, check);
