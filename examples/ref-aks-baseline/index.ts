// Reference: Microsoft's AKS baseline cluster reference implementation (RI), translated to Pulumi.
//
//   Source repo: https://github.com/mspnp/aks-baseline
//   Commit:      0b468aa858bb9ca568f2967b90c08252e45cd84c (2026-03-27, "upgrade Kubernetes version from 1.34.2 to 1.35.0 (#455)")
//
// Files translated (resource by resource, property by property; Bicep/ARM names -> azure-native v3 inputs):
//   network-team/hub-regionA.bicep                 the regional hub in its final state (hub-default.bicep is the
//                                                  same hub before the spoke exists; hub-regionA supersedes it)
//   network-team/spoke-BU0001A0008.bicep           spoke VNet, subnets, NSGs, route table, public IP, peerings
//   network-team/virtualNetworkPeering.bicep       (module, both directions)
//   workload-team/acr-stamp.bicep                  Log Analytics, ACR (+ replication, private endpoint), ACR policy assignments
//   workload-team/cluster-stamp.bicep              identities, Key Vault (+ PE), private DNS, AKS, maintenance window,
//                                                  role assignments, diagnostic settings, Flux, App Gateway + WAF, monitoring
//   workload-team/modules/policies.bicep           Azure Policy assignments at the cluster resource group
//   workload-team/modules/policy-K8sCustomIngressTlsHostsHaveDefinedDomainSuffix.bicep   custom policy definition
//   workload-team/modules/alerts.bicep             activity log alert, Prometheus rule groups, scheduled query rule
//   workload-team/modules/role-assignment-*.bicep  role assignments on the spoke and the node resource group
//   workload-team/azuredeploy.parameters.prod.bicepparam   sample parameter values (location)
//   cluster-manifests/**                           applied by Flux (GitOps): namespaces, network policy, kube-system ConfigMaps
//   workload/traefik.yaml, workload/01-aspnetapp.yaml, workload/02-aspnetapp-ingress.yaml (+ kustomization patch)
//   docs/deploy/04..10-*.md                        resource groups (`az group create`) and the SecretProviderClass (kubectl heredoc)
//
// Not translated, or translated with a caveat (see SOURCE.md for the details):
//   - ManagedCluster enablePodSecurityPolicy: false and securityProfile.nodeRestriction.enabled: true: the RI uses API
//     2024-03-02-preview; the azure-native v3 default (2025-09-01) has neither property, so they are left out.
//   - Explicit ARM nulls (networkProfile.loadBalancerProfile, the firewall's 2nd/3rd ipConfiguration subnet, the Flux
//     repositoryRef tag/semver/commit and httpsUser/httpsCACert/localAuthRef) are left unset.
//   - uniqueString(): its MurmurHash64 variant is not reimplemented; the two uniqueString values are config values
//     (subRgUniqueString, dnsPrefix) with placeholder defaults. guid() IS reimplemented (UUIDv5, ARM namespace).
//   - The spoke's hub IP group (ipgNodepoolSubnet) reads the node subnet prefix with reference() in the RI; here it uses
//     the same literal, because a Pulumi output would close a cycle (spoke route -> firewall -> IP group -> spoke).
//   - Computed outputs that the recorder's mocks do not return (firewall private IP, identity principal/client IDs,
//     OIDC issuer URL, Key Vault secret URIs) fall back to placeholder values so the update recording is complete;
//     during preview they are unknown, as with a real engine.
//   - pickZones() for the App Gateway is written as ["1", "2", "3"] (eastus has three zones).
//   - The commented-out RBAC manifests (cluster-manifests/cluster-rbac.yaml, */rbac.yaml) are not resources; the RI
//     uses Azure RBAC for Kubernetes authorization when the tenants match (the default here).
//   - The `kubectl run curl` test pod of docs/deploy/10-workload.md (ephemeral) and the Flux components that the
//     microsoft.flux extension installs are not declared.
//   - Temporary deployment-time steps (the user's own Key Vault role assignment and IP rule to upload the
//     certificate, `az acr import`) are not declared; they are removed again by the walkthrough.
import * as crypto from "crypto";
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import * as resources from "@pulumi/azure-native/resources";
import * as network from "@pulumi/azure-native/network";
import * as privatedns from "@pulumi/azure-native/privatedns";
import * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import * as operationsmanagement from "@pulumi/azure-native/operationsmanagement";
import * as monitor from "@pulumi/azure-native/monitor";
import * as alertsmanagement from "@pulumi/azure-native/alertsmanagement";
import * as containerregistry from "@pulumi/azure-native/containerregistry";
import * as containerservice from "@pulumi/azure-native/containerservice";
import * as managedidentity from "@pulumi/azure-native/managedidentity";
import * as keyvault from "@pulumi/azure-native/keyvault";
import * as authorization from "@pulumi/azure-native/authorization";
import * as kubernetesconfiguration from "@pulumi/azure-native/kubernetesconfiguration";
import * as eventgrid from "@pulumi/azure-native/eventgrid";
import {
    builtInPolicies,
    clusterLevelRules,
    nodeLevelRules,
    podLevelRules,
    podFailedQuery,
    customIngressTlsPolicyParameters,
    customIngressTlsPolicyRule,
    amaMetricsPrometheusConfigData,
    amaMetricsPrometheusConfigNodeData,
    amaMetricsSettingsData,
    containerAzmMsAgentConfigData,
} from "./data";

/*** PARAMETERS (RI defaults, or the sample values of azuredeploy.parameters.prod.bicepparam and the docs) ***/

const config = new pulumi.Config();
const subscriptionId = config.get("subscriptionId") ?? "00000000-0000-0000-0000-000000000000";
// subscription().tenantId
const tenantId = config.get("tenantId") ?? "00000000-0000-0000-0000-0000000000aa";
// cluster-stamp: k8sControlPlaneAuthorizationTenantId (docs 03: "Using the same tenant is common"; Azure RBAC is the preferred path)
const k8sControlPlaneAuthorizationTenantId = config.get("k8sControlPlaneAuthorizationTenantId") ?? tenantId;
const clusterAdminMicrosoftEntraGroupObjectId = config.get("clusterAdminMicrosoftEntraGroupObjectId") ?? "00000000-0000-0000-0000-0000000000c1";
const a0008NamespaceReaderMicrosoftEntraGroupObjectId = config.get("a0008NamespaceReaderMicrosoftEntraGroupObjectId") ?? "00000000-0000-0000-0000-0000000000c2";
const appGatewayListenerCertificate = config.getSecret("appGatewayListenerCertificate") ?? pulumi.secret("[base64 cert data]");
const aksIngressControllerCertificate = config.get("aksIngressControllerCertificate") ?? "[base64 public cert data]";
// cluster-stamp default: [] ("Passing an empty array will result in no IP restrictions")
const clusterAuthorizedIPRanges = config.getObject<string[]>("clusterAuthorizedIPRanges") ?? [];
// bicepparam sample and docs 04 (LOCATION_AKS_BASELINE=eastus)
const location = config.get("location") ?? "eastus";
// acr-stamp default
const geoRedundancyLocation = config.get("geoRedundancyLocation") ?? "centralus";
const domainName = config.get("domainName") ?? "contoso.com";
const gitOpsBootstrappingRepoHttpsUrl = config.get("gitOpsBootstrappingRepoHttpsUrl") ?? "https://github.com/mspnp/aks-baseline";
const gitOpsBootstrappingRepoBranch = config.get("gitOpsBootstrappingRepoBranch") ?? "main";
const clusterInternalLoadBalancerIpAddress = config.get("clusterInternalLoadBalancerIpAddress") ?? "10.240.4.4";
// hub-regionA defaults
const hubVirtualNetworkAddressSpace = "10.200.0.0/24";
const hubVirtualNetworkAzureFirewallSubnetAddressSpace = "10.200.0.0/26";
const hubVirtualNetworkGatewaySubnetAddressSpace = "10.200.0.64/27";
const hubVirtualNetworkBastionSubnetAddressSpace = "10.200.0.96/27";
// uniqueString('aks', subscription().subscriptionId, resourceGroup().id) -- placeholder (13 chars, as uniqueString returns)
const subRgUniqueString = config.get("subRgUniqueString") ?? "b2ifa4uwhnmqe";
// uniqueString(subscription().subscriptionId, resourceGroup().id, clusterName) -- placeholder
const dnsPrefix = config.get("dnsPrefix") ?? "k3vy7hdw2xg5o";
// hubFirewall.properties.ipConfigurations[0].properties.privateIPAddress: the first usable address of
// AzureFirewallSubnet (10.200.0.0/26); used only where the provider (here: the recorder's mocks) returns none.
const firewallPrivateIpFallback = config.get("firewallPrivateIp") ?? "10.200.0.4";

/*** HELPERS ***/

// ARM/Bicep guid(): a name-based UUIDv5 in the ARM namespace over the arguments joined with '-'.
const ARM_GUID_NAMESPACE = "11fb06fb-712d-4ddd-98c7-e71bbd588830";
function uuidV5(name: string): string {
    const ns = Buffer.from(ARM_GUID_NAMESPACE.replace(/-/g, ""), "hex");
    const h = crypto.createHash("sha1").update(ns).update(Buffer.from(name, "utf8")).digest();
    h[6] = (h[6] & 0x0f) | 0x50;
    h[8] = (h[8] & 0x3f) | 0x80;
    const x = h.subarray(0, 16).toString("hex");
    return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}
function guid(...parts: pulumi.Input<string>[]): pulumi.Output<string> {
    return pulumi.all(parts).apply(p => uuidV5(p.join("-")));
}
// take(s, n)
function take(s: pulumi.Input<string>, n: number): pulumi.Output<string> {
    return pulumi.output(s).apply(v => v.slice(0, n));
}
// A computed output the provider returns after creation; `placeholder` stands in where it returns none (mocks).
function computed(o: pulumi.Output<string | undefined>, placeholder: pulumi.Input<string>): pulumi.Output<string> {
    return pulumi.all([o, placeholder]).apply(([v, p]) => v ?? p);
}

// Built-in role definitions (Microsoft.Authorization/roleDefinitions existing at subscription scope).
const roleDefinitionId = (name: string) => `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${name}`;
const serviceClusterUserRole = roleDefinitionId("4abbcc35-e782-43d8-92c5-2d3f1bd2253f"); // Azure Kubernetes Service Cluster User Role
const clusterAdminRole = roleDefinitionId("b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b"); // Azure Kubernetes Service RBAC Cluster Admin
const clusterReaderRole = roleDefinitionId("7f6c6a51-bcf8-42ba-9220-52d62157d7db"); // Azure Kubernetes Service RBAC Reader
const acrPullRole = roleDefinitionId("7f951dda-4ed3-4680-a7ca-43fe172d538d"); // AcrPull
const keyVaultReaderRole = roleDefinitionId("21090545-7ca7-4776-b22c-e363652d74d2"); // Key Vault Reader
const keyVaultSecretsUserRole = roleDefinitionId("4633458b-17de-408a-b874-0445c86b69e6"); // Key Vault Secrets User
const privateDnsZoneContributorRole = roleDefinitionId("b12aa53e-6015-4669-85d0-8515ebb3ae7f"); // Private DNS Zone Contributor
const networkContributorRole = roleDefinitionId("4d97b98b-1d4f-4787-a291-c67834d212e7"); // Network Contributor
const virtualMachineContributorRole = roleDefinitionId("9980e02c-c2be-4d73-94e8-173b1dc7cf3c"); // Virtual Machine Contributor

// Built-in policy (set) definitions (existing at tenant scope).
const policyDefinitionId = (name: string) => `/providers/Microsoft.Authorization/policyDefinitions/${name}`;
const policySetDefinitionId = (name: string) => `/providers/Microsoft.Authorization/policySetDefinitions/${name}`;

const nsgFlowDiagnostics = [
    { category: "NetworkSecurityGroupEvent", enabled: true, retentionPolicy: { days: 0, enabled: false } },
    { category: "NetworkSecurityGroupRuleCounter", enabled: true, retentionPolicy: { days: 0, enabled: false } },
];
const publicIpDiagnostics = {
    logs: [
        { category: "DDoSProtectionNotifications", enabled: true, retentionPolicy: { days: 0, enabled: false } },
        { category: "DDoSMitigationFlowLogs", enabled: true, retentionPolicy: { days: 0, enabled: false } },
        { category: "DDoSMitigationReports", enabled: true, retentionPolicy: { days: 0, enabled: false } },
    ],
    metrics: [{ category: "AllMetrics", enabled: true }],
};

/*** RESOURCE GROUPS (docs/deploy/04-networking.md and 05-bootstrap-prep.md: az group create) ***/

const rgHub = new resources.ResourceGroup("rg-enterprise-networking-hubs", {
    resourceGroupName: `rg-enterprise-networking-hubs-${location}`,
    location,
});
const rgSpokes = new resources.ResourceGroup("rg-enterprise-networking-spokes", {
    resourceGroupName: `rg-enterprise-networking-spokes-${location}`,
    location,
});
const rgCluster = new resources.ResourceGroup("rg-bu0001a0008", {
    resourceGroupName: "rg-bu0001a0008",
    location,
});

/*** HUB: network-team/hub-regionA.bicep ***/

const laHub = new operationalinsights.Workspace("laHub", {
    resourceGroupName: rgHub.name,
    workspaceName: `la-hub-${location}`,
    location,
    sku: { name: "PerGB2018" },
    retentionInDays: 30,
    publicNetworkAccessForIngestion: "Enabled",
    publicNetworkAccessForQuery: "Enabled",
    forceCmkForQuery: false,
    features: {
        disableLocalAuth: true,
        enableLogAccessUsingOnlyResourcePermissions: true,
    },
    workspaceCapping: { dailyQuotaGb: -1 },
});

new monitor.DiagnosticSetting("laHub_diagnosticsSettings", {
    name: "default",
    resourceUri: laHub.id,
    workspaceId: laHub.id,
    logs: [
        { category: "Audit", enabled: true, retentionPolicy: { days: 0, enabled: false } },
        { category: "SummaryLogs", enabled: true, retentionPolicy: { days: 0, enabled: false } },
    ],
    metrics: [{ category: "AllMetrics", enabled: true }],
});

