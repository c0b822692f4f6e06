// Reference translation: "Quickstart: Create a private Azure Kubernetes Service (AKS) Automatic cluster
// in a custom virtual network", Bicep pivot,
// https://learn.microsoft.com/azure/aks/automatic/quick-automatic-private-custom-network?pivots=bicep
//
// Source: the article MicrosoftDocs/azure-aks-docs @ fb060abe6a8fef960d4c487b543bf7b1e97808fe,
// articles/aks/automatic/quick-automatic-private-custom-network.md, which includes its code from
// Azure-Samples/aks-samples @ ed9ee4ef42ee849722c426a939e39903e3cf1e05 (last change to these files:
// fe8d5a589e39afb44f0d2faeaa72efd2df9b631a, 2026-06-02). Files translated:
//   - automatic/custom-network/private/sh/define-vars.sh + create-rg.sh   (resource group automatic-rg, eastus)
//   - automatic/custom-network/private/bicep/virtualNetwork.bicep          (VNet + 3 inline subnets)
//   - automatic/custom-network/private/bicep/uami.bicep                    (user-assigned identity)
//   - automatic/custom-network/private/bicep/roleAssignments.bicep         (Network Contributor on the VNet)
//   - automatic/custom-network/private/bicep/aks.bicep                     (the private Automatic cluster)
//   - the AKS Store app the article deploys (store.ts; Azure-Samples/aks-store-demo @ 7ce10c51)
// The four Bicep files are deployed one by one with IDs pasted between them; here the IDs flow from the
// resources (`vnet.id`, `uami.id`, `uami.principalId`).
//
// Not translated / differences:
//   - aks.bicep's `hostedSystemProfile: { systemNodeSubnetID, nodeSubnetID }` (where the managed system
//     nodes and the node-autoprovisioned user nodes go) is not in @pulumi/azure-native 3.28.0 (API
//     2025-09-01, which drops unknown inputs), so the cluster is declared with the token of a local SDK
//     at API 2026-02-01, where it exists (see below).
//   - API versions: aks.bicep 2024-03-02-preview -> 2025-09-01; Microsoft.Network 2023-09-01 -> 2024-05-01;
//     ManagedIdentity 2023-01-31 (same); Authorization 2022-04-01 (same).
//   - The Bicep VNet does not delegate apiServerSubnet (the CLI pivot adds
//     `--delegations Microsoft.ContainerService/managedClusters`; the article says AKS delegates it on your
//     behalf). No delegation here either. No NSG or route table exists in the source.
//   - roleAssignments.bicep names the assignment `guid(principalId, roleId, rg.id, vnet.name)`; azure-native
//     generates a GUID name instead. The role definition ID is subscription-scoped here
//     (`resourceId('Microsoft.Authorization/roleDefinitions', ...)` in the Bicep). The Bicep sets no
//     principalType (ARM infers it); the azure-native SDK would send its default "User", which ARM rejects
//     for a managed identity, so `principalType: "ServicePrincipal"` is set (as the CLI pivot's
//     `--assignee-principal-type ServicePrincipal` does). Not a security setting.
//   - networkProfile: the azure-native SDK fills in its defaults podCidr 10.244.0.0/16, serviceCidr
//     10.0.0.0/16, dnsServiceIP 10.0.0.10 whenever networkProfile is given; the Bicep sends only outboundType.
//   - The article's manual step for the Bicep pivot, `az role assignment create --role "Azure Kubernetes
//     Service RBAC Cluster Admin" --assignee user@contoso.com` (placeholder user), is not translated.
//   - The CLI pivot (create-aks.sh: `--sku automatic --enable-private-cluster --no-ssh-key`, and its
//     managedSystemNodeSubnet naming) is not what is translated; only the Bicep pivot is.
import * as pulumi from "@pulumi/pulumi";
import * as resources from "@pulumi/azure-native/resources";
import * as network from "@pulumi/azure-native/network";
import * as managedidentity from "@pulumi/azure-native/managedidentity";
import * as authorization from "@pulumi/azure-native/authorization";
import * as containerservice from "@pulumi/azure-native/containerservice";
import { deployStore } from "../ref-aks-automatic/store";

