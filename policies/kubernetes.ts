// Kubernetes workload and cluster-object policies other than the Pod Security Standards.
import { PackPolicy } from "../lib/policy";
import { policy as apiVersionStable } from "./kubernetes/k8s-api-version-stable";
import { policy as containerReadOnlyRootFilesystem } from "./kubernetes/k8s-container-read-only-root-filesystem";
import { policy as helmObjectsVisible } from "./kubernetes/k8s-helm-objects-visible";
import { policy as imageFromTrustedRegistry } from "./kubernetes/k8s-image-from-trusted-registry";
import { policy as imagePullPolicyAlways } from "./kubernetes/k8s-image-pull-policy-always";
import { policy as imageTagPinned } from "./kubernetes/k8s-image-tag-pinned";
import { policy as ingressTlsEnabled } from "./kubernetes/k8s-ingress-tls-enabled";
import { policy as namespaceDefaultDenyNetworkPolicy } from "./kubernetes/k8s-namespace-default-deny-network-policy";
import { policy as namespacePssEnforced } from "./kubernetes/k8s-namespace-pss-enforced";
import { policy as noCredentialLiterals } from "./kubernetes/k8s-no-credential-literals";
import { policy as secretsMountedAsFiles } from "./kubernetes/k8s-secrets-mounted-as-files";
import { policy as ingressNginxSnippetsDisallowed } from "./kubernetes/k8s-ingress-nginx-snippets-disallowed";
import { policy as rbacClusterAdminRestricted } from "./kubernetes/k8s-rbac-cluster-admin-restricted";
import { policy as rbacNoEscalationPermissions } from "./kubernetes/k8s-rbac-no-escalation-permissions";
import { policy as rbacNoWildcards } from "./kubernetes/k8s-rbac-no-wildcards";
import { policy as serviceAccountTokenNotAutomounted } from "./kubernetes/k8s-service-account-token-not-automounted";
import { policy as serviceNotPublic } from "./kubernetes/k8s-service-not-public";
import { policy as workloadDedicatedServiceAccount } from "./kubernetes/k8s-workload-dedicated-service-account";

/** In the order of CONTROLS.md section 4 (K8S-01 ... K8S-15), then the Helm visibility note. */
export const kubernetesPolicies: PackPolicy[] = [
    containerReadOnlyRootFilesystem,
    serviceAccountTokenNotAutomounted,
    workloadDedicatedServiceAccount,
    imageFromTrustedRegistry,
    imageTagPinned,
    imagePullPolicyAlways,
    noCredentialLiterals,
    secretsMountedAsFiles,
    namespaceDefaultDenyNetworkPolicy,
    rbacNoWildcards,
    rbacClusterAdminRestricted,
    rbacNoEscalationPermissions,
    apiVersionStable,
    namespacePssEnforced,
    ingressTlsEnabled,
    serviceNotPublic,
    ingressNginxSnippetsDisallowed,
    helmObjectsVisible,
];
