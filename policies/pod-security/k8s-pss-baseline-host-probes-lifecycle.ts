import { say } from "../../lib/core/message";
import { excludedNamespacesConfig } from "../../lib/config/namespaces";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { PodSpecView } from "../../lib/views/podspec";
import { namespaced, workloads } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "k8s-pss-baseline-host-probes-lifecycle",
    displayName: "Pod Security baseline: probes and lifecycle hooks target the pod itself",
    description: "Probes and lifecycle hooks set no host, so the kubelet cannot be used to reach other addresses (policy version 1.34+).",
    controls: ["POD-1"],
    checks: ["K8S-B07"],
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["pss-baseline"],
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    remediationSteps: [
        "Kubernetes manifest: remove `host` from `livenessProbe`, `readinessProbe`, `startupProbe` and `lifecycle.postStart` / `lifecycle.preStop` (`httpGet` and `tcpSocket`) of every container and init container; the kubelet then connects to the pod's own IP.",
        "Pulumi kubernetes: in each container of the pod spec leave `httpGet.host` and `tcpSocket.host` of probes and lifecycle handlers unset (or `\"\"`); use an `httpHeaders` `Host` header for virtual hosts.",
    ].join("\n"),
    config: { ...excludedNamespacesConfig },
};

const HANDLERS = ["livenessProbe", "readinessProbe", "startupProbe", "lifecycle.postStart", "lifecycle.preStop"];

export function* check(pod: PodSpecView): Iterable<string> {
    // Ephemeral containers may not declare probes or lifecycle hooks (API validation).
    for (const c of pod.containers(["containers", "initContainers"])) {
        for (const handler of HANDLERS) {
            for (const action of ["httpGet", "tcpSocket"]) {
                const host = c.get(`${handler}.${action}.host`);
                if (host.present && host.raw !== "") {
                    yield say({ element: c.label(), node: host, base: c.node, fix: "remove it so the kubelet connects to the pod's own IP" });
                }
            }
        }
    }
}

export const policy = resourcePolicy(meta, namespaced(workloads), check);
