import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy } from "../../policies/pod-security/k8s-helm-objects-visible";
import { helmRelease, K } from "../fixtures/k8s-objects";
import { secret, unknown, validate } from "../harness";
import { untyped } from "../fixtures/typed";

const TAIL = "creates its objects inside Helm, so no policy of this pack checks them; deploy it with kubernetes:helm.sh/v4:Chart instead.";

describe("k8s-helm-objects-visible", () => {
    const cases: { name: string; props: Record<string, unknown>; want: string[] }[] = [
        { name: "notes a helm.sh/v3 Release, naming its chart", props: helmRelease(), want: [`The helm.sh/v3 Release of chart "ingress-nginx" ${TAIL}`] },
        { name: "notes a Release without a chart name", props: helmRelease({ chart: undefined }), want: [`The helm.sh/v3 Release ${TAIL}`] },
        { name: "notes a Release whose chart is not a string", props: helmRelease({ chart: untyped({ name: "x" }) }), want: [`The helm.sh/v3 Release ${TAIL}`] },
        { name: "never prints a secret chart name", props: helmRelease({ chart: secret("internal-chart") }), want: [`The helm.sh/v3 Release ${TAIL}`] },
        { name: "does not stop on a chart unknown at preview", props: helmRelease({ chart: unknown }), want: [`The helm.sh/v3 Release ${TAIL}`] },
    ];
    for (const c of cases) {
        it(c.name, () => {
            const out = validate(policy, K.helmRelease, c.props);
            assert.deepEqual(out.violations, c.want);
            assert.equal(out.unknown, undefined);
        });
    }
    it("is an advisory, low-severity note in every profile", () => {
        assert.equal(policy.meta.enforcementLevel, "advisory");
        assert.equal(policy.meta.strictLevel, "advisory");
        assert.equal(policy.meta.severity, "low");
    });
    it("is not applicable to Chart v4, the v3 Chart component, yaml and kustomize", () => {
        for (const type of [K.helmChartV4, K.helmChartV3, K.configGroup, K.kustomize, K.deployment, "kubernetes:helm.sh/v3:ReleasePatch"]) {
            assert.equal(validate(policy, type, {}).notApplicable, "applies to kubernetes Release resources only", type);
        }
    });
});
