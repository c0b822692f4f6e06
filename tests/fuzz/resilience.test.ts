// Resilience of the built pack over the real protocol: 200 Analyze calls in flight at once
// (answers identical to the same calls made one at a time), a 10,000-resource AnalyzeStack,
// resources with 1 MB of properties, nesting as deep as the engine's decoder allows, and the
// pack's resident memory staying bounded throughout.

import { strict as assert } from "node:assert";
import { after, before, describe, it } from "node:test";
import { AnalyzeResult, Engine, EngineResource } from "../../engine/engine";
import { secret, unknown } from "../../engine/wire";
import { baseProps, mixedStack, scaledStack } from "../../bench/stack";
import { memoryOf } from "../../bench/run";
import { analyze, analyzeStack, checkDiagnostic, context, Context, ROOT, wire, withTimeout } from "./hostile";

/** The pack's resident memory may never pass this (VmHWM: the peak so far). */
// The trivial one-policy reference pack alone peaks near 800 MiB holding a decoded
// 10,000-resource AnalyzeStack request (docs/benchmarks.md); this pack's stack policies add
// short-lived garbage on top. The bound is what a CI runner with 2 GB to spare must hold.
const RSS_LIMIT_MIB = 1536;

const urn = (type: string, name: string) => `urn:pulumi:dev::project::${type}::${name}`;

function canonical(r: AnalyzeResult): string {
    return JSON.stringify({
        d: r.diagnostics.map(d => `${d.policyName}|${d.enforcementLevel}|${d.urn}|${d.message}`).sort(),
        n: r.notApplicable.map(n => `${n.policyName}|${n.reason}`).sort(),
    });
}

/** About `bytes` of properties for `type`: its realistic bag plus bulk where that type keeps bulk. */
function big(type: string, bytes: number): Record<string, unknown> {
    const props = baseProps(type, 3, false) as Record<string, unknown>;
    const kb = "x".repeat(1000);
    const n = Math.ceil(bytes / 1000) + 16;
    if (type.startsWith("kubernetes:")) {
        const md = (props.metadata ?? {}) as Record<string, unknown>;
        md.annotations = Object.fromEntries(Array.from({ length: n }, (_, i) => [`example.com/a${i}`, kb]));
        props.metadata = md;
    } else if (/NetworkSecurityGroup$/.test(type)) {
        props.securityRules = Array.from({ length: Math.ceil(bytes / 200) }, (_, i) => ({
            name: `rule${i}`, priority: 100 + i, direction: "Inbound", access: i % 7 ? "Deny" : "Allow", protocol: "Tcp",
            sourceAddressPrefix: i % 11 ? "10.0.0.0/8" : "*", destinationPortRange: String(1000 + (i % 60000)), sourcePortRange: "*", destinationAddressPrefix: "*",
        }));
    } else {
        props.tags = Object.fromEntries(Array.from({ length: n }, (_, i) => [`tag${i}`, kb]));
        if (/ManagedCluster$/.test(type)) {
            props.agentPoolProfiles = Array.from({ length: 100 }, (_, i) => ({ name: `pool${i}`, count: 3, vmSize: "Standard_D4s_v5", enableNodePublicIP: i % 3 === 0, enableEncryptionAtHost: i % 2 === 0, osType: "Linux", mode: i ? "User" : "System" }));
        }
    }
    return props;
}

