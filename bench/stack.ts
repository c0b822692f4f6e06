// Realistic stacks for the benchmark and the hostile-input suites, generated from small
// templates: AKS clusters of both providers (the recorded examples, renamed), node pools, ACR,
// Key Vault, networks, NSGs, subnets and the resources around them, and Kubernetes objects of
// every kind a cluster carries (workloads in every apiVersion and their `…Patch` twins,
// services, ingresses, RBAC, network policies, config). Everything is seeded: the same call
// gives the same stack.
//
//   mixedStack()           444 resources: four Azure environments and 320 Kubernetes objects
//   scaledStack(n)         exactly n resources of the same mix (AnalyzeStack at 1,000 / 10,000)
//   baseProps(type, i)     one realistic property bag for a type token (any token form)

import * as fs from "fs";
import * as path from "path";
import { EngineResource } from "../engine/engine";
import { fromRecorded, secret, SecretValue, unknown } from "../engine/wire";
import { projectRoot } from "../scripts/root";

export const ROOT = projectRoot();
const SUB = "00000000-0000-0000-0000-000000000000";
const TENANT = "00000000-0000-0000-0000-0000000000aa";

/** mulberry32: a small seeded PRNG. */
export function prng(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

type Rng = () => number;
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const chance = (r: Rng, p: number) => r() < p;

type Props = Record<string, unknown>;

// ---- recorded examples as templates ------------------------------------------------------

interface Recorded { resources: { type: string; name: string; inputs: Props; outputs: Props }[] }

let recordedCache: Map<string, Props[]> | undefined;
/** Inputs of every resource in the example recordings (update shape), by type token. */
function recordedInputs(): Map<string, Props[]> {
    if (recordedCache) return recordedCache;
    recordedCache = new Map();
    const dir = path.join(ROOT, "examples");
    for (const ex of fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []) {
        const f = path.join(dir, ex, "recorded", "update.json");
        if (!fs.existsSync(f)) continue;
        const s = JSON.parse(fs.readFileSync(f, "utf8")) as Recorded;
        for (const r of s.resources) {
            const list = recordedCache.get(r.type) ?? [];
            list.push(r.inputs);
            recordedCache.set(r.type, list);
        }
    }
    return recordedCache;
}

/** A deep copy of recorded (wire-form) values, with their secrets and unknowns as engine/wire markers. */
const clone = <T>(v: T): T => fromRecorded(JSON.parse(JSON.stringify(v))) as T;

// ---- ARM IDs -----------------------------------------------------------------------------

const armId = (rg: string, provider: string, name: string) => `/subscriptions/${SUB}/resourceGroups/${rg}/providers/${provider}/${name}`;

// ---- Azure templates (inputs as the provider's check returns them) ------------------------

function nativeCluster(r: Rng, env: string, secure: boolean): Props {
    const rec = recordedInputs().get("azure-native:containerservice:ManagedCluster") ?? [];
    // Recorded: [aks-hardened, aks-insecure] (examples sorted by name).
    const hardened = rec.find(x => (x.aadProfile as Props | undefined)?.managed === true);
    const insecure = rec.find(x => x !== hardened);
    const base = clone((secure ? hardened : insecure) ?? hardened ?? insecure ?? {}) as Props;
    base.dnsPrefix = `aks-${env}`;
    base.tags = { env, team: pick(r, ["platform", "payments", "search"]), costCenter: String(1000 + Math.floor(r() * 9000)) };
    if (!secure && chance(r, 0.5)) {
        base.agentPoolProfiles = [
            ...((base.agentPoolProfiles as Props[] | undefined) ?? []),
            { name: "user", mode: "User", count: 2, vmSize: "Standard_D8s_v5", enableNodePublicIP: chance(r, 0.5), osType: pick(r, ["Linux", "Windows"]) },
        ];
    }
    return base;
}

function classicCluster(_r: Rng, env: string, secure: boolean): Props {
    const rec = recordedInputs().get("azure:containerservice/kubernetesCluster:KubernetesCluster")?.[0];
    const base = clone(rec ?? {}) as Props;
    base.dnsPrefix = `aks-classic-${env}`;
    if (secure) {
        Object.assign(base, {
            privateClusterEnabled: true,
            localAccountDisabled: true,
            azurePolicyEnabled: true,
            roleBasedAccessControlEnabled: true,
            azureActiveDirectoryRoleBasedAccessControl: { azureRbacEnabled: true, adminGroupObjectIds: ["00000000-0000-0000-0000-000000000001"], tenantId: TENANT },
            omsAgent: { logAnalyticsWorkspaceId: armId(`rg-${env}`, "Microsoft.OperationalInsights/workspaces", `logs-${env}`), msiAuthForMonitoringEnabled: true },
            diskEncryptionSetId: armId(`rg-${env}`, "Microsoft.Compute/diskEncryptionSets", `des-${env}`),
            defaultNodePool: { name: "system", nodeCount: 3, vmSize: "Standard_D4s_v5", hostEncryptionEnabled: true, vnetSubnetId: armId(`rg-${env}`, "Microsoft.Network/virtualNetworks", `vnet-${env}/subnets/aks`) },
            identity: { type: "SystemAssigned" },
            automaticUpgradeChannel: "stable",
            nodeOsUpgradeChannel: "SecurityPatch",
            networkProfile: { networkPlugin: "azure", networkPolicy: "cilium", networkDataPlane: "cilium", outboundType: "userDefinedRouting" },
        });
        delete base.servicePrincipal;
        delete base.apiServerAccessProfile;
    }
    base.tags = { env };
    return base;
}

function nativePool(r: Rng, env: string, i: number): Props {
    const rec = recordedInputs().get("azure-native:containerservice:AgentPool")?.[0];
    const p = clone(rec ?? {}) as Props;
    p.agentPoolName = `pool${i}`;
    p.resourceName = `aks-${env}`;
    p.resourceGroupName = `rg-${env}`;
    p.enableNodePublicIP = chance(r, 0.2);
    p.enableEncryptionAtHost = chance(r, 0.7);
    p.count = 1 + Math.floor(r() * 10);
    p.orchestratorVersion = pick(r, ["1.29", "1.30", "1.31", "1.32", "1.33"]);
    return p;
}

function classicPool(r: Rng, env: string, i: number): Props {
    const rec = recordedInputs().get("azure:containerservice/kubernetesClusterNodePool:KubernetesClusterNodePool")?.[0];
    const p = clone(rec ?? {}) as Props;
    p.name = `cpool${i}`;
    p.kubernetesClusterId = armId(`rg-${env}`, "Microsoft.ContainerService/managedClusters", `aks-classic-${env}`);
    p.nodePublicIpEnabled = chance(r, 0.3);
    p.hostEncryptionEnabled = chance(r, 0.5);
    return p;
}

function nativeRegistry(r: Rng, env: string, secure: boolean): Props {
    return secure
        ? {
            registryName: `acr${env}`, resourceGroupName: `rg-${env}`, sku: { name: "Premium" }, adminUserEnabled: false, anonymousPullEnabled: false,
            publicNetworkAccess: "Disabled", networkRuleBypassOptions: "AzureServices",
            policies: { quarantinePolicy: { status: "enabled" }, retentionPolicy: { days: 30, status: "enabled" }, trustPolicy: { status: "enabled", type: "Notary" }, exportPolicy: { status: "disabled" } },
            encryption: { status: "enabled", keyVaultProperties: { keyIdentifier: `https://kv-${env}.vault.azure.net/keys/acr`, identity: "00000000-0000-0000-0000-0000000000cc" } },
            identity: { type: "UserAssigned", userAssignedIdentities: { [armId(`rg-${env}`, "Microsoft.ManagedIdentity/userAssignedIdentities", "acr-id")]: {} } },
            zoneRedundancy: "Enabled",
        }
        : { registryName: `acr${env}`, resourceGroupName: `rg-${env}`, sku: { name: pick(r, ["Basic", "Standard"]) }, adminUserEnabled: chance(r, 0.5), publicNetworkAccess: "Enabled" };
}

function classicRegistry(r: Rng, env: string, secure: boolean): Props {
    return secure
        ? { name: `acrc${env}`, resourceGroupName: `rg-${env}`, sku: "Premium", adminEnabled: false, publicNetworkAccessEnabled: false, quarantinePolicyEnabled: true, retentionPolicyInDays: 30, anonymousPullEnabled: false, encryption: { keyVaultKeyId: `https://kv-${env}.vault.azure.net/keys/acr`, identityClientId: "00000000-0000-0000-0000-0000000000cc" }, networkRuleSet: { defaultAction: "Deny", ipRules: [{ action: "Allow", ipRange: "203.0.113.0/24" }] } }
        : { name: `acrc${env}`, resourceGroupName: `rg-${env}`, sku: pick(r, ["Basic", "Standard"]), adminEnabled: chance(r, 0.5) };
}

function nativeVault(r: Rng, env: string, secure: boolean): Props {
    const rec = recordedInputs().get("azure-native:keyvault:Vault")?.[0];
    const v = clone(rec ?? { properties: {} }) as Props;
    v.vaultName = `kv-${env}`;
    v.resourceGroupName = `rg-${env}`;
    if (!secure) {
        const p = v.properties as Props;
        p.enablePurgeProtection = chance(r, 0.5) ? false : undefined;
        p.enableRbacAuthorization = false;
        p.publicNetworkAccess = "Enabled";
        p.networkAcls = { bypass: "AzureServices", defaultAction: "Allow" };
        p.accessPolicies = [{ tenantId: TENANT, objectId: "00000000-0000-0000-0000-0000000000dd", permissions: { keys: ["get", "list"], secrets: ["get"] } }];
        for (const k of Object.keys(p)) if (p[k] === undefined) delete p[k];
    }
    return v;
}

function classicVault(r: Rng, env: string, secure: boolean): Props {
    return {
        name: `kvc-${env}`, resourceGroupName: `rg-${env}`, location: "westeurope", tenantId: TENANT, skuName: "premium",
        purgeProtectionEnabled: secure, softDeleteRetentionDays: 90, enableRbacAuthorization: secure, rbacAuthorizationEnabled: secure,
        publicNetworkAccessEnabled: !secure, networkAcls: { bypass: "AzureServices", defaultAction: secure ? "Deny" : "Allow" },
        ...(secure || chance(r, 0.5) ? {} : { accessPolicies: [{ tenantId: TENANT, objectId: "00000000-0000-0000-0000-0000000000dd", keyPermissions: ["Get"] }] }),
    };
}

function nsgRule(r: Rng, i: number, native: boolean): Props {
    const open = chance(r, 0.3);
    const rule: Props = {
        name: `rule${i}`, priority: 100 + i * 10, direction: pick(r, ["Inbound", "Inbound", "Outbound"]), access: pick(r, ["Allow", "Allow", "Deny"]),
        protocol: pick(r, ["Tcp", "*", "Udp"]), sourcePortRange: "*",
        sourceAddressPrefix: open ? pick(r, ["*", "Internet", "0.0.0.0/0"]) : "10.0.0.0/8",
        destinationAddressPrefix: "*",
    };
    if (chance(r, 0.5)) rule.destinationPortRange = pick(r, ["22", "443", "3389", "80-8080", "*", "6443"]);
    else rule.destinationPortRanges = [pick(r, ["22", "443"]), pick(r, ["8443", "10250"])];
    if (native && chance(r, 0.3)) {
        delete rule.sourceAddressPrefix;
        rule.sourceAddressPrefixes = ["10.1.0.0/16", open ? "0.0.0.0/0" : "10.2.0.0/16"];
    }
    return rule;
}

// ---- Kubernetes templates ----------------------------------------------------------------

const IMAGES = ["nginx:1.27", "nginx:latest", "redis", "myacr.azurecr.io/payments/api:2.3.1", "myacr.azurecr.io/search@sha256:" + "ab".repeat(32),
    "docker.io/library/busybox:1.36", "mcr.microsoft.com/dotnet/aspnet:8.0", "ghcr.io/org/tool:v1"];

function container(r: Rng, name: string, secure: boolean): Props {
    const c: Props = {
        name,
        image: secure ? `myacr.azurecr.io/${name}@sha256:${"cd".repeat(32)}` : pick(r, IMAGES),
        ports: [{ containerPort: pick(r, [80, 8080, 443, 9090]), protocol: "TCP" }],
        env: [{ name: "LOG_LEVEL", value: "info" }, { name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "db", key: "password" } } }],
    };
    if (secure) {
        c.securityContext = {
            runAsNonRoot: true, runAsUser: 10001, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, privileged: false,
            capabilities: { drop: ["ALL"] }, seccompProfile: { type: "RuntimeDefault" },
        };
        c.resources = { limits: { cpu: "500m", memory: "256Mi" }, requests: { cpu: "100m", memory: "128Mi" } };
        c.livenessProbe = { httpGet: { path: "/healthz", port: 8080 }, periodSeconds: 10 };
        c.readinessProbe = { httpGet: { path: "/ready", port: 8080 } };
    } else {
        const sc: Props = {};
        if (chance(r, 0.3)) sc.privileged = true;
        if (chance(r, 0.3)) sc.allowPrivilegeEscalation = true;
        if (chance(r, 0.3)) sc.runAsUser = 0;
        if (chance(r, 0.3)) sc.capabilities = { add: [pick(r, ["NET_ADMIN", "SYS_ADMIN", "NET_RAW", "SYS_PTRACE"])] };
        if (chance(r, 0.2)) sc.procMount = "Unmasked";
        if (chance(r, 0.2)) sc.seLinuxOptions = { type: "spc_t" };
        if (Object.keys(sc).length) c.securityContext = sc;
        if (chance(r, 0.5)) c.resources = { requests: { cpu: "50m" } };
        if (chance(r, 0.2)) c.ports = [{ containerPort: 80, hostPort: 80 }];
    }
    c.volumeMounts = [{ name: "data", mountPath: "/data" }];
    return c;
}

