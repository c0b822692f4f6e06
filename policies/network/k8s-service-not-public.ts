import { say } from "../../lib/core/message";
import { excludedNamespacesConfig, NamespaceConfig } from "../../lib/config/namespaces";
import { CheckContext, PolicyMeta, resourcePolicy } from "../../lib/policy";
import { allowKeys, configList, ObjectView } from "../../lib/views/k8s-objects";
import { service } from "../../lib/core/kinds";
import { namespaced, objects } from "../../lib/readers";

export interface Config extends NamespaceConfig {
    allowPublicServices: string[];
}

export const meta: PolicyMeta = {
    name: "k8s-service-not-public",
    displayName: "Kubernetes: no public LoadBalancer Services or externalIPs",
    description: "Services of type LoadBalancer use an internal Azure load balancer, and no Service sets externalIPs, so nothing is exposed to the internet outside an approved entry point.",
    controls: ["NET-3", "NET-5"],
    checks: ["K8S-15"],
    severity: "high",
    enforcementLevel: "mandatory",
    url: "https://learn.microsoft.com/azure/aks/internal-lb",
    remediationSteps: [
        "Kubernetes manifest: annotate every `type: LoadBalancer` Service with `service.beta.kubernetes.io/azure-load-balancer-internal: \"true\"` and publish internet traffic through one approved entry point (Application Gateway for Containers, a WAF); remove `spec.externalIPs`.",
        "Pulumi kubernetes: on each `k8s.core.v1.Service` with `spec.type: \"LoadBalancer\"` set `metadata.annotations[\"service.beta.kubernetes.io/azure-load-balancer-internal\"] = \"true\"`, and leave `spec.externalIPs` unset.",
        "An approved public entry point (the ingress controller's Service): list it in `allowPublicServices` as `namespace/name` (the Pulumi resource name also matches).",
    ].join("\n"),
    config: {
        allowPublicServices: {
            type: "array",
            items: { type: "string" },
            default: [],
            description: "Services allowed to be public: `namespace/name` (or `name` in any namespace); the Pulumi resource name also matches.",
        },
        ...excludedNamespacesConfig,
    },
};

export const INTERNAL = "service.beta.kubernetes.io/azure-load-balancer-internal";

export function* check(svc: ObjectView, ctx: CheckContext<Config>): Iterable<string> {
    const allowed = configList(ctx.config.allowPublicServices).map(s => s.trim().toLowerCase());
    if (allowKeys(svc.name(), svc.namespace(), ctx.name).some(k => allowed.includes(k))) {
        return;
    }
    const type = svc.get("spec.type");
    if (type.str()?.trim().toLowerCase() === "loadbalancer") {
        const n = svc.annotation(INTERNAL);
        if (n.bool() !== true && !(svc.patch && !n.present)) {
            yield say({ element: svc.label(), node: n, absent: "Azure gives the load balancer a public IP address", fix: "set it to \"true\"" });
        }
    }
    const ips = svc.get("spec.externalIPs");
    if (ips.present && !(ips.isArray && ips.items().length === 0)) {
        yield say({ element: svc.label(), node: ips, fix: "remove it and expose the Service through an internal load balancer or an Ingress" });
    }
}

export const policy = resourcePolicy(meta, namespaced(objects(service)), check);
