import { say } from "../../lib/core/message";
import { excludedNamespacesConfig } from "../../lib/config/namespaces";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { parseImage } from "../../lib/views/k8s-objects";
import { PodSpecView } from "../../lib/views/podspec";
import { namespaced, workloads } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "k8s-image-pull-policy-always",
    displayName: "Kubernetes: imagePullPolicy Always",
    description: "Every container pulls its image on each start (imagePullPolicy: Always), so the registry checks access and serves the current image.",
    controls: ["IMG-3"],
    checks: ["K8S-06"],
    severity: "low",
    enforcementLevel: "advisory",
    strictLevel: "advisory",
    url: "https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy",
    remediationSteps: [
        "Kubernetes manifest: set `imagePullPolicy: Always` on every container, init container and ephemeral container.",
        "Pulumi kubernetes: set `imagePullPolicy: \"Always\"` in each `containers[]` / `initContainers[]` / `ephemeralContainers[]` entry of the pod spec.",
        "Optional hygiene: with images pinned by digest (k8s-image-tag-pinned) the gain is that every start re-checks the pod's pull credentials.",
    ].join("\n"),
    config: { ...excludedNamespacesConfig },
};

/** Kubernetes defaults the policy to Always only for an untagged or `latest` image. */
function defaultsToAlways(image: string | undefined): boolean {
    const ref = image === undefined ? undefined : parseImage(image);
    return ref !== undefined && (ref.tag === "latest" || (ref.tag === undefined && ref.digest === undefined));
}

export function* check(pod: PodSpecView): Iterable<string> {
    for (const c of pod.containers()) {
        const n = c.get("imagePullPolicy");
        if (n.present) {
            if (n.str()?.trim().toLowerCase() !== "always") {
                yield say({ element: c.label(), node: n, base: c.node, fix: "set it to \"Always\"" });
            }
            continue;
        }
        const image = c.get("image");
        if (pod.patch || !image.present || defaultsToAlways(image.str())) {
            continue;
        }
        yield say({ element: c.label(), node: n, base: c.node, absent: "Kubernetes uses IfNotPresent for a tagged image: a node reuses its cached copy without asking the registry", fix: "set it to \"Always\"" });
    }
}

export const policy = resourcePolicy(meta, namespaced(workloads), check);
