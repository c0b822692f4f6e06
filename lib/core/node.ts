// A value read from a resource's property bag together with the path it came from.
// Reading is lazy: a Node touches the underlying property only when asked, so a policy
// reads exactly what it needs (during preview the SDK's proxy throws on unknowns, and
// the SDK turns that into its advisory note; nothing here catches that).
//
// Every accessor is total: wrong types, nulls, arrays where objects were expected never
// throw; they come back as an absent Node or as a value the caller compares against its
// allowed set.

import { isSecretSlot } from "./secrets";

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function joinPath(base: string, key: string | number): string {
    if (typeof key === "number") {
        return `${base}[${key}]`;
    }
    if (IDENT.test(key)) {
        return base ? `${base}.${key}` : key;
    }
    return `${base}[${JSON.stringify(key)}]`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

const UNKNOWNS = new Set([
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // boolean
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9", // string
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
    "030794c1-ac77-496b-92df-f27374a8bd58", // asset
    "e48ece36-62e2-4504-bad9-02848725956a", // archive
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
]);

/** Props roots shared by the validations of one resource (see Node.shared). */
const sharedRoots = new WeakMap<object, Node>();

export class Node {
    private value: unknown;
    private read: boolean;
    /** Children read so far, by key: a node is read once however many checks ask for it. */
    private kids: Map<string | number, Node> | undefined;

    constructor(
        /** The value as found (undefined when absent); omitted for a lazily read child. */
        raw: unknown,
        /** The property path in the user's provider, e.g. `agentPoolProfiles[1].enableNodePublicIP`. */
        readonly path: string,
        /** The node this one was read from, and under which key (for secret tracking and lazy reads). */
        readonly parent?: Node,
        readonly key?: string | number,
        lazy = false,
    ) {
        this.value = raw;
        this.read = !lazy;
    }

    /**
     * The value as found (undefined when absent). Read on first use through the SDK's proxy,
     * which throws its UnknownValueError when the value is unknown during preview.
     */
    get raw(): unknown {
        if (!this.read) {
            const c = this.parent!.raw;
            this.value = isRecord(c) || Array.isArray(c) ? (c as Record<string | number, unknown>)[this.key!] : undefined;
            this.read = true;
        }
        return this.value;
    }

    /**
     * The property is set to a value that is unknown until the update (an output of another
     * resource, during preview). Answered without reading the value, so a check that only needs
     * to know that something is set can pass in preview instead of stopping on the unknown.
     */
    get pending(): boolean {
        if (this.read || !this.parent) {
            return false;
        }
        const c = this.parent.raw;
        if (!isRecord(c) && !Array.isArray(c)) {
            return false;
        }
        const d = Object.getOwnPropertyDescriptor(c, this.key!);
        return d !== undefined && typeof d.value === "string" && UNKNOWNS.has(d.value);
    }

    /**
     * Neither this value nor any object it sits in is unknown during preview; answered without
     * reading an unknown (stack policies, which the SDK stops at the first unknown they read).
     */
    get knowable(): boolean {
        const chain: Node[] = [];
        for (let n: Node | undefined = this; n && n.parent; n = n.parent) chain.push(n);
        for (let i = chain.length - 1; i >= 0; i--) {
            if (chain[i].pending) return false;
        }
        return true;
    }

    /** The value, or one of the objects it sits in, was a Pulumi secret: never print it. */
    get secret(): boolean {
        for (let n: Node | undefined = this; n && n.parent; n = n.parent) {
            if (isSecretSlot(n.parent.raw, n.key!)) {
                return true;
            }
        }
        return false;
    }

    static root(props: unknown): Node {
        return new Node(props, "");
    }

    /**
     * One root per props object, shared by every validation of the resource: what one check
     * read (through the SDK's proxy) the next finds read. Only for validation, which never
     * writes to props; a remediation edits them in place, so it reads from its own Node.root.
     */
    static shared(props: unknown): Node {
        if (typeof props !== "object" || props === null) return Node.root(props);
        let r = sharedRoots.get(props);
        if (!r) sharedRoots.set(props, (r = Node.root(props)));
        return r;
    }

    /** The child under exactly `key`; `lazy` when this node's value can hold it. */
    private kid(key: string | number, lazy: boolean): Node {
        let k = this.kids?.get(key);
        if (!k) {
            k = new Node(undefined, joinPath(this.path, key), this, key, lazy);
            (this.kids ??= new Map()).set(key, k);
        }
        return k;
    }

    /** The value is present (not undefined and not null). */
    get present(): boolean {
        return this.raw !== undefined && this.raw !== null;
    }

    get isObject(): boolean {
        return isRecord(this.raw);
    }

    get isArray(): boolean {
        return Array.isArray(this.raw);
    }

    /** The child at `key` (dotted paths allowed). Absent when this is not an object. */
    get(key: string): Node {
        let n: Node = this;
        for (const part of key.split(".")) {
            n = n.kid(part, isRecord(n.raw));
        }
        return n;
    }

    /** The child at exactly `key` (keys with dots, such as annotations and labels). */
    child(key: string): Node {
        return this.kid(key, isRecord(this.raw));
    }

    /**
     * The first of several spellings that is present (provider renames, e.g. classic v5
     * `enableHostEncryption` vs v6 `hostEncryptionEnabled`); the last spelling otherwise, so
     * messages name the current one.
     */
    first(...keys: string[]): Node {
        let last: Node | undefined;
        for (const k of keys) {
            last = this.get(k);
            if (last.present) {
                return last;
            }
        }
        return last ?? this;
    }

    /** Case-insensitive key lookup (AKS add-on names and add-on config keys). */
    getCI(key: string): Node {
        const obj = this.raw;
        if (isRecord(obj)) {
            const want = key.toLowerCase();
            for (const k of Object.keys(obj)) {
                if (k.toLowerCase() === want) {
                    return this.kid(k, true);
                }
            }
        }
        return new Node(undefined, joinPath(this.path, key));
    }

    /** Elements of an array, each with its index path. Empty when absent or not an array. */
    items(): Node[] {
        const arr = this.raw;
        if (!Array.isArray(arr)) {
            return [];
        }
        const out: Node[] = [];
        for (let i = 0; i < arr.length; i++) {
            out.push(this.kid(i, true));
        }
        return out;
    }

    /** Key/value entries of an object. Empty when absent or not an object. */
    entries(): [string, Node][] {
        const obj = this.raw;
        if (!isRecord(obj)) {
            return [];
        }
        return Object.keys(obj).map(k => [k, this.kid(k, true)]);
    }

    /**
     * A boolean as the platform reads it: `true`/`false`, or the strings "true"/"false"
     * (any case) that config-driven programs send. Anything else is `undefined` when absent
     * and `null` when present but not a boolean (malformed).
     */
    bool(): boolean | undefined | null {
        const v = this.raw;
        if (v === undefined || v === null) {
            return undefined;
        }
        if (typeof v === "boolean") {
            return v;
        }
        if (typeof v === "string") {
            const s = v.trim().toLowerCase();
            if (s === "true") return true;
            if (s === "false") return false;
        }
        return null;
    }

    /** The value if it is a string, else undefined. */
    str(): string | undefined {
        return typeof this.raw === "string" ? this.raw : undefined;
    }

    /** A non-empty, non-blank string value. */
    get hasText(): boolean {
        const s = this.str();
        return s !== undefined && s.trim() !== "";
    }

    /** Strings of an array value (non-strings skipped). */
    strings(): string[] {
        return this.items().map(n => n.str()).filter((s): s is string => s !== undefined);
    }
}

/**
 * A name to show in a message (a pool's or a container's): the string if it is known and not a
 * secret, else undefined, so an element is then named by its path alone. Never throws on an
 * unknown name: a label must not stop a check.
 */
export function printable(n: Node): string | undefined {
    if (n.pending || n.secret) {
        return undefined;
    }
    const s = n.str();
    return s === undefined ? undefined : clip(s, 63);
}

/** At most `max` code points (never a lone surrogate), with an ellipsis when shortened. */
export function clip(s: string, max: number): string {
    const cps = Array.from(s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd"));
    return cps.length > max ? `${cps.slice(0, max - 1).join("")}…` : cps.join("");
}
