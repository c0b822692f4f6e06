import { say } from "../../lib/core/message";
import { excludedNamespacesConfig } from "../../lib/config/namespaces";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { listValues, ObjectView, sayWhich } from "../../lib/views/k8s-objects";
import { ingress } from "../../lib/core/kinds";
import { namespaced, objects } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "k8s-ingress-tls-enabled",
    displayName: "Kubernetes: Ingress terminates TLS for every host",
    description: "Every Ingress serves its hosts over HTTPS: spec.tls covers every host of spec.rules (and the default backend).",
    controls: ["DATA-2"],
    checks: ["K8S-14"],
    severity: "high",
    enforcementLevel: "advisory",
    cis: ["5.4.5"],
    mcsb: ["DP-3"],
    url: "https://kubernetes.io/docs/concepts/services-networking/ingress/#tls",
    remediationSteps: [
        "Kubernetes manifest: add `spec.tls: [{ hosts: [<every rule host>], secretName: <certificate secret> }]` to the Ingress (cert-manager or the AKS application routing add-on with Key Vault certificates can issue the secret).",
        "Pulumi kubernetes: set `spec.tls` on the `k8s.networking.v1.Ingress` with the hosts of every `spec.rules[]` entry and the certificate's `secretName`; a `tls` entry without `hosts` covers rules without a host.",
    ].join("\n"),
    config: { ...excludedNamespacesConfig },
};

/** Does the TLS host entry cover `host`? Exact, or `*.example.com` for one label under it. */
function covers(entry: string, host: string): boolean {
    if (entry === host) return true;
    return entry.startsWith("*.") && host.endsWith(entry.slice(1)) && host.split(".").length === entry.split(".").length;
}

export function* check(ing: ObjectView): Iterable<string> {
    const spec = ing.get("spec");
    const tls = spec.get("tls");
    if (ing.patch && !tls.present) {
        return;
    }
    const entries = tls.items();
    const hosts: string[] = [];
    let catchAll = false;
    for (const t of entries) {
        const h = t.get("hosts");
        if (!h.present || (h.isArray && h.items().length === 0)) {
            catchAll = true;
        }
        for (const x of listValues(h)) {
            const s = x.str();
            if (s !== undefined) hosts.push(s.trim().toLowerCase());
        }
    }
    const rules = spec.get("rules").items();
    if (rules.length === 0) {
        const backend = spec.first("backend", "defaultBackend");
        if (backend.present && entries.length === 0) {
            yield say({ element: ing.label(), node: tls, absent: "the default backend is served over plain HTTP", fix: "add a tls entry with the certificate's secretName" });
        }
        return;
    }
    for (const r of rules) {
        const host = r.get("host");
        const s = host.str()?.trim().toLowerCase();
        if (s === undefined || s === "") {
            if (!catchAll) {
                yield say({ element: r.path, node: host, base: r, absent: "the rule answers every host name over plain HTTP: no spec.tls entry without hosts covers it", fix: "set host and list it in spec.tls[].hosts" });
            }
        } else if (!catchAll && !hosts.some(e => covers(e, s))) {
            yield sayWhich(r.path, host, r, "no spec.tls[].hosts entry covers, so it is served over plain HTTP", "add it to spec.tls[].hosts with the certificate's secretName");
        }
    }
}

export const policy = resourcePolicy(meta, namespaced(objects(ingress)), check);
