// The same quick-start cluster written with the classic azure provider (@pulumi/azure v6):
// public API server, service principal, no add-ons, a second pool with node public IPs.
import * as pulumi from "@pulumi/pulumi";
import * as azure from "@pulumi/azure";

const config = new pulumi.Config();
const clientSecret = config.getSecret("clientSecret") ?? pulumi.secret("not-a-real-secret");

const resourceGroup = new azure.core.ResourceGroup("aks-classic-rg", { location: "westeurope" });

const vnet = new azure.network.VirtualNetwork("aks-classic-vnet", {
    resourceGroupName: resourceGroup.name,
    location: resourceGroup.location,
    addressSpaces: ["10.20.0.0/16"],
});
// A node subnet without a network security group.
const nodes = new azure.network.Subnet("aks-classic-nodes", {
    resourceGroupName: resourceGroup.name,
    virtualNetworkName: vnet.name,
    addressPrefixes: ["10.20.0.0/22"],
});

const cluster = new azure.containerservice.KubernetesCluster("aks-classic", {
    resourceGroupName: resourceGroup.name,
    location: resourceGroup.location,
    dnsPrefix: "aksclassic",
    kubernetesVersion: "1.29",
    defaultNodePool: { name: "default", nodeCount: 2, vmSize: "Standard_D2s_v5", vnetSubnetId: nodes.id },
    roleBasedAccessControlEnabled: false,
    httpApplicationRoutingEnabled: true,
    servicePrincipal: { clientId: "00000000-0000-0000-0000-00000000000a", clientSecret },
    networkProfile: { networkPlugin: "kubenet" },
    apiServerAccessProfile: { authorizedIpRanges: ["0.0.0.0/0"] },
});

const spotPool = new azure.containerservice.KubernetesClusterNodePool("spot", {
    name: "spot",
    kubernetesClusterId: cluster.id,
    vmSize: "Standard_D2s_v5",
    nodeCount: 1,
    nodePublicIpEnabled: true,
});

// A Log Analytics workspace left open to public ingestion and queries (the provider's defaults).
new azure.operationalinsights.AnalyticsWorkspace("aks-classic-logs", {
    resourceGroupName: resourceGroup.name,
    sku: "PerGB2018",
    retentionInDays: 30,
});

export const clusterName = cluster.name;
export const poolName = spotPool.name;
