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

const config = new pulumi.Config();
const tenantId = config.get("tenantId") ?? "00000000-0000-0000-0000-0000000000aa";
const adminGroupObjectId = config.get("adminGroupObjectId") ?? "00000000-0000-0000-0000-000000000001";

const resourceGroup = new resources.ResourceGroup("aks-rg");

const workspace = new operationalinsights.Workspace("aks-logs", {
    resourceGroupName: resourceGroup.name,
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

const nodeSubnet = new network.Subnet("aks-nodes", {
    resourceGroupName: resourceGroup.name,
    virtualNetworkName: vnet.name,
    addressPrefix: "10.10.0.0/22",
    networkSecurityGroup: { id: nsg.id },
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

const diskEncryptionSet = new compute.DiskEncryptionSet("aks-des", {
    resourceGroupName: resourceGroup.name,
    identity: { type: "SystemAssigned" },
    encryptionType: "EncryptionAtRestWithCustomerKey",
    activeKey: { keyUrl: diskKey.keyUriWithVersion, sourceVault: { id: vault.id } },
});

const cluster = new containerservice.ManagedCluster("aks", {
    resourceGroupName: resourceGroup.name,
    dnsPrefix: "akshardened",
    kubernetesVersion: "1.33",
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
        outboundType: "loadBalancer",
    },
    oidcIssuerProfile: { enabled: true },
    securityProfile: {
        workloadIdentity: { enabled: true },
        imageCleaner: { enabled: true, intervalHours: 48 },
        defender: { logAnalyticsWorkspaceResourceId: workspace.id, securityMonitoring: { enabled: true } },
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

export const clusterName = cluster.name;
export const userPoolName = userPool.name;
