import { say } from "../../lib/core/message";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { VaultView } from "../../lib/views/vault";
import { vaults } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "kv-purge-protection-enabled",
    displayName: "Key Vault: purge protection enabled",
    description: "A key vault keeps soft delete on and enables purge protection, so deleted vaults, keys and secrets can be recovered during the retention period.",
    controls: ["DATA-3"],
    checks: ["KV-01"],
    severity: "medium",
    enforcementLevel: "advisory",
    url: "https://learn.microsoft.com/azure/key-vault/general/soft-delete-overview",
    remediationSteps: [
        "azure-native: set `properties: { enablePurgeProtection: true }` on the Vault and remove `enableSoftDelete: false`.",
        "classic azure: set `purgeProtectionEnabled: true` on the KeyVault.",
        "Purge protection cannot be turned off again; a deleted vault then keeps its name for the retention period (7 to 90 days).",
    ].join("\n"),
};

export function* check(v: VaultView): Iterable<string> {
    const softDelete = v.softDelete();
    if (softDelete.present && softDelete.bool() !== true) {
        yield say({ element: v.label(), node: softDelete, fix: "remove it or set it to true: purge protection needs soft delete" });
    }
    const n = v.purgeProtection();
    if (n.bool() !== true) {
        yield say({ element: v.label(), node: n, absent: "a deleted vault, key or secret can be purged at once", fix: "set it to true" });
    }
}

export const policy = resourcePolicy(meta, vaults, check);
