// The library entry, `require("aks-security-baseline/policies")`: the pack's policies for an
// org's own pack, with their metadata. Importing it starts nothing (no PolicyPack is served:
// that is index.ts, the pack itself); it installs the secret masking and the SDK adjustments
// (lib/serve/sdk.ts) on the @pulumi/policy that will serve the policies.
//
//   import { PolicyPack } from "@pulumi/policy";
//   import { selectPolicies } from "aks-security-baseline/policies";
//   new PolicyPack("org-pack", { policies: [...selectPolicies({ controls: ["NET-3"] }), ownPolicy] });

import * as path from "path";
import { installSdkAdjustments } from "./lib/serve/sdk";
import { PackPolicy } from "./lib/policy";
import { allPolicies } from "./policies";

export { allPolicies };
export { pssBaselinePolicies, pssRestrictedPolicies, podSecurityPolicies } from "./policies";
export type { PackPolicy, PolicyMeta } from "./lib/policy";
export type { ControlId } from "./baseline/controls";
export { controls } from "./baseline/controls";
export { checks } from "./baseline/checks";

export type Severity = "low" | "medium" | "high" | "critical";

export interface Selection {
    /** Baseline control ids (`NET-3`): a policy that enforces any of them. */
    controls?: string[];
    /** Baseline check ids (`AKS-08`): a policy that cites any of them. */
    checks?: string[];
    /** Severities: a policy of any of them. */
    severity?: Severity[];
    /** Tags (`pss-baseline`, `cis-aks:5.4.2`, `mcsb:NS-2`): a policy that carries any of them. */
    tags?: string[];
    /** Policy names: exactly these (an unknown name is an error, so a typo never drops a policy silently). */
    names?: string[];
}

/**
 * The policies that match every criterion given (any value of a list matches), in the pack's
 * order. With no criterion, all of them.
 */
export function selectPolicies(sel: Selection = {}): PackPolicy[] {
    if (sel.names) {
        const known = new Set(allPolicies.map(p => p.name));
        const unknown = sel.names.filter(n => !known.has(n));
        if (unknown.length) throw new Error(`selectPolicies: no policy named ${unknown.map(n => JSON.stringify(n)).join(", ")} in aks-security-baseline`);
    }
    const any = (list: string[] | undefined, values: readonly string[]) => list === undefined || list.some(v => values.includes(v));
    return allPolicies.filter(
        p =>
            any(sel.controls, p.meta.controls) &&
            any(sel.checks, p.meta.checks) &&
            any(sel.severity, [p.meta.severity]) &&
            any(sel.tags, p.tags ?? []) &&
            any(sel.names, [p.name]),
    );
}

/**
 * The masking of secrets in messages is installed on the @pulumi/policy this module loads. An
 * org pack that loads another copy would serve our policies without it and could print a secret:
 * refuse that at import, with the fix.
 */
function checkSameSdk(): void {
    const ours = require.resolve("@pulumi/policy");
    const main = require.main?.filename;
    if (!main) return;
    let theirs: string;
    try {
        theirs = require.resolve("@pulumi/policy", { paths: [path.dirname(main)] });
    } catch {
        return;
    }
    if (theirs !== ours) {
        throw new Error(
            `aks-security-baseline/policies: the pack that serves these policies loads @pulumi/policy from ${theirs}, ` +
                `but they were built against ${ours}; install the same version (npm dedupe, or @pulumi/policy@${require("@pulumi/policy/package.json").version.replace(/^v/, "")}) so that secrets stay masked`,
        );
    }
}

installSdkAdjustments();
checkSameSdk();
