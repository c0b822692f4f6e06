import { say } from "../../lib/core/message";
import { serviceAccount } from "../../lib/core/kinds";
import { excludedNamespacesConfig, NamespaceConfig } from "../../lib/config/namespaces";
import { CheckContext, PolicyMeta, resourcePolicy } from "../../lib/policy";
import { either, namespaced, objects, workloads } from "../../lib/readers";
import { allowKeys, configList, ObjectView } from "../../lib/views/k8s-objects";
import { printable } from "../../lib/core/node";
import { PodSpecView } from "../../lib/views/podspec";

export interface Config extends NamespaceConfig {
    allowedServiceAccounts: string[];
}

export const meta: PolicyMeta = {
    name: "k8s-service-account-token-not-automounted",
    displayName: "Kubernetes: service-account token not mounted automatically",
    description: "Pods and ServiceAccounts set automountServiceAccountToken: false, so only workloads that call the Kubernetes API hold an API token.",
    controls: ["IAM-2", "DATA-3"],
    checks: ["K8S-02"],
    severity: "medium",
    enforcementLevel: "advisory",
    cis: ["4.1.6"],
    url: "https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting",
    remediationSteps: [
        "Kubernetes manifest: set `automountServiceAccountToken: false` in the pod spec of every workload and on every ServiceAccount; the pod-level field wins over the ServiceAccount's.",
        "Pulumi kubernetes: set `automountServiceAccountToken: false` in the pod spec (`spec.template.spec`; Pod `spec`; CronJob `spec.jobTemplate.spec.template.spec`) and on each `k8s.core.v1.ServiceAccount`.",
        "Workloads that call the Kubernetes API (operators, controllers): list their service account in `allowedServiceAccounts` (`namespace/name`), or mount a short-lived projected token only in them.",
    ].join("\n"),
    config: {
        allowedServiceAccounts: {
            type: "array",
            items: { type: "string" },
            default: [],
            description: "Service accounts that need the API token: `namespace/name` (or `name` in any namespace). Pods running as them, and the ServiceAccounts themselves, may mount it.",
        },
        ...excludedNamespacesConfig,
    },
};

const FIX = "set it to false";

function allowed(name: string | undefined, ns: string | undefined, ctx: CheckContext<Config>): boolean {
    const list = configList(ctx.config.allowedServiceAccounts).map(s => s.trim().toLowerCase());
    return allowKeys(name, ns).some(k => list.includes(k));
}

/** The pod's service account (`default` when unset); undefined when unknown in preview. */
function serviceAccountName(pod: PodSpecView): string | undefined {
    const name = pod.field("serviceAccountName");
    const sa = name.pending || name.hasText ? name : pod.field("serviceAccount");
    if (sa.pending) {
        return undefined;
    }
    return sa.hasText ? printable(sa)?.trim() : "default";
}

export function* check(v: PodSpecView | ObjectView, ctx: CheckContext<Config>): Iterable<string> {
    if (v instanceof PodSpecView) {
        if (allowed(serviceAccountName(v), v.namespace(), ctx)) {
            return;
        }
        const n = v.field("automountServiceAccountToken");
        if (n.bool() !== false && !(v.patch && !n.present)) {
            yield say({ element: v.spec.path, node: n, base: v.spec, absent: "the pod gets an API token unless its ServiceAccount sets automountServiceAccountToken: false", fix: FIX });
        }
        return;
    }
    if (allowed(v.name(), v.namespace(), ctx)) {
        return;
    }
    const n = v.get("automountServiceAccountToken");
    if (n.bool() !== false && !(v.patch && !n.present)) {
        yield say({ element: v.label(), node: n, absent: "every pod that runs as it gets an API token unless the pod sets automountServiceAccountToken: false", fix: FIX });
    }
}

export const policy = resourcePolicy(meta, namespaced(either("Kubernetes workload and ServiceAccount", workloads, objects(serviceAccount))), check);
