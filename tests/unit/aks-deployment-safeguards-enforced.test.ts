import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/governance/aks-deployment-safeguards-enforced";
import { classicAks, classicPolicyAssignment, classicSafeguard, cluster, INITIATIVE, make, policyAssignment, Res, RG, safeguard, SHAPES, SUB, TT } from "../fixtures/stack";
import { secret, unknown, validateStack } from "../harness";

const IDS = `(${INITIATIVE.baseline} / ${INITIATIVE.restricted}) scoped to the cluster with effect Deny, or set managedElsewhere: true when a wider assignment covers it.`;
const MISSING = (c = "aks") => `ManagedCluster "${c}" has neither Deployment Safeguards at level Enforce nor an enforced Pod Security Standards initiative (AKS admits privileged pods); add a DeploymentSafeguard with level: "Enforce" and resourceUri set to the cluster's id, or a PolicyAssignment of the PSS baseline or restricted initiative ${IDS}`;
const CLASSIC = `KubernetesCluster "aks" has neither Deployment Safeguards at level Enforce nor an enforced Pod Security Standards initiative (AKS admits privileged pods); add a ClusterDeploymentSafeguard with level: "Enforce" and podSecurityStandardsLevel: "Baseline" (or "Restricted"), or a ResourcePolicyAssignment of the PSS baseline or restricted initiative ${IDS}`;
const WARN = "DeploymentSafeguard \"safeguards\" sets level: \"Warn\"; set it to \"Enforce\" so non-compliant deployments are rejected.";

function run(resources: Res[], config: Record<string, unknown> = {}) {
    const out = validateStack(policy, resources, config);
    assert.equal(out.unknown, undefined);
    return out;
}

