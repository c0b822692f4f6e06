// How the Pulumi CLI prints one policy violation (pkg/backend/display/diff.go
// renderDiffPolicyViolationEvent, policyResourceClause; progress.go printPolicies): shared by
// engine/display.ts (the CLI stand-in) and the report's text format.
//
//         - [mandatory] [severity: critical]  aks-api-server-access-restricted  (azure-native:containerservice:ManagedCluster: aks)
//           <message line>
//
// sorted by enforcement level (remediate, mandatory, advisory), severity (critical first),
// policy name and URN.

export interface ViolationLike {
    policyName: string;
    enforcementLevel: string;
    severity: string;
    message: string;
    urn: string;
}

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

function cmp(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

export function sortViolations<T extends ViolationLike>(vs: T[]): T[] {
    return [...vs].sort(
        (a, b) =>
            (LEVEL_RANK[a.enforcementLevel] ?? 99) - (LEVEL_RANK[b.enforcementLevel] ?? 99) ||
            (SEVERITY_RANK[a.severity] ?? 99) - (SEVERITY_RANK[b.severity] ?? 99) ||
            cmp(a.policyName, b.policyName) ||
            cmp(a.urn, b.urn),
    );
}

export function violationLines(v: ViolationLike): string[] {
    const severity = v.severity ? ` [severity: ${v.severity}]` : "";
    const u = urnParts(v.urn);
    const clause = u ? `  (${typeDisplayName(u.type)}: ${u.name})` : "";
    const head = `        - [${v.enforcementLevel}]${severity}  ${v.policyName}${clause}`;
    return [head, ...v.message.replace(/\n$/, "").split("\n").map(l => `          ${l}`)];
}
