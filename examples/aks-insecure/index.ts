// An AKS cluster shaped like the public quick-starts: public API server open to everyone,
// a service principal with a client secret, default networking, no add-ons.
// `pulumi preview --policy-pack <pack>` flags it on every core control.
import * as pulumi from "@pulumi/pulumi";
import * as resources from "@pulumi/azure-native/resources";
import * as containerservice from "@pulumi/azure-native/containerservice";
import * as containerregistry from "@pulumi/azure-native/containerregistry";
import * as keyvault from "@pulumi/azure-native/keyvault";
import * as network from "@pulumi/azure-native/network";
import * as authorization from "@pulumi/azure-native/authorization";
import * as security from "@pulumi/azure-native/security";

const config = new pulumi.Config();
const clientId = config.get("clientId") ?? "00000000-0000-0000-0000-00000000000a";
const clientSecret = config.getSecret("clientSecret") ?? pulumi.secret("not-a-real-secret");
const sshPublicKey = config.get("sshPublicKey") ?? "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC0example user@example";

const resourceGroup = new resources.ResourceGroup("aks-quickstart-rg");

const cluster = new containerservice.ManagedCluster("aks-quickstart", {
    resourceGroupName: resourceGroup.name,
    dnsPrefix: "aksquickstart",
    kubernetesVersion: "1.29",
    enableRBAC: true,
    agentPoolProfiles: [{
        name: "agentpool",
        mode: "System",
        count: 3,
        vmSize: "Standard_DS2_v2",
        osType: "Linux",
        osDiskSizeGB: 30,
    }],
    linuxProfile: {
        adminUsername: "azureuser",
        ssh: { publicKeys: [{ keyData: sshPublicKey }] },
    },
    servicePrincipalProfile: { clientId, secret: clientSecret },
});

// A registry anyone can reach, with a shared admin password and anonymous pulls.
const registry = new containerregistry.Registry("quickstartacr", {
    resourceGroupName: resourceGroup.name,
    sku: { name: "Standard" },
    adminUserEnabled: true,
    anonymousPullEnabled: true,
});

// A key vault with access policies, public access and no purge protection.
new keyvault.Vault("quickstart-kv", {
    resourceGroupName: resourceGroup.name,
    properties: {
        tenantId: "00000000-0000-0000-0000-0000000000aa",
        sku: { family: "A", name: "standard" },
        accessPolicies: [],
        enableSoftDelete: true,
    },
});

// SSH and the kubelet port open to the internet.
new network.NetworkSecurityGroup("quickstart-nsg", {
    resourceGroupName: resourceGroup.name,
    securityRules: [
        { name: "ssh", priority: 100, direction: "Inbound", access: "Allow", protocol: "Tcp", sourceAddressPrefix: "*", sourcePortRange: "*", destinationAddressPrefix: "*", destinationPortRange: "22" },
        { name: "kubelet", priority: 110, direction: "Inbound", access: "Allow", protocol: "Tcp", sourceAddressPrefix: "Internet", sourcePortRange: "*", destinationAddressPrefix: "*", destinationPortRanges: ["10250-10255"] },
    ],
});

// Cluster admin for one person, and the kubelet identity allowed to push and delete images.
new authorization.RoleAssignment("alice-cluster-admin", {
    principalId: "00000000-0000-0000-0000-0000000000b1",
    principalType: "User",
    roleDefinitionId: "/providers/Microsoft.Authorization/roleDefinitions/b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b",
    scope: cluster.id,
});
new authorization.RoleAssignment("kubelet-contributor", {
    principalId: cluster.identityProfile.apply(p => p?.kubeletidentity?.objectId ?? ""),
    principalType: "ServicePrincipal",
    roleDefinitionId: "/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c",
    scope: registry.id,
});

// Defender for Containers left on the free tier.
new security.Pricing("containers", {
    pricingName: "Containers",
    pricingTier: "Free",
    scopeId: "/subscriptions/00000000-0000-0000-0000-000000000000",
});

export const clusterName = cluster.name;
