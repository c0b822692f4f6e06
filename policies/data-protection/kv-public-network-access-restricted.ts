import { found, say } from "../../lib/core/message";
import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { VaultView } from "../../lib/views/vault";
import { vaults } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "kv-public-network-access-restricted",
    displayName: "Key Vault: not reachable from public networks",
    description: "A key vault either disables public network access or denies it by default with network ACLs.",
    controls: ["DATA-3", "NET-3"],
    checks: ["KV-02"],
    severity: "high",
    enforcementLevel: "advisory",
    mcsb: ["NS-2"],
    url: "https://learn.microsoft.com/azure/key-vault/general/network-security",
    remediationSteps: [
        "azure-native: set `properties: { publicNetworkAccess: \"disabled\" }` on the Vault and add a PrivateEndpoint (group `vault`), or set `properties.networkAcls: { defaultAction: \"Deny\", bypass: \"AzureServices\", ipRules: [...] }`.",
        "classic azure: set `publicNetworkAccessEnabled: false` on the KeyVault and add a privatelink Endpoint, or set `networkAcls: { defaultAction: \"Deny\", bypass: \"AzureServices\" }`.",
        "Make sure the deploying agent and the AKS KMS / CSI driver can still reach the vault (private endpoint, or the vault's allowed networks).",
    ].join("\n"),
};

export function* check(v: VaultView): Iterable<string> {
    const access = v.publicNetworkAccess();
    if (access.state() === false) {
        return;
    }
    const acls = v.networkDefaultAction();
    if (acls.str()?.toLowerCase() === "deny") {
        return;
    }
    const fix = `set ${access.node.path} to ${access.write(false)} and use a private endpoint, or set ${v.networkDefaultAction().path} to "Deny"`;
    const absent = "the vault accepts connections from any network";
    if (acls.present) {
        const why = access.node.present ? "" : ` (${absent})`;
        yield `${v.label()} ${found(access.node)}${why} and ${found(acls)}; ${fix}.`;
        return;
    }
    yield say({ element: v.label(), node: access.node, absent, fix });
}

export const policy = resourcePolicy(meta, vaults, check);
