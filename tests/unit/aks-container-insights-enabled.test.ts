import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/monitoring/aks-container-insights-enabled";
import { classicCluster, managedCluster, merge, NATIVE_CLUSTER_TYPES, T } from "../fixtures/aks";
import { secret, unknown, validate, violationCases } from "../harness";
import { untyped } from "../fixtures/typed";

const WS = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/other";
const NATIVE_FIX = "set it to { enabled: true, config: { logAnalyticsWorkspaceResourceID: <workspace id> } }.";
const CLASSIC_FIX = "set omsAgent: { logAnalyticsWorkspaceId: <workspace id> }.";
const WS_FIX = "set it to the resource ID of your Log Analytics workspace.";
const NO_ADDON = `The cluster does not set addonProfiles.omsagent (container logs and metrics are not collected); ${NATIVE_FIX}`;
const NO_OMS_AGENT = `The cluster does not set omsAgent (container logs and metrics are not collected); ${CLASSIC_FIX}`;

/** An azure-native cluster whose monitoring add-on sits under `key` (the fixture's `omsagent` removed). */
function withAddon(key: string, addon: unknown) {
    return merge(managedCluster({ addonProfiles: { omsagent: undefined } }), { addonProfiles: { [key]: addon } });
}

/** A classic cluster with the v2-era `addonProfile.omsAgent` block instead of the v6 `omsAgent`. */
function classicLegacy(block: unknown, key = "omsAgent") {
    return merge(classicCluster({ omsAgent: undefined }), { addonProfile: { [key]: block } });
}

