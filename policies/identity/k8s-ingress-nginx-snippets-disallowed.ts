import { excludedNamespacesConfig } from "../../lib/config/namespaces";
import { CheckContext, PolicyMeta, resourcePolicy } from "../../lib/policy";
import { ObjectView } from "../../lib/views/k8s-objects";
import { ingress } from "../../lib/core/kinds";
import { namespaced, objects } from "../../lib/readers";

export interface Config {
    disallowedAnnotations: string[];
}

/**
 * The ingress-nginx annotations that paste raw NGINX configuration into the controller, whose
 * service account can read every Secret of the cluster (CVE-2021-25742); and those whose values
 * reached the controller's configuration unchecked (CVE-2025-1974, "IngressNightmare").
 */
const DEFAULT = [
    "nginx.ingress.kubernetes.io/configuration-snippet",
    "nginx.ingress.kubernetes.io/server-snippet",
    "nginx.ingress.kubernetes.io/auth-snippet",
    "nginx.ingress.kubernetes.io/stream-snippet",
    "nginx.ingress.kubernetes.io/modsecurity-snippet",
];

export const meta: PolicyMeta = {
    name: "k8s-ingress-nginx-snippets-disallowed",
    displayName: "Kubernetes: no ingress-nginx snippet annotations",
    description: "Ingress objects carry no ingress-nginx snippet annotations, which let whoever can write an Ingress inject NGINX configuration into the controller and read every Secret it can (CVE-2021-25742, CVE-2025-1974).",
    controls: ["IAM-2", "DATA-3"],
    checks: ["K8S-16"],
    severity: "high",
    enforcementLevel: "advisory",
    url: "https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/#configuration-snippet",
    remediationSteps: [
        "Kubernetes manifest: remove the snippet annotation from the Ingress and express the need with the controller's dedicated annotations (rewrites, headers, CORS, rate limits) or in the controller's ConfigMap, which only cluster operators can change.",
        "Controller: keep `allow-snippet-annotations: \"false\"` in the ingress-nginx ConfigMap (the default since controller v1.9) and run a controller version with the CVE-2025-1974 fixes (v1.11.5 / v1.12.1 or later); the AKS application routing add-on manages this for you.",
        "Pulumi kubernetes: delete the key from `metadata.annotations` of the `k8s.networking.v1.Ingress`.",
    ].join("\n"),
    config: {
        disallowedAnnotations: {
            type: "array",
            items: { type: "string" },
            default: DEFAULT,
            description: "Annotation keys an Ingress may not carry (compared case-insensitively). Annotations of other controllers are never read.",
        },
        ...excludedNamespacesConfig,
    },
};

export function* check(ing: ObjectView, ctx: CheckContext<Config>): Iterable<string> {
    const configured = Array.isArray(ctx.config.disallowedAnnotations)
        ? ctx.config.disallowedAnnotations.filter((s): s is string => typeof s === "string")
        : DEFAULT;
    const disallowed = new Set(configured.map(s => s.trim().toLowerCase()));
    for (const [key, value] of ing.get("metadata.annotations").entries()) {
        if (disallowed.has(key.trim().toLowerCase())) {
            yield `${ing.label()} sets ${value.path}, which injects raw NGINX configuration into the ingress-nginx controller; remove the annotation and use the controller's dedicated annotations instead.`;
        }
    }
}

export const policy = resourcePolicy(meta, namespaced(objects(ingress)), check);
