import { say } from "../../lib/core/message";
import { excludedNamespacesConfig } from "../../lib/config/namespaces";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { PodSpecView } from "../../lib/views/podspec";
import { namespaced, workloads } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "k8s-pss-restricted-capabilities",
    displayName: "Pod Security restricted: drop ALL capabilities, add at most NET_BIND_SERVICE",
    description: "Every container of a Linux pod drops ALL capabilities and adds back at most NET_BIND_SERVICE.",
    controls: ["POD-1", "POD-2"],
    checks: ["K8S-R06"],
    severity: "medium",
    enforcementLevel: "advisory",
    cis: ["4.2.8"],
    tags: ["pss-restricted"],
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted",
    remediationSteps: [
        "Kubernetes manifest: set `securityContext.capabilities: { drop: [\"ALL\"] }` on every container, init container and ephemeral container, adding back only `NET_BIND_SERVICE` where a port below 1024 is needed (Windows pods are exempt).",
        "Pulumi kubernetes: in each container of the pod spec set `securityContext: { capabilities: { drop: [\"ALL\"] } }` (optionally `add: [\"NET_BIND_SERVICE\"]`).",
    ].join("\n"),
    config: { ...excludedNamespacesConfig },
};

export function* check(pod: PodSpecView): Iterable<string> {
    const out: string[] = [];
    for (const c of pod.containers()) {
        const drop = c.sc("capabilities.drop");
        if (!drop.strings().includes("ALL") && (drop.present || !pod.patch)) {
            out.push(say({
                element: c.label(),
                node: drop,
                base: c.node,
                absent: "the container keeps the runtime's default capabilities",
                fix: drop.isArray ? "add \"ALL\" to it" : "set it to [\"ALL\"]",
            }));
        }
        const add = c.sc("capabilities.add");
        if (add.present && !add.isArray) {
            out.push(say({ element: c.label(), node: add, base: c.node, fix: "set it to [\"NET_BIND_SERVICE\"] or remove it" }));
        }
        for (const item of add.items()) {
            if (item.str() !== "NET_BIND_SERVICE") {
                out.push(say({ element: c.label(), node: item, base: c.node, fix: "remove it: restricted allows adding only NET_BIND_SERVICE" }));
            }
        }
    }
    // Policy version 1.25+: Windows pods are exempt (read only when it matters).
    if (out.length > 0 && pod.field("os.name").str() !== "windows") {
        yield* out;
    }
}

export const policy = resourcePolicy(meta, namespaced(workloads), check);
