// The pack's protobuf codec for Analyze and Remediate: the same messages, and the same bytes,
// as the generated code (@pulumi/pulumi/proto/analyzer_pb.js on google-protobuf 3.21), with
// far less work per resource.
//
// - Requests. google-protobuf decodes a resource's property Struct into a tree of Value
//   messages and jspb.Maps, which the SDK at once turns into plain values (Struct.toJavaScript).
//   Here the two Structs of a request (the resource's properties, its provider's) are read
//   straight into those plain values; the rest of the request (type, URN, name, options,
//   provider) is decoded by the generated code from the request's bytes with the Structs cut
//   out, so the SDK calls the same getters and gets the same values. The plain values are what
//   toJavaScript() gives: keys sorted as jspb.Map sorts them, its lenient UTF-8 decoding, the
//   same doubles. Whatever this reader does not recognise as the common case (a duplicated
//   field, a Value without a kind or with two, a `__proto__` key, an unknown field, a
//   multi-byte bool) is given whole to the generated decoder, which then answers as it always
//   would, including its errors.
// - Responses. An answer is mostly "not applicable" entries, the same ones for every resource
//   of a type; their encoded bytes are kept, and only the diagnostics are encoded per call.
//
// Installed by lib/serve/fast-path.ts with the one-pass Analyze (so AKS_SECURITY_BASELINE_FAST_PATH=0
// turns both off, and the differential spec compares both with the SDK's path), and only after
// a self-check at start shows that this codec and the generated one agree on sample messages.

import { ConvertedStruct } from "./stack-request";
import { analyzerInfoBytes, InfoSdk } from "./wire-info";

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** This reader gives up: the generated decoder decides. */
class Fallback extends Error {}
const fallback = new Fallback("fallback");

function bail(): never {
    throw fallback;
}

/** A varint at `pos` (at most 32 bits wide, as lengths and tags are here): value and end. */
function varint(b: Uint8Array, pos: number, end: number): [number, number] {
    let result = 0;
    let shift = 0;
    for (;;) {
        if (pos >= end || shift > 28) bail();
        const x = b[pos++];
        result += (x & 0x7f) * 2 ** shift;
        if (x < 0x80) return [result, pos];
        shift += 7;
    }
}

/** google-protobuf 3.21's BinaryDecoder.readString, for strings that are not plain ASCII. */
function lenientUtf8(b: Uint8Array, start: number, end: number): string {
    let c = start;
    const d: number[] = [];
    let out = "";
    while (c < end) {
        const h = b[c++];
        if (h < 128) d.push(h);
        else if (h < 192) continue;
        else if (h < 224) {
            const m = b[c++];
            d.push(((h & 31) << 6) | (m & 63));
        } else if (h < 240) {
            const m = b[c++];
            const t = b[c++];
            d.push(((h & 15) << 12) | ((m & 63) << 6) | (t & 63));
        } else if (h < 248) {
            const m = b[c++];
            const t = b[c++];
            const x = b[c++];
            let cp = ((h & 7) << 18) | ((m & 63) << 12) | ((t & 63) << 6) | (x & 63);
            cp -= 65536;
            d.push(((cp >> 10) & 1023) + 55296, (cp & 1023) + 56320);
        }
        if (d.length >= 8192) {
            out += String.fromCharCode.apply(null, d);
            d.length = 0;
        }
    }
    // A sequence running past the string's end moves the generated reader's cursor: its case.
    if (c !== end) bail();
    for (let i = 0; i < d.length; i += 8192) out += String.fromCharCode.apply(null, d.slice(i, i + 8192));
    return out;
}

function str(b: Buffer, start: number, end: number): string {
    const s = b.toString("utf8", start, end);
    // As long as the byte count and free of U+FFFD, it was ASCII, decoded alike by both.
    if (s.length === end - start && s.indexOf("\uFFFD") < 0) return s;
    return lenientUtf8(b, start, end);
}

/** A length-delimited field at `pos` (after its tag): [start, end] of its bytes. */
function delimited(b: Uint8Array, pos: number, end: number): [number, number] {
    const [len, s] = varint(b, pos, end);
    const e = s + len;
    if (e > end) bail();
    return [s, e];
}

