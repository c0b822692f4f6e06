// Type-token matching keeps answering right once its memory of tokens is full (lib/core/kinds.ts).
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { azureNative, kubernetes } from "../../lib/core/kinds";

describe("type-token kinds", () => {
    it("answers right for tokens after thousands of distinct ones, and for very long ones", () => {
        const cluster = azureNative("containerservice", "ManagedCluster");
        const deployment = kubernetes(["apps"], ["Deployment"]);
        for (let i = 0; i < 5000; i++) {
            assert.equal(cluster.matches(`azure-native:containerservice:ManagedCluster${i}`), false);
            assert.equal(deployment.matches(`kubernetes:apps/v${i}:Deployment`), true);
        }
        assert.equal(cluster.matches("azure-native:containerservice/v20240801:ManagedCluster"), true);
        assert.equal(cluster.matches(`azure-native:containerservice:${"x".repeat(10_000)}`), false);
        assert.equal(deployment.matches("kubernetes:apps/v1:DeploymentPatch"), true);
        assert.equal(deployment.matches(undefined as unknown as string), false);
    });
});