function podSpec(r: Rng, app: string, secure: boolean): Props {
    const spec: Props = {
        serviceAccountName: app,
        containers: [container(r, app, secure), ...(chance(r, 0.3) ? [container(r, `${app}-sidecar`, secure)] : [])],
        volumes: [{ name: "data", emptyDir: {} }],
    };
    if (chance(r, 0.3)) spec.initContainers = [container(r, `${app}-init`, secure)];
    if (secure) {
        spec.securityContext = { runAsNonRoot: true, runAsUser: 10001, fsGroup: 10001, seccompProfile: { type: "RuntimeDefault" } };
        spec.automountServiceAccountToken = false;
    } else {
        if (chance(r, 0.15)) spec.hostNetwork = true;
        if (chance(r, 0.1)) spec.hostPID = true;
        if (chance(r, 0.1)) spec.hostIPC = true;
        if (chance(r, 0.2)) (spec.volumes as Props[]).push({ name: "host", hostPath: { path: pick(r, ["/var/run/docker.sock", "/", "/etc"]) } });
        if (chance(r, 0.1)) spec.securityContext = { sysctls: [{ name: "kernel.shm_rmid_forced", value: "1" }] };
        if (chance(r, 0.1)) spec.os = { name: "windows" };
    }
    return spec;
}

