// Stack policies: checks that join several resources of the stack (CONTROLS.md section 7),
// in the order the docs list them: identity, network, logging, governance, nodes, backup.
import { PackPolicy } from "../lib/policy";
import * as acrPull from "./stack/acr-kubelet-acr-pull-assigned";
import * as adminGroups from "./stack/aks-admin-roles-assigned-to-groups";
import * as backup from "./stack/aks-backup-configured";
import * as bastion from "./stack/aks-bastion-host-present";
import * as controlPlaneLogs from "./stack/aks-control-plane-logs-enabled";
import * as defender from "./stack/aks-defender-for-containers-enabled";
import * as safeguards from "./stack/aks-deployment-safeguards-enforced";
import * as maintenance from "./stack/aks-maintenance-window-configured";
import * as nodeSubnetNsg from "./stack/aks-node-subnet-nsg-attached";
import * as sentinel from "./stack/aks-sentinel-onboarded";
import * as privateEndpoints from "./stack/azure-private-endpoints-configured";

export const stackPolicies: PackPolicy[] = [
    adminGroups.policy,
    acrPull.policy,
    nodeSubnetNsg.policy,
    privateEndpoints.policy,
    bastion.policy,
    controlPlaneLogs.policy,
    defender.policy,
    sentinel.policy,
    safeguards.policy,
    maintenance.policy,
    backup.policy,
];
