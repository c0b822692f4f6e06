// The pack's AnalyzeStack decoder (lib/serve/stack-request.ts) against google-protobuf's own: the
// same getters answer the same values for every resource, and the SDK's AnalyzeStack handler,
// fed either decoding, answers the same bytes (diagnostics, not-applicable answers, order).

import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import * as apb from "@pulumi/pulumi/proto/analyzer_pb";
import { Struct, Value } from "google-protobuf/google/protobuf/struct_pb";
import { analyzeStackRequest, EngineResource } from "../../engine/engine";
import { secret, unknown } from "../../engine/wire";
import { installSdkAdjustments } from "../../lib/serve/sdk";
import { isSecretSlot } from "../../lib/core/secrets";
import { ConvertedStruct, decodeStackRequest } from "../../lib/serve/stack-request";
import { allPolicies } from "../../policies";
import { pack } from "../../policies/pack";
import { mixedStack, scaledStack, STACK_URN, urnOf } from "../../bench/stack";

installSdkAdjustments();

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { deserializeProperties } = require("@pulumi/policy/deserialize") as { deserializeProperties(s: unknown, proxySecrets: boolean): Record<string, unknown> };
// eslint-disable-next-line @typescript-eslint/no-var-requires
const server = require("@pulumi/policy/server") as {
    makeAnalyzeStackRpcFun(name: string, version: string, level: string, policies: unknown[]): (call: { request: unknown }, cb: (err: unknown, res?: apb.AnalyzeResponse) => void) => void;
};

/** Resources that exercise every field the decoder passes through. */
function edgeCases(): EngineResource[] {
    const t = "azure-native:containerservice:ManagedCluster";
    return [
        {
            type: t, name: "odd", urn: urnOf(t, "odd"), inputs: {},
            outputs: {
                zero: -0, nan: NaN, big: 1e308, empty: {}, list: [], nested: [[1, [null, "x"]], { a: { b: [] } }],
                "10": "numeric key", "a.b": "dotted", "": "empty key", secretValue: secret({ key: secret("s3cr3t") }),
                later: unknown, text: "ünïcödé \u0000 \ud83d\ude00", flag: false, nothing: null,
            },
            parent: STACK_URN, dependencies: [urnOf(t, "missing"), STACK_URN],
            propertyDependencies: { a: [STACK_URN, urnOf(t, "missing")], b: [] },
            provider: { type: "pulumi:providers:azure-native", name: "default", urn: urnOf("pulumi:providers:azure-native", "default"), inputs: { location: "westeurope", secretOne: secret("p") } },
            protect: true, ignoreChanges: ["tags", "x.y"], deleteBeforeReplace: false, additionalSecretOutputs: ["kubeConfig"],
            aliases: ["urn:pulumi:dev::bench::old::name"], customTimeouts: { create: 60, delete: 1.5 },
        },
        { type: "pulumi:pulumi:Stack", name: "bench-dev", urn: STACK_URN, inputs: {}, deleteBeforeReplace: true },
    ];
}

function bytesOf(resources: EngineResource[]): Uint8Array {
    return analyzeStackRequest(resources).serializeBinary();
}

type Res = apb.AnalyzerResource;

/** Everything the SDK reads from a resource (server.js makeAnalyzeStackRpcFun), as plain data. */
function seen(r: Res): unknown {
    const o = r.getOptions();
    const t = o?.getCustomtimeouts();
    const p = r.getProvider();
    const deps: [string, string[]][] = [];
    r.getPropertydependenciesMap().forEach((v, k) => deps.push([k, v.getUrnsList()]));
    const props = r.getProperties()?.toJavaScript();
    const provProps = p?.getProperties()?.toJavaScript();
    return {
        type: r.getType(), urn: r.getUrn(), name: r.getName(), parent: r.getParent(), dependencies: r.getDependenciesList(),
        propertyDependencies: [...r.getPropertydependenciesMap().entries()].map(([k, v]) => [k, v.getUrnsList()]), deps,
        props, propsOrder: JSON.stringify(props),
        options: o && {
            protect: o.getProtect(), ignoreChanges: o.getIgnorechangesList(), aliases: o.getAliasesList(),
            additionalSecretOutputs: o.getAdditionalsecretoutputsList(), dbrDefined: o.getDeletebeforereplacedefined(),
            dbr: o.getDeletebeforereplace(), parent: o.getParent(), timeouts: t && [t.getCreate(), t.getUpdate(), t.getDelete()],
        },
        provider: p && { type: p.getType(), name: p.getName(), urn: p.getUrn(), props: provProps, order: JSON.stringify(provProps) },
    };
}

