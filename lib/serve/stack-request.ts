// How the pack decodes an AnalyzeStack request: the same protobuf messages the SDK would get,
// except that each resource's property Struct (and its provider's) is converted to plain
// JavaScript while the request is read, and the protobuf form of it is dropped at once.
//
// Why: google-protobuf keeps a Struct as a tree of Value messages, a jspb.Map per object and
// arrays per message, about 20 times the size of the plain values. Decoded whole, the Structs
// of 10,000 realistic resources take some 560 MiB of heap, 100,000 about 5.5 GiB; the SDK only
// ever calls `toJavaScript()` on them (through deserializeProperties). Read one resource at a
// time, only that resource's Struct exists in protobuf form at any moment.
//
// Everything else is decoded by the generated code itself (AnalyzerResource's own reader:
// type, urn, name, options, provider, parent, dependencies, propertyDependencies), so the SDK
// sees the same getters answering the same values. A Struct whose conversion throws is left
// as it was, so the SDK fails on it exactly where and how it would have. Resources of the same
// provider whose provider inputs are exactly equal share one converted copy of them.

import * as path from "path";

/** What the SDK calls on a resource's (or provider's) properties. */
export interface StructLike {
    toJavaScript(): unknown;
}

/**
 * A Struct already converted. The first `toJavaScript()` returns the converted value (the pack
 * memoizes deserialization per Struct, lib/serve/sdk.ts, so this is normally the only call); any later
 * call returns a fresh copy, as google-protobuf's Struct does, so a caller that mutates its copy
 * cannot change what another caller sees.
 */
export class ConvertedStruct implements StructLike {
    private given = false;
    constructor(private readonly js: Record<string, unknown>) {}

    /** The converted value, for comparison only (never handed to a caller). */
    peek(): Readonly<Record<string, unknown>> {
        return this.js;
    }

    toJavaScript(): Record<string, unknown> {
        if (!this.given) {
            this.given = true;
            return this.js;
        }
        return structuredClone(this.js);
    }
}

interface Message {
    getProperties(): StructLike | undefined;
    clearProperties(): unknown;
}

interface Resource extends Message {
    getProvider(): (Message & { getUrn(): string }) | undefined;
}

/** Plain values from Struct.toJavaScript(), compared exactly: same keys in the same order, Object.is leaves. */
export function sameValue(a: unknown, b: unknown): boolean {
    if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) {
        return Object.is(a, b);
    }
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    for (let i = 0; i < ka.length; i++) {
        if (ka[i] !== kb[i] || !sameValue((a as Record<string, unknown>)[ka[i]], (b as Record<string, unknown>)[kb[i]])) return false;
    }
    return true;
}

/**
 * Converted provider properties of one request, by provider URN. The engine sends every
 * resource its provider's inputs; resources of the same provider so share one converted copy
 * (and, through lib/serve/sdk.ts's memo, one deserialized copy), when the values are exactly equal.
 */
type Providers = Map<string, ConvertedStruct[]>;

/** `m`'s properties converted (undefined when it has none, or when conversion throws). */
function converted(m: Message): { struct: ConvertedStruct; js: Record<string, unknown> } | undefined {
    const s = m.getProperties();
    if (!s) return undefined;
    try {
        const js = s.toJavaScript() as Record<string, unknown>;
        return { struct: new ConvertedStruct(js), js };
    } catch {
        return undefined;
    }
}

function replace(m: Message, struct: ConvertedStruct): void {
    m.clearProperties();
    Object.defineProperty(m, "getProperties", { value: () => struct, configurable: true, writable: true });
}

/** A resource as decoded here: its properties and its provider's properties converted. */
export function slimResource(r: Resource, providers: Providers = new Map()): void {
    const own = converted(r);
    if (own) replace(r, own.struct);
    const p = r.getProvider();
    const prov = p && converted(p);
    if (!p || !prov) return;
    const urn = p.getUrn();
    let seen = providers.get(urn);
    if (!seen) providers.set(urn, (seen = []));
    let shared = seen.find(c => sameValue(c.peek(), prov.js));
    if (!shared) seen.push((shared = prov.struct));
    replace(p, shared);
}

interface Reader {
    nextField(): boolean;
    isEndGroup(): boolean;
    getFieldNumber(): number;
    readMessage(m: unknown, read: (m: unknown, r: Reader) => void): void;
    skipField(): void;
}

interface AnalyzerPb {
    AnalyzeStackRequest: new () => { addResources(r: unknown): unknown };
    AnalyzerResource: { new (): Resource; deserializeBinaryFromReader(m: unknown, r: Reader): unknown };
}

/** The protobuf modules the SDK's server uses (resolved from @pulumi/policy, not from the pack). */
function sdkModules(): { pb: AnalyzerPb; grpcPb: Record<string, unknown>; jspb: { BinaryReader: new (b: Uint8Array) => Reader } } {
    const from = { paths: [path.dirname(require.resolve("@pulumi/policy/server"))] };
    const pbPath = require.resolve("@pulumi/pulumi/proto/analyzer_pb", from);
    const grpcPath = require.resolve("@pulumi/pulumi/proto/analyzer_grpc_pb", from);
    const jspbPath = require.resolve("google-protobuf", { paths: [path.dirname(pbPath)] });
    return { pb: require(pbPath), grpcPb: require(grpcPath), jspb: require(jspbPath) };
}

/**
 * Decode AnalyzeStackRequest bytes as AnalyzeStackRequest.deserializeBinary does (the same
 * field loop), converting each resource's Structs as soon as the resource is read.
 */
export function decodeStackRequest(bytes: Uint8Array, mods = sdkModules()): unknown {
    const { pb, jspb } = mods;
    const req = new pb.AnalyzeStackRequest();
    const reader = new jspb.BinaryReader(bytes);
    const providers: Providers = new Map();
    const readResource = (m: unknown, r: Reader) => {
        pb.AnalyzerResource.deserializeBinaryFromReader(m, r);
        slimResource(m as Resource, providers);
    };
    while (reader.nextField()) {
        if (reader.isEndGroup()) break;
        if (reader.getFieldNumber() === 1) {
            const r = new pb.AnalyzerResource();
            reader.readMessage(r, readResource);
            req.addResources(r);
        } else {
            reader.skipField();
        }
    }
    return req;
}

/**
 * Make the SDK's gRPC server decode AnalyzeStack requests with decodeStackRequest. Must run
 * before the PolicyPack is constructed (the server reads the decoder when the service is added).
 */
export function installStackRequestDecoder(): void {
    const mods = sdkModules();
    const service = mods.grpcPb.AnalyzerService as Record<string, { requestDeserialize?: (b: Buffer) => unknown }> | undefined;
    const method = service?.analyzeStack;
    if (!method || typeof method.requestDeserialize !== "function") return;
    method.requestDeserialize = (b: Buffer) => decodeStackRequest(new Uint8Array(b.buffer, b.byteOffset, b.byteLength), mods);
}
