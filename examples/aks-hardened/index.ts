// A hardened AKS cluster that passes every policy of the pack: managed Entra ID with Azure
// RBAC and no local accounts, private API server, customer-managed disk encryption,
// encryption at host on every pool, Container Insights and the Azure Policy add-on.
import * as pulumi from "@pulumi/pulumi";
import * as resources from "@pulumi/azure-native/resources";
import * as containerservice from "@pulumi/azure-native/containerservice";
import * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import * as network from "@pulumi/azure-native/network";
import * as keyvault from "@pulumi/azure-native/keyvault";
import * as compute from "@pulumi/azure-native/compute";
import * as monitor from "@pulumi/azure-native/monitor";
import * as security from "@pulumi/azure-native/security";
import * as dataprotection from "@pulumi/azure-native/dataprotection";

const config = new pulumi.Config();
const subscriptionId = config.get("subscriptionId") ?? "00000000-0000-0000-0000-000000000000";
const firewallIp = config.get("firewallPrivateIp") ?? "10.10.255.4";
const tenantId = config.get("tenantId") ?? "00000000-0000-0000-0000-0000000000aa";
const adminGroupObjectId = config.get("adminGroupObjectId") ?? "00000000-0000-0000-0000-000000000001";

const resourceGroup = new resources.ResourceGroup("aks-rg");

// Reached over Private Link only (the Azure Monitor Private Link Scope and its endpoint are
// managed by the platform team's hub stack).
const workspace = new operationalinsights.Workspace("aks-logs", {
    resourceGroupName: resourceGroup.name,
    publicNetworkAccessForIngestion: "Disabled",
    publicNetworkAccessForQuery: "Disabled",
    sku: { name: "PerGB2018" },
    retentionInDays: 90,
});

const nsg = new network.NetworkSecurityGroup("aks-nodes-nsg", {
    resourceGroupName: resourceGroup.name,
});

const vnet = new network.VirtualNetwork("aks-vnet", {
    resourceGroupName: resourceGroup.name,
    addressSpace: { addressPrefixes: ["10.10.0.0/16"] },
});

// Egress leaves through the hub firewall (user-defined routing).
const routes = new network.RouteTable("aks-egress", {
    resourceGroupName: resourceGroup.name,
    routes: [{ name: "default-via-firewall", addressPrefix: "0.0.0.0/0", nextHopType: "VirtualAppliance", nextHopIpAddress: firewallIp }],
});

const nodeSubnet = new network.Subnet("aks-nodes", {
    resourceGroupName: resourceGroup.name,
    virtualNetworkName: vnet.name,
    addressPrefix: "10.10.0.0/22",
    networkSecurityGroup: { id: nsg.id },
    routeTable: { id: routes.id },
});

const endpointSubnet = new network.Subnet("private-endpoints", {
    resourceGroupName: resourceGroup.name,
    virtualNetworkName: vnet.name,
    addressPrefix: "10.10.8.0/24",
    networkSecurityGroup: { id: nsg.id },
});

// Admins reach the private API server through Azure Bastion and a jump host in the VNet.
const bastionSubnet = new network.Subnet("bastion", {
    resourceGroupName: resourceGroup.name,
    virtualNetworkName: vnet.name,
    subnetName: "AzureBastionSubnet",
    addressPrefix: "10.10.9.0/26",
});
const bastionIp = new network.PublicIPAddress("bastion-ip", {
    resourceGroupName: resourceGroup.name,
    sku: { name: "Standard" },
    publicIPAllocationMethod: "Static",
});
new network.BastionHost("bastion", {
    resourceGroupName: resourceGroup.name,
    ipConfigurations: [{ name: "ipconfig", subnet: { id: bastionSubnet.id }, publicIPAddress: { id: bastionIp.id } }],
});

const vault = new keyvault.Vault("aks-kv", {
    resourceGroupName: resourceGroup.name,
    properties: {
        tenantId,
        sku: { family: "A", name: "premium" },
        enableRbacAuthorization: true,
        enablePurgeProtection: true,
        publicNetworkAccess: "disabled",
        networkAcls: { defaultAction: "Deny", bypass: "AzureServices" },
    },
});

const diskKey = new keyvault.Key("aks-disk-key", {
    resourceGroupName: resourceGroup.name,
    vaultName: vault.name,
    properties: { kty: "RSA", keySize: 3072 },
});

new network.PrivateEndpoint("aks-kv-pe", {
    resourceGroupName: resourceGroup.name,
    subnet: { id: endpointSubnet.id },
    privateLinkServiceConnections: [{ name: "vault", privateLinkServiceId: vault.id, groupIds: ["vault"] }],
});

const kmsKey = new keyvault.Key("aks-kms-key", {
    resourceGroupName: resourceGroup.name,
    vaultName: vault.name,
    properties: { kty: "RSA", keySize: 2048 },
});

const diskEncryptionSet = new compute.DiskEncryptionSet("aks-des", {
    resourceGroupName: resourceGroup.name,
    identity: { type: "SystemAssigned" },
    encryptionType: "EncryptionAtRestWithCustomerKey",
    activeKey: { keyUrl: diskKey.keyUriWithVersion, sourceVault: { id: vault.id } },
});

