import { CLUSTER, say } from "../../lib/core/message";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { ClusterView } from "../../lib/views/cluster";
import { clusters } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "aks-image-cleaner-enabled",
    displayName: "AKS: Image Cleaner",
    description: "Image Cleaner removes unused, vulnerable images from the AKS nodes.",
    controls: ["IMG-3"],
    checks: ["AKS-30"],
    severity: "low",
    enforcementLevel: "advisory",
    url: "https://learn.microsoft.com/azure/aks/image-cleaner",
    remediationSteps: [
        "azure-native: set `securityProfile: { imageCleaner: { enabled: true, intervalHours: 168 } }` on the ManagedCluster (AKS Automatic turns it on by itself).",
        "classic azure: set `imageCleanerEnabled: true` and `imageCleanerIntervalHours: 168` on the KubernetesCluster.",
    ].join("\n"),
};

export function* check(c: ClusterView): Iterable<string> {
    const n = c.imageCleaner();
    if (n.bool() === true) {
        return;
    }
    // AKS Automatic preconfigures Image Cleaner; only an explicit value can turn it off.
    if (!n.present && c.automatic()) {
        return;
    }
    yield say({ element: CLUSTER, node: n, absent: "unused images stay on the nodes", fix: "set it to true" });
}

export const policy = resourcePolicy(meta, clusters, check);
