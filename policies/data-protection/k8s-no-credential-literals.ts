import { configMap } from "../../lib/core/kinds";
import { excludedNamespacesConfig, NamespaceConfig } from "../../lib/config/namespaces";
import { CheckContext, PolicyMeta, resourcePolicy } from "../../lib/policy";
import { either, namespaced, objects, workloads } from "../../lib/readers";
import { ObjectView, pattern, quoted } from "../../lib/views/k8s-objects";
import { Node } from "../../lib/core/node";
import { PodSpecView } from "../../lib/views/podspec";

export interface Config extends NamespaceConfig {
    credentialNamePattern: string;
    ignoredNamePattern: string;
}

/** Names that look like they hold a credential (env vars, ConfigMap keys). */
const CREDENTIAL_NAME =
    "passw(?:or)?d|passwd|passphrase|(?:^|[-_.])pwd(?:$|[-_.])|secret|token|api[-_.]?key|access[-_.]?key|private[-_.]?key|" +
    "signing[-_.]?key|encryption[-_.]?key|account[-_.]?key|shared[-_.]?access|credential|conn(?:ection)?[-_.]?str(?:ing)?|" +
    "client[-_.]?secret|auth[-_.]?key|sas[-_.]?key|\\bsas$|bearer";
/** Names that point at a credential rather than hold one (a file path, a secret's name, a URL, a lifetime). */
const NOT_CREDENTIAL_NAME =
    "(?:[-_.](?:file|path|dir|url|uri|endpoint|name|ref|id|ttl|expiry|expires|timeout|length|size|type|header|issuer|audience|enabled|mount|key[-_.]?name|version))$";

/** Values that are credentials whatever their name: private keys and connection strings with a key or password. */
const CREDENTIAL_VALUE = [
    /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
    /(?:^|;)\s*(?:AccountKey|SharedAccessKey|SharedAccessSignature|Password|Pwd)\s*=\s*(?!\$[({])[^;\s]/im,
    /\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:(?!\$[({])[^/\s@]+@/i,
];

/** A value made only of `$(VAR)` references, which Kubernetes expands from other variables. */
const ONLY_REFERENCES = /^\s*(?:\$\([A-Za-z_][A-Za-z0-9_.-]*\)\s*)+$/;

export const meta: PolicyMeta = {
    name: "k8s-no-credential-literals",
    displayName: "Kubernetes: no credentials as literal env or ConfigMap values",
    description: "Container environment variables and ConfigMap entries do not hold credentials as literal values; credentials come from Secrets or Key Vault, mounted as files.",
    controls: ["DATA-3"],
    checks: ["K8S-07"],
    severity: "high",
    enforcementLevel: "advisory",
    cis: ["4.5.1"],
    url: "https://learn.microsoft.com/azure/aks/csi-secrets-store-driver",
    remediationSteps: [
        "Kubernetes manifest: keep credentials in a Secret (or in Azure Key Vault through the Secrets Store CSI driver) and mount them as files; at the least use `env[].valueFrom.secretKeyRef` instead of `env[].value`. Never put them in a ConfigMap.",
        "Pulumi kubernetes: create a `k8s.core.v1.Secret` (its `stringData` from a Pulumi secret) and reference it with `valueFrom: { secretKeyRef: { name, key } }` or a `secret` volume; a Pulumi secret written into `env[].value` is still stored in plain text in the workload.",
        "Detection is by name (`credentialNamePattern`, minus `ignoredNamePattern`) and by value (private keys, connection strings and URLs with a password); values are never printed.",
    ].join("\n"),
    config: {
        credentialNamePattern: {
            type: "string",
            default: CREDENTIAL_NAME,
            description: "Regular expression (case-insensitive) for env var names and ConfigMap keys that hold a credential.",
        },
        ignoredNamePattern: {
            type: "string",
            default: NOT_CREDENTIAL_NAME,
            description: "Regular expression (case-insensitive) for names that point at a credential instead of holding it (`DB_PASSWORD_FILE`, `TOKEN_URL`, `SECRET_NAME`).",
        },
        ...excludedNamespacesConfig,
    },
};

const FIX_ENV = "move it to a Secret and mount it as a file, or reference it with valueFrom.secretKeyRef";
const FIX_CM = "move it to a Secret (or Key Vault through the Secrets Store CSI driver) and mount it as a file";
const BY_VALUE = "a literal value that looks like a credential (a private key, or a connection string or URL with a password)";

/** Switch values, never credentials (`ENABLE_TOKEN_AUTH: "true"`). */
const FLAG = /^\s*(?:true|false|yes|no|on|off)\s*$/i;

/**
 * Why `value` (under `name`) is a credential literal, or undefined. A value unknown during
 * preview is read only under a credential name, so the SDK notes it and the update judges it.
 */
function finding(name: string | undefined, value: Node, isCredentialName: (s: string) => boolean): string | undefined {
    const byName = name !== undefined && isCredentialName(name);
    if (value.pending && !byName) {
        return undefined;
    }
    const raw = value.raw;
    const s = typeof raw === "string" ? raw : typeof raw === "number" ? String(raw) : undefined;
    if (s === undefined || s.trim() === "" || onlyReferences(s) || FLAG.test(s)) {
        return undefined;
    }
    if (byName) {
        return "a literal value";
    }
    return looksLikeCredentialValue(s) ? BY_VALUE : undefined;
}

function onlyReferences(s: string): boolean {
    return ONLY_REFERENCES.test(s);
}

function looksLikeCredentialValue(s: string): boolean {
    return CREDENTIAL_VALUE.some(re => re.test(s));
}

export function* check(v: PodSpecView | ObjectView, ctx: CheckContext<Config>): Iterable<string> {
    const credential = pattern(ctx.config.credentialNamePattern, CREDENTIAL_NAME);
    const ignored = pattern(ctx.config.ignoredNamePattern, NOT_CREDENTIAL_NAME);
    const isCredentialName = (s: string) => credential.test(s) && !ignored.test(s);
    if (v instanceof PodSpecView) {
        for (const c of v.containers()) {
            for (const e of c.get("env").items()) {
                const name = e.get("name");
                const what = finding(name.pending ? undefined : name.str(), e.get("value"), isCredentialName);
                if (what !== undefined) {
                    const q = quoted(name);
                    yield `${c.label()} sets ${e.path.slice(c.node.path.length + 1)}${q ? ` (${q})` : ""} to ${what}; ${FIX_ENV}.`;
                }
            }
        }
        return;
    }
    for (const [key, value] of v.get("data").entries()) {
        const what = finding(key, value, isCredentialName);
        if (what !== undefined) {
            yield `${v.label()} sets ${value.path} to ${what}; ${FIX_CM}.`;
        }
    }
    for (const [key, value] of v.get("binaryData").entries()) {
        if (isCredentialName(key) && value.hasText) {
            yield `${v.label()} sets ${value.path} to a literal value; ${FIX_CM}.`;
        }
    }
}

export const policy = resourcePolicy(meta, namespaced(either("Kubernetes workload and ConfigMap", workloads, objects(configMap))), check);