// NSG around the Azure Bastion Subnet.
const nsgBastionSubnet = new network.NetworkSecurityGroup("nsgBastionSubnet", {
    resourceGroupName: rgHub.name,
    networkSecurityGroupName: `nsg-${location}-bastion`,
    location,
    securityRules: [
        { name: "AllowWebExperienceInbound", description: "Allow our users in. Update this to be as restrictive as possible.", protocol: "Tcp", sourcePortRange: "*", destinationPortRange: "443", sourceAddressPrefix: "Internet", destinationAddressPrefix: "*", access: "Allow", priority: 100, direction: "Inbound" },
        { name: "AllowControlPlaneInbound", description: "Service Requirement. Allow control plane access. Regional Tag not yet supported.", protocol: "Tcp", sourcePortRange: "*", destinationPortRange: "443", sourceAddressPrefix: "GatewayManager", destinationAddressPrefix: "*", access: "Allow", priority: 110, direction: "Inbound" },
        { name: "AllowHealthProbesInbound", description: "Service Requirement. Allow Health Probes.", protocol: "Tcp", sourcePortRange: "*", destinationPortRange: "443", sourceAddressPrefix: "AzureLoadBalancer", destinationAddressPrefix: "*", access: "Allow", priority: 120, direction: "Inbound" },
        { name: "AllowBastionHostToHostInbound", description: "Service Requirement. Allow Required Host to Host Communication.", protocol: "*", sourcePortRange: "*", destinationPortRanges: ["8080", "5701"], sourceAddressPrefix: "VirtualNetwork", destinationAddressPrefix: "VirtualNetwork", access: "Allow", priority: 130, direction: "Inbound" },
        { name: "DenyAllInbound", description: "No further inbound traffic allowed.", protocol: "*", sourcePortRange: "*", destinationPortRange: "*", sourceAddressPrefix: "*", destinationAddressPrefix: "*", access: "Deny", priority: 1000, direction: "Inbound" },
        { name: "AllowSshToVnetOutbound", description: "Allow SSH out to the virtual network", protocol: "Tcp", sourcePortRange: "*", sourceAddressPrefix: "*", destinationPortRange: "22", destinationAddressPrefix: "VirtualNetwork", access: "Allow", priority: 100, direction: "Outbound" },
        { name: "AllowRdpToVnetOutbound", description: "Allow RDP out to the virtual network", protocol: "Tcp", sourcePortRange: "*", sourceAddressPrefix: "*", destinationPortRange: "3389", destinationAddressPrefix: "VirtualNetwork", access: "Allow", priority: 110, direction: "Outbound" },
        { name: "AllowControlPlaneOutbound", description: "Required for control plane outbound. Regional prefix not yet supported", protocol: "Tcp", sourcePortRange: "*", sourceAddressPrefix: "*", destinationPortRange: "443", destinationAddressPrefix: "AzureCloud", access: "Allow", priority: 120, direction: "Outbound" },
        { name: "AllowBastionHostToHostOutbound", description: "Service Requirement. Allow Required Host to Host Communication.", protocol: "*", sourcePortRange: "*", sourceAddressPrefix: "VirtualNetwork", destinationPortRanges: ["443", "8080", "5701"], destinationAddressPrefix: "VirtualNetwork", access: "Allow", priority: 130, direction: "Outbound" },
        { name: "AllowBastionCertificateValidationOutbound", description: "Service Requirement. Allow Required Session and Certificate Validation.", protocol: "*", sourcePortRange: "*", sourceAddressPrefix: "*", destinationPortRange: "80", destinationAddressPrefix: "Internet", access: "Allow", priority: 140, direction: "Outbound" },
        { name: "DenyAllOutbound", description: "No further outbound traffic allowed.", protocol: "*", sourcePortRange: "*", destinationPortRange: "*", sourceAddressPrefix: "*", destinationAddressPrefix: "*", access: "Deny", priority: 1000, direction: "Outbound" },
    ],
});

new monitor.DiagnosticSetting("nsgBastionSubnet_diagnosticSettings", {
    name: "default",
    resourceUri: nsgBastionSubnet.id,
    workspaceId: laHub.id,
    logs: nsgFlowDiagnostics,
});

// The regional hub network
const vnetHub = new network.VirtualNetwork("vnetHub", {
    resourceGroupName: rgHub.name,
    virtualNetworkName: `vnet-${location}-hub`,
    location,
    addressSpace: { addressPrefixes: [hubVirtualNetworkAddressSpace] },
    subnets: [
        { name: "AzureFirewallSubnet", defaultOutboundAccess: false, addressPrefix: hubVirtualNetworkAzureFirewallSubnetAddressSpace },
        { name: "GatewaySubnet", defaultOutboundAccess: false, addressPrefix: hubVirtualNetworkGatewaySubnetAddressSpace },
        { name: "AzureBastionSubnet", defaultOutboundAccess: false, addressPrefix: hubVirtualNetworkBastionSubnetAddressSpace, networkSecurityGroup: { id: nsgBastionSubnet.id } },
    ],
});
// vnetHub::azureFirewallSubnet / vnetHub::azureBastionSubnet (existing child references)
const hubAzureFirewallSubnetId = pulumi.interpolate`${vnetHub.id}/subnets/AzureFirewallSubnet`;
const hubAzureBastionSubnetId = pulumi.interpolate`${vnetHub.id}/subnets/AzureBastionSubnet`;

new monitor.DiagnosticSetting("vnetHub_diagnosticSettings", {
    name: "default",
    resourceUri: vnetHub.id,
    workspaceId: laHub.id,
    metrics: [{ category: "AllMetrics", enabled: true }],
});

// Allocate three IP addresses to the firewall
const numFirewallIpAddressesToAssign = 3;
const pipsAzureFirewall: network.PublicIPAddress[] = [];
for (let i = 0; i < numFirewallIpAddressesToAssign; i++) {
    const name = `pip-fw-${location}-${String(i).padStart(2, "0")}`;
    const pip = new network.PublicIPAddress(name, {
        resourceGroupName: rgHub.name,
        publicIpAddressName: name,
        location,
        sku: { name: "Standard" },
        zones: ["1", "2", "3"],
        publicIPAllocationMethod: "Static",
        idleTimeoutInMinutes: 4,
        publicIPAddressVersion: "IPv4",
    });
    pipsAzureFirewall.push(pip);
    new monitor.DiagnosticSetting(`pipAzureFirewall_diagnosticSetting-${i}`, {
        name: "default",
        resourceUri: pip.id,
        workspaceId: laHub.id,
        ...publicIpDiagnostics,
    });
}

// The public IP for the regional hub's Azure Bastion service.
const pipAzureBastion = new network.PublicIPAddress("pipAzureBastion", {
    resourceGroupName: rgHub.name,
    publicIpAddressName: `pip-ab-${location}`,
    location,
    sku: { name: "Standard" },
    zones: ["1", "2", "3"],
    publicIPAllocationMethod: "Static",
    idleTimeoutInMinutes: 4,
    publicIPAddressVersion: "IPv4",
});

const azureBastion = new network.BastionHost("azureBastion", {
    resourceGroupName: rgHub.name,
    bastionHostName: `ab-${location}`,
    location,
    sku: { name: "Standard" },
    enableTunneling: true,
    ipConfigurations: [{
        name: "hub-subnet",
        privateIPAllocationMethod: "Dynamic",
        subnet: { id: hubAzureBastionSubnetId },
        publicIPAddress: { id: pipAzureBastion.id },
    }],
});

new monitor.DiagnosticSetting("azureBastion_diagnosticSettings", {
    name: "default",
    resourceUri: azureBastion.id,
    workspaceId: laHub.id,
    logs: [{ category: "BastionAuditLogs", enabled: true }],
});

// Spoke node pool subnet prefix: the RI reads it with reference(nodepoolSubnetResourceId).addressPrefix from the
// already-deployed spoke (see the header for why this is a shared literal here).
const snetClusterNodesAddressPrefix = "10.240.0.0/22";

// This holds IP addresses of known nodepool subnets in spokes.
const ipgNodepoolSubnet = new network.IpGroup("ipgNodepoolSubnet", {
    resourceGroupName: rgHub.name,
    ipGroupsName: `ipg-${location}-AksNodepools`,
    location,
    ipAddresses: [snetClusterNodesAddressPrefix],
});

// Azure Firewall starter policy
const fwPolicy = new network.FirewallPolicy("fwPolicy", {
    resourceGroupName: rgHub.name,
    firewallPolicyName: `fw-policies-${location}`,
    location,
    sku: { tier: "Premium" },
    threatIntelMode: "Deny",
    insights: {
        isEnabled: true,
        retentionDays: 30,
        logAnalyticsResources: { defaultWorkspaceId: { id: laHub.id } },
    },
    threatIntelWhitelist: { fqdns: [], ipAddresses: [] },
    intrusionDetection: {
        mode: "Deny",
        configuration: { bypassTrafficSettings: [], signatureOverrides: [] },
    },
    dnsSettings: { servers: [], enableProxy: true },
}, { dependsOn: [ipgNodepoolSubnet] });

const fwDefaultNetworkRuleCollectionGroup = new network.FirewallPolicyRuleCollectionGroup("defaultNetworkRuleCollectionGroup", {
    resourceGroupName: rgHub.name,
    firewallPolicyName: fwPolicy.name,
    ruleCollectionGroupName: "DefaultNetworkRuleCollectionGroup",
    priority: 200,
    ruleCollections: [
        {
            ruleCollectionType: "FirewallPolicyFilterRuleCollection",
            name: "org-wide-allowed",
            priority: 100,
            action: { type: "Allow" },
            rules: [{
                ruleType: "NetworkRule",
                name: "DNS",
                description: "Allow DNS outbound (for simplicity, adjust as needed)",
                ipProtocols: ["UDP"],
                sourceAddresses: ["*"],
                sourceIpGroups: [],
                destinationAddresses: ["*"],
                destinationIpGroups: [],
                destinationFqdns: [],
                destinationPorts: ["53"],
            }],
        },
        {
            ruleCollectionType: "FirewallPolicyFilterRuleCollection",
            name: "AKS-Global-Requirements",
            priority: 200,
            action: { type: "Allow" },
            rules: [
                {
                    ruleType: "NetworkRule",
                    name: "pods-to-api-server-konnectivity",
                    description: "This allows pods to communicate with the API server. Ensure your API server's allowed IP ranges support all of this firewall's public IPs.",
                    ipProtocols: ["TCP"],
                    sourceAddresses: [],
                    sourceIpGroups: [ipgNodepoolSubnet.id],
                    destinationAddresses: [`AzureCloud.${location}`],
                    destinationIpGroups: [],
                    destinationFqdns: [],
                    destinationPorts: ["443"],
                },
                {
                    ruleType: "NetworkRule",
                    name: "pod-to-api-server_udp-1194",
                    description: "This allows pods to communicate with the API server. Only needed if your cluster is not yet using konnectivity.",
                    ipProtocols: ["UDP"],
                    sourceAddresses: [],
                    sourceIpGroups: [ipgNodepoolSubnet.id],
                    destinationAddresses: [`AzureCloud.${location}`],
                    destinationIpGroups: [],
                    destinationFqdns: [],
                    destinationPorts: ["1194"],
                },
            ],
        },
    ],
});

const httpsRule = [{ protocolType: "Https", port: 443 }];
const fwDefaultApplicationRuleCollectionGroup = new network.FirewallPolicyRuleCollectionGroup("defaultApplicationRuleCollectionGroup", {
    resourceGroupName: rgHub.name,
    firewallPolicyName: fwPolicy.name,
    ruleCollectionGroupName: "DefaultApplicationRuleCollectionGroup",
    priority: 300,
    ruleCollections: [
        {
            ruleCollectionType: "FirewallPolicyFilterRuleCollection",
            name: "AKS-Global-Requirements",
            priority: 200,
            action: { type: "Allow" },
            rules: [
                {
                    ruleType: "ApplicationRule",
                    name: "azure-monitor-addon",
                    description: "Supports required communication for the Azure Monitor addon in AKS",
                    protocols: httpsRule,
                    fqdnTags: [],
                    webCategories: [],
                    targetFqdns: ["*.ods.opinsights.azure.com", "*.oms.opinsights.azure.com", `${location}.monitoring.azure.com`, "*.metrics.ingest.monitor.azure.com"],
                    targetUrls: [],
                    destinationAddresses: [],
                    terminateTLS: false,
                    sourceAddresses: [],
                    sourceIpGroups: [ipgNodepoolSubnet.id],
                },
                {
                    ruleType: "ApplicationRule",
                    name: "azure-policy-addon",
                    description: "Supports required communication for the Azure Policy addon in AKS",
                    protocols: httpsRule,
                    fqdnTags: [],
                    webCategories: [],
                    // 'data.policy.${environment().suffixes.storage}' and 'store.policy.${...}' (AzureCloud: core.windows.net)
                    targetFqdns: ["data.policy.core.windows.net", "store.policy.core.windows.net"],
                    targetUrls: [],
                    destinationAddresses: [],
                    terminateTLS: false,
                    sourceAddresses: [],
                    sourceIpGroups: [ipgNodepoolSubnet.id],
                },
                {
                    ruleType: "ApplicationRule",
                    name: "service-requirements",
                    description: "Supports required core AKS functionality. Could be replaced with individual rules if added granularity is desired.",
                    protocols: httpsRule,
                    fqdnTags: ["AzureKubernetesService"],
                    webCategories: [],
                    targetFqdns: [],
                    targetUrls: [],
                    destinationAddresses: [],
                    terminateTLS: false,
                    sourceAddresses: [],
                    sourceIpGroups: [ipgNodepoolSubnet.id],
                },
            ],
        },
        {
            ruleCollectionType: "FirewallPolicyFilterRuleCollection",
            name: "GitOps-Traffic",
            priority: 300,
            action: { type: "Allow" },
            rules: [
                {
                    ruleType: "ApplicationRule",
                    name: "github-origin",
                    description: "Supports pulling gitops configuration from GitHub.",
                    protocols: httpsRule,
                    fqdnTags: [],
                    webCategories: [],
                    targetFqdns: ["github.com", "api.github.com"],
                    targetUrls: [],
                    destinationAddresses: [],
                    terminateTLS: false,
                    sourceAddresses: [],
                    sourceIpGroups: [ipgNodepoolSubnet.id],
                },
                {
                    ruleType: "ApplicationRule",
                    name: "flux-extension-runtime-requirements",
                    description: "Supports required communication for the Flux v2 extension operate and contains allowances for our applications deployed to the cluster.",
                    protocols: httpsRule,
                    fqdnTags: [],
                    webCategories: [],
                    targetFqdns: [
                        `${location}.dp.kubernetesconfiguration.azure.com`,
                        "mcr.microsoft.com",
                        "raw.githubusercontent.com",
                        "management.azure.com", // split(environment().resourceManager, '/')[2]
                        "login.microsoftonline.com", // split(environment().authentication.loginEndpoint, '/')[2]
                        "*.blob.core.windows.net", // '*.blob.${environment().suffixes.storage}'
                        "azurearcfork8s.azurecr.io",
                        "*.docker.io",
                        "*.docker.com",
                    ],
                    targetUrls: [],
                    destinationAddresses: [],
                    terminateTLS: false,
                    sourceAddresses: [],
                    sourceIpGroups: [ipgNodepoolSubnet.id],
                },
            ],
        },
    ],
}, { dependsOn: [fwDefaultNetworkRuleCollectionGroup] });

