import { CLUSTER, say } from "../../lib/core/message";
import { CheckContext, PolicyMeta, resourcePolicy } from "../../lib/policy";
import { clusters, either, nodePools } from "../../lib/readers";
import { CALENDAR_READ, oldestSupported, supportOf, today } from "../../lib/core/calendar";
import { olderThan, parseVersion, Version } from "../../lib/core/version";
import { ClusterView } from "../../lib/views/cluster";
import { Node } from "../../lib/core/node";
import { PoolView } from "../../lib/views/nodepool";
import { UNKNOWN } from "../../lib/core/known";

export interface Config {
    minimumVersion: string;
}

export const meta: PolicyMeta = {
    name: "aks-kubernetes-version-supported",
    displayName: "AKS: supported Kubernetes version",
    description: "The AKS control plane and every node pool run a Kubernetes version that is in AKS support on the day of the run: standard support, or long-term support on a cluster enrolled in it.",
    controls: ["NODE-1"],
    checks: ["AKS-29"],
    severity: "high",
    enforcementLevel: "advisory",
    url: "https://learn.microsoft.com/azure/aks/supported-kubernetes-versions",
    remediationSteps: [
        "List the versions AKS supports in your region (`az aks get-versions --location <region>`), then upgrade the control plane first and the node pools after it.",
        "azure-native: set `kubernetesVersion` on the ManagedCluster and `orchestratorVersion` on every `agentPoolProfiles[]` entry and AgentPool to a supported version, or omit them to take AKS's default.",
        "classic azure: set `kubernetesVersion` on the KubernetesCluster and `orchestratorVersion` on `defaultNodePool` and every KubernetesClusterNodePool to a supported version.",
        "To stay on an older minor for another year, enroll the cluster in long-term support: `sku: { tier: \"Premium\" }` and `supportPlan: \"AKSLongTermSupport\"` (classic: `skuTier` and `supportPlan`).",
        "Pair it with a cluster auto-upgrade channel so the cluster does not fall behind again.",
    ].join("\n"),
    config: {
        minimumVersion: {
            type: "string",
            pattern: "^([vV]?[0-9]+\\.[0-9]+(\\.[0-9]+)?)?$",
            default: "",
            description: "Overrides the release calendar: the oldest Kubernetes version accepted (major.minor or major.minor.patch). Empty (the default): a version is accepted while AKS's release calendar (shipped with the pack, docs/aks-release-calendar.md) has it in standard support on the day of the run, or in long-term support on a cluster enrolled in it.",
        },
    },
};

type View = ClusterView | PoolView;

/** What a version means: nothing when supported, else the finding's fix. */
function judge(v: Version, lts: boolean | typeof UNKNOWN, floor: { v: Version; text: string } | undefined): string | undefined {
    if (floor) {
        return olderThan(v, floor.v) ? `upgrade to ${floor.text} or later (the configured minimumVersion)` : undefined;
    }
    const day = today();
    const s = supportOf(v, day, lts === true);
    const oldest = oldestSupported(day);
    const upgrade = `upgrade to ${oldest ?? "a newer minor"} or later (the oldest minor in standard support on ${day}, by the AKS release calendar read ${CALENDAR_READ})`;
    switch (s.state) {
        case "standard":
        case "lts":
        case "newer":
            return undefined;
        case "older":
            return `${v.major}.${v.minor} is older than every minor AKS supports; ${upgrade}`;
        case "ended":
            // A separate pool cannot show whether its cluster is enrolled in LTS: give it the benefit.
            if (s.ltsUntil && lts === UNKNOWN) {
                return undefined;
            }
            return `${v.major}.${v.minor} left AKS standard support on ${s.ended}; ${upgrade}` +
                (s.ltsUntil ? `, or enroll the cluster in long-term support, which covers ${v.major}.${v.minor} until ${s.ltsUntil}` : "");
    }
}

function* version(element: string, n: Node, base: Node | undefined, lts: boolean | typeof UNKNOWN, floor: { v: Version; text: string } | undefined): Iterable<string> {
    // Omitted: AKS picks its current default at create (a pool follows the control plane).
    if (!n.present) {
        return;
    }
    const v = parseVersion(n.raw);
    if (v === undefined) {
        yield say({ element, node: n, base, fix: `set it to a Kubernetes version such as "${floor?.text ?? oldestSupported(today()) ?? "1.35"}" (major.minor or major.minor.patch)` });
        return;
    }
    const fix = judge(v, lts, floor);
    if (fix !== undefined) {
        yield say({ element, node: n, base, fix });
    }
}

export function* check(v: View, ctx: CheckContext<Config>): Iterable<string> {
    const configured = ctx.config.minimumVersion;
    const parsed = parseVersion(configured);
    const floor = parsed ? { v: parsed, text: configured } : undefined;
    if (v instanceof ClusterView) {
        const lts = floor ? false : v.longTermSupport();
        yield* version(CLUSTER, v.kubernetesVersion(), undefined, lts, floor);
        for (const pool of v.inlinePools()) {
            yield* version(pool.label(), pool.orchestratorVersion(), pool.root, lts, floor);
        }
    } else {
        yield* version(v.label(), v.orchestratorVersion(), v.root, UNKNOWN, floor);
    }
}

export const policy = resourcePolicy(meta, either("AKS cluster and node pool", clusters, nodePools), check);
