// Reference translation: the Azure Verified Modules (AVM) "WAF-aligned" end-to-end test of the
// AKS module, as an azure-native v3 Pulumi program. It is a record of what that test deploys,
// not a hardened example: nothing was added to or removed from its security settings.
//
// Source:   github:Azure/bicep-registry-modules @ 9f9ea1a18204e262be9a4a64e3e3cc7fbe5e509d
//           (snapshot HEAD, 2026-08-07; the module directory last changed in 4c717df9, 2026-07-23;
//           module version.json 0.14)
// Files translated:
//   avm/res/container-service/managed-cluster/tests/e2e/waf-aligned/main.test.bicep      (parameters passed to the module)
//   avm/res/container-service/managed-cluster/tests/e2e/waf-aligned/dependencies.bicep   (identity, VNet, private DNS zone, role assignments)
//   utilities/e2e-template-assets/templates/diagnostic.dependencies.bicep               (storage account, workspace, Event Hubs)
//   avm/res/container-service/managed-cluster/main.bicep                                 (parameter -> ARM property mapping and defaults)
//   avm/res/container-service/managed-cluster/agent-pool/main.bicep                      (child agent pools, their defaults)
//   avm/res/container-service/managed-cluster/maintenance-configuration/main.bicep       (maintenance configurations)
// Every ManagedCluster/AgentPool property below is one the module sends with a non-null value:
// either set by the test or a module default (marked "default"). Properties the module sends as
// null are left out (ARM treats null as "not specified"). See SOURCE.md for the full mapping.
//
// Not translated, and why:
// - API versions: the module uses Microsoft.ContainerService 2025-10-01; azure-native 3.28 in
//   this project pins 2025-09-01 (no versioned modules in v3). No property used here differs.
// - The test runs the module twice ("init" and "idem", an idempotency check); one program is one deployment.
// - `minPods: 2` on userpool1/userpool2: part of the module's agentPoolType but never passed to
//   ARM by main.bicep (and AgentPool has no such property), so it is not deployed.
// - Role-assignment names: Bicep uses guid(resourceGroup().id, '<role>', identity.id); Pulumi
//   generates a GUID instead (the name is not a security property).
// - `namePrefix` is a CI-injected token ('#_namePrefix_#'); here it is config `namePrefix`
//   (default "avm"). `resourceLocation` (deployment().location) is config `location`.
// - The AVM telemetry deployment's name ends in substring(uniqueString(deployment().name, location), 0, 4),
//   which cannot be reproduced; config `telemetrySuffix` stands in for it. The deployment is an empty template.
// - RootManageSharedAccessKey is created by Azure with every Event Hubs namespace; Bicep PUTs it
//   again. azure-native refuses to create a resource that exists, so a real `pulumi up` would need
//   `import` for that one rule. It is declared as in the Bicep file.
// - azure-native's SDK fills schema defaults the module leaves null: networkProfile.podCidr
//   "10.244.0.0/16" (ignored by Azure CNI without overlay) and, on the VNet, enableDdosProtection/
//   enableVmProtection false. Not security settings; see SOURCE.md.
// - The VNet's only subnet is declared inline (as in dependencies.bicep); pools reference it as
//   `${vnet.id}/subnets/defaultSubnet`, exactly as the test builds the ID.
import * as pulumi from "@pulumi/pulumi";
import * as resources from "@pulumi/azure-native/resources";
import * as containerservice from "@pulumi/azure-native/containerservice";
import * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import * as network from "@pulumi/azure-native/network";
import * as privatedns from "@pulumi/azure-native/privatedns";
import * as managedidentity from "@pulumi/azure-native/managedidentity";
import * as authorization from "@pulumi/azure-native/authorization";
import * as storage from "@pulumi/azure-native/storage";
import * as eventhub from "@pulumi/azure-native/eventhub";
import * as monitor from "@pulumi/azure-native/monitor";

const config = new pulumi.Config();
const subscriptionId = config.get("subscriptionId") ?? "00000000-0000-0000-0000-000000000000";
const location = config.get("location") ?? "westeurope";
const namePrefix = config.get("namePrefix") ?? "avm";
const enableTelemetry = config.getBoolean("enableTelemetry") ?? true; // module default: true
const telemetrySuffix = config.get("telemetrySuffix") ?? "0000";
const serviceShort = "cswaf";

