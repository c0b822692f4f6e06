import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/identity/aks-workload-identity-enabled";
import { NATIVE_CLUSTER_TYPES, T, classicCluster, managedCluster, merge } from "../fixtures/aks";
import { automaticCluster } from "../fixtures/aks-extra";
import { secret, unknown, validate, violationCases } from "../harness";
import { untyped } from "../fixtures/typed";

/** Removes both settings from the compliant cluster. */
const NEITHER = { oidcIssuerProfile: undefined, securityProfile: { workloadIdentity: undefined } };
const CLASSIC_NEITHER = { oidcIssuerEnabled: undefined, workloadIdentityEnabled: undefined };

const WI_WHY = "(workload identity is off)";
const OIDC_WHY = "(off: AKS turns it on by itself only for clusters created on Kubernetes 1.34 or later)";
const WI_ABSENT = `The cluster does not set securityProfile.workloadIdentity.enabled ${WI_WHY}; set it to true.`;
const OIDC_ABSENT = `The cluster does not set oidcIssuerProfile.enabled ${OIDC_WHY}; set it to true.`;
const CLASSIC_WI_ABSENT = `The cluster does not set workloadIdentityEnabled ${WI_WHY}; set it to true.`;
const CLASSIC_OIDC_ABSENT = `The cluster does not set oidcIssuerEnabled ${OIDC_WHY}; set it to true.`;
const POD = "set it to false or remove it: AAD Pod Identity is deprecated; use workload identity.";
const NOT_APPLICABLE = "applies to AKS cluster resources only";

