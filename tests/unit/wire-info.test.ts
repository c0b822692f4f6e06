// lib/serve/wire-info.ts against what it stands in for: @pulumi/policy's makeAnalyzerInfo and the
// generated AnalyzerInfo serializer. For the pack itself and for random packs, the bytes must be
// the same, or the writer must give up (and the SDK's handler then answers); wherever the SDK
// throws, the writer gives up.

import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import fc from "fast-check";
import { analyzerInfoBytes, Unsupported } from "../../lib/serve/wire-info";
import { infoSdk, loadSdk } from "../../lib/serve/fast-path";
import { allPolicies } from "../../policies";
import { pack } from "../../policies/pack";

const sdk = loadSdk();
const info = infoSdk(sdk);
type Args = [string, string, string, unknown, unknown];

/** The SDK's bytes, or its error. */
function theirs(...a: Args): Buffer | Error {
    try {
        return Buffer.from(sdk.protoutil.makeAnalyzerInfo(...a).serializeBinary());
    } catch (e) {
        return e as Error;
    }
}

/** Our bytes, or "gave up". */
function ours(...a: Args): Buffer | "gave up" {
    try {
        return analyzerInfoBytes(info, ...a);
    } catch (e) {
        if (e instanceof Unsupported) return "gave up";
        throw e;
    }
}

/** The same bytes as the SDK's, or given up where it would be; "gave up" or "same". */
function compare(...a: Args): "same" | "gave up" {
    const t = theirs(...a);
    const o = ours(...a);
    if (t instanceof Error) {
        assert.equal(o, "gave up", `the SDK fails (${t.message}) but the writer answered`);
        return "gave up";
    }
    if (o === "gave up") return o;
    assert.equal(o.toString("hex"), t.toString("hex"));
    return "same";
}

const policy = (over: Record<string, unknown> = {}) => ({ name: "p", description: "d", validateResource: () => undefined, ...over });
const one = (p: unknown, initialConfig?: unknown): Args => ["pack", "1.0.0", "advisory", { policies: [p] }, initialConfig];

