import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/data-protection/k8s-ingress-tls-enabled";
import { excludedReason, ingress, ingressRule, K } from "../fixtures/k8s-objects";
import { secret, unknown, validate } from "../harness";
import { untyped } from "../fixtures/typed";

const UNCOVERED = "which no spec.tls[].hosts entry covers, so it is served over plain HTTP; add it to spec.tls[].hosts with the certificate's secretName.";
const NO_HOST = "does not set host (the rule answers every host name over plain HTTP: no spec.tls entry without hosts covers it); set host and list it in spec.tls[].hosts.";

function ing(tls: unknown, rules: unknown, extra: Record<string, unknown> = {}) {
    return ingress({ spec: { tls: untyped(tls), rules: untyped(rules), ...extra } });
}

describe("k8s-ingress-tls-enabled", () => {
    for (const type of [K.ingress, K.ingressV1beta1, K.ingressExtensions, K.ingressPatch]) {
        const patch = type.endsWith("Patch");
        describe(type, () => {
            it("passes TLS for every host", () => {
                assert.deepEqual(validate(policy, type, ingress()).violations, []);
            });
            it("fails a host without TLS", () => {
                assert.deepEqual(validate(policy, type, ing([{ hosts: ["app.example.com"], secretName: "t" }], [ingressRule("app.example.com"), ingressRule("api.example.com")])).violations,
                    [`spec.rules[1] sets host: "api.example.com", ${UNCOVERED}`]);
            });
            it(patch ? "leaves a Patch without spec.tls alone" : "fails an Ingress without spec.tls", () => {
                assert.deepEqual(validate(policy, type, ing(undefined, [ingressRule("app.example.com")])).violations,
                    patch ? [] : [`spec.rules[0] sets host: "app.example.com", ${UNCOVERED}`]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; want: string[] }[] = [
        { name: "compares hosts case-insensitively", props: ing([{ hosts: ["App.Example.com"] }], [ingressRule("app.example.COM")]), want: [] },
        { name: "accepts a wildcard TLS host for one label", props: ing([{ hosts: ["*.example.com"] }], [ingressRule("app.example.com")]), want: [] },
        { name: "does not stretch a wildcard over two labels", props: ing([{ hosts: ["*.example.com"] }], [ingressRule("a.b.example.com")]),
            want: [`spec.rules[0] sets host: "a.b.example.com", ${UNCOVERED}`] },
        { name: "does not let a wildcard cover the apex", props: ing([{ hosts: ["*.example.com"] }], [ingressRule("example.com")]),
            want: [`spec.rules[0] sets host: "example.com", ${UNCOVERED}`] },
        { name: "accepts a wildcard rule host covered by the same wildcard", props: ing([{ hosts: ["*.example.com"] }], [ingressRule("*.example.com")]), want: [] },
        { name: "collects hosts across TLS entries", props: ing([{ hosts: ["a.example.com"] }, { hosts: ["b.example.com"] }], [ingressRule("a.example.com"), ingressRule("b.example.com")]), want: [] },
        { name: "fails a rule without host when every TLS entry names hosts", props: ing([{ hosts: ["app.example.com"] }], [ingressRule()]), want: [`spec.rules[0] ${NO_HOST}`] },
        { name: "accepts a TLS entry without hosts for every rule", props: ing([{ secretName: "default-cert" }], [ingressRule(), ingressRule("x.example.com")]), want: [] },
        { name: "accepts a TLS entry with an empty hosts list as covering every rule", props: ing([{ hosts: [], secretName: "c" }], [ingressRule()]), want: [] },
        { name: "fails an empty spec.tls", props: ing([], [ingressRule("app.example.com")]), want: [`spec.rules[0] sets host: "app.example.com", ${UNCOVERED}`] },
        { name: "fails an empty host string", props: ing([{ hosts: ["app.example.com"] }], [ingressRule("")]),
            want: ["spec.rules[0] sets host: \"\"; set host and list it in spec.tls[].hosts."] },
        { name: "reports every uncovered rule once, in order", props: ing([{ hosts: ["b.example.com"] }], [ingressRule("a.example.com"), ingressRule("b.example.com"), ingressRule()]),
            want: [`spec.rules[0] sets host: "a.example.com", ${UNCOVERED}`, `spec.rules[2] ${NO_HOST}`] },
        { name: "fails a default backend served without TLS", props: ing(undefined, undefined, { defaultBackend: { service: { name: "web", port: { number: 80 } } } }),
            want: ["The Ingress does not set spec.tls (the default backend is served over plain HTTP); add a tls entry with the certificate's secretName."] },
        { name: "fails the v1beta1 backend served without TLS", props: ing(undefined, [], { backend: { serviceName: "web", servicePort: 80 } }),
            want: ["The Ingress does not set spec.tls (the default backend is served over plain HTTP); add a tls entry with the certificate's secretName."] },
        { name: "passes a default backend with TLS", props: ing([{ secretName: "c" }], undefined, { defaultBackend: { service: { name: "web" } } }), want: [] },
        { name: "passes an Ingress without rules or backend", props: ing(undefined, undefined), want: [] },
        { name: "reads a bare-string hosts value (malformed)", props: ing([{ hosts: "app.example.com" }], [ingressRule("app.example.com")]), want: [] },
        { name: "checks nothing when rules is not an array", props: ing(undefined, { host: "app.example.com" }), want: [] },
        { name: "reads a spec.tls that is not an array as having no entries", props: ing({ hosts: ["app.example.com"] }, [ingressRule("app.example.com")]),
            want: [`spec.rules[0] sets host: "app.example.com", ${UNCOVERED}`] },
        { name: "never prints a secret host", props: ing([], [ingressRule(secret("internal.example.com"))]), want: [`spec.rules[0] sets host: [secret], ${UNCOVERED}`] },
        { name: "matches a secret TLS host without printing it", props: ing([{ hosts: [secret("app.example.com")] }], [ingressRule("app.example.com")]), want: [] },
    ];
    for (const c of cases) {
        it(c.name, () => {
            assert.deepEqual(validate(policy, K.ingress, c.props).violations, c.want);
        });
    }

    it("reports nothing but the SDK's note when a rule's host is unknown at preview", () => {
        const out = validate(policy, K.ingress, ing([{ hosts: ["a.example.com"] }], [ingressRule(unknown)]));
        assert.deepEqual(out.violations, []);
        assert.equal(out.unknown, "string value at .spec.rules.0.host can't be known during preview");
    });
    it("reports nothing but the SDK's note when the TLS hosts are unknown at preview", () => {
        const out = validate(policy, K.ingress, ing([{ hosts: unknown }], [ingressRule("a.example.com")]));
        assert.deepEqual(out.violations, []);
        assert.equal(out.unknown, "string value at .spec.tls.0.hosts can't be known during preview");
    });
    it("is not applicable in excluded namespaces", () => {
        assert.equal(validate(policy, K.ingress, ingress({ metadata: { namespace: "app-routing-system" }, spec: { tls: undefined } })).notApplicable, excludedReason("app-routing-system"));
    });
});
