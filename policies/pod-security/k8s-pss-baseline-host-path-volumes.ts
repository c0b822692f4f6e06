import { say } from "../../lib/core/message";
import { excludedNamespacesConfig } from "../../lib/config/namespaces";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { printable } from "../../lib/core/node";
import { PodSpecView } from "../../lib/views/podspec";
import { namespaced, workloads } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "k8s-pss-baseline-host-path-volumes",
    displayName: "Pod Security baseline: no hostPath volumes",
    description: "Pods mount no hostPath volumes, which expose the node's file system.",
    controls: ["POD-1"],
    checks: ["K8S-B05"],
    severity: "high",
    enforcementLevel: "advisory",
    tags: ["pss-baseline"],
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    remediationSteps: [
        "Kubernetes manifest: replace every `volumes[].hostPath` with a persistentVolumeClaim, configMap, secret, emptyDir or CSI volume.",
        "Pulumi kubernetes: in the pod spec's `volumes` (`spec.template.spec.volumes`; Pod `spec.volumes`) declare no `hostPath` entry.",
    ].join("\n"),
    config: { ...excludedNamespacesConfig },
};

export function* check(pod: PodSpecView): Iterable<string> {
    for (const v of pod.field("volumes").items()) {
        const hostPath = v.get("hostPath");
        if (hostPath.present) {
            const name = printable(v.get("name"));
            const element = name !== undefined ? `${v.path} (${JSON.stringify(name)})` : v.path;
            yield say({ element, node: hostPath, base: v, fix: "use a persistentVolumeClaim, configMap, secret, emptyDir or CSI volume instead" });
        }
    }
}

export const policy = resourcePolicy(meta, namespaced(workloads), check);
