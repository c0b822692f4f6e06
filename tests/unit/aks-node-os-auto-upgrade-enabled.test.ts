import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/nodes/aks-node-os-auto-upgrade-enabled";
import { NATIVE_CLUSTER_TYPES, T, classicCluster, managedCluster } from "../fixtures/aks";
import { automaticCluster } from "../fixtures/aks-extra2";
import { secret, unknown, validate } from "../harness";
import { untyped } from "../fixtures/typed";

const N = "autoUpgradeProfile.nodeOSUpgradeChannel";
const LIST = "one of \"NodeImage\", \"SecurityPatch\"";
const UNCLEAR = "(the API reference says NodeImage but the AKS docs say Standard clusters get manual node OS upgrades)";
const ABSENT = `The cluster does not set ${N} ${UNCLEAR}; set it explicitly to ${LIST}.`;
const NONE = ": \"None\" leaves node OS patching to you.";
const UNMANAGED = ": \"Unmanaged\" relies on the OS's own updates (none on Windows) and never refreshes the node image.";
const ONLY_PATCH = { allowedNodeOsUpgradeChannels: ["SecurityPatch"] };

/** An azure-native cluster with this node OS channel (`undefined`: none). */
function channel(c: unknown) {
    return managedCluster({ autoUpgradeProfile: { nodeOSUpgradeChannel: untyped(c) } });
}

