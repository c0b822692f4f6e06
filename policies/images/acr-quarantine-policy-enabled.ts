import { say } from "../../lib/core/message";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { RegistryView } from "../../lib/views/registry";
import { registries } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "acr-quarantine-policy-enabled",
    displayName: "ACR: quarantine policy enabled",
    description: "A container registry quarantines pushed images until a scanner releases them.",
    controls: ["IMG-1"],
    checks: ["ACR-05"],
    severity: "low",
    enforcementLevel: "advisory",
    url: "https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.ACR.Quarantine/",
    remediationSteps: [
        "azure-native: set `policies: { quarantinePolicy: { status: \"enabled\" } }` on the Registry.",
        "classic azure: set `quarantinePolicyEnabled: true` on the Registry.",
        "Quarantine needs the Premium SKU and a scanner that marks verified images as passed; otherwise pushed images stay unavailable.",
    ].join("\n"),
};

export function* check(r: RegistryView): Iterable<string> {
    const n = r.quarantine();
    if (n.state() !== true) {
        yield say({
            element: r.label(),
            node: n.node,
            absent: "pushed images can be pulled before they are scanned",
            fix: `set it to ${n.write(true)} (Premium SKU)`,
        });
    }
}

export const policy = resourcePolicy(meta, registries, check);