// This is the regional Azure Firewall that all regional spoke networks can egress through.
const hubFirewall = new network.AzureFirewall("hubFirewall", {
    resourceGroupName: rgHub.name,
    azureFirewallName: `fw-${location}`,
    location,
    zones: ["1", "2", "3"],
    sku: { tier: "Premium", name: "AZFW_VNet" },
    firewallPolicy: { id: fwPolicy.id },
    ipConfigurations: pipsAzureFirewall.map((pip, i) => ({
        name: `pip-fw-${location}-${String(i).padStart(2, "0")}`, // pipsAzureFirewall[i].name
        subnet: i === 0 ? { id: hubAzureFirewallSubnetId } : undefined,
        publicIPAddress: { id: pip.id },
    })),
}, { dependsOn: [fwDefaultApplicationRuleCollectionGroup, fwDefaultNetworkRuleCollectionGroup, ipgNodepoolSubnet] });

new monitor.DiagnosticSetting("hubFirewall_diagnosticSettings", {
    name: "default",
    resourceUri: hubFirewall.id,
    workspaceId: laHub.id,
    logs: [
        "AzureFirewallApplicationRule", "AzureFirewallNetworkRule", "AzureFirewallDnsProxy", "AZFWNetworkRule", "AZFWApplicationRule",
        "AZFWNatRule", "AZFWThreatIntel", "AZFWIdpsSignature", "AZFWDnsQuery", "AZFWFqdnResolveFailure", "AZFWFatFlow", "AZFWFlowTrace",
        "AZFWApplicationRuleAggregation", "AZFWNetworkRuleAggregation", "AZFWNatRuleAggregation",
    ].map(category => ({ category, enabled: true, retentionPolicy: { days: 0, enabled: false } })),
    metrics: [{ category: "AllMetrics", enabled: true }],
});

// hubFirewall.properties.ipConfigurations[0].properties.privateIPAddress
const hubFirewallPrivateIp = computed(hubFirewall.ipConfigurations.apply(c => c?.[0]?.privateIPAddress), firewallPrivateIpFallback);

/*** SPOKE: network-team/spoke-BU0001A0008.bicep ***/

const orgAppId = "BU0001A0008";
const clusterVNetName = `vnet-spoke-${orgAppId}-00`;

// Next hop to the regional hub's Azure Firewall
const routeNextHopToFirewall = new network.RouteTable("routeNextHopToFirewall", {
    resourceGroupName: rgSpokes.name,
    routeTableName: `route-to-${location}-hub-fw`,
    location,
    routes: [{
        name: "r-nexthop-to-fw",
        nextHopType: "VirtualAppliance",
        addressPrefix: "0.0.0.0/0",
        nextHopIpAddress: hubFirewallPrivateIp,
    }],
});

// Default NSG on the AKS nodepools. Feel free to constrict further.
const nsgNodepoolSubnet = new network.NetworkSecurityGroup("nsgNodepoolSubnet", {
    resourceGroupName: rgSpokes.name,
    networkSecurityGroupName: `nsg-${clusterVNetName}-nodepools`,
    location,
    securityRules: [],
});

// Default NSG on the AKS private cluster subnet. Feel free to constrict further.
const nsgPrivateClusterSubnet = new network.NetworkSecurityGroup("nsgPrivateClusterSubnet", {
    resourceGroupName: rgSpokes.name,
    networkSecurityGroupName: `nsg-${clusterVNetName}-privatecluster`,
    location,
    securityRules: [],
});

new monitor.DiagnosticSetting("nsgNodepoolSubnet_diagnosticsSettings", {
    name: "default",
    resourceUri: nsgNodepoolSubnet.id,
    workspaceId: laHub.id,
    logs: nsgFlowDiagnostics,
});

// Default NSG on the AKS internal load balancer subnet. Feel free to constrict further.
const nsgInternalLoadBalancerSubnet = new network.NetworkSecurityGroup("nsgInternalLoadBalancerSubnet", {
    resourceGroupName: rgSpokes.name,
    networkSecurityGroupName: `nsg-${clusterVNetName}-aksilbs`,
    location,
    securityRules: [],
});

new monitor.DiagnosticSetting("nsgInternalLoadBalancerSubnet_diagnosticsSettings", {
    name: "default",
    resourceUri: nsgInternalLoadBalancerSubnet.id,
    workspaceId: laHub.id,
    logs: nsgFlowDiagnostics,
});

// NSG on the Application Gateway subnet.
const nsgAppGwSubnet = new network.NetworkSecurityGroup("nsgAppGwSubnet", {
    resourceGroupName: rgSpokes.name,
    networkSecurityGroupName: `nsg-${clusterVNetName}-appgw`,
    location,
    securityRules: [
        { name: "Allow443Inbound", description: "Allow ALL web traffic into 443. (If you wanted to allow-list specific IPs, this is where you'd list them.)", protocol: "Tcp", sourcePortRange: "*", sourceAddressPrefix: "Internet", destinationPortRange: "443", destinationAddressPrefix: "VirtualNetwork", direction: "Inbound", access: "Allow", priority: 100 },
        { name: "AllowControlPlaneInbound", description: "Allow Azure Control Plane in. (https://learn.microsoft.com/azure/application-gateway/configuration-infrastructure#network-security-groups)", protocol: "*", sourcePortRange: "*", sourceAddressPrefix: "GatewayManager", destinationPortRange: "65200-65535", destinationAddressPrefix: "*", direction: "Inbound", access: "Allow", priority: 110 },
        { name: "AllowHealthProbesInbound", description: "Allow Azure Health Probes in. (https://learn.microsoft.com/azure/application-gateway/configuration-infrastructure#network-security-groups)", protocol: "*", sourcePortRange: "*", sourceAddressPrefix: "AzureLoadBalancer", destinationPortRange: "*", destinationAddressPrefix: "*", direction: "Inbound", access: "Allow", priority: 120 },
        { name: "DenyAllInbound", description: "No further inbound traffic allowed.", protocol: "*", sourcePortRange: "*", destinationPortRange: "*", sourceAddressPrefix: "*", destinationAddressPrefix: "*", access: "Deny", priority: 1000, direction: "Inbound" },
        { name: "AllowAllOutbound", description: "App Gateway v2 requires full outbound access.", protocol: "*", sourcePortRange: "*", destinationPortRange: "*", sourceAddressPrefix: "*", destinationAddressPrefix: "*", access: "Allow", priority: 1000, direction: "Outbound" },
    ],
});

new monitor.DiagnosticSetting("nsgAppGwSubnet_diagnosticsSettings", {
    name: "default",
    resourceUri: nsgAppGwSubnet.id,
    workspaceId: laHub.id,
    logs: nsgFlowDiagnostics,
});

// NSG on the Private Link subnet.
const nsgPrivateLinkEndpointsSubnet = new network.NetworkSecurityGroup("nsgPrivateLinkEndpointsSubnet", {
    resourceGroupName: rgSpokes.name,
    networkSecurityGroupName: `nsg-${clusterVNetName}-privatelinkendpoints`,
    location,
    securityRules: [
        { name: "AllowAll443InFromVnet", protocol: "Tcp", sourcePortRange: "*", sourceAddressPrefix: "VirtualNetwork", destinationPortRange: "443", destinationAddressPrefix: "VirtualNetwork", access: "Allow", priority: 100, direction: "Inbound" },
        { name: "DenyAllInbound", protocol: "*", sourcePortRange: "*", sourceAddressPrefix: "*", destinationPortRange: "*", destinationAddressPrefix: "*", access: "Deny", priority: 1000, direction: "Inbound" },
        { name: "DenyAllOutbound", protocol: "*", sourcePortRange: "*", sourceAddressPrefix: "*", destinationPortRange: "*", destinationAddressPrefix: "*", access: "Deny", priority: 1000, direction: "Outbound" },
    ],
});

new monitor.DiagnosticSetting("nsgPrivateLinkEndpointsSubnet_diagnosticsSettings", {
    name: "default",
    resourceUri: nsgPrivateLinkEndpointsSubnet.id,
    workspaceId: laHub.id,
    logs: nsgFlowDiagnostics,
});

// The spoke virtual network. 65,536 (-reserved) IPs available to the workload, split across two subnets for AKS,
// one for App Gateway and one for Private Link endpoints.
const vnetSpoke = new network.VirtualNetwork("vnetSpoke", {
    resourceGroupName: rgSpokes.name,
    virtualNetworkName: clusterVNetName,
    location,
    addressSpace: { addressPrefixes: ["10.240.0.0/16"] },
    subnets: [
        {
            name: "snet-clusternodes",
            defaultOutboundAccess: false,
            addressPrefix: snetClusterNodesAddressPrefix,
            routeTable: { id: routeNextHopToFirewall.id },
            networkSecurityGroup: { id: nsgNodepoolSubnet.id },
            privateEndpointNetworkPolicies: "Disabled",
            privateLinkServiceNetworkPolicies: "Disabled",
        },
        {
            name: "snet-clusteringressservices",
            defaultOutboundAccess: false,
            addressPrefix: "10.240.4.0/28",
            routeTable: { id: routeNextHopToFirewall.id },
            networkSecurityGroup: { id: nsgInternalLoadBalancerSubnet.id },
            privateEndpointNetworkPolicies: "Disabled",
            privateLinkServiceNetworkPolicies: "Disabled",
        },
        {
            name: "snet-applicationgateway",
            defaultOutboundAccess: false,
            addressPrefix: "10.240.5.0/24",
            networkSecurityGroup: { id: nsgAppGwSubnet.id },
            privateEndpointNetworkPolicies: "Disabled",
            privateLinkServiceNetworkPolicies: "Disabled",
        },
        {
            name: "snet-privatelinkendpoints",
            defaultOutboundAccess: false,
            addressPrefix: "10.240.4.32/28",
            networkSecurityGroup: { id: nsgPrivateLinkEndpointsSubnet.id },
            privateEndpointNetworkPolicies: "Disabled",
            privateLinkServiceNetworkPolicies: "Enabled",
        },
        {
            name: "snet-privatecluster",
            defaultOutboundAccess: false,
            addressPrefix: "10.240.7.0/28",
            routeTable: { id: routeNextHopToFirewall.id },
            networkSecurityGroup: { id: nsgPrivateClusterSubnet.id },
            privateEndpointNetworkPolicies: "Disabled",
            privateLinkServiceNetworkPolicies: "Disabled",
            delegations: [{ name: "delegation", serviceName: "Microsoft.ContainerService/managedClusters" }],
        },
    ],
});
// targetVirtualNetwork::snet* (existing child references used by acr-stamp and cluster-stamp)
const spokeSubnetId = (name: string) => pulumi.interpolate`${vnetSpoke.id}/subnets/${name}`;
const snetClusterNodesId = spokeSubnetId("snet-clusternodes");
const snetClusterIngressServicesId = spokeSubnetId("snet-clusteringressservices");
const snetApplicationGatewayId = spokeSubnetId("snet-applicationgateway");
const snetPrivatelinkendpointsId = spokeSubnetId("snet-privatelinkendpoints");
const snetPrivateClusterId = spokeSubnetId("snet-privatecluster");

// Peer to regional hub (virtualNetworkPeering.bicep)
const peeringSpokeToHub = new network.VirtualNetworkPeering("peeringSpokeToHub", {
    resourceGroupName: rgSpokes.name,
    virtualNetworkName: vnetSpoke.name,
    virtualNetworkPeeringName: pulumi.interpolate`to_${vnetHub.name}`,
    remoteVirtualNetwork: { id: vnetHub.id },
    allowForwardedTraffic: false,
    allowGatewayTransit: false,
    allowVirtualNetworkAccess: true,
    useRemoteGateways: false,
});

// Connect regional hub back to this spoke.
new network.VirtualNetworkPeering("peeringHubToSpoke", {
    resourceGroupName: rgHub.name,
    virtualNetworkName: vnetHub.name,
    virtualNetworkPeeringName: pulumi.interpolate`to_${vnetSpoke.name}`,
    remoteVirtualNetwork: { id: vnetSpoke.id },
    allowForwardedTraffic: false,
    allowGatewayTransit: false,
    allowVirtualNetworkAccess: true,
    useRemoteGateways: false,
}, { dependsOn: [peeringSpokeToHub] });

new monitor.DiagnosticSetting("vnetSpoke_diagnosticSettings", {
    name: "default",
    resourceUri: vnetSpoke.id,
    workspaceId: laHub.id,
    metrics: [{ category: "AllMetrics", enabled: true }],
});

// Used as primary public entry point for cluster. Expected to be assigned to an Azure Application Gateway.
// This is a public facing IP, and would be best behind a DDoS Policy (not deployed simply for cost considerations)
const pipPrimaryClusterIp = new network.PublicIPAddress("pipPrimaryClusterIp", {
    resourceGroupName: rgSpokes.name,
    publicIpAddressName: `pip-${orgAppId}-00`,
    location,
    sku: { name: "Standard" },
    zones: ["1", "2", "3"],
    publicIPAllocationMethod: "Static",
    idleTimeoutInMinutes: 4,
    publicIPAddressVersion: "IPv4",
});

new monitor.DiagnosticSetting("pipPrimaryClusterIp_diagnosticSetting", {
    name: "default",
    resourceUri: pipPrimaryClusterIp.id,
    workspaceId: laHub.id,
    ...publicIpDiagnostics,
});

/*** ACR STAMP: workload-team/acr-stamp.bicep (resource group rg-bu0001a0008) ***/

const clusterName = `aks-${subRgUniqueString}`;
const agwName = `apw-${clusterName}`;
const aksIngressDomainName = `aks-ingress.${domainName}`;
const aksBackendDomainName = `bu0001a0008-00.${aksIngressDomainName}`;
const isUsingAzureRBACasKubernetesRBAC = tenantId === k8sControlPlaneAuthorizationTenantId;
const kubernetesVersion = "1.35.0";

// This Log Analytics workspace will be the log sink for all resources in the cluster resource group.
const laAks = new operationalinsights.Workspace("laAks", {
    resourceGroupName: rgCluster.name,
    workspaceName: `la-aks-${subRgUniqueString}`,
    location,
    sku: { name: "PerGB2018" },
    retentionInDays: 30,
    publicNetworkAccessForIngestion: "Enabled",
    publicNetworkAccessForQuery: "Enabled",
    workspaceCapping: { dailyQuotaGb: -1 }, // No daily cap (configure alert below if enabled)
});

new operationalinsights.Table("laAks_containerLogV2", {
    resourceGroupName: rgCluster.name,
    workspaceName: laAks.name,
    tableName: "ContainerLogV2",
    totalRetentionInDays: 30,
    plan: "Basic",
    schema: { name: "ContainerLogV2" },
});

