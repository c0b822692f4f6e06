import { say } from "../../lib/core/message";
import { excludedNamespacesConfig } from "../../lib/config/namespaces";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { Node } from "../../lib/core/node";
import { PodSpecView } from "../../lib/views/podspec";
import { namespaced, workloads } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "k8s-pss-restricted-run-as-user",
    displayName: "Pod Security restricted: no UID 0",
    description: "Pods and containers do not set runAsUser: 0 (root), unless the pod runs in a user namespace (hostUsers: false).",
    controls: ["POD-2"],
    checks: ["K8S-R04"],
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["pss-restricted"],
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted",
    remediationSteps: [
        "Kubernetes manifest: set `securityContext.runAsUser` of the pod and of its containers to a non-zero UID (or leave it out and set `runAsNonRoot: true`).",
        "Pulumi kubernetes: in the pod spec set `securityContext: { runAsUser: 10001 }` and remove `runAsUser: 0` from containers.",
    ].join("\n"),
    config: { ...excludedNamespacesConfig },
};

const FIX = "set it to a non-zero UID such as 10001, or remove it";

function root(n: Node): boolean {
    const v = n.raw;
    return n.present && !(typeof v === "number" && v !== 0);
}

export function* check(pod: PodSpecView): Iterable<string> {
    const out: string[] = [];
    const p = pod.field("securityContext.runAsUser");
    if (root(p)) {
        out.push(say({ element: pod.spec.path, node: p, base: pod.spec, fix: FIX }));
    }
    for (const c of pod.containers()) {
        const n = c.sc("runAsUser");
        if (root(n)) {
            out.push(say({ element: c.label(), node: n, base: c.node, fix: FIX }));
        }
    }
    // Policy version 1.35: user-namespace pods are exempt (read only when it matters).
    if (out.length > 0 && !pod.userNamespace()) {
        yield* out;
    }
}

export const policy = resourcePolicy(meta, namespaced(workloads), check);
