// How many findings one policy reports for one resource. A Deployment with 10,000 insecure
// containers, or a ClusterRole with 10,000 wildcard rules, would otherwise draw tens of
// thousands of diagnostics, which the CLI prints and Pulumi Cloud stores one by one. A
// policy reports the first `maxFindingsPerResource` (default 20), then one line saying how
// many more there were and where the first of them are.
//
// The setting is one every policy takes (not a pack-wide one): the CLI's `all` entry carries
// only the enforcement level, so a pack-wide value could not be configured.

import type { ConfigProperty } from "../core/meta";
import { clip } from "../core/node";

export const DEFAULT_MAX_FINDINGS = 20;
/** How many of the findings beyond the cap the summary line names. */
const NAMED = 3;

export const FINDINGS_CONFIG: Record<string, ConfigProperty> = {
    maxFindingsPerResource: {
        type: "integer",
        minimum: 0,
        default: DEFAULT_MAX_FINDINGS,
        description: "Findings this policy reports for one resource before it sums up the rest in one line (\"... and N more of the same kind\", naming the first of them); 0 reports every finding.",
    },
};

const SETS = / (?:sets|does not set) /;
/** `Deployment "web": ` before a workload's element, `("web")` after a named element. */
const OWNER = /^\S+ "(?:[^"\\]|\\.)*": /;
const LABEL = / \("(?:[^"\\]|\\.)*"\)$/;
const PATHLIKE = /^(?:[A-Za-z_$][\w$]*|\[\d+\])(?:\.[A-Za-z_$][\w$]*|\[[^\]]*\])*$/;

/**
 * Where a finding is, from its wording (lib/core/message.ts `say`: `<element> sets <path>: ...`):
 * the element's path joined with the property's, `spec.template.spec.containers[3].image`,
 * `rules[7].verbs[0]`; the property path alone when the element is not a path
 * (`The cluster`); else the message's start.
 */
export function whereOf(message: string): string {
    const m = SETS.exec(message);
    if (!m) return clip(message, 60);
    const rest = message.slice(m.index + m[0].length);
    const rel = /^[^\s:;(,]+/.exec(rest)?.[0] ?? "";
    const element = message.slice(0, m.index).replace(OWNER, "").replace(LABEL, "");
    if (!PATHLIKE.test(element)) return rel || clip(message, 60);
    if (!rel) return element;
    return rel.startsWith("[") ? `${element}${rel}` : `${element}.${rel}`;
}

/** The configured cap: a non-negative integer, else the default (lib/config/settings.ts keeps bad values out). */
export function capOf(configured: unknown): number {
    return typeof configured === "number" && Number.isInteger(configured) && configured >= 0 ? configured : DEFAULT_MAX_FINDINGS;
}

/** Counts one policy's findings for one resource and decides which are reported. */
export class FindingCap {
    private shown = 0;
    private more = 0;
    private readonly named: string[] = [];

    constructor(private readonly max: number) {}

    /** Whether to report this finding; the ones beyond the cap are counted and the first named. */
    admit(message: string): boolean {
        if (this.max === 0 || this.shown < this.max) {
            this.shown++;
            return true;
        }
        this.more++;
        if (this.named.length < NAMED) this.named.push(whereOf(message));
        return false;
    }

    /** The line that stands for the findings beyond the cap, if there were any. */
    summary(): string | undefined {
        if (this.more === 0) return undefined;
        const n = this.named;
        const list = n.length > 1 ? `${n.slice(0, -1).join(", ")} and ${n[n.length - 1]}` : n[0];
        const which = this.more > n.length ? `, starting with ${list}` : `: ${list}`;
        return `... and ${this.more} more of the same kind (${this.shown + this.more} in all; maxFindingsPerResource shows ${this.max})${which}.`;
    }
}

/** The summary line for a Deployment with 10,000 privileged containers (for the docs). */
export function capExample(): string {
    const cap = new FindingCap(DEFAULT_MAX_FINDINGS);
    for (let i = 0; i < 10_000; i++) {
        cap.admit(`Deployment "web": spec.template.spec.containers[${i}] ("c${i}") sets securityContext.privileged: true; set it to false.`);
    }
    return cap.summary()!;
}
