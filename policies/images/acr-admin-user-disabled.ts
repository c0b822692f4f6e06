import { say } from "../../lib/core/message";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { RegistryView } from "../../lib/views/registry";
import { registries } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "acr-admin-user-disabled",
    displayName: "ACR: admin user disabled",
    description: "A container registry does not enable its admin user, a shared username and password with push and pull rights.",
    controls: ["IMG-1"],
    checks: ["ACR-01"],
    severity: "high",
    enforcementLevel: "advisory",
    url: "https://learn.microsoft.com/azure/container-registry/container-registry-authentication#admin-account",
    remediationSteps: [
        "azure-native: remove `adminUserEnabled` from the Registry or set it to `false`.",
        "classic azure: remove `adminEnabled` from the Registry or set it to `false`.",
        "Give AKS and pipelines Entra ID identities with the AcrPull / AcrPush roles instead of the admin credentials.",
    ].join("\n"),
};

export function* check(r: RegistryView): Iterable<string> {
    const n = r.adminUser();
    if (n.present && n.bool() !== false) {
        yield say({ element: r.label(), node: n, fix: "set it to false and grant access with Entra ID roles (AcrPull, AcrPush)" });
    }
}

export const policy = resourcePolicy(meta, registries, check);
