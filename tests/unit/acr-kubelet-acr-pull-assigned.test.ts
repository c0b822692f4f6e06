import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/identity/acr-kubelet-acr-pull-assigned";
import { classicAks, classicRegistry, classicRoleAssignment, cluster, kubeletOid, make, registry, Res, RG, ROLE, roleId, roleAssignment, SHAPES, TT, withDeps } from "../fixtures/stack";
import { unknown, validateStack } from "../harness";

const MISSING = (c = "aks", r = "acr") => `ManagedCluster "${c}": no role assignment in this stack gives its kubelet identity AcrPull on Registry "${r}" (nodes cannot pull its images without other credentials); add a RoleAssignment with roleDefinitionId ending in ${ROLE.acrPull} (AcrPull), scope set to the registry's id and principalId set to identityProfile.kubeletidentity.objectId.`;
const MISSING_CLASSIC = "KubernetesCluster \"aks\": no role assignment in this stack gives its kubelet identity AcrPull on Registry \"acr\" (nodes cannot pull its images without other credentials); add an Assignment with roleDefinitionName: \"AcrPull\", scope set to the registry's id and principalId set to kubeletIdentity.objectId.";
const BROAD = (ra: string, role: string, c = "ManagedCluster \"aks\"") =>
    `${ra} gives the kubelet identity of ${c} the ${role} role on Registry "acr"; grant AcrPull (${ROLE.acrPull}) instead, which lets the nodes pull images and nothing more.`;

function run(resources: Res[]) {
    const out = validateStack(policy, resources);
    assert.equal(out.unknown, undefined);
    return out;
}

