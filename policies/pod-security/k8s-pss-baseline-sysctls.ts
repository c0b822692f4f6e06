import { say } from "../../lib/core/message";
import { excludedNamespacesConfig } from "../../lib/config/namespaces";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { PodSpecView } from "../../lib/views/podspec";
import { namespaced, workloads } from "../../lib/readers";

/** The safe sysctls of policy version v1.35 (1.0, +1.27, +1.29, +1.32). */
export const SAFE_SYSCTLS = [
    "kernel.shm_rmid_forced",
    "net.ipv4.ip_local_port_range",
    "net.ipv4.ip_unprivileged_port_start",
    "net.ipv4.tcp_syncookies",
    "net.ipv4.ping_group_range",
    "net.ipv4.ip_local_reserved_ports",
    "net.ipv4.tcp_keepalive_time",
    "net.ipv4.tcp_fin_timeout",
    "net.ipv4.tcp_keepalive_intvl",
    "net.ipv4.tcp_keepalive_probes",
    "net.ipv4.tcp_rmem",
    "net.ipv4.tcp_wmem",
];

export const meta: PolicyMeta = {
    name: "k8s-pss-baseline-sysctls",
    displayName: "Pod Security baseline: only safe sysctls",
    description: "Pods set only the safe, pod-isolated sysctls.",
    controls: ["POD-1"],
    checks: ["K8S-B12"],
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["pss-baseline"],
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    remediationSteps: [
        `Kubernetes manifest: list in \`spec.securityContext.sysctls\` only ${SAFE_SYSCTLS.join(", ")}; tune other kernel parameters on the node pool instead.`,
        "Pulumi kubernetes: in the pod spec's `securityContext.sysctls` keep only those names; on AKS set node-level sysctls through the node pool's `linuxOSConfig.sysctls`.",
    ].join("\n"),
    config: { ...excludedNamespacesConfig },
};

export function* check(pod: PodSpecView): Iterable<string> {
    for (const sysctl of pod.field("securityContext.sysctls").items()) {
        const name = sysctl.get("name");
        const s = name.str();
        if (s === undefined || !SAFE_SYSCTLS.includes(s)) {
            yield say({ element: pod.spec.path, node: name, base: pod.spec, fix: `remove it: baseline allows only ${SAFE_SYSCTLS.join(", ")}` });
        }
    }
}

export const policy = resourcePolicy(meta, namespaced(workloads), check);
