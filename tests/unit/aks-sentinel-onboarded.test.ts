import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/monitoring/aks-sentinel-onboarded";
import { classicAks, classicSentinel, classicWorkspace, cluster, diagnostic, ref, Res, Shape, SHAPES, sentinel, workspace } from "../fixtures/stack";
import { unknown, validateStack } from "../harness";

const ON = { managedElsewhere: false };
const MISSING = (who = "ManagedCluster \"aks\"") => `Workspace "logs" receives the logs of ${who} but is not onboarded to Microsoft Sentinel (no SIEM analytics run on them); add a SentinelOnboardingState with workspaceName set to the workspace's name, or set managedElsewhere: true when Sentinel is onboarded elsewhere.`;
const CLASSIC = "AnalyticsWorkspace \"logs\" receives the logs of KubernetesCluster \"aks\" but is not onboarded to Microsoft Sentinel (no SIEM analytics run on them); add a LogAnalyticsWorkspaceOnboarding with workspaceId set to the workspace's id, or set managedElsewhere: true when Sentinel is onboarded elsewhere.";

function run(resources: Res[], config: Record<string, unknown> = ON) {
    const out = validateStack(policy, resources, config);
    assert.equal(out.unknown, undefined);
    return out;
}

/** An azure-native cluster whose Container Insights sends to `ws`. */
function sending(shape: Shape, ws: Res, name = "aks"): Res {
    return cluster(shape, { addonProfiles: { omsagent: { enabled: true, config: { logAnalyticsWorkspaceResourceID: ref(shape, ws) } } } }, name, { addonProfiles: [ws] });
}

describe("aks-sentinel-onboarded", () => {
    for (const shape of SHAPES) {
        describe(`${shape} shape`, () => {
            it("passes a workspace onboarded to Sentinel", () => {
                const ws = workspace(shape);
                assert.deepEqual(run([ws, sending(shape, ws), sentinel(shape, ws)]).violations, []);
            });
            it("reports the cluster's workspace without onboarding, against the workspace", () => {
                const ws = workspace(shape);
                const out = run([ws, sending(shape, ws)]);
                assert.deepEqual(out.violations, [MISSING()]);
                assert.deepEqual(out.urns, [ws.urn]);
            });
            it("is quiet by default (managedElsewhere: true)", () => {
                const ws = workspace(shape);
                assert.deepEqual(run([ws, sending(shape, ws)], {}).violations, []);
            });
            it("follows a diagnostic setting's workspace", () => {
                const ws = workspace(shape);
                const c = cluster(shape, { addonProfiles: { omsagent: { enabled: true, config: { logAnalyticsWorkspaceResourceID: "/subscriptions/0000/elsewhere" } } } });
                const ds = diagnostic(shape, c, { workspaceId: ref(shape, ws) });
                ds.propertyDependencies = shape === "preview" ? { ...ds.propertyDependencies, workspaceId: [ws.urn] } : {};
                assert.deepEqual(run([ws, c, ds]).violations, [MISSING()]);
            });
            it("classic: reports an analytics workspace without onboarding", () => {
                const ws = classicWorkspace(shape);
                const c = classicAks(shape, { omsAgent: { logAnalyticsWorkspaceId: ref(shape, ws) } }, "aks", { omsAgent: [ws] });
                assert.deepEqual(run([ws, c]).violations, [CLASSIC]);
            });
            it("classic: passes an onboarded analytics workspace", () => {
                const ws = classicWorkspace(shape);
                const c = classicAks(shape, { omsAgent: { logAnalyticsWorkspaceId: ref(shape, ws) } }, "aks", { omsAgent: [ws] });
                assert.deepEqual(run([ws, c, classicSentinel(shape, ws)]).violations, []);
            });
            it("ignores workspaces no cluster sends to", () => {
                const ws = workspace(shape, {}, "other");
                const c = cluster(shape, { addonProfiles: { omsagent: { enabled: true, config: { logAnalyticsWorkspaceResourceID: "/subscriptions/0000/elsewhere" } } } });
                assert.deepEqual(run([ws, c]).violations, []);
            });
        });
    }

    const cases: { name: string; resources: () => Res[]; want: string[] }[] = [
        { name: "follows the Defender workspace", resources: () => {
            const ws = workspace("update");
            return [ws, cluster("update", { addonProfiles: undefined, securityProfile: { defender: { logAnalyticsWorkspaceResourceId: ws.id.toLowerCase(), securityMonitoring: { enabled: true } } } })];
        }, want: [MISSING()] },
        { name: "reads the add-on key case-insensitively", resources: () => {
            const ws = workspace("update");
            return [ws, cluster("update", { addonProfiles: { omsAgent: { enabled: true, config: { logAnalyticsWorkspaceResourceId: ws.id } } } })];
        }, want: [MISSING()] },
        { name: "names every cluster that sends to the workspace", resources: () => {
            const ws = workspace("update");
            return [ws, sending("update", ws, "a"), sending("update", ws, "b")];
        }, want: [MISSING("ManagedCluster \"a\", ManagedCluster \"b\"")] },
        { name: "passes when the add-on config is unknown at preview and not linked", resources: () => {
            const ws = workspace("preview");
            return [ws, cluster("preview", { addonProfiles: unknown })];
        }, want: [] },
        { name: "matches an onboarding by workspace name", resources: () => {
            const ws = workspace("update");
            return [ws, sending("update", ws), sentinel("update", ws, { workspaceName: "LOGS" })];
        }, want: [] },
        { name: "does nothing without a workspace", resources: () => [cluster("update")], want: [] },
    ];
    for (const k of cases) {
        it(k.name, () => {
            assert.deepEqual(run(k.resources()).violations, k.want);
        });
    }
    it("defaults managedElsewhere to true", () => {
        assert.equal(policy.meta.config?.managedElsewhere.default, true);
    });
});