const meta = (name: string, ns: string, extra: Props = {}): Props => ({
    name, namespace: ns, labels: { app: name, "app.kubernetes.io/part-of": ns }, annotations: { "team.example.com/owner": "platform" }, ...extra,
});

/** Kubernetes workload kinds with the apiVersions they are served from (legacy ones too). */
export const WORKLOAD_TOKENS = [
    "kubernetes:apps/v1:Deployment", "kubernetes:apps/v1:StatefulSet", "kubernetes:apps/v1:DaemonSet", "kubernetes:apps/v1:ReplicaSet",
    "kubernetes:batch/v1:Job", "kubernetes:batch/v1:CronJob", "kubernetes:core/v1:Pod", "kubernetes:core/v1:ReplicationController",
    "kubernetes:core/v1:PodTemplate", "kubernetes:apps/v1:DeploymentPatch", "kubernetes:apps/v1:StatefulSetPatch", "kubernetes:core/v1:PodPatch",
    "kubernetes:batch/v1:CronJobPatch", "kubernetes:batch/v1:JobPatch", "kubernetes:apps/v1:DaemonSetPatch",
    "kubernetes:extensions/v1beta1:Deployment", "kubernetes:extensions/v1beta1:DaemonSet", "kubernetes:apps/v1beta1:Deployment",
    "kubernetes:apps/v1beta2:StatefulSet", "kubernetes:apps/v1beta1:StatefulSet", "kubernetes:apps/v1beta2:Deployment",
    "kubernetes:batch/v1beta1:CronJob", "kubernetes:batch/v2alpha1:CronJob", "kubernetes:extensions/v1beta1:ReplicaSet",
];

export const K8S_OTHER_TOKENS = [
    "kubernetes:core/v1:Namespace", "kubernetes:core/v1:Service", "kubernetes:core/v1:ConfigMap", "kubernetes:core/v1:Secret",
    "kubernetes:core/v1:ServiceAccount", "kubernetes:networking.k8s.io/v1:Ingress", "kubernetes:networking.k8s.io/v1:NetworkPolicy",
    "kubernetes:rbac.authorization.k8s.io/v1:Role", "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding",
    "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole", "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding",
    "kubernetes:autoscaling/v2:HorizontalPodAutoscaler", "kubernetes:policy/v1:PodDisruptionBudget", "kubernetes:core/v1:LimitRange",
    "kubernetes:core/v1:ResourceQuota", "kubernetes:admissionregistration.k8s.io/v1:ValidatingWebhookConfiguration",
    "kubernetes:core/v1:ServicePatch", "kubernetes:core/v1:NamespacePatch", "kubernetes:extensions/v1beta1:Ingress",
    "kubernetes:networking.k8s.io/v1beta1:Ingress", "kubernetes:rbac.authorization.k8s.io/v1beta1:ClusterRoleBinding",
    "kubernetes:helm.sh/v3:Release", "kubernetes:yaml/v2:ConfigGroup",
];

