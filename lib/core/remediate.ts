// Small, safe in-place edits for remediations. They work on the SDK's property proxy: writes
// go through it so a value that was a secret stays a secret, and reading an unknown value
// throws the SDK's error, so an unknown is never overwritten.

type Bag = Record<string, unknown>;

function isBag(v: unknown): v is Bag {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The key of `obj` equal to `key` ignoring case (AKS add-on names), or `key` itself. */
export function keyCI(obj: Bag, key: string): string {
    const want = key.toLowerCase();
    return Object.keys(obj).find(k => k.toLowerCase() === want) ?? key;
}

/**
 * Set `path` to `value`, creating missing parent objects (not replacing values of another
 * type). Returns whether anything changed. Keys are matched case-insensitively when `ci`.
 */
export function setPath(props: Bag, path: string[], value: unknown, ci = false): boolean {
    let obj: Bag = props;
    for (let i = 0; i < path.length - 1; i++) {
        const k = ci ? keyCI(obj, path[i]) : path[i];
        const next = obj[k];
        if (next === undefined || next === null) {
            obj[k] = {};
            obj = obj[k] as Bag;
        } else if (isBag(next)) {
            obj = next;
        } else {
            return false;
        }
    }
    const last = ci ? keyCI(obj, path[path.length - 1]) : path[path.length - 1];
    if (obj[last] === value) {
        return false;
    }
    obj[last] = value;
    return true;
}

/** Like setPath, but only where the parent object already exists (turning off what is on). */
export function setIfParent(props: Bag, path: string[], value: unknown, ci = false): boolean {
    let obj: unknown = props;
    for (let i = 0; i < path.length - 1; i++) {
        if (!isBag(obj)) return false;
        obj = obj[ci ? keyCI(obj, path[i]) : path[i]];
    }
    if (!isBag(obj)) return false;
    const last = ci ? keyCI(obj, path[path.length - 1]) : path[path.length - 1];
    if (obj[last] === value) return false;
    obj[last] = value;
    return true;
}
