import { CLUSTER, say } from "../../lib/core/message";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { ClusterView } from "../../lib/views/cluster";
import { clusters } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "aks-workload-identity-enabled",
    displayName: "AKS: workload identity and OIDC issuer, no pod identity",
    description: "AKS clusters give each application its own Entra identity through workload identity and the OIDC issuer, not the deprecated AAD Pod Identity.",
    controls: ["IAM-4"],
    checks: ["AKS-07"],
    severity: "medium",
    enforcementLevel: "advisory",
    mcsb: ["IM-3"],
    url: "https://learn.microsoft.com/azure/aks/workload-identity-overview",
    remediationSteps: [
        "azure-native: set `securityProfile: { workloadIdentity: { enabled: true } }` and `oidcIssuerProfile: { enabled: true }` on the ManagedCluster, and remove `podIdentityProfile` (or set `enabled: false`).",
        "classic azure: set `workloadIdentityEnabled: true` and `oidcIssuerEnabled: true` on the KubernetesCluster.",
        "Then federate each application's managed identity with its Kubernetes service account. The OIDC issuer cannot be turned off once on; AKS Automatic clusters have both preconfigured.",
    ].join("\n"),
};

export function* check(c: ClusterView): Iterable<string> {
    // AKS Automatic preconfigures workload identity and the OIDC issuer: only an explicit value can contradict it.
    const automatic = () => c.automatic();
    // Read outside securityProfile first: in preview azure-native makes the whole securityProfile
    // unknown whenever anything inside it comes from another resource, and the SDK stops the
    // policy at the first unknown it reads (the findings before it are kept).
    const oidc = c.oidcIssuer();
    if (oidc.bool() !== true && (oidc.present || !(automatic() || c.oidcOnByDefault()))) {
        yield say({ element: CLUSTER, node: oidc, absent: "off: AKS turns it on by itself only for clusters created on Kubernetes 1.34 or later", fix: "set it to true" });
    }
    const pod = c.podIdentity();
    if (pod.present && pod.bool() !== false) {
        yield say({ element: CLUSTER, node: pod, fix: "set it to false or remove it: AAD Pod Identity is deprecated; use workload identity" });
    }
    const wi = c.workloadIdentity();
    if (wi.bool() !== true && (wi.present || !automatic())) {
        yield say({ element: CLUSTER, node: wi, absent: "workload identity is off", fix: "set it to true" });
    }
}

export const policy = resourcePolicy(meta, clusters, check);
