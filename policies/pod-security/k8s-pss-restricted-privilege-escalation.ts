import { say } from "../../lib/core/message";
import { excludedNamespacesConfig } from "../../lib/config/namespaces";
import { CheckContext, PolicyMeta, resourcePolicy } from "../../lib/policy";
import { setPath } from "../../lib/core/remediate";
import { PodSpecView } from "../../lib/views/podspec";
import { namespaced, workloads } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "k8s-pss-restricted-privilege-escalation",
    displayName: "Pod Security restricted: privilege escalation disallowed",
    description: "Every container of a Linux pod sets allowPrivilegeEscalation: false.",
    controls: ["POD-1", "POD-2"],
    checks: ["K8S-R02"],
    severity: "medium",
    enforcementLevel: "advisory",
    cis: ["4.2.5"],
    tags: ["pss-restricted"],
    url: "https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted",
    remediationSteps: [
        "Kubernetes manifest: set `securityContext.allowPrivilegeEscalation: false` on every container, init container and ephemeral container (Windows pods, `spec.os.name: windows`, are exempt).",
        "Pulumi kubernetes: in each `containers[]` / `initContainers[]` / `ephemeralContainers[]` entry of the pod spec set `securityContext: { allowPrivilegeEscalation: false }`.",
    ].join("\n"),
    config: { ...excludedNamespacesConfig },
    remediates: "sets `securityContext.allowPrivilegeEscalation: false` on every container that does not set it, except privileged containers and those adding CAP_SYS_ADMIN (the API server rejects the combination) and Windows pods",
};

export function* check(pod: PodSpecView): Iterable<string> {
    const out: string[] = [];
    for (const c of pod.containers()) {
        const n = c.sc("allowPrivilegeEscalation");
        // A …Patch leaves absent fields as they are: only what it writes is judged.
        if (n.bool() !== false && (n.present || !pod.patch)) {
            out.push(say({ element: c.label(), node: n, base: c.node, absent: "a process can gain more privileges than its parent, e.g. through setuid binaries", fix: "set it to false" }));
        }
    }
    // Policy version 1.25+: Windows pods are exempt (read only when it matters).
    if (out.length > 0 && pod.field("os.name").str() !== "windows") {
        yield* out;
    }
}

/** The pod spec inside a workload's props, and its container lists (raw, through the SDK's proxy). */
function podSpec(props: Record<string, unknown>, ctx: CheckContext<unknown>): Record<string, unknown> | undefined {
    const view = PodSpecView.read(ctx.type, props)[0];
    const spec = view?.spec.raw;
    return typeof spec === "object" && spec !== null && !Array.isArray(spec) ? (spec as Record<string, unknown>) : undefined;
}

export function remediate(props: Record<string, unknown>, ctx: CheckContext<unknown>): boolean {
    const spec = podSpec(props, ctx);
    if (!spec || (spec.os as { name?: unknown } | undefined)?.name === "windows") return false;
    let changed = false;
    for (const list of ["containers", "initContainers", "ephemeralContainers"]) {
        const cs = spec[list];
        if (!Array.isArray(cs)) continue;
        for (const c of cs) {
            if (typeof c !== "object" || c === null || Array.isArray(c)) continue;
            const sc = (c as Record<string, unknown>).securityContext as Record<string, unknown> | undefined;
            if (sc !== undefined && (typeof sc !== "object" || sc === null)) continue;
            if (sc && (sc.allowPrivilegeEscalation === false || sc.privileged === true)) continue;
            const add = (sc?.capabilities as { add?: unknown } | undefined)?.add;
            if (Array.isArray(add) && add.some(a => a === "SYS_ADMIN" || a === "CAP_SYS_ADMIN")) continue;
            changed = setPath(c as Record<string, unknown>, ["securityContext", "allowPrivilegeEscalation"], false) || changed;
        }
    }
    return changed;
}

export const policy = resourcePolicy(meta, namespaced(workloads), check, { remediate });
