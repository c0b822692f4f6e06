// One way of wording a violation: the element, the property path in the user's provider,
// the value found, and the value to write. The SDK prints the policy description above the
// message, so messages never repeat it.

import { isSecretSlot } from "./secrets";
import { clip, Node } from "./node";

const MAX = 80;

/** A value as it appears in a message: JSON, shortened; a secret is never printed. */
/** Property names that hold credentials (`secret`, `serverAppSecret`, `adminPassword`, `sasToken`, ...). */
const CREDENTIAL_NAME = /(secret|password|passwd|token|credential|connectionstring)$/i;

/** Flags named after a credential (`automountServiceAccountToken`, `enableSecretRotation`) hold no credential. */
const FLAG_NAME = /^(enable|disable|automount|allow|use|require)/i;

export function show(n: Node): string {
    if (n.secret || (typeof n.key === "string" && typeof n.raw === "string" && CREDENTIAL_NAME.test(n.key) && !FLAG_NAME.test(n.key))) {
        return "[secret]";
    }
    return showValue(n.raw);
}

/** JSON with every slot that held a Pulumi secret (at any depth) replaced by "[secret]". */
function redacting(this: unknown, key: string, value: unknown): unknown {
    if (key !== "" && this !== null && typeof this === "object" && (isSecretSlot(this, key) || (Array.isArray(this) && isSecretSlot(this, Number(key))))) {
        return "[secret]";
    }
    return value;
}

export function showValue(v: unknown): string {
    let s: string;
    try {
        s = v === undefined ? "undefined" : JSON.stringify(v, redacting) ?? String(v);
    } catch {
        s = Object.prototype.toString.call(v);
    }
    return clip(s, MAX);
}

/** `n`'s path relative to `base` (the element the message names), or its full path. */
export function pathOf(n: Node, base?: Node): string {
    if (base && base.path && n.path.startsWith(base.path)) {
        const rest = n.path.slice(base.path.length);
        return rest.startsWith(".") ? rest.slice(1) : rest;
    }
    return n.path;
}

/** `sets a.b: <value>` or `does not set a.b`. */
export function found(n: Node, base?: Node): string {
    return n.present ? `sets ${pathOf(n, base)}: ${show(n)}` : `does not set ${pathOf(n, base)}`;
}

export interface Say {
    /** Who: `The cluster`, `agentPoolProfiles[1] ("user")`, `Node pool "user"`. */
    element: string;
    /** The offending (or missing) property. */
    node: Node;
    /** Paths are shown relative to this element node (inline pools). */
    base?: Node;
    /** What the absence means on the platform, shown when the property is not set. */
    absent?: string;
    /** The fix, starting with a verb: `set it to true`. */
    fix: string;
}

/** `<element> sets <path>: <value>; <fix>.` / `<element> does not set <path> (<absent>); <fix>.` */
export function say(s: Say): string {
    const what = found(s.node, s.base);
    const why = !s.node.present && s.absent ? ` (${s.absent})` : "";
    return `${s.element} ${what}${why}; ${s.fix}.`;
}

export const CLUSTER = "The cluster";

/** `"a"`, `"a" or "b"`, `"a", "b" or "c"`: allowed values in a fix. */
export function oneOf(values: readonly string[]): string {
    const q = values.map(v => JSON.stringify(v));
    return q.length > 1 ? `${q.slice(0, -1).join(", ")} or ${q[q.length - 1]}` : q[0] ?? "";
}
