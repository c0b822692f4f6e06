// The GetAnalyzerInfo answer's bytes, written straight from the pack's policies: the bytes
// @pulumi/policy's makeAnalyzerInfo (protoutil.js, v1.21.0) and the generated AnalyzerInfo
// serializer (@pulumi/pulumi/proto/analyzer_pb.js on google-protobuf 3.21) give for the same
// arguments, without building the message tree. For 85 policies, most with a config schema,
// that tree (every schema a Struct of Value messages, then serialized) is the largest part of
// the pack's start after loading its modules.
//
// The same fields in the same order: proto3 defaults left out as the generated code leaves them
// out, map entries (Struct fields, initial config) in jspb.Map's sorted key order, doubles as
// jspb.utils.splitFloat64 writes them (NaN included), strings as UTF-8. Whatever this writer
// does not know to give the same bytes for (a value that is not a plain string, number,
// boolean, null, array or object; a string that is not well-formed UTF-16; a `__proto__` key;
// an unknown enforcement level: everything on which the SDK would throw or do something odd)
// makes it give up, and the SDK's own handler answers, as it always would.
//
// Used by lib/serve/wire.ts's codec, only when its self-check at start shows these bytes equal the
// generated code's for a sample pack; tests/unit/wire-info.test.ts compares them on the pack
// itself and on random packs.

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** This writer gives up: the SDK's handler answers. */
export class Unsupported extends Error {}
const unsupported = new Unsupported("unsupported");
function no(): never {
    throw unsupported;
}

/** The SDK functions and enums the answer depends on. */
export interface InfoSdk {
    pb: Any;
    isResourcePolicy: (p: unknown) => boolean;
    isStackPolicy: (p: unknown) => boolean;
    mapEnforcementLevel: (level: unknown) => number;
    normalizeConfig: (config: unknown) => Record<string, { enforcementLevel?: unknown; properties?: unknown }>;
}

/**
 * The bytes being written, in one growing buffer. A length-delimited field's body is written
 * in place after a one-byte length, then moved right when its length needs more bytes.
 */
class Writer {
    buf = Buffer.allocUnsafe(1 << 16);
    pos = 0;
    private room(n: number): void {
        if (this.pos + n <= this.buf.length) return;
        let size = this.buf.length * 2;
        while (size < this.pos + n) size *= 2;
        const next = Buffer.allocUnsafe(size);
        this.buf.copy(next, 0, 0, this.pos);
        this.buf = next;
    }
    varint(n: number): void {
        this.room(10);
        this.pos = this.varintAt(this.pos, n);
    }
    /** Write varint `n` at `i` (room already made); the position after it. */
    private varintAt(i: number, n: number): number {
        while (n >= 0x80) {
            this.buf[i++] = (n % 0x80) | 0x80;
            n = Math.floor(n / 0x80);
        }
        this.buf[i++] = n;
        return i;
    }
    byte(n: number): void {
        this.room(1);
        this.buf[this.pos++] = n;
    }
    /** A length-delimited field whose body `body()` writes (writeMessage: written even when empty). */
    delimited(field: number, body: () => void): void {
        this.varint(field * 8 + 2);
        this.room(1);
        const at = this.pos++;
        body();
        const length = this.pos - at - 1;
        if (length < 0x80) {
            this.buf[at] = length;
            return;
        }
        let extra = 0;
        for (let n = length; n >= 0x80; n = Math.floor(n / 0x80)) extra++;
        this.room(extra);
        this.buf.copyWithin(at + 1 + extra, at + 1, this.pos);
        this.pos += extra;
        this.varintAt(at, length);
    }
    /** writeString: the value must be a well-formed string; written even when empty. */
    string(field: number, s: unknown): void {
        if (typeof s !== "string") no();
        // jspb's writeString drops or splits lone surrogates where Buffer would write U+FFFD.
        if (!(s as string & { isWellFormed?: () => boolean }).isWellFormed?.() && /[\uD800-\uDFFF]/.test(s)) no();
        this.varint(field * 8 + 2);
        const length = Buffer.byteLength(s, "utf8");
        this.varint(length);
        this.room(length);
        this.pos += this.buf.write(s, this.pos, length, "utf8");
    }
    varintField(field: number, n: number): void {
        if (!Number.isInteger(n) || n < 0 || n >= 2 ** 31) no();
        this.varint(field * 8);
        this.varint(n);
    }
    double(field: number, v: number): void {
        this.varint(field * 8 + 1);
        this.room(8);
        if (Number.isNaN(v)) {
            // jspb.utils.splitFloat64: high 0x7fffffff, low 0xffffffff.
            this.buf.writeUInt32LE(0xffffffff, this.pos);
            this.buf.writeUInt32LE(0x7fffffff, this.pos + 4);
        } else {
            this.buf.writeDoubleLE(v, this.pos);
        }
        this.pos += 8;
    }
    bytes(): Buffer {
        return Buffer.from(this.buf.subarray(0, this.pos));
    }
}

