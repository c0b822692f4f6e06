import { excludedNamespacesConfig, NamespaceConfig } from "../../lib/config/namespaces";
import { CheckContext, PolicyMeta, resourcePolicy } from "../../lib/policy";
import { configList, parseImage, sayWhich } from "../../lib/views/k8s-objects";
import { PodSpecView } from "../../lib/views/podspec";
import { namespaced, workloads } from "../../lib/readers";

export interface Config extends NamespaceConfig {
    mutableTags: string[];
    requireDigest: boolean;
}

export const meta: PolicyMeta = {
    name: "k8s-image-tag-pinned",
    displayName: "Kubernetes: images pinned to a version tag or digest",
    description: "Every container image names an explicit version tag other than a mutable one such as latest, or a digest.",
    controls: ["IMG-3"],
    checks: ["K8S-05"],
    severity: "medium",
    enforcementLevel: "advisory",
    url: "https://kubernetes.io/docs/concepts/containers/images/#image-names",
    remediationSteps: [
        "Kubernetes manifest: reference every image by a release tag (`myacr.azurecr.io/app:1.4.2`) or, better, by digest (`myacr.azurecr.io/app@sha256:…`); never `:latest` or no tag.",
        "Pulumi kubernetes: set `image` in each `containers[]` / `initContainers[]` / `ephemeralContainers[]` entry to a tagged or digest reference (e.g. from `docker-build.Image`'s `ref` output).",
    ].join("\n"),
    config: {
        mutableTags: {
            type: "array",
            items: { type: "string" },
            default: ["latest"],
            description: "Tags that move and so do not pin an image (compared case-insensitively).",
        },
        requireDigest: {
            type: "boolean",
            default: false,
            description: "Require a digest (`@sha256:…`) on every image; a tag alone then fails.",
        },
        ...excludedNamespacesConfig,
    },
};

const FIX = "pin a version tag or a digest (image@sha256:…)";

export function* check(pod: PodSpecView, ctx: CheckContext<Config>): Iterable<string> {
    const mutable = configList(ctx.config.mutableTags).map(t => t.trim().toLowerCase());
    for (const c of pod.containers()) {
        const n = c.get("image");
        if (!n.present) {
            continue;
        }
        const s = n.str();
        const ref = s === undefined ? undefined : parseImage(s);
        if (ref === undefined) {
            yield sayWhich(c.label(), n, c.node, "is not a valid image reference", "set it to <registry>/<repository>:<tag> or a digest reference");
        } else if (ref.digest !== undefined) {
            continue;
        } else if (ctx.config.requireDigest === true) {
            yield sayWhich(c.label(), n, c.node, "has no digest (requireDigest)", "pin it by digest (image@sha256:…)");
        } else if (ref.tag === undefined) {
            yield sayWhich(c.label(), n, c.node, "has no tag, so Kubernetes pulls \"latest\"", FIX);
        } else if (mutable.includes(ref.tag.toLowerCase())) {
            yield sayWhich(c.label(), n, c.node, n.secret ? "uses a mutable tag" : `uses the mutable tag ${JSON.stringify(ref.tag)}`, FIX);
        }
    }
}

export const policy = resourcePolicy(meta, namespaced(workloads), check);
