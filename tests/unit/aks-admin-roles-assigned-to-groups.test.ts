import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/identity/aks-admin-roles-assigned-to-groups";
import { classicAks, classicRoleAssignment, cluster, make, Res, RG, ROLE, roleAssignment, roleId, SHAPES, TT } from "../fixtures/stack";
import { secret, unknown, validateStack } from "../harness";

const GROUP = "00000000-0000-0000-0000-0000000000aa";
const RBAC_CLUSTER_ADMIN = "Azure Kubernetes Service RBAC Cluster Admin";
const user = (ra: string, type: string, role = RBAC_CLUSTER_ADMIN, on = "ManagedCluster \"aks\"") =>
    `${ra} sets principalType: ${type}; grant ${role} on ${on} to an Entra group instead (principalType "Group").`;
const omitted = (ra: string, role = RBAC_CLUSTER_ADMIN, on = "ManagedCluster \"aks\"") =>
    `${ra} does not set principalType (Azure records the principal's type as unknown, so an audit cannot tell that the admin role goes to a group); set it to "Group" with principalId an Entra group's object ID, so that ${role} on ${on} goes to a group.`;

function run(resources: Res[]) {
    const out = validateStack(policy, resources);
    assert.equal(out.unknown, undefined);
    return out;
}

describe("aks-admin-roles-assigned-to-groups", () => {
    for (const shape of SHAPES) {
        describe(`${shape} shape`, () => {
            for (const [guid, name] of [[ROLE.rbacClusterAdmin, RBAC_CLUSTER_ADMIN], [ROLE.clusterAdminRole, "Azure Kubernetes Service Cluster Admin Role"], [ROLE.rbacAdmin, "Azure Kubernetes Service RBAC Admin"]]) {
                it(`passes ${name} to a group`, () => {
                    const c = cluster(shape);
                    assert.deepEqual(run([c, roleAssignment(shape, c, GROUP, guid, { principalType: "Group" })]).violations, []);
                });
                it(`reports ${name} to a user, against the assignment`, () => {
                    const c = cluster(shape);
                    const ra = roleAssignment(shape, c, GROUP, guid, { principalType: "User" }, "alice");
                    const out = run([c, ra]);
                    assert.deepEqual(out.violations, [user("RoleAssignment \"alice\"", "\"User\"", name)]);
                    assert.deepEqual(out.urns, [ra.urn]);
                });
            }
            it("reports an admin assignment without principalType", () => {
                const c = cluster(shape);
                assert.deepEqual(run([c, roleAssignment(shape, c, GROUP, ROLE.rbacClusterAdmin, { principalType: undefined }, "admins")]).violations, [omitted("RoleAssignment \"admins\"")]);
            });
            it("reports a service principal", () => {
                const c = cluster(shape);
                assert.deepEqual(run([c, roleAssignment(shape, c, GROUP, ROLE.rbacAdmin, { principalType: "ServicePrincipal" }, "ci")]).violations,
                    [user("RoleAssignment \"ci\"", "\"ServicePrincipal\"", "Azure Kubernetes Service RBAC Admin")]);
            });
            it("classic: reports by role name", () => {
                const c = classicAks(shape);
                const ra = classicRoleAssignment(shape, c, GROUP, "Azure Kubernetes Service RBAC Cluster Admin", { principalType: "User" }, "alice");
                assert.deepEqual(run([c, ra]).violations, [user("Assignment \"alice\"", "\"User\"", RBAC_CLUSTER_ADMIN, "KubernetesCluster \"aks\"")]);
            });
            it("classic: passes a group", () => {
                const c = classicAks(shape);
                assert.deepEqual(run([c, classicRoleAssignment(shape, c, GROUP, "azure kubernetes service rbac admin", { principalType: "Group" })]).violations, []);
            });
            it("ignores other roles on the cluster", () => {
                const c = cluster(shape);
                assert.deepEqual(run([c, roleAssignment(shape, c, GROUP, ROLE.reader, { principalType: "User" })]).violations, []);
            });
            it("ignores admin roles on other scopes", () => {
                const c = cluster(shape);
                const rg = make(shape, "azure-native:resources:ResourceGroup", "rg", RG, {});
                assert.deepEqual(run([c, rg, roleAssignment(shape, rg, GROUP, ROLE.rbacClusterAdmin, { principalType: "User" })]).violations, []);
            });
        });
    }

    const c = cluster("update");
    const cases: { name: string; resources: Res[]; want: string[] }[] = [
        { name: "accepts the group type in any case", resources: [c, roleAssignment("update", c, GROUP, ROLE.rbacClusterAdmin, { principalType: "group" })], want: [] },
        { name: "covers a namespace scope under the cluster", resources: [c, roleAssignment("update", c, GROUP, ROLE.rbacAdmin, { principalType: "User", scope: `${c.id}/namespaces/team-a` }, "ns")],
            want: [user("RoleAssignment \"ns\"", "\"User\"", "Azure Kubernetes Service RBAC Admin")] },
        { name: "covers the versioned token", resources: [c, roleAssignment("update", c, GROUP, ROLE.rbacClusterAdmin, { principalType: "User" }, "v", TT.roleAssignmentV2)],
            want: [user("RoleAssignment \"v\"", "\"User\"")] },
        { name: "reads classic roleDefinitionId too", resources: [c, classicRoleAssignment("update", c, GROUP, "x", { roleDefinitionName: undefined, roleDefinitionId: roleId(ROLE.clusterAdminRole), principalType: "User" }, "legacy", TT.legacyRoleAssignment)],
            want: [user("Assignment \"legacy\"", "\"User\"", "Azure Kubernetes Service Cluster Admin Role")] },
        { name: "reports a malformed principalType", resources: [c, roleAssignment("update", c, GROUP, ROLE.rbacClusterAdmin, { principalType: ["Group"] }, "m")],
            want: [user("RoleAssignment \"m\"", "[\"Group\"]")] },
        { name: "never prints a secret principalType", resources: [c, roleAssignment("update", c, GROUP, ROLE.rbacClusterAdmin, { principalType: secret("User") }, "s")],
            want: [user("RoleAssignment \"s\"", "[secret]")] },
        { name: "passes a principalType unknown at preview", resources: (() => {
            const p = cluster("preview");
            return [p, roleAssignment("preview", p, GROUP, ROLE.rbacClusterAdmin, { principalType: unknown })];
        })(), want: [] },
        { name: "passes a role unknown at preview", resources: (() => {
            const p = cluster("preview");
            return [p, roleAssignment("preview", p, GROUP, ROLE.rbacClusterAdmin, { roleDefinitionId: unknown, principalType: "User" })];
        })(), want: [] },
        { name: "does nothing without a cluster", resources: [make("update", "azure-native:resources:ResourceGroup", "rg", RG, {})], want: [] },
    ];
    for (const k of cases) {
        it(k.name, () => {
            assert.deepEqual(run(k.resources).violations, k.want);
        });
    }
});