// Add a alert rule if the log analytics workspace daily data cap has been reached.
new monitor.ScheduledQueryRule("sqrDailyDataCapBreach", {
    resourceGroupName: rgCluster.name,
    ruleName: pulumi.interpolate`Daily data cap breached for workspace ${laAks.name} CIQ-1`,
    location,
    description: "This alert monitors daily data cap defined on a workspace and fires when the daily data cap is breached.",
    displayName: pulumi.interpolate`Daily data cap breached for workspace ${laAks.name} CIQ-1`,
    severity: 1,
    enabled: true,
    scopes: [laAks.id],
    evaluationFrequency: "PT5M",
    windowSize: "PT5M",
    criteria: {
        allOf: [{
            query: "_LogOperation | where Operation == \"Data collection Status\" | where Detail contains \"OverQuota\"",
            timeAggregation: "Count",
            operator: "GreaterThan",
            threshold: 0,
        }],
    },
    actions: { actionGroups: [] },
});

const acrName = `acraks${subRgUniqueString}`;

// Apply the built-in 'Container registries should have anonymous authentication disabled' policy. Azure RBAC only is allowed.
const pdAnonymousContainerRegistryAccessDisallowed = policyDefinitionId("9f2dea28-e834-476c-99c5-3507b4728395");
const paAnonymousContainerRegistryAccessDisallowed = new authorization.PolicyAssignment("paAnonymousContainerRegistryAccessDisallowed", {
    policyAssignmentName: guid(rgCluster.id, pdAnonymousContainerRegistryAccessDisallowed),
    location: "global",
    scope: rgCluster.id,
    displayName: take(`[${acrName}] ${builtInPolicies["9f2dea28-e834-476c-99c5-3507b4728395"].displayName}`, 120),
    description: builtInPolicies["9f2dea28-e834-476c-99c5-3507b4728395"].description,
    enforcementMode: "Default",
    policyDefinitionId: pdAnonymousContainerRegistryAccessDisallowed,
    parameters: { effect: { value: "Deny" } },
});

// Apply the built-in 'Container registries should have local admin account disabled' policy. Azure RBAC only is allowed.
const pdAdminAccountContainerRegistryAccessDisallowed = policyDefinitionId("dc921057-6b28-4fbe-9b83-f7bec05db6c2");
const paAdminAccountContainerRegistryAccessDisallowed = new authorization.PolicyAssignment("paAdminAccountContainerRegistryAccessDisallowed", {
    policyAssignmentName: guid(rgCluster.id, pdAdminAccountContainerRegistryAccessDisallowed),
    location: "global",
    scope: rgCluster.id,
    displayName: take(`[${acrName}] ${builtInPolicies["dc921057-6b28-4fbe-9b83-f7bec05db6c2"].displayName}`, 120),
    description: builtInPolicies["dc921057-6b28-4fbe-9b83-f7bec05db6c2"].description,
    enforcementMode: "Default",
    policyDefinitionId: pdAdminAccountContainerRegistryAccessDisallowed,
    parameters: { effect: { value: "Deny" } },
});

// Azure Container Registry will be exposed via Private Link.
const dnsPrivateZoneAcr = new privatedns.PrivateZone("dnsPrivateZoneAcr", {
    resourceGroupName: rgCluster.name,
    privateZoneName: "privatelink.azurecr.io",
    location: "global",
});

new privatedns.VirtualNetworkLink("dnsVnetLinkAcrToSpoke", {
    resourceGroupName: rgCluster.name,
    privateZoneName: dnsPrivateZoneAcr.name,
    virtualNetworkLinkName: pulumi.interpolate`to_${vnetSpoke.name}`,
    location: "global",
    virtualNetwork: { id: vnetSpoke.id },
    registrationEnabled: false,
});

// The Container Registry that the AKS cluster will be authorized to use to pull images.
const acrAks = new containerregistry.Registry("acrAks", {
    resourceGroupName: rgCluster.name,
    registryName: acrName,
    location,
    sku: { name: "Premium" },
    adminUserEnabled: false,
    networkRuleSet: { defaultAction: "Deny", ipRules: [] },
    policies: {
        quarantinePolicy: { status: "disabled" },
        trustPolicy: { type: "Notary", status: "disabled" },
        retentionPolicy: { days: 15, status: "enabled" },
    },
    publicNetworkAccess: "Disabled",
    encryption: { status: "disabled" },
    dataEndpointEnabled: true,
    networkRuleBypassOptions: "AzureServices",
    zoneRedundancy: "Enabled",
}, { dependsOn: [paAdminAccountContainerRegistryAccessDisallowed, paAnonymousContainerRegistryAccessDisallowed] });

const acrReplication = new containerregistry.Replication("acrReplication", {
    resourceGroupName: rgCluster.name,
    registryName: acrAks.name,
    replicationName: geoRedundancyLocation,
    location: geoRedundancyLocation,
});

new monitor.DiagnosticSetting("acrAks_diagnosticsSettings", {
    name: "default",
    resourceUri: acrAks.id,
    workspaceId: laAks.id,
    metrics: [{ timeGrain: "PT1M", category: "AllMetrics", enabled: true }],
    logs: [
        { category: "ContainerRegistryRepositoryEvents", enabled: true, retentionPolicy: { enabled: false, days: 0 } },
        { category: "ContainerRegistryLoginEvents", enabled: true, retentionPolicy: { enabled: false, days: 0 } },
    ],
});

// Expose Azure Container Registry via Private Link, into the cluster nodes virtual network.
const privateEndpointAcrToVnet = new network.PrivateEndpoint("privateEndpointAcrToVnet", {
    resourceGroupName: rgCluster.name,
    privateEndpointName: pulumi.interpolate`pe-${acrAks.name}`,
    location,
    subnet: { id: snetPrivatelinkendpointsId },
    privateLinkServiceConnections: [{
        name: pulumi.interpolate`to_${vnetSpoke.name}`,
        privateLinkServiceId: acrAks.id,
        groupIds: ["registry"],
    }],
}, { dependsOn: [acrReplication] });

new network.PrivateDnsZoneGroup("privateDnsZoneGroupAcr", {
    resourceGroupName: rgCluster.name,
    privateEndpointName: privateEndpointAcrToVnet.name,
    privateDnsZoneGroupName: "default",
    privateDnsZoneConfigs: [{ name: "privatelink-azurecr-io", privateDnsZoneId: dnsPrivateZoneAcr.id }],
});

/*** CLUSTER STAMP: workload-team/cluster-stamp.bicep (resource group rg-bu0001a0008) ***/

// `existing` references of the cluster stamp to resources of the ACR stamp.
const la = laAks;
const acr = acrAks;

// An Azure Monitor workspace where cluster metrics related to Prometheus are collected
const amw = new monitor.AzureMonitorWorkspace("amw", {
    resourceGroupName: rgCluster.name,
    azureMonitorWorkspaceName: `amw-${clusterName}`,
    location,
    publicNetworkAccess: "Enabled",
});

// A data collection endpoint to process Prometheus scraped metrics so they can be ingested by Azure Monitor
const dce = new monitor.DataCollectionEndpoint("dce", {
    resourceGroupName: rgCluster.name,
    dataCollectionEndpointName: `MSProm-${location}-${clusterName}`,
    location,
    kind: "Linux",
    networkAcls: { publicNetworkAccess: "Enabled" },
});

// A data collection rule that collects PrometheusMetrics from pods, nodes and cluster
const dcr = new monitor.DataCollectionRule("dcr", {
    resourceGroupName: rgCluster.name,
    dataCollectionRuleName: `MSProm-${location}-${clusterName}`,
    kind: "Linux",
    location,
    dataCollectionEndpointId: dce.id,
    dataSources: {
        prometheusForwarder: [{
            name: "PrometheusDataSource",
            streams: ["Microsoft-PrometheusMetrics"],
            labelIncludeFilter: {},
        }],
    },
    destinations: {
        monitoringAccounts: [{ accountResourceId: amw.id, name: amw.name }],
    },
    dataFlows: [{ streams: ["Microsoft-PrometheusMetrics"], destinations: [amw.name] }],
});

new monitor.DiagnosticSetting("dcr_diagnosticSettings", {
    name: "default",
    resourceUri: dcr.id,
    workspaceId: la.id,
    logs: [{ category: "LogErrors", enabled: true, retentionPolicy: { enabled: false, days: 0 } }],
});

const qpBaselineQueryPack = new operationalinsights.QueryPack("qpBaselineQueryPack", {
    resourceGroupName: rgCluster.name,
    location,
    queryPackName: "AKS baseline bundled queries",
});

new operationalinsights.Query("qPrometheusAll", {
    resourceGroupName: rgCluster.name,
    queryPackName: qpBaselineQueryPack.name,
    id: guid(rgCluster.id, "PrometheusAll", clusterName),
    displayName: "All collected Prometheus information",
    description: "This is all collected Prometheus metrics",
    body: "InsightsMetrics | where Namespace == \"prometheus\"",
    related: { categories: ["container"] },
});

const sci = new operationsmanagement.Solution("sci", {
    resourceGroupName: rgCluster.name,
    solutionName: pulumi.interpolate`ContainerInsights(${la.name})`,
    location,
    properties: { containedResources: [], referencedResources: [], workspaceResourceId: la.id },
    plan: {
        name: pulumi.interpolate`ContainerInsights(${la.name})`,
        product: "OMSGallery/ContainerInsights",
        promotionCode: "",
        publisher: "Microsoft",
    },
});

new operationsmanagement.Solution("skva", {
    resourceGroupName: rgCluster.name,
    solutionName: pulumi.interpolate`KeyVaultAnalytics(${la.name})`,
    location,
    properties: { containedResources: [], referencedResources: [], workspaceResourceId: la.id },
    plan: {
        name: pulumi.interpolate`KeyVaultAnalytics(${la.name})`,
        product: "OMSGallery/KeyVaultAnalytics",
        promotionCode: "",
        publisher: "Microsoft",
    },
});

// The control plane identity used by the cluster. Used for networking access (VNET joining and DNS updating)
const miClusterControlPlane = new managedidentity.UserAssignedIdentity("miClusterControlPlane", {
    resourceGroupName: rgCluster.name,
    resourceName: `mi-${clusterName}-controlplane`,
    location,
});
const miClusterControlPlanePrincipalId = computed(miClusterControlPlane.principalId, "00000000-0000-0000-0000-0000000000d1");

// User Managed Identity that App Gateway is assigned. Used for Azure Key Vault Access.
const miAppGatewayFrontend = new managedidentity.UserAssignedIdentity("miAppGatewayFrontend", {
    resourceGroupName: rgCluster.name,
    resourceName: "mi-appgateway-frontend",
    location,
});
const miAppGatewayFrontendPrincipalId = computed(miAppGatewayFrontend.principalId, "00000000-0000-0000-0000-0000000000d2");

// User Managed Identity for the cluster's ingress controller pods via Workload Identity. Used for Azure Key Vault Access.
const podmiIngressController = new managedidentity.UserAssignedIdentity("podmiIngressController", {
    resourceGroupName: rgCluster.name,
    resourceName: "podmi-ingress-controller",
    location,
});
const podmiIngressControllerPrincipalId = computed(podmiIngressController.principalId, "00000000-0000-0000-0000-0000000000d3");
const podmiIngressControllerClientId = computed(podmiIngressController.clientId, "00000000-0000-0000-0000-0000000000e3");

const kv = new keyvault.Vault("kv", {
    resourceGroupName: rgCluster.name,
    vaultName: `kv-${clusterName}`,
    location,
    properties: {
        accessPolicies: [], // Azure RBAC is used instead
        sku: { family: "A", name: "standard" },
        tenantId,
        networkAcls: {
            bypass: "AzureServices", // Required for AppGW communication
            defaultAction: "Deny",
            ipRules: [],
            virtualNetworkRules: [],
        },
        enableRbacAuthorization: true,
        enabledForDeployment: false,
        enabledForDiskEncryption: false,
        enabledForTemplateDeployment: false,
        enableSoftDelete: true,
        softDeleteRetentionInDays: 7,
        createMode: "default",
    },
}, { dependsOn: [miAppGatewayFrontend, podmiIngressController] });

const kvsAppGwIngressInternalAksIngressTls = new keyvault.Secret("kvsAppGwIngressInternalAksIngressTls", {
    resourceGroupName: rgCluster.name,
    vaultName: kv.name,
    secretName: "appgw-ingress-internal-aks-ingress-tls",
    properties: { value: aksIngressControllerCertificate },
});

const kvsGatewayExternalCert = new keyvault.Secret("kvsGatewayExternalCert", {
    resourceGroupName: rgCluster.name,
    vaultName: kv.name,
    secretName: "gateway-external-pfx-cert",
    properties: { value: appGatewayListenerCertificate },
});

new monitor.DiagnosticSetting("kv_diagnosticSettings", {
    name: "default",
    resourceUri: kv.id,
    workspaceId: la.id,
    logs: [{ category: "AuditEvent", enabled: true }],
    metrics: [{ category: "AllMetrics", enabled: true }],
});

// Grant the Azure Application Gateway managed identity with key vault reader role permissions.
const kvMiAppGatewayFrontendSecretsUserRole_roleAssignment = new authorization.RoleAssignment("kvMiAppGatewayFrontendSecretsUserRole_roleAssignment", {
    scope: kv.id,
    roleAssignmentName: guid(rgCluster.id, "mi-appgateway-frontend", keyVaultSecretsUserRole),
    roleDefinitionId: keyVaultSecretsUserRole,
    principalId: miAppGatewayFrontendPrincipalId,
    principalType: "ServicePrincipal",
});

const kvMiAppGatewayFrontendKeyVaultReader_roleAssignment = new authorization.RoleAssignment("kvMiAppGatewayFrontendKeyVaultReader_roleAssignment", {
    scope: kv.id,
    roleAssignmentName: guid(rgCluster.id, "mi-appgateway-frontend", keyVaultReaderRole),
    roleDefinitionId: keyVaultReaderRole,
    principalId: miAppGatewayFrontendPrincipalId,
    principalType: "ServicePrincipal",
});

// Grant the AKS cluster ingress controller's managed workload identity with Key Vault reader role permissions.
const kvPodMiIngressControllerSecretsUserRole_roleAssignment = new authorization.RoleAssignment("kvPodMiIngressControllerSecretsUserRole_roleAssignment", {
    scope: kv.id,
    roleAssignmentName: guid(rgCluster.id, "podmi-ingress-controller", keyVaultSecretsUserRole),
    roleDefinitionId: keyVaultSecretsUserRole,
    principalId: podmiIngressControllerPrincipalId,
    principalType: "ServicePrincipal",
});

