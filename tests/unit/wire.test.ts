// lib/serve/wire.ts against the generated codec it stands in for: the same request decoded by both
// must give the same getters and the same plain values (key order, -0, strings byte for byte),
// or fail alike; the same response must give the same bytes. Requests are written by hand here,
// so that they can be what the generated encoder never writes: keys out of order, repeated
// keys and fields, Values with no kind or two, invalid UTF-8, long varints, unknown fields.

import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import fc from "fast-check";
import * as apb from "@pulumi/pulumi/proto/analyzer_pb";
import * as spb from "google-protobuf/google/protobuf/struct_pb";
import { agrees, configureDecoder, Encoded, requestDecoder, responseEncoder, withCodec } from "../../lib/serve/wire";
import { infoSdk, loadSdk } from "../../lib/serve/fast-path";
import { ConvertedStruct, sameValue } from "../../lib/serve/stack-request";

type Bytes = number[];

function varint(n: number): Bytes {
    const out: Bytes = [];
    while (n >= 0x80) {
        out.push((n % 0x80) | 0x80);
        n = Math.floor(n / 0x80);
    }
    out.push(n);
    return out;
}
const utf8 = (s: string): Bytes => [...Buffer.from(s, "utf8")];
const ld = (field: number, body: Bytes): Bytes => [...varint(field * 8 + 2), ...varint(body.length), ...body];

/** A Value as the wire has it: a plain value, or raw bytes of the Value message. */
type Wire = null | number | string | boolean | Wire[] | { entries: [Bytes | string, Wire][] } | { raw: Bytes };

function value(v: Wire): Bytes {
    if (v === null) return [0x08, 0x00];
    if (typeof v === "number") {
        const b = Buffer.alloc(8);
        b.writeDoubleLE(v);
        return [0x11, ...b];
    }
    if (typeof v === "string") return ld(3, utf8(v));
    if (typeof v === "boolean") return [0x20, v ? 1 : 0];
    if (Array.isArray(v)) return ld(6, v.flatMap(x => ld(1, value(x))));
    if ("raw" in v) return v.raw;
    return ld(5, struct(v.entries));
}

function struct(entries: [Bytes | string, Wire][]): Bytes {
    return entries.flatMap(([k, v]) => ld(1, [...ld(1, typeof k === "string" ? utf8(k) : k), ...ld(2, value(v))]));
}

interface Req {
    type?: string;
    props?: Bytes;
    provider?: Bytes;
    extra?: Bytes;
}

function request(r: Req): Buffer {
    const opts = new apb.AnalyzerResourceOptions();
    opts.setProtect(true);
    opts.setParent("urn:pulumi:s::p::pulumi:pulumi:Stack::s");
    return Buffer.from([
        ...ld(1, utf8(r.type ?? "azure-native:containerservice:ManagedCluster")),
        ...(r.props ? ld(2, r.props) : []),
        ...ld(3, utf8("urn:pulumi:s::p::azure-native:containerservice:ManagedCluster::c")),
        ...ld(4, utf8("c")),
        ...ld(5, [...opts.serializeBinary()]),
        ...(r.provider ? ld(6, r.provider) : []),
        ...(r.extra ?? []),
    ]);
}

const generated = (b: Buffer) => apb.AnalyzeRequest.deserializeBinary(new Uint8Array(b));
const decode = requestDecoder(apb.AnalyzeRequest, generated);

type Outcome = { ok: true; js: unknown } | { ok: false; error: string };
function plain(s: { toJavaScript(): unknown } | undefined): Outcome {
    try {
        return { ok: true, js: s ? (s instanceof ConvertedStruct ? s.peek() : s.toJavaScript()) : undefined };
    } catch (e) {
        return { ok: false, error: String(e) };
    }
}

function sameOutcome(a: Outcome, b: Outcome): boolean {
    if (a.ok !== b.ok) return false;
    if (!a.ok || !b.ok) return (a as { error: string }).error === (b as { error: string }).error;
    return sameValue(a.js, b.js);
}

/**
 * The generated decoder's result and the pack's, or undefined when both failed with the same
 * error; a failure of only one of them fails the test.
 */
