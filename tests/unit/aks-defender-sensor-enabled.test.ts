import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/monitoring/aks-defender-sensor-enabled";
import { NATIVE_CLUSTER_TYPES, T, classicCluster, managedCluster, merge } from "../fixtures/aks";
import { secret, unknown, validate } from "../harness";
import { untyped } from "../fixtures/typed";

const D = "securityProfile.defender";
const NO_SENSOR = "(no Defender sensor runs in the cluster, unless Defender auto-provisioning adds one later)";
const NATIVE_FIX = "set it to { securityMonitoring: { enabled: true }, logAnalyticsWorkspaceResourceId: <workspace id> }.";
const NO_DEFENDER = `The cluster does not set ${D} ${NO_SENSOR}; ${NATIVE_FIX}`;
const OFF = `The cluster does not set ${D}.securityMonitoring.enabled (the sensor is off); set it to true.`;
const WS_FIX = "set it to the resource ID of a Log Analytics workspace.";
const NO_WS = `The cluster does not set ${D}.logAnalyticsWorkspaceResourceId (the sensor has no workspace to report to); ${WS_FIX}`;
const NO_CLASSIC = `The cluster does not set microsoftDefender ${NO_SENSOR}; set it to { logAnalyticsWorkspaceId: <workspace id> }.`;

