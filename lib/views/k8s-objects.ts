// Kubernetes cluster objects other than workloads (ServiceAccount, ConfigMap, Namespace,
// NetworkPolicy, RBAC, Ingress, Service, helm Release), read lazily with their paths, plus the
// helpers several k8s-* policies share: image references, configured lists and patterns, the
// keys an allow-list matches. (The namespace a resource lands in: lib/stack/namespaces.ts.) Workload pod specs are read by
// lib/views/podspec.ts only.
//
// Their kinds (lib/core/kinds.ts) match each apiVersion the SDK ships and the `…Patch` twin (server-side apply).
// A Patch changes only the fields it sets, so policies judge what a Patch sets and never what
// it leaves out (the live object may already be right).

import { Kind } from "../core/kinds";
import { found } from "../core/message";
import { Node, printable } from "../core/node";


// ---- a cluster object ------------------------------------------------------------

export class ObjectView {
    private constructor(
        /** The kind without `Patch` (Role, ClusterRole, Service, ...). */
        readonly kind: string,
        readonly root: Node,
        /** A `…Patch` resource: absent fields mean "not changed". */
        readonly patch: boolean,
    ) {}

    static reader(kind: Kind): (type: string, props: unknown) => ObjectView[] {
        return (type, props) => {
            if (!kind.matches(type)) {
                return [];
            }
            const raw = type.slice(type.lastIndexOf(":") + 1);
            const patch = raw.endsWith("Patch");
            return [new ObjectView(patch ? raw.slice(0, -"Patch".length) : raw, Node.root(props), patch)];
        };
    }

    /** `The Service`, `The ClusterRole`: how messages name the object. */
    label(): string {
        return `The ${this.kind}`;
    }

    get(path: string): Node {
        return this.root.get(path);
    }

    metadata(): Node {
        return this.root.get("metadata");
    }

    /** `metadata.name` if printable. */
    name(): string | undefined {
        return printable(this.metadata().get("name"));
    }

    /** `metadata.namespace` if printable; undefined when unset (the provider's default namespace). */
    namespace(): string | undefined {
        return printable(this.metadata().get("namespace"));
    }

    labelValue(key: string): Node {
        return this.metadata().get("labels").child(key);
    }

    annotation(key: string): Node {
        return this.metadata().get("annotations").child(key);
    }
}

// ---- messages ----------------------------------------------------------------------

/** `<element> sets <path>: <value>, which <which>; <fix>.` (the value through show(): secrets never print). */
export function sayWhich(element: string, n: Node, base: Node | undefined, which: string, fix: string): string {
    return `${element} ${found(n, base)}, which ${which}; ${fix}.`;
}

/**
 * `say()` for a field whose name only looks secret (`automountServiceAccountToken`): message.ts
 * hides values of keys that contain "token", which would hide a plain `true`. A Pulumi secret
 * still never prints.
 */
/** Strings of a config list (non-strings dropped); `[]` when the config value is not an array. */
export function configList(v: unknown): string[] {
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** A printable name for a message: `"x"` when known and not a secret, else undefined. */
export function quoted(n: Node): string | undefined {
    const s = printable(n);
    return s === undefined ? undefined : JSON.stringify(s);
}

/**
 * Values of a field that should be a list of strings: the elements of an array, or the node
 * itself when it is a bare value (malformed: `verbs: "*"`), so a check still sees it.
 */
export function listValues(n: Node): Node[] {
    if (n.isArray) {
        return n.items();
    }
    return n.present ? [n] : [];
}

// ---- image references ----------------------------------------------------------------

export interface ImageRef {
    /** Registry host, lower-cased; `docker.io` for Docker Hub short names. */
    host: string;
    /** The repository path under the host (`library/nginx`). */
    path: string;
    /** `host/path`, lower-cased: what registry allow-lists are compared with. */
    repository: string;
    tag?: string;
    digest?: string;
}

const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/;
const COMPONENT = /^[A-Za-z0-9]+(?:(?:[._]|__|-+)[A-Za-z0-9]+)*$/;
const HOST = /^[A-Za-z0-9.-]+(?::[0-9]+)?$|^\[[0-9A-Fa-f:]+\](?::[0-9]+)?$/;

/**
 * An image reference as the container runtime reads it: `[host[:port]/]path[:tag][@digest]`.
 * The first component is a registry host when it has a `.` or `:` or is `localhost`; otherwise
 * the image is on Docker Hub (`nginx` is `docker.io/library/nginx`). A `:` in the host part is
 * a port, not a tag. Undefined when the string is not a valid reference.
 */
export function parseImage(s: string): ImageRef | undefined {
    let rest = s.trim();
    if (rest === "" || /\s/.test(rest)) {
        return undefined;
    }
    let digest: string | undefined;
    const at = rest.indexOf("@");
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!DIGEST.test(digest)) {
            return undefined;
        }
    }
    let tag: string | undefined;
    const slash = rest.lastIndexOf("/");
    const colon = rest.lastIndexOf(":");
    if (colon > slash) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!TAG.test(tag)) {
            return undefined;
        }
    }
    const parts = rest.split("/");
    let host = "docker.io";
    const first = parts[0];
    if (parts.length > 1 && (first.includes(".") || first.includes(":") || first === "localhost" || first !== first.toLowerCase())) {
        host = first.toLowerCase();
        parts.shift();
        if (!HOST.test(host)) {
            return undefined;
        }
    }
    if (parts.length === 0 || parts.some(p => !COMPONENT.test(p))) {
        return undefined;
    }
    if (host === "index.docker.io" || host === "registry-1.docker.io") {
        host = "docker.io";
    }
    if (host === "docker.io" && parts.length === 1) {
        parts.unshift("library");
    }
    const path = parts.join("/").toLowerCase();
    return { host, path, repository: `${host}/${path}`, tag, digest };
}

// ---- credentials -------------------------------------------------------------------------

/** A compiled pattern from config, or the default when the configured one is not a valid regex. */
export function pattern(configured: unknown, fallback: string): RegExp {
    if (typeof configured === "string" && configured !== "") {
        try {
            return new RegExp(configured, "i");
        } catch {
            // fall through to the default
        }
    }
    return new RegExp(fallback, "i");
}

// ---- RBAC ---------------------------------------------------------------------------------

/** The name an allow-list of roles or services matches: `name` (cluster-scoped) and `namespace/name`. */
export function allowKeys(name: string | undefined, ns: string | undefined, pulumiName?: string): string[] {
    const out: string[] = [];
    for (const n of [name, pulumiName]) {
        if (n !== undefined) {
            out.push(n.toLowerCase(), `${(ns ?? "default").toLowerCase()}/${n.toLowerCase()}`);
        }
    }
    return out;
}
