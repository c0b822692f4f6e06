import { say } from "../../lib/core/message";
import { excludedNamespacesConfig } from "../../lib/config/namespaces";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { PodSpecView } from "../../lib/views/podspec";
import { namespaced, workloads } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "k8s-pss-restricted-run-as-non-root",
    displayName: "Pod Security restricted: containers run as non-root",
    description: "Pods require non-root users (runAsNonRoot: true on the pod or on every container), unless they run in a user namespace (hostUsers: false).",
    controls: ["POD-2"],
    checks: ["K8S-R03"],
    severity: "medium",
    enforcementLevel: "advisory",
    cis: ["4.2.6"],
    tags: ["pss-restricted"],
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted",
    remediationSteps: [
        "Kubernetes manifest: set `spec.securityContext.runAsNonRoot: true` on the pod (or on every container, init container and ephemeral container) and run the image as a non-zero UID; no container may set it to `false`.",
        "Pulumi kubernetes: in the pod spec set `securityContext: { runAsNonRoot: true, runAsUser: 10001 }`; alternatively run the pod in a user namespace with `hostUsers: false`.",
    ].join("\n"),
    config: { ...excludedNamespacesConfig },
};

export function* check(pod: PodSpecView): Iterable<string> {
    const out: string[] = [];
    const p = pod.field("securityContext.runAsNonRoot");
    if (p.present && p.bool() !== true) {
        out.push(say({ element: pod.spec.path, node: p, base: pod.spec, fix: "set it to true" }));
    }
    for (const c of pod.containers()) {
        const n = c.sc("runAsNonRoot");
        if (n.present) {
            if (n.bool() !== true) {
                out.push(say({ element: c.label(), node: n, base: c.node, fix: "set it to true or remove it" }));
            }
        } else if (!p.present && !pod.patch) {
            // The pod-level field covers containers that do not set their own; a pod-level
            // violation is reported once above.
            out.push(say({
                element: c.label(),
                node: n,
                base: c.node,
                absent: `nor does ${pod.spec.path}.securityContext, so the image's user, possibly root, applies`,
                fix: `set it to true, here or once in ${pod.spec.path}.securityContext`,
            }));
        }
    }
    // Policy version 1.35: user-namespace pods are exempt (read only when it matters).
    if (out.length > 0 && !pod.userNamespace()) {
        yield* out;
    }
}

export const policy = resourcePolicy(meta, namespaced(workloads), check);