function both<T>(theirsOf: () => T, mineOf: () => T): { theirs: T; mine: T } | undefined {
    let theirs: T | undefined;
    let theirError: string | undefined;
    try {
        theirs = theirsOf();
    } catch (e) {
        theirError = String(e);
    }
    let mine: T;
    try {
        mine = mineOf();
    } catch (e) {
        assert.equal(String(e), theirError, "a decoding failure of the pack's reader");
        return undefined;
    }
    assert.equal(theirError, undefined, "the pack's reader decoded what the generated one refuses");
    return { theirs: theirs as T, mine };
}

/** Both decoders on `bytes`: the same fields, the same properties (or the same failure). Returns whether the pack's reader kept it. */
function compare(bytes: Buffer): boolean {
    const got = both(() => generated(bytes), () => decode(bytes) as apb.AnalyzeRequest);
    if (!got) return false;
    const { theirs, mine } = got;
    const t = theirs;
    const m = mine;
    assert.equal(m.getType(), t.getType());
    assert.equal(m.getUrn(), t.getUrn());
    assert.equal(m.getName(), t.getName());
    assert.deepEqual(m.getOptions()?.toObject(), t.getOptions()?.toObject());
    assert.ok(sameOutcome(plain(m.getProperties()), plain(t.getProperties())), `properties: ${JSON.stringify(plain(m.getProperties()))} vs ${JSON.stringify(plain(t.getProperties()))}`);
    const mp = m.getProvider();
    const tp = t.getProvider();
    assert.equal(!!mp, !!tp);
    if (mp && tp) {
        assert.deepEqual([mp.getType(), mp.getUrn(), mp.getName()], [tp.getType(), tp.getUrn(), tp.getName()]);
        assert.ok(sameOutcome(plain(mp.getProperties()), plain(tp.getProperties())));
    }
    return m.getProperties() instanceof ConvertedStruct;
}

const provider = (props?: Bytes, extra: Bytes = []): Bytes => [
    ...ld(1, utf8("pulumi:providers:azure-native")),
    ...(props ? ld(2, props) : []),
    ...ld(3, utf8("urn:pulumi:s::p::pulumi:providers:azure-native::default")),
    ...ld(4, utf8("default")),
    ...extra,
];

