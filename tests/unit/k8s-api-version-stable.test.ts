import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/governance/k8s-api-version-stable";
import { K } from "../fixtures/k8s-objects";
import { validate } from "../harness";

const NOT_APPLICABLE = "applies to Kubernetes object resources only";

describe("k8s-api-version-stable", () => {
    const ok = [K.deployment, K.deploymentPatch, K.pod, K.networkPolicy, K.ingress, K.clusterRole, K.namespace, "kubernetes:batch/v1:CronJob", "kubernetes:autoscaling/v2:HorizontalPodAutoscaler",
        "kubernetes:policy/v1:PodDisruptionBudget", "kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinition", "kubernetes:velero.io/v1:Schedule", "kubernetes:cert-manager.io/v1:Certificate"];
    for (const type of ok) {
        it(`passes the GA token ${type}`, () => {
            assert.deepEqual(validate(policy, type, {}).violations, []);
        });
    }

    const cases: { type: string; config?: Record<string, unknown>; want: string[] }[] = [
        { type: K.psp, want: ["The PodSecurityPolicy uses apiVersion policy/v1beta1, which Kubernetes 1.25 removed; use Pod Security Admission namespace labels."] },
        { type: "kubernetes:extensions/v1beta1:PodSecurityPolicy", want: ["The PodSecurityPolicy uses apiVersion extensions/v1beta1, which Kubernetes 1.16 removed; use Pod Security Admission namespace labels."] },
        { type: K.ingressExtensions, want: ["The Ingress uses apiVersion extensions/v1beta1, which Kubernetes 1.22 removed; use networking.k8s.io/v1."] },
        { type: K.daemonSetExtensions, want: ["The DaemonSet uses apiVersion extensions/v1beta1, which Kubernetes 1.16 removed; use apps/v1."] },
        { type: K.networkPolicyExtensions, want: ["The NetworkPolicy uses apiVersion extensions/v1beta1, which Kubernetes 1.16 removed; use networking.k8s.io/v1."] },
        { type: K.deploymentV1beta1, want: ["The Deployment uses apiVersion apps/v1beta1, which Kubernetes 1.16 removed; use apps/v1."] },
        { type: "kubernetes:apps/v1beta2:DeploymentPatch", want: ["The Deployment uses apiVersion apps/v1beta2, which Kubernetes 1.16 removed; use apps/v1."] },
        { type: K.cronJobV1beta1, want: ["The CronJob uses apiVersion batch/v1beta1, which Kubernetes 1.25 removed; use batch/v1."] },
        { type: K.cronJobV2alpha1, want: ["The CronJob uses apiVersion batch/v2alpha1, which Kubernetes 1.21 removed; use batch/v1."] },
        { type: K.ingressV1beta1, want: ["The Ingress uses apiVersion networking.k8s.io/v1beta1, which Kubernetes 1.22 removed; use networking.k8s.io/v1."] },
        { type: K.roleV1beta1, want: ["The Role uses apiVersion rbac.authorization.k8s.io/v1beta1, which Kubernetes 1.22 removed; use rbac.authorization.k8s.io/v1."] },
        { type: "kubernetes:autoscaling/v2beta2:HorizontalPodAutoscaler", want: ["The HorizontalPodAutoscaler uses apiVersion autoscaling/v2beta2, which Kubernetes 1.26 removed; use autoscaling/v2."] },
        { type: "kubernetes:flowcontrol.apiserver.k8s.io/v1beta3:FlowSchema", want: ["The FlowSchema uses apiVersion flowcontrol.apiserver.k8s.io/v1beta3, which Kubernetes 1.32 removed; use flowcontrol.apiserver.k8s.io/v1."] },
        { type: "kubernetes:storage.k8s.io/v1beta1:CSIStorageCapacity", want: ["The CSIStorageCapacity uses apiVersion storage.k8s.io/v1beta1, which Kubernetes 1.27 removed; use storage.k8s.io/v1."] },
        { type: "kubernetes:networking.k8s.io/v1beta1:ServiceCIDR",
            want: ["The ServiceCIDR uses apiVersion networking.k8s.io/v1beta1, a beta API that can change or be removed in any release; use a GA version, or list networking.k8s.io/v1beta1 in allowedApiVersions."] },
        { type: "kubernetes:admissionregistration.k8s.io/v1alpha1:ValidatingAdmissionPolicy",
            want: ["The ValidatingAdmissionPolicy uses apiVersion admissionregistration.k8s.io/v1alpha1, an alpha API that can change or be removed in any release; use a GA version, or list admissionregistration.k8s.io/v1alpha1 in allowedApiVersions."] },
        { type: "kubernetes:resource.k8s.io/v1alpha2:ResourceClaim",
            want: ["The ResourceClaim uses apiVersion resource.k8s.io/v1alpha2, an alpha API that can change or be removed in any release; use a GA version, or list resource.k8s.io/v1alpha2 in allowedApiVersions."] },
        { type: "kubernetes:cert-manager.io/v1alpha2:Certificate",
            want: ["The Certificate uses apiVersion cert-manager.io/v1alpha2, an alpha API that can change or be removed in any release; use a GA version, or list cert-manager.io/v1alpha2 in allowedApiVersions."] },
        // config
        { type: "kubernetes:cert-manager.io/v1alpha2:Certificate", config: { allowedApiVersions: ["Cert-Manager.io/v1alpha2"] }, want: [] },
        { type: K.psp, config: { allowedApiVersions: ["policy/v1beta1"] }, want: [] },
        { type: "kubernetes:cert-manager.io/v1alpha2:Certificate", config: { allowedApiVersions: "cert-manager.io/v1alpha2" },
            want: ["The policy configuration sets allowedApiVersions: \"cert-manager.io/v1alpha2\" (write a list of strings there); until it is fixed, the policy uses the default for allowedApiVersions ([]).", "The Certificate uses apiVersion cert-manager.io/v1alpha2, an alpha API that can change or be removed in any release; use a GA version, or list cert-manager.io/v1alpha2 in allowedApiVersions."] },
    ];
    for (const c of cases) {
        it(`${c.config ? "with allowedApiVersions, " : ""}judges ${c.type}`, () => {
            assert.deepEqual(validate(policy, c.type, {}, c.config).violations, c.want);
        });
    }

    it("is not applicable to component tokens, providers and other clouds", () => {
        for (const type of [K.helmRelease, K.helmChartV4, K.helmChartV3, K.configGroup, K.configFile, K.configFileV1, K.kustomize, "pulumi:providers:kubernetes",
            "azure-native:containerservice:ManagedCluster", "kubernetes:core/v1", "kubernetes"]) {
            assert.equal(validate(policy, type, {}).notApplicable, NOT_APPLICABLE, type);
        }
    });
});
