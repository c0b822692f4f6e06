// Readers: what a resource policy reads, as data. A reader names the resources it reads (a
// Kind), how it turns one of them into views, and which resources of the kind it leaves alone
// (the namespaces a Kubernetes policy does not check). Readers compose: `either` reads two
// kinds, `namespaced` adds the namespace exclusion, `within` narrows the kind. The wiring
// (lib/policy.ts) takes a reader and runs its steps inside its one applicability step.

import { aksCluster, aksNodePool, anyOf, keyVault, Kind, registry, workload } from "./core/kinds";
import { excludedNamespaceObject, inExcludedNamespace } from "./config/namespaces";
import { ClusterView } from "./views/cluster";
import { ObjectView } from "./views/k8s-objects";
import { PoolView } from "./views/nodepool";
import { PodSpecView } from "./views/podspec";
import { RegistryView } from "./views/registry";
import { VaultView } from "./views/vault";

/**
 * A resource of the reader's kind left alone, with the reason, or undefined. Asked after the
 * configuration finding and before exemptions, in validation and remediation alike;
 * `validation`: it may read the view validations share (Node.shared), a remediation's props
 * being its own. `config`: the policy's configuration, shared settings included.
 */
export type Skip = (props: Record<string, unknown>, config: object, validation: boolean) => string | undefined;

export interface Reader<V> {
    /** The resources read: other types are answered "not applicable" from the token alone. */
    readonly kind: Kind;
    /** The views of one resource of the kind, none when nothing in it is of interest. Views are shared between the validations that use the same `read`. */
    readonly read: (type: string, props: Record<string, unknown>) => Iterable<V>;
    /** Resources of the kind left alone, with the reason. */
    readonly skip?: Skip;
}

/** A reader of `kind` through `read`. */
export function reader<V>(kind: Kind, read: (type: string, props: Record<string, unknown>) => Iterable<V>, skip?: Skip): Reader<V> {
    return skip ? { kind, read, skip } : { kind, read };
}

/** `r`, leaving alone the resources in the namespaces the policy's `excludedNamespaces` excludes (lib/config/namespaces.ts). */
export function namespaced<V>(r: Reader<V>): Reader<V> {
    return { ...r, skip: inExcludedNamespace };
}

/** `r`, leaving alone the Namespace objects whose own name `excludedNamespaces` excludes. */
export function namespaceObjects<V>(r: Reader<V>): Reader<V> {
    return { ...r, skip: excludedNamespaceObject };
}

/** `r` over the narrower `kind` (the resources of `r`'s kind a policy can decide). */
export function within<V>(r: Reader<V>, kind: Kind): Reader<V> {
    return { ...r, kind };
}

/**
 * The resources of `a` read by `a`, those of `b` by `b` (their kinds do not overlap). Both
 * leave alone the same resources: a reader that skips and one that does not are not combined.
 */
export function either<A, B>(label: string, a: Reader<A>, b: Reader<B>): Reader<A | B> {
    if (a.skip !== b.skip) {
        throw new Error(`either(${label}): the two readers skip different resources`);
    }
    const read = (type: string, props: Record<string, unknown>): Iterable<A | B> => (a.kind.matches(type) ? a.read(type, props) : b.read(type, props));
    return reader(anyOf(label, a.kind, b.kind), read, a.skip);
}

const byKind = new WeakMap<Kind, Reader<ObjectView>>();

/** Kubernetes objects of `kind` (one ObjectView each), one reader per kind so that policies share its views. */
export function objects(kind: Kind): Reader<ObjectView> {
    let r = byKind.get(kind);
    if (!r) byKind.set(kind, (r = reader(kind, ObjectView.reader(kind))));
    return r;
}

/** Every AKS cluster, either provider, every token form. */
export const clusters: Reader<ClusterView> = reader(aksCluster, ClusterView.read);

/** The node pools declared on their own (AgentPool, KubernetesClusterNodePool). */
export const nodePools: Reader<PoolView> = reader(aksNodePool, PoolView.read);

/** Every node pool: inline in a cluster or declared on its own. */
export const pools: Reader<PoolView> = either("AKS cluster and node pool", reader(aksCluster, (type, props) => ClusterView.read(type, props)[0]?.inlinePools() ?? []), nodePools);

/** The pod spec of every Kubernetes workload kind in every apiVersion (lib/views/podspec.ts). */
export const workloads: Reader<PodSpecView> = reader(workload, PodSpecView.read);

export const registries: Reader<RegistryView> = reader(registry, RegistryView.read);
export const vaults: Reader<VaultView> = reader(keyVault, VaultView.read);