const kvPodMiIngressControllerKeyVaultReader_roleAssignment = new authorization.RoleAssignment("kvPodMiIngressControllerKeyVaultReader_roleAssignment", {
    scope: kv.id,
    roleAssignmentName: guid(rgCluster.id, "podmi-ingress-controller", keyVaultReaderRole),
    roleDefinitionId: keyVaultReaderRole,
    principalId: podmiIngressControllerPrincipalId,
    principalType: "ServicePrincipal",
});

// modules/role-assignment-EnsureClusterIdentityHasRbacToSelfManagedResources.bicep (scope: the spoke resource group)
const vnetMiClusterControlPlaneDnsZoneContributorRole_roleAssignment = new authorization.RoleAssignment("vnetMiClusterControlPlaneDnsZoneContributorRole_roleAssignment", {
    scope: vnetSpoke.id,
    roleAssignmentName: guid(vnetSpoke.id, privateDnsZoneContributorRole, miClusterControlPlane.name),
    roleDefinitionId: privateDnsZoneContributorRole,
    description: "Allows cluster identity to attach custom DNS zone with Private Link information to this virtual network.",
    principalId: miClusterControlPlanePrincipalId,
    principalType: "ServicePrincipal",
});
const snetClusterNodesMiClusterControlPlaneNetworkContributorRole_roleAssignment = new authorization.RoleAssignment("snetClusterNodesMiClusterControlPlaneNetworkContributorRole_roleAssignment", {
    scope: snetClusterNodesId,
    roleAssignmentName: guid(snetClusterNodesId, networkContributorRole, miClusterControlPlanePrincipalId),
    roleDefinitionId: networkContributorRole,
    description: "Allows cluster identity to join the nodepool vmss resources to this subnet.",
    principalId: miClusterControlPlanePrincipalId,
    principalType: "ServicePrincipal",
});
const snetPrivateClusterMiClusterControlPlaneNetworkContributorRole_roleAssignment = new authorization.RoleAssignment("snetPrivateClusterMiClusterControlPlaneNetworkContributorRole_roleAssignment", {
    scope: snetPrivateClusterId,
    roleAssignmentName: guid(snetPrivateClusterId, networkContributorRole, miClusterControlPlanePrincipalId),
    roleDefinitionId: networkContributorRole,
    description: "Allows cluster identity to join the private cluster resources to this subnet.",
    principalId: miClusterControlPlanePrincipalId,
    principalType: "ServicePrincipal",
});
const snetClusterIngressServicesMiClusterControlPlaneSecretsUserRole_roleAssignment = new authorization.RoleAssignment("snetClusterIngressServicesMiClusterControlPlaneSecretsUserRole_roleAssignment", {
    scope: snetClusterIngressServicesId,
    roleAssignmentName: guid(snetClusterIngressServicesId, networkContributorRole, miClusterControlPlanePrincipalId),
    roleDefinitionId: networkContributorRole,
    description: "Allows cluster identity to join load balancers (ingress resources) to this subnet.",
    principalId: miClusterControlPlanePrincipalId,
    principalType: "ServicePrincipal",
});
const ndEnsureClusterIdentityHasRbacToSelfManagedResources = [
    vnetMiClusterControlPlaneDnsZoneContributorRole_roleAssignment,
    snetClusterNodesMiClusterControlPlaneNetworkContributorRole_roleAssignment,
    snetPrivateClusterMiClusterControlPlaneNetworkContributorRole_roleAssignment,
    snetClusterIngressServicesMiClusterControlPlaneSecretsUserRole_roleAssignment,
];

// Enabling Azure Key Vault Private Link support.
const pdzKv = new privatedns.PrivateZone("pdzKv", {
    resourceGroupName: rgCluster.name,
    privateZoneName: "privatelink.vaultcore.azure.net",
    location: "global",
});

new privatedns.VirtualNetworkLink("pdzKv_vnetlnk", {
    resourceGroupName: rgCluster.name,
    privateZoneName: pdzKv.name,
    virtualNetworkLinkName: pulumi.interpolate`to_${vnetSpoke.name}`,
    location: "global",
    virtualNetwork: { id: vnetSpoke.id },
    registrationEnabled: false,
});

const peKv = new network.PrivateEndpoint("peKv", {
    resourceGroupName: rgCluster.name,
    privateEndpointName: pulumi.interpolate`pe-${kv.name}`,
    location,
    subnet: { id: snetPrivatelinkendpointsId },
    privateLinkServiceConnections: [{
        name: pulumi.interpolate`to_${vnetSpoke.name}`,
        privateLinkServiceId: kv.id,
        groupIds: ["vault"],
    }],
});

new network.PrivateDnsZoneGroup("peKv_pdnszg", {
    resourceGroupName: rgCluster.name,
    privateEndpointName: peKv.name,
    privateDnsZoneGroupName: "default",
    privateDnsZoneConfigs: [{ name: "privatelink-akv-net", privateDnsZoneId: pdzKv.id }],
});

// Enables AKS Private Link on the virtual network, which enables private access to the cluster's API server.
const pdzMc = new privatedns.PrivateZone("pdzMc", {
    resourceGroupName: rgCluster.name,
    privateZoneName: `privatelink.${location}.azmk8s.io`,
    location: "global",
});

// Enable spoke virtual network private zone DNS lookup for private AKS - used by Azure Firewall's DNS proxy.
new privatedns.VirtualNetworkLink("pdzMc_vnetlnk", {
    resourceGroupName: rgCluster.name,
    privateZoneName: pdzMc.name,
    virtualNetworkLinkName: pulumi.interpolate`to_${vnetSpoke.name}`,
    location: "global",
    virtualNetwork: { id: vnetSpoke.id },
    registrationEnabled: false,
});

// Grant the AKS cluster managed identity to attach custom DNS zone with Private Link information to this virtual network.
const pdzMiClusterControlPlaneDnsZoneContributorRole_roleAssignment = new authorization.RoleAssignment("pdzMiClusterControlPlaneDnsZoneContributorRole_roleAssignment", {
    scope: pdzMc.id,
    roleAssignmentName: guid(pdzMc.id, privateDnsZoneContributorRole, miClusterControlPlane.name),
    roleDefinitionId: privateDnsZoneContributorRole,
    description: "Allows cluster identity to attach custom DNS zone with Private Link information to this virtual network.",
    principalId: miClusterControlPlanePrincipalId,
    principalType: "ServicePrincipal",
});

const pdzAksIngress = new privatedns.PrivateZone("pdzAksIngress", {
    resourceGroupName: rgCluster.name,
    privateZoneName: aksIngressDomainName,
    location: "global",
});

const aksIngressDomainName_bu0001a0008_00 = new privatedns.PrivateRecordSet("aksIngressDomainName_bu0001a0008_00", {
    resourceGroupName: rgCluster.name,
    privateZoneName: pdzAksIngress.name,
    recordType: "A",
    relativeRecordSetName: "bu0001a0008-00",
    ttl: 3600,
    aRecords: [{ ipv4Address: clusterInternalLoadBalancerIpAddress }],
});

new privatedns.VirtualNetworkLink("pdzAksIngress_vnetlnk", {
    resourceGroupName: rgCluster.name,
    privateZoneName: pdzAksIngress.name,
    virtualNetworkLinkName: pulumi.interpolate`to_${vnetSpoke.name}`,
    location: "global",
    virtualNetwork: { id: vnetSpoke.id },
    registrationEnabled: false,
});

/*** modules/policies.bicep: Azure Policy assignments at the cluster resource group ***/

function builtInAssignment(logicalName: string, definitionId: string, builtInName: string, parameters: Record<string, { value: unknown }>, enforcementMode?: string): authorization.PolicyAssignment {
    const def = builtInPolicies[builtInName];
    return new authorization.PolicyAssignment(logicalName, {
        policyAssignmentName: guid(definitionId, rgCluster.id, clusterName),
        location: "global",
        scope: rgCluster.id,
        displayName: take(`[${clusterName}] ${def.displayName}`, 120),
        description: def.description,
        ...(enforcementMode ? { enforcementMode } : {}),
        policyDefinitionId: definitionId,
        parameters,
    });
}

const defaultExclusions = ["kube-system", "gatekeeper-system", "azure-arc"];
const fluxExclusions = [...defaultExclusions, "flux-system"];
const policies: authorization.PolicyAssignment[] = [
    // Constraint Names: K8sAzureAllowedSeccomp, K8sAzureAllowedCapabilities, K8sAzureContainerNoPrivilege, K8sAzureHostNetworkingPorts,
    // K8sAzureVolumeTypes, K8sAzureBlockHostNamespaceV2, K8sAzureAllowedUsersGroups, K8sAzureContainerNoPrivilegeEscalation
    builtInAssignment("paAKSLinuxRestrictive", policySetDefinitionId("42b8ef37-b724-4e24-bbc8-7a7708edfe00"), "42b8ef37-b724-4e24-bbc8-7a7708edfe00", {
        excludedNamespaces: {
            value: [
                "kube-system", "gatekeeper-system", "azure-arc", "flux-system",
                "cluster-baseline-settings",
                // Known violations (K8sAzureAllowedSeccomp, K8sAzureVolumeTypes, K8sAzureAllowedUsersGroups): Traefik, aspnetapp-deployment
                "a0008",
            ],
        },
        effect: { value: "Audit" },
    }),
    // Constraint Name: K8sAzureIngressHttpsOnly
    builtInAssignment("paEnforceHttpsIngress", policyDefinitionId("1a5b4dca-0b6f-4cf5-907c-56316bc1bf3d"), "1a5b4dca-0b6f-4cf5-907c-56316bc1bf3d", {
        excludedNamespaces: { value: [] },
        effect: { value: "Deny" },
    }),
    // Constraint Name: K8sAzureLoadBalancerNoPublicIPs
    builtInAssignment("paEnforceInternalLoadBalancers", policyDefinitionId("3fc4dc25-5baf-40d8-9b05-7fe74c1bc64e"), "3fc4dc25-5baf-40d8-9b05-7fe74c1bc64e", {
        excludedNamespaces: { value: [] },
        effect: { value: "Deny" },
    }),
    // Constraint Name: K8sAzureReadOnlyRootFilesystem
    builtInAssignment("paRoRootFilesystem", policyDefinitionId("df49d893-a74c-421d-bc95-c663042e5b80"), "df49d893-a74c-421d-bc95-c663042e5b80", {
        excludedNamespaces: { value: fluxExclusions },
        excludedContainers: { value: ["aspnet-webapp-sample"] }, // ASP.NET Core does not support read-only root
        effect: { value: "Deny" },
    }),
    // Constraint Name: K8sAzureContainerLimits
    builtInAssignment("paEnforceResourceLimits", policyDefinitionId("e345eecc-fa47-480f-9e88-67dcc122b164"), "e345eecc-fa47-480f-9e88-67dcc122b164", {
        cpuLimit: { value: "500m" }, // traefik-ingress-controller = 200m, aspnet-webapp-sample = 100m
        memoryLimit: { value: "256Mi" }, // aspnet-webapp-sample = 256Mi, traefik-ingress-controller = 128Mi
        excludedNamespaces: { value: fluxExclusions },
        effect: { value: "Deny" },
    }),
    // Constraint Name: K8sAzureContainerAllowedImages
    builtInAssignment("paEnforceImageSource", policyDefinitionId("febd0533-8e55-448f-b837-bd0e06f16469"), "febd0533-8e55-448f-b837-bd0e06f16469", {
        // PRODUCTION READINESS CHANGE REQUIRED: If all images are pulled into your ACR instance you can remove the docker.io entry.
        allowedContainerImagesRegex: { value: `${acrName}\\.azurecr\\.io/.+$|mcr\\.microsoft\\.com/.+$|docker\\.io/library/.+$` },
        excludedNamespaces: { value: defaultExclusions },
        effect: { value: "Deny" },
    }),
    builtInAssignment("paAllowedHostPaths", policyDefinitionId("098fc59e-46c7-4d99-9b16-64990e543d75"), "098fc59e-46c7-4d99-9b16-64990e543d75", {
        excludedNamespaces: { value: fluxExclusions },
        allowedHostPaths: { value: { paths: [] } }, // Setting to empty blocks all host paths
        effect: { value: "Deny" },
    }),
    // Constraint Name: K8sAzureExternalIPs
    builtInAssignment("paAllowedExternalIPs", policyDefinitionId("d46c275d-1680-448d-b2ec-e495a3b6cc89"), "d46c275d-1680-448d-b2ec-e495a3b6cc89", {
        excludedNamespaces: { value: defaultExclusions },
        allowedExternalIPs: { value: [] }, // None allowed, internal load balancer IP only supported.
        effect: { value: "Deny" },
    }),
    // Constraint Name: K8sAzureBlockEndpointEditDefaultRole (CVE-2021-25740)
    builtInAssignment("paDisallowEndpointEditPermissions", policyDefinitionId("1ddac26b-ed48-4c30-8cc5-3a68c79b8001"), "1ddac26b-ed48-4c30-8cc5-3a68c79b8001", {
        excludedNamespaces: { value: defaultExclusions },
        effect: { value: "Audit" }, // As of 1.0.1, there is no Deny.
    }),
    // Constraint Name: K8sAzureBlockDefault
    builtInAssignment("paDisallowNamespaceUsage", policyDefinitionId("9f061a12-e40d-4183-a00e-171812443373"), "9f061a12-e40d-4183-a00e-171812443373", {
        excludedNamespaces: { value: defaultExclusions },
        namespaces: { value: ["default"] },
        effect: { value: "Audit" },
    }),
    builtInAssignment("paDefenderInClusterEnabled", policyDefinitionId("a1840de2-8088-4ea8-b153-b4c723e9cb01"), "a1840de2-8088-4ea8-b153-b4c723e9cb01", {
        effect: { value: "Audit" },
    }),
    builtInAssignment("paMicrosoftEntraIdIntegrationEnabled", policyDefinitionId("450d2877-ebea-41e8-b00c-e286317d21bf"), "450d2877-ebea-41e8-b00c-e286317d21bf", {
        effect: { value: "Audit" },
    }),
    builtInAssignment("paLocalAuthDisabled", policyDefinitionId("993c2fcd-2b29-49d2-9eb0-df2c3a730c32"), "993c2fcd-2b29-49d2-9eb0-df2c3a730c32", {
        effect: { value: "Deny" },
    }),
    builtInAssignment("paAzurePolicyEnabled", policyDefinitionId("0a15ec92-a229-4763-bb14-0ea34a568f8d"), "0a15ec92-a229-4763-bb14-0ea34a568f8d", {
        effect: { value: "Audit" },
    }),
    builtInAssignment("paAuthorizedIpRangesDefined", policyDefinitionId("0e246bcf-5f6f-4f87-bc6f-775d4712c7ea"), "0e246bcf-5f6f-4f87-bc6f-775d4712c7ea", {
        effect: { value: "Audit" },
    }),
    builtInAssignment("paOldKubernetesDisabled", policyDefinitionId("fb893a29-21bb-418c-a157-e99480ec364c"), "fb893a29-21bb-418c-a157-e99480ec364c", {
        effect: { value: "Audit" },
    }),
    builtInAssignment("paRbacEnabled", policyDefinitionId("ac4a19c2-fa67-49b4-8ae5-0b2e78c49457"), "ac4a19c2-fa67-49b4-8ae5-0b2e78c49457", {
        effect: { value: "Audit" },
    }),
    builtInAssignment("paManagedIdentitiesEnabled", policyDefinitionId("da6e2401-19da-4532-9141-fb8fbde08431"), "da6e2401-19da-4532-9141-fb8fbde08431", {
        effect: { value: "Audit" },
    }),
];

