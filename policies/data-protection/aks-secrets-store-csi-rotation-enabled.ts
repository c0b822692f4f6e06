import { CLUSTER, say } from "../../lib/core/message";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { ClusterView } from "../../lib/views/cluster";
import { clusters } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "aks-secrets-store-csi-rotation-enabled",
    displayName: "AKS: Key Vault Secrets Store CSI driver with rotation",
    description: "The Azure Key Vault provider for the Secrets Store CSI driver runs in the AKS cluster and refreshes mounted secrets when they rotate.",
    controls: ["DATA-3"],
    checks: ["AKS-18"],
    severity: "medium",
    enforcementLevel: "advisory",
    mcsb: ["IM-8"],
    url: "https://learn.microsoft.com/azure/aks/csi-secrets-store-driver",
    remediationSteps: [
        "azure-native: set `addonProfiles: { azureKeyvaultSecretsProvider: { enabled: true, config: { enableSecretRotation: \"true\" } } }` on the ManagedCluster (config values are strings).",
        "classic azure: set `keyVaultSecretsProvider: { secretRotationEnabled: true }` on the KubernetesCluster.",
        "Then mount secrets with a SecretProviderClass instead of writing them into manifests.",
    ].join("\n"),
};

export function* check(c: ClusterView): Iterable<string> {
    const sp = c.secretsProvider();
    if (!sp.block.isObject) {
        yield say({
            element: CLUSTER,
            node: sp.block,
            absent: "the Secrets Store CSI driver is not installed",
            fix: c.spell({ native: "set it to { enabled: true, config: { enableSecretRotation: \"true\" } }", classic: "set it to { secretRotationEnabled: true }" }),
        });
        return;
    }
    if (sp.enabled && sp.enabled.bool() !== true) {
        // Off: rotation means nothing until the add-on runs (one finding, not two).
        yield say({ element: CLUSTER, node: sp.enabled, absent: "the add-on is off", fix: "set it to true" });
        return;
    }
    if (sp.rotation.bool() !== true) {
        yield say({
            element: CLUSTER,
            node: sp.rotation,
            absent: "mounted secrets are not refreshed when they change in Key Vault",
            fix: c.spell({ native: "set it to \"true\"", classic: "set it to true" }),
        });
    }
}

export const policy = resourcePolicy(meta, clusters, check);
