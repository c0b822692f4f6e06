// allPolicies: the one explicit list the pack, the docs and the tests read, in the baseline's
// check order (baseline/checks.ts: AKS-01 ... K8S-16; a policy sits at its first check). A policy
// lives in the folder of its first control's area (tests/unit/catalogue.test.ts holds both).

import { PackPolicy } from "../lib/policy";
import { policy as aksEntraIdEnabled } from "./identity/aks-entra-id-enabled";
import { policy as aksLocalAccountsDisabled } from "./identity/aks-local-accounts-disabled";
import { policy as aksKubernetesRbacEnabled } from "./identity/aks-kubernetes-rbac-enabled";
import { policy as aksAzureRbacEnabled } from "./identity/aks-azure-rbac-enabled";
import { policy as aksAdminGroupsConfigured } from "./identity/aks-admin-groups-configured";
import { policy as aksManagedIdentityUsed } from "./identity/aks-managed-identity-used";
import { policy as aksWorkloadIdentityEnabled } from "./identity/aks-workload-identity-enabled";
import { policy as aksPrivateClusterEnabled } from "./network/aks-private-cluster-enabled";
import { policy as aksApiServerAccessRestricted } from "./network/aks-api-server-access-restricted";
import { policy as aksNodePoolVnetSubnetConfigured } from "./network/aks-node-pool-vnet-subnet-configured";
import { policy as aksAzureCniEnabled } from "./network/aks-azure-cni-enabled";
import { policy as aksNetworkPolicyEnabled } from "./network/aks-network-policy-enabled";
import { policy as aksNodePublicIpDisabled } from "./network/aks-node-public-ip-disabled";
import { policy as aksEgressControlled } from "./network/aks-egress-controlled";
import { policy as aksDiskEncryptionSetConfigured } from "./data-protection/aks-disk-encryption-set-configured";
import { policy as aksEncryptionAtHostEnabled } from "./data-protection/aks-encryption-at-host-enabled";
import { policy as aksKmsEtcdEncryptionEnabled } from "./data-protection/aks-kms-etcd-encryption-enabled";
import { policy as aksSecretsStoreCsiRotationEnabled } from "./data-protection/aks-secrets-store-csi-rotation-enabled";
import { policy as aksContainerInsightsEnabled } from "./monitoring/aks-container-insights-enabled";
import { policy as aksControlPlaneLogsEnabled } from "./monitoring/aks-control-plane-logs-enabled";
import { policy as aksDefenderSensorEnabled } from "./monitoring/aks-defender-sensor-enabled";
import { policy as aksDefenderForContainersEnabled } from "./monitoring/aks-defender-for-containers-enabled";
import { policy as aksSentinelOnboarded } from "./monitoring/aks-sentinel-onboarded";
import { policy as aksAzurePolicyAddonEnabled } from "./governance/aks-azure-policy-addon-enabled";
import { policy as aksDeploymentSafeguardsEnforced } from "./governance/aks-deployment-safeguards-enforced";
import { policy as aksClusterAutoUpgradeEnabled } from "./nodes/aks-cluster-auto-upgrade-enabled";
import { policy as aksNodeOsAutoUpgradeEnabled } from "./nodes/aks-node-os-auto-upgrade-enabled";
import { policy as aksMaintenanceWindowConfigured } from "./nodes/aks-maintenance-window-configured";
import { policy as aksKubernetesVersionSupported } from "./nodes/aks-kubernetes-version-supported";
import { policy as aksImageCleanerEnabled } from "./images/aks-image-cleaner-enabled";
import { policy as aksNodeSshDisabled } from "./nodes/aks-node-ssh-disabled";
import { policy as aksRunCommandDisabled } from "./network/aks-run-command-disabled";
import { policy as aksInsecureAddonsDisabled } from "./governance/aks-insecure-addons-disabled";
import { policy as acrAdminUserDisabled } from "./images/acr-admin-user-disabled";
import { policy as acrAnonymousPullDisabled } from "./images/acr-anonymous-pull-disabled";
import { policy as acrPublicNetworkAccessRestricted } from "./images/acr-public-network-access-restricted";
import { policy as acrSkuPremium } from "./images/acr-sku-premium";
import { policy as acrQuarantinePolicyEnabled } from "./images/acr-quarantine-policy-enabled";
import { policy as acrCustomerManagedKeyEnabled } from "./data-protection/acr-customer-managed-key-enabled";
import { policy as acrRetentionPolicyEnabled } from "./images/acr-retention-policy-enabled";
import { policy as acrKubeletAcrPullAssigned } from "./identity/acr-kubelet-acr-pull-assigned";
import { policy as kvPurgeProtectionEnabled } from "./data-protection/kv-purge-protection-enabled";
import { policy as kvPublicNetworkAccessRestricted } from "./data-protection/kv-public-network-access-restricted";
import { policy as kvRbacAuthorizationEnabled } from "./data-protection/kv-rbac-authorization-enabled";
import { policy as monitoringWorkspacePublicAccessDisabled } from "./network/monitoring-workspace-public-access-disabled";
import { policy as aksNodeSubnetNsgAttached } from "./network/aks-node-subnet-nsg-attached";
import { policy as nsgManagementPortsRestricted } from "./network/nsg-management-ports-restricted";
import { policy as azurePrivateEndpointsConfigured } from "./network/azure-private-endpoints-configured";
import { policy as aksBastionHostPresent } from "./network/aks-bastion-host-present";
import { policy as aksBackupConfigured } from "./backup/aks-backup-configured";
import { policy as aksAdminRolesAssignedToGroups } from "./identity/aks-admin-roles-assigned-to-groups";
import { policy as k8sPssBaselineHostProcess } from "./pod-security/k8s-pss-baseline-host-process";
import { policy as k8sPssBaselineHostNamespaces } from "./pod-security/k8s-pss-baseline-host-namespaces";
import { policy as k8sPssBaselinePrivileged } from "./pod-security/k8s-pss-baseline-privileged";
import { policy as k8sPssBaselineCapabilities } from "./pod-security/k8s-pss-baseline-capabilities";
import { policy as k8sPssBaselineHostPathVolumes } from "./pod-security/k8s-pss-baseline-host-path-volumes";
import { policy as k8sPssBaselineHostPorts } from "./pod-security/k8s-pss-baseline-host-ports";
import { policy as k8sPssBaselineHostProbesLifecycle } from "./pod-security/k8s-pss-baseline-host-probes-lifecycle";
import { policy as k8sPssBaselineApparmor } from "./pod-security/k8s-pss-baseline-apparmor";
import { policy as k8sPssBaselineSelinux } from "./pod-security/k8s-pss-baseline-selinux";
import { policy as k8sPssBaselineProcMount } from "./pod-security/k8s-pss-baseline-proc-mount";
import { policy as k8sPssRestrictedProcMount } from "./pod-security/k8s-pss-restricted-proc-mount";
import { policy as k8sPssBaselineSeccomp } from "./pod-security/k8s-pss-baseline-seccomp";
import { policy as k8sPssBaselineSysctls } from "./pod-security/k8s-pss-baseline-sysctls";
import { policy as k8sPssRestrictedVolumeTypes } from "./pod-security/k8s-pss-restricted-volume-types";
import { policy as k8sPssRestrictedPrivilegeEscalation } from "./pod-security/k8s-pss-restricted-privilege-escalation";
import { policy as k8sPssRestrictedRunAsNonRoot } from "./pod-security/k8s-pss-restricted-run-as-non-root";
import { policy as k8sPssRestrictedRunAsUser } from "./pod-security/k8s-pss-restricted-run-as-user";
import { policy as k8sPssRestrictedSeccomp } from "./pod-security/k8s-pss-restricted-seccomp";
import { policy as k8sPssRestrictedCapabilities } from "./pod-security/k8s-pss-restricted-capabilities";
import { policy as k8sContainerReadOnlyRootFilesystem } from "./pod-security/k8s-container-read-only-root-filesystem";
import { policy as k8sServiceAccountTokenNotAutomounted } from "./identity/k8s-service-account-token-not-automounted";
import { policy as k8sWorkloadDedicatedServiceAccount } from "./identity/k8s-workload-dedicated-service-account";
import { policy as k8sImageFromTrustedRegistry } from "./images/k8s-image-from-trusted-registry";
import { policy as k8sImageTagPinned } from "./images/k8s-image-tag-pinned";
import { policy as k8sImagePullPolicyAlways } from "./images/k8s-image-pull-policy-always";
import { policy as k8sNoCredentialLiterals } from "./data-protection/k8s-no-credential-literals";
import { policy as k8sSecretsMountedAsFiles } from "./data-protection/k8s-secrets-mounted-as-files";
import { policy as k8sNamespaceDefaultDenyNetworkPolicy } from "./network/k8s-namespace-default-deny-network-policy";
import { policy as k8sRbacNoWildcards } from "./identity/k8s-rbac-no-wildcards";
import { policy as k8sRbacClusterAdminRestricted } from "./identity/k8s-rbac-cluster-admin-restricted";
import { policy as k8sRbacNoEscalationPermissions } from "./identity/k8s-rbac-no-escalation-permissions";
import { policy as k8sApiVersionStable } from "./governance/k8s-api-version-stable";
import { policy as k8sNamespacePssEnforced } from "./pod-security/k8s-namespace-pss-enforced";
import { policy as k8sIngressTlsEnabled } from "./data-protection/k8s-ingress-tls-enabled";
import { policy as k8sServiceNotPublic } from "./network/k8s-service-not-public";
import { policy as k8sIngressNginxSnippetsDisallowed } from "./identity/k8s-ingress-nginx-snippets-disallowed";
import { policy as k8sHelmObjectsVisible } from "./pod-security/k8s-helm-objects-visible";

