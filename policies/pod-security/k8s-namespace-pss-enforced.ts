import { say } from "../../lib/core/message";
import { excludedNamespacesConfig, NamespaceConfig } from "../../lib/config/namespaces";
import { CheckContext, PolicyMeta, resourcePolicy } from "../../lib/policy";
import { configList, ObjectView } from "../../lib/views/k8s-objects";
import { namespace } from "../../lib/core/kinds";
import { namespaceObjects, objects } from "../../lib/readers";

export interface Config extends NamespaceConfig {
    allowedLevels: string[];
}

export const meta: PolicyMeta = {
    name: "k8s-namespace-pss-enforced",
    displayName: "Kubernetes: Pod Security Admission enforced on every namespace",
    description: "Every application Namespace enforces a Pod Security Standard (label pod-security.kubernetes.io/enforce: baseline or restricted).",
    controls: ["POD-1"],
    checks: ["K8S-13"],
    severity: "medium",
    enforcementLevel: "advisory",
    url: "https://kubernetes.io/docs/concepts/security/pod-security-admission/",
    remediationSteps: [
        "Kubernetes manifest: label each application Namespace `pod-security.kubernetes.io/enforce: restricted` (or `baseline`), optionally pinning `pod-security.kubernetes.io/enforce-version`.",
        "Pulumi kubernetes: `new k8s.core.v1.Namespace(\"apps\", { metadata: { labels: { \"pod-security.kubernetes.io/enforce\": \"restricted\" } } })`; for an existing namespace use `k8s.core.v1.NamespacePatch` with the same label.",
        "System namespaces that need privileged pods stay in `excludedNamespaces`.",
    ].join("\n"),
    config: {
        allowedLevels: {
            type: "array",
            items: { type: "string", enum: ["privileged", "baseline", "restricted"] },
            default: ["baseline", "restricted"],
            description: "Pod Security Standard levels accepted in the enforce label (compared case-insensitively).",
        },
        ...excludedNamespacesConfig,
    },
};

export const ENFORCE = "pod-security.kubernetes.io/enforce";

export function* check(ns: ObjectView, ctx: CheckContext<Config>): Iterable<string> {
    const allowed = configList(ctx.config.allowedLevels).map(l => l.trim().toLowerCase());
    const n = ns.labelValue(ENFORCE);
    if (ns.patch && !n.present) {
        return;
    }
    if (allowed.includes(n.str()?.trim().toLowerCase() ?? "")) {
        return;
    }
    const fix = allowed.length > 0 ? `set it to ${allowed.map(l => JSON.stringify(l)).join(" or ")}` : "set it to an allowed level";
    yield say({ element: ns.label(), node: n, absent: "Pod Security Admission admits privileged pods", fix });
}

export const policy = resourcePolicy(meta, namespaceObjects(objects(namespace)), check);
