// Type-token matching. Real stacks carry many spellings of one resource type:
//   azure-native v3:            azure-native:containerservice:ManagedCluster
//   azure-native v2 versioned:  azure-native:containerservice/v20240801:ManagedCluster
//   azure-native v3 local pkg:  azure-native_containerservice_v20250602preview:containerservice:ManagedCluster
//   classic azure:              azure:containerservice/kubernetesCluster:KubernetesCluster
//   kubernetes:                 kubernetes:apps/v1:Deployment (any apiVersion)
// A Kind answers "is this token one of mine?" and remembers its answers, since the
// engine sends the same few tokens thousands of times.

export type Provider = "azure-native" | "azure" | "kubernetes";

export interface Kind {
    /** A short human name used in docs and not-applicable reasons. */
    readonly label: string;
    readonly provider: Provider;
    matches(type: string): boolean;
}

/**
 * How many tokens a Kind remembers. A stack has a few dozen distinct tokens; a stream of tokens
 * never seen before (a fuzzer, a hostile engine) would otherwise keep memory growing with every
 * one (bench/soak.ts `--mode types`: 4096 per Kind held about 3.5 MiB).
 */
const REMEMBERED = 512;

function cached(label: string, provider: Provider, test: (type: string) => boolean): Kind {
    const seen = new Map<string, boolean>();
    return {
        label,
        provider,
        matches(type: string): boolean {
            let hit = seen.get(type);
            if (hit === undefined) {
                hit = typeof type === "string" && test(type);
                if (seen.size < REMEMBERED && typeof type === "string" && type.length <= 256) {
                    seen.set(type, hit);
                }
            }
            return hit;
        },
    };
}

/**
 * An azure-native resource in every token form. `modules` lists the module names the
 * resource has lived under (DiagnosticSetting moved from `insights` to `monitor`).
 */
export function azureNative(modules: string | string[], resource: string): Kind {
    const mods = (Array.isArray(modules) ? modules : [modules]).join("|");
    const re = new RegExp(
        `^azure-native(?:_(?:${mods})_v[0-9a-z]+)?:(?:${mods})(?:/v[0-9a-z]+)?:${resource}$`,
        "i",
    );
    return cached(`azure-native ${resource}`, "azure-native", t => re.test(t));
}

/** A classic `@pulumi/azure` resource: exact tokens (the classic provider has no versioned tokens). */
export function classic(...tokens: string[]): Kind {
    const set = new Set(tokens);
    const name = tokens[0].slice(tokens[0].lastIndexOf(":") + 1);
    return cached(`azure ${name}`, "azure", t => set.has(t));
}

/**
 * A Kubernetes kind in any API group version, optionally with its `…Patch` twin
 * (server-side apply tokens, whose fields are all optional).
 * `groups` lists the API groups the kind is served from (`core` for the core group).
 */
export function kubernetes(groups: string[], kinds: string[], opts: { patch?: boolean } = {}): Kind {
    const g = groups.map(x => x.replace(/\./g, "\\.")).join("|");
    const k = kinds.join("|");
    const p = opts.patch === false ? "" : "(?:Patch)?";
    const re = new RegExp(`^kubernetes:(?:${g})/v[0-9a-z]+:(?:${k})${p}$`);
    return cached(`kubernetes ${kinds.join("/")}`, "kubernetes", t => re.test(t));
}

export function anyOf(label: string, ...kinds: Kind[]): Kind & { kinds: Kind[] } {
    const k = cached(label, kinds[0].provider, t => kinds.some(x => x.matches(t)));
    return Object.assign(k, { kinds });
}

// ---- AKS -------------------------------------------------------------------

export const managedCluster = azureNative("containerservice", "ManagedCluster");
export const agentPool = azureNative("containerservice", "AgentPool");
export const classicCluster = classic("azure:containerservice/kubernetesCluster:KubernetesCluster");
export const classicNodePool = classic("azure:containerservice/kubernetesClusterNodePool:KubernetesClusterNodePool");

