import { say } from "../../lib/core/message";
import { excludedNamespacesConfig } from "../../lib/config/namespaces";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { PodSpecView } from "../../lib/views/podspec";
import { namespaced, workloads } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "k8s-container-read-only-root-filesystem",
    displayName: "Kubernetes: read-only root filesystem in every container",
    description: "Every container, init container and ephemeral container mounts its root filesystem read-only.",
    controls: ["POD-2"],
    checks: ["K8S-01"],
    severity: "medium",
    enforcementLevel: "advisory",
    url: "https://kubernetes.io/docs/tasks/configure-pod-container/security-context/",
    remediationSteps: [
        "Kubernetes manifest: set `securityContext.readOnlyRootFilesystem: true` on every container, init container and ephemeral container; mount an `emptyDir` volume where the process must write (e.g. /tmp).",
        "Pulumi kubernetes: in each `containers[]` / `initContainers[]` / `ephemeralContainers[]` entry of the pod spec set `securityContext: { readOnlyRootFilesystem: true }`, plus `volumeMounts` of an `emptyDir` for writable paths.",
        "Windows pods (`spec.os.name: windows`) are skipped: Windows does not support the setting.",
    ].join("\n"),
    config: { ...excludedNamespacesConfig },
};

export function* check(pod: PodSpecView): Iterable<string> {
    if (pod.isWindows()) {
        return;
    }
    for (const c of pod.containers()) {
        const n = c.sc("readOnlyRootFilesystem");
        if (pod.patch && !n.present) {
            continue;
        }
        if (n.bool() !== true) {
            yield say({ element: c.label(), node: n, base: c.node, absent: "the container can write to its root filesystem", fix: "set it to true" });
        }
    }
}

export const policy = resourcePolicy(meta, namespaced(workloads), check);
