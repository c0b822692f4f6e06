// The AKS cluster, read lazily from either provider. Every accessor returns Nodes that carry
// the property path in the user's own provider, so messages name what the user wrote.
//
// azure-native: ManagedCluster inputs (API 2025-09-01 shape; older API versions use the same
// names for everything read here).
// classic azure: KubernetesCluster inputs, reading both the v6 names and the v5 names that
// azurerm 3.x/4.x renamed (e.g. apiServerAuthorizedIpRanges -> apiServerAccessProfile.authorizedIpRanges).

import { aksCluster, classicCluster, managedCluster, Provider } from "../core/kinds";
import { Node } from "../core/node";
import { PoolView } from "./nodepool";
import { BOOL, ByProvider, NEGATED, Setting } from "./setting";

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

    /** The text for the user's provider: remediations name the provider's own types and blocks. */
    spell<T>(t: ByProvider<T>): T {
        return this.native ? t.native : t.classic;
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

    // ---- identity (more) -------------------------------------------------------

    /** Local accounts off: `disableLocalAccounts` (true) / classic `localAccountDisabled` (true). */
    localAccountsDisabled(): Node {
        return this.root.get(this.native ? "disableLocalAccounts" : "localAccountDisabled");
    }

    /** Kubernetes RBAC: `enableRBAC` / classic v6 `roleBasedAccessControlEnabled`, v5 `roleBasedAccessControl.enabled`. */
    kubernetesRbac(): Node {
        return this.native
            ? this.root.get("enableRBAC")
            : this.root.first("roleBasedAccessControl.enabled", "roleBasedAccessControlEnabled");
    }

    /** Azure RBAC for Kubernetes authorization: `aadProfile.enableAzureRBAC` / `…azureRbacEnabled`. */
    azureRbac(): Node {
        return this.entraBlock().get(this.native ? "enableAzureRBAC" : "azureRbacEnabled");
    }

    /**
     * Azure RBAC authorizes Entra users and groups: the flag set to true, or left unset on AKS
     * Automatic, which preconfigures it (entra-id-authorization.md: "AKS Automatic clusters are
     * preconfigured to use Azure RBAC for Kubernetes authorization").
     */
    azureRbacOn(): boolean {
        const n = this.azureRbac();
        return n.present ? n.bool() === true : this.automatic();
    }

    /** Cluster-admin Entra groups: `aadProfile.adminGroupObjectIDs` / `…adminGroupObjectIds`. */
    adminGroups(): Node {
        return this.entraBlock().get(this.native ? "adminGroupObjectIDs" : "adminGroupObjectIds");
    }

    /** The cluster identity block: `identity` (both providers; `identity.type`). */
    identity(): Node {
        return this.root.get("identity");
    }

    /** Service principal: `servicePrincipalProfile` ({clientId, secret}) / classic `servicePrincipal` ({clientId, clientSecret}). */
    servicePrincipal(): Node {
        return this.root.get(this.native ? "servicePrincipalProfile" : "servicePrincipal");
    }

    /**
     * Whether the cluster acts with a service principal (a secret to store and rotate): undefined
     * when it does not; else the node that shows it (its `clientId`), or the block itself when it
     * names none. azure-native's `clientId: "msi"` is how the API spells "use the managed
     * identity", and a profile without a clientId names no principal; classic's `servicePrincipal`
     * block always is one.
     */
    servicePrincipalInUse(): { node: Node; named: boolean } | undefined {
        const sp = this.servicePrincipal();
        if (!sp.present) return undefined;
        const clientId = sp.get("clientId");
        if (this.native) {
            return clientId.present && clientId.str()?.trim().toLowerCase() !== "msi" ? { node: clientId, named: true } : undefined;
        }
        return clientId.present ? { node: clientId, named: true } : { node: sp, named: false };
    }

    /** Whether Entra ID integration is managed: azure-native needs `aadProfile.managed: true`; classic v6 is always managed (v5 may say false). */
    entraManagedState(): Setting {
        return new Setting(this.entraManaged(), BOOL, this.native ? undefined : true);
    }

    /** Workload identity: `securityProfile.workloadIdentity.enabled` / `workloadIdentityEnabled`. */
    workloadIdentity(): Node {
        return this.native ? this.root.get("securityProfile.workloadIdentity.enabled") : this.root.get("workloadIdentityEnabled");
    }

    /** OIDC issuer: `oidcIssuerProfile.enabled` / `oidcIssuerEnabled`. */
    oidcIssuer(): Node {
        return this.native ? this.root.get("oidcIssuerProfile.enabled") : this.root.get("oidcIssuerEnabled");
    }

    /**
     * AKS enables the OIDC issuer by itself on new clusters created with Kubernetes 1.34 or later
     * (use-oidc-issuer.md). True when the cluster asks for 1.34+ or leaves the version to AKS, whose
     * default for new clusters is past 1.34 since 1.34 left standard support (data/aks-release-calendar.json).
     * Azure-native only: for the classic provider an unset `oidcIssuerEnabled` is judged as off, since
     * azurerm sends its own value for it.
     */
    oidcOnByDefault(): boolean {
        if (!this.native) {
            return false;
        }
        const v = this.kubernetesVersion();
        if (!v.present) {
            return true;
        }
        const m = /^v?(\d+)\.(\d+)/.exec(v.str() ?? "");
        return m !== null && (Number(m[1]) > 1 || Number(m[2]) >= 34);
    }

    /** AAD pod identity (deprecated): `podIdentityProfile.enabled` (azure-native only; absent in classic). */
    podIdentity(): Node {
        return this.native ? this.root.get("podIdentityProfile.enabled") : new Node(undefined, "podIdentityProfile.enabled");
    }

    // ---- network (more) --------------------------------------------------------

    /** `networkProfile` (both providers). */
    networkProfile(): Node {
        return this.root.get("networkProfile");
    }

    /** `networkProfile.networkPlugin` (azure | kubenet | none). */
    networkPlugin(): Node {
        return this.networkProfile().get("networkPlugin");
    }

    /** `networkProfile.networkPluginMode` (overlay). */
    networkPluginMode(): Node {
        return this.networkProfile().get("networkPluginMode");
    }

    /** `networkProfile.networkPolicy` (none | calico | azure | cilium). */
    networkPolicy(): Node {
        return this.networkProfile().get("networkPolicy");
    }

    /** `networkProfile.networkDataplane` / classic `networkProfile.networkDataPlane` (azure | cilium). */
    networkDataplane(): Node {
        return this.networkProfile().get(this.native ? "networkDataplane" : "networkDataPlane");
    }

    /** `networkProfile.outboundType` (loadBalancer | userDefinedRouting | managedNATGateway | userAssignedNATGateway | none). */
    outboundType(): Node {
        return this.networkProfile().get("outboundType");
    }

    /** API server VNet integration: `apiServerAccessProfile.enableVnetIntegration` / `apiServerAccessProfile.virtualNetworkIntegrationEnabled`. */
    apiServerVnetIntegration(): Node {
        return this.root.get(this.native ? "apiServerAccessProfile.enableVnetIntegration" : "apiServerAccessProfile.virtualNetworkIntegrationEnabled");
    }

    /** Run command (on when absent): `apiServerAccessProfile.disableRunCommand` (true = off) / classic `runCommandEnabled` (false = off). */
    runCommand(): Setting {
        return this.native ? new Setting(this.root.get("apiServerAccessProfile.disableRunCommand"), NEGATED) : new Setting(this.root.get("runCommandEnabled"), BOOL);
    }

    // ---- secrets and keys ------------------------------------------------------

    /**
     * KMS etcd encryption. azure-native: `securityProfile.azureKeyVaultKms.{enabled, keyId,
     * keyVaultNetworkAccess, keyVaultResourceId}`; classic: `keyManagementService.{keyVaultKeyId,
     * keyVaultNetworkAccess}` (the block's presence enables it).
     */
    kms(): { block: Node; enabled?: Node; keyId: Node; networkAccess: Node; vaultId?: Node } {
        if (this.native) {
            const b = this.root.get("securityProfile.azureKeyVaultKms");
            return { block: b, enabled: b.get("enabled"), keyId: b.get("keyId"), networkAccess: b.get("keyVaultNetworkAccess"), vaultId: b.get("keyVaultResourceId") };
        }
        const b = this.root.get("keyManagementService");
        return { block: b, keyId: b.get("keyVaultKeyId"), networkAccess: b.get("keyVaultNetworkAccess") };
    }

    /**
     * Key Vault Secrets Store CSI driver. azure-native: `addonProfiles.azureKeyvaultSecretsProvider.{enabled,
     * config.enableSecretRotation}` (keys case-insensitive, config values strings); classic:
     * `keyVaultSecretsProvider.secretRotationEnabled` (the block's presence enables it).
     */
    secretsProvider(): { block: Node; enabled?: Node; rotation: Node } {
        if (this.native) {
            const b = this.addon("azureKeyvaultSecretsProvider");
            return { block: b, enabled: b.get("enabled"), rotation: b.get("config").getCI("enableSecretRotation") };
        }
        const legacy = this.root.get("addonProfile").getCI("azureKeyvaultSecretsProvider");
        if (legacy.present) {
            return { block: legacy, enabled: legacy.get("enabled"), rotation: legacy.get("secretRotationEnabled") };
        }
        const b = this.root.get("keyVaultSecretsProvider");
        return { block: b, rotation: b.get("secretRotationEnabled") };
    }

    // ---- Defender, upgrades, images ------------------------------------------

    /**
     * Defender sensor. azure-native: `securityProfile.defender.{securityMonitoring.enabled,
     * logAnalyticsWorkspaceResourceId}`; classic: `microsoftDefender.logAnalyticsWorkspaceId` (block presence enables it).
     */
    defender(): { block: Node; enabled?: Node; workspace: Node } {
        if (this.native) {
            const b = this.root.get("securityProfile.defender");
            return { block: b, enabled: b.get("securityMonitoring.enabled"), workspace: b.get("logAnalyticsWorkspaceResourceId") };
        }
        const b = this.root.get("microsoftDefender");
        return { block: b, workspace: b.get("logAnalyticsWorkspaceId") };
    }

    /** Cluster upgrade channel: `autoUpgradeProfile.upgradeChannel` / classic v6 `automaticUpgradeChannel`, v5 `automaticChannelUpgrade`. */
    upgradeChannel(): Node {
        return this.native
            ? this.root.get("autoUpgradeProfile.upgradeChannel")
            : this.root.first("automaticChannelUpgrade", "automaticUpgradeChannel");
    }

    /** Node OS upgrade channel: `autoUpgradeProfile.nodeOSUpgradeChannel` / classic `nodeOsUpgradeChannel`. */
    nodeOsUpgradeChannel(): Node {
        return this.native ? this.root.get("autoUpgradeProfile.nodeOSUpgradeChannel") : this.root.get("nodeOsUpgradeChannel");
    }

    /**
     * What an omitted node OS upgrade channel means, when it is known: the classic provider sends
     * its schema default NodeImage; AKS Automatic preconfigures NodeImage. A Base cluster's
     * default is unclear (the API reference says NodeImage, the AKS docs say manual): undefined.
     */
    nodeOsUpgradeDefault(): string | undefined {
        if (!this.native) return "the provider sends NodeImage";
        return this.automatic() ? "AKS Automatic uses NodeImage" : undefined;
    }

    /**
     * Enrolled in AKS long-term support: `sku.tier: "Premium"` and `supportPlan: "AKSLongTermSupport"`
     * (classic: `skuTier` and `supportPlan`), compared case-insensitively.
     */
    longTermSupport(): boolean {
        const tier = (this.native ? this.root.get("sku.tier") : this.root.get("skuTier")).str()?.toLowerCase();
        const plan = this.root.get("supportPlan").str()?.toLowerCase();
        return tier === "premium" && plan === "akslongtermsupport";
    }

    /** `kubernetesVersion` (both providers). */
    kubernetesVersion(): Node {
        return this.root.get("kubernetesVersion");
    }

    /** Image Cleaner: `securityProfile.imageCleaner.enabled` / classic `imageCleanerEnabled`. */
    imageCleaner(): Node {
        return this.native ? this.root.get("securityProfile.imageCleaner.enabled") : this.root.get("imageCleanerEnabled");
    }

    /** HTTP application routing add-on: `addonProfiles.httpApplicationRouting.enabled` / classic `httpApplicationRoutingEnabled` (v2-era `addonProfile.httpApplicationRouting.enabled`). */
    httpApplicationRouting(): Node {
        if (this.native) {
            return this.addon("httpApplicationRouting").get("enabled");
        }
        const legacy = this.root.get("addonProfile").getCI("httpApplicationRouting");
        return legacy.present ? legacy.get("enabled") : this.root.get("httpApplicationRoutingEnabled");
    }

    /** Kubernetes dashboard add-on: `addonProfiles.kubeDashboard.enabled` (classic v2-era `addonProfile.kubeDashboard.enabled`; removed later). */
    kubeDashboard(): Node {
        return this.native
            ? this.addon("kubeDashboard").get("enabled")
            : this.root.get("addonProfile").getCI("kubeDashboard").get("enabled");
    }

    /**
     * An AKS Automatic cluster (`sku.name: "Automatic"`, any case): Automatic preconfigures many
     * settings, so an omitted one can be compliant by construction (CONTROLS.md P11).
     */
    automatic(): boolean {
        return this.skuName().str()?.toLowerCase() === "automatic";
    }

    /** `sku.name` (azure-native: Base | Automatic). AKS Automatic preconfigures many settings. */
    skuName(): Node {
        return this.native ? this.root.get("sku.name") : new Node(undefined, "sku.name");
    }

    // ---- node pools ------------------------------------------------------------

    /**
     * AKS Automatic's managed system node pools and node-autoprovisioned nodes:
     * `hostedSystemProfile.systemNodeSubnetID` and `.nodeSubnetID` (azure-native API 2026-02-01 and
     * later; a cluster without them runs its nodes in a VNet AKS manages). Absent Nodes for classic.
     */
    hostedSystemSubnets(): Node[] {
        const h = this.native ? this.root.get("hostedSystemProfile") : new Node(undefined, "hostedSystemProfile");
        return [h.get("systemNodeSubnetID"), h.get("nodeSubnetID")];
    }

    /** Pools declared inline: `agentPoolProfiles[]` / `defaultNodePool`. */
    inlinePools(): PoolView[] {
        if (this.native) {
            return this.root.get("agentPoolProfiles").items().map(n => PoolView.inline("azure-native", n));
        }
        const d = this.root.get("defaultNodePool");
        return d.present ? [PoolView.inline("azure", d)] : [];
    }
}
