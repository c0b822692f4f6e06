import { describe } from "node:test";
import { policy } from "../../policies/pod-security/k8s-pss-restricted-seccomp";
import { container, ephemeralContainer, initContainer, kind, POD, podSpec, runCases, unknownNote, workloadSuite } from "../fixtures/k8s";
import { secret, unknown } from "../harness";
import { untyped } from "../fixtures/typed";

const S = "spec.template.spec";
const FIX = "set it to RuntimeDefault or Localhost.";
const implicit = (spec: string, c: string) =>
    `${c} does not set securityContext.seccompProfile.type (nor does ${spec}.securityContext, so the container may run without seccomp filtering); set it to RuntimeDefault, here or once in ${spec}.securityContext.seccompProfile.`;
const noPodLevel = (over: Record<string, unknown> = {}) => podSpec({ securityContext: { seccompProfile: undefined }, ...over });
const app = (seccompProfile: unknown) => noPodLevel({ containers: [container({ securityContext: { seccompProfile: untyped(seccompProfile) } })] });

describe("k8s-pss-restricted-seccomp", () => {
    workloadSuite(policy, {
        spec: podSpec({ securityContext: { seccompProfile: { type: "Unconfined" } } }),
        want: k => [`${k.spec} sets securityContext.seccompProfile.type: "Unconfined"; ${FIX}`],
    });

    runCases(policy, [
        { name: "passes a Localhost pod profile", spec: podSpec({ securityContext: { seccompProfile: { type: "Localhost", localhostProfile: "p.json" } } }) },
        { name: "passes profiles on every container instead of the pod", spec: noPodLevel({
            containers: [container({ securityContext: { seccompProfile: { type: "RuntimeDefault" } } })],
            initContainers: [initContainer({ securityContext: { seccompProfile: { type: "Localhost", localhostProfile: "p.json" } } })],
        }) },
        { name: "flags every container when neither pod nor containers set one", kind: POD, spec: noPodLevel({
            initContainers: [initContainer()],
            ephemeralContainers: [ephemeralContainer()],
        }), want: [
            implicit("spec", "spec.containers[0] (\"app\")"),
            implicit("spec", "spec.initContainers[0] (\"init\")"),
            implicit("spec", "spec.ephemeralContainers[0] (\"debug\")"),
        ] },
        { name: "flags only the container without its own profile", spec: noPodLevel({
            containers: [container({ securityContext: { seccompProfile: { type: "RuntimeDefault" } } }), container({ name: "b" })],
        }), want: [implicit(S, `${S}.containers[1] ("b")`)] },
        { name: "flags an Unconfined container under a RuntimeDefault pod", spec: podSpec({ initContainers: [initContainer({ securityContext: { seccompProfile: { type: "Unconfined" } } })] }),
            want: [`${S}.initContainers[0] ("init") sets securityContext.seccompProfile.type: "Unconfined"; ${FIX}`] },
        { name: "reports an Unconfined pod once, not again for each container relying on it", spec: podSpec({ securityContext: { seccompProfile: { type: "Unconfined" } }, containers: [container(), container({ name: "b" })] }),
            want: [`${S} sets securityContext.seccompProfile.type: "Unconfined"; ${FIX}`] },
        { name: "flags a profile without a type", spec: app({}), want: [`${S}.containers[0] ("app") does not set securityContext.seccompProfile.type (the profile has no type); ${FIX}`] },
        { name: "flags a pod profile without a type", spec: podSpec({ securityContext: { seccompProfile: { type: undefined, localhostProfile: "p.json" } } }),
            want: [`${S} does not set securityContext.seccompProfile.type (the profile has no type); ${FIX}`] },
        { name: "flags a wrong-case type", spec: app({ type: "runtimedefault" }), want: [`${S}.containers[0] ("app") sets securityContext.seccompProfile.type: "runtimedefault"; ${FIX}`] },
        // Windows (policy v1.25+)
        { name: "exempts a Windows pod", spec: noPodLevel({ os: { name: "windows" } }) },
        { name: "does not exempt a Linux pod", spec: podSpec({ os: { name: "linux" }, securityContext: { seccompProfile: { type: "Unconfined" } } }),
            want: [`${S} sets securityContext.seccompProfile.type: "Unconfined"; ${FIX}`] },
        // …Patch
        { name: "does not require a profile in a DeploymentPatch", kind: kind("DeploymentPatch"), spec: { containers: [{ name: "app", image: "app:2" }] } },
        { name: "flags an explicit Unconfined in a DeploymentPatch", kind: kind("DeploymentPatch"), spec: { containers: [{ name: "app", securityContext: { seccompProfile: { type: "Unconfined" } } }] },
            want: [`${S}.containers[0] ("app") sets securityContext.seccompProfile.type: "Unconfined"; ${FIX}`] },
        // secrets and unknowns
        { name: "never prints a secret type", spec: podSpec({ securityContext: { seccompProfile: { type: secret("Unconfined") } } }), want: [`${S} sets securityContext.seccompProfile.type: [secret]; ${FIX}`] },
        { name: "reports only the SDK's note when the pod's type is unknown at preview", spec: podSpec({ securityContext: { seccompProfile: { type: unknown } } }),
            unknown: unknownNote(`${S}.securityContext.seccompProfile.type`) },
        { name: "reports only the SDK's note when os.name is unknown and the check fails", spec: noPodLevel({ os: { name: unknown } }), unknown: unknownNote(`${S}.os.name`) },
    ]);
});
