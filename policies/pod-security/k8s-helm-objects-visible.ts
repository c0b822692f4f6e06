import { PolicyMeta, resourcePolicy } from "../../lib/policy";
import { ObjectView, quoted } from "../../lib/views/k8s-objects";
import { helmRelease } from "../../lib/core/kinds";
import { objects } from "../../lib/readers";

export const meta: PolicyMeta = {
    name: "k8s-helm-objects-visible",
    displayName: "Kubernetes: Helm charts deployed so policies see their objects",
    description: "Helm charts are deployed with kubernetes:helm.sh/v4:Chart, whose rendered objects the policy pack checks, rather than helm.sh/v3 Release, which creates them out of the pack's sight.",
    controls: ["POD-1", "IMG-1"],
    checks: [],
    severity: "low",
    enforcementLevel: "advisory",
    strictLevel: "advisory",
    url: "https://www.pulumi.com/registry/packages/kubernetes/api-docs/helm/v4/chart/",
    remediationSteps: [
        "Pulumi kubernetes: replace `new k8s.helm.v3.Release(...)` with `new k8s.helm.v4.Chart(...)` (same `chart`, `version`, `values`, `repositoryOpts`); Chart v4 registers every rendered object as a resource, so every Kubernetes policy of this pack checks it.",
        "Kubernetes manifest: render the chart (`helm template`) and deploy the manifests with `k8s.yaml.v2.ConfigGroup`, which also registers each object.",
    ].join("\n"),
};

export function* check(release: ObjectView): Iterable<string> {
    const chart = quoted(release.get("chart"));
    yield `The helm.sh/v3 Release${chart ? ` of chart ${chart}` : ""} creates its objects inside Helm, so no policy of this pack checks them; deploy it with kubernetes:helm.sh/v4:Chart instead.`;
}

export const policy = resourcePolicy(meta, objects(helmRelease), check);
