// Kubernetes cluster objects other than workloads (ServiceAccount, ConfigMap, Namespace,
// NetworkPolicy, RBAC, Ingress, Service, helm Release), read lazily with their paths, plus the
// helpers the k8s-* policies share: image references, credential-looking names, RBAC rule
// matching, and the namespace a resource lands in. Workload pod specs are read by
// lib/views/podspec.ts only.
//
// Their kinds (lib/core/kinds.ts) match each apiVersion the SDK ships and the `…Patch` twin (server-side apply).
// A Patch changes only the fields it sets, so policies judge what a Patch sets and never what
// it leaves out (the live object may already be right).

import { Kind } from "../core/kinds";
import { found } from "../core/message";
import { Node, printable } from "../core/node";


/**
 * Component tokens: helm Chart/Release, yaml ConfigFile/ConfigGroup, kustomize Directory. They
 * are not API objects; their children (when registered) carry their own tokens.
 */
const COMPONENT_GROUPS = new Set(["helm.sh", "yaml", "kustomize"]);
const API_TOKEN = /^kubernetes:([^:/]+)\/([^:/]+):([A-Za-z0-9]+)$/;

export interface ApiToken {
    group: string;
    version: string;
    /** The kind without `Patch`. */
    kind: string;
    /** The apiVersion as written in a manifest: `v1` for the core group, else `group/version`. */
    apiVersion: string;
}

export function parseApiToken(type: string): ApiToken | undefined {
    const m = typeof type === "string" ? API_TOKEN.exec(type) : null;
    if (!m || COMPONENT_GROUPS.has(m[1])) {
        return undefined;
    }
    const kind = m[3].endsWith("Patch") && m[3] !== "Patch" ? m[3].slice(0, -"Patch".length) : m[3];
    return { group: m[1], version: m[2], kind, apiVersion: m[1] === "core" ? m[2] : `${m[1]}/${m[2]}` };
}

/** Every Kubernetes API object (built-in kinds and custom resources), not the component tokens. */
export const kubernetesObject: Kind = {
    label: "Kubernetes object",
    provider: "kubernetes",
    matches: (type: string) => parseApiToken(type) !== undefined,
};

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

/** Is the repository `repo` under the allow-list entry (a host, or a host/path prefix)? */
export function underPrefix(repo: string, entry: string): boolean {
    const e = entry.trim().toLowerCase().replace(/^[a-z]+:\/\//, "").replace(/\/+$/, "");
    if (e === "") {
        return false;
    }
    const norm = e === "index.docker.io" || e === "registry-1.docker.io" ? "docker.io" : e;
    return repo === norm || repo.startsWith(`${norm}/`);
}

// ---- credentials -------------------------------------------------------------------------

/** Names that look like they hold a credential (env vars, ConfigMap keys). */
export const CREDENTIAL_NAME =
    "passw(?:or)?d|passwd|passphrase|(?:^|[-_.])pwd(?:$|[-_.])|secret|token|api[-_.]?key|access[-_.]?key|private[-_.]?key|" +
    "signing[-_.]?key|encryption[-_.]?key|account[-_.]?key|shared[-_.]?access|credential|conn(?:ection)?[-_.]?str(?:ing)?|" +
    "client[-_.]?secret|auth[-_.]?key|sas[-_.]?key|\\bsas$|bearer";
/** Names that point at a credential rather than hold one (a file path, a secret's name, a URL, a lifetime). */
export const NOT_CREDENTIAL_NAME =
    "(?:[-_.](?:file|path|dir|url|uri|endpoint|name|ref|id|ttl|expiry|expires|timeout|length|size|type|header|issuer|audience|enabled|mount|key[-_.]?name|version))$";

/** Values that are credentials whatever their name: private keys and connection strings with a key or password. */
const CREDENTIAL_VALUE = [
    /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
    /(?:^|;)\s*(?:AccountKey|SharedAccessKey|SharedAccessSignature|Password|Pwd)\s*=\s*(?!\$[({])[^;\s]/im,
    /\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:(?!\$[({])[^/\s@]+@/i,
];

/** A value made only of `$(VAR)` references, which Kubernetes expands from other variables. */
const ONLY_REFERENCES = /^\s*(?:\$\([A-Za-z_][A-Za-z0-9_.-]*\)\s*)+$/;

export function onlyReferences(s: string): boolean {
    return ONLY_REFERENCES.test(s);
}

export function looksLikeCredentialValue(s: string): boolean {
    return CREDENTIAL_VALUE.some(re => re.test(s));
}

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

/** A rule field as lower-cased strings (a bare string counts as a one-element list). */
export function ruleStrings(n: Node): string[] {
    return listValues(n).map(x => x.str()).filter((s): s is string => s !== undefined).map(s => s.trim().toLowerCase());
}

// Does an RBAC `resources` entry cover `want` (`pods/exec`)? "*", exact, "pods/*" or "*/exec".
export function coversResource(entry: string, want: string): boolean {
    if (entry === "*" || entry === want) {
        return true;
    }
    const [base, sub] = want.split("/");
    if (sub !== undefined) {
        return entry === `${base}/*` || entry === `*/${sub}`;
    }
    return false;
}

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