describe("lib/serve/wire: the pack's Analyze codec", () => {
    it("agrees with the generated codec on its start-up sample (so the fast path installs it)", () => {
        assert.equal(agrees(apb, spb, infoSdk(loadSdk())), true);
    });

    it("decodes the common case itself: the same values as Struct.toJavaScript(), keys sorted as jspb.Map sorts them", () => {
        const props = struct([
            ["b", [1, -0, 5e-324, Number.MAX_VALUE, -Infinity, NaN, "", "é€😀", true, false, null]],
            ["a", { entries: [["z", {entries: []}], ["y", []], ["10", 1], ["2", 2], ["constructor", "c"]] }],
            ["Z", "\u0000"],
            ["é", 1],
        ]);
        const bytes = request({ props, provider: provider(struct([["location", "westeurope"]])) });
        assert.equal(compare(bytes), true, "the pack's reader kept it");
        const js = (decode(bytes) as apb.AnalyzeRequest).getProperties()!.toJavaScript() as Record<string, unknown>;
        assert.deepEqual(Object.keys(js), ["Z", "a", "b", "é"]);
        assert.deepEqual(Object.keys(js.a as object), ["2", "10", "constructor", "y", "z"]);
        assert.ok(Object.is((js.b as unknown[])[1], -0));
    });

    it("gives what it does not recognise to the generated decoder: the same answers, and the same failures", () => {
        const cases: [string, Buffer, boolean][] = [
            ["no properties", request({}), false],
            ["empty properties", request({ props: [] }), true],
            ["a repeated key (the last wins)", request({ props: struct([["a", 1], ["a", 2]]) }), false],
            ["a __proto__ key", request({ props: struct([["__proto__", { entries: [["x", 1]] }]]) }), false],
            ["a Value with no kind", request({ props: struct([["a", { raw: [] }]]) }), false],
            ["a Value with two kinds", request({ props: struct([["a", { raw: [0x20, 1, ...ld(3, utf8("s"))] }]]) }), false],
            ["a Value with an unknown field", request({ props: struct([["a", { raw: [...value("s"), 0x38, 1] }]]) }), false],
            ["a bool as a long varint", request({ props: struct([["a", { raw: [0x20, 0x81, 0x00] }]]) }), false],
            ["a bool of 2", request({ props: struct([["a", { raw: [0x20, 0x02] }]]) }), false],
            ["a null_value of 300", request({ props: struct([["a", { raw: [0x08, 0xac, 0x02] }]]) }), false],
            ["invalid UTF-8", request({ props: struct([["a", { raw: ld(3, [0xff, 0x41, 0xc3, 0x28, 0xe2, 0x82]) }]]) }), false],
            ["overlong and lone continuation bytes", request({ props: struct([[[0xc0, 0xaf, 0x80, 0x41], { raw: ld(3, [0xed, 0xa0, 0x80, 0xf8, 0x41]) }]]) }), true],
            ["a map entry value before its key", request({ props: ld(1, [...ld(2, value(1)), ...ld(1, utf8("k"))]) }), false],
            ["a map entry without value", request({ props: ld(1, ld(1, utf8("k"))) }), false],
            ["properties twice", request({ props: struct([["a", 1]]), extra: ld(2, struct([["b", 2]])) }), false],
            ["a provider twice", request({ props: [], provider: provider(), extra: ld(6, provider(struct([["x", 1]]))) }), false],
            ["provider properties twice", request({ props: [], provider: provider(struct([["x", 1]]), ld(2, struct([["y", 2]]))) }), false],
            ["an unknown top-level field", request({ props: struct([["a", 1]]), extra: [0x78, 0x05, ...ld(14, [1, 2])] }), true],
            ["a fixed32 unknown field", request({ props: [], extra: [0x7d, 1, 2, 3, 4] }), false],
            ["nesting 80 deep", request({ props: struct([["a", Array.from({ length: 80 }).reduce<Wire>(acc => [acc], 1)]]) }), false],
            ["a length past the end", Buffer.concat([request({ props: struct([["a", 1]]) }), Buffer.from([0x12, 0x40, 0x0a])]), false],
            ["truncated", request({ props: struct([["a", "long enough"]]) }).subarray(0, 70), false],
            ["empty", Buffer.alloc(0), false],
        ];
        for (const [label, bytes, kept] of cases) {
            assert.equal(compare(bytes), kept, label);
        }
    });

    it("decodes like the generated codec whatever the bytes (seeded random Structs, shuffled, with odd bytes)", () => {
        const key = fc.oneof(
            fc.string({ maxLength: 6 }),
            fc.constantFrom("__proto__", "constructor", "toString", "0", "01", "4294967295", "-1", "é", "😀"),
            fc.uint8Array({ maxLength: 5 }).map(a => [...a]),
        );
        const leaf: fc.Arbitrary<Wire> = fc.oneof(
            fc.constant(null),
            fc.double(),
            fc.string({ maxLength: 8, unit: "binary" }),
            fc.boolean(),
            fc.uint8Array({ maxLength: 6 }).map(a => ({ raw: [...a] })),
            fc.uint8Array({ maxLength: 6 }).map(a => ({ raw: ld(3, [...a]) })),
        );
        const tree = fc.letrec<{ v: Wire }>(tie => ({
            v: fc.oneof(
                { depthSize: "small", withCrossShrink: true },
                leaf,
                fc.array(tie("v"), { maxLength: 4 }),
                fc.array(fc.tuple(key, tie("v")), { maxLength: 5 }).map(entries => ({ entries })),
            ),
        })).v;
        let kept = 0;
        let runs = 0;
        fc.assert(
            fc.property(fc.array(fc.tuple(key, tree), { maxLength: 6 }), fc.option(fc.array(fc.tuple(key, leaf), { maxLength: 3 })), (entries, prov) => {
                runs++;
                if (compare(request({ props: struct(entries), provider: prov ? provider(struct(prov)) : undefined }))) kept++;
            }),
            { seed: 20261202, numRuns: 3000 },
        );
        // Both branches were exercised: requests read by the pack's reader, and requests left to the generated one.
        assert.ok(kept > runs / 10 && kept < runs, `${kept} of ${runs} kept`);
    });

    it("encodes responses to the generated codec's bytes, the not-applicable entries from its cache", () => {
        const enc = responseEncoder(apb.AnalyzeResponse, 3, m => Buffer.from(m.serializeBinary()));
        const entry = (n: string, r?: string) => {
            const e = new apb.PolicyNotApplicable();
            e.setPolicyName(n);
            if (r !== undefined) e.setReason(r);
            return e;
        };
        for (let round = 0; round < 3; round++) {
            const res = new apb.AnalyzeResponse();
            if (round > 0) {
                const d = new apb.AnalyzeDiagnostic();
                d.setPolicyname("aks-private-cluster-enabled");
                d.setMessage(`é\u{1F600} \ud800 round ${round}`);
                d.setEnforcementlevel(apb.EnforcementLevel.MANDATORY);
                res.addDiagnostics(d);
            }
            for (const [n, r] of [["a", "Policy only applies to …"], ["b", ""], ["c", undefined], ["a", "Policy only applies to …"], ["lone \udc00", "x".repeat(300)]] as const) res.addNotApplicable(entry(n, r));
            assert.deepEqual([...enc(res)], [...res.serializeBinary()], `round ${round}`);
        }
        assert.deepEqual([...enc(new apb.AnalyzeResponse())], []);
        const rem = responseEncoder(apb.RemediateResponse, 2, m => Buffer.from(m.serializeBinary()));
        const r = new apb.RemediateResponse();
        const fix = new apb.Remediation();
        fix.setPolicyname("p");
        r.addRemediations(fix);
        r.addNotApplicable(entry("n", "why"));
        assert.deepEqual([...rem(r)], [...r.serializeBinary()]);
        assert.throws(() => enc({} as never), /Expected argument of type|serializeBinary/, "a foreign object goes to the generated serializer");
    });

    it("serves Analyze, Remediate, Configure's requests and GetAnalyzerInfo's encoded answers, on a copy of the service definition", () => {
        const grpcPb = require("@pulumi/pulumi/proto/analyzer_grpc_pb");
        const service = grpcPb.AnalyzerService;
        const copy = withCodec(service, apb);
        assert.notEqual(copy, service);
        assert.notEqual(copy.analyze.requestDeserialize, service.analyze.requestDeserialize);
        assert.notEqual(copy.remediate.responseSerialize, service.remediate.responseSerialize);
        assert.equal(copy.analyzeStack, service.analyzeStack);
        assert.notEqual(copy.configure.requestDeserialize, service.configure.requestDeserialize);
        assert.equal(copy.configure.responseSerialize, service.configure.responseSerialize);
        assert.equal(copy.getAnalyzerInfo.requestDeserialize, service.getAnalyzerInfo.requestDeserialize);
        const bytes = Buffer.from([1, 2, 3]);
        assert.equal(copy.getAnalyzerInfo.responseSerialize(new Encoded(bytes)), bytes, "an encoded answer is sent as it is");
        const info = new apb.AnalyzerInfo();
        info.setName("p");
        assert.deepEqual([...copy.getAnalyzerInfo.responseSerialize(info)], [...info.serializeBinary()], "a message goes to the generated serializer");
    });
});