describe("acr-kubelet-acr-pull-assigned", () => {
    for (const shape of SHAPES) {
        describe(`${shape} shape`, () => {
            for (const [rt, at] of [[TT.registry, TT.roleAssignment], [TT.registryV2, TT.roleAssignmentV2]]) {
                it(`passes AcrPull (${at}) on a ${rt} for the kubelet identity`, () => {
                    const c = cluster(shape);
                    const r = registry(shape, {}, "acr", rt);
                    assert.deepEqual(run([c, r, roleAssignment(shape, r, c, ROLE.acrPull, {}, "ra", at)]).violations, []);
                });
            }
            it("passes a classic assignment by role name", () => {
                const c = classicAks(shape);
                const r = classicRegistry(shape);
                assert.deepEqual(run([c, r, classicRoleAssignment(shape, r, c, "acrpull")]).violations, []);
            });
            it("passes a legacy classic assignment by role definition ID", () => {
                const c = classicAks(shape);
                const r = classicRegistry(shape);
                const ra = classicRoleAssignment(shape, r, c, "ignored", { roleDefinitionName: undefined, roleDefinitionId: roleId(ROLE.acrPull).toUpperCase() }, "ra", TT.legacyRoleAssignment);
                assert.deepEqual(run([c, r, ra]).violations, []);
            });
            it("reports a missing AcrPull against the cluster", () => {
                const c = cluster(shape);
                const out = run([c, registry(shape)]);
                assert.deepEqual(out.violations, [MISSING()]);
                assert.deepEqual(out.urns, [c.urn]);
            });
            it("reports a classic cluster in classic terms", () => {
                assert.deepEqual(run([classicAks(shape), registry(shape)]).violations, [MISSING_CLASSIC]);
            });
            for (const [guid, name] of [[ROLE.contributor, "Contributor"], [ROLE.owner, "Owner"], [ROLE.acrPush, "AcrPush"]]) {
                it(`reports ${name} for the kubelet identity against the assignment, once`, () => {
                    const c = cluster(shape);
                    const r = registry(shape);
                    const ra = roleAssignment(shape, r, c, guid, {}, "push");
                    const out = run([c, r, ra]);
                    assert.deepEqual(out.violations, [BROAD("RoleAssignment \"push\"", name)]);
                    assert.deepEqual(out.urns, [ra.urn]);
                });
            }
            it("reports a classic broad role by name", () => {
                const c = classicAks(shape);
                const r = registry(shape);
                assert.deepEqual(run([c, r, classicRoleAssignment(shape, r, c, "Owner", {}, "own")]).violations,
                    [BROAD("Assignment \"own\"", "Owner", "KubernetesCluster \"aks\"")]);
            });
            it("reports every cluster and registry pair without AcrPull", () => {
                const a = cluster(shape, {}, "a");
                const b = cluster(shape, {}, "b");
                const r1 = registry(shape, {}, "r1");
                const r2 = registry(shape, {}, "r2");
                const out = run([a, b, r1, r2, roleAssignment(shape, r1, a, ROLE.acrPull), roleAssignment(shape, r2, b, ROLE.acrPull, {}, "ra2")]);
                assert.deepEqual(out.violations, [MISSING("a", "r2"), MISSING("b", "r1")]);
            });
            it("does not count AcrPull for another principal", () => {
                const c = cluster(shape);
                const r = registry(shape);
                assert.deepEqual(run([c, r, roleAssignment(shape, r, "99999999-0000-0000-0000-000000000000", ROLE.acrPull)]).violations, [MISSING()]);
            });
            it("does not count AcrPull at the resource group scope", () => {
                const c = cluster(shape);
                const r = registry(shape);
                const rg = make(shape, "azure-native:resources:ResourceGroup", "rg", RG, {});
                assert.deepEqual(run([c, r, rg, roleAssignment(shape, rg, c, ROLE.acrPull)]).violations, [MISSING()]);
            });
            it("does not count another role", () => {
                const c = cluster(shape);
                const r = registry(shape);
                assert.deepEqual(run([c, r, roleAssignment(shape, r, c, ROLE.reader)]).violations, [MISSING()]);
            });
            it("follows a user-assigned kubelet identity", () => {
                const uai = make(shape, TT.uai, "kubelet", `${RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/kubelet`, { resourceGroupName: "rg", principalId: shape === "preview" ? unknown : "11111111-2222-3333-4444-555555555555" });
                const c = cluster(shape, { identityProfile: shape === "preview" ? unknown : { kubeletidentity: { resourceId: uai.id, objectId: "11111111-2222-3333-4444-555555555555" } } }, "aks", { identityProfile: [uai] });
                const r = registry(shape);
                const ra = withDeps(shape, roleAssignment(shape, r, "x", ROLE.acrPull, { principalId: shape === "preview" ? unknown : "11111111-2222-3333-4444-555555555555" }), { principalId: [uai] });
                assert.deepEqual(run([uai, c, r, ra]).violations, []);
            });
        });
    }

    const cases: { name: string; resources: () => Res[]; want: string[] }[] = [
        { name: "does nothing without a registry", resources: () => [cluster("update")], want: [] },
        { name: "does nothing without a cluster", resources: () => [registry("update")], want: [] },
        { name: "does not count the control-plane identity fed by the cluster (known principal differs)", resources: () => {
            const c = cluster("update");
            const r = registry("update");
            const ra = withDeps("preview", roleAssignment("update", r, "22222222-0000-0000-0000-000000000000", ROLE.acrPull), { principalId: [c] });
            return [c, r, ra];
        }, want: [MISSING()] },
        { name: "counts the kubelet identity fed by the cluster when the known principal matches", resources: () => {
            const c = cluster("update");
            const r = registry("update");
            const ra = withDeps("preview", roleAssignment("update", r, kubeletOid("aks"), ROLE.acrPull), { principalId: [c] });
            return [c, r, ra];
        }, want: [] },
        { name: "counts an assignment whose role is unknown at preview", resources: () => {
            const c = cluster("preview");
            const r = registry("preview");
            return [c, r, roleAssignment("preview", r, c, ROLE.acrPull, { roleDefinitionId: unknown })];
        }, want: [] },
        { name: "does not report a broad role when the principal is unknown and not fed by a cluster", resources: () => {
            const c = cluster("preview");
            const r = registry("preview");
            const ra = roleAssignment("preview", r, c, ROLE.owner);
            ra.propertyDependencies.principalId = [];
            return [c, r, ra];
        }, want: [MISSING()] },
        { name: "treats a malformed role definition ID as no role", resources: () => {
            const c = cluster("update");
            const r = registry("update");
            return [c, r, roleAssignment("update", r, c, ROLE.acrPull, { roleDefinitionId: 42 })];
        }, want: [MISSING()] },
        { name: "classic: does not read roleDefinitionName on azure-native", resources: () => {
            const c = cluster("update");
            const r = registry("update");
            return [c, r, roleAssignment("update", r, c, ROLE.acrPull, { roleDefinitionId: undefined, roleDefinitionName: "AcrPull" })];
        }, want: [MISSING()] },
        { name: "passes AcrPull next to a broad role, reporting only the broad role", resources: () => {
            const c = cluster("update");
            const r = registry("update");
            return [c, r, roleAssignment("update", r, c, ROLE.acrPull), roleAssignment("update", r, c, ROLE.contributor, {}, "contrib")];
        }, want: [BROAD("RoleAssignment \"contrib\"", "Contributor")] },
    ];
    for (const k of cases) {
        it(k.name, () => {
            assert.deepEqual(run(k.resources()).violations, k.want);
        });
    }
});
