// Azure Key Vault, read lazily from either provider. Every accessor returns Nodes that carry the
// property path in the user's own provider, so messages name what the user wrote.
//
// azure-native: Vault inputs (API 2024-11-01), everything under `properties.*`. The SDK writes
// `enableSoftDelete: true`, `enableRbacAuthorization: false` and `publicNetworkAccess: "enabled"`
// into `properties` when omitted.
// classic azure: `azure:keyvault/keyVault:KeyVault`, v6 names and the v5 names that azurerm 4.x
// deprecated (`enableRbacAuthorization` -> `rbacAuthorizationEnabled`).

import { keyVault } from "../core/kinds";
import { Node } from "../core/node";
import { BOOL, ByProvider, ENABLED_LOWER, Setting } from "./setting";

export const VAULT = "The key vault";

const nativeVault = keyVault.kinds[0];
const classicVault = keyVault.kinds[1];

export class VaultView {
    readonly root: Node;

    private constructor(readonly provider: "azure-native" | "azure", props: unknown) {
        this.root = Node.root(props);
    }

    static read(type: string, props: unknown): VaultView[] {
        if (nativeVault.matches(type)) {
            return [new VaultView("azure-native", props)];
        }
        if (classicVault.matches(type)) {
            return [new VaultView("azure", props)];
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

    /** How messages name the vault. */
    label(): string {
        return VAULT;
    }

    /** Where the vault's settings sit: `properties` (azure-native) or the resource itself (classic). */
    private get props(): Node {
        return this.native ? this.root.get("properties") : this.root;
    }

    // ---- recovery ----------------------------------------------------------------

    /** Purge protection: `properties.enablePurgeProtection` / classic `purgeProtectionEnabled` (default off). */
    purgeProtection(): Node {
        return this.props.get(this.native ? "enablePurgeProtection" : "purgeProtectionEnabled");
    }

    /**
     * Soft delete: `properties.enableSoftDelete` (default true; new vaults cannot turn it off).
     * Classic v5/v6 have no such setting (always on); classic v4 (azurerm 2.x) had `softDeleteEnabled`.
     */
    softDelete(): Node {
        return this.props.get(this.native ? "enableSoftDelete" : "softDeleteEnabled");
    }

    // ---- network ---------------------------------------------------------------

    /**
     * Public network access: `properties.publicNetworkAccess` (a free string, `enabled` |
     * `disabled`, default enabled) / classic `publicNetworkAccessEnabled` (boolean, default true).
     */
    publicNetworkAccess(): Setting {
        return this.native ? new Setting(this.props.get("publicNetworkAccess"), ENABLED_LOWER) : new Setting(this.props.get("publicNetworkAccessEnabled"), BOOL);
    }

    /** Firewall default: `properties.networkAcls.defaultAction` / classic `networkAcls.defaultAction` (Allow | Deny; default Allow). */
    networkDefaultAction(): Node {
        return this.props.get("networkAcls.defaultAction");
    }

    // ---- authorization -----------------------------------------------------------

    /**
     * Azure RBAC for the data plane: `properties.enableRbacAuthorization`; classic v6
     * `rbacAuthorizationEnabled`, deprecated/v5 `enableRbacAuthorization` (default false: access policies).
     */
    rbacAuthorization(): Node {
        return this.native
            ? this.props.get("enableRbacAuthorization")
            : this.root.first("enableRbacAuthorization", "rbacAuthorizationEnabled");
    }
}
