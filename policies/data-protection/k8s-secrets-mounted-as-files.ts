import { excludedNamespacesConfig } from "../../lib/config/namespaces";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { quoted } from "../../lib/views/k8s-objects";
import { PodSpecView } from "../../lib/views/podspec";
import { namespaced, workloads } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "k8s-secrets-mounted-as-files",
    displayName: "Kubernetes: Secrets mounted as files, not environment variables",
    description: "Containers read Secrets from mounted files, not from environment variables (env[].valueFrom.secretKeyRef, envFrom[].secretRef), which leak into logs, crash dumps, child processes and `kubectl describe`.",
    controls: ["DATA-3"],
    checks: ["K8S-07"],
    severity: "medium",
    enforcementLevel: "advisory",
    strictLevel: "advisory",
    url: "https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-files-from-a-pod",
    remediationSteps: [
        "Kubernetes manifest: add a `secret` volume (`volumes: [{ name: \"db\", secret: { secretName: \"db\" } }]`) and a `volumeMounts` entry in the container, and have the application read the file (many images accept `<NAME>_FILE` variables for this).",
        "With Azure Key Vault: mount the secret through the Secrets Store CSI driver (`csi: { driver: \"secrets-store.csi.k8s.io\" }` with a SecretProviderClass) instead of syncing it into an environment variable.",
        "Pulumi kubernetes: the same fields in `spec.template.spec`; drop `valueFrom.secretKeyRef` from `env[]` and `secretRef` from `envFrom[]`.",
    ].join("\n"),
    config: { ...excludedNamespacesConfig },
};

const FIX = "mount the Secret as a file instead (a secret volume, or Key Vault through the Secrets Store CSI driver)";

export function* check(pod: PodSpecView): Iterable<string> {
    for (const c of pod.containers()) {
        const rel = (path: string) => path.slice(c.node.path.length + 1);
        for (const e of c.get("env").items()) {
            const ref = e.get("valueFrom.secretKeyRef");
            if (ref.isObject) {
                const name = quoted(e.get("name"));
                const secret = quoted(ref.get("name"));
                yield `${c.label()} sets ${rel(e.path)}${name ? ` (${name})` : ""} from ${secret ? `Secret ${secret}` : "a Secret"} through ${rel(ref.path)}; ${FIX}.`;
            }
        }
        for (const e of c.get("envFrom").items()) {
            const ref = e.get("secretRef");
            if (ref.isObject) {
                const secret = quoted(ref.get("name"));
                yield `${c.label()} sets ${rel(ref.path)}${secret ? ` (Secret ${secret})` : ""}, which turns every key of the Secret into an environment variable; ${FIX}.`;
            }
        }
    }
}

export const policy = resourcePolicy(meta, namespaced(workloads), check);
