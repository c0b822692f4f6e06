// AKS data protection, monitoring, node and add-on policies (KMS, secrets store, Defender,
// upgrades, versions, images, SSH, add-ons), in the order the docs list them.
import { PackPolicy } from "../lib/policy";
import * as kms from "./data-protection/aks-kms-etcd-encryption-enabled";
import * as secretsStore from "./data-protection/aks-secrets-store-csi-rotation-enabled";
import * as insecureAddons from "./governance/aks-insecure-addons-disabled";
import * as defender from "./monitoring/aks-defender-sensor-enabled";
import * as clusterUpgrade from "./nodes/aks-cluster-auto-upgrade-enabled";
import * as imageCleaner from "./nodes/aks-image-cleaner-enabled";
import * as kubernetesVersion from "./nodes/aks-kubernetes-version-supported";
import * as nodeOsUpgrade from "./nodes/aks-node-os-auto-upgrade-enabled";
import * as nodeSsh from "./nodes/aks-node-ssh-disabled";

export const aksDataNodesPolicies: PackPolicy[] = [
    kms.policy,
    secretsStore.policy,
    defender.policy,
    clusterUpgrade.policy,
    nodeOsUpgrade.policy,
    kubernetesVersion.policy,
    imageCleaner.policy,
    nodeSsh.policy,
    insecureAddons.policy,
];
