// Values as the Pulumi engine puts them on the wire (google.protobuf.Struct):
// unknowns as a sentinel string, secrets as a signature object. Test and demo code builds
// property bags with `unknown` and `secret(...)`, and this module encodes them.

export const UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** A value unknown during preview. */
export const unknown: unique symbol = Symbol("unknown");

export class SecretValue {
    constructor(readonly value: unknown) {}
}

/** A value the engine marks as secret. */
export function secret(value: unknown): SecretValue {
    return new SecretValue(value);
}

/** Set a key as an own property, even `__proto__` (a plain assignment would set the prototype). */
function put(o: Record<string, unknown>, k: string, v: unknown): void {
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

/** Encode a property value for the wire. */
export function encode(v: unknown): unknown {
    if (v === unknown) {
        return UNKNOWN_SENTINEL;
    }
    if (v instanceof SecretValue) {
        return { [SIG_KEY]: SECRET_SIG, value: encode(v.value) };
    }
    if (Array.isArray(v)) {
        return v.map(encode);
    }
    if (typeof v === "object" && v !== null) {
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(v)) {
            if (x !== undefined) {
                put(out, k, encode(x));
            }
        }
        return out;
    }
    return v;
}

/** Decode wire values back into `unknown` and `secret(...)` (for remediation results). */
export function decode(v: unknown): unknown {
    if (v === UNKNOWN_SENTINEL) {
        return unknown;
    }
    if (Array.isArray(v)) {
        return v.map(decode);
    }
    if (typeof v === "object" && v !== null) {
        const o = v as Record<string, unknown>;
        if (o[SIG_KEY] === SECRET_SIG) {
            return secret(decode(o.value));
        }
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(o)) {
            put(out, k, decode(x));
        }
        return out;
    }
    return v;
}

/**
 * Recorded stacks (JSON files) cannot hold symbols or classes; there the wire form itself is
 * used: the sentinel string for unknowns and the signature object for secrets. `encode`
 * passes those through unchanged.
 */
export function fromRecorded(v: unknown): unknown {
    return decode(v);
}
