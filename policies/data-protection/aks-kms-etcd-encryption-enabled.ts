import { CLUSTER, say } from "../../lib/core/message";
import { CheckContext, PolicyMeta, resourcePolicy } from "../../lib/policy";
import { ClusterView } from "../../lib/views/cluster";
import { clusters } from "../../lib/readers";

export interface Config {
    requirePrivateKeyVault: boolean;
}

export const meta: PolicyMeta = {
    name: "aks-kms-etcd-encryption-enabled",
    displayName: "AKS: KMS etcd encryption with a Key Vault key",
    description: "Kubernetes Secrets in etcd are encrypted with a customer-managed Key Vault key (KMS), and AKS reaches the key vault over a private network.",
    controls: ["DATA-3", "DATA-1"],
    checks: ["AKS-17"],
    severity: "medium",
    enforcementLevel: "advisory",
    cis: ["5.3.1"],
    mcsb: ["DP-6"],
    url: "https://learn.microsoft.com/azure/aks/use-kms-etcd-encryption",
    remediationSteps: [
        "Create a Key Vault key and grant the cluster identity `Key Vault Crypto User` on it; a private key vault also needs API server VNet integration.",
        "azure-native: set `securityProfile: { azureKeyVaultKms: { enabled: true, keyId: key.keyUriWithVersion, keyVaultNetworkAccess: \"Private\", keyVaultResourceId: vault.id } }` on the ManagedCluster.",
        "classic azure: set `keyManagementService: { keyVaultKeyId: key.id, keyVaultNetworkAccess: \"Private\" }` on the KubernetesCluster.",
    ].join("\n"),
    config: {
        requirePrivateKeyVault: {
            type: "boolean",
            default: true,
            description: "Require keyVaultNetworkAccess \"Private\" (the key vault reached over Private Link, not its public endpoint). Set to false to accept a public key vault.",
        },
    },
};

export function* check(c: ClusterView, ctx: CheckContext<Config>): Iterable<string> {
    const kms = c.kms();
    const priv = ctx.config.requirePrivateKeyVault !== false;
    if (!kms.block.isObject) {
        const keyName = c.spell({ native: "keyId", classic: "keyVaultKeyId" });
        const extra = priv ? `, keyVaultNetworkAccess: "Private"${c.spell({ native: ", keyVaultResourceId: <key vault ID>", classic: "" })}` : "";
        yield say({
            element: CLUSTER,
            node: kms.block,
            absent: "Secrets in etcd are encrypted with platform-managed keys only",
            fix: `set it to { ${c.spell({ native: "enabled: true, ", classic: "" })}${keyName}: <versioned key ID>${extra} }`,
        });
        return;
    }
    if (kms.enabled && kms.enabled.bool() !== true) {
        // Off: the key and network settings take effect only once it is on (one finding, not three).
        yield say({ element: CLUSTER, node: kms.enabled, absent: "KMS encryption is off", fix: "set it to true" });
        return;
    }
    // Set from the key's output (key.keyUriWithVersion): unknown in preview, but named.
    if (!kms.keyId.pending && !kms.keyId.hasText) {
        yield say({ element: CLUSTER, node: kms.keyId, absent: "no key is named", fix: "set it to the versioned ID of a Key Vault key" });
    }
    const access = kms.networkAccess.str()?.toLowerCase();
    if (priv && access !== "private") {
        yield say({
            element: CLUSTER,
            node: kms.networkAccess,
            absent: "Public: AKS reaches the key vault over its public endpoint",
            fix: "set it to \"Private\"",
        });
    }
    // A private key vault is reached through its resource ID (AKS requires it with Private).
    if (access === "private" && kms.vaultId && !kms.vaultId.pending && !kms.vaultId.hasText) {
        yield say({ element: CLUSTER, node: kms.vaultId, absent: "required with Private network access", fix: "set it to the resource ID of the key vault that holds the key" });
    }
}

export const policy = resourcePolicy(meta, clusters, check);
