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

import { RunResult, Violation } from "./engine";

const LEVEL_RANK: Record<string, number> = { remediate: 0, mandatory: 1, advisory: 2, disabled: 3 };
const SEVERITY_RANK: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3, "": 4 };

/** tokens.Type.DisplayName: `azure:containerservice/kubernetesCluster:KubernetesCluster` -> `azure:containerservice:KubernetesCluster`. */
export function typeDisplayName(type: string): string {
    const parts = type.split(":");
    if (parts.length !== 3 || !parts[2]) return type;
    const [pkg, mod, name] = parts;
    const slash = mod.lastIndexOf("/");
    if (slash < 0) return type;
    const file = mod.slice(slash + 1);
    return file === name.charAt(0).toLowerCase() + name.slice(1) ? `${pkg}:${mod.slice(0, slash)}:${name}` : type;
}

/** The URN's type and name parts (`urn:pulumi:<stack>::<project>::<qualified type>::<name>`). */
export function urnParts(urn: string): { type: string; name: string } | undefined {
    if (!urn.startsWith("urn:pulumi:")) return undefined;
    const parts = urn.split("::");
    if (parts.length < 4) return undefined;
    const qualified = parts[2];
    return { type: qualified.slice(qualified.lastIndexOf("$") + 1), name: parts.slice(3).join("::") };
}

export function sortViolations<T extends Violation>(vs: T[]): T[] {
    return [...vs].sort(
        (a, b) =>
            (LEVEL_RANK[a.enforcementLevel] ?? 99) - (LEVEL_RANK[b.enforcementLevel] ?? 99) ||
            (SEVERITY_RANK[a.severity] ?? 99) - (SEVERITY_RANK[b.severity] ?? 99) ||
            cmp(a.policyName, b.policyName) ||
            cmp(a.urn, b.urn),
    );
}

function cmp(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

export function violationLines(v: Violation): string[] {
    const severity = v.severity ? ` [severity: ${v.severity}]` : "";
    const u = urnParts(v.urn);
    const clause = u ? `  (${typeDisplayName(u.type)}: ${u.name})` : "";
    const head = `        - [${v.enforcementLevel}]${severity}  ${v.policyName}${clause}`;
    return [head, ...v.message.replace(/\n$/, "").split("\n").map(l => `          ${l}`)];
}

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
