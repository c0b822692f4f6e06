import { say } from "../../lib/core/message";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { Node } from "../../lib/core/node";
import { RegistryView } from "../../lib/views/registry";
import { registries } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "acr-retention-policy-enabled",
    displayName: "ACR: retention of untagged manifests",
    description: "A container registry deletes untagged manifests after a retention period.",
    controls: ["IMG-3"],
    checks: ["ACR-08"],
    severity: "low",
    enforcementLevel: "advisory",
    url: "https://learn.microsoft.com/azure/container-registry/container-registry-retention-policy",
    remediationSteps: [
        "azure-native: set `policies: { retentionPolicy: { status: \"enabled\", days: 7 } }` on the Registry.",
        "classic azure: set `retentionPolicyInDays: 7` on the Registry (v5: `retentionPolicy: { enabled: true, days: 7 }`).",
        "Retention needs the Premium SKU.",
    ].join("\n"),
};

const KEPT = "untagged manifests are kept forever";

/** A day count as the provider reads it: a number, or a string of digits. */
function days(n: Node): number | undefined {
    const v = n.raw;
    if (typeof v === "number") {
        return v;
    }
    return typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : undefined;
}

export function* check(r: RegistryView): Iterable<string> {
    const p = r.retention();
    if (p.status) {
        if (p.status.str()?.toLowerCase() !== "enabled") {
            yield say({ element: r.label(), node: p.status, absent: KEPT, fix: "set it to \"enabled\" (Premium SKU)" });
        }
    } else if (p.enabled) {
        if (p.enabled.bool() !== true) {
            yield say({ element: r.label(), node: p.enabled, absent: KEPT, fix: "set it to true (Premium SKU)" });
        }
    } else if (!((days(p.days) ?? 0) > 0)) {
        yield say({ element: r.label(), node: p.days, absent: KEPT, fix: "set it to the number of days to keep untagged manifests, e.g. 7 (Premium SKU)" });
    }
}

export const policy = resourcePolicy(meta, registries, check);
