import { say } from "../../lib/core/message";
import { excludedNamespacesConfig } from "../../lib/config/namespaces";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { PodSpecView } from "../../lib/views/podspec";
import { namespaced, workloads } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "k8s-pss-restricted-proc-mount",
    displayName: "Pod Security restricted: default /proc mount, even in a user namespace",
    description: "Containers keep the default masked /proc mount, also in user-namespace pods (policy version 1.35).",
    controls: ["POD-1"],
    checks: ["K8S-B10"],
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["pss-restricted"],
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted",
    remediationSteps: [
        "Kubernetes manifest: set `securityContext.procMount` to `Default` (or leave it out) on every container, init container and ephemeral container, whatever `spec.hostUsers` says.",
        "Pulumi kubernetes: in each container of the pod spec leave `securityContext.procMount` unset or `\"Default\"`.",
    ].join("\n"),
    config: { ...excludedNamespacesConfig },
};

export function* check(pod: PodSpecView): Iterable<string> {
    for (const c of pod.containers()) {
        const n = c.sc("procMount");
        if (n.present && n.raw !== "Default") {
            yield say({ element: c.label(), node: n, base: c.node, fix: "set it to Default or remove it" });
        }
    }
}

export const policy = resourcePolicy(meta, namespaced(workloads), check);