// ---- Configure -------------------------------------------------------------------------------

const generatedConf = (b: Buffer) => apb.ConfigureAnalyzerRequest.deserializeBinary(new Uint8Array(b));
let fellBack = false;
const decodeConf = configureDecoder(apb.ConfigureAnalyzerRequest, b => {
    fellBack = true;
    return generatedConf(b);
});

/** A map entry of the Configure request: key, then PolicyConfig bytes. */
const confEntry = (key: string, config: Bytes): Bytes => ld(1, [...ld(1, utf8(key)), ...ld(2, config)]);
const config = (level?: number, props?: Bytes): Bytes => [...(level ? [0x08, level] : []), ...(props ? ld(2, props) : [])];

/** Both decoders: the same entries (key, level, plain properties or the same failure), or the same failure. Whether the pack's reader kept it. */
function compareConf(bytes: Buffer): boolean {
    const entries = (r: apb.ConfigureAnalyzerRequest) =>
        [...r.getPolicyconfigMap().entries()].map(([k, v]) => ({ k, level: v.getEnforcementlevel(), props: plain(v.getProperties()) }));
    fellBack = false;
    const got = both(() => entries(generatedConf(bytes)), () => entries(decodeConf(bytes) as apb.ConfigureAnalyzerRequest));
    if (!got) return false;
    const { theirs, mine } = got;
    assert.deepEqual(mine.map(e => [e.k, e.level]), theirs.map(e => [e.k, e.level]));
    mine.forEach((e, i) => assert.ok(sameOutcome(e.props, theirs[i].props), `${e.k}: ${JSON.stringify(e.props)} vs ${JSON.stringify(theirs![i].props)}`));
    return !fellBack;
}

