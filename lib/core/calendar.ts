// The AKS Kubernetes release calendar (data/aks-release-calendar.json: Microsoft's table, with
// its source and the date it was read) and what it says about a version on a given day.
// docs/aks-release-calendar.md says how to refresh the data.

import data from "../../data/aks-release-calendar.json";
import { parseVersion, Version } from "./version";

export interface Release {
    version: string;
    ga: string;
    /** `YYYY-MM` (through the end of that month) or `YYYY-MM-DD`. */
    endOfStandardSupport: string;
    endOfLts?: string | null;
}

/** The date the calendar was read from its source (named in messages, so staleness shows). */
export const CALENDAR_READ: string = data.read;
const RELEASES: readonly (Release & { v: Version })[] = (data.versions as Release[])
    .map(r => ({ ...r, v: parseVersion(r.version)! }))
    .sort((a, b) => a.v.major - b.v.major || a.v.minor - b.v.minor);

/** The last day a calendar date covers: `2026-03` is 2026-03-31, `2025-08-22` itself. */
export function lastDay(d: string): string {
    if (/^\d{4}-\d{2}-\d{2}$/.test(d)) {
        return d;
    }
    const [y, m] = d.split("-").map(Number);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${d}-${String(last).padStart(2, "0")}`;
}

/**
 * Today as YYYY-MM-DD (UTC). `AKS_SECURITY_BASELINE_TODAY=YYYY-MM-DD` pins the day, for
 * reproducible runs and tests; anything else in it is ignored.
 */
export function today(): string {
    const pinned = process.env.AKS_SECURITY_BASELINE_TODAY;
    if (pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned) && !Number.isNaN(Date.parse(pinned))) {
        return pinned;
    }
    return new Date().toISOString().slice(0, 10);
}

export type Support =
    | { state: "standard"; until: string }
    | { state: "lts"; until: string }
    /** Out of support: `ended` is the last day of standard support, `ltsUntil` when LTS would still cover it. */
    | { state: "ended"; ended: string; ltsUntil?: string }
    /** Newer than every listed minor (a calendar older than the version): accepted. */
    | { state: "newer" }
    /** Older than every listed minor: out of support long ago. */
    | { state: "older" };

/** The support state of `v`'s minor on `day`; `lts` when the cluster is enrolled in long-term support. */
export function supportOf(v: Version, day: string, lts: boolean): Support {
    const r = RELEASES.find(x => x.v.major === v.major && x.v.minor === v.minor);
    if (!r) {
        const newest = RELEASES[RELEASES.length - 1];
        const newer = v.major > newest.v.major || (v.major === newest.v.major && v.minor > newest.v.minor);
        return newer ? { state: "newer" } : { state: "older" };
    }
    const std = lastDay(r.endOfStandardSupport);
    if (day <= std) {
        return { state: "standard", until: std };
    }
    const ltsEnd = r.endOfLts ? lastDay(r.endOfLts) : undefined;
    if (ltsEnd && day <= ltsEnd) {
        return lts ? { state: "lts", until: ltsEnd } : { state: "ended", ended: std, ltsUntil: ltsEnd };
    }
    return { state: "ended", ended: std };
}

/** The oldest minor in standard support on `day` (as "1.35"), or undefined when the calendar has none left. */
export function oldestSupported(day: string): string | undefined {
    return RELEASES.find(r => day <= lastDay(r.endOfStandardSupport))?.version;
}
