import { clusterPolicy } from "../../lib/aks";
import { CLUSTER, say, oneOf } from "../../lib/message";
import { CheckContext, PolicyMeta } from "../../lib/policy";
import { ClusterView } from "../../lib/views/cluster";

export interface Config {
    allowedOutboundTypes: string[];
}

const DEFAULT = ["userDefinedRouting", "userAssignedNATGateway", "managedNATGateway", "none"];

export const meta: PolicyMeta = {
    name: "aks-egress-controlled",
    displayName: "AKS: egress through a controlled path",
    description: "AKS cluster egress leaves through a path the organization controls (a firewall route or a NAT gateway), not the default public load balancer.",
    controls: ["NET-5"],
    checks: ["AKS-14"],
    severity: "low",
    enforcementLevel: "advisory",
    url: "https://learn.microsoft.com/azure/aks/egress-outboundtype",
    remediationSteps: [
        "azure-native: set `networkProfile: { outboundType: \"userDefinedRouting\" }` on the ManagedCluster (or a NAT gateway type); the SDK writes `\"loadBalancer\"` whenever `networkProfile` is set without it.",
        "classic azure: set `networkProfile: { outboundType: \"userDefinedRouting\" }` (or a NAT gateway type) on the KubernetesCluster.",
        "`userDefinedRouting` needs a route table on the node subnet that sends 0.0.0.0/0 to your firewall; `userAssignedNATGateway` needs a NAT gateway on the node subnet.",
    ].join("\n"),
    config: {
        allowedOutboundTypes: {
            type: "array",
            items: { type: "string" },
            minItems: 1,
            default: DEFAULT,
            description: "networkProfile.outboundType values accepted (compared case-insensitively). Add \"loadBalancer\" to accept the default public load balancer.",
        },
    },
};

export function* check(c: ClusterView, ctx: CheckContext<Config>): Iterable<string> {
    const configured = Array.isArray(ctx.config.allowedOutboundTypes)
        ? ctx.config.allowedOutboundTypes.filter((s): s is string => typeof s === "string")
        : [];
    const allowed = configured.length > 0 ? configured : DEFAULT;
    const ok = (v: string | undefined) => v !== undefined && allowed.some(a => a.toLowerCase() === v.toLowerCase());
    const outbound = c.outboundType();
    if (ok(outbound.str())) {
        return;
    }
    // Omitted, Azure uses a public load balancer; AKS Automatic in its managed VNet (no pool in a
    // customer subnet) uses a managed NAT gateway instead.
    if (!outbound.present && ok("managedNATGateway") && c.automatic()
        && !c.inlinePools().some(p => p.vnetSubnetId().pending || p.vnetSubnetId().present)) {
        return;
    }
    yield say({ element: CLUSTER, node: outbound, absent: "Azure's default is loadBalancer: nodes reach the internet through the load balancer's public IP", fix: `set it to ${oneOf(allowed)}` });
}


export const policy = clusterPolicy<Config>(meta, check);
