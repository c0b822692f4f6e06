// Values as the Pulumi engine puts them on the wire (google.protobuf.Struct):
// unknowns as typed sentinel strings, secrets as a signature object, resource references
// flattened to their ID (or URN for a component), unknown when the ID is unknown
// (sdk/go/common/resource/plugin/rpc.go marshalUnknownProperty, MarshalOptions without
// KeepResources). Test and demo code builds property bags with `unknown`, `unknownOf(...)`,
// `secret(...)` and `ref(...)`, and this module encodes them.

export const UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** The engine's typed unknown sentinels (rpc.go UnknownBoolValue, ...). */
export const UNKNOWN_SENTINELS = {
    bool: "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
    number: "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
    string: UNKNOWN_SENTINEL,
    array: "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
    asset: "030794c1-ac77-496b-92df-f27374a8bd58",
    archive: "e48ece36-62e2-4504-bad9-02848725956a",
    object: "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
} as const;
export type UnknownKind = keyof typeof UNKNOWN_SENTINELS;

/** A typed unknown: what the engine sends for an unknown whose element type it knows. */
export class UnknownValue {
    constructor(readonly kind: UnknownKind) {}
}
export function unknownOf(kind: UnknownKind): UnknownValue | typeof unknown {
    return kind === "string" ? unknown : new UnknownValue(kind);
}

/** A resource reference: the engine sends the referenced resource's ID, its URN for a component, unknown for an unknown ID. */
export class ResourceRef {
    constructor(readonly urn: string, readonly id?: string | typeof unknown) {}
}
export function ref(urn: string, id?: string | typeof unknown): ResourceRef {
    return new ResourceRef(urn, id);
}
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
    if (v instanceof UnknownValue) {
        return UNKNOWN_SENTINELS[v.kind];
    }
    if (v instanceof ResourceRef) {
        if (v.id === undefined) return v.urn;
        return v.id === unknown || v.id === "" ? UNKNOWN_SENTINEL : v.id;
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
const KIND_OF = new Map<unknown, UnknownKind>(Object.entries(UNKNOWN_SENTINELS).map(([k, v]) => [v, k as UnknownKind]));

export function decode(v: unknown): unknown {
    const kind = KIND_OF.get(v);
    if (kind) {
        return unknownOf(kind);
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
