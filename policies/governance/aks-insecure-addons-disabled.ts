import { setIfParent } from "../../lib/core/remediate";
import { CLUSTER, say } from "../../lib/core/message";
import { CheckContext, PolicyMeta, resourcePolicy } from "../../lib/policy";
import { ClusterView } from "../../lib/views/cluster";
import { clusters } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "aks-insecure-addons-disabled",
    displayName: "AKS: retired insecure add-ons off",
    description: "The AKS cluster does not run the retired Kubernetes dashboard or HTTP application routing add-ons.",
    controls: ["CLU-1"],
    checks: ["AKS-33"],
    severity: "medium",
    enforcementLevel: "advisory",
    url: "https://learn.microsoft.com/azure/aks/http-application-routing",
    remediationSteps: [
        "azure-native: remove `kubeDashboard` and `httpApplicationRouting` from `addonProfiles` on the ManagedCluster (or set their `enabled: false`).",
        "classic azure: remove `httpApplicationRoutingEnabled` from the KubernetesCluster or set it to false (v2-era: `addonProfile.kubeDashboard.enabled: false`).",
        "Use the application routing add-on (`ingressProfile.webAppRouting`, classic `webAppRouting`) for ingress and the Azure portal's Kubernetes resources view instead of the dashboard.",
    ].join("\n"),
    remediates: "sets `enabled: false` on the kubeDashboard and httpApplicationRouting add-ons (classic: `httpApplicationRoutingEnabled: false`) where they are on",
};

export function* check(c: ClusterView): Iterable<string> {
    const dashboard = c.kubeDashboard();
    if (dashboard.present && dashboard.bool() !== false) {
        yield say({ element: CLUSTER, node: dashboard, fix: "set it to false or remove the add-on: the dashboard is retired and shows and changes cluster state through the API server" });
    }
    const routing = c.httpApplicationRouting();
    if (routing.present && routing.bool() !== false) {
        yield say({ element: CLUSTER, node: routing, fix: "set it to false or remove it: this retired add-on publishes apps on public DNS names without TLS; use the application routing add-on instead" });
    }
}

/** Turn the add-ons off where they are on; the add-ons' other settings are left alone. */
export function remediate(props: Record<string, unknown>, ctx: CheckContext<Record<string, never>>): boolean {
    if (ctx.type.startsWith("azure:")) {
        return props.httpApplicationRoutingEnabled === true && setIfParent(props, ["httpApplicationRoutingEnabled"], false);
    }
    let changed = false;
    for (const addon of ["kubeDashboard", "httpApplicationRouting"]) {
        changed = setIfParent(props, ["addonProfiles", addon, "enabled"], false, true) || changed;
    }
    return changed;
}

export const policy = resourcePolicy(meta, clusters, check, { remediate });
