// Azure Container Registry, Key Vault and network resource policies, in the order the docs list them.
import { PackPolicy } from "../lib/policy";
import * as kvPublicAccess from "./data-protection/kv-public-network-access-restricted";
import * as kvPurgeProtection from "./data-protection/kv-purge-protection-enabled";
import * as kvRbac from "./data-protection/kv-rbac-authorization-enabled";
import * as acrAdminUser from "./images/acr-admin-user-disabled";
import * as acrAnonymousPull from "./images/acr-anonymous-pull-disabled";
import * as acrCustomerManagedKey from "./images/acr-customer-managed-key-enabled";
import * as acrPublicAccess from "./images/acr-public-network-access-restricted";
import * as acrQuarantine from "./images/acr-quarantine-policy-enabled";
import * as acrRetention from "./images/acr-retention-policy-enabled";
import * as acrSku from "./images/acr-sku-premium";
import * as monitoringWorkspacePublicAccess from "./monitoring/monitoring-workspace-public-access-disabled";
import * as nsgManagementPorts from "./network/nsg-management-ports-restricted";

export const azurePolicies: PackPolicy[] = [
    acrAdminUser.policy,
    acrAnonymousPull.policy,
    acrPublicAccess.policy,
    acrSku.policy,
    acrQuarantine.policy,
    acrCustomerManagedKey.policy,
    acrRetention.policy,
    kvPurgeProtection.policy,
    kvPublicAccess.policy,
    kvRbac.policy,
    nsgManagementPorts.policy,
    monitoringWorkspacePublicAccess.policy,
];
