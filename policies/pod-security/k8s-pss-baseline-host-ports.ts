import { say } from "../../lib/core/message";
import { excludedNamespacesConfig, NamespaceConfig } from "../../lib/config/namespaces";
import { CheckContext, PolicyMeta, resourcePolicy } from "../../lib/policy";
import { PodSpecView } from "../../lib/views/podspec";
import { namespaced, workloads } from "../../lib/readers";

export interface Config extends NamespaceConfig {
    allowedHostPorts: number[];
}

export const meta: PolicyMeta = {
    name: "k8s-pss-baseline-host-ports",
    displayName: "Pod Security baseline: no host ports",
    description: "Containers bind no ports on the node (hostPort), except ports an admin allows.",
    controls: ["POD-1"],
    checks: ["K8S-B06"],
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["pss-baseline"],
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    remediationSteps: [
        "Kubernetes manifest: remove `ports[].hostPort` (or set it to 0) on every container, init container and ephemeral container, and reach the pods through a Service.",
        "Pulumi kubernetes: in each container's `ports` of the pod spec leave `hostPort` out; create a `kubernetes.core.v1.Service` for the port instead.",
    ].join("\n"),
    config: {
        ...excludedNamespacesConfig,
        allowedHostPorts: {
            type: "array",
            items: { type: "integer", minimum: 1, maximum: 65535 },
            default: [],
            description: "Host ports a container may bind (the Pod Security Standards' \"known list\"). Empty: none.",
        },
    },
};

export function* check(pod: PodSpecView, ctx: CheckContext<Config>): Iterable<string> {
    const allowed = Array.isArray(ctx.config.allowedHostPorts) ? ctx.config.allowedHostPorts.filter(p => typeof p === "number") : [];
    const fix = allowed.length > 0
        ? `remove it (or set it to 0) and use a Service, or use one of the allowed host ports ${JSON.stringify(allowed)}`
        : "remove it (or set it to 0) and reach the container through a Service";
    for (const c of pod.containers()) {
        for (const port of c.get("ports").items()) {
            const hostPort = port.get("hostPort");
            const v = hostPort.raw;
            if (hostPort.present && v !== 0 && !(typeof v === "number" && allowed.includes(v))) {
                yield say({ element: c.label(), node: hostPort, base: c.node, fix });
            }
        }
    }
}

export const policy = resourcePolicy(meta, namespaced(workloads), check);
