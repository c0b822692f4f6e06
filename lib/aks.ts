// Wiring for AKS policies: a cluster policy sees every cluster (either provider, every token
// form); a pool policy sees every node pool, inline in a cluster or declared on its own.

import { aksCluster, aksNodePool, anyOf } from "./kinds";
import { CheckContext, PackPolicy, PolicyOptions, resourcePolicy } from "./policy";
import type { PolicyMeta } from "./meta";
import { ClusterView } from "./views/cluster";
import { PoolView } from "./views/nodepool";

export function clusterPolicy<C = Record<string, never>>(
    meta: PolicyMeta,
    check: (cluster: ClusterView, ctx: CheckContext<C>) => Iterable<string>,
    options: PolicyOptions<C> = {},
): PackPolicy {
    return resourcePolicy(meta, aksCluster, ClusterView.read, check, options);
}

const clusterOrPool = anyOf("AKS cluster and node pool", aksCluster, aksNodePool);

function readPools(type: string, props: unknown): PoolView[] {
    const clusters = ClusterView.read(type, props);
    return clusters.length > 0 ? clusters[0].inlinePools() : PoolView.read(type, props);
}

export function poolPolicy<C = Record<string, never>>(
    meta: PolicyMeta,
    check: (pool: PoolView, ctx: CheckContext<C>) => Iterable<string>,
    options: PolicyOptions<C> = {},
): PackPolicy {
    return resourcePolicy(meta, clusterOrPool, readPools, check, options);
}
