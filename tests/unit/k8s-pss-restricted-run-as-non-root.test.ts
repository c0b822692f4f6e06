import { describe } from "node:test";
import { policy } from "../../policies/pod-security/k8s-pss-restricted-run-as-non-root";
import { container, ephemeralContainer, initContainer, kind, POD, podSpec, runCases, unknownNote, workloadSuite } from "../fixtures/k8s";
import { secret, unknown } from "../harness";
import { untyped } from "../fixtures/typed";

const S = "spec.template.spec";
const implicit = (spec: string, c: string) =>
    `${c} does not set securityContext.runAsNonRoot (nor does ${spec}.securityContext, so the image's user, possibly root, applies); set it to true, here or once in ${spec}.securityContext.`;
const noPodLevel = (over: Record<string, unknown> = {}) => podSpec({ securityContext: { runAsNonRoot: undefined }, ...over });

describe("k8s-pss-restricted-run-as-non-root", () => {
    workloadSuite(policy, {
        spec: podSpec({ securityContext: { runAsNonRoot: false } }),
        want: k => [`${k.spec} sets securityContext.runAsNonRoot: false; set it to true.`],
    });

    runCases(policy, [
        { name: "passes runAsNonRoot: true on the pod only", spec: podSpec({ securityContext: { runAsNonRoot: true } }) },
        { name: "passes runAsNonRoot: true on every container instead", spec: noPodLevel({
            containers: [container({ securityContext: { runAsNonRoot: true } })],
            initContainers: [initContainer({ securityContext: { runAsNonRoot: true } })],
        }) },
        { name: "flags every container when neither pod nor containers set it", kind: POD, spec: noPodLevel({
            containers: [container()],
            initContainers: [initContainer()],
            ephemeralContainers: [ephemeralContainer({ securityContext: { runAsNonRoot: true } })],
        }), want: [implicit("spec", "spec.containers[0] (\"app\")"), implicit("spec", "spec.initContainers[0] (\"init\")")] },
        { name: "flags a container that sets false under a pod-level true", spec: podSpec({ containers: [container({ securityContext: { runAsNonRoot: false } })] }),
            want: [`${S}.containers[0] ("app") sets securityContext.runAsNonRoot: false; set it to true or remove it.`] },
        { name: "flags an init container that sets false", spec: podSpec({ initContainers: [initContainer({ securityContext: { runAsNonRoot: false } })] }),
            want: [`${S}.initContainers[0] ("init") sets securityContext.runAsNonRoot: false; set it to true or remove it.`] },
        { name: "flags an ephemeral container that sets false", spec: podSpec({ ephemeralContainers: [ephemeralContainer({ securityContext: { runAsNonRoot: false } })] }),
            want: [`${S}.ephemeralContainers[0] ("debug") sets securityContext.runAsNonRoot: false; set it to true or remove it.`] },
        { name: "reports a pod-level false once, not again for each container relying on it", spec: podSpec({ securityContext: { runAsNonRoot: false }, containers: [container(), container({ name: "b" })] }),
            want: [`${S} sets securityContext.runAsNonRoot: false; set it to true.`] },
        { name: "passes a container-level true under a pod-level false, but still flags the pod", spec: podSpec({ securityContext: { runAsNonRoot: false }, containers: [container({ securityContext: { runAsNonRoot: true } })] }),
            want: [`${S} sets securityContext.runAsNonRoot: false; set it to true.`] },
        { name: "passes the string \"true\"", spec: podSpec({ securityContext: { runAsNonRoot: untyped("true") } }) },
        { name: "flags a malformed pod-level value", spec: podSpec({ securityContext: { runAsNonRoot: untyped(1) } }), want: [`${S} sets securityContext.runAsNonRoot: 1; set it to true.`] },
        // user namespaces (policy v1.35)
        { name: "exempts a pod in a user namespace", spec: podSpec({ hostUsers: false, securityContext: { runAsNonRoot: false } }) },
        { name: "does not exempt hostUsers: true", spec: podSpec({ hostUsers: true, securityContext: { runAsNonRoot: false } }), want: [`${S} sets securityContext.runAsNonRoot: false; set it to true.`] },
        { name: "reports only the SDK's note when hostUsers is unknown and the check fails", spec: podSpec({ hostUsers: unknown, securityContext: { runAsNonRoot: false } }), unknown: unknownNote(`${S}.hostUsers`) },
        // …Patch
        { name: "does not require the field in a DeploymentPatch", kind: kind("DeploymentPatch"), spec: { containers: [{ name: "app", image: "app:2" }] } },
        { name: "flags an explicit false in a PodPatch", kind: kind("PodPatch"), spec: { containers: [{ name: "app", securityContext: { runAsNonRoot: false } }] },
            want: ["spec.containers[0] (\"app\") sets securityContext.runAsNonRoot: false; set it to true or remove it."] },
        // secrets and unknowns
        { name: "never prints a secret value", spec: podSpec({ securityContext: { runAsNonRoot: secret(false) } }), want: [`${S} sets securityContext.runAsNonRoot: [secret]; set it to true.`] },
        { name: "reports only the SDK's note when the pod-level value is unknown at preview", spec: podSpec({ securityContext: { runAsNonRoot: unknown } }),
            unknown: unknownNote(`${S}.securityContext.runAsNonRoot`) },
    ]);
});
