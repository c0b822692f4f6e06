import { say } from "../../lib/core/message";
import { excludedNamespacesConfig } from "../../lib/config/namespaces";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { PodSpecView } from "../../lib/views/podspec";
import { namespaced, workloads } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "k8s-pss-baseline-privileged",
    displayName: "Pod Security baseline: no privileged containers",
    description: "No container, init container or ephemeral container runs privileged.",
    controls: ["POD-1", "POD-2"],
    checks: ["K8S-B03"],
    severity: "high",
    enforcementLevel: "advisory",
    cis: ["4.2.1"],
    tags: ["pss-baseline"],
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    remediationSteps: [
        "Kubernetes manifest: remove `securityContext.privileged: true` (or set it to `false`) on every container, init container and ephemeral container; grant single capabilities instead if one is really needed.",
        "Pulumi kubernetes: in each `containers[]` / `initContainers[]` / `ephemeralContainers[]` entry of the pod spec leave `securityContext.privileged` unset or `false`.",
    ].join("\n"),
    config: { ...excludedNamespacesConfig },
};

export function* check(pod: PodSpecView): Iterable<string> {
    for (const c of pod.containers()) {
        const n = c.sc("privileged");
        if (n.present && n.bool() !== false) {
            yield say({ element: c.label(), node: n, base: c.node, fix: "set it to false or remove it" });
        }
    }
}

export const policy = resourcePolicy(meta, namespaced(workloads), check);