describe("resilience over the Analyzer protocol", () => {
    let engine: Engine;
    let ctx: Context;
    const rss = () => memoryOf(engine.proc.pid!).hwm / 1024;

    before(async () => {
        engine = await Engine.launch(ROOT, { dryRun: true });
        ctx = await context(engine);
        await engine.configure();
    });
    after(async () => {
        await engine?.close();
    });

    it("answers 200 Analyze calls in flight at once, exactly as it answers them one at a time", async () => {
        const stack = mixedStack();
        const picked: EngineResource[] = Array.from({ length: 200 }, (_, i) => stack[(i * 7) % stack.length]);
        const one: string[] = [];
        for (const r of picked) one.push(canonical(await analyze(engine, r)));
        const all = await withTimeout(Promise.all(picked.map(r => analyze(engine, r))), 120_000, "200 concurrent Analyze calls");
        const differ = all.map(canonical).map((c, i) => (c === one[i] ? undefined : `${picked[i].type} ${picked[i].name}:\n  alone:      ${one[i]}\n  concurrent: ${c}`)).filter(Boolean);
        assert.deepEqual(differ, []);
        // And interleaved with Remediate and a small AnalyzeStack.
        const mixed = await withTimeout(Promise.all([
            ...picked.slice(0, 100).map(r => analyze(engine, r).then(canonical)),
            ...picked.slice(0, 50).map(r => engine.remediate(r).then(() => "")),
            analyzeStack(engine, stack.slice(0, 200)).then(() => ""),
        ]), 120_000, "interleaved calls");
        assert.deepEqual(mixed.slice(0, 100), one.slice(0, 100));
        assert.ok(rss() < RSS_LIMIT_MIB, `peak RSS ${rss().toFixed(0)} MiB`);
    });

    it("answers Analyze and AnalyzeStack for resources with 1 MB of properties", async () => {
        const types = [
            "azure-native:containerservice:ManagedCluster", "azure:containerservice/kubernetesCluster:KubernetesCluster", "azure-native:network:NetworkSecurityGroup",
            "azure-native:containerregistry:Registry", "azure-native:keyvault:Vault", "kubernetes:apps/v1:Deployment", "kubernetes:core/v1:ConfigMap",
        ];
        const resources: EngineResource[] = types.map((type, i) => ({ type, name: `big${i}`, urn: urn(type, `big${i}`), inputs: big(type, 1 << 20) }));
        // One with secrets and unknowns all over.
        const withMarkers = big("azure-native:containerservice:ManagedCluster", 1 << 20);
        withMarkers.tags = Object.fromEntries(Object.entries(withMarkers.tags as Record<string, unknown>).map(([k, v], i) => [k, i % 3 === 0 ? secret(v) : i % 3 === 1 ? unknown : v]));
        resources.push({ type: "azure-native:containerservice:ManagedCluster", name: "big-markers", urn: urn("azure-native:containerservice:ManagedCluster", "big-markers"), inputs: withMarkers });
        for (const r of resources) {
            const size = JSON.stringify(wire(r.inputs)).length;
            if (r.name !== "big-markers") assert.ok(size >= 1 << 20, `${r.type}: ${size} bytes`);
            const res = await withTimeout(analyze(engine, r), 60_000, `Analyze of ${r.type} (${(size / 2 ** 20).toFixed(1)} MB)`);
            const problems = res.diagnostics.flatMap(d => checkDiagnostic(d, { unknowns: [], secretNumbers: new Set() }, ctx, r.name === "big-markers"));
            assert.deepEqual(problems.filter(p => !/preview note names/.test(p)), [], r.type);
        }
        await withTimeout(analyzeStack(engine, resources.map(r => ({ ...r, outputs: r.inputs }))), 120_000, "AnalyzeStack over the 1 MB resources");
        assert.ok(rss() < RSS_LIMIT_MIB, `peak RSS ${rss().toFixed(0)} MiB`);
    });

    it("answers bags nested 1,000 levels deep (the engine's protobuf decoder allows about 5,000)", async () => {
        let deep: unknown = { enabled: true };
        for (let i = 0; i < 1000; i++) deep = i % 2 ? { x: deep } : [deep];
        for (const type of ["azure-native:containerservice:ManagedCluster", "kubernetes:apps/v1:Deployment"]) {
            const inputs = { ...baseProps(type, 0, false), addonProfiles: deep, spec: deep, securityRules: deep, tags: { deep } };
            await withTimeout(analyze(engine, { type, name: "deep", urn: urn(type, "deep"), inputs }), 60_000, `Analyze of ${type} nested 1,000 deep`);
        }
    });

    it("answers a 10,000-resource AnalyzeStack with its resident memory bounded", async () => {
        const stack = scaledStack(10_000);
        const res = await withTimeout(engine.analyzeStack(stack), 240_000, "AnalyzeStack over 10,000 resources");
        const exceptions = res.diagnostics.filter(d => /TypeError|RangeError|Cannot read|is not a function/.test(d.message));
        assert.deepEqual(exceptions, []);
        assert.ok(rss() < RSS_LIMIT_MIB, `peak RSS ${rss().toFixed(0)} MiB after AnalyzeStack over 10,000 resources`);
    });

    it("is still alive and answering", async () => {
        assert.equal(engine.proc.exitCode, null, engine.log.slice(-2000));
        const r = await analyze(engine, { type: "azure-native:resources:ResourceGroup", name: "rg", urn: urn("azure-native:resources:ResourceGroup", "rg"), inputs: {} });
        assert.deepEqual(r.diagnostics, []);
    });
});