const config = new pulumi.Config();
// define-vars.sh: SUBSCRIPTION_ID=$(az account show --query id -o tsv)
const subscriptionId = config.get("subscriptionId") ?? "00000000-0000-0000-0000-000000000000";

// define-vars.sh / create-rg.sh: az group create -n automatic-rg -l eastus
const resourceGroup = new resources.ResourceGroup("automatic-rg", {
    resourceGroupName: "automatic-rg",
    location: "eastus",
});

// virtualNetwork.bicep (parameter defaults)
const vnetName = "aksAutomaticVnet";
const apiServerSubnetName = "apiServerSubnet";
const userNodeSubnetName = "userNodeSubnet";
const systemNodeSubnetName = "systemNodeSubnet";
const vnet = new network.VirtualNetwork("aksAutomaticVnet", {
    resourceGroupName: resourceGroup.name,
    virtualNetworkName: vnetName,
    location: resourceGroup.location,
    addressSpace: { addressPrefixes: ["172.19.0.0/16"] },
    subnets: [
        { name: apiServerSubnetName, addressPrefix: "172.19.0.0/28" },
        { name: userNodeSubnetName, addressPrefix: "172.19.1.0/24" },
        { name: systemNodeSubnetName, addressPrefix: "172.19.0.64/26" },
    ],
});
// output ...SubnetId = resourceId('Microsoft.Network/virtualNetworks/subnets', vnetName, <subnet>)
const apiServerSubnetId = pulumi.interpolate`${vnet.id}/subnets/${apiServerSubnetName}`;
const userNodeSubnetId = pulumi.interpolate`${vnet.id}/subnets/${userNodeSubnetName}`;
const systemNodeSubnetId = pulumi.interpolate`${vnet.id}/subnets/${systemNodeSubnetName}`;

// uami.bicep
const uami = new managedidentity.UserAssignedIdentity("aksAutomaticUAMI", {
    resourceGroupName: resourceGroup.name,
    resourceName: "aksAutomaticUAMI",
    location: resourceGroup.location,
});

// roleAssignments.bicep: Network Contributor (4d97b98b-1d4f-4787-a291-c67834d212e7) on the VNet
const networkContributor = "4d97b98b-1d4f-4787-a291-c67834d212e7";
new authorization.RoleAssignment("networkContributorRoleAssignmentToVirtualNetwork", {
    scope: vnet.id,
    roleDefinitionId: `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${networkContributor}`,
    principalId: uami.principalId,
    principalType: authorization.PrincipalType.ServicePrincipal,
});

// aks.bicep. Its `hostedSystemProfile` exists from ManagedCluster API 2026-02-01 on; the default
// azure-native SDK (3.28, API 2025-09-01) drops it, so a program that needs it uses a local SDK
// of that API version (`pulumi package add azure-native containerservice 2026-02-01`), whose
// resources carry the token below. The pack matches that token form like any other.
class ManagedCluster20260201 extends pulumi.CustomResource {
    constructor(name: string, args: Record<string, pulumi.Input<unknown>>, opts?: pulumi.CustomResourceOptions) {
        super("azure-native_containerservice_v20260201:containerservice:ManagedCluster", name, args, opts);
    }
}

const aks = new ManagedCluster20260201("aks", {
    resourceGroupName: resourceGroup.name,
    resourceName: "aksPrivateAutomaticCluster",
    location: resourceGroup.location,
    sku: { name: containerservice.ManagedClusterSKUName.Automatic },
    apiServerAccessProfile: {
        subnetId: apiServerSubnetId,
        enablePrivateCluster: true,
    },
    networkProfile: {
        outboundType: containerservice.OutboundType.LoadBalancer,
    },
    hostedSystemProfile: { systemNodeSubnetID: systemNodeSubnetId, nodeSubnetID: userNodeSubnetId },
    identity: {
        type: containerservice.ResourceIdentityType.UserAssigned,
        userAssignedIdentities: [uami.id],
    },
});

// The sample application (kubectl from a machine that reaches the private API server).
deployStore();

export const clusterUrn = aks.urn;
// virtualNetwork.bicep outputs
export { apiServerSubnetId, userNodeSubnetId, systemNodeSubnetId };
// uami.bicep outputs
export const uamiId = uami.id;
export const uamiPrincipalId = uami.principalId;
export const uamiClientId = uami.clientId;