function kindOf(type: string): { group: string; version: string; kind: string; patch: boolean } {
    const m = /^kubernetes:([^/]+)\/([^:]+):(.+)$/.exec(type);
    const raw = m ? m[3] : type;
    const patch = raw.endsWith("Patch");
    return { group: m?.[1] ?? "", version: m?.[2] ?? "", kind: patch ? raw.slice(0, -5) : raw, patch };
}

function apiVersion(group: string, version: string): string {
    return group === "core" ? version : `${group}/${version}`;
}

function workload(r: Rng, type: string, name: string, ns: string, secure: boolean): Props {
    const { group, version, kind, patch } = kindOf(type);
    const pod = { metadata: { labels: { app: name }, annotations: chance(r, 0.3) ? { "container.apparmor.security.beta.kubernetes.io/app": secure ? "runtime/default" : "unconfined" } : {} }, spec: podSpec(r, name, secure) };
    const head = { apiVersion: apiVersion(group, version), kind, metadata: meta(name, ns) };
    let out: Props;
    switch (kind) {
        case "Pod":
            out = { ...head, spec: pod.spec };
            break;
        case "PodTemplate":
            out = { ...head, template: pod };
            break;
        case "CronJob":
            out = { ...head, spec: { schedule: "*/5 * * * *", concurrencyPolicy: "Forbid", jobTemplate: { spec: { backoffLimit: 2, template: { ...pod, spec: { ...pod.spec, restartPolicy: "OnFailure" } } } } } };
            break;
        case "Job":
            out = { ...head, spec: { backoffLimit: 3, template: { ...pod, spec: { ...pod.spec, restartPolicy: "Never" } } } };
            break;
        case "ReplicationController":
            out = { ...head, spec: { replicas: 2, selector: { app: name }, template: pod } };
            break;
        default:
            out = { ...head, spec: { replicas: 1 + Math.floor(r() * 5), selector: { matchLabels: { app: name } }, template: pod, ...(kind === "StatefulSet" ? { serviceName: name } : {}) } };
    }
    if (patch) {
        // Server-side apply: a partial object, typically one field.
        const spec = (out.spec ?? out.template) as Props;
        if (kind === "Pod") out = { ...head, spec: { containers: [{ name, image: pick(r, IMAGES) }] } };
        else if (spec && kind !== "CronJob") out = { ...head, spec: { template: { spec: { containers: [{ name, image: pick(r, IMAGES), ...(secure ? {} : { securityContext: { privileged: true } }) }] } } } };
        else out = { ...head, spec: { suspend: true } };
    }
    return out;
}

function k8sOther(r: Rng, type: string, name: string, ns: string, secure: boolean): Props {
    const { group, version, kind } = kindOf(type);
    const head = { apiVersion: apiVersion(group, version), kind, metadata: meta(name, ns) };
    switch (kind) {
        case "Namespace":
            return { ...head, metadata: { name: ns, labels: secure ? { "pod-security.kubernetes.io/enforce": "restricted" } : { team: "x" } } };
        case "Service":
            return { ...head, spec: { type: secure ? "ClusterIP" : pick(r, ["LoadBalancer", "NodePort", "ClusterIP"]), selector: { app: name }, ports: [{ port: 80, targetPort: 8080, protocol: "TCP" }], ...(secure ? {} : { externalIPs: chance(r, 0.2) ? ["203.0.113.7"] : undefined }) } };
        case "ConfigMap":
            return { ...head, data: { "app.yaml": "logLevel: info\nfeature: true\n".repeat(4), "PASSWORD": secure ? "" : "hunter2" } };
        case "Secret":
            return { ...head, type: "Opaque", data: { password: secret(Buffer.from(`pw-${name}`).toString("base64")) }, stringData: secret({ token: `tok-${name}` }) };
        case "ServiceAccount":
            return { ...head, automountServiceAccountToken: !secure };
        case "Ingress":
            return { ...head, spec: { ingressClassName: "nginx", tls: secure ? [{ hosts: [`${name}.example.com`], secretName: `${name}-tls` }] : [], rules: [{ host: `${name}.example.com`, http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name, port: { number: 80 } } } }] } }] } };
        case "NetworkPolicy":
            return { ...head, spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"], ingress: secure ? [] : [{}], egress: [{ to: [{ namespaceSelector: {} }] }] } };
        case "Role":
        case "ClusterRole":
            return { ...head, rules: secure ? [{ apiGroups: [""], resources: ["configmaps"], verbs: ["get", "list"] }] : [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }, { apiGroups: [""], resources: ["secrets"], verbs: ["get", "list", "watch"] }] };
        case "RoleBinding":
        case "ClusterRoleBinding":
            return { ...head, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: kind === "RoleBinding" ? "Role" : "ClusterRole", name: secure ? "view" : "cluster-admin" }, subjects: [{ kind: secure ? "ServiceAccount" : "Group", name: secure ? name : "system:authenticated", namespace: ns }] };
        case "HorizontalPodAutoscaler":
            return { ...head, spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name }, minReplicas: 2, maxReplicas: 10, metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } }] } };
        case "PodDisruptionBudget":
            return { ...head, spec: { minAvailable: 1, selector: { matchLabels: { app: name } } } };
        case "LimitRange":
            return { ...head, spec: { limits: [{ type: "Container", default: { cpu: "500m", memory: "256Mi" }, defaultRequest: { cpu: "100m", memory: "128Mi" } }] } };
        case "ResourceQuota":
            return { ...head, spec: { hard: { "requests.cpu": "10", "limits.memory": "20Gi", pods: "50" } } };
        case "ValidatingWebhookConfiguration":
            return { ...head, webhooks: [{ name: `${name}.example.com`, failurePolicy: secure ? "Fail" : "Ignore", sideEffects: "None", admissionReviewVersions: ["v1"], clientConfig: { service: { name, namespace: ns, path: "/validate" } }, rules: [{ apiGroups: ["*"], apiVersions: ["*"], operations: ["CREATE"], resources: ["pods"] }] }] };
        case "Release":
            return { chart: "ingress-nginx", version: "4.11.0", namespace: ns, repositoryOpts: { repo: "https://kubernetes.github.io/ingress-nginx" }, values: { controller: { replicaCount: 2, service: { type: "LoadBalancer" } } } };
        case "ConfigGroup":
            return { files: ["manifests/*.yaml"] };
        default:
            return head;
    }
}

