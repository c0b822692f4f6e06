// Which slots of a property bag held a Pulumi secret. The policy SDK unwraps secrets
// before validation, so a policy cannot tell a secret from a plain value; lib/serve/sdk.ts
// records them here while the SDK deserializes, and messages never print such a value.

const slots = new WeakMap<object, Set<string | number>>();

const PROXY_TARGET = "__getSpecialProxyTarget";

function target(container: unknown): object | undefined {
    if (typeof container !== "object" || container === null) {
        return undefined;
    }
    const t = (container as Record<string, unknown>)[PROXY_TARGET];
    return typeof t === "object" && t !== null ? t : container;
}

export function markSecret(container: object, key: string | number): void {
    let s = slots.get(container);
    if (!s) {
        s = new Set();
        slots.set(container, s);
    }
    s.add(key);
}

export function isSecretSlot(container: unknown, key: string | number): boolean {
    const t = target(container);
    return t !== undefined && slots.get(t)?.has(key) === true;
}

export const SIG_KEY = "4dabf18193072939515e22adb298388d";
/** What `pulumi policy analyze` makes of a secret it cannot decrypt. */
export const REDACTED = "[secret]";
const UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/**
 * Walk the wire form (`raw`, secrets still wrapped) beside the deserialized form (`out`) and
 * mark every slot of `out` whose wire value was a secret.
 */
export function recordSecrets(raw: unknown, out: unknown): void {
    if (typeof raw !== "object" || raw === null || typeof out !== "object" || out === null) {
        return;
    }
    const keys = Array.isArray(raw) ? raw.map((_, i) => i) : Object.keys(raw);
    for (const k of keys) {
        const rv = (raw as Record<string | number, unknown>)[k];
        if (typeof rv !== "object" || rv === null) {
            continue;
        }
        const ov = (out as Record<string | number, unknown>)[k];
        let inner: unknown = rv;
        let wrapped = false;
        while (typeof inner === "object" && inner !== null && (inner as Record<string, unknown>)[SIG_KEY] === SECRET_SIG) {
            markSecret(out, k);
            inner = (inner as Record<string, unknown>).value;
            wrapped = true;
        }
        if (wrapped && inner === REDACTED) {
            // `pulumi policy analyze` replaces every secret it cannot decrypt with the string
            // "[secret]", whatever its type (pkg/backend/secrets/providers.go BlindingProvider).
            // Judged as a value it would give false verdicts (a secret `true` read as "not a
            // boolean"), so it reaches policies as a value that cannot be known: checks that
            // only need "is set" pass, checks that read it get the SDK's advisory note.
            (out as Record<string | number, unknown>)[k] = UNKNOWN_STRING;
            continue;
        }
        recordSecrets(inner, ov);
    }
}

/**
 * The wire form with every secret whose value is the redaction placeholder replaced by the
 * unknown sentinel (the same object when there is none, so the common case costs one walk).
 */
export function withoutRedacted(raw: unknown): unknown {
    if (typeof raw !== "object" || raw === null) return raw;
    const o = raw as Record<string, unknown>;
    if (o[SIG_KEY] === SECRET_SIG) {
        let inner: unknown = o.value;
        while (typeof inner === "object" && inner !== null && (inner as Record<string, unknown>)[SIG_KEY] === SECRET_SIG) inner = (inner as Record<string, unknown>).value;
        if (inner === REDACTED) return UNKNOWN_STRING;
    }
    let out: Record<string, unknown> | unknown[] | undefined;
    const keys = Array.isArray(raw) ? raw.map((_, i) => i) : Object.keys(raw);
    for (const k of keys) {
        const v = (raw as Record<string | number, unknown>)[k];
        const w = withoutRedacted(v);
        if (w !== v) {
            out ??= Array.isArray(raw) ? [...raw] : { ...o };
            (out as Record<string | number, unknown>)[k] = w;
        }
    }
    return out ?? raw;
}
