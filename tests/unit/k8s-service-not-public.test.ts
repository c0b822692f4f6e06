import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/network/k8s-service-not-public";
import { excludedReason, INTERNAL, K, service } from "../fixtures/k8s-objects";
import { secret, unknown, validate, violationCases } from "../harness";
import { untyped } from "../fixtures/typed";

const PATH = `metadata.annotations["${INTERNAL}"]`;
const ABSENT = `The Service does not set ${PATH} (Azure gives the load balancer a public IP address); set it to "true".`;
const IPS = "remove it and expose the Service through an internal load balancer or an Ingress.";

function internal(v: unknown, over: Record<string, unknown> = {}) {
    return service({ metadata: { annotations: { [INTERNAL]: untyped(v) } }, ...over });
}

describe("k8s-service-not-public", () => {
    for (const type of [K.service, K.servicePatch]) {
        const patch = type.endsWith("Patch");
        describe(type, () => {
            it("passes an internal LoadBalancer", () => {
                assert.deepEqual(validate(policy, type, service()).violations, []);
            });
            it("fails a LoadBalancer with the annotation \"false\"", () => {
                assert.deepEqual(validate(policy, type, internal("false")).violations, [`The Service sets ${PATH}: "false"; set it to "true".`]);
            });
            it(patch ? "leaves an unset annotation alone in a Patch" : "fails a LoadBalancer without the annotation (public IP)", () => {
                assert.deepEqual(validate(policy, type, internal(undefined)).violations, patch ? [] : [ABSENT]);
            });
            it("fails externalIPs", () => {
                assert.deepEqual(validate(policy, type, service({ spec: { type: "ClusterIP", externalIPs: ["203.0.113.10"] } })).violations,
                    [`The Service sets spec.externalIPs: ["203.0.113.10"]; ${IPS}`]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; type?: string; config?: Record<string, unknown>; name_?: string; want: string[] }[] = [
        { name: "passes a ClusterIP Service", props: service({ metadata: { annotations: undefined }, spec: { type: "ClusterIP" } }), want: [] },
        { name: "passes a Service without a type (ClusterIP)", props: service({ metadata: { annotations: undefined }, spec: { type: undefined } }), want: [] },
        { name: "passes a NodePort Service (AKS nodes have no public IPs by default)", props: service({ metadata: { annotations: undefined }, spec: { type: "NodePort" } }), want: [] },
        { name: "compares the type case-insensitively", props: internal(undefined, { spec: { type: "loadbalancer" } }), want: [ABSENT] },
        { name: "accepts the annotation \"True\"", props: internal("True"), want: [] },
        { name: "fails a malformed annotation", props: internal("yes"), want: [`The Service sets ${PATH}: "yes"; set it to "true".`] },
        { name: "fails when annotations is not an object", props: service({ metadata: { annotations: untyped([INTERNAL]) } }), want: [ABSENT] },
        { name: "does not read the annotation from spec", props: service({ metadata: { annotations: undefined }, spec: { [INTERNAL]: "true" } as never }), want: [ABSENT] },
        { name: "reports the load balancer and externalIPs separately", props: internal(undefined, { spec: { type: "LoadBalancer", externalIPs: ["10.0.0.5"] } }),
            want: [ABSENT, `The Service sets spec.externalIPs: ["10.0.0.5"]; ${IPS}`] },
        { name: "passes an empty externalIPs list", props: service({ spec: { externalIPs: [] } }), want: [] },
        { name: "fails externalIPs given as a bare string", props: service({ spec: { externalIPs: untyped("203.0.113.10") } }), want: [`The Service sets spec.externalIPs: "203.0.113.10"; ${IPS}`] },
        { name: "never prints secret external IPs", props: service({ spec: { externalIPs: secret(["203.0.113.10"]) } }), want: [`The Service sets spec.externalIPs: [secret]; ${IPS}`] },
        // allow-list
        { name: "allows a Service listed as namespace/name", config: { allowPublicServices: ["apps/web"] }, props: internal(undefined), want: [] },
        { name: "allows a Service listed by name", config: { allowPublicServices: ["WEB"] }, props: internal(undefined, { spec: { type: "LoadBalancer", externalIPs: ["1.2.3.4"] } }), want: [] },
        { name: "allows a Service listed by its Pulumi resource name", config: { allowPublicServices: ["res"] }, props: internal(undefined), want: [] },
        { name: "reads a Service without a namespace as in default", config: { allowPublicServices: ["default/web"] }, props: service({ metadata: { namespace: undefined, annotations: undefined } }), want: [] },
        { name: "does not allow the same name in another namespace", config: { allowPublicServices: ["other/web"] }, props: internal(undefined), want: [ABSENT] },
        { name: "treats an allow-list that is not an array as empty", config: { allowPublicServices: "apps/web" }, props: internal(undefined), want: ["The policy configuration sets allowPublicServices: \"apps/web\" (write a list of strings there); until it is fixed, the policy uses the default for allowPublicServices ([]).", ABSENT] },
    ];
    violationCases(policy, K.service, cases);

    it("reports nothing but the SDK's note when the type is unknown at preview", () => {
        const out = validate(policy, K.service, service({ spec: { type: unknown } }));
        assert.deepEqual(out.violations, []);
        assert.equal(out.unknown, "string value at .spec.type can't be known during preview");
    });
    it("reports nothing but the SDK's note when the annotation is unknown at preview", () => {
        const out = validate(policy, K.service, internal(unknown));
        assert.deepEqual(out.violations, []);
        assert.equal(out.unknown, `string value at .metadata.annotations.${INTERNAL} can't be known during preview`);
    });
    it("is mandatory: a public load balancer exposes the workload to the internet", () => {
        assert.equal(policy.meta.enforcementLevel, "mandatory");
    });
    it("is not applicable in excluded namespaces", () => {
        assert.equal(validate(policy, K.service, service({ metadata: { namespace: "kube-system", annotations: undefined } })).notApplicable, excludedReason("kube-system"));
    });
});
