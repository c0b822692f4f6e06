// One pod-spec reader for every Kubernetes workload kind and apiVersion: Pod, Deployment,
// StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate, the
// legacy extensions/v1beta1, apps/v1beta1|2 and batch/v1beta1|v2alpha1 kinds, and every
// `…Patch` twin (server-side apply; all fields optional). It yields the pod spec with its path
// and every container, init container and ephemeral container with its own path, so a message
// says exactly which container of which template.

import { workload } from "../core/kinds";
import { Node, printable } from "../core/node";


/** Where the pod template sits in each kind. */
const TEMPLATE: Record<string, string> = {
    Pod: "",
    PodTemplate: "template",
    CronJob: "spec.jobTemplate.spec.template",
};
const DEFAULT_TEMPLATE = "spec.template";

export type ContainerList = "containers" | "initContainers" | "ephemeralContainers";
export const CONTAINER_LISTS: readonly ContainerList[] = ["containers", "initContainers", "ephemeralContainers"];

export class ContainerView {
    constructor(
        /** The container object (e.g. `spec.template.spec.containers[0]`). */
        readonly node: Node,
        readonly list: ContainerList,
        readonly index: number,
    ) {}

    /** The container's name, if printable (known and not a secret). */
    name(): string | undefined {
        return printable(this.node.get("name"));
    }

    /** `spec.template.spec.containers[0] ("app")`: how messages name this container. */
    label(): string {
        const n = this.name();
        return n !== undefined ? `${this.node.path} (${JSON.stringify(n)})` : this.node.path;
    }

    /** `securityContext` of the container. */
    securityContext(): Node {
        return this.node.get("securityContext");
    }

    /** A field under the container's securityContext, e.g. `sc("capabilities.add")`. */
    sc(path: string): Node {
        return this.node.get(`securityContext.${path}`);
    }

    get(path: string): Node {
        return this.node.get(path);
    }
}

export class PodSpecView {
    private constructor(
        /** The workload kind without `Patch` (Pod, Deployment, CronJob, ...). */
        readonly kind: string,
        /** The resource's props root. */
        readonly root: Node,
        /** The pod spec (`spec`, `spec.template.spec`, `spec.jobTemplate.spec.template.spec`, `template.spec`). */
        readonly spec: Node,
        /** The pod template's metadata (`metadata` for a Pod): where pod annotations live. */
        readonly podMetadata: Node,
        /** True for a `…Patch` resource: absent fields mean "not changed", not the default. */
        readonly patch: boolean,
    ) {}

    static read(type: string, props: unknown): PodSpecView[] {
        if (!workload.matches(type)) {
            return [];
        }
        const raw = type.slice(type.lastIndexOf(":") + 1);
        const patch = raw.endsWith("Patch");
        const kind = patch ? raw.slice(0, -"Patch".length) : raw;
        const root = Node.root(props);
        const t = kind in TEMPLATE ? TEMPLATE[kind] : DEFAULT_TEMPLATE;
        const template = t ? root.get(t) : root;
        return [new PodSpecView(kind, root, template.get("spec"), template.get("metadata"), patch)];
    }

    /** The resource's own metadata (name, namespace, labels, annotations). */
    metadata(): Node {
        return this.root.get("metadata");
    }

    /** The resource's namespace as written, if printable; undefined when unset (the provider's default namespace). */
    namespace(): string | undefined {
        return printable(this.metadata().get("namespace"));
    }

    /** A pod-level field, e.g. `field("securityContext.runAsNonRoot")`. */
    field(path: string): Node {
        return this.spec.get(path);
    }

    /** Containers of the given lists (all three by default), in order, each with its path. */
    containers(lists: readonly ContainerList[] = CONTAINER_LISTS): ContainerView[] {
        const out: ContainerView[] = [];
        for (const list of lists) {
            this.spec.get(list).items().forEach((n, i) => out.push(new ContainerView(n, list, i)));
        }
        return out;
    }

    /**
     * `spec.os.name` is exactly `windows`, as the reference admission controller compares it
     * (PSS relaxes several restricted checks for Windows pods). An unknown value is read
     * through the SDK's proxy, so the check stops with the SDK's note rather than guess.
     */
    isWindows(): boolean {
        return this.spec.get("os.name").str() === "windows";
    }

    /** `spec.hostUsers: false` (a user namespace; PSS relaxes runAsNonRoot / runAsUser). */
    userNamespace(): boolean {
        return this.spec.get("hostUsers").bool() === false;
    }

    /** A pod-template annotation by exact key. */
    annotation(key: string): Node {
        return this.podMetadata.get("annotations").child(key);
    }

    /** Pod-template annotations (key, node). */
    annotations(): [string, Node][] {
        return this.podMetadata.get("annotations").entries();
    }
}