// modules/policy-K8sCustomIngressTlsHostsHaveDefinedDomainSuffix.bicep (targetScope = 'subscription')
const pdK8sCustomIngressTlsHostsHaveDefinedDomainSuffix = new authorization.PolicyDefinition("pdK8sCustomIngressTlsHostsHaveDefinedDomainSuffix", {
    policyDefinitionName: "K8sCustomIngressTlsHostsHaveDefinedDomainSuffix",
    policyType: "Custom",
    mode: "Microsoft.Kubernetes.Data",
    displayName: "Kubernetes cluster ingress TLS hosts must have defined domain suffix",
    description: "Kubernetes cluster ingress TLS hosts must have defined domain suffix",
    policyRule: customIngressTlsPolicyRule,
    parameters: customIngressTlsPolicyParameters,
});

policies.push(new authorization.PolicyAssignment("paK8sIngressTlsHostsHaveSpecificDomainSuffix", {
    policyAssignmentName: guid("K8sCustomIngressTlsHostsHaveDefinedDomainSuffix", rgCluster.id, clusterName),
    location: "global",
    scope: rgCluster.id,
    displayName: pdK8sCustomIngressTlsHostsHaveDefinedDomainSuffix.displayName.apply(n => `[${clusterName}] ${n ?? "Kubernetes cluster ingress TLS hosts must have defined domain suffix"}`.slice(0, 120)),
    description: pdK8sCustomIngressTlsHostsHaveDefinedDomainSuffix.description,
    policyDefinitionId: pdK8sCustomIngressTlsHostsHaveDefinedDomainSuffix.id,
    parameters: {
        excludedNamespaces: { value: [] },
        effect: { value: "deny" },
        allowedDomainSuffixes: { value: [domainName] },
    },
}));

/*** The AKS cluster ***/

const nodeResourceGroupName = `rg-${clusterName}-nodepools`;

const mc = new containerservice.ManagedCluster("mc", {
    resourceGroupName: rgCluster.name,
    resourceName: clusterName,
    location,
    tags: {
        "Business unit": "BU0001",
        "Application identifier": "a0008",
    },
    kubernetesVersion,
    dnsPrefix,
    agentPoolProfiles: [
        {
            name: "npsystem",
            count: 3,
            vmSize: "Standard_D2d_v5",
            osDiskSizeGB: 64,
            osDiskType: "Ephemeral",
            osType: "Linux",
            osSKU: "AzureLinux",
            minCount: 3,
            maxCount: 4,
            vnetSubnetID: snetClusterNodesId,
            enableAutoScaling: true,
            enableFIPS: false,
            enableEncryptionAtHost: false,
            type: "VirtualMachineScaleSets",
            mode: "System",
            scaleSetPriority: "Regular",
            scaleSetEvictionPolicy: "Delete",
            orchestratorVersion: kubernetesVersion,
            enableNodePublicIP: false,
            maxPods: 30,
            availabilityZones: ["1", "2", "3"],
            upgradeSettings: { maxSurge: "33%" },
            nodeTaints: ["CriticalAddonsOnly=true:NoSchedule"],
        },
        {
            name: "npuser01",
            count: 2,
            vmSize: "Standard_D4d_v5",
            osDiskSizeGB: 120,
            osDiskType: "Ephemeral",
            osType: "Linux",
            osSKU: "AzureLinux",
            minCount: 2,
            maxCount: 5,
            vnetSubnetID: snetClusterNodesId,
            enableAutoScaling: true,
            enableFIPS: false,
            enableEncryptionAtHost: false,
            type: "VirtualMachineScaleSets",
            mode: "User",
            scaleSetPriority: "Regular",
            scaleSetEvictionPolicy: "Delete",
            orchestratorVersion: kubernetesVersion,
            enableNodePublicIP: false,
            maxPods: 30,
            availabilityZones: ["1", "2", "3"],
            upgradeSettings: { maxSurge: "33%" },
        },
    ],
    servicePrincipalProfile: { clientId: "msi" },
    addonProfiles: {
        httpApplicationRouting: { enabled: false },
        ingressApplicationGateway: { enabled: false },
        omsagent: {
            enabled: true,
            config: { logAnalyticsWorkspaceResourceId: la.id, useAADAuth: "true" },
        },
        aciConnectorLinux: { enabled: false },
        azurepolicy: { enabled: true, config: { version: "v2" } },
        openServiceMesh: { enabled: false },
        kubeDashboard: { enabled: false },
        azureKeyvaultSecretsProvider: { enabled: true, config: { enableSecretRotation: "false" } },
    },
    nodeResourceGroup: nodeResourceGroupName,
    enableRBAC: true,
    // enablePodSecurityPolicy: false -- not in the azure-native v3 API version (see header)
    networkProfile: {
        networkPlugin: "azure",
        networkPluginMode: "overlay",
        podCidr: "192.168.0.0/16",
        networkPolicy: "azure",
        outboundType: "userDefinedRouting",
        loadBalancerSku: "standard",
        // loadBalancerProfile: null
        serviceCidr: "172.16.0.0/16",
        dnsServiceIP: "172.16.0.10",
    },
    aadProfile: {
        managed: true,
        enableAzureRBAC: isUsingAzureRBACasKubernetesRBAC,
        adminGroupObjectIDs: !isUsingAzureRBACasKubernetesRBAC ? [clusterAdminMicrosoftEntraGroupObjectId] : [],
        tenantID: k8sControlPlaneAuthorizationTenantId,
    },
    autoScalerProfile: {
        balanceSimilarNodeGroups: "false",
        expander: "random",
        maxEmptyBulkDelete: "10",
        maxGracefulTerminationSec: "600",
        maxNodeProvisionTime: "15m",
        maxTotalUnreadyPercentage: "45",
        newPodScaleUpDelay: "0s",
        okTotalUnreadyCount: "3",
        scaleDownDelayAfterAdd: "10m",
        scaleDownDelayAfterDelete: "20s",
        scaleDownDelayAfterFailure: "3m",
        scaleDownUnneededTime: "10m",
        scaleDownUnreadyTime: "20m",
        scaleDownUtilizationThreshold: "0.5",
        scanInterval: "10s",
        skipNodesWithLocalStorage: "true",
        skipNodesWithSystemPods: "true",
    },
    apiServerAccessProfile: {
        // IP authorized ranges can't be applied to the private API server endpoint, they only apply to the public API server.
        authorizedIPRanges: clusterAuthorizedIPRanges,
        enablePrivateClusterPublicFQDN: true,
        enablePrivateCluster: true,
        enableVnetIntegration: true,
        privateDNSZone: pdzMc.id,
        subnetId: snetPrivateClusterId,
        disableRunCommand: true,
    },
    podIdentityProfile: { enabled: false }, // Using Microsoft Entra Workload IDs for pod identities.
    autoUpgradeProfile: {
        nodeOSUpgradeChannel: "NodeImage",
        upgradeChannel: "none",
    },
    azureMonitorProfile: {
        metrics: {
            enabled: true,
            kubeStateMetrics: {
                metricAnnotationsAllowList: "",
                metricLabelsAllowlist: "",
            },
        },
    },
    storageProfile: { // By default, do not support native state storage, enable as needed to support workloads that require state
        blobCSIDriver: { enabled: false },
        diskCSIDriver: { enabled: false },
        fileCSIDriver: { enabled: false },
        snapshotController: { enabled: false },
    },
    workloadAutoScalerProfile: {
        keda: { enabled: false },
    },
    disableLocalAccounts: true,
    securityProfile: {
        workloadIdentity: { enabled: true },
        imageCleaner: { enabled: true, intervalHours: 120 }, // 5 days
        azureKeyVaultKms: { enabled: false }, // Not enabled in the this deployment, as it is not used. Enable as needed.
        // nodeRestriction: { enabled: true } -- not in the azure-native v3 API version (see header)
        defender: {
            logAnalyticsWorkspaceResourceId: la.id,
            securityMonitoring: { enabled: true },
        },
    },
    oidcIssuerProfile: { enabled: true },
    ingressProfile: {
        webAppRouting: { enabled: false },
    },
    identity: {
        type: "UserAssigned",
        userAssignedIdentities: [miClusterControlPlane.id],
    },
    sku: { name: "Base", tier: "Standard" },
}, {
    dependsOn: [
        sci,
        ...ndEnsureClusterIdentityHasRbacToSelfManagedResources,
        pdzMiClusterControlPlaneDnsZoneContributorRole_roleAssignment,
        // Policies that we need in place before the cluster is deployed or pods are deployed to it.
        ...policies,
        dcr,
        peKv,
        kvPodMiIngressControllerKeyVaultReader_roleAssignment,
        kvPodMiIngressControllerSecretsUserRole_roleAssignment,
    ],
});

new containerservice.MaintenanceConfiguration("mc_os_maintenanceConfigurations", {
    resourceGroupName: rgCluster.name,
    resourceName: mc.name,
    configName: "aksManagedNodeOSUpgradeSchedule",
    maintenanceWindow: {
        durationHours: 12,
        schedule: { weekly: { dayOfWeek: "Tuesday", intervalWeeks: 1 } },
        startTime: "21:00",
    },
});

const kubeletObjectId = mc.identityProfile.apply(p => p?.["kubeletidentity"]?.objectId ?? "");

// Workload identity service account federation (podmiIngressController::federatedCreds)
new managedidentity.FederatedIdentityCredential("podmiIngressController_federatedCreds", {
    resourceGroupName: rgCluster.name,
    resourceName: podmiIngressController.name,
    federatedIdentityCredentialResourceName: "ingress-controller",
    issuer: computed(mc.oidcIssuerProfile.apply(p => p?.issuerURL), `https://${location}.oic.prod-aks.azure.com/${tenantId}/00000000-0000-0000-0000-0000000000f1/`),
    subject: "system:serviceaccount:a0008:traefik-ingress-controller",
    audiences: ["api://AzureADTokenExchange"],
});

// Associate a data collection rule to the AKS Cluster
new monitor.DataCollectionRuleAssociation("dcrAssociation", {
    associationName: `MSProm-${location}-${clusterName}`,
    resourceUri: mc.id,
    dataCollectionRuleId: dcr.id,
});

// A data collection rule that collects ContainerInsights logs and configures Log Analytics as destination
const containerInsightsStreams = [
    "Microsoft-ContainerLogV2", "Microsoft-KubeEvents", "Microsoft-KubePodInventory", "Microsoft-KubeNodeInventory",
    "Microsoft-KubePVInventory", "Microsoft-KubeServices", "Microsoft-KubeMonAgentEvents", "Microsoft-InsightsMetrics",
    "Microsoft-ContainerInventory", "Microsoft-ContainerNodeInventory", "Microsoft-Perf",
];
const dcrContainerInsights = new monitor.DataCollectionRule("dcrContainerInsights", {
    resourceGroupName: rgCluster.name,
    dataCollectionRuleName: pulumi.interpolate`MSCI-${location}-${mc.name}`,
    kind: "Linux",
    location,
    dataSources: {
        syslog: [{
            name: "sysLogsDataSource",
            streams: ["Microsoft-Syslog"],
            facilityNames: ["auth", "authpriv", "cron", "daemon", "mark", "kern", "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7", "lpr", "mail", "news", "syslog", "user", "uucp"],
            logLevels: ["Info"],
        }],
        extensions: [{
            name: "ContainerInsightsExtension",
            streams: containerInsightsStreams,
            extensionSettings: {
                dataCollectionSettings: {
                    interval: "1m",
                    namespaceFilteringMode: "Exclude",
                    namespaces: ["kube-system", "gatekeeper-system"],
                    enableContainerLogV2: true,
                },
            },
            extensionName: "ContainerInsights",
        }],
    },
    destinations: {
        logAnalytics: [{ workspaceResourceId: la.id, name: la.name }],
    },
    dataFlows: [
        { streams: ["Microsoft-Syslog"], destinations: [la.name] },
        { streams: containerInsightsStreams, destinations: [la.name] },
    ],
});

new monitor.DiagnosticSetting("dcrContainerInsights_diagnosticSettings", {
    name: "default",
    resourceUri: dcrContainerInsights.id,
    workspaceId: la.id,
    logs: [{ category: "LogErrors", enabled: true, retentionPolicy: { enabled: false, days: 0 } }],
});

// Associate DCR for ContainerInsights to the AKS Cluster
new monitor.DataCollectionRuleAssociation("dcraContainerInsights", {
    associationName: `MSCI-${location}-${clusterName}`,
    resourceUri: mc.id,
    dataCollectionRuleId: dcrContainerInsights.id,
});

/*** modules/alerts.bicep ***/

const kubernetesAlertRuleGroupName = pulumi.interpolate`KubernetesAlert-RecommendedMetricAlerts${mc.name}`;
const kubernetesAlertRuleGroupDescription = "Kubernetes Alert RuleGroup-RecommendedMetricAlerts - 0.1";

new monitor.ActivityLogAlert("alaRgRecommendations", {
    resourceGroupName: rgCluster.name,
    activityLogAlertName: "AllAzureAdvisorAlert",
    location: "Global",
    scopes: [rgCluster.id],
    condition: {
        allOf: [
            { field: "category", equals: "Recommendation" },
            { field: "operationName", equals: "Microsoft.Advisor/recommendations/available/action" },
        ],
    },
    actions: { actionGroups: [] },
    enabled: true,
    description: "All azure advisor alerts",
}, { dependsOn: [sci, amw] });

for (const [suffix, rules] of [["Pod-level", podLevelRules], ["Node-level", nodeLevelRules], ["Cluster-level", clusterLevelRules]] as const) {
    new alertsmanagement.PrometheusRuleGroup(`kubernetesAlertRuleGroupName_${suffix.replace("-", "_")}`, {
        resourceGroupName: rgCluster.name,
        ruleGroupName: pulumi.interpolate`${kubernetesAlertRuleGroupName}-${suffix}`,
        location,
        description: kubernetesAlertRuleGroupDescription,
        scopes: [amw.id, mc.id],
        clusterName: mc.name,
        interval: "PT1M",
        rules,
    }, { dependsOn: [sci, amw] });
}

