// Reference translation: "Quickstart: Create an Azure Kubernetes Service (AKS) Automatic cluster",
// Bicep pivot, https://learn.microsoft.com/azure/aks/automatic/quick-automatic-managed-network?pivots=bicep
//
// Source: MicrosoftDocs/azure-aks-docs @ fb060abe6a8fef960d4c487b543bf7b1e97808fe (HEAD of the stored
// snapshot), file articles/aks/automatic/quick-automatic-managed-network.md (last changed in
// 1c5a093beb8f0690eb402a0b9f3fef7c840e19c0, 2026-06-02). Translated:
//   - `az group create --name myResourceGroup --location canadacentral`
//   - the inline Bicep file (main.bicep): one Microsoft.ContainerService/managedClusters@2026-02-01 with
//     `sku: { name: 'Automatic' }` and `identity: { type: 'SystemAssigned' }` and nothing else
//   - `kubectl create ns aks-store-demo` + `kubectl apply -n aks-store-demo -f .../aks-store-ingress-quickstart.yaml`
//     (Azure-Samples/aks-store-demo @ 7ce10c5110d6a52d3517dfb6d7a7b7b2edf2e5a5), in store.ts
//
// Not translated / differences:
//   - API version: the Bicep pins 2026-02-01; @pulumi/azure-native 3.28.0 (the latest published) sends
//     ManagedCluster at its default API version 2025-09-01. The Bicep sets no property that 2025-09-01 lacks.
//   - The Bicep sets only `sku.name`; `sku.tier` is left to the service (Automatic is "preconfigured" with
//     the Standard tier, articles/aks/free-standard-pricing-tiers.md), so it is not set here either.
//   - No `agentPoolProfiles`: the Bicep declares none. New Automatic clusters get AKS-managed system node
//     pools (`hostedSystemProfile.enabled: true`, set by the service, not by the template:
//     includes/aks-automatic/aks-automatic-limitations.md). The azure-native docs' "you must define at
//     least one agent pool inline" does not apply to this SKU; azure-native 3.28.0 has no
//     `hostedSystemProfile` input at all.
//   - `dnsPrefix`: not set in the Bicep, not set here (ARM derives one).
//   - The CLI pivot's `--enable-hosted-system`, and what the CLI/portal add on their own (Managed
//     Prometheus, Container Insights, an "Azure Kubernetes Service RBAC Cluster Admin" role assignment for
//     the caller), are not part of the Bicep pivot and are not translated.
import * as resources from "@pulumi/azure-native/resources";
import * as containerservice from "@pulumi/azure-native/containerservice";
import { deployStore } from "./store";

// az group create --name myResourceGroup --location canadacentral
const resourceGroup = new resources.ResourceGroup("myResourceGroup", {
    resourceGroupName: "myResourceGroup",
    location: "canadacentral",
});

// main.bicep: param clusterName string = 'myAKSAutomaticCluster'; param location = resourceGroup().location
const aks = new containerservice.ManagedCluster("aks", {
    resourceGroupName: resourceGroup.name,
    resourceName: "myAKSAutomaticCluster",
    location: resourceGroup.location,
    sku: { name: containerservice.ManagedClusterSKUName.Automatic },
    identity: { type: containerservice.ResourceIdentityType.SystemAssigned },
});

// The sample application (kubectl against the cluster after `az aks get-credentials`).
deployStore();

export const clusterName = aks.name;
export const clusterFqdn = aks.fqdn;
