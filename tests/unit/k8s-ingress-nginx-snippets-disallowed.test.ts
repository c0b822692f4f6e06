import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/identity/k8s-ingress-nginx-snippets-disallowed";
import { excludedReason, ingress, K } from "../fixtures/k8s-objects";
import { secret, unknown, validate } from "../harness";
import { untyped } from "../fixtures/typed";

const FIX = "which injects raw NGINX configuration into the ingress-nginx controller; remove the annotation and use the controller's dedicated annotations instead.";
const at = (key: string) => `The Ingress sets metadata.annotations[${JSON.stringify(key)}], ${FIX}`;
const SNIPPET = "nginx.ingress.kubernetes.io/configuration-snippet";
const annotated = (annotations: unknown) => ingress({ metadata: { annotations: untyped(annotations) } });

describe("k8s-ingress-nginx-snippets-disallowed", () => {
    for (const type of [K.ingress, "kubernetes:networking.k8s.io/v1beta1:Ingress", "kubernetes:extensions/v1beta1:Ingress", "kubernetes:networking.k8s.io/v1:IngressPatch"]) {
        describe(type, () => {
            it("passes an Ingress without snippets", () => {
                assert.deepEqual(validate(policy, type, annotated({ "nginx.ingress.kubernetes.io/rewrite-target": "/" })).violations, []);
            });
            it("fails a configuration snippet", () => {
                assert.deepEqual(validate(policy, type, annotated({ [SNIPPET]: "more_set_headers \"X: y\";" })).violations, [at(SNIPPET)]);
            });
        });
    }

    const cases: { name: string; props: Record<string, unknown>; config?: Record<string, unknown>; want: string[] }[] = [
        { name: "passes an Ingress without annotations", props: ingress(), want: [] },
        { name: "reports every snippet annotation once, in order", props: annotated({
            "nginx.ingress.kubernetes.io/server-snippet": "location /x {}", "kubernetes.io/ingress.class": "nginx", "nginx.ingress.kubernetes.io/auth-snippet": "x",
        }), want: [at("nginx.ingress.kubernetes.io/server-snippet"), at("nginx.ingress.kubernetes.io/auth-snippet")] },
        { name: "compares keys case-insensitively", props: annotated({ "NGINX.ingress.kubernetes.io/Configuration-Snippet": "x" }), want: [at("NGINX.ingress.kubernetes.io/Configuration-Snippet")] },
        { name: "never prints the snippet, even a secret one", props: annotated({ [SNIPPET]: secret("proxy_pass http://evil;") }), want: [at(SNIPPET)] },
        { name: "reads the snippet's key even when its value is unknown", props: annotated({ [SNIPPET]: unknown }), want: [at(SNIPPET)] },
        { name: "takes the list from config", config: { disallowedAnnotations: ["example.com/raw"] }, props: annotated({ [SNIPPET]: "x", "example.com/raw": "y" }), want: [at("example.com/raw")] },
        { name: "uses the default list when the setting is not an array, and says so once", config: { disallowedAnnotations: SNIPPET }, props: annotated({ [SNIPPET]: "x" }),
            want: ["The policy configuration sets disallowedAnnotations: \"nginx.ingress.kubernetes.io/configuration-snippet\" (write a list of strings there, e.g. [\"nginx.ingress.kubernetes.io/configuration-snippet\",\"nginx.ingress.kubernetes.…); until it is fixed, the policy uses the default for disallowedAnnotations ([\"nginx.ingress.kubernetes.io/configuration-snippet\",\"nginx.ingress.kubernetes.…).", at(SNIPPET)] },
        { name: "ignores annotations that are not an object", props: annotated([SNIPPET]), want: [] },
    ];
    for (const c of cases) {
        it(c.name, () => {
            const out = validate(policy, K.ingress, c.props, c.config);
            assert.deepEqual(out.violations, c.want);
            assert.equal(out.unknown, undefined);
        });
    }

    it("reports nothing but the SDK's note when the annotations are unknown at preview", () => {
        const out = validate(policy, K.ingress, annotated(unknown));
        assert.deepEqual(out.violations, []);
        assert.equal(out.unknown, "string value at .metadata.annotations can't be known during preview");
    });
    it("skips system namespaces", () => {
        assert.equal(validate(policy, K.ingress, ingress({ metadata: { namespace: "kube-system", annotations: { [SNIPPET]: "x" } } })).notApplicable, excludedReason("kube-system"));
    });
});
