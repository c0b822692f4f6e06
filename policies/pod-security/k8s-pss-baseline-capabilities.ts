import { say } from "../../lib/core/message";
import { excludedNamespacesConfig } from "../../lib/config/namespaces";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { PodSpecView } from "../../lib/views/podspec";
import { namespaced, workloads } from "../../lib/readers";

/** The capabilities baseline lets a container add (the container runtime's defaults). */
export const BASELINE_CAPABILITIES = [
    "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD",
    "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
];

export const meta: PolicyMeta = {
    name: "k8s-pss-baseline-capabilities",
    displayName: "Pod Security baseline: no added capabilities beyond the default set",
    description: "Containers add no Linux capabilities beyond the container runtime's default set.",
    controls: ["POD-1", "POD-2"],
    checks: ["K8S-B04"],
    severity: "high",
    enforcementLevel: "advisory",
    cis: ["4.2.7"],
    tags: ["pss-baseline"],
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    remediationSteps: [
        `Kubernetes manifest: list in \`securityContext.capabilities.add\` only ${BASELINE_CAPABILITIES.join(", ")} (upper case, without the \`CAP_\` prefix), on every container, init container and ephemeral container.`,
        "Pulumi kubernetes: in each container's `securityContext.capabilities.add` of the pod spec keep only capabilities of that list, or leave `add` out.",
    ].join("\n"),
    config: { ...excludedNamespacesConfig },
};

function fix(name: string | undefined): string {
    const canonical = name?.trim().toUpperCase().replace(/^CAP_/, "");
    if (canonical !== undefined && BASELINE_CAPABILITIES.includes(canonical)) {
        return `write it as ${JSON.stringify(canonical)} (upper case, without CAP_)`;
    }
    return `remove it: baseline allows adding only ${BASELINE_CAPABILITIES.join(", ")}`;
}

export function* check(pod: PodSpecView): Iterable<string> {
    for (const c of pod.containers()) {
        const add = c.sc("capabilities.add");
        if (add.present && !add.isArray) {
            yield say({ element: c.label(), node: add, base: c.node, fix: "set it to a list of capability names, or remove it" });
        }
        for (const item of add.items()) {
            const name = item.str();
            if (name === undefined || !BASELINE_CAPABILITIES.includes(name)) {
                yield say({ element: c.label(), node: item, base: c.node, fix: fix(name) });
            }
        }
    }
}

export const policy = resourcePolicy(meta, namespaced(workloads), check);
