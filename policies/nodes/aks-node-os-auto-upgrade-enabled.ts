import { CLUSTER, say } from "../../lib/core/message";
import { CheckContext, PolicyMeta, resourcePolicy } from "../../lib/policy";
import { ClusterView } from "../../lib/views/cluster";
import { clusters } from "../../lib/readers";

export interface Config {
    allowedNodeOsUpgradeChannels: string[];
}

const DEFAULT = ["NodeImage", "SecurityPatch"];

export const meta: PolicyMeta = {
    name: "aks-node-os-auto-upgrade-enabled",
    displayName: "AKS: node OS auto-upgrade channel",
    description: "The AKS cluster sets a node OS upgrade channel that applies security patches to its nodes automatically.",
    controls: ["NODE-1"],
    checks: ["AKS-27"],
    severity: "medium",
    enforcementLevel: "advisory",
    url: "https://learn.microsoft.com/azure/aks/auto-upgrade-node-os-image",
    remediationSteps: [
        "azure-native: set `autoUpgradeProfile: { nodeOSUpgradeChannel: \"NodeImage\" }` (or `\"SecurityPatch\"`) on the ManagedCluster; set it explicitly, since the API reference and the AKS docs disagree on the default.",
        "classic azure: set `nodeOsUpgradeChannel: \"NodeImage\"` (or `\"SecurityPatch\"`) on the KubernetesCluster (the provider's default is `NodeImage`).",
        "Add a `MaintenanceConfiguration` named `aksManagedNodeOSUpgradeSchedule` to control when node images roll out.",
    ].join("\n"),
    config: {
        allowedNodeOsUpgradeChannels: {
            type: "array",
            items: { type: "string" },
            default: DEFAULT,
            description: "Node OS upgrade channels accepted (compared case-insensitively). `None` leaves patching to you; `Unmanaged` relies on the OS's own updates (none on Windows) and never refreshes the node image.",
        },
    },
};

export function* check(c: ClusterView, ctx: CheckContext<Config>): Iterable<string> {
    const configured = Array.isArray(ctx.config.allowedNodeOsUpgradeChannels) ? ctx.config.allowedNodeOsUpgradeChannels.filter(s => typeof s === "string") : [];
    const allowed = configured.length > 0 ? configured : DEFAULT;
    const ok = (s: string) => allowed.some(a => a.toLowerCase() === s.toLowerCase());
    const list = `one of ${allowed.map(a => JSON.stringify(a)).join(", ")}`;
    const n = c.nodeOsUpgradeChannel();
    if (!n.present) {
        const preset = c.nodeOsUpgradeDefault();
        if (preset === undefined || !ok("NodeImage")) {
            yield say({
                element: CLUSTER,
                node: n,
                absent: preset ?? "the API reference says NodeImage but the AKS docs say Standard clusters get manual node OS upgrades",
                fix: `set it explicitly to ${list}`,
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
    const why = v === "none" ? ": \"None\" leaves node OS patching to you"
        : v === "unmanaged" ? ": \"Unmanaged\" relies on the OS's own updates (none on Windows) and never refreshes the node image" : "";
    yield say({ element: CLUSTER, node: n, fix: `set it to ${list}${why}` });
}

export const policy = resourcePolicy(meta, clusters, check);