new monitor.ScheduledQueryRule("sqrPodFailed", {
    resourceGroupName: rgCluster.name,
    ruleName: "PodFailedScheduledQuery",
    location,
    autoMitigate: true,
    displayName: `[${clusterName}] Scheduled Query for Pod Failed Alert`,
    description: "Alert on pod Failed phase.",
    severity: 3,
    enabled: true,
    scopes: [la.id],
    evaluationFrequency: "PT5M",
    windowSize: "PT10M",
    criteria: {
        allOf: [{
            query: podFailedQuery(clusterName),
            metricMeasureColumn: "AggregatedValue",
            operator: "GreaterThan",
            threshold: 3,
            timeAggregation: "Average",
            failingPeriods: { minFailingPeriodsToAlert: 2, numberOfEvaluationPeriods: 2 },
        }],
    },
}, { dependsOn: [sci, amw] });

/*** Role assignments on the cluster ***/

const acrKubeletAcrPullRole_roleAssignment = new authorization.RoleAssignment("acrKubeletAcrPullRole_roleAssignment", {
    scope: acr.id,
    roleAssignmentName: guid(mc.id, acrPullRole),
    roleDefinitionId: acrPullRole,
    description: "Allows AKS to pull container images from this ACR instance.",
    principalId: kubeletObjectId,
    principalType: "ServicePrincipal",
});

if (isUsingAzureRBACasKubernetesRBAC) {
    new authorization.RoleAssignment("mcMicrosoftEntraAdminGroupClusterAdminRole_roleAssignment", {
        scope: mc.id,
        roleAssignmentName: guid("microsoft-entra-admin-group", mc.id, clusterAdminMicrosoftEntraGroupObjectId),
        roleDefinitionId: clusterAdminRole,
        description: "Members of this group are cluster admins of this cluster.",
        principalId: clusterAdminMicrosoftEntraGroupObjectId,
        principalType: "Group",
    });

    new authorization.RoleAssignment("mcMicrosoftEntraAdminGroupServiceClusterUserRole_roleAssignment", {
        scope: mc.id,
        roleAssignmentName: guid("microsoft-entra-admin-group-sc", mc.id, clusterAdminMicrosoftEntraGroupObjectId),
        roleDefinitionId: serviceClusterUserRole,
        description: "Members of this group are cluster users of this cluster.",
        principalId: clusterAdminMicrosoftEntraGroupObjectId,
        principalType: "Group",
    });
}

if (isUsingAzureRBACasKubernetesRBAC && a0008NamespaceReaderMicrosoftEntraGroupObjectId !== "" && a0008NamespaceReaderMicrosoftEntraGroupObjectId !== clusterAdminMicrosoftEntraGroupObjectId) {
    // scope: nsA0008 (Microsoft.ContainerService/managedClusters/namespaces 'a0008', an existing child of mc)
    new authorization.RoleAssignment("maMicrosoftEntraA0008ReaderGroupClusterReaderRole_roleAssignment", {
        scope: pulumi.interpolate`${mc.id}/namespaces/a0008`,
        roleAssignmentName: guid("microsoft-entra-a0008-reader-group", mc.id, a0008NamespaceReaderMicrosoftEntraGroupObjectId),
        roleDefinitionId: clusterReaderRole,
        description: "Members of this group are readers of the a0008 namespace in this cluster.",
        principalId: a0008NamespaceReaderMicrosoftEntraGroupObjectId,
        principalType: "Group",
    });

    new authorization.RoleAssignment("maMicrosoftEntraA0008ReaderGroupServiceClusterUserRole_roleAssignment", {
        scope: mc.id,
        roleAssignmentName: guid("microsoft-entra-a0008-reader-group-sc", mc.id, a0008NamespaceReaderMicrosoftEntraGroupObjectId),
        roleDefinitionId: serviceClusterUserRole,
        description: "Members of this group are cluster users of this cluster.",
        principalId: a0008NamespaceReaderMicrosoftEntraGroupObjectId,
        principalType: "Group",
    });
}

new monitor.DiagnosticSetting("mc_diagnosticSettings", {
    name: "default",
    resourceUri: mc.id,
    workspaceId: la.id,
    logs: [
        { category: "cluster-autoscaler", enabled: true },
        { category: "kube-controller-manager", enabled: true },
        { category: "kube-audit-admin", enabled: true },
        { category: "guard", enabled: true },
        // Only enable while tuning or triaging issues with scheduling.
        { category: "kube-scheduler", enabled: false },
    ],
});

// Ensures that flux add-on (extension) is installed.
const mcFlux_extension = new kubernetesconfiguration.Extension("mcFlux_extension", {
    resourceGroupName: rgCluster.name,
    clusterRp: "Microsoft.ContainerService",
    clusterResourceName: "managedClusters",
    clusterName: mc.name,
    extensionName: "flux",
    extensionType: "microsoft.flux",
    autoUpgradeMinorVersion: true,
    releaseTrain: "Stable",
    scope: { cluster: { releaseNamespace: "flux-system" } },
    configurationSettings: {
        "helm-controller.enabled": "false",
        "source-controller.enabled": "true",
        "kustomize-controller.enabled": "true",
        "notification-controller.enabled": "false",
        "image-automation-controller.enabled": "false",
        "image-reflector-controller.enabled": "false",
    },
    configurationProtectedSettings: {},
}, { dependsOn: [acrKubeletAcrPullRole_roleAssignment] });

// Bootstraps your cluster using content from your repo.
new kubernetesconfiguration.FluxConfiguration("mc_fluxConfiguration", {
    resourceGroupName: rgCluster.name,
    clusterRp: "Microsoft.ContainerService",
    clusterResourceName: "managedClusters",
    clusterName: mc.name,
    fluxConfigurationName: "bootstrap",
    scope: "cluster",
    namespace: "flux-system",
    sourceKind: "GitRepository",
    gitRepository: {
        url: gitOpsBootstrappingRepoHttpsUrl,
        timeoutInSeconds: 180,
        syncIntervalInSeconds: 300,
        repositoryRef: { branch: gitOpsBootstrappingRepoBranch }, // tag, semver, commit: null
        sshKnownHosts: "",
        // httpsUser, httpsCACert, localAuthRef: null
    },
    kustomizations: {
        unified: {
            path: "./cluster-manifests",
            dependsOn: [],
            timeoutInSeconds: 300,
            syncIntervalInSeconds: 300,
            retryIntervalInSeconds: 300,
            prune: true,
            force: false,
        },
    },
}, { dependsOn: [mcFlux_extension, acrKubeletAcrPullRole_roleAssignment] });

// modules/role-assignment-EnsureClusterUserAssignedHasRbacToManageVMSS.bicep (scope: the AKS-created node resource group)
const nodeResourceGroupId = `/subscriptions/${subscriptionId}/resourceGroups/${nodeResourceGroupName}`;
new authorization.RoleAssignment("ndEnsureClusterUserAssignedHasRbacToManageVMSS", {
    scope: nodeResourceGroupId,
    roleAssignmentName: guid(nodeResourceGroupId, virtualMachineContributorRole),
    roleDefinitionId: virtualMachineContributorRole,
    principalId: kubeletObjectId,
    principalType: "ServicePrincipal",
});

const st = new eventgrid.SystemTopic("st", {
    resourceGroupName: rgCluster.name,
    systemTopicName: clusterName,
    location,
    source: mc.id,
    topicType: "Microsoft.ContainerService.ManagedClusters",
});

new monitor.DiagnosticSetting("st_diagnosticSettings", {
    name: "default",
    resourceUri: st.id,
    workspaceId: la.id,
    logs: [{ category: "DeliveryFailures", enabled: true }],
    metrics: [{ category: "AllMetrics", enabled: true }],
});

const wafPolicy = new network.WebApplicationFirewallPolicy("wafPolicy", {
    resourceGroupName: rgCluster.name,
    policyName: `waf-${clusterName}`,
    location,
    policySettings: { fileUploadLimitInMb: 10, state: "Enabled", mode: "Prevention" },
    managedRules: {
        managedRuleSets: [
            { ruleSetType: "OWASP", ruleSetVersion: "3.2", ruleGroupOverrides: [] },
            { ruleSetType: "Microsoft_BotManagerRuleSet", ruleSetVersion: "1.0", ruleGroupOverrides: [] },
        ],
    },
});

// resourceId('Microsoft.Network/applicationGateways/<child>', agwName, name): the gateway's own sub-resources
const agwId = `/subscriptions/${subscriptionId}/resourceGroups/rg-bu0001a0008/providers/Microsoft.Network/applicationGateways/${agwName}`;
const secretUri = (s: keyvault.Secret, name: string) => computed(s.properties.apply(p => p.secretUri), `https://kv-${clusterName}.vault.azure.net/secrets/${name}`);

const agw = new network.ApplicationGateway("agw", {
    resourceGroupName: rgCluster.name,
    applicationGatewayName: agwName,
    location,
    identity: {
        type: "UserAssigned",
        userAssignedIdentities: [miAppGatewayFrontend.id],
    },
    zones: ["1", "2", "3"], // pickZones('Microsoft.Network', 'applicationGateways', location, 3)
    sku: { name: "WAF_v2", tier: "WAF_v2" },
    sslPolicy: {
        policyType: "Custom",
        cipherSuites: ["TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"],
        minProtocolVersion: "TLSv1_2",
    },
    trustedRootCertificates: [{
        name: "root-cert-wildcard-aks-ingress",
        keyVaultSecretId: secretUri(kvsAppGwIngressInternalAksIngressTls, "appgw-ingress-internal-aks-ingress-tls"),
    }],
    gatewayIPConfigurations: [{ name: "apw-ip-configuration", subnet: { id: snetApplicationGatewayId } }],
    frontendIPConfigurations: [{ name: "apw-frontend-ip-configuration", publicIPAddress: { id: pipPrimaryClusterIp.id } }],
    frontendPorts: [{ name: "port-443", port: 443 }],
    autoscaleConfiguration: { minCapacity: 0, maxCapacity: 10 },
    firewallPolicy: { id: wafPolicy.id },
    enableHttp2: false,
    sslCertificates: [{
        name: `${agwName}-ssl-certificate`,
        keyVaultSecretId: secretUri(kvsGatewayExternalCert, "gateway-external-pfx-cert"),
    }],
    probes: [{
        name: `probe-${aksBackendDomainName}`,
        protocol: "Https",
        path: "/favicon.ico",
        interval: 30,
        timeout: 30,
        unhealthyThreshold: 3,
        pickHostNameFromBackendHttpSettings: true,
        minServers: 0,
        match: {},
    }],
    backendAddressPools: [{ name: aksBackendDomainName, backendAddresses: [{ fqdn: aksBackendDomainName }] }],
    backendHttpSettingsCollection: [{
        name: "aks-ingress-backendpool-httpsettings",
        port: 443,
        protocol: "Https",
        cookieBasedAffinity: "Disabled",
        pickHostNameFromBackendAddress: true,
        requestTimeout: 20,
        probe: { id: `${agwId}/probes/probe-${aksBackendDomainName}` },
        trustedRootCertificates: [{ id: `${agwId}/trustedRootCertificates/root-cert-wildcard-aks-ingress` }],
    }],
    httpListeners: [{
        name: "listener-https",
        frontendIPConfiguration: { id: `${agwId}/frontendIPConfigurations/apw-frontend-ip-configuration` },
        frontendPort: { id: `${agwId}/frontendPorts/port-443` },
        protocol: "Https",
        sslCertificate: { id: `${agwId}/sslCertificates/${agwName}-ssl-certificate` },
        hostName: `bicycle.${domainName}`,
        hostNames: [],
        requireServerNameIndication: true,
    }],
    requestRoutingRules: [{
        name: "apw-routing-rules",
        priority: 100,
        ruleType: "Basic",
        httpListener: { id: `${agwId}/httpListeners/listener-https` },
        backendAddressPool: { id: `${agwId}/backendAddressPools/${aksBackendDomainName}` },
        backendHttpSettings: { id: `${agwId}/backendHttpSettingsCollection/aks-ingress-backendpool-httpsettings` },
    }],
}, { dependsOn: [peKv, kvMiAppGatewayFrontendKeyVaultReader_roleAssignment, kvMiAppGatewayFrontendSecretsUserRole_roleAssignment] });

new monitor.DiagnosticSetting("agwdiagnosticSettings", {
    name: "default",
    resourceUri: agw.id,
    workspaceId: la.id,
    logs: [
        { category: "ApplicationGatewayAccessLog", enabled: true },
        { category: "ApplicationGatewayPerformanceLog", enabled: true },
        { category: "ApplicationGatewayFirewallLog", enabled: true },
    ],
});

// output ilbIpAddress = pdzAksIngress::aksIngressDomainName_bu0001a0008_00.properties.aRecords[0].ipv4Address
const ilbIpAddress = aksIngressDomainName_bu0001a0008_00.aRecords.apply(r => r?.[0]?.ipv4Address ?? clusterInternalLoadBalancerIpAddress);

/*** IN-CLUSTER: cluster-manifests/ (applied by Flux: kustomization 'unified', path ./cluster-manifests) ***/

// cluster-manifests/a0008/ns-a0008.yaml
new k8s.core.v1.Namespace("ns-a0008", {
    metadata: { name: "a0008" },
});

// cluster-manifests/cluster-baseline-settings/ns-cluster-baseline-settings.yaml
new k8s.core.v1.Namespace("ns-cluster-baseline-settings", {
    metadata: { name: "cluster-baseline-settings" },
});

// cluster-manifests/a0008/ingress-network-policy.yaml
new k8s.networking.v1.NetworkPolicy("allow-only-ingress-to-workload", {
    metadata: { name: "allow-only-ingress-to-workload", namespace: "a0008" },
    spec: {
        podSelector: { matchLabels: { "app.kubernetes.io/name": "aspnetapp" } },
        ingress: [{
            from: [{
                namespaceSelector: {},
                podSelector: {
                    matchLabels: {
                        "app.kubernetes.io/name": "traefik-ingress-ilb",
                        "app.kubernetes.io/instance": "traefik-ingress-ilb",
                    },
                },
            }],
        }],
    },
});

// cluster-manifests/kube-system/*.yaml
new k8s.core.v1.ConfigMap("ama-metrics-prometheus-config", {
    metadata: { name: "ama-metrics-prometheus-config", namespace: "kube-system" },
    data: amaMetricsPrometheusConfigData,
});
new k8s.core.v1.ConfigMap("ama-metrics-prometheus-config-node", {
    metadata: { name: "ama-metrics-prometheus-config-node", namespace: "kube-system" },
    data: amaMetricsPrometheusConfigNodeData,
});
new k8s.core.v1.ConfigMap("ama-metrics-settings-configmap", {
    metadata: { name: "ama-metrics-settings-configmap", namespace: "kube-system" },
    data: amaMetricsSettingsData,
});
new k8s.core.v1.ConfigMap("container-azm-ms-agentconfig", {
    metadata: { name: "container-azm-ms-agentconfig", namespace: "kube-system" },
    data: containerAzmMsAgentConfigData,
});