function value(b: Buffer, pos: number, end: number, depth: number): unknown {
    if (pos >= end || depth > 64) bail();
    const tag = b[pos++];
    let out: unknown;
    switch (tag) {
        case 0x08: // null_value (enum)
            if (pos >= end || b[pos] >= 0x80) bail();
            pos++;
            out = null;
            break;
        case 0x11: // number_value (double)
            if (pos + 8 > end) bail();
            out = b.readDoubleLE(pos);
            pos += 8;
            break;
        case 0x1a: { // string_value
            const [s, e] = delimited(b, pos, end);
            out = str(b, s, e);
            pos = e;
            break;
        }
        case 0x20: // bool_value
            if (pos >= end || b[pos] > 1) bail();
            out = b[pos++] === 1;
            break;
        case 0x2a: { // struct_value
            const [s, e] = delimited(b, pos, end);
            out = struct(b, s, e, depth + 1);
            pos = e;
            break;
        }
        case 0x32: { // list_value
            const [s, e] = delimited(b, pos, end);
            const list: unknown[] = [];
            let p = s;
            while (p < e) {
                if (b[p++] !== 0x0a) bail();
                const [vs, ve] = delimited(b, p, e);
                list.push(value(b, vs, ve, depth + 1));
                p = ve;
            }
            out = list;
            pos = e;
            break;
        }
        default:
            bail();
    }
    // One kind, nothing else: two kinds (the last wins) or unknown fields are the generated code's.
    if (pos !== end) bail();
    return out;
}

/**
 * A map entry's bytes [s, e): its key (field 1) then its value (field 2), each once, the key not
 * `__proto__` (jspb.Map keeps its entries in a plain object). Key, value start and end, key end.
 */
function mapEntry(b: Buffer, s: number, e: number): [string, number, number, number] {
    if (s >= e || b[s] !== 0x0a) bail();
    const [ks, ke] = delimited(b, s + 1, e);
    if (ke >= e || b[ke] !== 0x12) bail();
    const [vs, ve] = delimited(b, ke + 1, e);
    if (ve !== e) bail();
    const key = str(b, ks, ke);
    if (key === "__proto__") bail();
    return [key, vs, ve, ke];
}

/** A Struct's bytes as Struct.toJavaScript() gives them. */
export function struct(b: Buffer, pos: number, end: number, depth = 0): Record<string, unknown> {
    const keys: string[] = [];
    const values: unknown[] = [];
    let sorted = true;
    while (pos < end) {
        if (b[pos++] !== 0x0a) bail(); // fields (map entry)
        const [s, e] = delimited(b, pos, end);
        pos = e;
        const [key, vs, ve] = mapEntry(b, s, e);
        if (keys.length && !(keys[keys.length - 1] < key)) sorted = false;
        keys.push(key);
        values.push(value(b, vs, ve, depth));
    }
    const out: Record<string, unknown> = {};
    if (sorted) {
        for (let i = 0; i < keys.length; i++) out[keys[i]] = values[i];
        return out;
    }
    // jspb.Map.forEach: keys in Array.prototype.sort's order; a repeated key (the last wins) is its case.
    const order = keys.map((_, i) => i).sort((x, y) => (keys[x] < keys[y] ? -1 : keys[x] > keys[y] ? 1 : 0));
    for (let i = 1; i < order.length; i++) if (keys[order[i]] === keys[order[i - 1]]) bail();
    for (const i of order) out[keys[i]] = values[i];
    return out;
}

interface Cut {
    /** The request without its Structs, for the generated decoder. */
    rest: Buffer;
    properties?: Record<string, unknown>;
    providerProperties?: Record<string, unknown>;
}

/** Bytes of a varint. */
function varintBytes(n: number): number[] {
    const out: number[] = [];
    while (n >= 0x80) {
        out.push((n % 0x80) | 0x80);
        n = Math.floor(n / 0x80);
    }
    out.push(n);
    return out;
}

/**
 * One message's top-level fields: each field's [tag start, value start, end], or bail when a
 * wire type is not one the generated messages here use.
 */
function fields(b: Uint8Array, pos: number, end: number, each: (field: number, wire: number, at: number, s: number, e: number) => void): void {
    while (pos < end) {
        const at = pos;
        const [tag, p] = varint(b, pos, end);
        const field = Math.floor(tag / 8);
        const wire = tag & 7;
        if (wire === 2) {
            const [s, e] = delimited(b, p, end);
            each(field, wire, at, s, e);
            pos = e;
        } else if (wire === 0) {
            const [, e] = varint(b, p, end);
            each(field, wire, at, p, e);
            pos = e;
        } else {
            bail();
        }
    }
}

