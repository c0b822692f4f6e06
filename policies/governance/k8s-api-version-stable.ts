import { CheckContext, PolicyMeta, resourcePolicy } from "../../lib/policy";
import { reader } from "../../lib/readers";
import { configList } from "../../lib/views/k8s-objects";
import { ApiToken, kubernetesObject, parseApiToken } from "../../lib/core/kinds";

export interface Config {
    allowedApiVersions: string[];
}

export const meta: PolicyMeta = {
    name: "k8s-api-version-stable",
    displayName: "Kubernetes: no alpha, beta or removed API versions",
    description: "Kubernetes objects use generally available API versions, not alpha or beta versions (which change or disappear) nor versions Kubernetes has removed (PodSecurityPolicy included).",
    controls: ["CLU-1"],
    checks: ["K8S-12"],
    severity: "low",
    enforcementLevel: "advisory",
    url: "https://kubernetes.io/docs/reference/using-api/deprecation-guide/",
    remediationSteps: [
        "Kubernetes manifest: change `apiVersion` to the GA version of the kind (e.g. `networking.k8s.io/v1` Ingress, `batch/v1` CronJob, `policy/v1` PodDisruptionBudget) and adapt the fields the migration guide lists; replace PodSecurityPolicy with Pod Security Admission namespace labels.",
        "Pulumi kubernetes: use the GA class (`k8s.networking.v1.Ingress`, `k8s.batch.v1.CronJob`, ...) instead of the `v1beta1` / `v1alpha1` one; with `aliases` on the new resource Pulumi keeps the object.",
        "Custom resources or features that exist only in a pre-release version: list `group/version` in `allowedApiVersions`.",
    ].join("\n"),
    config: {
        allowedApiVersions: {
            type: "array",
            items: { type: "string" },
            default: [],
            description: "Pre-release API versions accepted anyway, as `group/version` (e.g. `cert-manager.io/v1alpha2`), compared case-insensitively.",
        },
    },
};

/** Kinds Kubernetes no longer serves in these versions: the release that removed them and the version to use. */
const REMOVED: Record<string, [string, string]> = {};
function removed(gv: string, kinds: string[], release: string, use: string): void {
    for (const k of kinds) REMOVED[`${gv}:${k}`] = [release, use];
}
removed("extensions/v1beta1", ["DaemonSet", "Deployment", "ReplicaSet"], "1.16", "apps/v1");
removed("extensions/v1beta1", ["NetworkPolicy"], "1.16", "networking.k8s.io/v1");
removed("extensions/v1beta1", ["PodSecurityPolicy"], "1.16", "Pod Security Admission namespace labels");
removed("extensions/v1beta1", ["Ingress"], "1.22", "networking.k8s.io/v1");
removed("apps/v1beta1", ["Deployment", "StatefulSet", "ControllerRevision"], "1.16", "apps/v1");
removed("apps/v1beta2", ["DaemonSet", "Deployment", "ReplicaSet", "StatefulSet", "ControllerRevision"], "1.16", "apps/v1");
removed("batch/v2alpha1", ["CronJob"], "1.21", "batch/v1");
removed("batch/v1beta1", ["CronJob"], "1.25", "batch/v1");
removed("policy/v1beta1", ["PodDisruptionBudget"], "1.25", "policy/v1");
removed("policy/v1beta1", ["PodSecurityPolicy"], "1.25", "Pod Security Admission namespace labels");
removed("networking.k8s.io/v1beta1", ["Ingress", "IngressClass"], "1.22", "networking.k8s.io/v1");
for (const v of ["v1alpha1", "v1beta1"]) {
    removed(`rbac.authorization.k8s.io/${v}`, ["Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"], "1.22", "rbac.authorization.k8s.io/v1");
}
removed("admissionregistration.k8s.io/v1beta1", ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"], "1.22", "admissionregistration.k8s.io/v1");
removed("apiextensions.k8s.io/v1beta1", ["CustomResourceDefinition"], "1.22", "apiextensions.k8s.io/v1");
removed("apiregistration.k8s.io/v1beta1", ["APIService"], "1.22", "apiregistration.k8s.io/v1");
removed("certificates.k8s.io/v1beta1", ["CertificateSigningRequest"], "1.22", "certificates.k8s.io/v1");
removed("coordination.k8s.io/v1beta1", ["Lease"], "1.22", "coordination.k8s.io/v1");
removed("scheduling.k8s.io/v1beta1", ["PriorityClass"], "1.22", "scheduling.k8s.io/v1");
removed("storage.k8s.io/v1beta1", ["CSIDriver", "CSINode", "StorageClass", "VolumeAttachment"], "1.22", "storage.k8s.io/v1");
removed("storage.k8s.io/v1beta1", ["CSIStorageCapacity"], "1.27", "storage.k8s.io/v1");
removed("discovery.k8s.io/v1beta1", ["EndpointSlice"], "1.25", "discovery.k8s.io/v1");
removed("events.k8s.io/v1beta1", ["Event"], "1.25", "events.k8s.io/v1");
removed("autoscaling/v2beta1", ["HorizontalPodAutoscaler"], "1.25", "autoscaling/v2");
removed("autoscaling/v2beta2", ["HorizontalPodAutoscaler"], "1.26", "autoscaling/v2");
removed("node.k8s.io/v1beta1", ["RuntimeClass"], "1.25", "node.k8s.io/v1");
removed("flowcontrol.apiserver.k8s.io/v1beta1", ["FlowSchema", "PriorityLevelConfiguration"], "1.26", "flowcontrol.apiserver.k8s.io/v1");
removed("flowcontrol.apiserver.k8s.io/v1beta2", ["FlowSchema", "PriorityLevelConfiguration"], "1.29", "flowcontrol.apiserver.k8s.io/v1");
removed("flowcontrol.apiserver.k8s.io/v1beta3", ["FlowSchema", "PriorityLevelConfiguration"], "1.32", "flowcontrol.apiserver.k8s.io/v1");

const PRERELEASE = /^v[0-9]+(alpha|beta)[0-9]*$/i;

export function* check(t: ApiToken, ctx: CheckContext<Config>): Iterable<string> {
    const allowed = configList(ctx.config.allowedApiVersions).map(s => s.trim().toLowerCase());
    if (allowed.includes(t.apiVersion.toLowerCase()) || allowed.includes(`${t.group}/${t.version}`.toLowerCase())) {
        return;
    }
    const gone = REMOVED[`${t.group}/${t.version}:${t.kind}`];
    if (gone) {
        yield `The ${t.kind} uses apiVersion ${t.apiVersion}, which Kubernetes ${gone[0]} removed; use ${gone[1]}.`;
        return;
    }
    const pre = PRERELEASE.exec(t.version);
    if (pre) {
        yield `The ${t.kind} uses apiVersion ${t.apiVersion}, ${pre[1].toLowerCase() === "alpha" ? "an alpha" : "a beta"} API that can change or be removed in any release; use a GA version, or list ${t.apiVersion} in allowedApiVersions.`;
    }
}

function read(type: string): ApiToken[] {
    const t = parseApiToken(type);
    return t ? [t] : [];
}

export const policy = resourcePolicy(meta, reader(kubernetesObject, read), check);