describe("aks-node-os-auto-upgrade-enabled", () => {
    for (const type of NATIVE_CLUSTER_TYPES) {
        describe(type, () => {
            it("passes NodeImage", () => {
                assert.deepEqual(validate(policy, type, managedCluster()).violations, []);
            });
            it("fails without a channel: the documented defaults disagree", () => {
                assert.deepEqual(validate(policy, type, channel(undefined)).violations, [ABSENT]);
            });
            it("fails None", () => {
                assert.deepEqual(validate(policy, type, channel("None")).violations, [`The cluster sets ${N}: "None"; set it to ${LIST}${NONE}`]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; config?: Record<string, unknown>; want: string[] }[] = [
        // values
        { name: "passes SecurityPatch", props: channel("SecurityPatch"), want: [] },
        { name: "compares case-insensitively", props: channel("nodeimage"), want: [] },
        { name: "fails Unmanaged", props: channel("Unmanaged"), want: [`The cluster sets ${N}: "Unmanaged"; set it to ${LIST}${UNMANAGED}`] },
        { name: "fails none in lower case", props: channel("none"), want: [`The cluster sets ${N}: "none"; set it to ${LIST}${NONE}`] },
        { name: "fails the cluster channel's spelling node-image", props: channel("node-image"), want: [`The cluster sets ${N}: "node-image"; set it to ${LIST}.`] },
        // absent parents and malformed input
        { name: "fails when autoUpgradeProfile is absent", props: managedCluster({ autoUpgradeProfile: undefined }), want: [ABSENT] },
        { name: "fails when autoUpgradeProfile is a string", props: managedCluster({ autoUpgradeProfile: untyped("NodeImage") }), want: [ABSENT] },
        { name: "fails a boolean, showing it", props: channel(true), want: [`The cluster sets ${N}: true; set it to ${LIST}.`] },
        { name: "fails an object", props: channel({ name: "NodeImage" }), want: [`The cluster sets ${N}: {"name":"NodeImage"}; set it to ${LIST}.`] },
        // config
        { name: "takes the allowed channels from config", config: ONLY_PATCH, props: channel("NodeImage"), want: [`The cluster sets ${N}: "NodeImage"; set it to one of "SecurityPatch".`] },
        { name: "accepts Unmanaged when config allows it", config: { allowedNodeOsUpgradeChannels: ["unmanaged"] }, props: channel("Unmanaged"), want: [] },
        { name: "falls back to the defaults for a config that is not an array", config: { allowedNodeOsUpgradeChannels: { a: "None" } }, props: channel("None"),
            want: ["The policy configuration sets allowedNodeOsUpgradeChannels: {\"a\":\"None\"} (write a list of strings there, e.g. [\"NodeImage\",\"SecurityPatch\"]); until it is fixed, the policy uses the default for allowedNodeOsUpgradeChannels ([\"NodeImage\",\"SecurityPatch\"]).", `The cluster sets ${N}: "None"; set it to ${LIST}${NONE}`] },
        { name: "falls back to the defaults when no config entry is a string", config: { allowedNodeOsUpgradeChannels: [1, null] }, props: channel("SecurityPatch"), want: ["The policy configuration sets allowedNodeOsUpgradeChannels[0]: 1 (write a string there) and sets allowedNodeOsUpgradeChannels[1]: null (write a string there); until it is fixed, the policy ignores allowedNodeOsUpgradeChannels[0] and allowedNodeOsUpgradeChannels[1]."] },
        // AKS Automatic
        { name: "Automatic: passes without a channel (AKS Automatic uses NodeImage)", props: automaticCluster({ autoUpgradeProfile: undefined }), want: [] },
        { name: "Automatic: fails without a channel when NodeImage is not allowed", config: ONLY_PATCH, props: automaticCluster({ autoUpgradeProfile: undefined }),
            want: [`The cluster does not set ${N} (AKS Automatic uses NodeImage); set it explicitly to one of "SecurityPatch".`] },
        { name: "Automatic: still fails an explicit None", props: automaticCluster({ autoUpgradeProfile: { nodeOSUpgradeChannel: "None" } }),
            want: [`The cluster sets ${N}: "None"; set it to ${LIST}${NONE}`] },
        { name: "Base: fails without a channel", props: managedCluster({ sku: { name: "Base" }, autoUpgradeProfile: undefined }), want: [ABSENT] },
        // secrets
        { name: "never prints a secret channel, nor hints at it", props: channel(secret("None")), want: [`The cluster sets ${N}: [secret]; set it to ${LIST}.`] },
        // classic
        { name: "classic: passes NodeImage", type: T.classicCluster, props: classicCluster(), want: [] },
        { name: "classic: passes SecurityPatch", type: T.classicCluster, props: classicCluster({ nodeOsUpgradeChannel: "SecurityPatch" }), want: [] },
        { name: "classic: passes without a channel (the provider sends its default NodeImage)", type: T.classicCluster, props: classicCluster({ nodeOsUpgradeChannel: undefined }), want: [] },
        { name: "classic: fails without a channel when NodeImage is not allowed", type: T.classicCluster, config: ONLY_PATCH, props: classicCluster({ nodeOsUpgradeChannel: undefined }),
            want: ["The cluster does not set nodeOsUpgradeChannel (the provider sends NodeImage); set it explicitly to one of \"SecurityPatch\"."] },
        { name: "classic: fails None", type: T.classicCluster, props: classicCluster({ nodeOsUpgradeChannel: "None" }),
            want: [`The cluster sets nodeOsUpgradeChannel: "None"; set it to ${LIST}${NONE}`] },
        { name: "classic: fails Unmanaged", type: T.classicCluster, props: classicCluster({ nodeOsUpgradeChannel: "Unmanaged" }),
            want: [`The cluster sets nodeOsUpgradeChannel: "Unmanaged"; set it to ${LIST}${UNMANAGED}`] },
        { name: "classic: never prints a secret channel", type: T.classicCluster, props: classicCluster({ nodeOsUpgradeChannel: secret("Unmanaged") }),
            want: [`The cluster sets nodeOsUpgradeChannel: [secret]; set it to ${LIST}.`] },
    ];
    for (const c of cases) {
        it(c.name, () => {
            const out = validate(policy, c.type ?? T.managedCluster, c.props, c.config);
            assert.deepEqual(out.violations, c.want);
            assert.equal(out.unknown, undefined);
        });
    }

    const unknowns: { name: string; props: Record<string, unknown>; type?: string; note: string }[] = [
        { name: "the channel", props: channel(unknown), note: "string value at .autoUpgradeProfile.nodeOSUpgradeChannel can't be known during preview" },
        { name: "the whole autoUpgradeProfile", props: managedCluster({ autoUpgradeProfile: unknown }), note: "string value at .autoUpgradeProfile can't be known during preview" },
        { name: "the SKU of a cluster without a channel", props: managedCluster({ sku: { name: unknown }, autoUpgradeProfile: undefined }),
            note: "string value at .sku.name can't be known during preview" },
        { name: "a classic channel", type: T.classicCluster, props: classicCluster({ nodeOsUpgradeChannel: unknown }),
            note: "string value at .nodeOsUpgradeChannel can't be known during preview" },
    ];
    for (const c of unknowns) {
        it(`reports nothing but the SDK's note when ${c.name} is unknown at preview`, () => {
            const out = validate(policy, c.type ?? T.managedCluster, c.props);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, c.note);
        });
    }

    it("is not applicable to node pools or other resource types", () => {
        assert.equal(validate(policy, T.agentPool, {}).notApplicable, "applies to AKS cluster resources only");
        assert.equal(validate(policy, "azure:containerservice/automaticCluster:AutomaticCluster", {}).notApplicable, "applies to AKS cluster resources only");
    });
});
