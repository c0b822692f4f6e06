import { found, say } from "../../lib/core/message";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { RegistryView } from "../../lib/views/registry";
import { registries } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "acr-public-network-access-restricted",
    displayName: "ACR: not reachable from public networks",
    description: "A container registry either disables public network access or denies it by default with network rules.",
    controls: ["IMG-1", "NET-3"],
    checks: ["ACR-03"],
    severity: "high",
    enforcementLevel: "advisory",
    mcsb: ["NS-2"],
    url: "https://learn.microsoft.com/azure/container-registry/container-registry-private-link",
    remediationSteps: [
        "azure-native: set `publicNetworkAccess: \"Disabled\"` on the Registry and add a PrivateEndpoint (group `registry`), or set `networkRuleSet: { defaultAction: \"Deny\", ipRules: [...] }`.",
        "classic azure: set `publicNetworkAccessEnabled: false` on the Registry and add a privatelink Endpoint, or set `networkRuleSet: { defaultAction: \"Deny\", ipRules: [...] }`.",
        "Private endpoints and network rules need the Premium SKU.",
    ].join("\n"),
};

export function* check(r: RegistryView): Iterable<string> {
    const access = r.publicNetworkAccess();
    if (access.state() === false) {
        return;
    }
    const rules = r.networkDefaultAction();
    if (rules.str()?.toLowerCase() === "deny") {
        return;
    }
    const fix = `set ${access.node.path} to ${access.write(false)} and use a private endpoint, or set networkRuleSet.defaultAction to "Deny" (Premium SKU)`;
    const absent = "public network access stays enabled";
    if (rules.present) {
        const why = access.node.present ? "" : ` (${absent})`;
        yield `${r.label()} ${found(access.node)}${why} and ${found(rules)}; ${fix}.`;
        return;
    }
    yield say({ element: r.label(), node: access.node, absent, fix });
}

export const policy = resourcePolicy(meta, registries, check);