describe("lib/serve/wire-info: the GetAnalyzerInfo answer's bytes", () => {
    it("are the SDK's for this pack, with and without an initial config", () => {
        const args = { ...pack.args, policies: allPolicies };
        assert.equal(compare(pack.name, "0.1.0", "advisory", args, undefined), "same");
        assert.equal(compare(pack.name, "0.1.0", "mandatory", args, { all: "advisory", "aks-private-cluster-enabled": { enforcementLevel: "disabled", x: [1] } }), "same");
        assert.ok(ours(pack.name, "0.1.0", "advisory", args, undefined).length > 100000, "the whole catalogue is written");
    });

    it("are the SDK's for the odd values it knows how to write", () => {
        const cases: [string, unknown, unknown?][] = [
            ["no schema properties (an empty Struct)", policy({ configSchema: {} })],
            ["doubles: -0, NaN, infinities, subnormals, the largest", policy({ configSchema: { properties: { a: { default: [-0, NaN, Infinity, -Infinity, 5e-324, 2.2250738585072014e-308, Number.MAX_VALUE, 0.1] } } } })],
            ["keys in jspb.Map's order", policy({ configSchema: { properties: { b: 1, a: 2, "10": 3, "2": 4, B: 5, é: 6, constructor: 7 } } })],
            ["an empty string and emoji", policy({ description: "", name: "😀", tags: ["", "é"], configSchema: { properties: { "": "" } } })],
            ["advisory is not written, remediate is", policy({ enforcementLevel: "remediate" })],
            ["an unknown severity is unspecified", policy({ severity: "extreme" })],
            ["a framework with empty fields", policy({ framework: { name: "", version: "v" } })],
            ["a stack policy", { name: "s", description: "d", validateStack: () => undefined }],
            ["neither kind of policy", { name: "x", description: "d" }],
            ["a policy without a name or description", { validateResource: () => undefined }],
            ["long fields (multi-byte lengths)", policy({ description: "x".repeat(20000), configSchema: { properties: { a: { default: "y".repeat(300) } } } })],
            ["a string initial level", policy(), { p: "mandatory" }],
            ["an initial config of properties only", policy(), { p: { n: { deep: [null, true, false] } }, q: {} }],
            ["an advisory initial level (an empty PolicyConfig)", policy(), { p: { enforcementLevel: "advisory" } }],
        ];
        for (const [label, p, initial] of cases) assert.equal(compare(...one(p, initial)), "same", label);
    });

    it("gives up where it could not be sure, and wherever the SDK fails", () => {
        const cases: [string, unknown, unknown?][] = [
            ["a lone surrogate", policy({ description: "\uD800x" })],
            ["a __proto__ key", policy({ configSchema: { properties: JSON.parse('{"__proto__": 1}') } })],
            ["an unknown enforcement level (the SDK fails)", policy({ enforcementLevel: "loud" })],
            ["undefined in a schema (the SDK fails)", policy({ configSchema: { properties: { a: undefined } } })],
            ["a sparse array (the SDK fails)", policy({ configSchema: { properties: { a: [1, , 2] } } })], // eslint-disable-line no-sparse-arrays
            ["a function in a schema (the SDK fails)", policy({ configSchema: { properties: { a: () => 1 } } })],
            ["a class instance in a schema", policy({ configSchema: { properties: { a: new Date(0) } } })],
            ["a number as a name", policy({ name: 5 })],
            ["tags that are not a list", policy({ tags: "t" })],
            ["a string framework", policy({ framework: "f" })],
            ["a null initial entry (the SDK fails)", policy(), { p: null }],
            ["an unknown initial level (the SDK fails)", policy(), { p: "loud" }],
        ];
        for (const [label, p, initial] of cases) assert.equal(compare(...one(p, initial)), "gave up", label);
        const proto = Object.prototype as Record<string, unknown>;
        proto.polluted = 1;
        try {
            assert.equal(ours(...one(policy({ configSchema: { properties: { a: 1 } } }))), "gave up", "Object.prototype with an enumerable key");
        } finally {
            delete proto.polluted;
        }
    });

    it("are the SDK's for random packs (seeded), or given up where the SDK fails", () => {
        const text = fc.oneof({ arbitrary: fc.string(), weight: 10 }, { arbitrary: fc.string({ unit: "grapheme", maxLength: 4 }), weight: 10 }, { arbitrary: fc.string({ unit: "binary", maxLength: 3 }), weight: 1 }, { arbitrary: fc.constant(""), weight: 3 });
        const json: fc.Arbitrary<unknown> = fc.letrec(tie => ({
            v: fc.oneof(
                { depthSize: "small" },
                text,
                fc.double(),
                fc.constantFrom(-0, NaN, 5e-324, null, true, false),
                fc.array(tie("v"), { maxLength: 4 }),
                fc.dictionary(text, tie("v"), { maxKeys: 4 }),
            ),
        })).v;
        const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
        // Now and then what the SDK fails on: an unknown level, undefined in a schema.
        const lvl = fc.oneof({ arbitrary: fc.constantFrom("advisory", "mandatory", "remediate", "disabled", "", undefined), weight: 30 }, { arbitrary: fc.constant("loud"), weight: 1 });
        const props = fc.oneof({ arbitrary: fc.dictionary(text, json, { maxKeys: 5 }), weight: 30 }, { arbitrary: fc.constant({ a: undefined }), weight: 1 });
        const arbPolicy = fc.record(
            {
                name: maybe(text),
                description: maybe(text),
                displayName: maybe(text),
                enforcementLevel: lvl,
                severity: fc.constantFrom("low", "medium", "high", "critical", "", "other", undefined),
                validateResource: fc.constantFrom(() => undefined, undefined),
                validateStack: fc.constantFrom(() => undefined, undefined),
                configSchema: maybe(fc.record({ properties: maybe(props), required: maybe(fc.array(text, { maxLength: 3 })) }, { requiredKeys: [] })),
                framework: maybe(fc.record({ name: maybe(text), version: maybe(text), reference: maybe(text), specification: maybe(text) }, { requiredKeys: [] })),
                tags: maybe(fc.array(text, { maxLength: 3 })),
                remediationSteps: maybe(text),
                url: maybe(text),
            },
            { requiredKeys: [] },
        );
        const initial = maybe(fc.dictionary(text, fc.oneof(lvl, fc.dictionary(text, json, { maxKeys: 3 }), fc.record({ enforcementLevel: lvl, x: json }, { requiredKeys: [] })), { maxKeys: 4 }));
        const arbPack = fc.record({
            name: text,
            version: text,
            level: fc.constantFrom("advisory", "mandatory", "remediate", "disabled"),
            args: fc.record({ policies: fc.array(arbPolicy, { maxLength: 4 }), description: maybe(text), displayName: maybe(text), readme: maybe(text), provider: maybe(text), tags: maybe(fc.array(text, { maxLength: 3 })), repository: maybe(text) }, { requiredKeys: ["policies"] }),
            initial,
        });
        const seen = { same: 0, "gave up": 0 };
        fc.assert(
            fc.property(arbPack, p => {
                seen[compare(p.name, p.version, p.level, p.args, p.initial)]++;
            }),
            { seed: 20261203, numRuns: 2000 },
        );
        assert.ok(seen.same > 500 && seen["gave up"] > 100, JSON.stringify(seen));
    });
});
