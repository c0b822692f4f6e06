import { backupInstance, helmChart, veleroSchedule } from "../../lib/core/kinds";
import { PolicyMeta, stackPolicy, StackCheckContext } from "../../lib/policy";
import { Resource, root } from "../../lib/stack";
import { StackCluster } from "../../lib/stack/aks";
import { isOneOf, known, Targets, textAt } from "../../lib/stack/links";
import { UNKNOWN } from "../../lib/core/known";

export interface Config {
    managedElsewhere: boolean;
}

export const meta: PolicyMeta = {
    name: "aks-backup-configured",
    displayName: "AKS: backup (AKS Backup or Velero) for every cluster",
    description: "Every AKS cluster is backed up, by an Azure Backup instance for the cluster or by Velero installed in the stack.",
    controls: ["BAK-1"],
    checks: ["BKP-01"],
    severity: "medium",
    enforcementLevel: "advisory",
    mcsb: ["BR-1"],
    url: "https://learn.microsoft.com/azure/backup/azure-kubernetes-service-cluster-backup",
    remediationSteps: [
        "Install the backup extension (`microsoft.dataprotection.kubernetes`) on the cluster and give the backup vault trusted access (`Microsoft.DataProtection/backupVaults/backup-operator`).",
        "azure-native: add a `dataprotection.BackupInstance` with `properties.dataSourceInfo: { resourceID: cluster.id, datasourceType: \"Microsoft.ContainerService/managedClusters\", ... }`.",
        "classic azure: add a `dataprotection.BackupInstanceKubernetesCluster` with `kubernetesClusterId: cluster.id`.",
        "Or install Velero (Helm chart `velero`) with a `velero.io/v1` Schedule. When backups are configured outside this stack, set `managedElsewhere: true`.",
    ].join("\n"),
    config: {
        managedElsewhere: {
            type: "boolean",
            default: false,
            description: "Cluster backups are configured outside this stack: do not report clusters without a backup here.",
        },
    },
};

const nativeInstance = backupInstance.kinds[0];
const AKS_DATASOURCE = "Microsoft.ContainerService/managedClusters";

/** A Helm chart reference names Velero: `velero`, `vmware-tanzu/velero`, `oci://…/velero`, `…/velero-5.1.0.tgz`. */
export function isVeleroChart(chart: string): boolean {
    const last = chart.trim().toLowerCase().replace(/[?#].*$/, "").replace(/\/+$/, "").split("/").pop() ?? "";
    return last.replace(/\.tgz$/, "").replace(/-v?\d[\w.+-]*$/, "") === "velero";
}

function veleroInstalled(ctx: StackCheckContext<Config>): boolean {
    if (ctx.stack.has(veleroSchedule)) {
        return true;
    }
    return ctx.stack.of(helmChart).some(r => {
        const chart = textAt(root(r), "chart");
        return chart !== undefined && chart !== UNKNOWN && isVeleroChart(chart);
    });
}

/** The clusters a backup instance protects. */
function protectedBy(bi: Resource, targets: Targets): Resource[] {
    const p = root(bi);
    if (!nativeInstance.matches(bi.type)) {
        return targets.linked(bi, "kubernetesClusterId", [known(p, "kubernetesClusterId")]);
    }
    const source = known(p, "properties.dataSourceInfo");
    const type = source === undefined ? UNKNOWN : textAt(source, "datasourceType");
    if (type !== UNKNOWN && type !== undefined && !isOneOf(type, [AKS_DATASOURCE])) {
        return [];
    }
    return targets.linked(bi, "properties", [source && known(source, "resourceID")]);
}

export function* check(ctx: StackCheckContext<Config>): Iterable<{ urn: string; message: string }> {
    const clusters = StackCluster.all(ctx.stack);
    if (clusters.length === 0 || ctx.config.managedElsewhere === true || veleroInstalled(ctx)) {
        return;
    }
    const targets = new Targets(clusters.map(c => c.r));
    const covered = new Set<string>();
    for (const bi of ctx.stack.of(backupInstance)) {
        protectedBy(bi, targets).forEach(c => covered.add(c.urn));
    }
    for (const c of clusters) {
        if (covered.has(c.urn)) {
            continue;
        }
        const add = c.spell({ native: `add a BackupInstance with properties.dataSourceInfo.resourceID set to the cluster's id and datasourceType "${AKS_DATASOURCE}"`, classic: "add a BackupInstanceKubernetesCluster with kubernetesClusterId set to the cluster's id" });
        yield {
            urn: c.urn,
            message: `${c.label} has no backup in this stack (its resources and volumes cannot be restored); ${add} (with the backup extension and trusted access), or install Velero with a Schedule, or set managedElsewhere: true when backups are configured outside this stack.`,
        };
    }
}

export const policy = stackPolicy<Config>(meta, check);
