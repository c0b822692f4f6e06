import { defenderPricing } from "../../lib/core/kinds";
import { say } from "../../lib/core/message";
import { PolicyMeta, stackPolicy, StackCheckContext } from "../../lib/policy";
import { label, root } from "../../lib/stack";
import { StackCluster } from "../../lib/stack/aks";
import { isOneOf, known, text } from "../../lib/stack/links";
import { UNKNOWN } from "../../lib/core/known";

export interface Config {
    managedElsewhere: boolean;
}

export const meta: PolicyMeta = {
    name: "aks-defender-for-containers-enabled",
    displayName: "AKS: Defender for Containers plan on the subscription",
    description: "A stack with an AKS cluster turns on the Microsoft Defender for Containers plan (Standard tier) for its subscription.",
    controls: ["LOG-3", "IMG-1"],
    checks: ["AKS-22"],
    severity: "high",
    enforcementLevel: "advisory",
    cis: ["5.1.1"],
    mcsb: ["LT-1"],
    url: "https://learn.microsoft.com/azure/defender-for-cloud/defender-for-containers-enable",
    remediationSteps: [
        "azure-native: add a `security.Pricing` with `pricingName: \"Containers\"`, `pricingTier: \"Standard\"` (and `scopeId: \"/subscriptions/<id>\"`).",
        "classic azure: add a `securitycenter.SubscriptionPricing` with `resourceType: \"Containers\"` and `tier: \"Standard\"`.",
        "When the subscription's Defender plans are managed in another stack, set this policy's `managedElsewhere: true`.",
    ].join("\n"),
    config: {
        managedElsewhere: {
            type: "boolean",
            default: false,
            description: "The Defender for Containers plan is managed outside this stack: do not report its absence (a plan in this stack on the Free tier is still reported).",
        },
    },
};

const nativePricing = defenderPricing.kinds[0];

export function* check(ctx: StackCheckContext<Config>): Iterable<{ urn: string; message: string }> {
    let plan = false;
    for (const p of ctx.stack.of(defenderPricing)) {
        const native = nativePricing.matches(p.type);
        // Classic resourceType defaults to VirtualMachines.
        const name = text(known(root(p), native ? "pricingName" : "resourceType"));
        if (name !== UNKNOWN && !isOneOf(name, ["Containers"])) {
            continue;
        }
        plan = true;
        const tier = known(root(p), native ? "pricingTier" : "tier");
        if (name === UNKNOWN || tier === undefined || isOneOf(text(tier), ["Standard"])) {
            continue;
        }
        yield {
            urn: p.urn,
            message: say({ element: label(p), node: tier, absent: "the plan stays on the Free tier", fix: "set it to \"Standard\" to turn on Defender for Containers" }),
        };
    }
    const clusters = StackCluster.all(ctx.stack);
    if (plan || clusters.length === 0 || ctx.config.managedElsewhere === true) {
        return;
    }
    const c = clusters[0];
    const add = c.spell({ native: "add a security Pricing with pricingName: \"Containers\" and pricingTier: \"Standard\"", classic: "add a SubscriptionPricing with resourceType: \"Containers\" and tier: \"Standard\"" });
    yield {
        urn: c.urn,
        message: `${c.label}: this stack has no Defender for Containers plan (no runtime threat detection, no registry image scanning); ${add}, or set managedElsewhere: true when the subscription's plan is managed in another stack.`,
    };
}

export const policy = stackPolicy<Config>(meta, check);