/** Any AKS cluster resource, either provider. */
export const aksCluster = anyOf("AKS cluster", managedCluster, classicCluster);
/** Any separate node-pool resource, either provider. */
export const aksNodePool = anyOf("AKS node pool", agentPool, classicNodePool);

// ---- Azure resources around the cluster --------------------------------------

export const registry = anyOf("container registry",
    azureNative("containerregistry", "Registry"),
    classic("azure:containerservice/registry:Registry"));
export const keyVault = anyOf("key vault",
    azureNative("keyvault", "Vault"),
    classic("azure:keyvault/keyVault:KeyVault"));
export const diagnosticSetting = anyOf("diagnostic setting",
    azureNative(["monitor", "insights"], "DiagnosticSetting"),
    classic("azure:monitoring/diagnosticSetting:DiagnosticSetting"));
export const defenderPricing = anyOf("Defender plan",
    azureNative("security", "Pricing"),
    classic("azure:securitycenter/subscriptionPricing:SubscriptionPricing"));
export const backupInstance = anyOf("backup instance",
    azureNative("dataprotection", "BackupInstance"),
    classic("azure:dataprotection/backupInstanceKubernetesCluster:BackupInstanceKubernetesCluster"));
export const clusterExtension = anyOf("cluster extension",
    azureNative("kubernetesconfiguration", "Extension"),
    classic("azure:containerservice/kubernetesClusterExtension:KubernetesClusterExtension"));
export const trustedAccessRoleBinding = anyOf("trusted access role binding",
    azureNative("containerservice", "TrustedAccessRoleBinding"),
    classic("azure:containerservice/clusterTrustedAccessRoleBinding:ClusterTrustedAccessRoleBinding"));
export const roleAssignment = anyOf("role assignment",
    azureNative("authorization", "RoleAssignment"),
    classic("azure:authorization/assignment:Assignment", "azure:role/assignment:Assignment"));
export const policyAssignment = anyOf("policy assignment",
    azureNative("authorization", "PolicyAssignment"),
    classic("azure:core/resourcePolicyAssignment:ResourcePolicyAssignment", "azure:core/resourceGroupPolicyAssignment:ResourceGroupPolicyAssignment",
        "azure:core/subscriptionPolicyAssignment:SubscriptionPolicyAssignment", "azure:management/groupPolicyAssignment:GroupPolicyAssignment"));
export const maintenanceConfiguration = azureNative("containerservice", "MaintenanceConfiguration");
export const deploymentSafeguard = anyOf("deployment safeguard",
    azureNative("containerservice", "DeploymentSafeguard"),
    classic("azure:containerservice/clusterDeploymentSafeguard:ClusterDeploymentSafeguard"));
export const networkSecurityGroup = anyOf("network security group",
    azureNative("network", "NetworkSecurityGroup"),
    classic("azure:network/networkSecurityGroup:NetworkSecurityGroup"));
export const securityRule = anyOf("network security rule",
    azureNative("network", "SecurityRule"),
    classic("azure:network/networkSecurityRule:NetworkSecurityRule"));
export const subnet = anyOf("subnet",
    azureNative("network", "Subnet"),
    classic("azure:network/subnet:Subnet"));
export const virtualNetwork = anyOf("virtual network",
    azureNative("network", "VirtualNetwork"),
    classic("azure:network/virtualNetwork:VirtualNetwork"));
export const subnetNsgAssociation = classic("azure:network/subnetNetworkSecurityGroupAssociation:SubnetNetworkSecurityGroupAssociation");
export const privateEndpoint = anyOf("private endpoint",
    azureNative("network", "PrivateEndpoint"),
    azureNative("network", "InterfaceEndpoint"),
    classic("azure:privatelink/endpoint:Endpoint"));
export const bastionHost = anyOf("bastion host",
    azureNative("network", "BastionHost"),
    classic("azure:compute/bastionHost:BastionHost"));
export const sentinelOnboarding = anyOf("Sentinel onboarding",
    azureNative("securityinsights", "SentinelOnboardingState"),
    classic("azure:sentinel/logAnalyticsWorkspaceOnboarding:LogAnalyticsWorkspaceOnboarding"));
