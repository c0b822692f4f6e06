// The "Policies:" section of `pulumi preview` / `pulumi up` / `pulumi policy analyze`, as the
// CLI prints it (pkg/backend/display/progress.go printPolicies, diff.go
// renderDiffPolicyViolationEvent, policyResourceClause): one header per pack, a summary of
// remediations, then every violation sorted by enforcement level (remediate, mandatory,
// advisory), severity (critical first), policy name and URN:
//
//   Policies:
//       ❌ aks-security-baseline@v0.1.0 (local: ../aks-security-baseline)
//           - [mandatory] [severity: critical]  aks-api-server-access-restricted  (azure-native:containerservice:ManagedCluster: aks)
//             <description>
//             <message>
//
// Not-applicable answers (and their reasons) are never shown: the CLI only counts them in a
// policy summary it does not display.

import { RunResult } from "./engine";
import { sortViolations, violationLines } from "../tools/cli-display";

export { sortViolations, typeDisplayName, urnParts, violationLines } from "../tools/cli-display";

/** The Policies section for one pack's run. `local` is the --policy-pack path as given. */
export function renderPolicies(pack: { name: string; version: string; local?: string }, run: Pick<RunResult, "violations" | "remediated">): string {
    const out = ["Policies:"];
    const mark = run.violations.some(v => v.enforcementLevel === "mandatory") ? "❌" : run.violations.length ? "⚠️" : "✅";
    out.push(`    ${mark} ${pack.name}@v${pack.version}${pack.local ? ` (local: ${pack.local})` : ""}`);
    const counts = new Map<string, number>();
    for (const r of run.remediated) counts.set(r.policyName, (counts.get(r.policyName) ?? 0) + 1);
    for (const name of [...counts.keys()].sort()) {
        const n = counts.get(name)!;
        out.push(`        - [remediate]  ${name}  (${n} ${n === 1 ? "resource" : "resources"})`);
    }
    for (const v of sortViolations(run.violations)) out.push(...violationLines(v));
    out.push("");
    return out.join("\n");
}