/** A stack policy that reads every property of every resource: stopped by the first unknown. */
const readsEverything = {
    name: "reads-everything",
    description: "Reads every value.",
    enforcementLevel: "mandatory",
    validateStack: (args: { resources: { props: unknown; provider?: { props: unknown } }[] }) => {
        for (const r of args.resources) JSON.stringify([r.provider?.props, r.props]);
    },
};

function analyzeStack(request: unknown): Promise<{ bytes: Uint8Array; res: apb.AnalyzeResponse }> {
    const fn = server.makeAnalyzeStackRpcFun(pack.name, "0.1.0", "advisory", [...allPolicies, readsEverything]);
    return new Promise((resolve, reject) =>
        fn({ request }, (err, res) => (err ? reject(err) : resolve({ bytes: res!.serializeBinary(), res: res! }))));
}

describe("AnalyzeStack request decoding", () => {
    const stacks: [string, EngineResource[]][] = [
        ["1,000 scaled resources (outputs)", scaledStack(1000)],
        ["the mixed stack in preview shape (unknowns, secrets)", mixedStack().map(r => ({ ...r, outputs: r.inputs }))],
        ["edge cases", edgeCases()],
    ];

    for (const [label, resources] of stacks) {
        it(`answers every getter as google-protobuf does: ${label}`, () => {
            const bytes = bytesOf(resources);
            const want = apb.AnalyzeStackRequest.deserializeBinary(bytes).getResourcesList();
            const got = (decodeStackRequest(bytes) as apb.AnalyzeStackRequest).getResourcesList();
            assert.equal(got.length, resources.length);
            assert.equal(got.length, want.length);
            for (let i = 0; i < want.length; i++) {
                assert.ok(got[i].getProperties() instanceof ConvertedStruct, "properties converted while decoding");
                assert.deepStrictEqual(seen(got[i]), seen(want[i]), want[i].getUrn());
            }
        });
    }

    it("keeps -0, NaN, key order and empty keys of the wire values", () => {
        const got = (decodeStackRequest(bytesOf(edgeCases())) as apb.AnalyzeStackRequest).getResourcesList()[0];
        const props = got.getProperties()!.toJavaScript() as Record<string, unknown>;
        assert.ok(Object.is(props.zero, -0));
        assert.ok(Number.isNaN(props.nan));
        assert.equal(props[""], "empty key");
        assert.deepEqual(props.nested, [[1, [null, "x"]], { a: { b: [] } }]);
    });

    it("lets resources of one provider share its converted inputs only when they are exactly equal", () => {
        const t = "azure-native:storage:StorageAccount";
        const prov = (inputs: Record<string, unknown>) => ({ type: "pulumi:providers:azure-native", name: "p", urn: urnOf("pulumi:providers:azure-native", "p"), inputs });
        const res = (name: string, inputs: Record<string, unknown>): EngineResource => ({ type: t, name, urn: urnOf(t, name), inputs: {}, outputs: { name }, provider: prov(inputs) });
        const rs = (decodeStackRequest(bytesOf([
            res("a", { location: "x", n: 0 }), res("b", { location: "x", n: 0 }), res("c", { location: "y", n: 0 }),
            res("d", { location: "x", n: -0 }), res("e", { location: "x", n: 0 }),
        ])) as apb.AnalyzeStackRequest).getResourcesList();
        const s = rs.map(r => r.getProvider()!.getProperties());
        assert.equal(s[0], s[1]);
        assert.equal(s[0], s[4]);
        assert.notEqual(s[0], s[2], "other value");
        assert.notEqual(s[0], s[3], "-0 is not 0");
        assert.deepStrictEqual(s[3]!.toJavaScript(), { location: "x", n: -0 });
    });

    it("hands out a fresh copy after the first toJavaScript(), as a protobuf Struct does", () => {
        const s = new ConvertedStruct({ a: { b: [1] } });
        const first = s.toJavaScript();
        (first.a as { b: number[] }).b.push(2);
        const second = s.toJavaScript();
        assert.notEqual(second, first);
        assert.deepStrictEqual(second, { a: { b: [1, 2] } });
        (second.a as { b: number[] }).b.push(3);
        assert.deepStrictEqual(s.toJavaScript(), { a: { b: [1, 2] } });
    });

    it("is what the SDK's gRPC server decodes AnalyzeStack with once the pack's adjustments are installed", () => {
        // eslint-disable-next-line @typescript-eslint/no-var-requires
        const { AnalyzerService } = require("@pulumi/pulumi/proto/analyzer_grpc_pb");
        const b = Buffer.from(bytesOf(scaledStack(20)));
        const req = AnalyzerService.analyzeStack.requestDeserialize(b) as apb.AnalyzeStackRequest;
        assert.equal(req.getResourcesList().length, 20);
        assert.ok(req.getResourcesList().every(r => r.getProperties() instanceof ConvertedStruct));
    });

    for (const [label, resources] of stacks) {
        it(`gives the same AnalyzeStack answer as the SDK's own decoding: ${label}`, async () => {
            const bytes = bytesOf(resources);
            const want = await analyzeStack(apb.AnalyzeStackRequest.deserializeBinary(bytes));
            const got = await analyzeStack(decodeStackRequest(bytes));
            assert.ok(want.res.getDiagnosticsList().length > 0, "the stack draws diagnostics");
            assert.deepStrictEqual(Buffer.from(got.bytes), Buffer.from(want.bytes));
        });
    }

    it("an unknown value read through the pack's decoding draws the SDK's advisory note", async () => {
        const bytes = bytesOf(mixedStack().map(r => ({ ...r, outputs: r.inputs })));
        const got = await analyzeStack(decodeStackRequest(bytes));
        const notes = got.res.getDiagnosticsList().filter(d => d.getPolicyname() === "reads-everything");
        assert.equal(notes.length, 1);
        assert.match(notes[0].getMessage(), /^can't run policy 'reads-everything' from policy pack 'aks-security-baseline@v0\.1\.0' during preview: \w+ value at \.\S+ can't be known during preview$/);
        assert.equal(notes[0].getEnforcementlevel(), apb.EnforcementLevel.ADVISORY);
    });

    it("still records which slots held a secret (lib/core/secrets.ts), for resources and providers", () => {
        const r = (decodeStackRequest(bytesOf(edgeCases())) as apb.AnalyzeStackRequest).getResourcesList()[0];
        const props = deserializeProperties(r.getProperties()!, false);
        assert.equal(isSecretSlot(props, "secretValue"), true);
        assert.equal(isSecretSlot(props.secretValue, "key"), true);
        assert.equal(isSecretSlot(props, "text"), false);
        const prov = deserializeProperties(r.getProvider()!.getProperties()!, false);
        assert.equal(isSecretSlot(prov, "secretOne"), true);
        assert.equal(isSecretSlot(prov, "location"), false);
    });

    it("leaves a Struct it cannot convert to the SDK, which fails on it as before", async () => {
        const r = new apb.AnalyzerResource();
        r.setType("azure-native:containerservice:ManagedCluster");
        r.setUrn(urnOf(r.getType(), "bad"));
        r.setName("bad");
        r.setOptions(new apb.AnalyzerResourceOptions());
        const s = new Struct();
        s.getFieldsMap().set("broken", new Value()); // a Value with no kind: toJavaScript() throws
        r.setProperties(s);
        const req = new apb.AnalyzeStackRequest();
        req.setResourcesList([r]);
        const bytes = req.serializeBinary();
        const decoded = (decodeStackRequest(bytes) as apb.AnalyzeStackRequest).getResourcesList()[0];
        assert.ok(!(decoded.getProperties() instanceof ConvertedStruct));
        const failure = (request: unknown) => analyzeStack(request).then(() => "answered", (e: Error) => e.message);
        const want = await failure(apb.AnalyzeStackRequest.deserializeBinary(bytes));
        assert.match(want, /Unexpected struct type/);
        assert.equal(await failure(decodeStackRequest(bytes)), want);
    });
});
