// AKS cluster and node-pool resource policies, in the order the docs list them.
import { PackPolicy } from "../lib/policy";
import * as azurePolicyAddon from "./governance/aks-azure-policy-addon-enabled";
import * as diskEncryptionSet from "./data-protection/aks-disk-encryption-set-configured";
import * as encryptionAtHost from "./data-protection/aks-encryption-at-host-enabled";
import * as entraId from "./identity/aks-entra-id-enabled";
import * as containerInsights from "./monitoring/aks-container-insights-enabled";
import * as apiServerAccess from "./network/aks-api-server-access-restricted";
import * as privateCluster from "./network/aks-private-cluster-enabled";

export const aksPolicies: PackPolicy[] = [
    entraId.policy,
    privateCluster.policy,
    apiServerAccess.policy,
    diskEncryptionSet.policy,
    encryptionAtHost.policy,
    containerInsights.policy,
    azurePolicyAddon.policy,
];
