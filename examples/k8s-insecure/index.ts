// Kubernetes workloads as many first drafts look: a public LoadBalancer, an unpinned image
// from Docker Hub running privileged on the host network with the default service account,
// a password in an env var and a token from a Secret in another, wildcard RBAC, cluster-admin for a user, an Ingress without TLS
// that pastes raw NGINX configuration,
// and a Helm v3 Release whose objects no policy can see.
import * as k8s from "@pulumi/kubernetes";

const ns = new k8s.core.v1.Namespace("shop", { metadata: { name: "shop" } });

const labels = { app: "web" };
new k8s.apps.v1.Deployment("web", {
    metadata: { name: "web", namespace: ns.metadata.name },
    spec: {
        replicas: 2,
        selector: { matchLabels: labels },
        template: {
            metadata: { labels },
            spec: {
                hostNetwork: true,
                containers: [{
                    name: "web",
                    image: "nginx:latest",
                    ports: [{ containerPort: 80, hostPort: 80 }],
                    env: [
                        { name: "DB_PASSWORD", value: "hunter2-not-real" },
                        { name: "API_TOKEN", valueFrom: { secretKeyRef: { name: "api", key: "token" } } },
                    ],
                    securityContext: { privileged: true },
                }],
            },
        },
    },
});

// A node debugging DaemonSet that escapes every isolation the pod security standards guard.
new k8s.apps.v1.DaemonSet("node-debugger", {
    metadata: { name: "node-debugger", namespace: ns.metadata.name },
    spec: {
        selector: { matchLabels: { app: "node-debugger" } },
        template: {
            metadata: { labels: { app: "node-debugger" } },
            spec: {
                hostPID: true,
                securityContext: {
                    seccompProfile: { type: "Unconfined" },
                    appArmorProfile: { type: "Unconfined" },
                    seLinuxOptions: { type: "spc_t" },
                    sysctls: [{ name: "kernel.msgmax", value: "65536" }],
                },
                volumes: [{ name: "host-root", hostPath: { path: "/" } }],
                containers: [{
                    name: "debugger",
                    image: "docker.io/library/busybox:1.36",
                    imagePullPolicy: "IfNotPresent",
                    command: ["sleep", "infinity"],
                    volumeMounts: [{ name: "host-root", mountPath: "/host" }],
                    livenessProbe: { tcpSocket: { host: "10.0.0.1", port: 10250 } },
                    securityContext: {
                        runAsUser: 0,
                        procMount: "Unmasked",
                        capabilities: { add: ["SYS_ADMIN", "NET_RAW"] },
                    },
                }],
            },
        },
    },
});

// A nightly job on a beta API (batch/v1beta1 CronJob was removed in Kubernetes 1.25).
new k8s.batch.v1beta1.CronJob("report", {
    metadata: { name: "report", namespace: ns.metadata.name },
    spec: {
        schedule: "0 2 * * *",
        jobTemplate: { spec: { template: { spec: { restartPolicy: "OnFailure", containers: [{ name: "report", image: "ghcr.io/example/report:2.0.1" }] } } } },
    },
});

new k8s.core.v1.Service("web", {
    metadata: { name: "web", namespace: ns.metadata.name },
    spec: { type: "LoadBalancer", selector: labels, ports: [{ port: 80, targetPort: 80 }] },
});

new k8s.networking.v1.Ingress("web", {
    metadata: {
        name: "web",
        namespace: ns.metadata.name,
        annotations: { "nginx.ingress.kubernetes.io/configuration-snippet": "more_set_headers \"X-Frame-Options: DENY\";" },
    },
    spec: {
        ingressClassName: "nginx",
        rules: [{ host: "shop.example.com", http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: "web", port: { number: 80 } } } }] } }],
    },
});

new k8s.rbac.v1.ClusterRole("ops", {
    metadata: { name: "ops" },
    rules: [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }],
});

new k8s.rbac.v1.ClusterRoleBinding("ops-admin", {
    metadata: { name: "ops-admin" },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "cluster-admin" },
    subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "User", name: "alice@example.com" }],
});

new k8s.helm.v3.Release("ingress-nginx", {
    chart: "ingress-nginx",
    version: "4.11.2",
    namespace: "ingress-nginx",
    createNamespace: true,
    repositoryOpts: { repo: "https://kubernetes.github.io/ingress-nginx" },
});