describe("aks-container-insights-enabled", () => {
    for (const type of NATIVE_CLUSTER_TYPES) {
        describe(type, () => {
            it("passes the monitoring add-on sending to a workspace", () => {
                assert.deepEqual(validate(policy, type, managedCluster()).violations, []);
            });
            it("fails when addonProfiles is absent", () => {
                assert.deepEqual(validate(policy, type, managedCluster({ addonProfiles: undefined })).violations, [NO_ADDON]);
            });
            it("fails enabled: false", () => {
                assert.deepEqual(validate(policy, type, managedCluster({ addonProfiles: { omsagent: { enabled: false } } })).violations,
                    ["The cluster sets addonProfiles.omsagent.enabled: false; set it to true."]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; want: string[] }[] = [
        // add-on key and config key case variants
        { name: "accepts the add-on key omsAgent", props: withAddon("omsAgent", { enabled: true, config: { logAnalyticsWorkspaceResourceID: WS } }), want: [] },
        { name: "accepts the add-on key OMSAGENT", props: withAddon("OMSAGENT", { enabled: true, config: { logAnalyticsWorkspaceResourceID: WS } }), want: [] },
        { name: "names the add-on key as written (omsAgent)", props: withAddon("omsAgent", { enabled: false, config: { logAnalyticsWorkspaceResourceID: WS } }),
            want: ["The cluster sets addonProfiles.omsAgent.enabled: false; set it to true."] },
        { name: "names the add-on key as written (OMSAGENT)", props: withAddon("OMSAGENT", { enabled: true, config: {} }),
            want: [`The cluster does not set addonProfiles.OMSAGENT.config.logAnalyticsWorkspaceResourceID (no workspace is named); ${WS_FIX}`] },
        { name: "accepts the config key logAnalyticsWorkspaceResourceId", props: withAddon("omsagent", { enabled: true, config: { logAnalyticsWorkspaceResourceId: WS } }), want: [] },
        { name: "accepts the config key LOGANALYTICSWORKSPACERESOURCEID", props: withAddon("omsAgent", { enabled: true, config: { LOGANALYTICSWORKSPACERESOURCEID: WS } }), want: [] },
        { name: "names the config key as written", props: withAddon("omsagent", { enabled: true, config: { logAnalyticsWorkspaceResourceId: "" } }),
            want: [`The cluster sets addonProfiles.omsagent.config.logAnalyticsWorkspaceResourceId: ""; ${WS_FIX}`] },
        // absent parents and values
        { name: "fails when the add-on is absent from addonProfiles", props: managedCluster({ addonProfiles: { omsagent: undefined } }), want: [NO_ADDON] },
        { name: "fails when addonProfiles is empty", props: managedCluster({ addonProfiles: { omsagent: undefined, azurepolicy: undefined } }), want: [NO_ADDON] },
        { name: "fails when enabled is absent (the add-on is off)", props: withAddon("omsagent", { config: { logAnalyticsWorkspaceResourceID: WS } }),
            want: ["The cluster does not set addonProfiles.omsagent.enabled (the add-on is off); set it to true."] },
        { name: "fails when the workspace is missing", props: managedCluster({ addonProfiles: { omsagent: { config: { logAnalyticsWorkspaceResourceID: undefined } } } }),
            want: [`The cluster does not set addonProfiles.omsagent.config.logAnalyticsWorkspaceResourceID (no workspace is named); ${WS_FIX}`] },
        { name: "fails when config is absent", props: withAddon("omsagent", { enabled: true }),
            want: [`The cluster does not set addonProfiles.omsagent.config.logAnalyticsWorkspaceResourceID (no workspace is named); ${WS_FIX}`] },
        { name: "fails an empty workspace ID", props: managedCluster({ addonProfiles: { omsagent: { config: { logAnalyticsWorkspaceResourceID: "" } } } }),
            want: [`The cluster sets addonProfiles.omsagent.config.logAnalyticsWorkspaceResourceID: ""; ${WS_FIX}`] },
        { name: "fails an empty add-on block twice: off and no workspace", props: withAddon("omsagent", {}),
            want: [
                "The cluster does not set addonProfiles.omsagent.enabled (the add-on is off); set it to true.",
                `The cluster does not set addonProfiles.omsagent.config.logAnalyticsWorkspaceResourceID (no workspace is named); ${WS_FIX}`,
            ] },
        // booleans as strings and malformed input
        { name: "accepts enabled as the string \"true\"", props: managedCluster({ addonProfiles: { omsagent: { enabled: untyped("true") } } }), want: [] },
        { name: "fails a malformed enabled flag, showing it", props: managedCluster({ addonProfiles: { omsagent: { enabled: untyped("yes") } } }),
            want: ["The cluster sets addonProfiles.omsagent.enabled: \"yes\"; set it to true."] },
        { name: "fails a non-object add-on block", props: withAddon("omsagent", true), want: [`The cluster sets addonProfiles.omsagent: true; ${NATIVE_FIX}`] },
        { name: "fails an array where the add-on object is expected", props: withAddon("omsAgent", [{ enabled: true }]),
            want: [`The cluster sets addonProfiles.omsAgent: [{"enabled":true}]; ${NATIVE_FIX}`] },
        { name: "fails an array where addonProfiles is expected", props: managedCluster({ addonProfiles: untyped([{ omsagent: { enabled: true } }]) }), want: [NO_ADDON] },
        { name: "reports no workspace when config is an array", props: managedCluster({ addonProfiles: { omsagent: { config: untyped([WS]) } } }),
            want: [`The cluster does not set addonProfiles.omsagent.config.logAnalyticsWorkspaceResourceID (no workspace is named); ${WS_FIX}`] },
        { name: "fails a workspace ID that is not a string", props: managedCluster({ addonProfiles: { omsagent: { config: { logAnalyticsWorkspaceResourceID: untyped(42) } } } }),
            want: [`The cluster sets addonProfiles.omsagent.config.logAnalyticsWorkspaceResourceID: 42; ${WS_FIX}`] },
        // secrets
        { name: "passes a secret workspace ID", props: managedCluster({ addonProfiles: { omsagent: { config: { logAnalyticsWorkspaceResourceID: secret(WS) } } } }), want: [] },
        { name: "never prints a secret flag", props: managedCluster({ addonProfiles: { omsagent: { enabled: secret("hunter2") } } }),
            want: ["The cluster sets addonProfiles.omsagent.enabled: [secret]; set it to true."] },
        { name: "never prints a secret workspace ID", props: managedCluster({ addonProfiles: { omsagent: { config: { logAnalyticsWorkspaceResourceID: secret(" ") } } } }),
            want: [`The cluster sets addonProfiles.omsagent.config.logAnalyticsWorkspaceResourceID: [secret]; ${WS_FIX}`] },
        { name: "never prints a value inside a secret add-on block", props: withAddon("omsagent", secret({ enabled: "hunter2", config: { logAnalyticsWorkspaceResourceID: WS } })),
            want: ["The cluster sets addonProfiles.omsagent.enabled: [secret]; set it to true."] },
        // classic v6 omsAgent
        { name: "classic: passes the omsAgent block", type: T.classicCluster, props: classicCluster(), want: [] },
        { name: "classic: fails when omsAgent is absent", type: T.classicCluster, props: classicCluster({ omsAgent: undefined }), want: [NO_OMS_AGENT] },
        { name: "classic: fails when the workspace is missing", type: T.classicCluster, props: classicCluster({ omsAgent: { logAnalyticsWorkspaceId: undefined } }),
            want: [`The cluster does not set omsAgent.logAnalyticsWorkspaceId (no workspace is named); ${WS_FIX}`] },
        { name: "classic: fails an empty workspace ID", type: T.classicCluster, props: classicCluster({ omsAgent: { logAnalyticsWorkspaceId: "" } }),
            want: [`The cluster sets omsAgent.logAnalyticsWorkspaceId: ""; ${WS_FIX}`] },
        { name: "classic: fails an array where the omsAgent object is expected", type: T.classicCluster, props: classicCluster({ omsAgent: untyped([{ logAnalyticsWorkspaceId: "ws" }]) }),
            want: [`The cluster sets omsAgent: [{"logAnalyticsWorkspaceId":"ws"}]; ${CLASSIC_FIX}`] },
        { name: "classic: fails a string where the omsAgent object is expected", type: T.classicCluster, props: classicCluster({ omsAgent: untyped("yes") }),
            want: [`The cluster sets omsAgent: "yes"; ${CLASSIC_FIX}`] },
        { name: "classic: does not read the azure-native addonProfiles", type: T.classicCluster,
            props: merge(classicCluster({ omsAgent: undefined }), { addonProfiles: { omsagent: { enabled: true, config: { logAnalyticsWorkspaceResourceID: WS } } } }), want: [NO_OMS_AGENT] },
        { name: "classic: reads omsAgent when addonProfile has no omsAgent", type: T.classicCluster,
            props: merge(classicCluster(), { addonProfile: { azurePolicy: { enabled: true } } }), want: [] },
        { name: "classic: never prints a secret workspace ID", type: T.classicCluster, props: classicCluster({ omsAgent: { logAnalyticsWorkspaceId: secret(false) } }),
            want: [`The cluster sets omsAgent.logAnalyticsWorkspaceId: [secret]; ${WS_FIX}`] },
        // classic legacy addonProfile.omsAgent
        { name: "classic legacy: passes addonProfile.omsAgent enabled with a workspace", type: T.classicCluster,
            props: classicLegacy({ enabled: true, logAnalyticsWorkspaceId: WS }), want: [] },
        { name: "classic legacy: accepts enabled as the string \"true\"", type: T.classicCluster,
            props: classicLegacy({ enabled: "true", logAnalyticsWorkspaceId: WS }), want: [] },
        { name: "classic legacy: accepts the key omsagent", type: T.classicCluster,
            props: classicLegacy({ enabled: true, logAnalyticsWorkspaceId: WS }, "omsagent"), want: [] },
        { name: "classic legacy: fails enabled: false", type: T.classicCluster,
            props: classicLegacy({ enabled: false, logAnalyticsWorkspaceId: WS }),
            want: ["The cluster sets addonProfile.omsAgent.enabled: false; set it to true."] },
        { name: "classic legacy: fails a malformed flag, naming the key as written", type: T.classicCluster,
            props: classicLegacy({ enabled: "yes", logAnalyticsWorkspaceId: WS }, "omsagent"),
            want: ["The cluster sets addonProfile.omsagent.enabled: \"yes\"; set it to true."] },
        { name: "classic legacy: fails an empty block twice: off and no workspace", type: T.classicCluster, props: classicLegacy({}),
            want: [
                "The cluster does not set addonProfile.omsAgent.enabled (the add-on is off); set it to true.",
                `The cluster does not set addonProfile.omsAgent.logAnalyticsWorkspaceId (no workspace is named); ${WS_FIX}`,
            ] },
        { name: "classic legacy: fails a non-object block", type: T.classicCluster, props: classicLegacy("yes"),
            want: [`The cluster sets addonProfile.omsAgent: "yes"; ${CLASSIC_FIX}`] },
        { name: "classic legacy: never prints a secret flag", type: T.classicCluster,
            props: classicLegacy({ enabled: secret("no"), logAnalyticsWorkspaceId: WS }),
            want: ["The cluster sets addonProfile.omsAgent.enabled: [secret]; set it to true."] },
    ];
    violationCases(policy, T.managedCluster, cases);

    const unknowns: { name: string; props: Record<string, unknown>; type?: string; note: string }[] = [
        { name: "the enabled flag", props: managedCluster({ addonProfiles: { omsagent: { enabled: unknown } } }),
            note: "string value at .addonProfiles.omsagent.enabled can't be known during preview" },
        { name: "the enabled flag under the key omsAgent", props: withAddon("omsAgent", { enabled: unknown, config: { logAnalyticsWorkspaceResourceID: WS } }),
            note: "string value at .addonProfiles.omsAgent.enabled can't be known during preview" },
        { name: "the whole add-on config", props: managedCluster({ addonProfiles: { omsagent: { config: unknown } } }),
            note: "string value at .addonProfiles.omsagent.config can't be known during preview" },
        { name: "the whole addonProfiles", props: managedCluster({ addonProfiles: unknown }),
            note: "string value at .addonProfiles can't be known during preview" },
        { name: "the whole classic omsAgent block", type: T.classicCluster, props: classicCluster({ omsAgent: unknown }),
            note: "string value at .omsAgent can't be known during preview" },
        { name: "the classic legacy flag", type: T.classicCluster, props: classicLegacy({ enabled: unknown, logAnalyticsWorkspaceId: WS }),
            note: "string value at .addonProfile.omsAgent.enabled can't be known during preview" },
    ];
    for (const c of unknowns) {
        it(`reports nothing but the SDK's note when ${c.name} is unknown at preview`, () => {
            const out = validate(policy, c.type ?? T.managedCluster, c.props);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, c.note);
        });
    }

    // The workspace ID usually comes from the workspace's output (workspace.id): unknown in
    // preview, but named. The policy passes it without reading it, so the SDK adds no note.
    const pending: { name: string; props: Record<string, unknown>; type?: string; want: string[] }[] = [
        { name: "azure-native", props: managedCluster({ addonProfiles: { omsagent: { config: { logAnalyticsWorkspaceResourceID: unknown } } } }), want: [] },
        { name: "azure-native, key omsAgent, config key variant", props: withAddon("omsAgent", { enabled: true, config: { logAnalyticsWorkspaceResourceId: unknown } }), want: [] },
        { name: "azure-native, add-on off", props: withAddon("omsagent", { enabled: false, config: { logAnalyticsWorkspaceResourceID: unknown } }),
            want: ["The cluster sets addonProfiles.omsagent.enabled: false; set it to true."] },
        { name: "classic", type: T.classicCluster, props: classicCluster({ omsAgent: { logAnalyticsWorkspaceId: unknown } }), want: [] },
        { name: "classic legacy", type: T.classicCluster, props: classicLegacy({ enabled: true, logAnalyticsWorkspaceId: unknown }), want: [] },
    ];
    for (const c of pending) {
        it(`accepts a workspace ID unknown at preview, with no note (${c.name})`, () => {
            const out = validate(policy, c.type ?? T.managedCluster, c.props);
            assert.deepEqual(out.violations, c.want);
            assert.equal(out.unknown, undefined);
        });
    }

    it("is not applicable to node pools", () => {
        assert.equal(validate(policy, T.agentPool, {}).notApplicable, "applies to AKS cluster resources only");
    });
});