// ---- type tokens -------------------------------------------------------------------------

/** azure-native token forms of one resource: v3, v2 versioned, v3 local package. */
export function nativeForms(module: string, resource: string): string[] {
    return [
        `azure-native:${module}:${resource}`,
        `azure-native:${module}/v20240801:${resource}`,
        `azure-native:${module}/v20230102preview:${resource}`,
        `azure-native_${module}_v20250602preview:${module}:${resource}`,
    ];
}

/** The azure-native resource name and the classic token's last segment, lower-cased, for base objects. */
function family(type: string): { provider: "azure-native" | "azure" | "kubernetes" | "other"; name: string } {
    if (type.startsWith("kubernetes:")) return { provider: "kubernetes", name: kindOf(type).kind };
    if (type.startsWith("azure-native")) return { provider: "azure-native", name: type.slice(type.lastIndexOf(":") + 1) };
    if (type.startsWith("azure:")) return { provider: "azure", name: type.slice(type.lastIndexOf(":") + 1) };
    return { provider: "other", name: type };
}

/**
 * A realistic property bag (inputs) for a type token in any form; `secure` picks the hardened
 * variant. Unknown types get a small generic bag.
 */
export function baseProps(type: string, i = 0, secure = false, seed = 1): Props {
    const r = prng(seed * 7919 + i);
    const env = `e${i}`;
    const f = family(type);
    if (f.provider === "kubernetes") {
        const ns = `ns-${i % 7}`;
        return WORKLOAD_TOKENS.some(t => kindOf(t).kind === f.name) || ["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "ReplicationController", "PodTemplate"].includes(f.name)
            ? workload(r, type, `app${i}`, ns, secure)
            : k8sOther(r, type, `obj${i}`, ns, secure);
    }
    const native = f.provider === "azure-native";
    switch (f.name) {
        case "ManagedCluster": return nativeCluster(r, env, secure);
        case "KubernetesCluster": return classicCluster(r, env, secure);
        case "AgentPool": return nativePool(r, env, i);
        case "KubernetesClusterNodePool": return classicPool(r, env, i);
        case "Registry": return native ? nativeRegistry(r, env, secure) : classicRegistry(r, env, secure);
        case "Vault": return nativeVault(r, env, secure);
        case "KeyVault": return classicVault(r, env, secure);
        case "NetworkSecurityGroup":
            return { networkSecurityGroupName: `nsg-${env}`, resourceGroupName: `rg-${env}`, ...(native ? {} : { name: `nsg-${env}` }), securityRules: [0, 1, 2].map(k => nsgRule(r, k, native)) };
        case "SecurityRule":
            return { ...nsgRule(r, i, true), securityRuleName: `rule-${env}`, networkSecurityGroupName: `nsg-${env}`, resourceGroupName: `rg-${env}` };
        case "NetworkSecurityRule":
            return { ...nsgRule(r, i, false), networkSecurityGroupName: `nsg-${env}`, resourceGroupName: `rg-${env}` };
        case "Subnet":
            return native
                ? { subnetName: `snet-${env}`, virtualNetworkName: `vnet-${env}`, resourceGroupName: `rg-${env}`, addressPrefix: `10.${i % 250}.0.0/22`, ...(secure ? { networkSecurityGroup: { id: armId(`rg-${env}`, "Microsoft.Network/networkSecurityGroups", `nsg-${env}`) } } : {}), privateEndpointNetworkPolicies: "Disabled" }
                : { name: `snet-${env}`, virtualNetworkName: `vnet-${env}`, resourceGroupName: `rg-${env}`, addressPrefixes: [`10.${i % 250}.0.0/22`], serviceEndpoints: ["Microsoft.KeyVault"] };
        case "VirtualNetwork":
            return native
                ? { virtualNetworkName: `vnet-${env}`, resourceGroupName: `rg-${env}`, addressSpace: { addressPrefixes: [`10.${i % 250}.0.0/16`] }, subnets: [{ name: "aks", addressPrefix: `10.${i % 250}.0.0/22` }] }
                : { name: `vnet-${env}`, resourceGroupName: `rg-${env}`, addressSpaces: [`10.${i % 250}.0.0/16`], location: "westeurope" };
        case "SubnetNetworkSecurityGroupAssociation":
            return { subnetId: armId(`rg-${env}`, "Microsoft.Network/virtualNetworks", `vnet-${env}/subnets/snet-${env}`), networkSecurityGroupId: armId(`rg-${env}`, "Microsoft.Network/networkSecurityGroups", `nsg-${env}`) };
        case "Workspace":
        case "AnalyticsWorkspace":
            return native ? { workspaceName: `logs-${env}`, resourceGroupName: `rg-${env}`, retentionInDays: 90, sku: { name: "PerGB2018" } } : { name: `logs-${env}`, resourceGroupName: `rg-${env}`, sku: "PerGB2018", retentionInDays: 30 };
        case "DiagnosticSetting":
            return native
                ? { name: `diag-${env}`, resourceUri: armId(`rg-${env}`, "Microsoft.ContainerService/managedClusters", `aks-${env}`), workspaceId: armId(`rg-${env}`, "Microsoft.OperationalInsights/workspaces", `logs-${env}`), logs: ["kube-apiserver", "kube-audit-admin", "guard"].map(c => ({ category: c, enabled: true })), metrics: [{ category: "AllMetrics", enabled: true }] }
                : { name: `diag-${env}`, targetResourceId: armId(`rg-${env}`, "Microsoft.ContainerService/managedClusters", `aks-${env}`), logAnalyticsWorkspaceId: armId(`rg-${env}`, "Microsoft.OperationalInsights/workspaces", `logs-${env}`), enabledLogs: [{ category: "kube-audit-admin" }, { category: "guard" }] };
        case "RoleAssignment":
        case "Assignment":
            return native
                ? { principalId: "00000000-0000-0000-0000-0000000000ee", principalType: "ServicePrincipal", roleDefinitionId: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${pick(r, ["7f951dda-4ed3-4680-a7ca-43fe172d538d", "8e3af657-a8ff-443c-a75c-2fe8c4bcb635"])}`, scope: armId(`rg-${env}`, "Microsoft.ContainerRegistry/registries", `acr${env}`) }
                : { principalId: "00000000-0000-0000-0000-0000000000ee", roleDefinitionName: pick(r, ["AcrPull", "Owner", "Contributor"]), scope: armId(`rg-${env}`, "Microsoft.ContainerRegistry/registries", `acr${env}`) };
        case "PrivateEndpoint":
        case "Endpoint":
            return native
                ? { privateEndpointName: `pe-${env}`, resourceGroupName: `rg-${env}`, subnet: { id: armId(`rg-${env}`, "Microsoft.Network/virtualNetworks", `vnet-${env}/subnets/pe`) }, privateLinkServiceConnections: [{ name: "kv", privateLinkServiceId: armId(`rg-${env}`, "Microsoft.KeyVault/vaults", `kv-${env}`), groupIds: ["vault"] }] }
                : { name: `pe-${env}`, resourceGroupName: `rg-${env}`, subnetId: armId(`rg-${env}`, "Microsoft.Network/virtualNetworks", `vnet-${env}/subnets/pe`), privateServiceConnection: { name: "kv", privateConnectionResourceId: armId(`rg-${env}`, "Microsoft.KeyVault/vaults", `kvc-${env}`), subresourceNames: ["vault"], isManualConnection: false } };
        case "DiskEncryptionSet":
            return recordedInputs().get("azure-native:compute:DiskEncryptionSet")?.[0] ? clone(recordedInputs().get("azure-native:compute:DiskEncryptionSet")![0]) : { encryptionType: "EncryptionAtRestWithCustomerKey" };
        case "Key":
            return { keyName: `key-${env}`, vaultName: `kv-${env}`, resourceGroupName: `rg-${env}`, properties: { kty: "RSA", keySize: 3072, rotationPolicy: { lifetimeActions: [{ action: { type: "rotate" }, trigger: { timeAfterCreate: "P90D" } }] } } };
        case "Pricing":
        case "SubscriptionPricing":
            return native ? { pricingName: "Containers", pricingTier: secure ? "Standard" : "Free" } : { resourceType: "Containers", tier: secure ? "Standard" : "Free" };
        case "Extension":
        case "KubernetesClusterExtension":
            return native ? { extensionName: "flux", extensionType: "microsoft.flux", clusterName: `aks-${env}`, clusterRp: "Microsoft.ContainerService", clusterResourceName: "managedClusters", autoUpgradeMinorVersion: true } : { name: "flux", extensionType: "microsoft.flux", clusterId: armId(`rg-${env}`, "Microsoft.ContainerService/managedClusters", `aks-${env}`) };
        case "MaintenanceConfiguration":
            return { configName: "aksManagedAutoUpgradeSchedule", resourceName: `aks-${env}`, resourceGroupName: `rg-${env}`, maintenanceWindow: { durationHours: 4, schedule: { weekly: { dayOfWeek: "Sunday", intervalWeeks: 1 } }, startTime: "00:00", utcOffset: "+00:00" } };
        case "PolicyAssignment":
        case "ResourcePolicyAssignment":
        case "ResourceGroupPolicyAssignment":
        case "SubscriptionPolicyAssignment":
        case "GroupPolicyAssignment":
            return { name: `pa-${env}`, policyDefinitionId: "/providers/Microsoft.Authorization/policySetDefinitions/a8640138-9b0a-4a28-b8cb-1666c838647d", scope: armId(`rg-${env}`, "Microsoft.ContainerService/managedClusters", `aks-${env}`), enforcementMode: secure ? "Default" : "DoNotEnforce", parameters: { effect: { value: "deny" } } };
        case "BackupInstance":
        case "BackupInstanceKubernetesCluster":
            return native ? { backupInstanceName: `bi-${env}`, vaultName: `bv-${env}`, resourceGroupName: `rg-${env}`, properties: { objectType: "BackupInstance", dataSourceInfo: { resourceID: armId(`rg-${env}`, "Microsoft.ContainerService/managedClusters", `aks-${env}`), datasourceType: "Microsoft.ContainerService/managedClusters" } } } : { name: `bi-${env}`, kubernetesClusterId: armId(`rg-${env}`, "Microsoft.ContainerService/managedClusters", `aks-${env}`) };
        case "TrustedAccessRoleBinding":
        case "ClusterTrustedAccessRoleBinding":
            return { trustedAccessRoleBindingName: `tarb-${env}`, resourceName: `aks-${env}`, roles: ["Microsoft.DataProtection/backupVaults/backup-operator"], sourceResourceId: armId(`rg-${env}`, "Microsoft.DataProtection/backupVaults", `bv-${env}`) };
        case "DeploymentSafeguard":
        case "ClusterDeploymentSafeguard":
            return { level: secure ? "Enforcement" : "Warning", excludedNamespaces: ["kube-system"] };
        case "BastionHost":
            return { bastionHostName: `bas-${env}`, resourceGroupName: `rg-${env}`, ipConfigurations: [{ name: "ip", subnet: { id: armId(`rg-${env}`, "Microsoft.Network/virtualNetworks", `vnet-${env}/subnets/AzureBastionSubnet`) } }] };
        case "SentinelOnboardingState":
        case "LogAnalyticsWorkspaceOnboarding":
            return { workspaceName: `logs-${env}`, resourceGroupName: `rg-${env}`, customerManagedKey: false };
        case "ResourceGroup":
            return native ? { resourceGroupName: `rg-${env}`, location: "westeurope" } : { name: `rg-${env}`, location: "westeurope" };
        case "Stack":
            return {};
        default:
            return { name: `res-${env}`, location: "westeurope", tags: { env } };
    }
}

// ---- stacks ------------------------------------------------------------------------------

const PROJECT = "bench";
const STACK = "dev";
export const STACK_URN = `urn:pulumi:${STACK}::${PROJECT}::pulumi:pulumi:Stack::${PROJECT}-${STACK}`;
export const urnOf = (type: string, name: string) => `urn:pulumi:${STACK}::${PROJECT}::${type}::${name}`;

const KUBECONFIG = [
    "apiVersion: v1", "kind: Config", "clusters:", "- cluster:", `    certificate-authority-data: ${"QUJD".repeat(400)}`, "    server: https://aks-e0-dns.hcp.westeurope.azmk8s.io:443",
    "  name: aks", "users:", "- name: clusterUser", "  user:", `    token: ${"0123456789abcdef".repeat(8)}`,
].join("\n");

function provider(type: string, env: string): EngineResource["provider"] {
    const pkg = type.startsWith("kubernetes:") ? "kubernetes" : type.slice(0, type.indexOf(":")).replace(/_.*/, "");
    const name = pkg === "kubernetes" ? `k8s-${env}` : "default";
    return {
        type: `pulumi:providers:${pkg}`,
        name,
        urn: urnOf(`pulumi:providers:${pkg}`, name),
        inputs: pkg === "kubernetes" ? { kubeconfig: secret(KUBECONFIG), enableServerSideApply: "true" } : pkg === "azure-native" ? { location: "westeurope" } : { features: "{}" },
    };
}

/** Replace ARM IDs of other resources with unknowns (preview: IDs are computed). */
function previewInputs(v: unknown, depth = 0): unknown {
    if (typeof v === "string" && v.startsWith(`/subscriptions/${SUB}/resourceGroups/`)) return unknown;
    if (Array.isArray(v)) return v.map(x => previewInputs(x, depth + 1));
    if (typeof v === "object" && v !== null && !(v instanceof SecretValue)) {
        const out: Props = {};
        for (const [k, x] of Object.entries(v)) out[k] = previewInputs(x, depth + 1);
        return out;
    }
    return v;
}

interface Unit { type: string; name: string; props: Props; deps: string[]; propDeps: Record<string, string[]> }

/** One Azure environment: ~30 resources around one cluster of each provider. */
function azureEnv(_r: Rng, e: number): Unit[] {
    const env = `e${e}`;
    const secure = e % 2 === 0;
    const u: Unit[] = [];
    const add = (type: string, name: string, i: number, deps: string[] = [], propDeps: Record<string, string[]> = {}, sec = secure) => {
        const props = baseProps(type, i, sec, e + 1);
        u.push({ type, name, props, deps, propDeps });
        return urnOf(type, name);
    };
    const rg = add("azure-native:resources:ResourceGroup", `rg-${env}`, e);
    const logs = add("azure-native:operationalinsights:Workspace", `logs-${env}`, e, [rg]);
    const kv = add("azure-native:keyvault:Vault", `kv-${env}`, e, [rg]);
    const key = add("azure-native:keyvault:Key", `key-${env}`, e, [kv], { vaultName: [kv] });
    const des = add("azure-native:compute:DiskEncryptionSet", `des-${env}`, e, [key], { activeKey: [key, kv] });
    const nsg = add("azure-native:network:NetworkSecurityGroup", `nsg-${env}`, e, [rg]);
    add("azure-native:network:SecurityRule", `rule-${env}-a`, e * 3, [nsg], { networkSecurityGroupName: [nsg] });
    add("azure-native:network:SecurityRule", `rule-${env}-b`, e * 3 + 1, [nsg], { networkSecurityGroupName: [nsg] });
    const vnet = add("azure-native:network:VirtualNetwork", `vnet-${env}`, e, [rg]);
    const snet = add("azure-native:network:Subnet", `snet-${env}`, e, [vnet, nsg], { virtualNetworkName: [vnet], networkSecurityGroup: [nsg] });
    add("azure-native:network:Subnet", `snet-${env}-pe`, e + 1000, [vnet], { virtualNetworkName: [vnet] });
    const aks = add(e % 3 === 1 ? `azure-native:containerservice/v20240801:ManagedCluster` : "azure-native:containerservice:ManagedCluster", `aks-${env}`, e,
        [snet, des, logs], { agentPoolProfiles: [snet], diskEncryptionSetID: [des], addonProfiles: [logs] });
    add("azure-native:containerservice:AgentPool", `pool-${env}-a`, e * 2, [aks], { resourceName: [aks] });
    add("azure-native_containerservice_v20250602preview:containerservice:AgentPool", `pool-${env}-b`, e * 2 + 1, [aks], { resourceName: [aks] });
    add("azure-native:containerservice:MaintenanceConfiguration", `maint-${env}`, e, [aks], { resourceName: [aks] });
    add("azure-native:insights:DiagnosticSetting", `diag-${env}`, e, [aks, logs], { resourceUri: [aks], workspaceId: [logs] });
    const acr = add("azure-native:containerregistry:Registry", `acr-${env}`, e, [rg]);
    add("azure-native:authorization:RoleAssignment", `acrpull-${env}`, e, [acr, aks], { scope: [acr], principalId: [aks] });
    add("azure-native:network:PrivateEndpoint", `pe-${env}`, e, [kv, snet], { subnet: [snet], privateLinkServiceConnections: [kv] });
    add("azure-native:security:Pricing", `defender-${env}`, e);
    // Classic provider, same shape.
    const crg = add("azure:core/resourceGroup:ResourceGroup", `crg-${env}`, e);
    const cnsg = add("azure:network/networkSecurityGroup:NetworkSecurityGroup", `cnsg-${env}`, e, [crg]);
    add("azure:network/networkSecurityRule:NetworkSecurityRule", `crule-${env}`, e, [cnsg]);
    const cvnet = add("azure:network/virtualNetwork:VirtualNetwork", `cvnet-${env}`, e, [crg]);
    const csnet = add("azure:network/subnet:Subnet", `csnet-${env}`, e, [cvnet]);
    add("azure:network/subnetNetworkSecurityGroupAssociation:SubnetNetworkSecurityGroupAssociation", `cassoc-${env}`, e, [csnet, cnsg], { subnetId: [csnet], networkSecurityGroupId: [cnsg] });
    add("azure:keyvault/keyVault:KeyVault", `ckv-${env}`, e, [crg]);
    add("azure:containerservice/registry:Registry", `cacr-${env}`, e, [crg]);
    const caks = add("azure:containerservice/kubernetesCluster:KubernetesCluster", `caks-${env}`, e, [crg, csnet], { defaultNodePool: [csnet] });
    add("azure:containerservice/kubernetesClusterNodePool:KubernetesClusterNodePool", `cpool-${env}`, e, [caks], { kubernetesClusterId: [caks] });
    add("azure:monitoring/diagnosticSetting:DiagnosticSetting", `cdiag-${env}`, e, [caks], { targetResourceId: [caks] });
    return u;
}

/** Kubernetes objects for one cluster: `n` of them, ~2/3 workloads of every kind. */
function k8sObjects(r: Rng, e: number, n: number): Unit[] {
    const env = `e${e}`;
    const u: Unit[] = [];
    const namespaces = Math.max(1, Math.round(n / 25));
    for (let k = 0; k < namespaces && u.length < n; k++) {
        const ns = `ns-${env}-${k}`;
        u.push({ type: "kubernetes:core/v1:Namespace", name: ns, props: { ...k8sOther(r, "kubernetes:core/v1:Namespace", ns, ns, k % 2 === 0) }, deps: [], propDeps: {} });
    }
    let i = 0;
    while (u.length < n) {
        const ns = `ns-${env}-${i % namespaces}`;
        const nsUrn = urnOf("kubernetes:core/v1:Namespace", ns);
        const secure = chance(r, 0.4);
        const isWorkload = chance(r, 0.66);
        const type = isWorkload ? pick(r, chance(r, 0.75) ? WORKLOAD_TOKENS.slice(0, 9) : WORKLOAD_TOKENS) : pick(r, K8S_OTHER_TOKENS);
        const name = `${kindOf(type).kind.toLowerCase()}-${env}-${i}`;
        const props = isWorkload ? workload(r, type, name, ns, secure) : k8sOther(r, type, name, ns, secure);
        u.push({ type, name, props, deps: [nsUrn], propDeps: { metadata: [nsUrn] } });
        i++;
    }
    return u;
}

function toResources(units: Unit[], e: (u: Unit) => string): EngineResource[] {
    return units.map(x => {
        const inputs = previewInputs(x.props) as Props;
        const outputs: Props = { ...x.props, id: x.type.startsWith("kubernetes:") ? x.name : armId(`rg-${e(x)}`, x.type.replace(/^azure(-native)?[^:]*:/, ""), x.name) };
        return {
            type: x.type,
            name: x.name,
            urn: urnOf(x.type, x.name),
            inputs,
            outputs,
            parent: STACK_URN,
            dependencies: x.deps,
            propertyDependencies: x.propDeps,
            provider: provider(x.type, e(x)),
        };
    });
}

function envOf(name: string): string {
    const m = /-(e\d+)(?:-|$)/.exec(name);
    return m ? m[1] : "e0";
}

/**
 * The mixed stack of the per-resource benchmark: `envs` Azure environments (both providers, ~31
 * resources each: clusters, pools, ACR, Key Vault, NSGs, rules, VNets, subnets, ...) and `k8s`
 * Kubernetes objects across as many clusters (~2/3 workloads of every kind). Inputs are in preview shape (IDs of
 * other resources unknown), outputs in update shape.
 */
export function mixedStack(k8s = 320, envs = 4, seed = 42): EngineResource[] {
    const r = prng(seed);
    const units: Unit[] = [];
    for (let e = 0; e < envs; e++) units.push(...azureEnv(r, e));
    for (let e = 0; e < envs; e++) units.push(...k8sObjects(r, e, Math.floor(k8s / envs) + (e < k8s % envs ? 1 : 0)));
    return toResources(units, u => envOf(u.name));
}

/** Exactly `n` resources of the same mix (one Azure environment per ~150 Kubernetes objects). */
export function scaledStack(n: number, seed = 7): EngineResource[] {
    const r = prng(seed);
    const units: Unit[] = [];
    for (let e = 0; units.length < n; e++) {
        units.push(...azureEnv(r, e));
        units.push(...k8sObjects(r, e, 150));
    }
    return toResources(units.slice(0, n), u => envOf(u.name));
}

if (require.main === module) {
    const s = mixedStack();
    const byType = new Map<string, number>();
    for (const x of s) byType.set(x.type, (byType.get(x.type) ?? 0) + 1);
    console.log(`${s.length} resources, ${byType.size} type tokens`);
    for (const [t, c] of [...byType].sort((a, b) => b[1] - a[1])) console.log(`${String(c).padStart(4)}  ${t}`);
}
