import { pathOf, show } from "../../lib/core/message";
import { CheckContext, PolicyMeta, resourcePolicy } from "../../lib/policy";
import { reader } from "../../lib/readers";
import { isInternetSource, nsgOrRule, portSpan, RuleView } from "../../lib/views/nsg";

export interface Config {
    ports: number[];
    udpFromInternet: boolean;
}

const DEFAULT_PORTS = [22, 80, 3389, 6443, 10250, 10255];

export const meta: PolicyMeta = {
    name: "nsg-management-ports-restricted",
    displayName: "NSG: management ports closed to the internet",
    description: "No network security rule allows inbound traffic from the internet (*, Internet, Any, 0.0.0.0/0, ::/0) to a management port (SSH, RDP, Kubernetes API, kubelet), to plain HTTP, or over UDP.",
    controls: ["NET-5", "NET-6"],
    checks: ["VNET-02"],
    severity: "high",
    enforcementLevel: "mandatory",
    url: "https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview",
    remediationSteps: [
        "azure-native: on the NetworkSecurityGroup's `securityRules[]` or the SecurityRule, set `sourceAddressPrefix(es)` to the address ranges that need access, or `access: \"Deny\"`.",
        "classic azure: on the NetworkSecurityGroup's `securityRules[]` or the NetworkSecurityRule, set `sourceAddressPrefix(es)` to the address ranges that need access, or `access: \"Deny\"`.",
        "Reach nodes through Azure Bastion or a VPN instead of opening SSH or RDP; the AKS API server is not behind your NSG (restrict it with authorized IP ranges or a private cluster).",
        "Serve web traffic over HTTPS (443) only, and open UDP to the internet only for a service that needs it (then add `udpFromInternet: true` for that stack).",
    ].join("\n"),
    config: {
        ports: {
            type: "array",
            items: { type: "integer", minimum: 0, maximum: 65535 },
            default: DEFAULT_PORTS,
            description: "Ports no rule may open to the internet: SSH 22, plain HTTP 80, RDP 3389, Kubernetes API 6443, kubelet 10250 and read-only kubelet 10255 by default.",
        },
        udpFromInternet: {
            type: "boolean",
            default: false,
            description: "Accept rules that allow UDP (protocol Udp or *) from the internet. Off by default: UDP services exposed to the internet are a common amplification and scanning target.",
        },
    },
};

/** Protocols without ports: a rule for them opens no management port. */
const PORTLESS = new Set(["icmp", "esp", "ah"]);

export function* check(rule: RuleView, ctx: CheckContext<Config>): Iterable<string> {
    if (rule.direction().str()?.toLowerCase() !== "inbound" || rule.access().str()?.toLowerCase() !== "allow") {
        return;
    }
    const protocol = rule.protocol().str()?.toLowerCase();
    if (protocol !== undefined && PORTLESS.has(protocol)) {
        return;
    }
    const source = rule.sources().find(isInternetSource);
    if (!source) {
        return;
    }
    const ports = Array.isArray(ctx.config.ports) ? ctx.config.ports.filter(p => Number.isInteger(p)) : DEFAULT_PORTS;
    const seen = new Set<number>();
    const hits: string[] = [];
    for (const entry of rule.destinationPorts()) {
        const span = portSpan(entry);
        const covered = span ? ports.filter(p => p >= span[0] && p <= span[1] && !seen.has(p)) : [];
        if (covered.length === 0) {
            continue;
        }
        covered.forEach(p => seen.add(p));
        const which = entry.secret ? "a management port" : covered.length === 1 ? `port ${covered[0]}` : `ports ${covered.join(", ")}`;
        hits.push(`${pathOf(entry, rule.root)}: ${show(entry)} (${which})`);
    }
    if (hits.length > 0) {
        yield `${rule.label()} allows inbound traffic from the internet (${pathOf(source, rule.root)}: ${show(source)}) to ${hits.join(", ")}; `
            + "restrict the source to the address ranges that need access (use Azure Bastion for SSH and RDP), or set access to \"Deny\".";
    }
    if (ctx.config.udpFromInternet !== true && (protocol === "udp" || protocol === "*")) {
        yield `${rule.label()} allows inbound UDP traffic from the internet (${pathOf(source, rule.root)}: ${show(source)}, ${pathOf(rule.protocol(), rule.root)}: ${show(rule.protocol())}); `
            + "set protocol to \"Tcp\" or restrict the source to the address ranges that need access.";
    }
}

export const policy = resourcePolicy(meta, reader(nsgOrRule, RuleView.read), check);