const roleDefinition = (guid: string) => `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;

// ---- main.test.bicep: resource group ---------------------------------------------------------
const resourceGroupName = `dep-${namePrefix}-containerservice.managedclusters-${serviceShort}-rg`;
const resourceGroup = new resources.ResourceGroup("rg", {
    resourceGroupName,
    location,
});

// ---- dependencies.bicep ----------------------------------------------------------------------
const identity = new managedidentity.UserAssignedIdentity("msi", {
    resourceGroupName: resourceGroup.name,
    resourceName: `dep-${namePrefix}-msi-${serviceShort}`,
    location: resourceGroup.location,
});

const privateDnsZoneName = `privatelink.${location}.azmk8s.io`;
const privateDnsZone = new privatedns.PrivateZone("private-dns-zone", {
    resourceGroupName: resourceGroup.name,
    privateZoneName: privateDnsZoneName,
    location: "global",
});

const virtualNetworkName = `dep-${namePrefix}-vnet-${serviceShort}`;
const addressPrefix = "10.0.0.0/16";
const vnet = new network.VirtualNetwork("vnet", {
    resourceGroupName: resourceGroup.name,
    virtualNetworkName,
    location: resourceGroup.location,
    addressSpace: { addressPrefixes: [addressPrefix] },
    // cidrSubnet('10.0.0.0/16', 16, 0) = 10.0.0.0/16: the subnet spans the whole VNet. No NSG, no route table.
    subnets: [{ name: "defaultSubnet", addressPrefix: "10.0.0.0/16" }],
});
const defaultSubnetId = pulumi.interpolate`${vnet.id}/subnets/defaultSubnet`;

new privatedns.VirtualNetworkLink("private-dns-vnet-link", {
    resourceGroupName: resourceGroup.name,
    privateZoneName: privateDnsZone.name,
    virtualNetworkLinkName: `pDnsLink-${virtualNetworkName}-${privateDnsZoneName}`,
    location: "global",
    registrationEnabled: true,
    virtualNetwork: { id: vnet.id },
});

// Network Contributor on the VNet and Private DNS Zone Contributor on the zone, for the cluster's identity.
const msiVnetRoleAssignment = new authorization.RoleAssignment("msi-vnet-network-contributor", {
    scope: vnet.id,
    principalId: identity.principalId,
    roleDefinitionId: roleDefinition("4d97b98b-1d4f-4787-a291-c67834d212e7"),
    principalType: "ServicePrincipal",
});
const msiDnsRoleAssignment = new authorization.RoleAssignment("msi-private-dns-zone-contributor", {
    scope: privateDnsZone.id,
    principalId: identity.principalId,
    roleDefinitionId: roleDefinition("b12aa53e-6015-4669-85d0-8515ebb3ae7f"),
    principalType: "ServicePrincipal",
});

// ---- diagnostic.dependencies.bicep -----------------------------------------------------------
const storageAccount = new storage.StorageAccount("diag-storage", {
    resourceGroupName: resourceGroup.name,
    accountName: `dep${namePrefix}diasa${serviceShort}01`,
    location: resourceGroup.location,
    kind: "StorageV2",
    sku: { name: "Standard_LRS" },
    allowBlobPublicAccess: false,
});

// Only name and location in the Bicep file (no sku, no retention): ARM defaults apply.
const workspace = new operationalinsights.Workspace("law", {
    resourceGroupName: resourceGroup.name,
    workspaceName: `dep-${namePrefix}-law-${serviceShort}`,
    location: resourceGroup.location,
});

// Only name and location in the Bicep file (no sku): ARM defaults apply.
const eventHubNamespace = new eventhub.Namespace("evhns", {
    resourceGroupName: resourceGroup.name,
    namespaceName: `dep-${namePrefix}-evhns-${serviceShort}`,
    location: resourceGroup.location,
});
const eventHub = new eventhub.EventHub("evh", {
    resourceGroupName: resourceGroup.name,
    namespaceName: eventHubNamespace.name,
    eventHubName: `dep-${namePrefix}-evh-${serviceShort}`,
});
const eventHubAuthorizationRule = new eventhub.NamespaceAuthorizationRule("evhns-root-rule", {
    resourceGroupName: resourceGroup.name,
    namespaceName: eventHubNamespace.name,
    authorizationRuleName: "RootManageSharedAccessKey",
    rights: ["Listen", "Manage", "Send"],
});

// ---- main.bicep: AVM telemetry (enableTelemetry defaults to true; an empty deployment) --------
if (enableTelemetry) {
    new resources.Deployment("avm-telemetry", {
        resourceGroupName: resourceGroup.name,
        // '46d3xbcp.res.containerservice-managedcluster.${replace('-..--..-', '.', '-')}.${substring(uniqueString(...), 0, 4)}'
        deploymentName: `46d3xbcp.res.containerservice-managedcluster.--------.${telemetrySuffix}`,
        properties: {
            mode: "Incremental",
            template: {
                $schema: "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                contentVersion: "1.0.0.0",
                resources: [],
                outputs: { telemetry: { type: "String", value: "For more information, see https://aka.ms/avm/TelemetryInfo" } },
            },
        },
    });
}

// ---- main.bicep: the managed cluster -----------------------------------------------------------
const clusterName = `${namePrefix}${serviceShort}001`;
const tags = {
    "hidden-title": "This is visible in the resource name",
    Environment: "Non-Prod",
    Role: "DeploymentValidation",
};

const cluster = new containerservice.ManagedCluster("aks", {
    resourceGroupName: resourceGroup.name,
    resourceName: clusterName,
    location: resourceGroup.location,
    tags,
    // managedIdentities.userAssignedResourceIds -> identity { type: UserAssigned, userAssignedIdentities }
    identity: { type: "UserAssigned", userAssignedIdentities: [identity.id] },
    sku: { name: "Base", tier: "Standard" }, // skuName default 'Base'; skuTier 'Standard' (test)
    // primaryAgentPoolProfiles -> agentPoolProfiles (inline)
    agentPoolProfiles: [{
        name: "systempool",
        count: 1,
        availabilityZones: ["3"],
        enableAutoScaling: true,
        enableEncryptionAtHost: false, // default
        enableFIPS: false, // default
        enableNodePublicIP: false, // default
        enableUltraSSD: false, // default
        maxCount: 3,
        maxPods: 50,
        minCount: 3,
        mode: "System",
        nodeTaints: ["CriticalAddonsOnly=true:NoSchedule"],
        osDiskSizeGB: 0,
        osType: "Linux",
        scaleDownMode: "Delete", // default
        scaleSetEvictionPolicy: "Delete", // default
        type: "VirtualMachineScaleSets",
        vmSize: "Standard_DS4_v2",
        vnetSubnetID: defaultSubnetId,
    }],
    dnsPrefix: clusterName, // default: name
    metricsProfile: { costAnalysis: { enabled: false } }, // costAnalysisEnabled default false
    ingressProfile: { webAppRouting: { enabled: false } }, // webApplicationRoutingEnabled default false
    addonProfiles: {
        httpApplicationRouting: { enabled: false }, // default
        ingressApplicationGateway: { enabled: false }, // default
        omsagent: { enabled: true, config: { logAnalyticsWorkspaceResourceID: workspace.id } }, // omsAgentEnabled + monitoringWorkspaceResourceId; omsAgentUseAADAuth default false
        aciConnectorLinux: { enabled: false }, // default
        azurepolicy: { enabled: true, config: { version: "v2" } }, // azurePolicyEnabled default true, azurePolicyVersion default 'v2'
        openServiceMesh: { enabled: false }, // default
        kubeDashboard: { enabled: false }, // default
        azureKeyvaultSecretsProvider: { enabled: false }, // enableKeyvaultSecretsProvider default false
    },
    enableRBAC: true, // default
    disableLocalAccounts: true,
    nodeResourceGroup: `${resourceGroupName}_aks_${clusterName}_nodes`, // default
    networkProfile: {
        ipFamilies: ["IPv4"], // default
        networkPlugin: "azure",
        networkPolicy: "azure",
        serviceCidr: "10.10.200.0/24",
        dnsServiceIP: "10.10.200.10",
        outboundType: "loadBalancer", // default
        loadBalancerSku: "standard", // default
        loadBalancerProfile: { // defaults (outboundType != userDefinedRouting)
            allocatedOutboundPorts: 0,
            idleTimeoutInMinutes: 30,
            backendPoolType: "NodeIPConfiguration",
        },
    },
    publicNetworkAccess: "Disabled", // default
    aadProfile: { enableAzureRBAC: true, managed: true },
    autoUpgradeProfile: { upgradeChannel: "stable", nodeOSUpgradeChannel: "Unmanaged" },
    apiServerAccessProfile: { enablePrivateCluster: true, privateDNSZone: privateDnsZone.id },
    securityProfile: {
        defender: { securityMonitoring: { enabled: true }, logAnalyticsWorkspaceResourceId: workspace.id },
    },
    storageProfile: { // defaults: every CSI driver and the snapshot controller off
        blobCSIDriver: { enabled: false },
        diskCSIDriver: { enabled: false },
        fileCSIDriver: { enabled: false },
        snapshotController: { enabled: false },
    },
    supportPlan: "KubernetesOfficial", // default
}, { dependsOn: [msiVnetRoleAssignment, msiDnsRoleAssignment] }); // Bicep: the module waits for the whole nestedDependencies deployment

// ---- agent-pool/main.bicep: agentPools as child AgentPool resources ----------------------------
// tags: agentPool.?tags ?? tags (the cluster's tags); orchestratorVersion: agentPool.?orchestratorVersion ?? kubernetesVersion (both unset).
const userPool = (poolName: string, vnetSubnetID?: pulumi.Input<string>) =>
    new containerservice.AgentPool(poolName, {
        resourceGroupName: resourceGroup.name,
        resourceName: cluster.name,
        agentPoolName: poolName,
        availabilityZones: ["3"],
        count: 2,
        enableAutoScaling: true,
        enableEncryptionAtHost: false, // default
        enableFIPS: false, // default
        enableNodePublicIP: false, // default
        enableUltraSSD: false, // default
        maxCount: 3,
        maxPods: 50,
        minCount: 3,
        mode: "User",
        nodeLabels: {},
        osDiskSizeGB: 60,
        osDiskType: "Ephemeral",
        osType: "Linux",
        scaleDownMode: "Delete", // default
        scaleSetEvictionPolicy: "Delete",
        scaleSetPriority: "Regular",
        tags,
        type: "VirtualMachineScaleSets",
        vmSize: "Standard_DS4_v2",
        ...(vnetSubnetID !== undefined ? { vnetSubnetID } : {}),
    });
const userPool1 = userPool("userpool1", defaultSubnetId);
const userPool2 = userPool("userpool2"); // the test gives userpool2 no vnetSubnetResourceId

// ---- maintenance-configuration/main.bicep ------------------------------------------------------
for (const configName of ["aksManagedAutoUpgradeSchedule", "aksManagedNodeOSUpgradeSchedule"]) {
    new containerservice.MaintenanceConfiguration(configName, {
        resourceGroupName: resourceGroup.name,
        resourceName: cluster.name,
        configName,
        maintenanceWindow: {
            schedule: { weekly: { intervalWeeks: 1, dayOfWeek: "Sunday" } },
            durationHours: 4,
            utcOffset: "+00:00",
            startDate: "2024-07-15",
            startTime: "00:00",
        },
    });
}

// ---- main.bicep: diagnostic settings (scope: the cluster) --------------------------------------
new monitor.DiagnosticSetting("customSetting", {
    name: "customSetting",
    resourceUri: cluster.id,
    storageAccountId: storageAccount.id,
    workspaceId: workspace.id,
    eventHubAuthorizationRuleId: eventHubAuthorizationRule.id,
    eventHubName: eventHub.name,
    metrics: [{ category: "AllMetrics", enabled: true }],
    logs: ["kube-apiserver", "kube-controller-manager", "kube-scheduler", "cluster-autoscaler"].map(category => ({ category, enabled: true })),
});

// roleAssignments, lock, fluxExtension and the web-app-routing DNS role assignments are not set
// by the test, so the module creates none of them.

export const resourceId = cluster.id;
export const name = cluster.name;
export const userPoolNames = [userPool1.name, userPool2.name];