/** A proto3 string field set from `v` through its setter: null or undefined read back as "". */
function optionalString(out: Writer, field: number, v: unknown): void {
    if (v === undefined || v === null) return;
    if (typeof v !== "string") no();
    if (v.length > 0) out.string(field, v);
}

/** A repeated string field set from `v` (setXList): an array of strings, each written. */
function strings(out: Writer, field: number, v: unknown): void {
    if (!Array.isArray(v)) no();
    const list = v as unknown[];
    for (let i = 0; i < list.length; i++) {
        if (!(i in list)) no();
        out.string(field, list[i] as string);
    }
}

const MAX_DEPTH = 64;

/** A plain object (or one without a prototype): for...in gives its own enumerable keys and nothing else. */
function plain(o: object): boolean {
    const proto = Object.getPrototypeOf(o);
    return proto === Object.prototype || proto === null;
}

/** google.protobuf.Value.fromJavaScript(v), serialized. */
function value(out: Writer, v: unknown, depth: number): void {
    switch (typeof v) {
        case "string":
            out.string(3, v);
            break;
        case "number":
            out.double(2, v);
            break;
        case "boolean":
            out.byte(0x20);
            out.byte(v ? 1 : 0);
            break;
        case "object":
            if (v === null) {
                out.byte(0x08);
                out.byte(0x00);
            } else if (Array.isArray(v)) out.delimited(6, () => list(out, v, depth + 1));
            else out.delimited(5, () => struct(out, v, depth + 1));
            break;
        default:
            no(); // undefined, functions, symbols, bigints: fromJavaScript throws
    }
}

function list(out: Writer, a: unknown[], depth: number): void {
    if (depth > MAX_DEPTH || Object.getPrototypeOf(a) !== Array.prototype) no();
    for (let i = 0; i < a.length; i++) {
        if (!(i in a)) no();
        out.delimited(1, () => value(out, a[i], depth));
    }
}

/** google.protobuf.Struct.fromJavaScript(o) (for...in over `o`), serialized: keys in jspb.Map's order. */
function struct(out: Writer, o: unknown, depth: number): void {
    if (o === undefined || o === null) return;
    if (typeof o !== "object" || depth > MAX_DEPTH || !plain(o)) no();
    // for...in's keys: the own enumerable ones, Object.prototype having none (checked per answer).
    const keys = Object.keys(o);
    if (keys.includes("__proto__")) no();
    keys.sort();
    for (const k of keys) {
        out.delimited(1, () => {
            out.string(1, k);
            out.delimited(2, () => value(out, (o as Record<string, unknown>)[k], depth));
        });
    }
}

function mapSeverity(pb: Any, s: unknown): number {
    const S = pb.PolicySeverity;
    switch (s) {
        case "low":
            return S.POLICY_SEVERITY_LOW;
        case "medium":
            return S.POLICY_SEVERITY_MEDIUM;
        case "high":
            return S.POLICY_SEVERITY_HIGH;
        case "critical":
            return S.POLICY_SEVERITY_CRITICAL;
        default:
            return S.POLICY_SEVERITY_UNSPECIFIED;
    }
}

function level(sdk: InfoSdk, l: unknown): number {
    try {
        return sdk.mapEnforcementLevel(l);
    } catch {
        return no(); // the SDK answers with its gRPC error
    }
}