describe("lib/serve/wire: the pack's Configure decoder", () => {
    it("reads the policies' properties itself, the rest through the generated decoder", () => {
        const bytes = Buffer.from([
            ...confEntry("b", config(1, struct([["z", 1], ["a", [true, null, "é"]]]))),
            ...confEntry("all", config(2)),
            ...confEntry("a", config(undefined, struct([]))),
        ]);
        assert.equal(compareConf(bytes), true);
        const req = decodeConf(bytes) as apb.ConfigureAnalyzerRequest;
        const b = req.getPolicyconfigMap().get("b")!;
        assert.ok(b.getProperties() instanceof ConvertedStruct);
        assert.equal(b, req.getPolicyconfigMap().get("b"), "the map gives the same message each time");
        const first = b.getProperties()!.toJavaScript();
        const second = b.getProperties()!.toJavaScript();
        assert.deepEqual(second, first);
        assert.notEqual(second, first, "each caller gets its own copy (the SDK and the fast path's mirror each set enforcementLevel)");
        assert.equal(req.getPolicyconfigMap().get("all")!.getProperties(), undefined);
    });

    it("gives what it does not recognise to the generated decoder: the same answers, and the same failures", () => {
        const cases: [string, Buffer, boolean][] = [
            ["empty", Buffer.alloc(0), true],
            ["a repeated key", Buffer.from([...confEntry("a", config(1)), ...confEntry("a", config(2, struct([["x", 1]])))]), false],
            ["a __proto__ key", Buffer.from(confEntry("__proto__", config(1, struct([])))), false],
            ["an entry value before its key", Buffer.from(ld(1, [...ld(2, config(1)), ...ld(1, utf8("k"))])), false],
            ["an entry without value", Buffer.from(ld(1, ld(1, utf8("k")))), false],
            ["properties twice", Buffer.from(confEntry("a", [...config(1, struct([["x", 1]])), ...ld(2, struct([["y", 2]]))])), false],
            ["an unknown field in a PolicyConfig", Buffer.from(confEntry("a", [...config(1, struct([["x", 1]])), 0x18, 0x07])), true],
            ["an unknown top-level field", Buffer.from([...confEntry("a", config(1, struct([["x", 1]]))), 0x10, 0x01]), true],
            ["a level as a long varint", Buffer.from(confEntry("a", [0x08, 0x81, 0x00, ...ld(2, struct([["x", 1]]))])), true],
            ["a level of the wrong wire type", Buffer.from(confEntry("a", [0x0a, 0x00, ...ld(2, struct([["x", 1]]))])), false],
            ["a Value with two kinds", Buffer.from(confEntry("a", config(1, struct([["x", { raw: [0x20, 1, ...ld(3, utf8("s"))] }]])))), false],
            ["truncated", Buffer.from(confEntry("a", config(1, struct([["x", "long enough"]])))).subarray(0, 12), false],
        ];
        for (const [label, bytes, kept] of cases) assert.equal(compareConf(bytes), kept, label);
    });

    it("decodes like the generated codec for seeded random requests", () => {
        const key = fc.oneof(fc.string({ maxLength: 5 }), fc.constantFrom("all", "__proto__", "constructor", "é"));
        const leaf: fc.Arbitrary<Wire> = fc.oneof(fc.constant(null), fc.double(), fc.string({ maxLength: 6 }), fc.boolean(), fc.uint8Array({ maxLength: 4 }).map(a => ({ raw: [...a] })));
        const props = fc.array(fc.tuple(key, fc.oneof(leaf, fc.array(leaf, { maxLength: 3 }))), { maxLength: 4 }).map(struct);
        const entry = fc.tuple(key, fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }), fc.option(props, { nil: undefined })).map(([k, l, p]) => confEntry(k, config(l, p)));
        let kept = 0;
        let runs = 0;
        fc.assert(
            fc.property(fc.array(entry, { maxLength: 5 }), entries => {
                runs++;
                if (compareConf(Buffer.from(entries.flat()))) kept++;
            }),
            { seed: 20261203, numRuns: 1500 },
        );
        assert.ok(kept > runs / 5 && kept < runs, `${kept} of ${runs} kept`);
    });
});
