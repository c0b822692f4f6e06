import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/network/azure-private-endpoints-configured";
import { classicEndpoint, classicRegistry, classicVault, cluster, privateEndpoint, registry, Res, SHAPES, TT, vault } from "../fixtures/stack";
import { unknown, validateStack } from "../harness";

const TAIL = "or set managedElsewhere: true when its private endpoint is managed in another stack.";
const REG = `Registry "acr" has no private endpoint in this stack (the cluster reaches it over its public endpoint); add a PrivateEndpoint with privateLinkServiceConnections: [{ privateLinkServiceId: <its id>, groupIds: ["registry"] }] (Premium SKU), ${TAIL}`;
const KV = `Vault "kv" has no private endpoint in this stack (the cluster reaches it over its public endpoint); add a PrivateEndpoint with privateLinkServiceConnections: [{ privateLinkServiceId: <its id>, groupIds: ["vault"] }], ${TAIL}`;
const REG_CLASSIC = `Registry "acr" has no private endpoint in this stack (the cluster reaches it over its public endpoint); add an Endpoint with privateServiceConnection: { privateConnectionResourceId: <its id>, subresourceNames: ["registry"] } (Premium SKU), ${TAIL}`;
const KV_CLASSIC = `KeyVault "kv" has no private endpoint in this stack (the cluster reaches it over its public endpoint); add an Endpoint with privateServiceConnection: { privateConnectionResourceId: <its id>, subresourceNames: ["vault"] }, ${TAIL}`;

function run(resources: Res[], config: Record<string, unknown> = {}) {
    const out = validateStack(policy, resources, config);
    assert.equal(out.unknown, undefined);
    return out;
}

describe("azure-private-endpoints-configured", () => {
    for (const shape of SHAPES) {
        describe(`${shape} shape`, () => {
            for (const pe of [TT.privateEndpoint, TT.interfaceEndpoint]) {
                it(`passes a registry and a vault with ${pe}s`, () => {
                    const r = registry(shape);
                    const v = vault(shape);
                    assert.deepEqual(run([r, v, privateEndpoint(shape, r, "registry", {}, "pe-acr", pe), privateEndpoint(shape, v, "vault", {}, "pe-kv", pe)]).violations, []);
                });
            }
            it("passes classic resources with classic endpoints", () => {
                const r = classicRegistry(shape);
                const v = classicVault(shape);
                assert.deepEqual(run([r, v, classicEndpoint(shape, r, "registry"), classicEndpoint(shape, v, "vault")]).violations, []);
            });
            it("reports each registry and vault without one, against itself", () => {
                const r = registry(shape);
                const v = vault(shape);
                const out = run([cluster(shape), r, v]);
                assert.deepEqual(out.violations, [REG, KV]);
                assert.deepEqual(out.urns, [r.urn, v.urn]);
            });
            it("reports classic resources in classic terms", () => {
                assert.deepEqual(run([classicRegistry(shape), classicVault(shape)]).violations, [REG_CLASSIC, KV_CLASSIC]);
            });
            it("does not count an endpoint of another resource", () => {
                const r = registry(shape);
                const v = vault(shape);
                assert.deepEqual(run([r, v, privateEndpoint(shape, v, "vault")]).violations, [REG]);
            });
            it("counts a manual connection", () => {
                const r = registry(shape);
                const pe = privateEndpoint(shape, r, "registry", { privateLinkServiceConnections: undefined, manualPrivateLinkServiceConnections: [{ name: "m", privateLinkServiceId: shape === "preview" ? unknown : r.id, groupIds: ["registry"] }] });
                pe.propertyDependencies = shape === "preview" ? { manualPrivateLinkServiceConnections: [r.urn] } : {};
                assert.deepEqual(run([r, pe]).violations, []);
            });
            it("links a classic endpoint to an azure-native registry", () => {
                const r = registry(shape);
                assert.deepEqual(run([r, classicEndpoint(shape, r, "registry")]).violations, []);
            });
        });
    }

    const r = registry("update");
    const cases: { name: string; resources: Res[]; config?: Record<string, unknown>; want: string[] }[] = [
        { name: "keeps quiet when endpoints are managed elsewhere", resources: [r], config: { managedElsewhere: true }, want: [] },
        { name: "does nothing without a registry or vault", resources: [cluster("update")], want: [] },
        { name: "does not count an endpoint without connections", resources: [r, privateEndpoint("update", r, "registry", { privateLinkServiceConnections: undefined })], want: [REG] },
        { name: "does not count malformed connections", resources: [r, privateEndpoint("update", r, "registry", { privateLinkServiceConnections: { privateLinkServiceId: r.id } })], want: [REG] },
        { name: "skips malformed elements and counts the good one", resources: [r, privateEndpoint("update", r, "registry", { privateLinkServiceConnections: ["x", { privateLinkServiceId: 42 }, { privateLinkServiceId: r.id.toLowerCase() }] })], want: [] },
        { name: "passes a connection list unknown at preview but fed by the registry", resources: (() => {
            const p = registry("preview");
            return [p, privateEndpoint("preview", p, "registry", { privateLinkServiceConnections: unknown })];
        })(), want: [] },
    ];
    for (const k of cases) {
        it(k.name, () => {
            assert.deepEqual(run(k.resources, k.config).violations, k.want);
        });
    }
});