export const logAnalyticsWorkspace = anyOf("Log Analytics workspace",
    azureNative("operationalinsights", "Workspace"),
    classic("azure:operationalinsights/analyticsWorkspace:AnalyticsWorkspace"));
export const resourceGroup = anyOf("resource group",
    azureNative("resources", "ResourceGroup"),
    classic("azure:core/resourceGroup:ResourceGroup"));
export const routeTable = anyOf("route table",
    azureNative("network", "RouteTable"),
    classic("azure:network/routeTable:RouteTable"));
export const route = anyOf("route",
    azureNative("network", "Route"),
    classic("azure:network/route:Route"));
export const subnetRouteTableAssociation = classic("azure:network/subnetRouteTableAssociation:SubnetRouteTableAssociation");
export const monitorWorkspace = anyOf("Azure Monitor workspace",
    azureNative("monitor", "AzureMonitorWorkspace"),
    classic("azure:monitoring/workspace:Workspace"));

// ---- Kubernetes objects (every apiVersion the SDK ships, with the `…Patch` twin unless noted) ----

export const serviceAccount = kubernetes(["core"], ["ServiceAccount"]);
export const configMap = kubernetes(["core"], ["ConfigMap"]);
export const namespace = kubernetes(["core"], ["Namespace"]);
/** A Namespace declared by the stack (not a NamespacePatch of an existing one). */
export const namespaceDeclared = kubernetes(["core"], ["Namespace"], { patch: false });
/** A NetworkPolicy declared by the stack (a `…Patch` changes an existing one and is not counted). */
export const networkPolicyDeclared = kubernetes(["networking.k8s.io", "extensions"], ["NetworkPolicy"], { patch: false });
export const rbacRole = kubernetes(["rbac.authorization.k8s.io"], ["Role", "ClusterRole"]);
export const rbacBinding = kubernetes(["rbac.authorization.k8s.io"], ["RoleBinding", "ClusterRoleBinding"]);
export const ingress = kubernetes(["networking.k8s.io", "extensions"], ["Ingress"]);
export const service = kubernetes(["core"], ["Service"]);
export const helmRelease = kubernetes(["helm.sh"], ["Release"], { patch: false });
/** Every workload kind that carries a pod spec, in every apiVersion, with `…Patch` twins. */
export const workload = kubernetes(
    ["core", "apps", "extensions", "batch"],
    ["Pod", "PodTemplate", "ReplicationController", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob"],
);
export const veleroSchedule = kubernetes(["velero.io"], ["Schedule"]);
/** Helm v3 Release, SDK v3 Chart component, v4 Chart. */
export const helmChart = kubernetes(["helm.sh"], ["Release", "Chart"], { patch: false });

// ---- every Kubernetes API object ----------------------------------------------------------

/**
 * Component tokens: helm Chart/Release, yaml ConfigFile/ConfigGroup, kustomize Directory. They
 * are not API objects; their children (when registered) carry their own tokens.
 */
const COMPONENT_GROUPS = new Set(["helm.sh", "yaml", "kustomize"]);
const API_TOKEN = /^kubernetes:([^:/]+)\/([^:/]+):([A-Za-z0-9]+)$/;

export interface ApiToken {
    group: string;
    version: string;
    /** The kind without `Patch`. */
    kind: string;
    /** The apiVersion as written in a manifest: `v1` for the core group, else `group/version`. */
    apiVersion: string;
}

export function parseApiToken(type: string): ApiToken | undefined {
    const m = typeof type === "string" ? API_TOKEN.exec(type) : null;
    if (!m || COMPONENT_GROUPS.has(m[1])) {
        return undefined;
    }
    const kind = m[3].endsWith("Patch") && m[3] !== "Patch" ? m[3].slice(0, -"Patch".length) : m[3];
    return { group: m[1], version: m[2], kind, apiVersion: m[1] === "core" ? m[2] : `${m[1]}/${m[2]}` };
}

/** Every Kubernetes API object (built-in kinds and custom resources), not the component tokens. */
export const kubernetesObject: Kind = {
    label: "Kubernetes object",
    provider: "kubernetes",
    matches: (type: string) => parseApiToken(type) !== undefined,
};
