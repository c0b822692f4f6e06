import { CLUSTER, say } from "../../lib/core/message";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { ClusterView } from "../../lib/views/cluster";
import { clusters } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "aks-disk-encryption-set-configured",
    displayName: "AKS: disks encrypted with a customer-managed key",
    description: "AKS OS and data disks are encrypted with a customer-managed key through a disk encryption set.",
    controls: ["DATA-1"],
    checks: ["AKS-15"],
    severity: "medium",
    enforcementLevel: "advisory",
    mcsb: ["DP-5"],
    url: "https://learn.microsoft.com/azure/aks/azure-disk-customer-managed-keys",
    remediationSteps: [
        "Create an `azure-native:compute:DiskEncryptionSet` (classic `azure.compute.DiskEncryptionSet`) over a Key Vault key and grant the cluster identity access.",
        "azure-native: set `diskEncryptionSetID: diskEncryptionSet.id` on the ManagedCluster.",
        "classic azure: set `diskEncryptionSetId: diskEncryptionSet.id` on the KubernetesCluster.",
    ].join("\n"),
};

export function* check(c: ClusterView): Iterable<string> {
    const des = c.diskEncryptionSetId();
    // Set from another resource's output (diskEncryptionSet.id): unknown in preview, but set.
    if (!des.pending && !des.hasText) {
        yield say({
            element: CLUSTER,
            node: des,
            absent: "disks use platform-managed keys",
            fix: "set it to the ID of a disk encryption set that uses your Key Vault key",
        });
    }
}

export const policy = resourcePolicy(meta, clusters, check);