/** AnalyzeRequest (and AnalyzerProviderResource): properties is field 2, provider field 6. */
function cut(b: Buffer): Cut {
    const chunks: Uint8Array[] = [];
    const out: Cut = { rest: b };
    let props: [number, number] | undefined;
    let provider = false;
    fields(b, 0, b.length, (field, wire, at, s, e) => {
        if (field === 2) {
            if (props || wire !== 2) bail();
            props = [s, e];
        } else if (field === 6) {
            if (provider || wire !== 2) bail();
            provider = true;
            const inner: Uint8Array[] = [];
            let pp: [number, number] | undefined;
            let size = 0;
            fields(b, s, e, (f, w, a, ps, pe) => {
                if (f === 2) {
                    if (pp || w !== 2) bail();
                    pp = [ps, pe];
                } else {
                    inner.push(b.subarray(a, pe));
                    size += pe - a;
                }
            });
            if (pp) out.providerProperties = struct(b, pp[0], pp[1]);
            chunks.push(Uint8Array.from([0x32, ...varintBytes(size)]), ...inner);
        } else {
            chunks.push(b.subarray(at, e));
        }
    });
    if (props) out.properties = struct(b, props[0], props[1]);
    out.rest = Buffer.concat(chunks);
    return out;
}

function attach(m: Any, js: Record<string, unknown> | undefined): void {
    if (!m || !js) return;
    const converted = new ConvertedStruct(js);
    Object.defineProperty(m, "getProperties", { value: () => converted, configurable: true, writable: true });
}

/**
 * A request deserializer giving what `original` (the generated one) gives for the same bytes,
 * the Structs already plain; `original` itself decodes what this reader leaves to it.
 */
export function requestDecoder(AnalyzeRequest: Any, original: (b: Buffer) => unknown): (b: Buffer) => unknown {
    return decoderOf(cut, original, c => {
        const req = AnalyzeRequest.deserializeBinary(c.rest);
        attach(req, c.properties);
        if (c.providerProperties) attach(req.getProvider(), c.providerProperties);
        return req;
    });
}

/** Cut the Structs out with `cutOut`, then `finish` from what is left; `original` when the cut gives up. */
function decoderOf<C>(cutOut: (b: Buffer) => C, original: (b: Buffer) => unknown, finish: (c: C) => unknown): (b: Buffer) => unknown {
    return (bytes: Buffer) => {
        let c: C;
        try {
            c = cutOut(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes));
        } catch (e) {
            if (e !== fallback) throw e;
            return original(bytes);
        }
        return finish(c);
    };
}

/**
 * ConfigureAnalyzerRequest: field 1 is the map of policy configs, each entry a key (1) and a
 * PolicyConfig (2) whose properties Struct (2) is cut out and read here. The request without
 * them (keys, levels, unknown fields) is for the generated decoder.
 */
function cutConfigure(b: Buffer): { rest: Buffer; props: Map<string, Record<string, unknown>> } {
    const chunks: Uint8Array[] = [];
    const props = new Map<string, Record<string, unknown>>();
    const keys = new Set<string>();
    fields(b, 0, b.length, (field, wire, at, s, e) => {
        if (field !== 1) {
            chunks.push(b.subarray(at, e));
            return;
        }
        if (wire !== 2) bail();
        // A repeated key (the last wins) is the generated code's.
        const [key, vs, ve, ke] = mapEntry(b, s, e);
        if (keys.has(key)) bail();
        keys.add(key);
        const inner: Uint8Array[] = [];
        let size = 0;
        let pp: [number, number] | undefined;
        fields(b, vs, ve, (f, w, a, ps, pe) => {
            if (f === 2) {
                if (pp || w !== 2) bail();
                pp = [ps, pe];
            } else {
                if (f === 1 && w !== 0) bail();
                inner.push(b.subarray(a, pe));
                size += pe - a;
            }
        });
        if (pp) props.set(key, struct(b, pp[0], pp[1]));
        const head = b.subarray(s, ke);
        const valueHead = Uint8Array.from([0x12, ...varintBytes(size)]);
        chunks.push(Uint8Array.from([0x0a, ...varintBytes(head.length + valueHead.length + size)]), head, valueHead, ...inner);
    });
    return { rest: Buffer.concat(chunks), props };
}

/** A Configure request deserializer giving what `original` gives, the policies' properties already plain. */
export function configureDecoder(ConfigureAnalyzerRequest: Any, original: (b: Buffer) => unknown): (b: Buffer) => unknown {
    return decoderOf(cutConfigure, original, c => {
        const req = ConfigureAnalyzerRequest.deserializeBinary(c.rest);
        const map = req.getPolicyconfigMap();
        for (const [key, js] of c.props) attach(map.get(key), js);
        return req;
    });
}

