import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/network/aks-bastion-host-present";
import { bastion, classicAks, cluster, Res, SHAPES, TT } from "../fixtures/stack";
import { unknown, validateStack } from "../harness";

const TAIL = "in the cluster's virtual network or a peered one, or set managedElsewhere: true when a Bastion host elsewhere serves it.";
const MISSING = (c = "aks") => `ManagedCluster "${c}" is a private cluster, and this stack has no Bastion host for admin access to its network; add a network BastionHost ${TAIL}`;
const CLASSIC = `KubernetesCluster "aks" is a private cluster, and this stack has no Bastion host for admin access to its network; add a compute BastionHost ${TAIL}`;

function run(resources: Res[], config: Record<string, unknown> = {}) {
    const out = validateStack(policy, resources, config);
    assert.equal(out.unknown, undefined);
    return out;
}

const pub = { apiServerAccessProfile: { enablePrivateCluster: false, authorizedIPRanges: ["203.0.113.0/24"] } };

describe("aks-bastion-host-present", () => {
    for (const shape of SHAPES) {
        describe(`${shape} shape`, () => {
            for (const type of [TT.bastion, TT.classicBastion]) {
                it(`passes a private cluster with a ${type}`, () => {
                    assert.deepEqual(run([cluster(shape), bastion(shape, "bastion", type)]).violations, []);
                });
            }
            it("reports a private cluster without a Bastion host, once, against the first private cluster", () => {
                const a = cluster(shape, pub, "public");
                const b = cluster(shape, {}, "aks");
                const out = run([a, b, cluster(shape, {}, "other")]);
                assert.deepEqual(out.violations, [MISSING()]);
                assert.deepEqual(out.urns, [b.urn]);
            });
            it("classic: reports a private cluster in classic terms", () => {
                assert.deepEqual(run([classicAks(shape)]).violations, [CLASSIC]);
            });
            it("passes a public cluster", () => {
                assert.deepEqual(run([cluster(shape, pub), classicAks(shape, { privateClusterEnabled: false }, "c")]).violations, []);
            });
        });
    }

    const cases: { name: string; resources: Res[]; config?: Record<string, unknown>; want: string[] }[] = [
        { name: "keeps quiet when managed elsewhere", resources: [cluster("update")], config: { managedElsewhere: true }, want: [] },
        { name: "accepts the private flag as the string \"true\"", resources: [cluster("update", { apiServerAccessProfile: { enablePrivateCluster: "true" } })], want: [MISSING()] },
        { name: "does not treat a malformed flag as private", resources: [cluster("update", { apiServerAccessProfile: { enablePrivateCluster: "yes" } })], want: [] },
        { name: "does not treat a cluster without apiServerAccessProfile as private", resources: [cluster("update", { apiServerAccessProfile: undefined })], want: [] },
        { name: "skips a private flag unknown at preview", resources: [cluster("preview", { apiServerAccessProfile: { enablePrivateCluster: unknown } })], want: [] },
        { name: "skips an apiServerAccessProfile unknown at preview", resources: [cluster("preview", { apiServerAccessProfile: unknown })], want: [] },
        { name: "does nothing without a cluster", resources: [], want: [] },
    ];
    for (const k of cases) {
        it(k.name, () => {
            assert.deepEqual(run(k.resources, k.config).violations, k.want);
        });
    }
});
