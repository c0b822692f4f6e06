import { say } from "../../lib/core/message";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { setIfParent } from "../../lib/core/remediate";
import { RegistryView } from "../../lib/views/registry";
import { registries } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "acr-anonymous-pull-disabled",
    displayName: "ACR: anonymous pull disabled",
    description: "A container registry does not let unauthenticated clients pull images.",
    controls: ["IMG-1"],
    checks: ["ACR-02"],
    severity: "high",
    enforcementLevel: "mandatory",
    url: "https://learn.microsoft.com/azure/container-registry/anonymous-pull-access",
    remediationSteps: [
        "azure-native: remove `anonymousPullEnabled` from the Registry or set it to `false`.",
        "classic azure: remove `anonymousPullEnabled` from the Registry or set it to `false`.",
        "Pull with an Entra ID identity that holds AcrPull (the AKS kubelet identity through `az aks update --attach-acr`).",
    ].join("\n"),
    remediates: "sets `anonymousPullEnabled: false` where it is on",
};

export function* check(r: RegistryView): Iterable<string> {
    const n = r.anonymousPull();
    if (n.present && n.bool() !== false) {
        yield say({ element: r.label(), node: n, fix: "set it to false so every pull is authenticated" });
    }
}

/** Turn anonymous pull off where it is on (both providers use the same name). */
export function remediate(props: Record<string, unknown>): boolean {
    return props.anonymousPullEnabled !== undefined && props.anonymousPullEnabled !== false && setIfParent(props, ["anonymousPullEnabled"], false);
}

export const policy = resourcePolicy(meta, registries, check, { remediate });
