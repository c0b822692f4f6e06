import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { isVeleroChart, policy } from "../../policies/backup/aks-backup-configured";
import { backupInstance, classicAks, classicBackupInstance, cluster, k8s, Res, SHAPES, TT } from "../fixtures/stack";
import { unknown, validateStack } from "../harness";

const TAIL = "(with the backup extension and trusted access), or install Velero with a Schedule, or set managedElsewhere: true when backups are configured outside this stack.";
const MISSING = (name = "aks") => `ManagedCluster "${name}" has no backup in this stack (its resources and volumes cannot be restored); add a BackupInstance with properties.dataSourceInfo.resourceID set to the cluster's id and datasourceType "Microsoft.ContainerService/managedClusters" ${TAIL}`;
const MISSING_CLASSIC = `KubernetesCluster "aks" has no backup in this stack (its resources and volumes cannot be restored); add a BackupInstanceKubernetesCluster with kubernetesClusterId set to the cluster's id ${TAIL}`;

function run(resources: Res[], config: Record<string, unknown> = {}) {
    const out = validateStack(policy, resources, config);
    assert.equal(out.unknown, undefined);
    return out;
}

describe("aks-backup-configured", () => {
    for (const shape of SHAPES) {
        describe(`${shape} shape`, () => {
            for (const type of [TT.backup, TT.backupLocal]) {
                it(`passes a cluster with a ${type}`, () => {
                    const c = cluster(shape);
                    assert.deepEqual(run([c, backupInstance(shape, c, {}, "backup", type)]).violations, []);
                });
            }
            it("passes a classic cluster with a BackupInstanceKubernetesCluster", () => {
                const c = classicAks(shape);
                assert.deepEqual(run([c, classicBackupInstance(shape, c)]).violations, []);
            });
            it("reports a cluster without backup, with its URN", () => {
                const c = cluster(shape);
                const out = run([c]);
                assert.deepEqual(out.violations, [MISSING()]);
                assert.deepEqual(out.urns, [c.urn]);
            });
            it("reports a classic cluster in classic terms", () => {
                assert.deepEqual(run([classicAks(shape)]).violations, [MISSING_CLASSIC]);
            });
            it("reports only the cluster the backup instance does not protect", () => {
                const a = cluster(shape, {}, "aks");
                const b = cluster(shape, {}, "other");
                assert.deepEqual(run([a, b, backupInstance(shape, b)]).violations, [MISSING("aks")]);
            });
            it("passes every cluster when a Velero schedule is in the stack", () => {
                assert.deepEqual(run([cluster(shape), classicAks(shape, {}, "c"), k8s(shape, TT.veleroSchedule, "daily", { spec: { schedule: "0 1 * * *" } })]).violations, []);
            });
        });
    }

    const c = cluster("update");
    const cases: { name: string; resources: Res[]; config?: Record<string, unknown>; want: string[] }[] = [
        { name: "keeps quiet when backups are managed elsewhere", resources: [c], config: { managedElsewhere: true }, want: [] },
        { name: "passes with a Velero Helm release", resources: [c, k8s("update", TT.helmRelease, "velero", { chart: "velero", repositoryOpts: { repo: "https://vmware-tanzu.github.io/helm-charts" } })], want: [] },
        { name: "passes with a Velero Chart v4 from an OCI repository", resources: [c, k8s("update", TT.helmChartV4, "velero", { chart: "oci://ghcr.io/vmware-tanzu/helm-charts/velero" })], want: [] },
        { name: "passes with a Velero schedule of another API version", resources: [c, k8s("update", "kubernetes:velero.io/v2alpha1:Schedule", "daily", {})], want: [] },
        { name: "does not count other Helm charts", resources: [c, k8s("update", TT.helmRelease, "ingress", { chart: "ingress-nginx" }), k8s("update", TT.helmRelease, "plugin", { chart: "velero-plugin-for-azure" })], want: [MISSING()] },
        { name: "does not count a Helm release whose chart is unknown", resources: [c, k8s("update", TT.helmRelease, "x", { chart: unknown })], want: [MISSING()] },
        { name: "does not count a backup instance of another datasource type", resources: [c, backupInstance("update", c, { properties: { dataSourceInfo: { datasourceType: "Microsoft.Compute/disks" } } })], want: [MISSING()] },
        { name: "compares the datasource type case-insensitively", resources: [c, backupInstance("update", c, { properties: { dataSourceInfo: { datasourceType: "microsoft.containerservice/MANAGEDCLUSTERS" } } })], want: [] },
        { name: "counts a backup instance without a datasource type by its resource ID", resources: [c, backupInstance("update", c, { properties: { dataSourceInfo: { datasourceType: undefined } } })], want: [] },
        { name: "does not count a backup instance without a datasource", resources: [c, backupInstance("update", c, { properties: { dataSourceInfo: undefined } })], want: [MISSING()] },
        { name: "does not count malformed properties", resources: [c, backupInstance("update", c, { properties: "aks" })], want: [MISSING()] },
        { name: "does not link the backup vault's own ID", resources: [c, backupInstance("update", c, { properties: { dataSourceInfo: { resourceID: "/subscriptions/0000/resourceGroups/rg" } } })], want: [MISSING()] },
        { name: "passes when the datasource is unknown at preview but fed by the cluster", resources: (() => {
            const p = cluster("preview");
            return [p, backupInstance("preview", p, { properties: { dataSourceInfo: unknown } })];
        })(), want: [] },
        { name: "reports nothing without a cluster", resources: [k8s("update", TT.helmRelease, "ingress", { chart: "ingress-nginx" })], want: [] },
    ];
    for (const k of cases) {
        it(k.name, () => {
            assert.deepEqual(run(k.resources, k.config).violations, k.want);
        });
    }

    it("recognises Velero chart references", () => {
        for (const s of ["velero", "VELERO", "vmware-tanzu/velero", "oci://ghcr.io/vmware-tanzu/helm-charts/velero", "https://example.com/charts/velero-5.1.0.tgz", "./charts/velero/"]) {
            assert.equal(isVeleroChart(s), true, s);
        }
        for (const s of ["velero-plugin-for-azure", "ingress-nginx", "veleroX", ""]) {
            assert.equal(isVeleroChart(s), false, s);
        }
    });
});