/*** IN-CLUSTER: docs/deploy/09-secret-management-and-ingress-controller.md (kubectl create) ***/

new k8s.apiextensions.CustomResource("aks-ingress-tls-secret-csi-akv", {
    apiVersion: "secrets-store.csi.x-k8s.io/v1",
    kind: "SecretProviderClass",
    metadata: { name: "aks-ingress-tls-secret-csi-akv", namespace: "a0008" },
    spec: {
        provider: "azure",
        parameters: {
            clientID: podmiIngressControllerClientId,
            usePodIdentity: "false",
            useVMManagedIdentity: "false",
            keyvaultName: kv.name,
            objects: [
                "array:",
                "  - |",
                "    objectName: traefik-ingress-internal-aks-ingress-tls",
                "    objectAlias: tls.crt",
                "    objectType: cert",
                "  - |",
                "    objectName: traefik-ingress-internal-aks-ingress-tls",
                "    objectAlias: tls.key",
                "    objectType: secret",
                "",
            ].join("\n"),
            tenantID: tenantId,
        },
    },
});

/*** IN-CLUSTER: workload/traefik.yaml (kubectl create -f, with the ILB IP substituted by sed) ***/

const traefikLabels = {
    "app.kubernetes.io/name": "traefik-ingress-ilb",
    "app.kubernetes.io/instance": "traefik-ingress-ilb",
};

new k8s.core.v1.ServiceAccount("traefik-ingress-controller", {
    metadata: { name: "traefik-ingress-controller", namespace: "a0008", labels: traefikLabels },
});

new k8s.rbac.v1.ClusterRole("traefik-ingress-controller", {
    // The manifest sets metadata.namespace on this cluster-scoped object; kept as written.
    metadata: { name: "traefik-ingress-controller", namespace: "a0008", labels: traefikLabels },
    rules: [
        { apiGroups: [""], resources: ["services", "secrets", "nodes", "configmaps"], verbs: ["get", "list", "watch"] },
        { apiGroups: ["discovery.k8s.io"], resources: ["endpointslices"], verbs: ["list", "watch"] },
        { apiGroups: ["extensions", "networking.k8s.io"], resources: ["ingresses", "ingressclasses"], verbs: ["get", "list", "watch"] },
        { apiGroups: ["extensions", "networking.k8s.io"], resources: ["ingresses/status"], verbs: ["update"] },
        {
            apiGroups: ["traefik.io"],
            resources: ["middlewares", "middlewaretcps", "ingressroutes", "traefikservices", "ingressroutetcps", "ingressrouteudps", "tlsoptions", "tlsstores", "serverstransports", "serverstransporttcps"],
            verbs: ["get", "list", "watch"],
        },
    ],
});

new k8s.rbac.v1.ClusterRoleBinding("traefik-ingress-controller", {
    metadata: { name: "traefik-ingress-controller", namespace: "a0008", labels: traefikLabels },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "traefik-ingress-controller" },
    subjects: [{ kind: "ServiceAccount", name: "traefik-ingress-controller", namespace: "a0008" }],
});

new k8s.core.v1.ConfigMap("traefik-ingress-config", {
    metadata: { name: "traefik-ingress-config", namespace: "a0008", labels: traefikLabels },
    data: {
        "traefik.toml": `[metrics]
  [metrics.prometheus]
    entryPoint = "metrics"
    addEntryPointsLabels = true
    addServicesLabels = true
[accessLog]
  filePath = "/data/access.log"
  bufferingSize = 100
[global]
  # prevent Traefik from checking newer versions in production
  checknewversion = false
  # prevent Traefik from collecting and sending stats from production
  sendanonymoususage = false
[log]
  level = "ERROR"
  format = "json"
[api]
  dashboard = false
[providers]
  # Configuration reload frequency:
  #   * duration that Traefik waits for, after a configuration reload, before taking into account any new configuration refresh event
  #   * the most recent one is taken into account, and all the previous others are dropped.
  providersThrottleDuration = 10
  [providers.file]
    filename = "/config/traefik.toml"
    watch = true
  # Traefik provider that supports the native Kubernetes Ingress specification
  # and derives the corresponding dynamic configuration from it. https://kubernetes.io/docs/concepts/services-networking/ingress/
  [providers.kubernetesingress]
    ingressClass = "traefik-internal"
    namespaces = ["a0008"]
    [providers.kubernetesIngress.ingressEndpoint]
      publishedService = "a0008/traefik-ingress-service"
# Enable gzip compression
[http.middlewares]
  [http.middlewares.gzip-compress.compress]
  [http.middlewares.app-gateway-snet.ipWhiteList]
    sourceRange = ["10.240.5.0/24"]
[entryPoints]
  [entryPoints.metrics]
    address = ":8082"
  [entryPoints.traefik]
    address = ":9000"
  [entryPoints.websecure]
    address = ":8443"
    [entryPoints.websecure.forwardedHeaders]
      trustedIPs = ["10.240.5.0/24"]
    [entryPoints.websecure.http.tls]
      options = "default"
[ping]
  entryPoint = "traefik"
[tls]
  # without duplicating this cert config and with SNI enabled, Traefik won't
  # find the certificates for your host. It may be a Traefik's issue.
  [[tls.certificates]]
    certFile = "/certs/tls.crt"
    keyFile = "/certs/tls.key"
    stores = ["default"]
  [tls.stores]
    [tls.stores.default]
      [tls.stores.default.defaultCertificate]
        # without specifying in here your certs, Traefik will create its own
        # certificate
        certFile = "/certs/tls.crt"
        keyFile = "/certs/tls.key"
  [tls.options.default]
    minVersion = "VersionTLS12"
    sniStrict = true
`,
    },
});

new k8s.core.v1.Service("traefik-ingress-service", {
    metadata: {
        name: "traefik-ingress-service",
        namespace: "a0008",
        labels: traefikLabels,
        annotations: {
            "service.beta.kubernetes.io/azure-load-balancer-internal": "true",
            "service.beta.kubernetes.io/azure-load-balancer-internal-subnet": "snet-clusteringressservices",
        },
    },
    spec: {
        type: "LoadBalancer",
        loadBalancerIP: ilbIpAddress, // <ingress-controller-ilb-ipv4-address>, from the cluster-stamp output ilbIpAddress
        externalTrafficPolicy: "Local",
        selector: traefikLabels,
        ports: [{ port: 443, name: "https", targetPort: "websecure", protocol: "TCP" }],
    },
});

new k8s.apps.v1.Deployment("traefik-ingress-controller", {
    metadata: { name: "traefik-ingress-controller", namespace: "a0008", labels: traefikLabels },
    spec: {
        replicas: 2,
        selector: { matchLabels: traefikLabels },
        strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } },
        minReadySeconds: 0,
        template: {
            metadata: {
                annotations: { "prometheus.io/scrape": "true", "prometheus.io/port": "8082" },
                labels: traefikLabels,
            },
            spec: {
                hostNetwork: false,
                serviceAccountName: "traefik-ingress-controller",
                terminationGracePeriodSeconds: 60,
                affinity: {
                    podAntiAffinity: {
                        requiredDuringSchedulingIgnoredDuringExecution: [{
                            labelSelector: { matchExpressions: [{ key: "app.kubernetes.io/name", operator: "In", values: ["traefik-ingress-ilb"] }] },
                            topologyKey: "kubernetes.io/hostname",
                        }],
                    },
                },
                containers: [{
                    // PRODUCTION READINESS CHANGE REQUIRED: This image should be sourced from a non-public container registry.
                    image: "docker.io/library/traefik:v3.4",
                    imagePullPolicy: "IfNotPresent",
                    name: "traefik-ingress-controller",
                    resources: {
                        requests: { cpu: "100m", memory: "64Mi" },
                        limits: { cpu: "200m", memory: "128Mi" },
                    },
                    readinessProbe: {
                        httpGet: { path: "/ping", port: "traefik" },
                        failureThreshold: 1,
                        initialDelaySeconds: 10,
                        periodSeconds: 10,
                        successThreshold: 1,
                        timeoutSeconds: 2,
                    },
                    livenessProbe: {
                        httpGet: { path: "/ping", port: "traefik" },
                        failureThreshold: 3,
                        initialDelaySeconds: 10,
                        periodSeconds: 10,
                        successThreshold: 1,
                        timeoutSeconds: 2,
                    },
                    ports: [
                        { name: "traefik", containerPort: 9000, protocol: "TCP" },
                        { name: "websecure", containerPort: 8443, protocol: "TCP" },
                        { name: "metrics", containerPort: 8082, protocol: "TCP" },
                    ],
                    securityContext: {
                        allowPrivilegeEscalation: false,
                        capabilities: { drop: ["ALL"] },
                        readOnlyRootFilesystem: true,
                        runAsGroup: 65532,
                        runAsNonRoot: true,
                        runAsUser: 65532,
                    },
                    volumeMounts: [
                        { name: "data", mountPath: "/data" },
                        { name: "config", mountPath: "/config", readOnly: true },
                        { name: "ssl-csi", mountPath: "/certs", readOnly: true },
                        { name: "tmp", mountPath: "/tmp" },
                    ],
                    args: ["--configfile=/config/traefik.toml"],
                }],
                volumes: [
                    { name: "config", configMap: { name: "traefik-ingress-config" } },
                    {
                        name: "ssl-csi",
                        csi: {
                            driver: "secrets-store.csi.k8s.io",
                            readOnly: true,
                            volumeAttributes: { secretProviderClass: "aks-ingress-tls-secret-csi-akv" },
                        },
                    },
                    { name: "data", emptyDir: {} },
                    { name: "tmp", emptyDir: {} },
                ],
                securityContext: { fsGroup: 65532 },
                nodeSelector: { agentpool: "npuser01" },
            },
        },
    },
});

/*** IN-CLUSTER: workload/ (kubectl apply -k workload/: 01-aspnetapp.yaml, 02-aspnetapp-ingress.yaml + aspnetapp-ingress-patch.yaml) ***/

const aspnetappLabels = { "app.kubernetes.io/name": "aspnetapp" };

new k8s.apps.v1.Deployment("aspnetapp-deployment", {
    metadata: { name: "aspnetapp-deployment", namespace: "a0008", labels: aspnetappLabels },
    spec: {
        replicas: 2,
        selector: { matchLabels: aspnetappLabels },
        template: {
            metadata: { labels: aspnetappLabels },
            spec: {
                automountServiceAccountToken: false,
                securityContext: { runAsUser: 10001, runAsGroup: 3000 },
                affinity: {
                    podAntiAffinity: {
                        requiredDuringSchedulingIgnoredDuringExecution: [{
                            labelSelector: { matchExpressions: [{ key: "app.kubernetes.io/name", operator: "In", values: ["aspnetapp"] }] },
                            topologyKey: "kubernetes.io/hostname",
                        }],
                    },
                    podAffinity: {
                        preferredDuringSchedulingIgnoredDuringExecution: [{
                            weight: 1,
                            podAffinityTerm: {
                                labelSelector: { matchExpressions: [{ key: "app.kubernetes.io/name", operator: "In", values: ["traefik-ingress-ilb"] }] },
                                topologyKey: "kubernetes.io/hostname",
                            },
                        }],
                    },
                },
                containers: [{
                    name: "aspnet-webapp-sample",
                    image: "mcr.microsoft.com/dotnet/samples:aspnetapp",
                    imagePullPolicy: "Always",
                    securityContext: {
                        allowPrivilegeEscalation: false,
                        readOnlyRootFilesystem: false,
                        capabilities: { drop: ["all"] },
                    },
                    resources: {
                        requests: { cpu: "50m", memory: "128Mi" },
                        limits: { cpu: "100m", memory: "256Mi" },
                    },
                    env: [{ name: "ASPNETCORE_URLS", value: "http://*:8080" }],
                }],
                nodeSelector: { agentpool: "npuser01" },
            },
        },
    },
});

new k8s.policy.v1.PodDisruptionBudget("aspnetapp-pdb", {
    metadata: { name: "aspnetapp-pdb", namespace: "a0008" },
    spec: { minAvailable: 2, selector: { matchLabels: aspnetappLabels } },
});

new k8s.core.v1.Service("aspnetapp-service", {
    metadata: { name: "aspnetapp-service", namespace: "a0008" },
    spec: {
        selector: aspnetappLabels,
        ports: [{ name: "http", port: 80, targetPort: 8080 }],
    },
});

new k8s.networking.v1.IngressClass("traefik-internal", {
    // The manifest sets metadata.namespace on this cluster-scoped object; kept as written.
    metadata: { name: "traefik-internal", namespace: "a0008" },
    spec: { controller: "traefik.io/ingress-controller" },
});

const aspnetappHost = `bu0001a0008-00.aks-ingress.${domainName}`; // aspnetapp-ingress-patch.yaml (sed s/contoso.com/$DOMAIN_NAME/)
new k8s.networking.v1.Ingress("aspnetapp-ingress", {
    metadata: {
        name: "aspnetapp-ingress",
        namespace: "a0008",
        annotations: {
            "kubernetes.io/ingress.allow-http": "false",
            "traefik.ingress.kubernetes.io/router.entrypoints": "websecure",
            "traefik.ingress.kubernetes.io/router.tls": "true",
            "traefik.ingress.kubernetes.io/router.tls.options": "default",
            "traefik.ingress.kubernetes.io/router.middlewares": "app-gateway-snet@file, gzip-compress@file",
        },
    },
    spec: {
        ingressClassName: "traefik-internal",
        tls: [{ hosts: [aspnetappHost] }],
        rules: [{
            host: aspnetappHost,
            http: {
                paths: [{
                    path: "/",
                    pathType: "Prefix",
                    backend: { service: { name: "aspnetapp-service", port: { number: 80 } } },
                }],
            },
        }],
    },
});

/*** OUTPUTS (hub, spoke, acr-stamp and cluster-stamp outputs) ***/

export const hubVnetId = vnetHub.id;
export const bastionHostResourceId = azureBastion.id;
export const clusterVnetResourceId = vnetSpoke.id;
export const nodepoolSubnetResourceIds = [snetClusterNodesId];
export const appGwPublicIpAddress = pipPrimaryClusterIp.ipAddress;
export const containerRegistryName = acrAks.name;
export const aksClusterName = clusterName;
export const aksIngressControllerPodManagedIdentityClientId = podmiIngressControllerClientId;
export const keyVaultName = kv.name;
export const ilbIpAddressOutput = ilbIpAddress;