export const allPolicies: PackPolicy[] = [
    aksEntraIdEnabled,
    aksLocalAccountsDisabled,
    aksKubernetesRbacEnabled,
    aksAzureRbacEnabled,
    aksAdminGroupsConfigured,
    aksManagedIdentityUsed,
    aksWorkloadIdentityEnabled,
    aksPrivateClusterEnabled,
    aksApiServerAccessRestricted,
    aksNodePoolVnetSubnetConfigured,
    aksAzureCniEnabled,
    aksNetworkPolicyEnabled,
    aksNodePublicIpDisabled,
    aksEgressControlled,
    aksDiskEncryptionSetConfigured,
    aksEncryptionAtHostEnabled,
    aksKmsEtcdEncryptionEnabled,
    aksSecretsStoreCsiRotationEnabled,
    aksContainerInsightsEnabled,
    aksControlPlaneLogsEnabled,
    aksDefenderSensorEnabled,
    aksDefenderForContainersEnabled,
    aksSentinelOnboarded,
    aksAzurePolicyAddonEnabled,
    aksDeploymentSafeguardsEnforced,
    aksClusterAutoUpgradeEnabled,
    aksNodeOsAutoUpgradeEnabled,
    aksMaintenanceWindowConfigured,
    aksKubernetesVersionSupported,
    aksImageCleanerEnabled,
    aksNodeSshDisabled,
    aksRunCommandDisabled,
    aksInsecureAddonsDisabled,
    acrAdminUserDisabled,
    acrAnonymousPullDisabled,
    acrPublicNetworkAccessRestricted,
    acrSkuPremium,
    acrQuarantinePolicyEnabled,
    acrCustomerManagedKeyEnabled,
    acrRetentionPolicyEnabled,
    acrKubeletAcrPullAssigned,
    kvPurgeProtectionEnabled,
    kvPublicNetworkAccessRestricted,
    kvRbacAuthorizationEnabled,
    monitoringWorkspacePublicAccessDisabled,
    aksNodeSubnetNsgAttached,
    nsgManagementPortsRestricted,
    azurePrivateEndpointsConfigured,
    aksBastionHostPresent,
    aksBackupConfigured,
    aksAdminRolesAssignedToGroups,
    k8sPssBaselineHostProcess,
    k8sPssBaselineHostNamespaces,
    k8sPssBaselinePrivileged,
    k8sPssBaselineCapabilities,
    k8sPssBaselineHostPathVolumes,
    k8sPssBaselineHostPorts,
    k8sPssBaselineHostProbesLifecycle,
    k8sPssBaselineApparmor,
    k8sPssBaselineSelinux,
    k8sPssBaselineProcMount,
    k8sPssRestrictedProcMount,
    k8sPssBaselineSeccomp,
    k8sPssBaselineSysctls,
    k8sPssRestrictedVolumeTypes,
    k8sPssRestrictedPrivilegeEscalation,
    k8sPssRestrictedRunAsNonRoot,
    k8sPssRestrictedRunAsUser,
    k8sPssRestrictedSeccomp,
    k8sPssRestrictedCapabilities,
    k8sContainerReadOnlyRootFilesystem,
    k8sServiceAccountTokenNotAutomounted,
    k8sWorkloadDedicatedServiceAccount,
    k8sImageFromTrustedRegistry,
    k8sImageTagPinned,
    k8sImagePullPolicyAlways,
    k8sNoCredentialLiterals,
    k8sSecretsMountedAsFiles,
    k8sNamespaceDefaultDenyNetworkPolicy,
    k8sRbacNoWildcards,
    k8sRbacClusterAdminRestricted,
    k8sRbacNoEscalationPermissions,
    k8sApiVersionStable,
    k8sNamespacePssEnforced,
    k8sIngressTlsEnabled,
    k8sServiceNotPublic,
    k8sIngressNginxSnippetsDisallowed,
    k8sHelmObjectsVisible,
];

/**
 * Pod Security Standards, by their tags: the pod-spec checks of the baseline level (tag
 * pss-baseline on a K8S-B check; aks-deployment-safeguards-enforced carries the tag too, as the
 * admission-time enforcement of that level) and restricted on top of it (K8S-R01..R06 and
 * v1.35's /proc mount).
 */
export const pssBaselinePolicies: PackPolicy[] = allPolicies.filter(p => p.meta.tags?.includes("pss-baseline") && p.meta.checks.some(c => c.startsWith("K8S-B")));
export const pssRestrictedPolicies: PackPolicy[] = allPolicies.filter(p => p.meta.tags?.includes("pss-restricted"));
export const podSecurityPolicies: PackPolicy[] = [...pssBaselinePolicies, ...pssRestrictedPolicies];
