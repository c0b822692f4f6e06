import { say } from "../../lib/core/message";
import { excludedNamespacesConfig } from "../../lib/config/namespaces";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { PodSpecView } from "../../lib/views/podspec";
import { namespaced, workloads } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "k8s-pss-baseline-seccomp",
    displayName: "Pod Security baseline: seccomp not unconfined",
    description: "Pods and containers do not switch seccomp off (seccompProfile.type Unconfined).",
    controls: ["POD-1"],
    checks: ["K8S-B11"],
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["pss-baseline"],
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    remediationSteps: [
        "Kubernetes manifest: set `securityContext.seccompProfile.type` of the pod and of its containers to `RuntimeDefault` or `Localhost`, never `Unconfined`.",
        "Pulumi kubernetes: in the pod spec set `securityContext: { seccompProfile: { type: \"RuntimeDefault\" } }` and remove container-level `Unconfined` profiles.",
    ].join("\n"),
    config: { ...excludedNamespacesConfig },
};

const TYPES = ["RuntimeDefault", "Localhost"];
const FIX = "set it to RuntimeDefault or Localhost";

export function* check(pod: PodSpecView): Iterable<string> {
    // The reference forbids Unconfined; any other value than these two is rejected by the API server.
    const p = pod.field("securityContext.seccompProfile.type");
    if (p.present && !TYPES.includes(p.str() ?? "")) {
        yield say({ element: pod.spec.path, node: p, base: pod.spec, fix: FIX });
    }
    for (const c of pod.containers()) {
        const n = c.sc("seccompProfile.type");
        if (n.present && !TYPES.includes(n.str() ?? "")) {
            yield say({ element: c.label(), node: n, base: c.node, fix: FIX });
        }
    }
}

export const policy = resourcePolicy(meta, namespaced(workloads), check);
