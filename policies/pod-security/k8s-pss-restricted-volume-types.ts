import { say } from "../../lib/core/message";
import { excludedNamespacesConfig } from "../../lib/config/namespaces";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { printable } from "../../lib/core/node";
import { PodSpecView } from "../../lib/views/podspec";
import { namespaced, workloads } from "../../lib/readers";

/** Volume sources restricted allows (policy v1.35; `image` since Kubernetes 1.33). */
export const RESTRICTED_VOLUME_TYPES = ["configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "image", "persistentVolumeClaim", "projected", "secret"];

export const meta: PolicyMeta = {
    name: "k8s-pss-restricted-volume-types",
    displayName: "Pod Security restricted: only core volume types",
    description: "Pods use only configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected and secret volumes.",
    controls: ["POD-1"],
    checks: ["K8S-R01"],
    severity: "medium",
    enforcementLevel: "advisory",
    tags: ["pss-restricted"],
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted",
    remediationSteps: [
        "Kubernetes manifest: replace volumes of other types (hostPath, nfs, azureDisk, azureFile, ...) with a persistentVolumeClaim backed by a StorageClass or PersistentVolume, or with a csi volume.",
        "Pulumi kubernetes: in the pod spec's `volumes` use only `configMap`, `csi`, `downwardAPI`, `emptyDir`, `ephemeral`, `image`, `persistentVolumeClaim`, `projected` or `secret` sources.",
    ].join("\n"),
    config: { ...excludedNamespacesConfig },
};

const FIX = "use a persistentVolumeClaim, csi, configMap, secret, projected, downwardAPI, emptyDir, ephemeral or image volume instead";

export function* check(pod: PodSpecView): Iterable<string> {
    for (const v of pod.field("volumes").items()) {
        // A volume without a source is an emptyDir (API defaulting).
        for (const [key, source] of v.entries()) {
            if (key === "name" || RESTRICTED_VOLUME_TYPES.includes(key) || !source.present) {
                continue;
            }
            const name = printable(v.get("name"));
            const element = name !== undefined ? `${v.path} (${JSON.stringify(name)})` : v.path;
            yield say({ element, node: source, base: v, fix: FIX });
        }
    }
}

export const policy = resourcePolicy(meta, namespaced(workloads), check);
