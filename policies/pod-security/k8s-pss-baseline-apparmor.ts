import { say } from "../../lib/core/message";
import { excludedNamespacesConfig } from "../../lib/config/namespaces";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { Node } from "../../lib/core/node";
import { PodSpecView } from "../../lib/views/podspec";
import { namespaced, workloads } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "k8s-pss-baseline-apparmor",
    displayName: "Pod Security baseline: AppArmor not disabled",
    description: "Pods keep an AppArmor profile: the runtime default or a profile loaded on the node, never unconfined.",
    controls: ["POD-1"],
    checks: ["K8S-B08"],
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["pss-baseline"],
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline",
    remediationSteps: [
        "Kubernetes manifest: set `securityContext.appArmorProfile.type` of the pod and of its containers to `RuntimeDefault` or `Localhost` (or leave it out), and give the deprecated `container.apparmor.security.beta.kubernetes.io/<container>` annotations only `runtime/default` or `localhost/<profile>`.",
        "Pulumi kubernetes: in the pod spec use `securityContext: { appArmorProfile: { type: \"RuntimeDefault\" } }`; the annotations sit in the pod template's `metadata.annotations` (`spec.template.metadata`; Pod `metadata`).",
    ].join("\n"),
    config: { ...excludedNamespacesConfig },
};

const TYPES = ["RuntimeDefault", "Localhost"];
const ANNOTATION = "container.apparmor.security.beta.kubernetes.io/";

function* profile(element: string, securityContext: Node, base: Node): Iterable<string> {
    const p = securityContext.get("appArmorProfile");
    if (!p.present) {
        return;
    }
    const type = p.isObject ? p.get("type") : p;
    const t = type.str();
    if (!p.isObject || t === undefined || !TYPES.includes(t)) {
        yield say({ element, node: type, base, absent: "the profile has no type", fix: "set it to RuntimeDefault or Localhost" });
    }
}

export function* check(pod: PodSpecView): Iterable<string> {
    yield* profile(pod.spec.path, pod.field("securityContext"), pod.spec);
    for (const c of pod.containers()) {
        yield* profile(c.label(), c.securityContext(), c.node);
    }
    for (const [key, n] of pod.annotations()) {
        if (!key.startsWith(ANNOTATION) || !n.present) {
            continue;
        }
        const v = n.str();
        if (v !== "" && v !== "runtime/default" && !(v !== undefined && v.startsWith("localhost/"))) {
            yield say({
                element: pod.podMetadata.path,
                node: n,
                base: pod.podMetadata,
                fix: "set it to \"runtime/default\" or \"localhost/<profile>\", or remove it and set securityContext.appArmorProfile.type",
            });
        }
    }
}

export const policy = resourcePolicy(meta, namespaced(workloads), check);