const cluster = new containerservice.ManagedCluster("aks", {
    resourceGroupName: resourceGroup.name,
    dnsPrefix: "akshardened",
    kubernetesVersion: "1.35",
    identity: { type: "SystemAssigned" },
    aadProfile: { managed: true, enableAzureRBAC: true, adminGroupObjectIDs: [adminGroupObjectId], tenantID: tenantId },
    disableLocalAccounts: true,
    apiServerAccessProfile: { enablePrivateCluster: true, disableRunCommand: true },
    diskEncryptionSetID: diskEncryptionSet.id,
    agentPoolProfiles: [{
        name: "system",
        mode: "System",
        count: 3,
        vmSize: "Standard_D4s_v5",
        osType: "Linux",
        osSKU: "AzureLinux",
        enableEncryptionAtHost: true,
        enableNodePublicIP: false,
        vnetSubnetID: nodeSubnet.id,
        securityProfile: { sshAccess: "Disabled" },
    }],
    addonProfiles: {
        omsagent: { enabled: true, config: { logAnalyticsWorkspaceResourceID: workspace.id, useAADAuth: "true" } },
        azurepolicy: { enabled: true },
        azureKeyvaultSecretsProvider: { enabled: true, config: { enableSecretRotation: "true", rotationPollInterval: "2m" } },
    },
    networkProfile: {
        networkPlugin: "azure",
        networkPluginMode: "overlay",
        networkPolicy: "cilium",
        networkDataplane: "cilium",
        outboundType: "userDefinedRouting",
    },
    oidcIssuerProfile: { enabled: true },
    securityProfile: {
        workloadIdentity: { enabled: true },
        imageCleaner: { enabled: true, intervalHours: 48 },
        defender: { logAnalyticsWorkspaceResourceId: workspace.id, securityMonitoring: { enabled: true } },
        azureKeyVaultKms: { enabled: true, keyId: kmsKey.keyUriWithVersion, keyVaultNetworkAccess: "Private", keyVaultResourceId: vault.id },
    },
    autoUpgradeProfile: { upgradeChannel: "stable", nodeOSUpgradeChannel: "SecurityPatch" },
    sku: { name: "Base", tier: "Standard" },
});

const userPool = new containerservice.AgentPool("user", {
    resourceGroupName: resourceGroup.name,
    resourceName: cluster.name,
    agentPoolName: "user",
    mode: "User",
    count: 2,
    vmSize: "Standard_D4s_v5",
    osType: "Linux",
    osSKU: "AzureLinux",
    enableEncryptionAtHost: true,
    enableNodePublicIP: false,
    vnetSubnetID: nodeSubnet.id,
    securityProfile: { sshAccess: "Disabled" },
});

// Control-plane logs (audit and API server) to the workspace.
new monitor.DiagnosticSetting("aks-control-plane", {
    resourceUri: cluster.id,
    workspaceId: workspace.id,
    logs: ["kube-audit-admin", "kube-apiserver", "guard", "kube-controller-manager"].map(category => ({ category, enabled: true })),
});

// Defender for Containers on the subscription.
new security.Pricing("containers", {
    pricingName: "Containers",
    pricingTier: "Standard",
    scopeId: `/subscriptions/${subscriptionId}`,
});

// Deployment Safeguards enforce best practices (and Pod Security Standards) at admission.
new containerservice.DeploymentSafeguard("safeguards", {
    resourceUri: cluster.id,
    level: "Enforce",
});

// Upgrades run in a weekly window.
for (const [name, configName] of [["upgrade-window", "aksManagedAutoUpgradeSchedule"], ["node-os-window", "aksManagedNodeOSUpgradeSchedule"]]) {
    new containerservice.MaintenanceConfiguration(name, {
        resourceGroupName: resourceGroup.name,
        resourceName: cluster.name,
        configName,
        maintenanceWindow: { schedule: { weekly: { dayOfWeek: "Sunday", intervalWeeks: 1 } }, durationHours: 4, startTime: "01:00", utcOffset: "+00:00" },
    });
}

// AKS Backup: a Backup vault and a backup instance for the cluster.
const backupVault = new dataprotection.BackupVault("aks-backup", {
    resourceGroupName: resourceGroup.name,
    identity: { type: "SystemAssigned" },
    properties: { storageSettings: [{ datastoreType: "VaultStore", type: "LocallyRedundant" }] },
});
new dataprotection.BackupInstance("aks", {
    resourceGroupName: resourceGroup.name,
    vaultName: backupVault.name,
    properties: {
        objectType: "BackupInstance",
        friendlyName: "aks",
        dataSourceInfo: {
            objectType: "Datasource",
            datasourceType: "Microsoft.ContainerService/managedClusters",
            resourceID: cluster.id,
            resourceName: cluster.name,
            resourceType: "Microsoft.ContainerService/managedClusters",
            resourceLocation: "westeurope",
        },
        policyInfo: { policyId: pulumi.interpolate`${backupVault.id}/backupPolicies/aks-daily` },
    },
});

export const clusterName = cluster.name;
export const userPoolName = userPool.name;
