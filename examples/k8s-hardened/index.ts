// A hardened workload: its own namespace with Pod Security Admission labels and a default-deny
// NetworkPolicy, a dedicated service account without an auto-mounted token, a pinned image
// from the stack's own Azure Container Registry, a pod that meets the restricted Pod Security
// Standard, an internal Service and an Ingress that terminates TLS.
import * as k8s from "@pulumi/kubernetes";
import * as containerregistry from "@pulumi/azure-native/containerregistry";
import * as resources from "@pulumi/azure-native/resources";
import * as network from "@pulumi/azure-native/network";
import * as managedidentity from "@pulumi/azure-native/managedidentity";
import * as pulumi from "@pulumi/pulumi";

const config = new pulumi.Config();
// A Key Vault key (managed in the platform stack) that encrypts the registry.
const registryKeyId = config.get("registryKeyId") ?? "https://platform-kv.vault.azure.net/keys/acr/0123456789abcdef0123456789abcdef";

const rg = new resources.ResourceGroup("apps-rg");
const registryIdentity = new managedidentity.UserAssignedIdentity("appsacr-id", { resourceGroupName: rg.name });
const registry = new containerregistry.Registry("appsacr", {
    resourceGroupName: rg.name,
    registryName: "appsacr",
    sku: { name: "Premium" },
    adminUserEnabled: false,
    anonymousPullEnabled: false,
    publicNetworkAccess: "Disabled",
    identity: { type: "UserAssigned", userAssignedIdentities: registryIdentity.id.apply(id => ({ [id]: {} })) },
    encryption: { status: "enabled", keyVaultProperties: { keyIdentifier: registryKeyId, identity: registryIdentity.clientId } },
    policies: {
        quarantinePolicy: { status: "enabled" },
        retentionPolicy: { status: "enabled", days: 7 },
    },
});

// The registry is reached through a private endpoint in the apps VNet.
const vnet = new network.VirtualNetwork("apps-vnet", { resourceGroupName: rg.name, addressSpace: { addressPrefixes: ["10.30.0.0/16"] } });
const endpoints = new network.Subnet("apps-endpoints", { resourceGroupName: rg.name, virtualNetworkName: vnet.name, addressPrefix: "10.30.1.0/24" });
new network.PrivateEndpoint("appsacr-pe", {
    resourceGroupName: rg.name,
    subnet: { id: endpoints.id },
    privateLinkServiceConnections: [{ name: "registry", privateLinkServiceId: registry.id, groupIds: ["registry"] }],
});

const ns = new k8s.core.v1.Namespace("shop", {
    metadata: {
        name: "shop",
        labels: {
            "pod-security.kubernetes.io/enforce": "restricted",
            "pod-security.kubernetes.io/enforce-version": "v1.35",
        },
    },
});

new k8s.networking.v1.NetworkPolicy("default-deny", {
    metadata: { name: "default-deny", namespace: ns.metadata.name },
    spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
});

const sa = new k8s.core.v1.ServiceAccount("web", {
    metadata: { name: "web", namespace: ns.metadata.name },
    automountServiceAccountToken: false,
});

const labels = { app: "web" };
new k8s.apps.v1.Deployment("web", {
    metadata: { name: "web", namespace: ns.metadata.name },
    spec: {
        replicas: 2,
        selector: { matchLabels: labels },
        template: {
            metadata: { labels },
            spec: {
                serviceAccountName: sa.metadata.name,
                automountServiceAccountToken: false,
                securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: "RuntimeDefault" } },
                volumes: [{ name: "db", secret: { secretName: "db" } }],
                containers: [{
                    name: "web",
                    image: registry.loginServer.apply(s => `${s}/shop/web:1.4.2`),
                    imagePullPolicy: "Always",
                    ports: [{ containerPort: 8080 }],
                    env: [{ name: "DB_PASSWORD_FILE", value: "/run/secrets/db/password" }],
                    volumeMounts: [{ name: "db", mountPath: "/run/secrets/db", readOnly: true }],
                    resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "256Mi" } },
                    securityContext: {
                        allowPrivilegeEscalation: false,
                        readOnlyRootFilesystem: true,
                        capabilities: { drop: ["ALL"] },
                    },
                }],
            },
        },
    },
});

new k8s.core.v1.Service("web", {
    metadata: { name: "web", namespace: ns.metadata.name },
    spec: { type: "ClusterIP", selector: labels, ports: [{ port: 80, targetPort: 8080 }] },
});

new k8s.networking.v1.Ingress("web", {
    metadata: { name: "web", namespace: ns.metadata.name },
    spec: {
        ingressClassName: "webapprouting.kubernetes.azure.com",
        tls: [{ hosts: ["shop.example.com"], secretName: "shop-tls" }],
        rules: [{ host: "shop.example.com", http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: "web", port: { number: 80 } } } }] } }],
    },
});
