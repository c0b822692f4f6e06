// AKS identity and network policies (checks AKS-02..07, 10..14, 32), in check order.
import { PackPolicy } from "../lib/policy";
import * as adminGroups from "./identity/aks-admin-groups-configured";
import * as azureRbac from "./identity/aks-azure-rbac-enabled";
import * as kubernetesRbac from "./identity/aks-kubernetes-rbac-enabled";
import * as localAccounts from "./identity/aks-local-accounts-disabled";
import * as managedIdentity from "./identity/aks-managed-identity-used";
import * as workloadIdentity from "./identity/aks-workload-identity-enabled";
import * as azureCni from "./network/aks-azure-cni-enabled";
import * as egress from "./network/aks-egress-controlled";
import * as networkPolicy from "./network/aks-network-policy-enabled";
import * as nodePoolSubnet from "./network/aks-node-pool-vnet-subnet-configured";
import * as nodePublicIp from "./network/aks-node-public-ip-disabled";
import * as runCommand from "./network/aks-run-command-disabled";

export const aksIdentityNetworkPolicies: PackPolicy[] = [
    localAccounts.policy,
    kubernetesRbac.policy,
    azureRbac.policy,
    adminGroups.policy,
    managedIdentity.policy,
    workloadIdentity.policy,
    nodePoolSubnet.policy,
    azureCni.policy,
    networkPolicy.policy,
    nodePublicIp.policy,
    egress.policy,
    runCommand.policy,
];
