// The AKS Store sample application the AKS Automatic quickstarts deploy:
//
//   kubectl create ns aks-store-demo
//   kubectl apply -n aks-store-demo -f https://raw.githubusercontent.com/Azure-Samples/aks-store-demo/main/aks-store-ingress-quickstart.yaml
//
// translated document by document from Azure-Samples/aks-store-demo, file
// aks-store-ingress-quickstart.yaml at commit 7ce10c5110d6a52d3517dfb6d7a7b7b2edf2e5a5 (last change to
// the file: ee37ec8ce8600159450d0dc6010f74efa340c6fd). Every object lands in the namespace given with
// `-n`; the default Kubernetes provider stands for the kubeconfig `az aks get-credentials` writes.
import * as k8s from "@pulumi/kubernetes";

export function deployStore(): void {
    // kubectl create ns aks-store-demo
    const ns = new k8s.core.v1.Namespace("aks-store-demo", { metadata: { name: "aks-store-demo" } });
    const namespace = ns.metadata.name;

    new k8s.core.v1.Secret("rabbitmq-secrets", {
        metadata: { name: "rabbitmq-secrets", namespace },
        data: {
            RABBITMQ_DEFAULT_USER: "dXNlcm5hbWU=",
            RABBITMQ_DEFAULT_PASS: "cGFzc3dvcmQ=",
        },
    });

    new k8s.apps.v1.StatefulSet("rabbitmq", {
        metadata: { name: "rabbitmq", namespace },
        spec: {
            serviceName: "rabbitmq",
            replicas: 1,
            selector: { matchLabels: { app: "rabbitmq" } },
            template: {
                metadata: { labels: { app: "rabbitmq" } },
                spec: {
                    nodeSelector: { "kubernetes.io/os": "linux" },
                    containers: [{
                        name: "rabbitmq",
                        image: "rabbitmq:4.3.2-management-alpine",
                        ports: [
                            { containerPort: 5672, name: "rabbitmq-amqp" },
                            { containerPort: 15672, name: "rabbitmq-http" },
                        ],
                        envFrom: [{ secretRef: { name: "rabbitmq-secrets" } }],
                        resources: {
                            requests: { cpu: "10m", memory: "128Mi" },
                            limits: { cpu: "250m", memory: "256Mi" },
                        },
                        startupProbe: { tcpSocket: { port: 5672 }, failureThreshold: 30, initialDelaySeconds: 10, periodSeconds: 10 },
                        readinessProbe: { tcpSocket: { port: 5672 }, failureThreshold: 3, initialDelaySeconds: 5, periodSeconds: 5 },
                        livenessProbe: { tcpSocket: { port: 5672 }, failureThreshold: 3, initialDelaySeconds: 30, periodSeconds: 10 },
                    }],
                },
            },
        },
    });

    new k8s.core.v1.Service("rabbitmq", {
        metadata: { name: "rabbitmq", namespace },
        spec: {
            selector: { app: "rabbitmq" },
            ports: [
                { name: "rabbitmq-amqp", port: 5672, targetPort: 5672 },
                { name: "rabbitmq-http", port: 15672, targetPort: 15672 },
            ],
            type: "ClusterIP",
        },
    });

    new k8s.core.v1.ConfigMap("order-service-configs", {
        metadata: { name: "order-service-configs", namespace },
        data: {
            ORDER_QUEUE_PORT: "5672",
            ORDER_QUEUE_HOSTNAME: "rabbitmq",
            ORDER_QUEUE_NAME: "orders",
            FASTIFY_ADDRESS: "0.0.0.0",
        },
    });

    new k8s.core.v1.Secret("order-service-secrets", {
        metadata: { name: "order-service-secrets", namespace },
        data: {
            ORDER_QUEUE_USERNAME: "dXNlcm5hbWU=",
            ORDER_QUEUE_PASSWORD: "cGFzc3dvcmQ=",
        },
    });

    new k8s.apps.v1.Deployment("order-service", {
        metadata: { name: "order-service", namespace },
        spec: {
            replicas: 1,
            selector: { matchLabels: { app: "order-service" } },
            template: {
                metadata: { labels: { app: "order-service" } },
                spec: {
                    nodeSelector: { "kubernetes.io/os": "linux" },
                    containers: [{
                        name: "order-service",
                        image: "ghcr.io/azure-samples/aks-store-demo/order-service:2.2.0",
                        ports: [{ containerPort: 3000 }],
                        envFrom: [
                            { configMapRef: { name: "order-service-configs" } },
                            { secretRef: { name: "order-service-secrets" } },
                        ],
                        resources: {
                            requests: { cpu: "1m", memory: "50Mi" },
                            limits: { cpu: "75m", memory: "128Mi" },
                        },
                        startupProbe: { httpGet: { path: "/health", port: 3000 }, failureThreshold: 5, initialDelaySeconds: 20, periodSeconds: 10 },
                        readinessProbe: { httpGet: { path: "/health", port: 3000 }, failureThreshold: 3, initialDelaySeconds: 3, periodSeconds: 5 },
                        livenessProbe: { httpGet: { path: "/health", port: 3000 }, failureThreshold: 5, initialDelaySeconds: 3, periodSeconds: 3 },
                    }],
                    initContainers: [{
                        name: "wait-for-rabbitmq",
                        image: "busybox:1.37.0",
                        command: ["sh", "-c", "until nc -zv rabbitmq 5672; do echo waiting for rabbitmq; sleep 2; done;"],
                        resources: {
                            requests: { cpu: "1m", memory: "50Mi" },
                            limits: { cpu: "75m", memory: "128Mi" },
                        },
                    }],
                },
            },
        },
    });

    new k8s.core.v1.Service("order-service", {
        metadata: { name: "order-service", namespace },
        spec: {
            type: "ClusterIP",
            ports: [{ name: "http", port: 3000, targetPort: 3000 }],
            selector: { app: "order-service" },
        },
    });

    new k8s.apps.v1.Deployment("product-service", {
        metadata: { name: "product-service", namespace },
        spec: {
            replicas: 1,
            selector: { matchLabels: { app: "product-service" } },
            template: {
                metadata: { labels: { app: "product-service" } },
                spec: {
                    nodeSelector: { "kubernetes.io/os": "linux" },
                    containers: [{
                        name: "product-service",
                        image: "ghcr.io/azure-samples/aks-store-demo/product-service:2.2.0",
                        ports: [{ containerPort: 3002 }],
                        env: [{ name: "AI_SERVICE_URL", value: "http://ai-service:5001/" }],
                        resources: {
                            requests: { cpu: "1m", memory: "1Mi" },
                            limits: { cpu: "2m", memory: "20Mi" },
                        },
                        readinessProbe: { httpGet: { path: "/health", port: 3002 }, failureThreshold: 3, initialDelaySeconds: 3, periodSeconds: 5 },
                        livenessProbe: { httpGet: { path: "/health", port: 3002 }, failureThreshold: 5, initialDelaySeconds: 3, periodSeconds: 3 },
                    }],
                },
            },
        },
    });

    new k8s.core.v1.Service("product-service", {
        metadata: { name: "product-service", namespace },
        spec: {
            type: "ClusterIP",
            ports: [{ name: "http", port: 3002, targetPort: 3002 }],
            selector: { app: "product-service" },
        },
    });

    new k8s.apps.v1.Deployment("store-front", {
        metadata: { name: "store-front", namespace },
        spec: {
            replicas: 1,
            selector: { matchLabels: { app: "store-front" } },
            template: {
                metadata: { labels: { app: "store-front" } },
                spec: {
                    nodeSelector: { "kubernetes.io/os": "linux" },
                    containers: [{
                        name: "store-front",
                        image: "ghcr.io/azure-samples/aks-store-demo/store-front:2.2.0",
                        ports: [{ containerPort: 8080, name: "store-front" }],
                        resources: {
                            requests: { cpu: "1m", memory: "200Mi" },
                            limits: { cpu: "1000m", memory: "512Mi" },
                        },
                        startupProbe: { httpGet: { path: "/health", port: 8080 }, failureThreshold: 3, initialDelaySeconds: 5, periodSeconds: 5 },
                        readinessProbe: { httpGet: { path: "/health", port: 8080 }, failureThreshold: 3, initialDelaySeconds: 3, periodSeconds: 3 },
                        livenessProbe: { httpGet: { path: "/health", port: 8080 }, failureThreshold: 5, initialDelaySeconds: 3, periodSeconds: 3 },
                    }],
                },
            },
        },
    });

    new k8s.core.v1.Service("store-front", {
        metadata: { name: "store-front", namespace },
        spec: {
            ports: [{ port: 80, targetPort: 8080 }],
            selector: { app: "store-front" },
            type: "ClusterIP",
        },
    });

    new k8s.networking.v1.Ingress("store-front", {
        metadata: { name: "store-front", namespace },
        spec: {
            ingressClassName: "webapprouting.kubernetes.azure.com",
            rules: [{
                http: {
                    paths: [{
                        path: "/",
                        pathType: "Prefix",
                        backend: { service: { name: "store-front", port: { number: 80 } } },
                    }],
                },
            }],
        },
    });
}