function enumField(out: Writer, field: number, n: unknown): void {
    if (typeof n !== "number") no();
    if (n !== 0) out.varintField(field, n as number);
}

function policyInfo(out: Writer, sdk: InfoSdk, packLevel: unknown, policy: Any): void {
    if (policy === null || typeof policy !== "object") no();
    const type = sdk.isResourcePolicy(policy) ? sdk.pb.PolicyType.POLICY_TYPE_RESOURCE : sdk.isStackPolicy(policy) ? sdk.pb.PolicyType.POLICY_TYPE_STACK : 0;
    optionalString(out, 1, policy.name);
    if (policy.displayName) optionalString(out, 2, policy.displayName);
    optionalString(out, 3, policy.description);
    enumField(out, 5, level(sdk, policy.enforcementLevel || packLevel));
    const schema = policy.configSchema;
    if (schema) {
        out.delimited(6, () => {
            out.delimited(1, () => struct(out, schema.properties, 0));
            if (schema.required) strings(out, 2, schema.required);
        });
    }
    enumField(out, 7, type);
    if (policy.severity) enumField(out, 8, mapSeverity(sdk.pb, policy.severity));
    const fw = policy.framework;
    if (fw) {
        if (typeof fw !== "object") no();
        out.delimited(9, () => {
            if (fw.name) optionalString(out, 1, fw.name);
            if (fw.version) optionalString(out, 2, fw.version);
            if (fw.reference) optionalString(out, 3, fw.reference);
            if (fw.specification) optionalString(out, 4, fw.specification);
        });
    }
    if (policy.tags) strings(out, 10, policy.tags);
    if (policy.remediationSteps) optionalString(out, 11, policy.remediationSteps);
    if (policy.url) optionalString(out, 12, policy.url);
}

/**
 * The serialized AnalyzerInfo that makeAnalyzerInfo(packName, packVersion, packLevel, packArgs,
 * initialConfig) would give, or throws `Unsupported`.
 */
export function analyzerInfoBytes(sdk: InfoSdk, packName: unknown, packVersion: unknown, packLevel: unknown, packArgs: Any, initialConfig: unknown): Buffer {
    if (packArgs === null || typeof packArgs !== "object") no();
    const policies = packArgs.policies ?? [];
    if (!Array.isArray(policies)) no();
    // for...in over a plain object also walks Object.prototype's enumerable keys, normally none.
    for (const _ in Object.prototype) no();
    const out = new Writer();
    optionalString(out, 1, packName);
    if (packArgs.displayName) optionalString(out, 2, packArgs.displayName);
    for (let i = 0; i < policies.length; i++) {
        if (!(i in policies)) no();
        out.delimited(3, () => policyInfo(out, sdk, packLevel, policies[i]));
    }
    optionalString(out, 4, packVersion);
    out.varintField(5, 1); // supportsConfig
    if (initialConfig) {
        if (typeof initialConfig !== "object" || !plain(initialConfig)) no();
        let normalized: Record<string, { enforcementLevel?: unknown; properties?: unknown }>;
        try {
            normalized = sdk.normalizeConfig(initialConfig);
        } catch {
            return no();
        }
        // The entries with a level or properties, in jspb.Map's order.
        const keys = Object.keys(normalized).filter(k => normalized[k].enforcementLevel || normalized[k].properties);
        if (keys.includes("__proto__")) no();
        keys.sort();
        for (const key of keys) {
            const val = normalized[key];
            out.delimited(6, () => {
                out.string(1, key);
                out.delimited(2, () => {
                    if (val.enforcementLevel) enumField(out, 1, level(sdk, val.enforcementLevel));
                    if (val.properties) out.delimited(2, () => struct(out, val.properties, 0));
                });
            });
        }
    }
    if (packArgs.description) optionalString(out, 7, packArgs.description);
    if (packArgs.readme) optionalString(out, 8, packArgs.readme);
    if (packArgs.provider) optionalString(out, 9, packArgs.provider);
    if (packArgs.tags) strings(out, 10, packArgs.tags);
    if (packArgs.repository) optionalString(out, 11, packArgs.repository);
    return out.bytes();
}
