import { isCidr, prefixLength, within } from "../../lib/core/cidr";
import { CLUSTER, say, show } from "../../lib/core/message";
import { CheckContext, PolicyMeta, resourcePolicy } from "../../lib/policy";
import { ClusterView } from "../../lib/views/cluster";
import { clusters } from "../../lib/readers";

export interface Config {
    allowedRanges: string[];
    minimumIpv4PrefixLength: number;
}

export const meta: PolicyMeta = {
    name: "aks-api-server-access-restricted",
    displayName: "AKS: API server authorized IP ranges",
    description: "A public AKS API server admits only authorized IP ranges, none of them open to every address.",
    controls: ["NET-4", "NET-6"],
    checks: ["AKS-09"],
    severity: "critical",
    enforcementLevel: "mandatory",
    cis: ["5.4.1"],
    mcsb: ["NS-2"],
    url: "https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges",
    remediationSteps: [
        "azure-native: set `apiServerAccessProfile: { authorizedIPRanges: [\"203.0.113.0/24\", ...] }` on the ManagedCluster, or make it a private cluster (`enablePrivateCluster: true`).",
        "classic azure: set `apiServerAccessProfile: { authorizedIpRanges: [...] }` (v5: `apiServerAuthorizedIpRanges`) on the KubernetesCluster, or `privateClusterEnabled: true`.",
        "Include the egress IPs of your CI runners and admin networks; never `0.0.0.0/0`.",
    ].join("\n"),
    config: {
        allowedRanges: {
            type: "array",
            items: { type: "string" },
            default: [],
            description: "CIDR ranges an authorized range must fall within (IPv4 by containment, others by exact text). Empty: any range except /0 is accepted.",
        },
        minimumIpv4PrefixLength: {
            type: "integer",
            minimum: 1,
            maximum: 32,
            default: 8,
            description: "The shortest IPv4 prefix accepted: a range broader than this (e.g. 0.0.0.0/1) admits too much of the internet.",
        },
    },
};

export function* check(c: ClusterView, ctx: CheckContext<Config>): Iterable<string> {
    if (c.privateCluster().bool() === true) {
        return;
    }
    const ranges = c.authorizedIpRanges();
    const fix = "set it to the CIDR ranges that need access, e.g. [\"203.0.113.0/24\"], or make the cluster private";
    if (!ranges.isArray || ranges.items().length === 0) {
        yield say({ element: CLUSTER, node: ranges, absent: "the public API server accepts every source address", fix });
        return;
    }
    const minPrefix = typeof ctx.config.minimumIpv4PrefixLength === "number" ? ctx.config.minimumIpv4PrefixLength : 8;
    const allowed = Array.isArray(ctx.config.allowedRanges) ? ctx.config.allowedRanges.filter(r => typeof r === "string") : [];
    for (const item of ranges.items()) {
        const s = item.str();
        if (s === undefined || s.trim() === "") {
            yield say({ element: CLUSTER, node: item, fix: "set it to a CIDR range such as \"203.0.113.0/24\"" });
        } else if (prefixLength(s) === 0) {
            yield say({ element: CLUSTER, node: item, fix: "replace it with the specific ranges that need access: a /0 range admits every address" });
        } else if (!isCidr(s)) {
            yield say({ element: CLUSTER, node: item, fix: "set it to an IP address or CIDR range such as \"203.0.113.0/24\"" });
        } else if (!s.includes(":") && (prefixLength(s) ?? 32) < minPrefix) {
            yield say({ element: CLUSTER, node: item, fix: `replace it with narrower ranges (at least /${minPrefix}) that cover only the networks that need access` });
        } else if (allowed.length > 0 && !within(s, allowed)) {
            yield `${CLUSTER} sets ${item.path}: ${show(item)}, which is outside the allowed ranges ${JSON.stringify(allowed)}; use ranges within them.`;
        }
    }
}

export const policy = resourcePolicy(meta, clusters, check);
