import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/nodes/aks-maintenance-window-configured";
import { classicAks, cluster, maintenance, Res, SHAPES, TT } from "../fixtures/stack";
import { unknown, validateStack } from "../harness";

const MISSING = (c = "aks") => `ManagedCluster "${c}" has no planned maintenance window (automatic upgrades start at any time); add a MaintenanceConfiguration with configName "aksManagedAutoUpgradeSchedule" or "aksManagedNodeOSUpgradeSchedule" and resourceName set to the cluster's name.`;
const CLASSIC = "KubernetesCluster \"aks\" sets neither maintenanceWindowAutoUpgrade nor maintenanceWindowNodeOs (automatic upgrades start at any time); add one of them with the window's frequency, interval, duration and startTime.";
const WINDOW = { frequency: "Weekly", interval: 1, duration: 4, dayOfWeek: "Sunday", startTime: "00:00" };

function run(resources: Res[]) {
    const out = validateStack(policy, resources);
    assert.equal(out.unknown, undefined);
    return out;
}

describe("aks-maintenance-window-configured", () => {
    for (const shape of SHAPES) {
        describe(`${shape} shape`, () => {
            for (const [type, config] of [[TT.maintenance, "aksManagedAutoUpgradeSchedule"], [TT.maintenanceV2, "aksManagedNodeOSUpgradeSchedule"]]) {
                it(`passes a ${type} named ${config}`, () => {
                    const c = cluster(shape);
                    assert.deepEqual(run([c, maintenance(shape, c, { configName: config }, "m", type)]).violations, []);
                });
            }
            it("reports a cluster without one, with its URN", () => {
                const c = cluster(shape);
                const out = run([c]);
                assert.deepEqual(out.violations, [MISSING()]);
                assert.deepEqual(out.urns, [c.urn]);
            });
            it("does not count the legacy default configuration", () => {
                const c = cluster(shape);
                assert.deepEqual(run([c, maintenance(shape, c, { configName: "default" })]).violations, [MISSING()]);
            });
            it("does not count another cluster's configuration", () => {
                const a = cluster(shape, {}, "aks");
                const b = cluster(shape, {}, "other");
                assert.deepEqual(run([a, b, maintenance(shape, b)]).violations, [MISSING("aks")]);
            });
            it("classic: passes maintenanceWindowAutoUpgrade", () => {
                assert.deepEqual(run([classicAks(shape, { maintenanceWindowAutoUpgrade: WINDOW })]).violations, []);
            });
            it("classic: passes maintenanceWindowNodeOs", () => {
                assert.deepEqual(run([classicAks(shape, { maintenanceWindowNodeOs: WINDOW })]).violations, []);
            });
            it("classic: reports a cluster without either window", () => {
                assert.deepEqual(run([classicAks(shape, { maintenanceWindow: { allowed: [{ day: "Sunday", hours: [1] }] } })]).violations, [CLASSIC]);
            });
        });
    }

    const c = cluster("update");
    const cases: { name: string; resources: Res[]; want: string[] }[] = [
        { name: "matches the config name case-insensitively", resources: [c, maintenance("update", c, { configName: "AKSMANAGEDAUTOUPGRADESCHEDULE" })], want: [] },
        { name: "does not match a configuration in another resource group", resources: [c, maintenance("update", c, { resourceGroupName: "other" })], want: [MISSING()] },
        // A value a user wrote is never taken for "unknown during preview", whatever it says.
        { name: "does not match a configuration in a resource group named \"unknown\"", resources: [c, maintenance("update", c, { resourceGroupName: "unknown" })], want: [MISSING()] },
        { name: "matches by the cluster's name output", resources: (() => {
            const k = cluster("update", { resourceName: undefined, name: "prod-aks" });
            return [k, maintenance("update", k, { resourceName: "PROD-AKS" })];
        })(), want: [] },
        { name: "does not count a configuration without a name (autonamed)", resources: [c, maintenance("update", c, { configName: undefined })], want: [MISSING()] },
        { name: "does not count a malformed config name", resources: [c, maintenance("update", c, { configName: ["aksManagedAutoUpgradeSchedule"] })], want: [MISSING()] },
        { name: "counts a config name unknown at preview", resources: (() => {
            const p = cluster("preview");
            return [p, maintenance("preview", p, { configName: unknown })];
        })(), want: [] },
        { name: "classic: counts a window unknown at preview", resources: [classicAks("preview", { maintenanceWindowNodeOs: unknown })], want: [] },
        { name: "classic: reports a malformed window", resources: [classicAks("update", { maintenanceWindowAutoUpgrade: "weekly" })], want: [CLASSIC] },
        { name: "classic: counts an azure-native configuration linked to the cluster", resources: (() => {
            const k = classicAks("preview");
            return [k, maintenance("preview", k)];
        })(), want: [] },
        { name: "does nothing without a cluster", resources: [], want: [] },
    ];
    for (const k of cases) {
        it(k.name, () => {
            assert.deepEqual(run(k.resources).violations, k.want);
        });
    }
});
