import { rbacBinding } from "../../lib/core/kinds";
import { say } from "../../lib/core/message";
import { excludedBy, excludedNamespacesConfig, NamespaceConfig } from "../../lib/config/namespaces";
import { CheckContext, PolicyMeta, resourcePolicy } from "../../lib/policy";
import { either, namespaced, objects, workloads } from "../../lib/readers";
import { ObjectView, sayWhich } from "../../lib/views/k8s-objects";
import { PodSpecView } from "../../lib/views/podspec";

export const meta: PolicyMeta = {
    name: "k8s-workload-dedicated-service-account",
    displayName: "Kubernetes: a dedicated service account per workload",
    description: "Every workload runs as its own service account rather than the namespace's default one, and no role is bound to a default service account.",
    controls: ["IAM-4"],
    checks: ["K8S-03"],
    severity: "low",
    enforcementLevel: "advisory",
    cis: ["4.1.5"],
    url: "https://kubernetes.io/docs/concepts/security/service-accounts/",
    remediationSteps: [
        "Kubernetes manifest: create a ServiceAccount per workload and set `serviceAccountName` in the pod spec to it; bind roles to that ServiceAccount, never to `default`.",
        "Pulumi kubernetes: create a `k8s.core.v1.ServiceAccount` and set `serviceAccountName: sa.metadata.name` in the pod spec (`spec.template.spec`; Pod `spec`; CronJob `spec.jobTemplate.spec.template.spec`); in RoleBinding / ClusterRoleBinding `subjects` name that ServiceAccount.",
    ].join("\n"),
    config: { ...excludedNamespacesConfig },
};

const DEFAULT = "default";

function* checkPod(pod: PodSpecView): Iterable<string> {
    const name = pod.field("serviceAccountName");
    const legacy = pod.field("serviceAccount");
    // Kubernetes reads the deprecated serviceAccount only when serviceAccountName is empty.
    const n = (!name.present || name.str()?.trim() === "") && legacy.present ? legacy : name;
    if (n.pending || (pod.patch && !n.present)) {
        return;
    }
    const s = n.str()?.trim();
    if (s !== undefined && s !== "" && s !== DEFAULT) {
        return;
    }
    yield say({
        element: pod.spec.path, node: n, base: pod.spec,
        absent: "the pod runs as the namespace's default service account",
        fix: "create a ServiceAccount for this workload and set serviceAccountName to its name",
    });
}

function* checkBinding(b: ObjectView, ctx: CheckContext<NamespaceConfig>): Iterable<string> {
    for (const s of b.get("subjects").items()) {
        const kind = s.get("kind").str();
        const name = s.get("name");
        if (kind === undefined || kind.toLowerCase() !== "serviceaccount" || name.str()?.trim() !== DEFAULT) {
            continue;
        }
        const ns = s.get("namespace").str() ?? b.namespace();
        if (ns !== undefined && excludedBy(ns, ctx.config.excludedNamespaces) !== undefined) {
            continue;
        }
        yield sayWhich(s.path, name, s, "is the namespace's default service account: every pod without its own service account gets this role",
            "bind the role to a dedicated ServiceAccount instead");
    }
}

export function* check(v: PodSpecView | ObjectView, ctx: CheckContext<NamespaceConfig>): Iterable<string> {
    yield* v instanceof PodSpecView ? checkPod(v) : checkBinding(v, ctx);
}

export const policy = resourcePolicy(meta, namespaced(either("Kubernetes workload and role binding", workloads, objects(rbacBinding))), check);