/**
 * A response serializer that keeps the encoded "not applicable" entries: `field` is the
 * response's not_applicable field number (AnalyzeResponse 3, RemediateResponse 2), which the
 * generated code writes after every other field.
 */
export function responseEncoder(Response: Any, field: number, original: (m: Any) => Buffer): (m: Any) => Buffer {
    // By entry object (the one-pass Analyze reuses an entry for every resource of a type), then
    // by name and reason (entries made per call). The bytes of an entry object are taken when it
    // is first sent; the fast path never changes an entry once made.
    const byEntry = new WeakMap<object, Buffer>();
    const byText = new Map<string, Buffer>();
    const tag = field * 8 + 2;
    const encoded = (e: Any): Buffer => {
        let bytes = byEntry.get(e);
        if (bytes) return bytes;
        const key = `${e.getPolicyName()}\u0000${e.getReason()}`;
        bytes = byText.get(key);
        if (!bytes) {
            const body = e.serializeBinary() as Uint8Array;
            bytes = Buffer.concat([Buffer.from([tag, ...varintBytes(body.length)]), body]);
            if (byText.size < 8192) byText.set(key, bytes);
        }
        byEntry.set(e, bytes);
        return bytes;
    };
    return (m: Any) => {
        if (!(m instanceof Response)) return original(m);
        const na = m.getNotApplicableList();
        if (!na.length) return original(m);
        const chunks: Buffer[] = new Array(na.length + 1);
        m.setNotApplicableList([]);
        try {
            chunks[0] = original(m);
        } finally {
            m.setNotApplicableList(na);
        }
        for (let i = 0; i < na.length; i++) chunks[i + 1] = encoded(na[i]);
        return Buffer.concat(chunks);
    };
}

function same(a: Uint8Array, b: Uint8Array): boolean {
    return Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
}

/** An answer already encoded (GetAnalyzerInfo, lib/serve/wire-info.ts): the method's serializer sends its bytes. */
export class Encoded {
    constructor(readonly bytes: Buffer) {}
}

/**
 * The Analyze, Remediate, Configure and GetAnalyzerInfo methods of `service` served by this codec (a copy;
 * the generated definition is left alone).
 */
export function withCodec(service: Record<string, Any>, pb: Any): Record<string, Any> {
    const { analyze, remediate, getAnalyzerInfo, configure } = service;
    if (!analyze || !remediate || !getAnalyzerInfo || !configure) return service;
    return {
        ...service,
        configure: { ...configure, requestDeserialize: configureDecoder(pb.ConfigureAnalyzerRequest, configure.requestDeserialize) },
        getAnalyzerInfo: {
            ...getAnalyzerInfo,
            responseSerialize: (m: unknown) => (m instanceof Encoded ? m.bytes : getAnalyzerInfo.responseSerialize(m)),
        },
        analyze: {
            ...analyze,
            requestDeserialize: requestDecoder(pb.AnalyzeRequest, analyze.requestDeserialize),
            responseSerialize: responseEncoder(pb.AnalyzeResponse, 3, analyze.responseSerialize),
        },
        remediate: {
            ...remediate,
            requestDeserialize: requestDecoder(pb.AnalyzeRequest, remediate.requestDeserialize),
            responseSerialize: responseEncoder(pb.RemediateResponse, 2, remediate.responseSerialize),
        },
    };
}

/** What the self-check needs of the SDK besides the generated messages. */
export interface CheckSdk extends InfoSdk {
    makeAnalyzerInfo: (name: string, version: string, level: string, args: unknown, initialConfig: unknown) => Any;
}

