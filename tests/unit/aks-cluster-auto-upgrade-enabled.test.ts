import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/nodes/aks-cluster-auto-upgrade-enabled";
import { NATIVE_CLUSTER_TYPES, T, classicCluster, managedCluster, merge } from "../fixtures/aks";
import { automaticCluster } from "../fixtures/aks-extra2";
import { secret, unknown, validate } from "../harness";
import { untyped } from "../fixtures/typed";

const U = "autoUpgradeProfile.upgradeChannel";
const LIST = "one of \"patch\", \"stable\", \"rapid\"";
const NEVER = "(none: the cluster is never upgraded automatically)";
const ABSENT = `The cluster does not set ${U} ${NEVER}; set it to ${LIST}.`;
const LEGACY = ": \"node-image\" is legacy and upgrades node images only; use the node OS channel for those.";
const NONE = ": \"none\" turns automatic upgrades off.";

/** An azure-native cluster with this upgrade channel (`undefined`: none). */
function channel(c: unknown) {
    return managedCluster({ autoUpgradeProfile: { upgradeChannel: untyped(c) } });
}

describe("aks-cluster-auto-upgrade-enabled", () => {
    for (const type of NATIVE_CLUSTER_TYPES) {
        describe(type, () => {
            it("passes the patch channel", () => {
                assert.deepEqual(validate(policy, type, managedCluster()).violations, []);
            });
            it("fails without a channel (Azure default: none)", () => {
                assert.deepEqual(validate(policy, type, channel(undefined)).violations, [ABSENT]);
            });
            it("fails the none channel", () => {
                assert.deepEqual(validate(policy, type, channel("none")).violations, [`The cluster sets ${U}: "none"; set it to ${LIST}${NONE}`]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; config?: Record<string, unknown>; want: string[] }[] = [
        // allowed values
        { name: "passes stable", props: channel("stable"), want: [] },
        { name: "passes rapid", props: channel("rapid"), want: [] },
        { name: "compares case-insensitively", props: channel("Stable"), want: [] },
        { name: "fails the legacy node-image channel", props: channel("node-image"), want: [`The cluster sets ${U}: "node-image"; set it to ${LIST}${LEGACY}`] },
        { name: "fails the legacy channel in another case", props: channel("Node-Image"), want: [`The cluster sets ${U}: "Node-Image"; set it to ${LIST}${LEGACY}`] },
        { name: "fails None in another case", props: channel("None"), want: [`The cluster sets ${U}: "None"; set it to ${LIST}${NONE}`] },
        { name: "fails an unknown channel name", props: channel("weekly"), want: [`The cluster sets ${U}: "weekly"; set it to ${LIST}.`] },
        { name: "fails a channel with spaces", props: channel(" patch"), want: [`The cluster sets ${U}: " patch"; set it to ${LIST}.`] },
        // absent parents and malformed input
        { name: "fails when autoUpgradeProfile is absent", props: managedCluster({ autoUpgradeProfile: undefined }), want: [ABSENT] },
        { name: "fails when autoUpgradeProfile is an array", props: managedCluster({ autoUpgradeProfile: untyped([{ upgradeChannel: "patch" }]) }), want: [ABSENT] },
        { name: "treats null as absent", props: channel(null), want: [ABSENT] },
        { name: "fails a number, showing it", props: channel(1), want: [`The cluster sets ${U}: 1; set it to ${LIST}.`] },
        { name: "fails an array of channels", props: channel(["patch"]), want: [`The cluster sets ${U}: ["patch"]; set it to ${LIST}.`] },
        // config
        { name: "takes the allowed channels from config", config: { allowedUpgradeChannels: ["patch"] }, props: channel("rapid"),
            want: [`The cluster sets ${U}: "rapid"; set it to one of "patch".`] },
        { name: "compares configured channels case-insensitively", config: { allowedUpgradeChannels: ["PATCH"] }, props: channel("patch"), want: [] },
        { name: "accepts node-image when config allows it", config: { allowedUpgradeChannels: ["node-image"] }, props: channel("node-image"), want: [] },
        { name: "ignores non-string config entries", config: { allowedUpgradeChannels: [42, "stable"] }, props: channel("patch"),
            want: ["The policy configuration sets allowedUpgradeChannels[0]: 42 (write a string there); until it is fixed, the policy ignores allowedUpgradeChannels[0].", `The cluster sets ${U}: "patch"; set it to one of "stable".`] },
        { name: "falls back to the defaults for an empty allow-list", config: { allowedUpgradeChannels: [] }, props: channel("stable"), want: [] },
        { name: "falls back to the defaults for a config that is not an array", config: { allowedUpgradeChannels: "rapid" }, props: channel("none"),
            want: ["The policy configuration sets allowedUpgradeChannels: \"rapid\" (write a list of strings there, e.g. [\"patch\",\"stable\",\"rapid\"]); until it is fixed, the policy uses the default for allowedUpgradeChannels ([\"patch\",\"stable\",\"rapid\"]).", `The cluster sets ${U}: "none"; set it to ${LIST}${NONE}`] },
        // AKS Automatic
        { name: "Automatic: passes without a channel (AKS Automatic upgrades on stable)", props: automaticCluster({ autoUpgradeProfile: undefined }), want: [] },
        { name: "Automatic: reads the SKU name case-insensitively", props: automaticCluster({ sku: { name: "automatic" }, autoUpgradeProfile: undefined }), want: [] },
        { name: "Automatic: fails without a channel when stable is not allowed", config: { allowedUpgradeChannels: ["patch"] }, props: automaticCluster({ autoUpgradeProfile: undefined }),
            want: [`The cluster does not set ${U} (AKS Automatic upgrades on the stable channel); set it to one of "patch".`] },
        { name: "Automatic: still fails an explicit none", props: automaticCluster({ autoUpgradeProfile: { upgradeChannel: "none" } }),
            want: [`The cluster sets ${U}: "none"; set it to ${LIST}${NONE}`] },
        { name: "Base: fails without a channel", props: managedCluster({ sku: { name: "Base", tier: "Standard" }, autoUpgradeProfile: undefined }), want: [ABSENT] },
        { name: "a malformed SKU is not Automatic", props: managedCluster({ sku: untyped("Automatic"), autoUpgradeProfile: undefined }), want: [ABSENT] },
        // secrets
        { name: "never prints a secret channel, nor hints at it", props: channel(secret("none")), want: [`The cluster sets ${U}: [secret]; set it to ${LIST}.`] },
        { name: "passes a secret allowed channel", props: channel(secret("stable")), want: [] },
        // classic
        { name: "classic: passes automaticUpgradeChannel", type: T.classicCluster, props: classicCluster(), want: [] },
        { name: "classic: fails without a channel", type: T.classicCluster, props: classicCluster({ automaticUpgradeChannel: undefined }),
            want: [`The cluster does not set automaticUpgradeChannel ${NEVER}; set it to ${LIST}.`] },
        { name: "classic: fails node-image", type: T.classicCluster, props: classicCluster({ automaticUpgradeChannel: "node-image" }),
            want: [`The cluster sets automaticUpgradeChannel: "node-image"; set it to ${LIST}${LEGACY}`] },
        { name: "classic v5: passes automaticChannelUpgrade", type: T.classicCluster,
            props: merge(classicCluster({ automaticUpgradeChannel: undefined }), { automaticChannelUpgrade: "stable" }), want: [] },
        { name: "classic v5: fails automaticChannelUpgrade none", type: T.classicCluster,
            props: merge(classicCluster({ automaticUpgradeChannel: undefined }), { automaticChannelUpgrade: "none" }),
            want: [`The cluster sets automaticChannelUpgrade: "none"; set it to ${LIST}${NONE}`] },
        { name: "classic: never prints a secret channel", type: T.classicCluster, props: classicCluster({ automaticUpgradeChannel: secret("node-image") }),
            want: [`The cluster sets automaticUpgradeChannel: [secret]; set it to ${LIST}.`] },
    ];
    for (const c of cases) {
        it(c.name, () => {
            const out = validate(policy, c.type ?? T.managedCluster, c.props, c.config);
            assert.deepEqual(out.violations, c.want);
            assert.equal(out.unknown, undefined);
        });
    }

    const unknowns: { name: string; props: Record<string, unknown>; type?: string; note: string }[] = [
        { name: "the channel", props: channel(unknown), note: "string value at .autoUpgradeProfile.upgradeChannel can't be known during preview" },
        { name: "the SKU of a cluster without a channel", props: managedCluster({ sku: { name: unknown }, autoUpgradeProfile: undefined }),
            note: "string value at .sku.name can't be known during preview" },
        { name: "a classic channel", type: T.classicCluster, props: classicCluster({ automaticUpgradeChannel: unknown }),
            note: "string value at .automaticUpgradeChannel can't be known during preview" },
    ];
    for (const c of unknowns) {
        it(`reports nothing but the SDK's note when ${c.name} is unknown at preview`, () => {
            const out = validate(policy, c.type ?? T.managedCluster, c.props);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, c.note);
        });
    }
    it("does not read an unknown SKU when a channel is set", () => {
        const out = validate(policy, T.managedCluster, managedCluster({ sku: { name: unknown } }));
        assert.deepEqual(out, { violations: [] });
    });

    it("is not applicable to node pools or other resource types", () => {
        assert.equal(validate(policy, T.agentPool, {}).notApplicable, "applies to AKS cluster resources only");
        assert.equal(validate(policy, "azure-native:containerservice:MaintenanceConfiguration", {}).notApplicable, "applies to AKS cluster resources only");
    });
});
