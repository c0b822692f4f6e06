// The AKS cluster, read lazily from either provider. Every accessor returns Nodes that carry
// the property path in the user's own provider, so messages name what the user wrote.
//
// azure-native: ManagedCluster inputs (API 2025-09-01 shape; older API versions use the same
// names for everything read here).
// classic azure: KubernetesCluster inputs, reading both the v6 names and the v5 names that
// azurerm 3.x/4.x renamed (e.g. apiServerAuthorizedIpRanges -> apiServerAccessProfile.authorizedIpRanges).

import { aksCluster, classicCluster, managedCluster, Provider } from "../kinds";
import { Node } from "./node";
import { PoolView } from "./nodepool";

export type EntraState =
    /** Managed Entra ID integration. */
    | "managed"
    /** The retired legacy (client/server app) integration. */
    | "legacy"
    /** No Entra ID integration. */
    | "absent";

export class ClusterView {
    readonly root: Node;

    private constructor(readonly provider: Extract<Provider, "azure-native" | "azure">, props: unknown) {
        this.root = Node.root(props);
    }

    static read(type: string, props: unknown): ClusterView[] {
        if (managedCluster.matches(type)) {
            return [new ClusterView("azure-native", props)];
        }
        if (classicCluster.matches(type)) {
            return [new ClusterView("azure", props)];
        }
        return [];
    }

    static matches(type: string): boolean {
        return aksCluster.matches(type);
    }

    get native(): boolean {
        return this.provider === "azure-native";
    }

    // ---- identity ------------------------------------------------------------

    /** The Entra ID block: `aadProfile` or `azureActiveDirectoryRoleBasedAccessControl`. */
    entraBlock(): Node {
        return this.root.get(this.native ? "aadProfile" : "azureActiveDirectoryRoleBasedAccessControl");
    }

    /** The node that says whether Entra ID is managed: `aadProfile.managed` (azure-native) or classic v5 `…managed`. */
    entraManaged(): Node {
        return this.entraBlock().get("managed");
    }

    /** Legacy AAD fields that are set (client/server app integration, retired by Azure). */
    entraLegacyFields(): Node[] {
        const b = this.entraBlock();
        const names = this.native
            ? ["clientAppID", "serverAppID", "serverAppSecret"]
            : ["clientAppId", "serverAppId", "serverAppSecret"];
        return names.map(n => b.get(n)).filter(n => n.present);
    }

    // ---- API server access ---------------------------------------------------

    /** `apiServerAccessProfile.enablePrivateCluster` / `privateClusterEnabled`. */
    privateCluster(): Node {
        return this.native
            ? this.root.get("apiServerAccessProfile.enablePrivateCluster")
            : this.root.first("privateClusterEnabled");
    }

    /** `apiServerAccessProfile.enablePrivateClusterPublicFQDN` / `privateClusterPublicFqdnEnabled`. */
    privateClusterPublicFqdn(): Node {
        return this.native
            ? this.root.get("apiServerAccessProfile.enablePrivateClusterPublicFQDN")
            : this.root.get("privateClusterPublicFqdnEnabled");
    }

    /** `publicNetworkAccess` (azure-native only; Enabled | Disabled). */
    publicNetworkAccess(): Node {
        return this.root.get("publicNetworkAccess");
    }

    /** Authorized IP ranges: `apiServerAccessProfile.authorizedIPRanges`, classic v6 `apiServerAccessProfile.authorizedIpRanges`, v5 `apiServerAuthorizedIpRanges`. */
    authorizedIpRanges(): Node {
        return this.native
            ? this.root.get("apiServerAccessProfile.authorizedIPRanges")
            : this.root.first("apiServerAuthorizedIpRanges", "apiServerAccessProfile.authorizedIpRanges");
    }

    // ---- data protection -----------------------------------------------------

    /** `diskEncryptionSetID` / `diskEncryptionSetId`. */
    diskEncryptionSetId(): Node {
        return this.root.get(this.native ? "diskEncryptionSetID" : "diskEncryptionSetId");
    }

    // ---- add-ons ---------------------------------------------------------------

    /**
     * An azure-native add-on profile by name, keys compared case-insensitively as the AKS
     * resource provider does (`omsagent` / `omsAgent`).
     */
    addon(name: string): Node {
        return this.root.get("addonProfiles").getCI(name);
    }

    /** An add-on config value (config keys are case-insensitive too; values are strings). */
    addonConfig(name: string, key: string): Node {
        return this.addon(name).get("config").getCI(key);
    }

    /**
     * Container Insights: the enabled flag and the workspace it sends to.
     * azure-native: addonProfiles.omsagent.{enabled, config.logAnalyticsWorkspaceResourceID}.
     * classic v6: omsAgent.logAnalyticsWorkspaceId (the block's presence enables it);
     * classic v2-era: addonProfile.omsAgent.{enabled, logAnalyticsWorkspaceId}.
     */
    monitoring(): { block: Node; enabled?: Node; workspace: Node } {
        if (this.native) {
            const block = this.addon("omsagent");
            return {
                block,
                enabled: block.get("enabled"),
                workspace: this.addonConfig("omsagent", "logAnalyticsWorkspaceResourceID"),
            };
        }
        const legacy = this.root.get("addonProfile").getCI("omsAgent");
        if (legacy.present) {
            return { block: legacy, enabled: legacy.get("enabled"), workspace: legacy.get("logAnalyticsWorkspaceId") };
        }
        const block = this.root.get("omsAgent");
        return { block, workspace: block.get("logAnalyticsWorkspaceId") };
    }

    /** Azure Policy add-on flag: addonProfiles.azurepolicy.enabled / azurePolicyEnabled (v2-era addonProfile.azurePolicy.enabled). */
    azurePolicy(): Node {
        if (this.native) {
            return this.addon("azurepolicy").get("enabled");
        }
        const legacy = this.root.get("addonProfile").getCI("azurePolicy");
        return legacy.present ? legacy.get("enabled") : this.root.get("azurePolicyEnabled");
    }

    // ---- node pools ------------------------------------------------------------

    /** Pools declared inline: `agentPoolProfiles[]` / `defaultNodePool`. */
    inlinePools(): PoolView[] {
        if (this.native) {
            return this.root.get("agentPoolProfiles").items().map(n => PoolView.inline("azure-native", n));
        }
        const d = this.root.get("defaultNodePool");
        return d.present ? [PoolView.inline("azure", d)] : [];
    }
}