/** Whether this codec and the generated one agree on sample messages (checked once at start). */
export function agrees(pb: Any, structPb: Any, sdk: CheckSdk): boolean {
    try {
        // GetAnalyzerInfo: a sample pack with every field makeAnalyzerInfo writes.
        const noop = () => undefined;
        const args = {
            displayName: "Pack",
            description: "d",
            tags: ["t", ""],
            policies: [
                {
                    name: "r",
                    description: "é",
                    enforcementLevel: "mandatory",
                    severity: "high",
                    validateResource: noop,
                    configSchema: { properties: { b: { type: "number", default: -0.5 }, a: { enum: ["x", null, true, false] } }, required: ["a"] },
                    framework: { name: "f", version: "1", reference: "", specification: "s" },
                    tags: ["x"],
                    remediationSteps: "do",
                    url: "u",
                },
                { name: "s", description: "", validateStack: noop, displayName: "S", configSchema: {} },
            ],
        };
        const initial = { s: "disabled", r: { enforcementLevel: "advisory", n: [1, { m: "\u{1F600}" }] }, q: { z: 1 } };
        const theirInfo = sdk.makeAnalyzerInfo("pack", "1.2.3", "advisory", args, initial).serializeBinary() as Uint8Array;
        if (!same(analyzerInfoBytes(sdk, "pack", "1.2.3", "advisory", args, initial), theirInfo)) return false;
        // Configure: a level only, a level and properties.
        const conf = new pb.ConfigureAnalyzerRequest();
        const c1 = new pb.PolicyConfig();
        c1.setEnforcementlevel(pb.EnforcementLevel.MANDATORY);
        c1.setProperties(structPb.Struct.fromJavaScript({ b: [1, "é"], a: { n: null } }));
        conf.getPolicyconfigMap().set("r", c1);
        const c2 = new pb.PolicyConfig();
        c2.setEnforcementlevel(pb.EnforcementLevel.DISABLED);
        conf.getPolicyconfigMap().set("all", c2);
        const confBytes = conf.serializeBinary() as Uint8Array;
        const myConf = configureDecoder(pb.ConfigureAnalyzerRequest, (x: Buffer) => pb.ConfigureAnalyzerRequest.deserializeBinary(new Uint8Array(x)))(Buffer.from(confBytes)) as Any;
        const theirConf = pb.ConfigureAnalyzerRequest.deserializeBinary(confBytes);
        const entries = (r: Any) => JSON.stringify([...r.getPolicyconfigMap().entries()].map(([k, v]: [string, Any]) => [k, v.getEnforcementlevel(), v.getProperties()?.toJavaScript()]));
        if (!(myConf.getPolicyconfigMap().get("r").getProperties() instanceof ConvertedStruct) || entries(myConf) !== entries(theirConf)) return false;

        const sample = {
            b: [1, -0, 2.5e-310, "é\u{1F600}", true, false, null, { z: {}, y: [] }],
            a: "x",
            "10": 1,
            "2": 2,
            Z: "\u0000",
        };
        const req = new pb.AnalyzeRequest();
        req.setType("t:m:T");
        req.setProperties(structPb.Struct.fromJavaScript(sample));
        req.setUrn("urn:pulumi:s::p::t:m:T::n");
        req.setName("n");
        const opts = new pb.AnalyzerResourceOptions();
        opts.setProtect(true);
        req.setOptions(opts);
        const prov = new pb.AnalyzerProviderResource();
        prov.setType("pulumi:providers:t");
        prov.setProperties(structPb.Struct.fromJavaScript({ k: "v", n: 3 }));
        req.setProvider(prov);
        const bytes = req.serializeBinary() as Uint8Array;
        const mine = requestDecoder(pb.AnalyzeRequest, (x: Buffer) => pb.AnalyzeRequest.deserializeBinary(new Uint8Array(x)))(Buffer.from(bytes)) as Any;
        if (!(mine.getProperties() instanceof ConvertedStruct)) return false;
        const theirs = pb.AnalyzeRequest.deserializeBinary(bytes);
        const js = (x: unknown) => JSON.stringify(x, (_k, v) => (Object.is(v, -0) ? "-0" : v));
        if (js(mine.getProperties().peek()) !== js(theirs.getProperties().toJavaScript())) return false;
        if (js(mine.getProvider().getProperties().peek()) !== js(theirs.getProvider().getProperties().toJavaScript())) return false;
        if (mine.getType() !== theirs.getType() || mine.getUrn() !== theirs.getUrn() || mine.getOptions().getProtect() !== true) return false;
        const res = new pb.AnalyzeResponse();
        const d = new pb.AnalyzeDiagnostic();
        d.setPolicyname("p");
        d.setMessage("m");
        res.setDiagnosticsList([d]);
        for (const [n, r] of [["a", "why"], ["b", ""], ["a", "why"]]) {
            const e = new pb.PolicyNotApplicable();
            e.setPolicyName(n);
            if (r) e.setReason(r);
            res.addNotApplicable(e);
        }
        const enc = responseEncoder(pb.AnalyzeResponse, 3, (m: Any) => Buffer.from(m.serializeBinary()));
        if (!same(enc(res), res.serializeBinary()) || !same(enc(res), res.serializeBinary())) return false;
        const rem = new pb.RemediateResponse();
        rem.setNotApplicableList(res.getNotApplicableList());
        const enc2 = responseEncoder(pb.RemediateResponse, 2, (m: Any) => Buffer.from(m.serializeBinary()));
        return same(enc2(rem), rem.serializeBinary());
    } catch {
        return false;
    }
}