describe("aks-workload-identity-enabled", () => {
    for (const type of NATIVE_CLUSTER_TYPES) {
        describe(type, () => {
            it("passes workload identity with the OIDC issuer", () => {
                assert.deepEqual(validate(policy, type, managedCluster()).violations, []);
            });
            it("fails a cluster that sets neither (Azure default), reporting each field", () => {
                assert.deepEqual(validate(policy, type, managedCluster({ kubernetesVersion: "1.33", ...NEITHER })).violations, [OIDC_ABSENT, WI_ABSENT]);
            });
            it("fails AAD Pod Identity", () => {
                assert.deepEqual(validate(policy, type, managedCluster({ podIdentityProfile: { enabled: true } })).violations,
                    [`The cluster sets podIdentityProfile.enabled: true; ${POD}`]);
            });
            it("passes an AKS Automatic cluster that leaves both to the preconfigured defaults", () => {
                assert.deepEqual(validate(policy, type, automaticCluster()).violations, []);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; want: string[] }[] = [
        { name: "fails workload identity: false", props: managedCluster({ securityProfile: { workloadIdentity: { enabled: false } } }),
            want: ["The cluster sets securityProfile.workloadIdentity.enabled: false; set it to true."] },
        { name: "fails the OIDC issuer: false", props: managedCluster({ oidcIssuerProfile: { enabled: false } }),
            want: ["The cluster sets oidcIssuerProfile.enabled: false; set it to true."] },
        { name: "fails when securityProfile is absent", props: managedCluster({ securityProfile: undefined }), want: [WI_ABSENT] },
        { name: "fails when securityProfile.workloadIdentity is absent", props: managedCluster({ securityProfile: { workloadIdentity: undefined } }), want: [WI_ABSENT] },
        { name: "fails when oidcIssuerProfile is absent on a cluster created on 1.33", props: managedCluster({ oidcIssuerProfile: undefined, kubernetesVersion: "1.33" }), want: [OIDC_ABSENT] },
        { name: "passes an absent oidcIssuerProfile on 1.34 and later (AKS turns it on for new clusters)", props: managedCluster({ oidcIssuerProfile: undefined, kubernetesVersion: "1.34.2" }), want: [] },
        { name: "passes an absent oidcIssuerProfile when AKS picks the version (its default is past 1.34)", props: managedCluster({ oidcIssuerProfile: undefined, kubernetesVersion: undefined }), want: [] },
        { name: "fails an absent oidcIssuerProfile with a malformed version", props: managedCluster({ oidcIssuerProfile: undefined, kubernetesVersion: "latest" }), want: [OIDC_ABSENT] },
        { name: "fails when securityProfile is not an object", props: managedCluster({ securityProfile: untyped("workloadIdentity") }), want: [WI_ABSENT] },
        { name: "accepts the string \"true\" for both", props: managedCluster({ securityProfile: { workloadIdentity: { enabled: untyped("true") } }, oidcIssuerProfile: { enabled: untyped("TRUE") } }), want: [] },
        { name: "fails malformed flags, showing them", props: managedCluster({ securityProfile: { workloadIdentity: { enabled: untyped("on") } }, oidcIssuerProfile: { enabled: untyped(1) } }),
            want: ["The cluster sets oidcIssuerProfile.enabled: 1; set it to true.", "The cluster sets securityProfile.workloadIdentity.enabled: \"on\"; set it to true."] },
        { name: "reports all three fields, securityProfile last", props: managedCluster({ podIdentityProfile: { enabled: true }, kubernetesVersion: "1.33", ...NEITHER }),
            want: [OIDC_ABSENT, `The cluster sets podIdentityProfile.enabled: true; ${POD}`, WI_ABSENT] },
        { name: "passes podIdentityProfile.enabled: false", props: managedCluster({ podIdentityProfile: { enabled: false } }), want: [] },
        { name: "passes podIdentityProfile without the flag (off)", props: managedCluster({ podIdentityProfile: { userAssignedIdentities: [] } }), want: [] },
        { name: "fails a malformed pod identity flag", props: managedCluster({ podIdentityProfile: { enabled: untyped("yes") } }),
            want: [`The cluster sets podIdentityProfile.enabled: "yes"; ${POD}`] },
        { name: "accepts the string \"false\" for pod identity", props: managedCluster({ podIdentityProfile: { enabled: untyped("false") } }), want: [] },
        { name: "never prints secret flags", props: managedCluster({ oidcIssuerProfile: { enabled: secret("hunter2") }, podIdentityProfile: { enabled: secret(true) } }),
            want: ["The cluster sets oidcIssuerProfile.enabled: [secret]; set it to true.", `The cluster sets podIdentityProfile.enabled: [secret]; ${POD}`] },
        { name: "does not read the classic spellings on azure-native", props: merge(managedCluster({ kubernetesVersion: "1.33", ...NEITHER }), { workloadIdentityEnabled: true, oidcIssuerEnabled: true }),
            want: [OIDC_ABSENT, WI_ABSENT] },
        // AKS Automatic
        { name: "Automatic: fails explicit false values, which contradict the preconfigured settings",
            props: automaticCluster({ securityProfile: { workloadIdentity: { enabled: false } }, oidcIssuerProfile: { enabled: false } }),
            want: ["The cluster sets oidcIssuerProfile.enabled: false; set it to true.", "The cluster sets securityProfile.workloadIdentity.enabled: false; set it to true."] },
        { name: "Automatic: still fails AAD Pod Identity", props: automaticCluster({ podIdentityProfile: { enabled: true } }),
            want: [`The cluster sets podIdentityProfile.enabled: true; ${POD}`] },
        { name: "Base SKU: fails the omitted flags", props: automaticCluster({ sku: { name: "Base" }, kubernetesVersion: "1.33" }), want: [OIDC_ABSENT, WI_ABSENT] },
        // classic
        { name: "classic: passes workloadIdentityEnabled and oidcIssuerEnabled", type: T.classicCluster, props: classicCluster(), want: [] },
        { name: "classic: fails when both are absent", type: T.classicCluster, props: classicCluster(CLASSIC_NEITHER), want: [CLASSIC_OIDC_ABSENT, CLASSIC_WI_ABSENT] },
        { name: "classic: fails workloadIdentityEnabled: false", type: T.classicCluster, props: classicCluster({ workloadIdentityEnabled: false }),
            want: ["The cluster sets workloadIdentityEnabled: false; set it to true."] },
        { name: "classic: fails oidcIssuerEnabled: \"no\"", type: T.classicCluster, props: classicCluster({ oidcIssuerEnabled: untyped("no") }),
            want: ["The cluster sets oidcIssuerEnabled: \"no\"; set it to true."] },
        { name: "classic: has no pod identity field (ignores an azure-native one)", type: T.classicCluster,
            props: merge(classicCluster(), { podIdentityProfile: { enabled: true } }), want: [] },
        { name: "classic: has no Automatic SKU on this token", type: T.classicCluster,
            props: merge(classicCluster(CLASSIC_NEITHER), { sku: { name: "Automatic" } }), want: [CLASSIC_OIDC_ABSENT, CLASSIC_WI_ABSENT] },
    ];
    violationCases(policy, T.managedCluster, cases);

    const unknowns: { name: string; props: Record<string, unknown>; type?: string; note: string; want?: string[] }[] = [
        { name: "the workload identity flag", props: managedCluster({ securityProfile: { workloadIdentity: { enabled: unknown } } }),
            note: "string value at .securityProfile.workloadIdentity.enabled can't be known during preview" },
        { name: "the OIDC flag", props: managedCluster({ securityProfile: { workloadIdentity: { enabled: false } }, oidcIssuerProfile: { enabled: unknown } }),
            note: "string value at .oidcIssuerProfile.enabled can't be known during preview" },
        // azure-native makes the whole securityProfile unknown in preview when anything inside it
        // comes from another resource: what lies outside it is still decided.
        { name: "the whole securityProfile (after deciding the OIDC issuer)", props: managedCluster({ securityProfile: unknown, oidcIssuerProfile: { enabled: false } }),
            note: "string value at .securityProfile can't be known during preview", want: ["The cluster sets oidcIssuerProfile.enabled: false; set it to true."] },
        { name: "the pod identity flag", props: managedCluster({ podIdentityProfile: { enabled: unknown } }),
            note: "string value at .podIdentityProfile.enabled can't be known during preview" },
        { name: "the SKU of a cluster that omits the flags", props: automaticCluster({ sku: unknown }),
            note: "string value at .sku can't be known during preview" },
        { name: "a classic flag", type: T.classicCluster, props: classicCluster({ workloadIdentityEnabled: unknown }),
            note: "string value at .workloadIdentityEnabled can't be known during preview" },
    ];
    for (const c of unknowns) {
        it(`reports nothing new but the SDK's note when ${c.name} is unknown at preview`, () => {
            const out = validate(policy, c.type ?? T.managedCluster, c.props);
            assert.deepEqual(out.violations, c.want ?? []);
            assert.equal(out.unknown, c.note);
        });
    }

    it("does not read the SKU when both flags are true", () => {
        const out = validate(policy, T.managedCluster, managedCluster({ sku: unknown }));
        assert.deepEqual(out.violations, []);
        assert.equal(out.unknown, undefined);
    });
    it("is not applicable to node pools", () => {
        assert.equal(validate(policy, T.agentPool, {}).notApplicable, NOT_APPLICABLE);
        assert.equal(validate(policy, T.classicNodePool, {}).notApplicable, NOT_APPLICABLE);
    });
});
