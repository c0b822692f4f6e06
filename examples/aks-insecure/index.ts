// An AKS cluster shaped like the public quick-starts: public API server open to everyone,
// a service principal with a client secret, default networking, no add-ons.
// `pulumi preview --policy-pack <pack>` flags it on every core control.
import * as pulumi from "@pulumi/pulumi";
import * as resources from "@pulumi/azure-native/resources";
import * as containerservice from "@pulumi/azure-native/containerservice";

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

export const clusterName = cluster.name;
