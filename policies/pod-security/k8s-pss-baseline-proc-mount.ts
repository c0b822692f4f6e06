import { say } from "../../lib/core/message";
import { excludedNamespacesConfig } from "../../lib/config/namespaces";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { PodSpecView } from "../../lib/views/podspec";
import { namespaced, workloads } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "k8s-pss-baseline-proc-mount",
    displayName: "Pod Security baseline: default /proc mount",
    description: "Containers keep the default masked /proc mount, unless the pod runs in a user namespace (hostUsers: false).",
    controls: ["POD-1"],
    checks: ["K8S-B10"],
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["pss-baseline"],
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    remediationSteps: [
        "Kubernetes manifest: set `securityContext.procMount` to `Default` (or leave it out) on every container, init container and ephemeral container, or run the pod in a user namespace (`spec.hostUsers: false`).",
        "Pulumi kubernetes: in each container of the pod spec leave `securityContext.procMount` unset or `\"Default\"`.",
    ].join("\n"),
    config: { ...excludedNamespacesConfig },
};

export function* check(pod: PodSpecView): Iterable<string> {
    const out: string[] = [];
    for (const c of pod.containers()) {
        const n = c.sc("procMount");
        if (n.present && n.raw !== "Default") {
            out.push(say({ element: c.label(), node: n, base: c.node, fix: "set it to Default or remove it, or run the pod in a user namespace (spec.hostUsers: false)" }));
        }
    }
    // Policy version 1.35: a pod in a user namespace may unmask /proc (read only when it matters).
    if (out.length > 0 && !pod.userNamespace()) {
        yield* out;
    }
}

export const policy = resourcePolicy(meta, namespaced(workloads), check);
