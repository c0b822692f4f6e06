import { say } from "../../lib/core/message";
import { excludedNamespacesConfig } from "../../lib/config/namespaces";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { PodSpecView } from "../../lib/views/podspec";
import { namespaced, workloads } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "k8s-pss-baseline-host-namespaces",
    displayName: "Pod Security baseline: no host network, PID or IPC namespace",
    description: "Pods do not share the node's network, process or IPC namespace (hostNetwork, hostPID, hostIPC).",
    controls: ["POD-1"],
    checks: ["K8S-B02"],
    severity: "high",
    enforcementLevel: "advisory",
    cis: ["4.2.2", "4.2.3", "4.2.4"],
    tags: ["pss-baseline"],
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    remediationSteps: [
        "Kubernetes manifest: remove `hostNetwork`, `hostPID` and `hostIPC` from the pod spec (or set them to `false`); expose ports through a Service instead of the node's network.",
        "Pulumi kubernetes: in the pod spec (`spec.template.spec`; Pod `spec`; CronJob `spec.jobTemplate.spec.template.spec`) leave `hostNetwork`, `hostPID` and `hostIPC` unset or `false`.",
    ].join("\n"),
    config: { ...excludedNamespacesConfig },
};

export function* check(pod: PodSpecView): Iterable<string> {
    for (const field of ["hostNetwork", "hostPID", "hostIPC"]) {
        const n = pod.field(field);
        if (n.present && n.bool() !== false) {
            yield say({ element: pod.spec.path, node: n, base: pod.spec, fix: "set it to false or remove it" });
        }
    }
}

export const policy = resourcePolicy(meta, namespaced(workloads), check);
