import { CLUSTER, say, oneOf } from "../../lib/core/message";
import { PolicyMeta, stackPolicy, StackCheckContext } from "../../lib/policy";
import { StackCluster } from "../../lib/stack/aks";
import { known } from "../../lib/stack/links";
import { UNKNOWN } from "../../lib/core/known";
import { Routes, Subnets } from "../../lib/stack/subnets";

export interface Config {
    allowedOutboundTypes: string[];
}

const DEFAULT = ["userDefinedRouting", "userAssignedNATGateway", "managedNATGateway", "none"];

export const meta: PolicyMeta = {
    name: "aks-egress-controlled",
    displayName: "AKS: egress through a controlled path",
    description: "AKS cluster egress leaves through a path the organization controls (a firewall route or a NAT gateway), not the default public load balancer's public IP.",
    controls: ["NET-5"],
    checks: ["AKS-14"],
    severity: "low",
    enforcementLevel: "advisory",
    url: "https://learn.microsoft.com/azure/aks/egress-outboundtype",
    remediationSteps: [
        "azure-native: set `networkProfile: { outboundType: \"userDefinedRouting\" }` on the ManagedCluster (or a NAT gateway type); the SDK writes `\"loadBalancer\"` whenever `networkProfile` is set without it.",
        "classic azure: set `networkProfile: { outboundType: \"userDefinedRouting\" }` (or a NAT gateway type) on the KubernetesCluster.",
        "`userDefinedRouting` needs a route table on the node subnet that sends 0.0.0.0/0 to your firewall; `userAssignedNATGateway` needs a NAT gateway on the node subnet.",
        "A cluster left on `loadBalancer` whose node subnets all carry, in this stack, a route table sending 0.0.0.0/0 to a virtual appliance (your firewall) is accepted: the route takes egress through the firewall (Microsoft's egress guidance prefers `userDefinedRouting` there, which stops AKS from creating an outbound public IP).",
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

/** Whether every node subnet of the cluster, as the stack shows them, sends 0.0.0.0/0 to a virtual appliance. */
type Egress = "appliance" | "none" | typeof UNKNOWN;

export function* judge(c: StackCluster, configuredTypes: unknown, viaAppliance: () => Egress): Iterable<string> {
    const configured = Array.isArray(configuredTypes) ? configuredTypes.filter((s): s is string => typeof s === "string") : [];
    const allowed = configured.length > 0 ? configured : DEFAULT;
    const ok = (v: string | undefined) => v !== undefined && allowed.some(a => a.toLowerCase() === v.toLowerCase());
    // A stack policy stops at the first unknown it reads: decide nothing from what preview hides
    // (known() walks the path without reading an unknown).
    const outbound = known(c.root, "networkProfile.outboundType");
    if (outbound === undefined || ok(outbound.str())) {
        return;
    }
    const absent = !outbound.present;
    // Omitted, Azure uses a public load balancer; AKS Automatic in its managed VNet (no pool in a
    // customer subnet) uses a managed NAT gateway instead.
    if (absent && ok("managedNATGateway")) {
        const sku = c.skuName();
        if (sku === UNKNOWN) return;
        if (sku?.toLowerCase() === "automatic") {
            const pools = known(c.root, "agentPoolProfiles");
            const hosted = known(c.root, "hostedSystemProfile");
            if (pools === undefined || pools.items().some(p => p.pending)) return;
            const subnets = [...pools.items().map(p => p.get("vnetSubnetID")), ...(hosted ? [hosted.get("systemNodeSubnetID"), hosted.get("nodeSubnetID")] : [])];
            // A subnet from another resource's output is a custom VNet too.
            if (hosted !== undefined && !subnets.some(n => n.pending || n.present)) return;
        }
    }
    // loadBalancer with a firewall route on every node subnet: egress goes through the firewall.
    if (absent || outbound.str()?.toLowerCase() === "loadbalancer") {
        const via = viaAppliance();
        if (via !== "none") return;
    }
    yield say({
        element: CLUSTER,
        node: outbound,
        absent: "Azure's default is loadBalancer: nodes reach the internet through the load balancer's public IP",
        fix: `set it to ${oneOf(allowed)}, or send 0.0.0.0/0 from every node subnet to your firewall (a route with nextHopType "VirtualAppliance")`,
    });
}

function viaAppliance(c: StackCluster, subnets: Subnets, routes: Routes): Egress {
    const refs = [c.inlineSubnets(), c.hostedSubnets()].flatMap(({ key, values }) => (values.length > 0 ? subnets.resolve(c.r, key, values) : []));
    if (refs.length === 0) {
        return "none";
    }
    const each = refs.map(ref => routes.defaultRoute(ref));
    return each.every(e => e === "appliance") ? "appliance" : each.includes(UNKNOWN) ? UNKNOWN : "none";
}

export function* check(ctx: StackCheckContext<Config>): Iterable<{ urn: string; message: string }> {
    const clusters = StackCluster.all(ctx.stack);
    if (clusters.length === 0) {
        return;
    }
    const subnets = new Subnets(ctx.stack);
    const routes = new Routes(ctx.stack);
    for (const c of clusters) {
        for (const message of judge(c, ctx.config.allowedOutboundTypes, () => viaAppliance(c, subnets, routes))) {
            yield { urn: c.urn, message };
        }
    }
}

export const policy = stackPolicy<Config>(meta, check);
