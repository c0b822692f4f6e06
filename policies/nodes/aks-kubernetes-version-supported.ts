import { aksCluster, aksNodePool, anyOf } from "../../lib/kinds";
import { CLUSTER, say } from "../../lib/message";
import { CheckContext, PolicyMeta, resourcePolicy } from "../../lib/policy";
import { olderThan, parseVersion } from "../../lib/version";
import { ClusterView } from "../../lib/views/cluster";
import { Node } from "../../lib/views/node";
import { PoolView } from "../../lib/views/nodepool";

export interface Config {
    minimumVersion: string;
}

const DEFAULT = "1.33";

export const meta: PolicyMeta = {
    name: "aks-kubernetes-version-supported",
    displayName: "AKS: supported Kubernetes version",
    description: "The AKS control plane and every node pool run a Kubernetes version at or above the configured minimum (a version in AKS standard support).",
    controls: ["NODE-1"],
    checks: ["AKS-29"],
    severity: "high",
    enforcementLevel: "advisory",
    url: "https://learn.microsoft.com/azure/aks/supported-kubernetes-versions",
    remediationSteps: [
        "List the versions AKS supports in your region (`az aks get-versions --location <region>`), then upgrade the control plane first and the node pools after it.",
        "azure-native: set `kubernetesVersion` on the ManagedCluster and `orchestratorVersion` on every `agentPoolProfiles[]` entry and AgentPool to a supported version, or omit them to take AKS's default.",
        "classic azure: set `kubernetesVersion` on the KubernetesCluster and `orchestratorVersion` on `defaultNodePool` and every KubernetesClusterNodePool to a supported version.",
        "Pair it with a cluster auto-upgrade channel so the cluster does not fall behind again.",
    ].join("\n"),
    config: {
        minimumVersion: {
            type: "string",
            pattern: "^[vV]?[0-9]+\\.[0-9]+(\\.[0-9]+)?$",
            default: DEFAULT,
            description: "The oldest Kubernetes version accepted (major.minor or major.minor.patch). Default \"1.33\": the oldest minor in AKS standard support as of 2026-11; raise it as AKS retires versions (see the AKS Kubernetes release calendar).",
        },
    },
};

type View = ClusterView | PoolView;

function read(type: string, props: unknown): View[] {
    return [...ClusterView.read(type, props), ...PoolView.read(type, props)];
}

function* version(element: string, n: Node, base: Node | undefined, minText: string): Iterable<string> {
    // Omitted: AKS picks its current default at create (a pool follows the control plane).
    if (!n.present) {
        return;
    }
    const v = parseVersion(n.raw);
    if (v === undefined) {
        yield say({ element, node: n, base, fix: `set it to a Kubernetes version such as "${minText}" (major.minor or major.minor.patch)` });
    } else if (olderThan(v, parseVersion(minText)!)) {
        yield say({ element, node: n, base, fix: `upgrade to ${minText} or later; older versions are out of AKS standard support` });
    }
}

export function* check(v: View, ctx: CheckContext<Config>): Iterable<string> {
    const configured = ctx.config.minimumVersion;
    const minText = parseVersion(configured) !== undefined ? configured : DEFAULT;
    if (v instanceof ClusterView) {
        yield* version(CLUSTER, v.kubernetesVersion(), undefined, minText);
        for (const pool of v.inlinePools()) {
            yield* version(pool.label(), pool.orchestratorVersion(), pool.root, minText);
        }
    } else {
        yield* version(v.label(), v.orchestratorVersion(), v.root, minText);
    }
}

export const policy = resourcePolicy<View, Config>(meta, anyOf("AKS cluster and node pool", aksCluster, aksNodePool), read, check);
