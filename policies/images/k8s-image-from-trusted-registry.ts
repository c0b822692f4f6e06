import { registry, workload } from "../../lib/core/kinds";
import { showValue } from "../../lib/core/message";
import { excludedBy, excludedNamespacesConfig, NamespaceConfig } from "../../lib/config/namespaces";
import { PolicyMeta, StackCheckContext, stackPolicy } from "../../lib/policy";
import { label, root } from "../../lib/stack";
import { configList, parseImage, sayWhich } from "../../lib/views/k8s-objects";
import { Deferred, namespaceOf } from "../../lib/stack/namespaces";
import { Node } from "../../lib/core/node";
import { CONTAINER_LISTS, PodSpecView } from "../../lib/views/podspec";
import { known, Targets, textAt } from "../../lib/stack/links";
import { UNKNOWN } from "../../lib/core/known";

export interface Config extends NamespaceConfig {
    allowedRegistries: string[];
}

export const meta: PolicyMeta = {
    name: "k8s-image-from-trusted-registry",
    displayName: "Kubernetes: images only from trusted registries",
    description: "Every container image comes from a container registry of the stack (its ACR login server) or from a registry on the allow-list.",
    controls: ["IMG-1"],
    checks: ["K8S-04"],
    severity: "high",
    enforcementLevel: "advisory",
    cis: ["5.1.4"],
    url: "https://learn.microsoft.com/azure/aks/cluster-container-registry-integration",
    remediationSteps: [
        "Kubernetes manifest: push the image to your Azure Container Registry (`az acr import`) and reference it as `<registry>.azurecr.io/<repository>:<tag>`.",
        "Pulumi kubernetes: build the image name from the registry output, e.g. `image: pulumi.interpolate`${registry.loginServer}/app:1.2.3``, so the pack links the workload to the stack's registry even in preview.",
        "Registries the stack does not declare (a shared ACR, mcr.microsoft.com): list their host or `host/path` prefix in `allowedRegistries`.",
    ].join("\n"),
    config: {
        allowedRegistries: {
            type: "array",
            items: { type: "string" },
            default: ["mcr.microsoft.com/"],
            description: "Registry hosts or `host/path/` prefixes trusted besides the stack's own registries (`myacr.azurecr.io`, `docker.io/library/`). Docker Hub short names (`nginx`) are `docker.io/library/nginx`.",
        },
        ...excludedNamespacesConfig,
    },
};

const SUFFIXES = [".azurecr.io", ".azurecr.cn", ".azurecr.us"];

interface Trusted {
    /** Prefixes compared with each image's repository. */
    prefixes: string[];
    /** What messages list. */
    shown: string[];
    /** A registry whose name and login server are unknown in preview (its images cannot be judged). */
    pending?: Node;
}

function trustedRegistries(ctx: StackCheckContext<Config>): Trusted {
    const shown = configList(ctx.config.allowedRegistries);
    const out: Trusted = { prefixes: [...shown], shown: [...shown] };
    for (const r of ctx.stack.of(registry)) {
        const p = root(r);
        const nameKey = registry.kinds[0].matches(r.type) ? "registryName" : "name";
        const name = textAt(p, nameKey);
        const login = textAt(p, "loginServer");
        // A registry whose name or login server is a secret is trusted but never named in a message.
        if (name !== undefined && name !== UNKNOWN && name !== "") {
            const n = name.toLowerCase();
            out.prefixes.push(...SUFFIXES.map(s => n + s));
            if (!p.get(nameKey).secret) out.shown.push(n + SUFFIXES[0]);
        }
        if (login !== undefined && login !== UNKNOWN && login !== "") {
            out.prefixes.push(login.toLowerCase());
            if (!p.get("loginServer").secret && !out.shown.includes(login.toLowerCase())) out.shown.push(login.toLowerCase());
        }
        if (name === UNKNOWN && (login === UNKNOWN || login === undefined || login === "") && out.pending === undefined) {
            out.pending = p.get(nameKey);
        }
    }
    return out;
}

/** Every container node of the pod spec that can be read without touching an unknown; the rest are deferred. */
function containers(pod: PodSpecView, deferred: Deferred): Node[] {
    const out: Node[] = [];
    for (const list of CONTAINER_LISTS) {
        const n = known(pod.root, `${pod.spec.path}.${list}`);
        if (n === undefined) {
            deferred.add(pod.spec.get(list));
            continue;
        }
        for (const c of n.items()) {
            if (c.pending) deferred.add(c);
            else out.push(c);
        }
    }
    return out;
}

function containerLabel(c: Node): string {
    const name = c.get("name");
    const s = name.pending || name.secret ? undefined : name.str();
    return s !== undefined ? `${c.path} (${JSON.stringify(s)})` : c.path;
}

/** Is the repository `repo` under the allow-list entry (a host, or a host/path prefix)? */
function underPrefix(repo: string, entry: string): boolean {
    const e = entry.trim().toLowerCase().replace(/^[a-z]+:\/\//, "").replace(/\/+$/, "");
    if (e === "") {
        return false;
    }
    const norm = e === "index.docker.io" || e === "registry-1.docker.io" ? "docker.io" : e;
    return repo === norm || repo.startsWith(`${norm}/`);
}

export function* check(ctx: StackCheckContext<Config>): Iterable<{ urn: string; message: string }> {
    const trusted = trustedRegistries(ctx);
    const registries = new Targets(ctx.stack.of(registry));
    const deferred = new Deferred();
    const fix = `pull it from ${trusted.shown.length ? showValue(trusted.shown) : "the stack's container registry"} or add its registry to allowedRegistries`;
    for (const r of ctx.stack.of(workload)) {
        const ns = namespaceOf(r);
        if ("name" in ns && excludedBy(ns.name, ctx.config.excludedNamespaces) !== undefined) {
            continue;
        }
        for (const pod of PodSpecView.read(r.type, r.props)) {
            const fedByRegistry = registries.viaDeps(r, pod.spec.path.split(".")[0]).length > 0;
            for (const c of containers(pod, deferred)) {
                const image = c.get("image");
                if (image.pending) {
                    if (!fedByRegistry) deferred.add(image);
                    continue;
                }
                const s = image.str();
                if (!image.present || (s !== undefined && s.trim() === "")) {
                    continue;
                }
                const element = `${label(r)}: ${containerLabel(c)}`;
                const ref = s === undefined ? undefined : parseImage(s);
                if (ref === undefined) {
                    yield { urn: r.urn, message: sayWhich(element, image, c, "is not a valid image reference", "set it to <registry>/<repository>:<tag> from a trusted registry") };
                    continue;
                }
                if (trusted.prefixes.some(p => underPrefix(ref.repository, p))) {
                    continue;
                }
                if (trusted.pending && /\.azurecr\.[a-z]+$/.test(ref.host)) {
                    deferred.add(trusted.pending);
                    continue;
                }
                const which = image.secret ? "is not from a trusted registry" : `comes from ${ref.host}, not a trusted registry`;
                yield { urn: r.urn, message: sayWhich(element, image, c, which, fix) };
            }
        }
    }
    deferred.raise();
}

export const policy = stackPolicy(meta, check);
