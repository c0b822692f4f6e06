// Configured values checked against the policy's schema (lib/config/settings.ts) and reported once.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { checkSettings, describeSchema } from "../../lib/config/settings";
import { policy } from "../../policies/network/aks-private-cluster-enabled";
import { policy as privileged } from "../../policies/pod-security/k8s-pss-baseline-privileged";
import { DEPLOYMENT, podSpec, workload } from "../fixtures/k8s";
import { managedCluster, T } from "../fixtures/aks";
import { validate } from "../harness";

const SCHEMA = {
    flag: { type: "boolean", default: true },
    ports: { type: "array", items: { type: "integer", minimum: 1, maximum: 65535 }, default: [22] },
    names: { type: "array", items: { type: "string" }, minItems: 1, default: ["a"] },
    level: { type: "string", enum: ["x", "y"], default: "x" },
};
const OFF = "The cluster does not set apiServerAccessProfile.enablePrivateCluster (the API server has a public endpoint); set it to true.";

describe("configured values against the schema", () => {
    it("describes what to write", () => {
        assert.equal(describeSchema(SCHEMA.ports), "a list of integers from 1 to 65535");
        assert.equal(describeSchema(SCHEMA.names), "a non-empty list of strings");
        assert.equal(describeSchema(SCHEMA.level), "one of \"x\" or \"y\"");
        assert.equal(describeSchema({ type: "object", properties: { a: { type: "string" }, b: { type: "string" } }, required: ["a"] }), "an object { a, b? }");
    });
    it("keeps usable values, drops unusable list entries, falls back to defaults otherwise, and says so once", () => {
        const out = checkSettings(SCHEMA, { flag: false, ports: [80, "443", 0], names: [5], level: "z", other: { kept: 1 } });
        assert.deepEqual(out.config, { flag: false, ports: [80], names: ["a"], level: "x", other: { kept: 1 } });
        assert.equal(out.finding, "The policy configuration sets ports[1]: \"443\" (write an integer from 1 to 65535 there), sets ports[2]: 0 (write an integer from 1 to 65535 there) and sets names[0]: 5 (write a string there), and 1 more like it; until it is fixed, the policy ignores ports[1] and ports[2], uses the default for names ([\"a\"]) and uses the default for level (\"x\").");
        assert.deepEqual(checkSettings(SCHEMA, { flag: true, ports: [], names: ["b"] }), { config: { flag: true, ports: [], names: ["b"], level: "x" }, problems: [] });
    });
    it("reports a configuration once however often it is asked, NaN included", () => {
        const config = { allowInCodeExemptions: NaN };
        const first = validate(policy, T.managedCluster, managedCluster({ apiServerAccessProfile: undefined }), config);
        const second = validate(policy, T.managedCluster, managedCluster({ apiServerAccessProfile: undefined }), config);
        assert.deepEqual(first.violations, ["The policy configuration sets allowInCodeExemptions: null (write true or false there, e.g. true); until it is fixed, the policy uses the default for allowInCodeExemptions (true).", OFF]);
        assert.deepEqual(second.violations, [OFF]);
    });
    it("reports it on the first resource of the policy's kind even when an excluded namespace skips that resource", () => {
        const out = validate(privileged, DEPLOYMENT.type, workload(DEPLOYMENT, podSpec(), { metadata: { namespace: "kube-system" } }), { excludedNamespaces: ["kube-system", 7] });
        assert.deepEqual(out.violations, ["The policy configuration sets excludedNamespaces[1]: 7 (write a string there); until it is fixed, the policy ignores excludedNamespaces[1]."]);
        assert.equal(out.notApplicable, "namespace \"kube-system\" is excluded by excludedNamespaces (\"kube-system\")");
    });
});
