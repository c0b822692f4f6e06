import { say } from "../../lib/message";
import { excludedNamespacesConfig, namespacedWorkloadPolicy } from "../../lib/namespaces";
import { PolicyMeta } from "../../lib/policy";
import { PodSpecView } from "../../lib/views/podspec";

export const meta: PolicyMeta = {
    name: "k8s-pss-restricted-privilege-escalation",
    displayName: "Pod Security restricted: privilege escalation disallowed",
    description: "Every container of a Linux pod sets allowPrivilegeEscalation: false.",
    controls: ["POD-1", "POD-2"],
    checks: ["K8S-R02"],
    severity: "medium",
    enforcementLevel: "advisory",
    cis: ["4.2.5"],
    tags: ["pss-restricted"],
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted",
    remediationSteps: [
        "Kubernetes manifest: set `securityContext.allowPrivilegeEscalation: false` on every container, init container and ephemeral container (Windows pods, `spec.os.name: windows`, are exempt).",
        "Pulumi kubernetes: in each `containers[]` / `initContainers[]` / `ephemeralContainers[]` entry of the pod spec set `securityContext: { allowPrivilegeEscalation: false }`.",
    ].join("\n"),
    config: { ...excludedNamespacesConfig },
};

export function* check(pod: PodSpecView): Iterable<string> {
    const out: string[] = [];
    for (const c of pod.containers()) {
        const n = c.sc("allowPrivilegeEscalation");
        // A …Patch leaves absent fields as they are: only what it writes is judged.
        if (n.bool() !== false && (n.present || !pod.patch)) {
            out.push(say({ element: c.label(), node: n, base: c.node, absent: "a process can gain more privileges than its parent, e.g. through setuid binaries", fix: "set it to false" }));
        }
    }
    // Policy version 1.25+: Windows pods are exempt (read only when it matters).
    if (out.length > 0 && pod.field("os.name").str() !== "windows") {
        yield* out;
    }
}

export const policy = namespacedWorkloadPolicy(meta, check);
