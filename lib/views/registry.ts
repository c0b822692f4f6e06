// Azure Container Registry, read lazily from either provider. Every accessor returns Nodes that
// carry the property path in the user's own provider, so messages name what the user wrote.
//
// azure-native: Registry inputs (API 2023-01-01-preview shape in v3; the names read here are the
// same in every API version). The SDK writes `adminUserEnabled: false`,
// `anonymousPullEnabled: false` and `publicNetworkAccess: "Enabled"` when omitted, and
// `status: "disabled"` inside any `policies.*Policy` object given without one.
// classic azure: `azure:containerservice/registry:Registry`, v6 names (azurerm 4.x) and the v5
// names azurerm 4.0 replaced (`retentionPolicy { enabled, days }` -> `retentionPolicyInDays`,
// `encryption.enabled` dropped: the block's presence enables it).

import { registry } from "../core/kinds";
import { Node } from "../core/node";
import { BOOL, ByProvider, ENABLED, ENABLED_LOWER, Setting } from "./setting";

export const REGISTRY = "The registry";

const nativeRegistry = registry.kinds[0];
const classicRegistry = registry.kinds[1];

export class RegistryView {
    readonly root: Node;

    private constructor(readonly provider: "azure-native" | "azure", props: unknown) {
        this.root = Node.root(props);
    }

    static read(type: string, props: unknown): RegistryView[] {
        if (nativeRegistry.matches(type)) {
            return [new RegistryView("azure-native", props)];
        }
        if (classicRegistry.matches(type)) {
            return [new RegistryView("azure", props)];
        }
        return [];
    }

    get native(): boolean {
        return this.provider === "azure-native";
    }

    /** The text for the user's provider: remediations name the provider's own types and blocks. */
    spell<T>(t: ByProvider<T>): T {
        return this.native ? t.native : t.classic;
    }

    /** How messages name the registry. */
    label(): string {
        return REGISTRY;
    }

    // ---- authentication --------------------------------------------------------

    /** Admin user: `adminUserEnabled` / classic `adminEnabled` (default false). */
    adminUser(): Node {
        return this.root.get(this.native ? "adminUserEnabled" : "adminEnabled");
    }

    /** Anonymous (unauthenticated) pull: `anonymousPullEnabled` (both providers; default false). */
    anonymousPull(): Node {
        return this.root.get("anonymousPullEnabled");
    }

    // ---- network ---------------------------------------------------------------

    /**
     * Public network access: azure-native `publicNetworkAccess` (Enabled | Disabled, default
     * Enabled); classic `publicNetworkAccessEnabled` (boolean, default true).
     */
    publicNetworkAccess(): Setting {
        return this.native ? new Setting(this.root.get("publicNetworkAccess"), ENABLED) : new Setting(this.root.get("publicNetworkAccessEnabled"), BOOL);
    }

    /** Firewall default: `networkRuleSet.defaultAction` (both providers; Allow | Deny, default Allow; Premium only). */
    networkDefaultAction(): Node {
        return this.root.get("networkRuleSet.defaultAction");
    }

    // ---- SKU and policies --------------------------------------------------------

    /** `sku.name` / classic `sku` (Basic | Standard | Premium; required). */
    sku(): Node {
        return this.root.get(this.native ? "sku.name" : "sku");
    }

    /** Quarantine (off when absent): `policies.quarantinePolicy.status` (enabled | disabled) / classic `quarantinePolicyEnabled`. */
    quarantine(): Setting {
        return this.native ? new Setting(this.root.get("policies.quarantinePolicy.status"), ENABLED_LOWER) : new Setting(this.root.get("quarantinePolicyEnabled"), BOOL);
    }

    /**
     * Retention of untagged manifests. azure-native: `policies.retentionPolicy.status`
     * (enabled | disabled) and `.days`; classic v6: `retentionPolicyInDays` (set and > 0 enables
     * it); classic v5: `retentionPolicy.enabled` and `.days`.
     */
    retention(): { status?: Node; enabled?: Node; days: Node } {
        if (this.native) {
            const p = this.root.get("policies.retentionPolicy");
            return { status: p.get("status"), days: p.get("days") };
        }
        const v5 = this.root.get("retentionPolicy");
        if (v5.present) {
            return { enabled: v5.get("enabled"), days: v5.get("days") };
        }
        return { days: this.root.get("retentionPolicyInDays") };
    }

    // ---- encryption ---------------------------------------------------------------

    /**
     * Customer-managed key. azure-native: `encryption.status` (enabled | disabled, default
     * disabled) and `encryption.keyVaultProperties.keyIdentifier`; classic: `encryption.keyVaultKeyId`
     * (v6: the block's presence enables it; v5 also had `encryption.enabled`).
     */
    encryption(): { block: Node; status?: Node; enabled?: Node; keyId: Node } {
        const block = this.root.get("encryption");
        if (this.native) {
            return { block, status: block.get("status"), keyId: block.get("keyVaultProperties.keyIdentifier") };
        }
        return { block, enabled: block.get("enabled"), keyId: block.get("keyVaultKeyId") };
    }
}

