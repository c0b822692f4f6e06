import { say } from "../../lib/core/message";
import { excludedNamespacesConfig } from "../../lib/config/namespaces";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { PodSpecView } from "../../lib/views/podspec";
import { namespaced, workloads } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "k8s-pss-restricted-seccomp",
    displayName: "Pod Security restricted: seccomp profile required",
    description: "Every container of a Linux pod runs with the RuntimeDefault or a Localhost seccomp profile, set on the pod or on the container.",
    controls: ["POD-1"],
    checks: ["K8S-R05"],
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["pss-restricted"],
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted",
    remediationSteps: [
        "Kubernetes manifest: set `spec.securityContext.seccompProfile.type: RuntimeDefault` (or `Localhost` with `localhostProfile`) on the pod, or on every container, init container and ephemeral container (Windows pods are exempt).",
        "Pulumi kubernetes: in the pod spec set `securityContext: { seccompProfile: { type: \"RuntimeDefault\" } }`.",
    ].join("\n"),
    config: { ...excludedNamespacesConfig },
};

const TYPES = ["RuntimeDefault", "Localhost"];

export function* check(pod: PodSpecView): Iterable<string> {
    const out: string[] = [];
    const p = pod.field("securityContext.seccompProfile");
    if (p.present && !TYPES.includes(p.get("type").str() ?? "")) {
        out.push(say({ element: pod.spec.path, node: p.get("type"), base: pod.spec, absent: "the profile has no type", fix: "set it to RuntimeDefault or Localhost" }));
    }
    for (const c of pod.containers()) {
        const profile = c.sc("seccompProfile");
        const type = profile.get("type");
        if (profile.present) {
            if (!TYPES.includes(type.str() ?? "")) {
                out.push(say({ element: c.label(), node: type, base: c.node, absent: "the profile has no type", fix: "set it to RuntimeDefault or Localhost" }));
            }
        } else if (!p.present && !pod.patch) {
            // The pod-level profile covers containers without their own; a pod-level violation
            // is reported once above.
            out.push(say({
                element: c.label(),
                node: type,
                base: c.node,
                absent: `nor does ${pod.spec.path}.securityContext, so the container may run without seccomp filtering`,
                fix: `set it to RuntimeDefault, here or once in ${pod.spec.path}.securityContext.seccompProfile`,
            }));
        }
    }
    // Policy version 1.25+: Windows pods are exempt (read only when it matters).
    if (out.length > 0 && pod.field("os.name").str() !== "windows") {
        yield* out;
    }
}

export const policy = resourcePolicy(meta, namespaced(workloads), check);
