// Pod Security Standards (baseline and restricted), one policy per control, as the reference
// admission controller (pod-security-admission) decides them at policy version v1.35.
import { PackPolicy } from "../lib/policy";
import { policy as hostProcess } from "./pod-security/k8s-pss-baseline-host-process";
import { policy as hostNamespaces } from "./pod-security/k8s-pss-baseline-host-namespaces";
import { policy as privileged } from "./pod-security/k8s-pss-baseline-privileged";
import { policy as capabilitiesBaseline } from "./pod-security/k8s-pss-baseline-capabilities";
import { policy as hostPathVolumes } from "./pod-security/k8s-pss-baseline-host-path-volumes";
import { policy as hostPorts } from "./pod-security/k8s-pss-baseline-host-ports";
import { policy as hostProbes } from "./pod-security/k8s-pss-baseline-host-probes-lifecycle";
import { policy as appArmor } from "./pod-security/k8s-pss-baseline-apparmor";
import { policy as seLinux } from "./pod-security/k8s-pss-baseline-selinux";
import { policy as procMountBaseline } from "./pod-security/k8s-pss-baseline-proc-mount";
import { policy as seccompBaseline } from "./pod-security/k8s-pss-baseline-seccomp";
import { policy as sysctls } from "./pod-security/k8s-pss-baseline-sysctls";
import { policy as volumeTypes } from "./pod-security/k8s-pss-restricted-volume-types";
import { policy as privilegeEscalation } from "./pod-security/k8s-pss-restricted-privilege-escalation";
import { policy as runAsNonRoot } from "./pod-security/k8s-pss-restricted-run-as-non-root";
import { policy as runAsUser } from "./pod-security/k8s-pss-restricted-run-as-user";
import { policy as seccompRestricted } from "./pod-security/k8s-pss-restricted-seccomp";
import { policy as capabilitiesRestricted } from "./pod-security/k8s-pss-restricted-capabilities";
import { policy as procMountRestricted } from "./pod-security/k8s-pss-restricted-proc-mount";

/** Baseline: the 12 controls of K8S-B01..B12, in the order of CONTROLS.md section 6. */
export const pssBaselinePolicies: PackPolicy[] = [
    hostProcess,
    hostNamespaces,
    privileged,
    capabilitiesBaseline,
    hostPathVolumes,
    hostPorts,
    hostProbes,
    appArmor,
    seLinux,
    procMountBaseline,
    seccompBaseline,
    sysctls,
];

/** Restricted on top of baseline: K8S-R01..R06, plus v1.35's restricted /proc mount check. */
export const pssRestrictedPolicies: PackPolicy[] = [
    volumeTypes,
    privilegeEscalation,
    runAsNonRoot,
    runAsUser,
    seccompRestricted,
    capabilitiesRestricted,
    procMountRestricted,
];

export const podSecurityPolicies: PackPolicy[] = [...pssBaselinePolicies, ...pssRestrictedPolicies];
