// Wiring for Kubernetes workload policies: a workload policy sees the pod spec of every
// workload kind in every apiVersion (lib/views/podspec.ts).

import { CheckContext, PackPolicy, PolicyOptions, resourcePolicy } from "./policy";
import type { PolicyMeta } from "./meta";
import { PodSpecView } from "./views/podspec";
import { workload } from "./kinds";

export function workloadPolicy<C = Record<string, never>>(
    meta: PolicyMeta,
    check: (pod: PodSpecView, ctx: CheckContext<C>) => Iterable<string>,
    options: PolicyOptions<C> = {},
): PackPolicy {
    return resourcePolicy(meta, workload, PodSpecView.read, check, options);
}
