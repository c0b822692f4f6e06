import { say } from "../../lib/core/message";
import { excludedNamespacesConfig } from "../../lib/config/namespaces";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { PodSpecView } from "../../lib/views/podspec";
import { namespaced, workloads } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "k8s-pss-baseline-host-process",
    displayName: "Pod Security baseline: no Windows HostProcess containers",
    description: "Pods run no Windows HostProcess containers, which have full access to the node.",
    controls: ["POD-1"],
    checks: ["K8S-B01"],
    severity: "high",
    enforcementLevel: "advisory",
    tags: ["pss-baseline"],
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    remediationSteps: [
        "Kubernetes manifest: remove `windowsOptions.hostProcess: true` (or set it to `false`) from the pod's `securityContext` and from every container, init container and ephemeral container.",
        "Pulumi kubernetes: in the pod spec (`spec.template.spec`; Pod `spec`; CronJob `spec.jobTemplate.spec.template.spec`) leave `securityContext.windowsOptions.hostProcess` unset or `false`.",
        "Node agents that need HostProcess belong in a system namespace listed in `excludedNamespaces`.",
    ].join("\n"),
    config: { ...excludedNamespacesConfig },
};

const FIX = "set it to false or remove it";

export function* check(pod: PodSpecView): Iterable<string> {
    const p = pod.field("securityContext.windowsOptions.hostProcess");
    if (p.present && p.bool() !== false) {
        yield say({ element: pod.spec.path, node: p, base: pod.spec, fix: FIX });
    }
    for (const c of pod.containers()) {
        const n = c.sc("windowsOptions.hostProcess");
        if (n.present && n.bool() !== false) {
            yield say({ element: c.label(), node: n, base: c.node, fix: FIX });
        }
    }
}

export const policy = resourcePolicy(meta, namespaced(workloads), check);
