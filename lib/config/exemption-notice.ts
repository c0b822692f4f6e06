// Exemptions made visible. The Pulumi CLI never shows not-applicable answers or their reasons
// (they feed only a summary it does not display), so an exemption that is simply "not
// applicable" is invisible. While a configured exemption is within `exemptionNoticeDays` of
// its expiry, the policy instead reports one ADVISORY violation for the resource naming the
// exemption, its reason, owner and expiry: it never blocks, and it shows only when someone
// has to act.

import type { ConfigProperty } from "../core/meta";
import type { Exemption } from "./exemptions";

export const NOTICE_CONFIG: Record<string, ConfigProperty> = {
    exemptionNoticeDays: {
        type: "integer",
        minimum: 0,
        default: 30,
        description: "Days before an exemption's expiry during which the exempted resource gets an advisory notice naming the exemption (0: never).",
    },
};

/** Whole days from `now`'s UTC date to `expires` (YYYY-MM-DD): 0 on the last day, negative once expired. */
export function daysLeft(expires: string, now: Date): number | undefined {
    const end = Date.parse(`${expires}T00:00:00Z`);
    if (Number.isNaN(end)) return undefined;
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    return Math.round((end - today) / 86_400_000);
}

/** The advisory notice for an exemption close to expiry, or undefined outside the window. */
export function expiryNotice(e: Exemption | undefined, windowDays: unknown, now: Date = new Date()): string | undefined {
    if (!e || typeof e.expires !== "string") return undefined;
    const window = typeof windowDays === "number" && Number.isFinite(windowDays) ? windowDays : 30;
    const left = daysLeft(e.expires, now);
    if (left === undefined || left < 0 || left >= window) return undefined;
    const when = left === 0 ? "today" : left === 1 ? "tomorrow" : `in ${left} days`;
    const owner = e.owner ? ` (owner ${e.owner})` : "";
    return `Exempted by the policy configuration: "${e.reason}"${owner}, until ${e.expires}, which is ${when}; after that this policy reports the resource again. Renew the exemption's "expires" or fix the resource.`;
}
