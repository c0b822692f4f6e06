import { say } from "../../lib/core/message";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { VaultView } from "../../lib/views/vault";
import { vaults } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "kv-rbac-authorization-enabled",
    displayName: "Key Vault: Azure RBAC authorization",
    description: "A key vault authorizes data-plane access (keys, secrets, certificates) with Azure RBAC instead of vault access policies.",
    controls: ["DATA-3", "IAM-2"],
    checks: ["KV-03"],
    severity: "medium",
    enforcementLevel: "advisory",
    url: "https://learn.microsoft.com/azure/key-vault/general/rbac-guide",
    remediationSteps: [
        "azure-native: set `properties: { enableRbacAuthorization: true }` on the Vault and drop `accessPolicies`.",
        "classic azure: set `rbacAuthorizationEnabled: true` on the KeyVault (v5: `enableRbacAuthorization`).",
        "Grant data access with role assignments scoped to the vault (Key Vault Secrets User, Key Vault Crypto User, ...) before switching: access policies stop applying.",
    ].join("\n"),
};

export function* check(v: VaultView): Iterable<string> {
    const n = v.rbacAuthorization();
    if (n.bool() !== true) {
        yield say({ element: v.label(), node: n, absent: "vault access policies authorize data-plane access", fix: "set it to true" });
    }
}

export const policy = resourcePolicy(meta, vaults, check);
