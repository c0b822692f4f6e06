import { say } from "../../lib/core/message";
import { CheckContext, PolicyMeta, resourcePolicy } from "../../lib/policy";
import { registries } from "../../lib/readers";
import { RegistryView } from "../../lib/views/registry";

export interface Config {
    allowedSkus: string[];
}

export const meta: PolicyMeta = {
    name: "acr-sku-premium",
    displayName: "ACR: Premium SKU",
    description: "A container registry uses an SKU that supports private endpoints, network rules, quarantine, retention and customer-managed keys (Premium).",
    controls: ["IMG-1", "NET-3"],
    checks: ["ACR-03", "ACR-04"],
    severity: "low",
    enforcementLevel: "advisory",
    url: "https://learn.microsoft.com/azure/container-registry/container-registry-skus",
    remediationSteps: [
        "azure-native: set `sku: { name: \"Premium\" }` on the Registry.",
        "classic azure: set `sku: \"Premium\"` on the Registry.",
        "The SKU can be changed in place; Basic and Standard cannot use private endpoints, network rules, quarantine, retention or customer-managed keys.",
    ].join("\n"),
    config: {
        allowedSkus: {
            type: "array",
            items: { type: "string" },
            default: ["Premium"],
            description: "Registry SKUs accepted (compared case-insensitively). Add \"Standard\" where registries need no network isolation.",
        },
    },
};

export function* check(r: RegistryView, ctx: CheckContext<Config>): Iterable<string> {
    const configured = Array.isArray(ctx.config.allowedSkus) ? ctx.config.allowedSkus.filter((s): s is string => typeof s === "string") : [];
    const allowed = configured.length > 0 ? configured : ["Premium"];
    const n = r.sku();
    const sku = n.str()?.toLowerCase();
    if (allowed.some(a => a.toLowerCase() === sku)) {
        return;
    }
    const want = allowed.length === 1 ? `set it to ${JSON.stringify(allowed[0])}` : `set it to one of ${allowed.map(a => JSON.stringify(a)).join(", ")}`;
    const why = allowed.some(a => a.toLowerCase() === "premium") ? " (private endpoints, network rules, quarantine and retention need Premium)" : "";
    yield say({ element: r.label(), node: n, fix: `${want}${why}` });
}

export const policy = resourcePolicy(meta, registries, check);
