import { say } from "../../lib/core/message";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { RegistryView } from "../../lib/views/registry";
import { registries } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "acr-customer-managed-key-enabled",
    displayName: "ACR: encrypted with a customer-managed key",
    description: "A container registry encrypts its content with a customer-managed key from Key Vault.",
    controls: ["DATA-1"],
    checks: ["ACR-07"],
    severity: "low",
    enforcementLevel: "advisory",
    url: "https://learn.microsoft.com/azure/container-registry/tutorial-enable-customer-managed-keys",
    remediationSteps: [
        "azure-native: set `encryption: { status: \"enabled\", keyVaultProperties: { keyIdentifier: key.keyUri, identity: identity.clientId } }` and a user-assigned `identity` on the Registry.",
        "classic azure: set `encryption: { keyVaultKeyId: key.id, identityClientId: identity.clientId }` (v5: also `enabled: true`) and a user-assigned `identity` on the Registry.",
        "Customer-managed keys need the Premium SKU, can only be set when the registry is created, and rule out content trust.",
    ].join("\n"),
};

const PLATFORM_KEY = "the registry is encrypted with a Microsoft-managed key";

export function* check(r: RegistryView): Iterable<string> {
    const e = r.encryption();
    if (e.status && e.status.str()?.toLowerCase() !== "enabled") {
        yield say({ element: r.label(), node: e.status, absent: PLATFORM_KEY, fix: "set it to \"enabled\" with keyVaultProperties.keyIdentifier set to a Key Vault key" });
        return;
    }
    if (e.enabled && e.enabled.present && e.enabled.bool() !== true) {
        yield say({ element: r.label(), node: e.enabled, fix: "set it to true with keyVaultKeyId set to a Key Vault key" });
        return;
    }
    if (!e.keyId.pending && !e.keyId.hasText) {
        yield say({ element: r.label(), node: e.keyId, absent: r.spell({ native: "no key is named", classic: PLATFORM_KEY }), fix: "set it to the ID of a Key Vault key" });
    }
}

export const policy = resourcePolicy(meta, registries, check);
