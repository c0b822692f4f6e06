import { say } from "../../lib/core/message";
import { excludedNamespacesConfig } from "../../lib/config/namespaces";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { Node } from "../../lib/core/node";
import { PodSpecView } from "../../lib/views/podspec";
import { namespaced, workloads } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "k8s-pss-baseline-selinux",
    displayName: "Pod Security baseline: no custom SELinux user, role or type",
    description: "Pods set no custom SELinux user or role, and only the container SELinux types.",
    controls: ["POD-1"],
    checks: ["K8S-B09"],
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["pss-baseline"],
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    remediationSteps: [
        "Kubernetes manifest: in `securityContext.seLinuxOptions` of the pod and of its containers use only `type` container_t, container_init_t, container_kvm_t or container_engine_t (or none), and no `user` or `role`; `level` is free.",
        "Pulumi kubernetes: in the pod spec and each container leave `securityContext.seLinuxOptions.user` and `.role` unset and `type` unset or one of those types.",
    ].join("\n"),
    config: { ...excludedNamespacesConfig },
};

const TYPES = ["", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"];

function* options(element: string, opts: Node, base: Node): Iterable<string> {
    if (!opts.present) {
        return;
    }
    const type = opts.get("type");
    const t = type.str();
    if (type.present && (t === undefined || !TYPES.includes(t))) {
        yield say({ element, node: type, base, fix: "set it to container_t, container_init_t, container_kvm_t or container_engine_t, or remove it" });
    }
    for (const key of ["user", "role"]) {
        const n = opts.get(key);
        if (n.present && n.raw !== "") {
            yield say({ element, node: n, base, fix: "remove it" });
        }
    }
}

export function* check(pod: PodSpecView): Iterable<string> {
    yield* options(pod.spec.path, pod.field("securityContext.seLinuxOptions"), pod.spec);
    for (const c of pod.containers()) {
        yield* options(c.label(), c.sc("seLinuxOptions"), c.node);
    }
}

export const policy = resourcePolicy(meta, namespaced(workloads), check);
