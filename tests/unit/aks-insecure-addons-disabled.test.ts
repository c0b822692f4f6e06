import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/governance/aks-insecure-addons-disabled";
import { classicCluster, managedCluster, merge, NATIVE_CLUSTER_TYPES, T } from "../fixtures/aks";
import { secret, unknown, validate } from "../harness";
import { untyped } from "../fixtures/typed";

const DASH_FIX = "set it to false or remove the add-on: the dashboard is retired and shows and changes cluster state through the API server.";
const ROUTING_FIX = "set it to false or remove it: this retired add-on publishes apps on public DNS names without TLS; use the application routing add-on instead.";
const DASH_ON = `The cluster sets addonProfiles.kubeDashboard.enabled: true; ${DASH_FIX}`;
const ROUTING_ON = `The cluster sets addonProfiles.httpApplicationRouting.enabled: true; ${ROUTING_FIX}`;

/** An azure-native cluster with these extra add-on profiles. */
function addons(profiles: Record<string, unknown>) {
    return merge(managedCluster(), { addonProfiles: profiles });
}

/** A classic cluster with the v2-era `addonProfile` block. */
function classicLegacy(block: Record<string, unknown>) {
    return merge(classicCluster(), { addonProfile: block });
}

describe("aks-insecure-addons-disabled", () => {
    for (const type of NATIVE_CLUSTER_TYPES) {
        describe(type, () => {
            it("passes a cluster without either add-on", () => {
                assert.deepEqual(validate(policy, type, managedCluster()).violations, []);
            });
            it("fails the dashboard add-on", () => {
                assert.deepEqual(validate(policy, type, addons({ kubeDashboard: { enabled: true } })).violations, [DASH_ON]);
            });
            it("fails HTTP application routing", () => {
                assert.deepEqual(validate(policy, type, addons({ httpApplicationRouting: { enabled: true } })).violations, [ROUTING_ON]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; want: string[] }[] = [
        { name: "reports both add-ons, dashboard first", props: addons({ httpApplicationRouting: { enabled: true }, kubeDashboard: { enabled: true } }), want: [DASH_ON, ROUTING_ON] },
        { name: "passes add-ons explicitly disabled", props: addons({ kubeDashboard: { enabled: false }, httpApplicationRouting: { enabled: false } }), want: [] },
        { name: "passes the string \"false\"", props: addons({ kubeDashboard: { enabled: "false" }, httpApplicationRouting: { enabled: "FALSE" } }), want: [] },
        { name: "fails the string \"true\"", props: addons({ kubeDashboard: { enabled: "true" } }), want: [`The cluster sets addonProfiles.kubeDashboard.enabled: "true"; ${DASH_FIX}`] },
        { name: "fails a malformed flag, showing it", props: addons({ httpApplicationRouting: { enabled: "no" } }),
            want: [`The cluster sets addonProfiles.httpApplicationRouting.enabled: "no"; ${ROUTING_FIX}`] },
        { name: "matches add-on keys case-insensitively, naming them as written", props: addons({ kubedashboard: { enabled: true }, HttpApplicationRouting: { enabled: true } }), want: [
            `The cluster sets addonProfiles.kubedashboard.enabled: true; ${DASH_FIX}`,
            `The cluster sets addonProfiles.HttpApplicationRouting.enabled: true; ${ROUTING_FIX}`,
        ] },
        { name: "passes an add-on block without enabled (off)", props: addons({ kubeDashboard: { config: {} } }), want: [] },
        { name: "passes when addonProfiles is absent", props: managedCluster({ addonProfiles: undefined }), want: [] },
        { name: "passes when addonProfiles is an array", props: managedCluster({ addonProfiles: untyped([{ kubeDashboard: { enabled: true } }]) }), want: [] },
        { name: "never prints a secret flag", props: addons({ kubeDashboard: { enabled: secret(true) } }), want: [`The cluster sets addonProfiles.kubeDashboard.enabled: [secret]; ${DASH_FIX}`] },
        { name: "does not read the classic spelling on azure-native", props: merge(managedCluster(), { httpApplicationRoutingEnabled: true }), want: [] },
        // classic
        { name: "classic: passes without the add-on", type: T.classicCluster, props: classicCluster(), want: [] },
        { name: "classic: passes httpApplicationRoutingEnabled: false", type: T.classicCluster, props: classicCluster({ httpApplicationRoutingEnabled: false }), want: [] },
        { name: "classic: fails httpApplicationRoutingEnabled: true", type: T.classicCluster, props: classicCluster({ httpApplicationRoutingEnabled: true }),
            want: [`The cluster sets httpApplicationRoutingEnabled: true; ${ROUTING_FIX}`] },
        { name: "classic: fails a malformed flag", type: T.classicCluster, props: classicCluster({ httpApplicationRoutingEnabled: untyped("yes") }),
            want: [`The cluster sets httpApplicationRoutingEnabled: "yes"; ${ROUTING_FIX}`] },
        { name: "classic v2-era: fails addonProfile.kubeDashboard and httpApplicationRouting", type: T.classicCluster,
            props: classicLegacy({ kubeDashboard: { enabled: true }, httpApplicationRouting: { enabled: true } }), want: [
                `The cluster sets addonProfile.kubeDashboard.enabled: true; ${DASH_FIX}`,
                `The cluster sets addonProfile.httpApplicationRouting.enabled: true; ${ROUTING_FIX}`,
            ] },
        { name: "classic v2-era: passes both add-ons disabled", type: T.classicCluster, props: classicLegacy({ kubeDashboard: { enabled: false }, httpApplicationRouting: { enabled: false } }), want: [] },
        { name: "classic: never prints a secret flag", type: T.classicCluster, props: classicCluster({ httpApplicationRoutingEnabled: secret("on") }),
            want: [`The cluster sets httpApplicationRoutingEnabled: [secret]; ${ROUTING_FIX}`] },
    ];
    for (const c of cases) {
        it(c.name, () => {
            const out = validate(policy, c.type ?? T.managedCluster, c.props);
            assert.deepEqual(out.violations, c.want);
            assert.equal(out.unknown, undefined);
        });
    }

    const unknowns: { name: string; props: Record<string, unknown>; type?: string; note: string }[] = [
        { name: "the dashboard flag", props: addons({ kubeDashboard: { enabled: unknown } }), note: "string value at .addonProfiles.kubeDashboard.enabled can't be known during preview" },
        { name: "the whole addonProfiles", props: managedCluster({ addonProfiles: unknown }), note: "string value at .addonProfiles can't be known during preview" },
        { name: "a classic flag", type: T.classicCluster, props: classicCluster({ httpApplicationRoutingEnabled: unknown }), note: "string value at .httpApplicationRoutingEnabled can't be known during preview" },
    ];
    for (const c of unknowns) {
        it(`reports nothing but the SDK's note when ${c.name} is unknown at preview`, () => {
            const out = validate(policy, c.type ?? T.managedCluster, c.props);
            assert.deepEqual(out.violations, []);
            assert.equal(out.unknown, c.note);
        });
    }

    it("is not applicable to node pools or other resource types", () => {
        assert.equal(validate(policy, T.agentPool, {}).notApplicable, "applies to AKS cluster resources only");
        assert.equal(validate(policy, "kubernetes:networking.k8s.io/v1:Ingress", {}).notApplicable, "applies to AKS cluster resources only");
    });
});