describe("aks-defender-sensor-enabled", () => {
    for (const type of NATIVE_CLUSTER_TYPES) {
        describe(type, () => {
            it("passes the sensor with a workspace", () => {
                assert.deepEqual(validate(policy, type, managedCluster()).violations, []);
            });
            it("fails when securityProfile is absent", () => {
                assert.deepEqual(validate(policy, type, managedCluster({ securityProfile: undefined })).violations, [NO_DEFENDER]);
            });
            it("fails securityMonitoring.enabled: false", () => {
                assert.deepEqual(validate(policy, type, managedCluster({ securityProfile: { defender: { securityMonitoring: { enabled: false } } } })).violations,
                    [`The cluster sets ${D}.securityMonitoring.enabled: false; set it to true.`]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; want: string[] }[] = [
        // absent parents
        { name: "fails when the defender block is absent beside other security settings", props: managedCluster({ securityProfile: { defender: undefined } }), want: [NO_DEFENDER] },
        { name: "fails when securityProfile is an array", props: managedCluster({ securityProfile: untyped([{ defender: {} }]) }), want: [NO_DEFENDER] },
        { name: "fails a defender block that is not an object, showing it", props: managedCluster({ securityProfile: { defender: untyped(true) } }), want: [`The cluster sets ${D}: true; ${NATIVE_FIX}`] },
        { name: "fails when securityMonitoring is absent (the sensor is off)", props: managedCluster({ securityProfile: { defender: { securityMonitoring: undefined } } }), want: [OFF] },
        { name: "fails when securityMonitoring is not an object", props: managedCluster({ securityProfile: { defender: { securityMonitoring: untyped("enabled") } } }), want: [OFF] },
        { name: "reports an empty defender block twice: off and no workspace", props: managedCluster({ securityProfile: { defender: { securityMonitoring: undefined, logAnalyticsWorkspaceResourceId: undefined } } }),
            want: [OFF, NO_WS] },
        // enabled values
        { name: "accepts enabled as the string \"true\"", props: managedCluster({ securityProfile: { defender: { securityMonitoring: { enabled: untyped("true") } } } }), want: [] },
        { name: "fails a malformed enabled flag, showing it", props: managedCluster({ securityProfile: { defender: { securityMonitoring: { enabled: untyped("on") } } } }),
            want: [`The cluster sets ${D}.securityMonitoring.enabled: "on"; set it to true.`] },
        // workspace
        { name: "fails without a workspace", props: managedCluster({ securityProfile: { defender: { logAnalyticsWorkspaceResourceId: undefined } } }), want: [NO_WS] },
        { name: "fails an empty workspace ID", props: managedCluster({ securityProfile: { defender: { logAnalyticsWorkspaceResourceId: "" } } }),
            want: [`The cluster sets ${D}.logAnalyticsWorkspaceResourceId: ""; ${WS_FIX}`] },
        { name: "fails a workspace ID that is not a string", props: managedCluster({ securityProfile: { defender: { logAnalyticsWorkspaceResourceId: untyped({ id: "w" }) } } }),
            want: [`The cluster sets ${D}.logAnalyticsWorkspaceResourceId: {"id":"w"}; ${WS_FIX}`] },
        { name: "passes a workspace set from another resource's output (unknown at preview)", props: managedCluster({ securityProfile: { defender: { logAnalyticsWorkspaceResourceId: unknown } } }), want: [] },
        { name: "does not read the classic spelling on azure-native", props: merge(managedCluster({ securityProfile: { defender: undefined } }), { microsoftDefender: { logAnalyticsWorkspaceId: "/w" } }), want: [NO_DEFENDER] },
        // secrets
        { name: "never prints a secret workspace ID", props: managedCluster({ securityProfile: { defender: { logAnalyticsWorkspaceResourceId: secret("") } } }),
            want: [`The cluster sets ${D}.logAnalyticsWorkspaceResourceId: [secret]; ${WS_FIX}`] },
        { name: "never prints a flag inside a secret block", props: managedCluster({ securityProfile: { defender: secret({ securityMonitoring: { enabled: "no" }, logAnalyticsWorkspaceResourceId: "/w" }) } }),
            want: [`The cluster sets ${D}.securityMonitoring.enabled: [secret]; set it to true.`] },
        // classic
        { name: "classic: passes microsoftDefender with a workspace", type: T.classicCluster, props: classicCluster(), want: [] },
        { name: "classic: fails without microsoftDefender", type: T.classicCluster, props: classicCluster({ microsoftDefender: undefined }), want: [NO_CLASSIC] },
        { name: "classic: fails an array where the block is expected", type: T.classicCluster, props: classicCluster({ microsoftDefender: untyped([{ logAnalyticsWorkspaceId: "/w" }]) }),
            want: ["The cluster sets microsoftDefender: [{\"logAnalyticsWorkspaceId\":\"/w\"}]; set it to { logAnalyticsWorkspaceId: <workspace id> }."] },
        { name: "classic: fails an empty block (no workspace)", type: T.classicCluster, props: classicCluster({ microsoftDefender: { logAnalyticsWorkspaceId: undefined } }),
            want: [`The cluster does not set microsoftDefender.logAnalyticsWorkspaceId (the sensor has no workspace to report to); ${WS_FIX}`] },
        { name: "classic: passes a workspace set from another resource's output", type: T.classicCluster, props: classicCluster({ microsoftDefender: { logAnalyticsWorkspaceId: unknown } }), want: [] },
        { name: "classic: never prints a secret workspace ID", type: T.classicCluster, props: classicCluster({ microsoftDefender: { logAnalyticsWorkspaceId: secret(" ") } }),
            want: [`The cluster sets microsoftDefender.logAnalyticsWorkspaceId: [secret]; ${WS_FIX}`] },
    ];
    for (const c of cases) {
        it(c.name, () => {
            const out = validate(policy, c.type ?? T.managedCluster, c.props);
            assert.deepEqual(out.violations, c.want);
            assert.equal(out.unknown, undefined);
        });
    }

    const unknowns: { name: string; props: Record<string, unknown>; type?: string; note: string }[] = [
        { name: "the whole securityProfile", props: managedCluster({ securityProfile: unknown }), note: "string value at .securityProfile can't be known during preview" },
        { name: "the enabled flag", props: managedCluster({ securityProfile: { defender: { securityMonitoring: { enabled: unknown } } } }),
            note: "string value at .securityProfile.defender.securityMonitoring.enabled can't be known during preview" },
        { name: "a classic microsoftDefender block", type: T.classicCluster, props: classicCluster({ microsoftDefender: unknown }),
            note: "string value at .microsoftDefender can't be known during preview" },
    ];
    for (const c of unknowns) {
        it(`reports nothing but the SDK's note when ${c.name} is unknown at preview`, () => {
            const out = validate(policy, c.type ?? T.managedCluster, c.props);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, c.note);
        });
    }

    it("is not applicable to node pools or other resource types", () => {
        assert.equal(validate(policy, T.classicNodePool, {}).notApplicable, "applies to AKS cluster resources only");
        assert.equal(validate(policy, "azure-native:security:Pricing", {}).notApplicable, "applies to AKS cluster resources only");
    });
});
