// The finding a configuration value of the wrong shape draws (sent at Configure without the
// CLI's validation: an older CLI, a policy group edited by hand, an initialConfig): it names the
// bad key, the value found and what to write, once per configuration, and the policy goes on
// with the usable rest. The sweep over every schema leaf is tests/fuzz/config-shapes.test.ts.

import { strict as assert } from "node:assert";
import { after, before, describe, it } from "node:test";
import { AnalyzeResult, Engine } from "../../engine/engine";
import { PolicyConfigEntry } from "../../engine/config";
import { allPolicies } from "../../policies";
import { launch, recorded } from "./helpers";

const FINDING = "The policy configuration ";

describe("configuration values of the wrong shape: the finding", () => {
    let engine: Engine;
    before(async () => {
        engine = await launch({ dryRun: true });
        await engine.configure();
    });
    after(async () => {
        await engine?.close();
    });

    it("names the bad key, the value found and what to write: match.name: 5, match.annotation: 5, exemptions not a list", async () => {
        const entry = (properties: Record<string, unknown>): Record<string, PolicyConfigEntry> =>
            Object.fromEntries(allPolicies.map(p => [p.name, { enforcementLevel: p.enforcementLevel as PolicyConfigEntry["enforcementLevel"], properties: p.name === "aks-private-cluster-enabled" ? properties : {} }]));
        const cluster = recorded("aks-insecure", "preview").find(r => r.type === "azure-native:containerservice:ManagedCluster")!;
        const message = async (properties: Record<string, unknown>) => {
            await engine.configureEntries(entry(properties));
            const first = await engine.analyze(cluster);
            const again = await engine.analyze(cluster);
            const of = (res: AnalyzeResult) => res.diagnostics.filter(d => d.policyName === "aks-private-cluster-enabled").map(d => d.message.split("\n")[1]);
            assert.equal(of(again).filter(m => m.startsWith(FINDING)).length, 0, "reported once, not on every resource");
            return of(first);
        };
        const PRIVATE = "The cluster does not set apiServerAccessProfile.enablePrivateCluster (the API server has a public endpoint); set it to true.";
        assert.deepEqual(await message({ exemptions: [{ match: { name: 5 }, reason: "r" }] }), [
            "The policy configuration sets exemptions[0].match.name: 5 (write a string there); until it is fixed, the policy ignores exemptions[0].",
            PRIVATE,
        ]);
        // Reported although the resource is exempted (by the entry that is usable).
        assert.deepEqual(await message({ exemptions: [{ match: { annotation: 5 }, reason: "r" }, { match: { name: "aks-*" }, reason: "migrating" }] }), [
            "The policy configuration sets exemptions[0].match.annotation: 5 (write a string there); until it is fixed, the policy ignores exemptions[0].",
        ]);
        assert.deepEqual(await message({ exemptions: { match: { name: "*" }, reason: "r" }, allowInCodeExemptions: "no" }), [
            // (Configure's Struct carries keys in alphabetical order.)
            "The policy configuration sets allowInCodeExemptions: \"no\" (write true or false there, e.g. true) and sets exemptions: {\"match\":{\"name\":\"*\"},\"reason\":\"r\"} (write a list of objects { match, reason, expires?, owner? } there); until it is fixed, the policy uses the default for allowInCodeExemptions (true) and uses the default for exemptions ([]).",
            PRIVATE,
        ]);
    });
});