describe("aks-deployment-safeguards-enforced", () => {
    for (const shape of SHAPES) {
        describe(`${shape} shape`, () => {
            it("passes Deployment Safeguards at level Enforce", () => {
                const c = cluster(shape);
                assert.deepEqual(run([c, safeguard(shape, c)]).violations, []);
            });
            it("reports level Warn against the safeguard", () => {
                const c = cluster(shape);
                const d = safeguard(shape, c, { level: "Warn" });
                const out = run([c, d]);
                assert.deepEqual(out.violations, [WARN]);
                assert.deepEqual(out.urns, [d.urn]);
            });
            for (const initiative of [INITIATIVE.baseline, INITIATIVE.restricted]) {
                it(`passes the PSS initiative ${initiative} with effect Deny on the cluster`, () => {
                    const c = cluster(shape);
                    assert.deepEqual(run([c, policyAssignment(shape, c, initiative)]).violations, []);
                });
            }
            it("reports a cluster without either, with its URN", () => {
                const c = cluster(shape);
                const out = run([c]);
                assert.deepEqual(out.violations, [MISSING()]);
                assert.deepEqual(out.urns, [c.urn]);
            });
            it("does not count another initiative", () => {
                const c = cluster(shape);
                assert.deepEqual(run([c, policyAssignment(shape, c, INITIATIVE.other)]).violations, [MISSING()]);
            });
            it("reports the initiative's default effect (Audit)", () => {
                const c = cluster(shape);
                const a = policyAssignment(shape, c, INITIATIVE.baseline, { parameters: undefined });
                const out = run([c, a]);
                assert.deepEqual(out.violations, ["PolicyAssignment \"pss\" does not set parameters.effect.value (the initiative's effect defaults to Audit); set it to \"Deny\" so non-compliant pods are rejected."]);
                assert.deepEqual(out.urns, [a.urn]);
            });
            it("classic: passes a safeguard with Baseline PSS", () => {
                const c = classicAks(shape);
                assert.deepEqual(run([c, classicSafeguard(shape, c)]).violations, []);
            });
            it("classic: reports the default Privileged level", () => {
                const c = classicAks(shape);
                assert.deepEqual(run([c, classicSafeguard(shape, c, { podSecurityStandardsLevel: undefined })]).violations,
                    ["ClusterDeploymentSafeguard \"safeguards\" does not set podSecurityStandardsLevel (the Pod Security Standards level stays Privileged); set it to \"Baseline\" or \"Restricted\"."]);
            });
            it("classic: passes a resource policy assignment with effect deny", () => {
                const c = classicAks(shape);
                assert.deepEqual(run([c, classicPolicyAssignment(shape, c, INITIATIVE.restricted)]).violations, []);
            });
            it("classic: reports a cluster without either", () => {
                assert.deepEqual(run([classicAks(shape)]).violations, [CLASSIC]);
            });
        });
    }

    const c = cluster("update");
    const rg = make("update", "azure-native:resources:ResourceGroup", "rg", RG, {});
    const cases: { name: string; resources: Res[]; config?: Record<string, unknown>; want: string[] }[] = [
        { name: "keeps quiet about absence when managed elsewhere", resources: [c], config: { managedElsewhere: true }, want: [] },
        { name: "still reports a Warn safeguard when managed elsewhere", resources: [c, safeguard("update", c, { level: "Warn" })], config: { managedElsewhere: true }, want: [WARN] },
        { name: "passes when one safeguard enforces and another warns", resources: [c, safeguard("update", c, { level: "Warn" }, "warn"), safeguard("update", c)], want: [] },
        { name: "passes an AKS Automatic cluster", resources: [cluster("update", { sku: { name: "Automatic", tier: "Standard" } })], want: [] },
        { name: "reports a safeguard without a level", resources: [c, safeguard("update", c, { level: undefined })],
            want: ["DeploymentSafeguard \"safeguards\" does not set level (safeguards are off); set it to \"Enforce\" so non-compliant deployments are rejected."] },
        { name: "compares the level case-insensitively", resources: [c, safeguard("update", c, { level: "enforce" })], want: [] },
        { name: "never prints a secret level", resources: [c, safeguard("update", c, { level: secret("Warn") })],
            want: ["DeploymentSafeguard \"safeguards\" sets level: [secret]; set it to \"Enforce\" so non-compliant deployments are rejected."] },
        { name: "reports an assignment that does not enforce", resources: [c, policyAssignment("update", c, INITIATIVE.baseline, { enforcementMode: "DoNotEnforce" })],
            want: ["PolicyAssignment \"pss\" sets enforcementMode: \"DoNotEnforce\"; set it to \"Default\" so the initiative is enforced."] },
        { name: "reports the effect Audit", resources: [c, policyAssignment("update", c, INITIATIVE.baseline, { parameters: { effect: { value: "Audit" } } })],
            want: ["PolicyAssignment \"pss\" sets parameters.effect.value: \"Audit\"; set it to \"Deny\" so non-compliant pods are rejected."] },
        { name: "counts an assignment at the cluster's resource group", resources: [c, rg, policyAssignment("update", rg, INITIATIVE.baseline)], want: [] },
        { name: "counts an assignment at the cluster's subscription", resources: [c, make("update", TT.classicSubscriptionPolicy, "sub", `${SUB}/providers/Microsoft.Authorization/policyAssignments/sub`, {
            subscriptionId: SUB.toUpperCase(), policyDefinitionId: `/providers/Microsoft.Authorization/policySetDefinitions/${INITIATIVE.baseline}`, parameters: "{\"effect\":{\"value\":\"Deny\"}}",
        })], want: [] },
        { name: "classic: reports an effect audit in the JSON parameters", resources: (() => {
            const k = classicAks("update");
            return [k, classicPolicyAssignment("update", k, INITIATIVE.baseline, { parameters: "{\"effect\":{\"value\":\"audit\"}}" })];
        })(), want: ["ResourcePolicyAssignment \"pss\" sets the effect in parameters to \"audit\"; set it to \"Deny\" so non-compliant pods are rejected."] },
        { name: "classic: reports malformed JSON parameters", resources: (() => {
            const k = classicAks("update");
            return [k, classicPolicyAssignment("update", k, INITIATIVE.baseline, { parameters: "{effect: deny" })];
        })(), want: ["ResourcePolicyAssignment \"pss\" sets parameters without a string effect (the initiative's default effect Audit only reports non-compliant pods); set parameters to JSON.stringify({ effect: { value: \"Deny\" } })."] },
        { name: "classic: reports absent parameters", resources: (() => {
            const k = classicAks("update");
            return [k, classicPolicyAssignment("update", k, INITIATIVE.baseline, { parameters: undefined })];
        })(), want: ["ResourcePolicyAssignment \"pss\" does not set parameters (the initiative's effect defaults to Audit); set it to JSON.stringify({ effect: { value: \"Deny\" } })."] },
        { name: "classic: never prints secret parameters", resources: (() => {
            const k = classicAks("update");
            return [k, classicPolicyAssignment("update", k, INITIATIVE.baseline, { parameters: secret("{\"effect\":{\"value\":\"audit\"}}") })];
        })(), want: ["ResourcePolicyAssignment \"pss\" sets the effect in parameters to [secret]; set it to \"Deny\" so non-compliant pods are rejected."] },
        { name: "classic: reports enforce false", resources: (() => {
            const k = classicAks("update");
            return [k, classicPolicyAssignment("update", k, INITIATIVE.baseline, { enforce: false })];
        })(), want: ["ResourcePolicyAssignment \"pss\" sets enforce: false; set it to true so the initiative is enforced."] },
        { name: "classic: reports a Warn level and the default PSS level on one safeguard", resources: (() => {
            const k = classicAks("update");
            return [k, classicSafeguard("update", k, { level: "Warn", podSecurityStandardsLevel: "Privileged" })];
        })(), want: [
            "ClusterDeploymentSafeguard \"safeguards\" sets level: \"Warn\"; set it to \"Enforce\" so non-compliant deployments are rejected.",
            "ClusterDeploymentSafeguard \"safeguards\" sets podSecurityStandardsLevel: \"Privileged\"; set it to \"Baseline\" or \"Restricted\".",
        ] },
        { name: "passes a level unknown at preview", resources: (() => {
            const p = cluster("preview");
            return [p, safeguard("preview", p, { level: unknown })];
        })(), want: [] },
        { name: "passes an initiative unknown at preview on the cluster", resources: (() => {
            const p = cluster("preview");
            return [p, policyAssignment("preview", p, INITIATIVE.baseline, { policyDefinitionId: unknown, parameters: undefined })];
        })(), want: [] },
        { name: "does nothing without a cluster", resources: [rg], want: [] },
        // preview: the cluster's ID is unknown, its resource group is linked or named
        { name: "preview: counts an assignment scoped to the resource group that feeds the cluster's resourceGroupName", resources: (() => {
            const g = make("preview", "azure-native:resources:ResourceGroup", "rg", RG, { resourceGroupName: "rg" });
            const p = cluster("preview", { resourceGroupName: unknown }, "aks", { resourceGroupName: [g] });
            return [g, p, policyAssignment("preview", g, INITIATIVE.baseline)];
        })(), want: [] },
        { name: "preview: does not count an assignment scoped to another resource group", resources: (() => {
            const g = make("preview", "azure-native:resources:ResourceGroup", "rg", RG, { resourceGroupName: "rg" });
            const other = make("preview", "azure-native:resources:ResourceGroup", "other", `${SUB}/resourceGroups/other`, { resourceGroupName: "other" });
            const p = cluster("preview", { resourceGroupName: unknown }, "aks", { resourceGroupName: [g] });
            return [g, other, p, policyAssignment("preview", other, INITIATIVE.baseline)];
        })(), want: [MISSING()] },
        { name: "preview: does not count an assignment scoped to a resource inside the group", resources: (() => {
            const g = make("preview", "azure-native:resources:ResourceGroup", "rg", RG, { resourceGroupName: "rg" });
            const acr = make("preview", "azure-native:containerregistry:Registry", "acr", `${RG}/providers/Microsoft.ContainerRegistry/registries/acr`, {});
            const p = cluster("preview", { resourceGroupName: unknown }, "aks", { resourceGroupName: [g] });
            const a = policyAssignment("preview", g, INITIATIVE.baseline);
            return [g, acr, p, { ...a, propertyDependencies: { scope: [g.urn, acr.urn] } }];
        })(), want: [MISSING()] },
        { name: "preview: counts an assignment scoped to a resource group whose name the cluster writes literally", resources: (() => {
            const g = make("preview", "azure-native:resources:ResourceGroup", "rg", RG, { resourceGroupName: "rg-aks" });
            const p = cluster("preview", { resourceGroupName: "RG-AKS" });
            return [g, p, policyAssignment("preview", g, INITIATIVE.baseline)];
        })(), want: [] },
        { name: "preview: a custom definition from the stack is not the PSS initiative", resources: (() => {
            const p = cluster("preview");
            const def = make("preview", "azure-native:authorization:PolicyDefinition", "custom", "/providers/x", {});
            const a = policyAssignment("preview", p, INITIATIVE.baseline, { policyDefinitionId: unknown });
            return [p, def, { ...a, propertyDependencies: { ...a.propertyDependencies, policyDefinitionId: [def.urn] } }];
        })(), want: [MISSING()] },
        { name: "preview: counts a known resource-group scope with the cluster's known group name", resources: (() => {
            const p = cluster("preview", { resourceGroupName: "RG" });
            const a = policyAssignment("preview", c, INITIATIVE.baseline, { scope: RG });
            return [p, { ...a, propertyDependencies: {} }];
        })(), want: [] },
        { name: "preview: counts a known subscription scope", resources: (() => {
            const p = cluster("preview");
            const a = policyAssignment("preview", c, INITIATIVE.baseline, { scope: SUB });
            return [p, { ...a, propertyDependencies: {} }];
        })(), want: [] },
        { name: "preview: a failing assignment at the group is reported, not the missing initiative", resources: (() => {
            const g = make("preview", "azure-native:resources:ResourceGroup", "rg", RG, { resourceGroupName: "rg" });
            const p = cluster("preview", { resourceGroupName: unknown }, "aks", { resourceGroupName: [g] });
            return [g, p, policyAssignment("preview", g, INITIATIVE.baseline, { parameters: { effect: { value: "Audit" } } })];
        })(), want: ["PolicyAssignment \"pss\" sets parameters.effect.value: \"Audit\"; set it to \"Deny\" so non-compliant pods are rejected."] },
    ];
    for (const k of cases) {
        it(k.name, () => {
            assert.deepEqual(run(k.resources, k.config).violations, k.want);
        });
    }
});
