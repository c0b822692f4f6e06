// One catalogue-level check instead of a copy per policy: every resource policy answers "not
// applicable", with its kind's reason and no violation, for every type token its kind does not
// match: near-miss tokens of the same provider module (a registry's Webhook, a vault's Key), the
// other provider's tokens, every Kubernetes kind, and every type of the bundled example stacks.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { allPolicies } from "../../policies";
import { validate } from "../harness";
import { K } from "../fixtures/k8s-objects";

const ROOT = path.resolve(__dirname, "..", "..", "..");

/** Near-miss and foreign tokens (gathered from the per-policy specs this replaces). */
const NEAR_MISSES = [
    "azure-native:authorization:PolicyAssignment",
    "azure-native:authorization:RoleAssignment",
    "azure-native:compute:DiskEncryptionSet",
    "azure-native:compute:VirtualMachineScaleSet",
    "azure-native:containerregistry:AgentPool",
    "azure-native:containerregistry:Registries",
    "azure-native:containerregistry:Registry",
    "azure-native:containerregistry:Replication",
    "azure-native:containerregistry:ScopeMap",
    "azure-native:containerregistry:Webhook",
    "azure-native:containerservice:ManagedCluster",
    "azure-native:containerservice:ManagedClusterSnapshot",
    "azure-native:keyvault:AccessPolicy",
    "azure-native:keyvault:Key",
    "azure-native:keyvault:ManagedHsm",
    "azure-native:keyvault:PrivateEndpointConnection",
    "azure-native:keyvault:Secret",
    "azure-native:keyvault:Vault",
    "azure-native:network:AdminRule",
    "azure-native:network:ApplicationSecurityGroup",
    "azure-native:network:LoadBalancer",
    "azure-native:network:PublicIPAddress",
    "azure-native:network:SecurityAdminConfiguration",
    "azure-native:network:Subnet",
    "azure-native:network:VirtualNetwork",
    "azure-native:operationalinsights:Table",
    "azure-native:operationalinsights:Workspace",
    "azure-native:resources:ResourceGroup",
    "azure-native:storage:StorageAccount",
    "azure:containerservice/kubernetesCluster:KubernetesCluster",
    "azure:containerservice/registryScopeMap:RegistryScopeMap",
    "azure:containerservice/registryTask:RegistryTask",
    "azure:containerservice/registryToken:RegistryToken",
    "azure:containerservice/registryWebhook:RegistryWebhook",
    "azure:keyvault/accessPolicy:AccessPolicy",
    "azure:keyvault/key:Key",
    "azure:keyvault/keyVault:KeyVault",
    "azure:keyvault/managedHardwareSecurityModule:ManagedHardwareSecurityModule",
    "azure:keyvault/secret:Secret",
    "azure:monitoring/diagnosticSetting:DiagnosticSetting",
    "azure:network/networkSecurityPerimeterAccessRule:NetworkSecurityPerimeterAccessRule",
    "azure:network/subnetNetworkSecurityGroupAssociation:SubnetNetworkSecurityGroupAssociation",
    "kubernetes:apps/v1:ControllerRevision",
    "kubernetes:core/v1:Endpoints",
    "kubernetes:core/v1:Secret",
    "kubernetes:core/v1:Service",
    "kubernetes:gateway.networking.k8s.io/v1:Gateway",
    "kubernetes:networking.k8s.io/v1:IngressClass",
    "kubernetes:networking.k8s.io/v1:NetworkPolicy",
];

function exampleTypes(): string[] {
    const dir = path.join(ROOT, "examples");
    return fs.readdirSync(dir).flatMap(ex => {
        const f = path.join(dir, ex, "recorded", "preview.json");
        return fs.existsSync(f) ? (JSON.parse(fs.readFileSync(f, "utf8")).resources as { type: string }[]).map(r => r.type) : [];
    });
}

/** Policies that give a more useful reason than their kind's for some foreign tokens. */
const OWN_REASONS: Record<string, Record<string, string>> = {
    "aks-node-ssh-disabled": {
        "azure:containerservice/kubernetesCluster:KubernetesCluster": "the classic azure provider (6.x) exposes no SSH-access setting for AKS node pools; use azure-native or NSG rules to close SSH",
        "azure:containerservice/kubernetesClusterNodePool:KubernetesClusterNodePool": "the classic azure provider (6.x) exposes no SSH-access setting for AKS node pools; use azure-native or NSG rules to close SSH",
    },
};

const CORPUS = [...new Set([...NEAR_MISSES, ...Object.values(K), ...exampleTypes()])].sort();

describe("every resource policy is not applicable to the types its kind does not match", () => {
    it("has a corpus that reaches every kind", () => {
        for (const p of allPolicies) {
            const kind = p.reader?.kind;
            if (!kind) continue;
            assert.ok(CORPUS.some(t => kind.matches(t)), `no token of ${kind.label} (${p.name}) in the corpus`);
        }
    });
    for (const p of allPolicies) {
        const kind = p.reader?.kind;
        if (!kind) continue;
        it(p.name, () => {
            const foreign = CORPUS.filter(t => !kind.matches(t));
            assert.ok(foreign.length > 40, `${foreign.length} foreign tokens`);
            for (const t of foreign) {
                // Also in a namespace the policy excludes: a foreign kind hears about its kind, not its namespace.
                for (const props of [{}, { metadata: { namespace: "kube-system" } }]) {
                    const out = validate(p, t, props);
                    assert.equal(out.notApplicable, OWN_REASONS[p.name]?.[t] ?? `applies to ${kind.label} resources only`, `${t} ${JSON.stringify(props)}`);
                    assert.deepEqual(out.violations, [], t);
                }
            }
        });
    }
});
